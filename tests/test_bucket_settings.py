"""Bucket settings against the real SeaweedFS server: each one applied and read back equal,
the limits refused before anything is sent, and the answers of a bucket without object lock
and of a server that lacks a setting."""

from __future__ import annotations

import io
import secrets
from datetime import date

import pytest
from minio.commonconfig import ENABLED, Filter
from minio.lifecycleconfig import LifecycleConfig, Rule, Transition

from desktop_app.core.bucket_settings import (
    COMPLIANCE,
    GOVERNANCE,
    SSE_KMS,
    SSE_S3,
    BucketEncryption,
    InvalidBucketSetting,
    LifecycleRule,
    ObjectLockConfig,
    ObjectLockNotEnabled,
)
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import NotFound, NotSupportedByServer
from desktop_app.storage.protocol import BucketSettingsOps
from desktop_app.storage.s3 import MinioStorage
from tests.fake_servers import fake_s3

ALL_KINDS = (
    LifecycleRule(id="logs", prefix="logs/", expire_days=30),
    LifecycleRule(id="tagged", prefix="tmp/", tags=(("team", "a"), ("kind", "scratch")),
                  expire_days=7),
    LifecycleRule(id="one-tag", tags=(("purge", "yes"),), expire_days=9),
    LifecycleRule(id="dated", enabled=False, prefix="old/", expire_date=date(2031, 1, 1)),
    LifecycleRule(id="versions", noncurrent_days=10, noncurrent_keep=3),
    LifecycleRule(id="markers", prefix="x/", expired_delete_markers=True),
    LifecycleRule(id="uploads", abort_uploads_days=5),
)


@pytest.fixture
def locked_bucket(storage: MinioStorage) -> str:
    """A fresh bucket created with object lock (the SDK directly, so this test needs only
    the settings role)."""
    name = f"locked-{secrets.token_hex(4)}"
    storage._client.make_bucket(bucket_name=name, object_lock=True)
    return name


def test_minio_storage_plays_the_settings_role(storage: MinioStorage) -> None:
    assert isinstance(storage, BucketSettingsOps)


# -- versioning --------------------------------------------------------------------------
def test_versioning_reads_off_then_enabled_then_suspended(
    storage: MinioStorage, bucket: str,
) -> None:
    assert storage.get_versioning(bucket) == "Off"
    storage.set_versioning(bucket, True)
    assert storage.get_versioning(bucket) == "Enabled"
    storage.set_versioning(bucket, False)
    assert storage.get_versioning(bucket) == "Suspended"


# -- lifecycle ---------------------------------------------------------------------------
def test_a_bucket_without_lifecycle_has_no_rules(storage: MinioStorage, bucket: str) -> None:
    assert storage.get_lifecycle(bucket) == ()


@pytest.mark.parametrize("rule", ALL_KINDS, ids=lambda r: r.id)
def test_each_kind_of_lifecycle_rule_reads_back_equal(
    storage: MinioStorage, bucket: str, rule: LifecycleRule,
) -> None:
    storage.set_lifecycle(bucket, (rule,))
    assert storage.get_lifecycle(bucket) == (rule,)


def test_all_rules_together_read_back_in_order_and_empty_removes_them(
    storage: MinioStorage, bucket: str,
) -> None:
    storage.set_lifecycle(bucket, ALL_KINDS)
    assert storage.get_lifecycle(bucket) == ALL_KINDS
    storage.set_lifecycle(bucket, ())
    assert storage.get_lifecycle(bucket) == ()
    storage.set_lifecycle(bucket, ())  # removing nothing is no failure


def test_a_refused_rule_set_leaves_the_server_untouched(
    storage: MinioStorage, bucket: str,
) -> None:
    """SeaweedFS itself accepts e.g. an expiry in days AND a date: the app refuses first."""
    storage.set_lifecycle(bucket, ALL_KINDS[:1])
    bad = LifecycleRule(id="both", expire_days=3, expire_date=date(2031, 1, 1))
    with pytest.raises(InvalidBucketSetting) as caught:
        storage.set_lifecycle(bucket, (bad,))
    assert "not both" in caught.value.message
    assert storage.get_lifecycle(bucket) == ALL_KINDS[:1]


def test_seaweedfs_refusing_transitions_comes_out_as_not_supported(
    storage: MinioStorage, bucket: str,
) -> None:
    """The app offers no transitions; SeaweedFS answers one with NotImplemented, the real
    answer of a server lacking a lifecycle action, which the settings calls turn into
    `NotSupportedByServer`."""
    cold = Rule(ENABLED, rule_filter=Filter(prefix="cold/"), rule_id="cold",
                transition=Transition(days=30, storage_class="GLACIER"))
    with pytest.raises(NotSupportedByServer) as caught, \
            storage._setting("change the lifecycle rules", "lifecycle transitions", bucket):
        storage._client.set_bucket_lifecycle(bucket_name=bucket, config=LifecycleConfig([cold]))
    assert "does not support lifecycle transitions" in caught.value.message
    assert "not implemented (NotImplemented)" in caught.value.message
    assert storage.get_lifecycle(bucket) == ()


def test_lifecycle_xml_shows_what_is_sent(storage: MinioStorage) -> None:
    text = storage.lifecycle_xml(ALL_KINDS[1:2] + ALL_KINDS[3:4])
    assert text.startswith("<LifecycleConfiguration")
    assert "<ID>tagged</ID>" in text
    assert "<Prefix>tmp/</Prefix>" in text
    assert "<Key>kind</Key>" in text
    assert "<Value>scratch</Value>" in text
    assert "<Status>Disabled</Status>" in text
    assert "<Date>2031-01-01T00:00:00.000Z</Date>" in text
    assert "\n  <Rule>" in text  # indented for reading


# -- object lock -------------------------------------------------------------------------
def test_a_bucket_without_lock_says_so_and_refuses_a_default_retention(
    storage: MinioStorage, bucket: str,
) -> None:
    assert storage.get_object_lock(bucket) == ObjectLockConfig(enabled=False)
    with pytest.raises(ObjectLockNotEnabled) as caught:
        storage.set_default_retention(bucket, GOVERNANCE, days=1)
    assert isinstance(caught.value, NotSupportedByServer)
    assert "was not enabled when the bucket" in caught.value.message
    assert "cannot be added later" in caught.value.message
    assert storage.get_object_lock(bucket) == ObjectLockConfig(enabled=False)


def test_default_retention_in_days_and_years_reads_back_and_clears(
    storage: MinioStorage, locked_bucket: str,
) -> None:
    assert storage.get_object_lock(locked_bucket) == ObjectLockConfig(enabled=True)
    storage.set_default_retention(locked_bucket, GOVERNANCE, days=3)
    assert storage.get_object_lock(locked_bucket) == ObjectLockConfig(True, GOVERNANCE, days=3)
    storage.set_default_retention(locked_bucket, COMPLIANCE, years=2)
    assert storage.get_object_lock(locked_bucket) == ObjectLockConfig(True, COMPLIANCE, years=2)
    storage.set_default_retention(locked_bucket, None)
    assert storage.get_object_lock(locked_bucket) == ObjectLockConfig(enabled=True)


def test_a_bad_retention_is_refused_before_sending(
    storage: MinioStorage, locked_bucket: str,
) -> None:
    storage.set_default_retention(locked_bucket, GOVERNANCE, days=3)
    with pytest.raises(InvalidBucketSetting, match="days or in years"):
        storage.set_default_retention(locked_bucket, GOVERNANCE, days=3, years=1)
    assert storage.get_object_lock(locked_bucket) == ObjectLockConfig(True, GOVERNANCE, days=3)


# -- encryption --------------------------------------------------------------------------
def test_sse_s3_default_reads_back_and_new_objects_are_encrypted(
    storage: MinioStorage, bucket: str,
) -> None:
    assert storage.get_bucket_encryption(bucket) is None
    storage.set_bucket_encryption(bucket, BucketEncryption(SSE_S3))
    assert storage.get_bucket_encryption(bucket) == BucketEncryption(SSE_S3)
    storage._client.put_object(bucket_name=bucket, object_name="a.txt",
                               data=io.BytesIO(b"hello"), length=5)
    head = storage._client.stat_object(bucket_name=bucket, object_name="a.txt")
    assert (head.metadata or {}).get("x-amz-server-side-encryption") == SSE_S3
    storage.set_bucket_encryption(bucket, None)
    assert storage.get_bucket_encryption(bucket) is None


def test_sse_kms_default_with_a_key_id_reads_back(storage: MinioStorage, bucket: str) -> None:
    """SeaweedFS stores the setting; without a KMS configured it then fails uploads to the
    bucket (InternalError), so nothing is uploaded here."""
    enc = BucketEncryption(SSE_KMS, "app-key-1")
    storage.set_bucket_encryption(bucket, enc)
    assert storage.get_bucket_encryption(bucket) == enc


def test_sse_kms_without_a_key_is_refused_before_sending(
    storage: MinioStorage, bucket: str,
) -> None:
    with pytest.raises(InvalidBucketSetting, match="needs the id of a key"):
        storage.set_bucket_encryption(bucket, BucketEncryption(SSE_KMS))
    assert storage.get_bucket_encryption(bucket) is None


# -- tags --------------------------------------------------------------------------------
def test_bucket_tags_read_back_and_empty_removes_them(storage: MinioStorage, bucket: str) -> None:
    assert storage.get_bucket_tags(bucket) == {}
    tags = {"Project": "one", "empty": "", "ünïcode": "välue with spaces", "k" * 128: "v" * 256}
    storage.set_bucket_tags(bucket, tags)
    assert storage.get_bucket_tags(bucket) == tags
    storage.set_bucket_tags(bucket, {})
    assert storage.get_bucket_tags(bucket) == {}


@pytest.mark.parametrize(("tags", "words"), [
    ({f"k{i}": "v" for i in range(51)}, "at most 50 tags (51 given)"),
    ({"k" * 129: "v"}, "longer than 128 characters (129)"),
    ({"key": "v" * 257}, "longer than 256 characters (257)"),
    ({"aws:created-by": "me"}, "starts with “aws:”"),
    ({"": "v"}, "a tag key is empty"),
])
def test_tags_over_the_limits_are_refused_before_sending(
    storage: MinioStorage, bucket: str, tags: dict[str, str], words: str,
) -> None:
    """SeaweedFS itself stores an `aws:` key: the check is the app's."""
    storage.set_bucket_tags(bucket, {"keep": "me"})
    with pytest.raises(InvalidBucketSetting) as caught:
        storage.set_bucket_tags(bucket, tags)
    assert words in caught.value.message
    assert "nothing was sent" in caught.value.hint
    assert storage.get_bucket_tags(bucket) == {"keep": "me"}


# -- a server that lacks the settings ------------------------------------------------------
def _fake_settings(port: int) -> ConnectionSettings:
    return ConnectionSettings(name="fake", host="127.0.0.1", port=port, secure=False,
                              access_key="fake-access", secret_key="fake-secret-xyz",
                              region="us-east-1")


@pytest.mark.parametrize("read", [
    "get_lifecycle", "get_bucket_encryption", "get_bucket_tags", "get_object_lock",
    "get_versioning",
])
def test_a_server_without_the_setting_raises_not_supported_with_its_answer(read: str) -> None:
    answer = (501, "NotImplemented", "This bucket feature is not implemented here.", "")
    with fake_s3(answer) as port:
        fake = MinioStorage(_fake_settings(port))
        try:
            with pytest.raises(NotSupportedByServer) as caught:
                getattr(fake, read)("some-bucket")
        finally:
            fake.close()
    text = caught.value.user_text()
    assert "does not support" in text
    assert "This bucket feature is not implemented here. (NotImplemented)" in text
    assert "fake-secret-xyz" not in text


def test_other_server_failures_stay_what_they_are(storage: MinioStorage) -> None:
    with pytest.raises(NotFound):
        storage.get_lifecycle(f"missing-{secrets.token_hex(3)}")

