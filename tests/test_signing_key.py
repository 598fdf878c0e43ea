"""The SigV4 signing key derived once per day, and the small-file lane's own presigned GETs."""

from __future__ import annotations

import dataclasses
import io
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import urlsplit, urlunsplit

import pytest
from minio import signer

from desktop_app.core.checksums import CHECKSUM_MODE
from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage, signing_key
from desktop_app.storage.s3.client import make_client, make_http_client

SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
SETTINGS = ConnectionSettings(name="t", host="127.0.0.1", port=9000, secure=False,
                              access_key="AKIA/EXAMPLE+KEY", secret_key=SECRET,
                              region="eu-west-3")


def test_cached_key_is_the_sdks_and_a_new_day_derives_a_new_one() -> None:
    monday = datetime(2026, 11, 30, 23, 59, 59, tzinfo=UTC)
    tuesday = monday + timedelta(seconds=1)
    original = signing_key._SDK_SIGNING_KEY
    for when in (monday, tuesday, monday.replace(tzinfo=None),
                 # 01:00 in UTC+2 is still the day before in UTC, as the SDK counts it
                 datetime(2026, 12, 1, 1, 0, tzinfo=timezone(timedelta(hours=2)))):
        assert signing_key.cached_signing_key(SECRET, when, "eu-west-3", "s3") == \
            original(SECRET, when, "eu-west-3", "s3")
    assert signing_key.cached_signing_key(SECRET, tuesday, "eu-west-3", "s3") != \
        signing_key.cached_signing_key(SECRET, monday, "eu-west-3", "s3")
    assert signing_key.cached_signing_key(SECRET, monday, "us-east-1", "s3") != \
        signing_key.cached_signing_key(SECRET, monday, "eu-west-3", "s3")
    assert signing_key.cached_signing_key(SECRET + "x", monday, "eu-west-3", "s3") != \
        signing_key.cached_signing_key(SECRET, monday, "eu-west-3", "s3")


def test_every_client_signs_with_the_cached_key() -> None:
    make_client(SETTINGS, make_http_client(SETTINGS))
    assert signer._get_signing_key is signing_key.cached_signing_key


@pytest.mark.parametrize("virtual", [False, True])
@pytest.mark.parametrize("token", [None, "FQoG/token+with=odd&chars"])
@pytest.mark.parametrize("key", ["plain.bin", "dir/a key with spaces & ‘quotes’ é~+.txt"])
def test_presigned_get_equals_the_sdks(
    monkeypatch: pytest.MonkeyPatch, virtual: bool, token: str | None, key: str,
) -> None:
    settings = dataclasses.replace(SETTINGS, session_token=token)
    client = make_client(settings, make_http_client(settings), virtual=virtual)
    client._region_map["bucket-1"] = "eu-west-3"  # no region lookup on the network
    when = datetime(2026, 12, 2, 10, 5, 7, tzinfo=UTC)
    query: dict[str, str | list[str] | tuple[str]] = dict(CHECKSUM_MODE)
    monkeypatch.setattr(signer, "_get_signing_key", signing_key._SDK_SIGNING_KEY)
    expected = client.presigned_get_object(
        bucket_name="bucket-1", object_name=key, expires=timedelta(minutes=15),
        request_date=when, extra_query_params=dict(query))
    if token:
        query["X-Amz-Security-Token"] = token
    url = client._base_url.build(method="GET", region="eu-west-3", bucket_name="bucket-1",
                                 object_name=key, query_params=query)
    ours = signing_key.presign_get(url, region="eu-west-3", access_key=settings.access_key,
                                   secret_key=SECRET, issued_at=when, expires_s=900)
    assert urlunsplit(ours) == expected
    # and the SDK's own signature is unchanged by the cached key
    monkeypatch.setattr(signer, "_get_signing_key", signing_key.cached_signing_key)
    assert client.presigned_get_object(
        bucket_name="bucket-1", object_name=key, expires=timedelta(minutes=15),
        request_date=when, extra_query_params=dict(CHECKSUM_MODE)) == expected


@pytest.mark.parametrize("virtual", [False, True])
def test_lane_links_of_one_bucket_are_the_sdks(monkeypatch: pytest.MonkeyPatch,
                                               virtual: bool) -> None:
    """The bucket's URL is built once and each key put in its place: every link, the first
    and the ones after it, is the one the SDK makes for that key."""
    storage = MinioStorage(SETTINGS)
    storage._client = make_client(SETTINGS, make_http_client(SETTINGS), virtual=virtual)
    monkeypatch.setattr(signer, "_get_signing_key", signing_key._SDK_SIGNING_KEY)
    for key in ("plain.bin", "dir/a key with spaces & ‘quotes’ é~+.txt", "/lead//x%y?z#",
                "plain.bin"):
        link = storage._presign_fetch("bucket-1", key)
        stamp = dict(p.split("=", 1) for p in urlsplit(link).query.split("&"))["X-Amz-Date"]
        when = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        assert link == storage._client.presigned_get_object(
            bucket_name="bucket-1", object_name=key, expires=timedelta(minutes=15),
            request_date=when, extra_query_params=dict(CHECKSUM_MODE))
    assert len(storage.__dict__["_fetch_bases"]) == 1


def test_lane_keeps_a_bounded_number_of_bucket_urls() -> None:
    """A session token that rotates makes a new query each time: the built URLs kept for
    them stay bounded, and a link after the bound is still the right one."""
    storage = MinioStorage(SETTINGS)
    query: dict[str, str | list[str] | tuple[str]] = dict(CHECKSUM_MODE)
    for n in range(200):
        query["X-Amz-Security-Token"] = f"token-{n}"
        url = storage._fetch_url("bucket-1", "k.bin", "eu-west-3", query)
        assert f"X-Amz-Security-Token=token-{n}" in url.query
        assert url.path == "/bucket-1/k.bin"
    assert 0 < len(storage.__dict__["_fetch_bases"]) <= 64


def test_lane_link_fetches_the_object(storage: MinioStorage,
                                                        bucket: str) -> None:
    storage._client.put_object(bucket_name=bucket, object_name="a b/ü.bin",
                               data=io.BytesIO(b"x" * 100), length=100)
    url = storage._presign_fetch(bucket, "a b/ü.bin")
    assert "X-Amz-Signature=" in urlsplit(url).query
    with urllib.request.urlopen(url) as answer:
        assert answer.read() == b"x" * 100
    # a tampered link is refused: the signature covers the key
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(url.replace("%C3%BC.bin", "u.bin"))
