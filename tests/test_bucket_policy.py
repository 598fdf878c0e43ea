"""Bucket policies on the real server: each kind does what it says to unsigned requests,
`anonymous_access` reports the same as our own unsigned requests, and nothing is left
behind by its write probe."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import urllib3

from desktop_app.core.anonymous_access import PROBE_NAME
from desktop_app.core.bucket_policy import (
    AnonymousGrant,
    PolicyInvalid,
    PolicyKind,
    PrefixAccess,
    canned_policy,
    classify,
    prefix_policy,
    same_policy,
)
from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.protocol import BucketPolicyOps
from desktop_app.storage.s3 import MinioStorage
from tests.helpers import put_bytes
from tests.hostile_s3 import HostileS3, Misbehaviour

_HTTP = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(connect=4, read=20))


def _anonymous(settings: ConnectionSettings, method: str, path: str) -> int:
    """The status an unsigned request gets (our own, independent of the app's code)."""
    return _HTTP.request(method, f"{settings.url}/{path}", redirect=False).status


def _keys(storage: MinioStorage, bucket: str) -> list[str]:
    return sorted(o.key for o in storage.iter_objects(bucket, ""))


def _set(storage: MinioStorage, bucket: str, text: str) -> None:
    storage.set_bucket_policy(bucket, text)
    assert same_policy(storage.get_bucket_policy(bucket), text)


def test_public_read_serves_anonymous_get_until_private_again(
        storage: MinioStorage, bucket: str, s3_server: ConnectionSettings) -> None:
    assert isinstance(storage, BucketPolicyOps)
    put_bytes(storage, bucket, "docs/a.txt", b"hello", "text/plain")
    assert storage.get_bucket_policy(bucket) == ""
    assert _anonymous(s3_server, "GET", f"{bucket}/docs/a.txt") == 403
    report = storage.anonymous_access(bucket)
    assert [c.allowed for c in (report.list, report.read)] == [False, False]
    assert "AccessDenied" in report.read.answer

    text = canned_policy(bucket, PolicyKind.PUBLIC_READ)
    _set(storage, bucket, text)
    assert classify(bucket, storage.get_bucket_policy(bucket)).kind is PolicyKind.PUBLIC_READ
    assert _HTTP.request("GET", f"{s3_server.url}/{bucket}/docs/a.txt").data == b"hello"
    report = storage.anonymous_access(bucket)
    assert report.list.allowed is True
    assert report.read.allowed is True
    assert report.read.target == "docs/a.txt"
    assert report.write.allowed is False  # read only: the probe is refused
    assert PROBE_NAME in report.write.target
    assert report.probe_left == ""
    assert _keys(storage, bucket) == ["docs/a.txt"]

    storage.set_bucket_policy(bucket, canned_policy(bucket, PolicyKind.PRIVATE))
    assert storage.get_bucket_policy(bucket) == ""
    assert _anonymous(s3_server, "GET", f"{bucket}/docs/a.txt") == 403
    report = storage.anonymous_access(bucket)
    assert [c.allowed for c in (report.list, report.read, report.write)] == [False] * 3
    storage.delete_bucket_policy(bucket)  # none left: still fine


def test_listing_follows_objects_only_versus_objects_and_listing(
        storage: MinioStorage, bucket: str, s3_server: ConnectionSettings) -> None:
    put_bytes(storage, bucket, "a.txt", b"a")
    _set(storage, bucket, canned_policy(bucket, PolicyKind.PUBLIC_READ_OBJECTS))
    assert classify(bucket, storage.get_bucket_policy(bucket)).kind \
        is PolicyKind.PUBLIC_READ_OBJECTS
    assert _anonymous(s3_server, "GET", f"{bucket}/a.txt") == 200
    assert _anonymous(s3_server, "GET", f"{bucket}?list-type=2") == 403
    report = storage.anonymous_access(bucket)
    assert (report.list.allowed, report.read.allowed) == (False, True)
    assert "403" in report.list.answer

    _set(storage, bucket, canned_policy(bucket, PolicyKind.PUBLIC_READ))
    assert _anonymous(s3_server, "GET", f"{bucket}?list-type=2") == 200
    report = storage.anonymous_access(bucket)
    assert (report.list.allowed, report.read.allowed) == (True, True)


def test_download_below_a_prefix_allows_only_that_prefix(
        storage: MinioStorage, bucket: str, s3_server: ConnectionSettings) -> None:
    put_bytes(storage, bucket, "pub/x.txt", b"x")
    put_bytes(storage, bucket, "private/y.txt", b"y")
    grant = AnonymousGrant("pub/", PrefixAccess.DOWNLOAD)
    _set(storage, bucket, prefix_policy(bucket, [grant]))
    found = classify(bucket, storage.get_bucket_policy(bucket))
    assert (found.kind, found.grants) == (PolicyKind.PREFIXES, (grant,))

    assert _anonymous(s3_server, "GET", f"{bucket}/pub/x.txt") == 200
    assert _anonymous(s3_server, "GET", f"{bucket}/private/y.txt") == 403
    assert _anonymous(s3_server, "GET", f"{bucket}?list-type=2&prefix=pub/") == 200
    assert _anonymous(s3_server, "GET", f"{bucket}?list-type=2") == 403

    inside = storage.anonymous_access(bucket, "pub/")
    assert (inside.list.allowed, inside.read.allowed) == (True, True)
    assert inside.read.target == "pub/x.txt"
    assert inside.write.target.startswith(f"pub/{PROBE_NAME}")
    outside = storage.anonymous_access(bucket, "private/")
    assert (outside.list.allowed, outside.read.allowed) == (False, False)
    whole = storage.anonymous_access(bucket)
    assert whole.list.allowed is False
    assert _keys(storage, bucket) == ["private/y.txt", "pub/x.txt"]


def test_write_report_matches_the_server_and_leaves_no_probe(
        storage: MinioStorage, bucket: str, s3_server: ConnectionSettings) -> None:
    _set(storage, bucket, canned_policy(bucket, PolicyKind.PUBLIC_READ_WRITE))
    assert classify(bucket, storage.get_bucket_policy(bucket)).kind \
        is PolicyKind.PUBLIC_READ_WRITE
    # What this server really does with an unsigned PUT (SeaweedFS refuses it even when
    # the policy allows it; other servers store it): the report must say the same.
    put = _HTTP.request("PUT", f"{s3_server.url}/{bucket}/own-probe", body=b"p",
                        headers={"Content-Type": "text/plain"}, redirect=False)
    if put.status < 300:
        storage.delete(bucket, "own-probe")
    report = storage.anonymous_access(bucket)
    assert report.write.allowed is (put.status < 300)
    assert report.read.allowed is None  # the bucket is empty: nothing to read
    assert "no object" in report.read.answer
    assert report.probe_left == ""
    assert _keys(storage, bucket) == []


def test_bad_policies_are_refused_before_sending(storage: MinioStorage, bucket: str) -> None:
    before = canned_policy(bucket, PolicyKind.PUBLIC_READ_OBJECTS)
    _set(storage, bucket, before)
    other = json.loads(before)
    other["Statement"][0]["Resource"] = ["arn:aws:s3:::someone-elses-bucket/*"]
    with pytest.raises(PolicyInvalid, match="names the bucket “someone-elses-bucket”"):
        storage.set_bucket_policy(bucket, json.dumps(other))
    with pytest.raises(PolicyInvalid, match="line 1, column 2"):
        storage.set_bucket_policy(bucket, "{oops")
    assert same_policy(storage.get_bucket_policy(bucket), before)


def test_custom_policy_reads_back_equal(storage: MinioStorage, bucket: str) -> None:
    text = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Sid": "Reports", "Effect": "Allow", "Principal": {"AWS": ["*"]},
         "Action": ["s3:GetObject"], "Resource": [f"arn:aws:s3:::{bucket}/reports/*"]},
        {"Effect": "Allow", "Principal": "*", "Action": "s3:ListBucket",
         "Resource": f"arn:aws:s3:::{bucket}"},
    ]})
    _set(storage, bucket, text)
    assert classify(bucket, storage.get_bucket_policy(bucket)).kind is PolicyKind.CUSTOM
    storage.delete_bucket_policy(bucket)
    assert storage.get_bucket_policy(bucket) == ""


@pytest.fixture
def open_fake() -> Iterator[tuple[HostileS3, MinioStorage]]:
    """A fake S3 that lets anyone write (SeaweedFS never does), to see the probe removed."""
    fake = HostileS3().start()
    fake.buckets["open"] = {}
    storage = MinioStorage(ConnectionSettings(
        name="fake", host="127.0.0.1", port=fake.port, secure=False,
        access_key="AKIAFAKE", secret_key="fake-secret-key", region="us-east-1"))
    yield fake, storage
    storage.close()
    fake.stop()


def test_allowed_write_probe_is_unsigned_and_removed_signed(
        open_fake: tuple[HostileS3, MinioStorage]) -> None:
    fake, storage = open_fake
    fake.put("open", "in/a.txt", b"a", sha256=False)
    start = fake.mark()
    report = storage.anonymous_access("open", "in/")
    assert (report.list.allowed, report.read.allowed, report.write.allowed) == (True,) * 3
    assert report.probe_left == ""
    assert sorted(fake.buckets["open"]) == ["in/a.txt"]
    put, = fake.requests(kind="put", after=start)
    delete, = fake.requests(kind="delete", after=start)
    assert put.path.startswith(f"/open/in/{PROBE_NAME}")
    assert delete.path == put.path
    signed = [(s.kind, "authorization" in {h.lower() for h in s.headers})
              for s in fake.requests(after=start)]
    # Unsigned: the list, the read and the probe; signed: the app's own listing to find
    # an object to read, and the removal of the probe.
    assert signed == [("list", False), ("list", True), ("get", False), ("put", False),
                      ("delete", True)]


def test_a_redirect_is_reported_and_never_followed(
        open_fake: tuple[HostileS3, MinioStorage]) -> None:
    fake, storage = open_fake
    fake.put("open", "a.txt", b"a", sha256=False)
    fake.misbehave(Misbehaviour("redirect", on="get"))
    report = storage.anonymous_access("open")
    assert report.read.allowed is None
    assert "redirect" in report.read.answer
    assert fake.requests(server="other") == []
