"""Creating, emptying and deleting buckets, and object lock on versions, against the real
server (SeaweedFS); the compliance rule is also checked as plain logic."""

from __future__ import annotations

import io
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from desktop_app.core.buckets import (
    COMPLIANCE,
    GOVERNANCE,
    BucketNotEmpty,
    Retention,
    RetentionRefused,
    retention_refusal,
)
from desktop_app.core.errors import ConfigError, NotSupportedByServer
from desktop_app.storage.protocol import BucketLifecycleOps
from desktop_app.storage.s3 import MinioStorage

# The figure: emptying and deleting 2,080 versions takes about 4-5 s here (printed
# with -s), well within a test's budget.
MANY = 2000


def new_name(tag: str) -> str:
    return f"{tag}-{secrets.token_hex(4)}"


def put(storage: MinioStorage, bucket: str, key: str, data: bytes = b"x") -> None:
    storage.put_stream(bucket, key, io.BytesIO(data), len(data))


def latest_version(storage: MinioStorage, bucket: str, key: str) -> str:
    return storage.list_versions(bucket, key)[0].version_id


def bucket_names(storage: MinioStorage) -> set[str]:
    return {b.name for b in storage.list_buckets()}


# -- the compliance rule, without a server ---------------------------------------------------
NOW = datetime(2030, 1, 1, tzinfo=UTC)


def test_compliance_retention_can_only_be_extended() -> None:
    current = Retention(COMPLIANCE, NOW + timedelta(days=10))
    assert "never shortened" in retention_refusal(
        current, Retention(COMPLIANCE, NOW + timedelta(days=5)), NOW)
    assert "governance" in retention_refusal(
        current, Retention(GOVERNANCE, NOW + timedelta(days=20)), NOW)
    assert "nobody can remove" in retention_refusal(current, None, NOW)
    assert retention_refusal(current, Retention(COMPLIANCE, NOW + timedelta(days=20)), NOW) == ""
    # Governance, or a compliance retention that has ended, is the server's call.
    assert retention_refusal(Retention(GOVERNANCE, NOW + timedelta(days=1)), None, NOW) == ""
    assert retention_refusal(Retention(COMPLIANCE, NOW - timedelta(days=1)), None, NOW) == ""


def test_retention_needs_a_known_mode_and_a_time_zone() -> None:
    with pytest.raises(ValueError, match="mode"):
        Retention("FOREVER", NOW)
    with pytest.raises(ValueError, match="time zone"):
        Retention(GOVERNANCE, datetime(2030, 1, 1))


# -- creating ----------------------------------------------------------------------------------
def test_storage_offers_the_bucket_lifecycle_role(storage: MinioStorage) -> None:
    assert isinstance(storage, BucketLifecycleOps)


def test_create_with_versioning_reads_back_enabled(storage: MinioStorage) -> None:
    plain, versioned = new_name("plain"), new_name("versioned")
    storage.make_bucket(plain)
    storage.make_bucket(versioned, versioning=True)
    assert not storage.versioning_enabled(plain)
    assert storage.versioning_enabled(versioned)


def test_create_with_object_lock_reads_back_locked(storage: MinioStorage) -> None:
    locked, plain = new_name("locked"), new_name("unlocked")
    storage.make_bucket(locked, object_lock=True)
    storage.make_bucket(plain)
    assert storage.versioning_enabled(locked)  # object lock turns versioning on
    put(storage, locked, "a.txt")
    put(storage, plain, "a.txt")
    until = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    storage.set_retention(locked, "a.txt", Retention(GOVERNANCE, until))
    assert storage.get_retention(locked, "a.txt") == Retention(GOVERNANCE, until)
    assert storage.get_retention(plain, "a.txt") is None
    assert storage.get_legal_hold(plain, "a.txt") is False
    with pytest.raises(ConfigError, match="Object lock is not enabled"):
        storage.set_retention(plain, "a.txt", Retention(GOVERNANCE, until))
    with pytest.raises(ConfigError) as caught:
        storage.set_legal_hold(plain, "a.txt", True)
    assert "only be turned on when a bucket is created" in caught.value.user_text()


def test_create_in_the_connections_region_and_not_another(storage: MinioStorage) -> None:
    region = storage.settings.region or "us-east-1"
    name = new_name("region")
    storage.make_bucket(name, region=region)
    assert name in bucket_names(storage)
    other = "eu-west-1" if region != "eu-west-1" else "us-west-2"
    with pytest.raises(ConfigError, match="region"):
        storage.make_bucket(new_name("elsewhere"), region=other)


# -- deleting ----------------------------------------------------------------------------------
def test_delete_an_empty_bucket(storage: MinioStorage, bucket: str) -> None:
    storage.delete_bucket(bucket)
    assert bucket not in bucket_names(storage)


def test_delete_a_bucket_with_objects_says_how_many(storage: MinioStorage, bucket: str) -> None:
    for n in range(3):
        put(storage, bucket, f"k{n}")
    with pytest.raises(BucketNotEmpty) as caught:
        storage.delete_bucket(bucket)
    assert caught.value.count == 3
    assert "Empty and delete" in caught.value.user_text()
    assert bucket in bucket_names(storage)


def test_an_unfinished_upload_keeps_the_bucket(storage: MinioStorage, bucket: str) -> None:
    """SeaweedFS itself would delete the bucket and the upload with it."""
    storage.create_multipart(bucket, "big.bin", "application/octet-stream", {})
    with pytest.raises(BucketNotEmpty):
        storage.delete_bucket(bucket)
    assert bucket in bucket_names(storage)


def test_empty_and_delete_a_versioned_bucket(storage: MinioStorage) -> None:
    name = new_name("many")
    storage.make_bucket(name, versioning=True)
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda n: put(storage, name, f"d{n % 7}/o{n:05d}", b"abc"), range(MANY)))
    for n in range(0, 50):  # a second version of some, a delete marker on others
        put(storage, name, f"d{n % 7}/o{n:05d}", b"second")
    for n in range(50, 80):
        storage.delete(name, f"d{n % 7}/o{n:05d}")
    storage.create_multipart(name, "unfinished.bin", "application/octet-stream", {})

    usage = storage.bucket_usage(name)
    assert (usage.objects, usage.versions, usage.delete_markers, usage.uploads) == (
        MANY - 30, MANY + 80, 30, 1)
    assert usage.size == MANY * 3 + 50 * 6
    seen: list[tuple[int, int]] = []
    started = time.perf_counter()
    report = storage.empty_bucket(name, progress=lambda done, total: seen.append((done, total)))
    storage.delete_bucket(name)
    print(f"\nemptied and deleted {MANY + 80:,} versions in "
          f"{time.perf_counter() - started:.1f} s")
    assert report.finished
    assert (report.removed, report.total, report.uploads_aborted) == (MANY + 80, MANY + 80, 1)
    assert seen[0] == (0, MANY + 80)
    assert seen[-1] == (MANY + 80, MANY + 80)
    assert name not in bucket_names(storage)


def test_cancel_stops_emptying(storage: MinioStorage) -> None:
    name = new_name("cancel")
    storage.make_bucket(name, versioning=True)
    for n in range(5):
        put(storage, name, f"k{n}")
    storage.create_multipart(name, "unfinished.bin", "application/octet-stream", {})
    cancel = threading.Event()
    report = storage.empty_bucket(name, progress=lambda _d, _t: cancel.set(), cancel=cancel)
    assert report.cancelled
    assert not report.finished
    assert (report.removed, report.total) == (0, 5)
    usage = storage.bucket_usage(name)
    assert (usage.versions, usage.uploads) == (5, 1)
    assert storage.bucket_usage(name, cancel=cancel).complete is False


# -- object lock -------------------------------------------------------------------------------
def test_held_versions_are_reported_and_freed_as_the_mode_allows(storage: MinioStorage) -> None:
    name = new_name("held")
    storage.make_bucket(name, object_lock=True)
    for key in ("free.txt", "hold.txt", "gov.txt", "comp.txt"):
        put(storage, name, key)
    hold_v = latest_version(storage, name, "hold.txt")
    storage.set_legal_hold(name, "hold.txt", True, version_id=hold_v)
    assert storage.get_legal_hold(name, "hold.txt", hold_v) is True
    soon = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    storage.set_retention(name, "gov.txt", Retention(GOVERNANCE, soon))
    storage.set_retention(name, "comp.txt", Retention(COMPLIANCE, soon))

    report = storage.empty_bucket(name)
    assert not report.finished
    assert report.removed == 1
    reasons = {held.key: held.reason for held in report.held}
    assert reasons.keys() == {"hold.txt", "gov.txt", "comp.txt"}
    assert reasons["hold.txt"] == "a legal hold is on"
    assert reasons["gov.txt"].startswith("governance retention until ")
    assert reasons["comp.txt"].startswith("compliance retention until ")
    with pytest.raises(BucketNotEmpty):
        storage.delete_bucket(name)

    storage.set_legal_hold(name, "hold.txt", False, version_id=hold_v)
    report = storage.empty_bucket(name, bypass_governance=True)
    assert [held.key for held in report.held] == ["comp.txt"]
    assert report.removed == 2
    assert [v.key for v in storage.list_versions(name, "", exact=False)] == ["comp.txt"]


def test_compliance_is_refused_before_sending(storage: MinioStorage) -> None:
    name = new_name("comp")
    storage.make_bucket(name, object_lock=True)
    put(storage, name, "c.txt")
    until = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0)
    storage.set_retention(name, "c.txt", Retention(COMPLIANCE, until))
    for change in (Retention(COMPLIANCE, until - timedelta(days=1)),
                   Retention(GOVERNANCE, until + timedelta(days=1)), None):
        with pytest.raises(RetentionRefused, match="compliance retention until"):
            storage.set_retention(name, "c.txt", change, bypass_governance=True)
    later = until + timedelta(days=1)
    storage.set_retention(name, "c.txt", Retention(COMPLIANCE, later))  # extending is fine
    assert storage.get_retention(name, "c.txt") == Retention(COMPLIANCE, later)


def test_governance_is_shortened_only_with_bypass(storage: MinioStorage) -> None:
    name = new_name("gov")
    storage.make_bucket(name, object_lock=True)
    put(storage, name, "g.txt")
    until = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0)
    storage.set_retention(name, "g.txt", Retention(GOVERNANCE, until))
    shorter = Retention(GOVERNANCE, until - timedelta(days=1))
    with pytest.raises(RetentionRefused, match="without bypass"):
        storage.set_retention(name, "g.txt", shorter)
    storage.set_retention(name, "g.txt", shorter, bypass_governance=True)
    assert storage.get_retention(name, "g.txt") == shorter
    # SeaweedFS cannot remove a retention outright; its own answer is passed on.
    with pytest.raises(NotSupportedByServer, match="InvalidRequest"):
        storage.set_retention(name, "g.txt", None, bypass_governance=True)
