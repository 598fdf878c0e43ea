"""The SigV4 signing key derived once per day, and the small-file lane's own signed GETs."""

from __future__ import annotations

import dataclasses
import io
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import minio.time
import pytest
from minio import signer

from desktop_app.core.checksums import CHECKSUM_MODE
from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage, signing_key
from desktop_app.storage.s3.client import make_client, make_http_client
from tests.sdk_capture import sdk_request

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


def _sdk_get(client: Any, key: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, dict[str, str]]:
    """The URL and headers the SDK signs for a GET of `key` asking for its checksums."""
    method, url, headers = sdk_request(client, lambda: client.get_object(
        bucket_name="bucket-1", object_name=key, request_headers=dict(CHECKSUM_MODE)),
        monkeypatch)
    assert method == "GET"
    return url, headers


@pytest.mark.parametrize("virtual", [False, True])
@pytest.mark.parametrize("token", [None, "FQoG/token+with=odd&chars"])
def test_lane_gets_are_signed_as_the_sdk_signs_them(
    monkeypatch: pytest.MonkeyPatch, virtual: bool, token: str | None,
) -> None:
    """Every lane GET of a bucket, the first and the ones after it (the bucket's URL built
    once, each key put in its place), is the request the SDK signs for that key: the same
    URL, the same headers, the same signature."""
    settings = dataclasses.replace(SETTINGS, session_token=token)
    storage = MinioStorage(settings)
    storage._client = make_client(settings, make_http_client(settings), virtual=virtual)
    storage._client._region_map["bucket-1"] = "eu-west-3"  # no region lookup on the network
    when = datetime(2026, 12, 2, 10, 5, 7, tzinfo=UTC)
    monkeypatch.setattr(minio.time, "utcnow", lambda: when)
    monkeypatch.setattr(signer, "_get_signing_key", signing_key._SDK_SIGNING_KEY)
    for key in ("plain.bin", "dir/a key with spaces & ‘quotes’ é~+.txt", "/lead//x%y?z#",
                "plain.bin"):
        ours = storage._sign_fetch("bucket-1", key, when)
        assert ours == _sdk_get(storage._client, key, monkeypatch)
        assert "x-amz-checksum-mode" in ours[1]["Authorization"]
    assert len(storage.__dict__["_fetch_bases"]) == 1


def test_lane_keeps_a_bounded_number_of_bucket_urls() -> None:
    """The URLs kept built stay bounded however many buckets pass through the lane, and a
    URL after the bound is still the right one."""
    storage = MinioStorage(SETTINGS)
    for n in range(200):
        url = storage._fetch_url(f"bucket-{n}", "k.bin", "eu-west-3")
        assert url.path == f"/bucket-{n}/k.bin"
    assert 0 < len(storage.__dict__["_fetch_bases"]) <= 64


def test_lane_get_fetches_the_object(storage: MinioStorage, bucket: str) -> None:
    storage._client.put_object(bucket_name=bucket, object_name="a b/ü.bin",
                               data=io.BytesIO(b"x" * 100), length=100)
    url, headers = storage._sign_fetch(bucket, "a b/ü.bin")
    assert "Signature=" in headers["Authorization"]
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as answer:
        assert answer.read() == b"x" * 100
    # a tampered request is refused: the signature covers the key
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(urllib.request.Request(
            url.replace("%C3%BC.bin", "u.bin"), headers=headers))
    assert refused.value.code == 403
