"""The small-upload lane's PUTs are the threaded path's, signed as the SDK signs them."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

import minio.time
import pytest
from minio import signer

from desktop_app.core.checksums import Algo, crc_of
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.sse import CustomerKey, Encryption, EncryptionKeys, Mode
from desktop_app.storage.object_put import PutRequest
from desktop_app.storage.s3 import MinioStorage, signing_key

SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
SETTINGS = ConnectionSettings(name="t", host="127.0.0.1", port=9000, secure=False,
                              access_key="AKIA/EXAMPLE+KEY", secret_key=SECRET,
                              region="eu-west-3")


class _Sent(Exception):
    pass


def _sdk_request(storage: MinioStorage, request: PutRequest, body: bytes,
                 monkeypatch: pytest.MonkeyPatch) -> tuple[str, dict[str, str]]:
    """The URL and headers the SDK signs for the threaded path's `put_bytes` of `request`."""
    seen: dict[str, Any] = {}

    class Http:
        def urlopen(self, method: str, url: str, body: object = None, headers: Any = None,
                    preload_content: bool = True) -> None:
            seen.update(method=method, url=url, headers=dict(headers))
            raise _Sent

    monkeypatch.setattr(storage._client, "_http", Http())
    with pytest.raises(_Sent):
        storage.put_bytes(request.bucket, request.key, body, request.content_type,
                          request.metadata, if_absent=request.if_absent,
                          checksum=request.checksum)
    assert seen["method"] == "PUT"
    return seen["url"], seen["headers"]


@pytest.mark.parametrize(("secure", "token", "sse"), [
    (False, None, Mode.NONE), (False, "FQoG/token+with=odd&chars", Mode.SERVER),
    (True, None, Mode.CUSTOMER)])
@pytest.mark.parametrize(("key", "if_absent"), [
    ("plain.bin", False), ("dir/a key with spaces & ‘quotes’ é~+.txt", True)])
def test_lane_put_is_signed_as_the_sdk_signs_put_bytes(
        monkeypatch: pytest.MonkeyPatch, secure: bool, token: str | None, sse: Mode,
        key: str, if_absent: bool) -> None:
    settings = dataclasses.replace(SETTINGS, secure=secure, session_token=token)
    keys = EncryptionKeys()
    if sse is not Mode.NONE:
        keys.set("bucket-1", Encryption(sse, CustomerKey.generate()
                                        if sse is Mode.CUSTOMER else None))
    storage = MinioStorage(settings, encryption=keys)
    storage._client._region_map["bucket-1"] = "eu-west-3"  # no region lookup on the network
    when = datetime(2026, 12, 2, 10, 5, 7, tzinfo=UTC)
    monkeypatch.setattr(minio.time, "utcnow", lambda: when)
    monkeypatch.setattr(signer, "_get_signing_key", signing_key._SDK_SIGNING_KEY)
    body = b"small body \x00\xff" * 100
    request = PutRequest("bucket-1", key, len(body), "text/plain; charset=utf-8",
                         {"sha256": "ab" * 32}, crc_of(body, Algo.CRC64NVME), if_absent)
    sdk_url, sdk_headers = _sdk_request(storage, request, body, monkeypatch)
    url, headers = storage.sign_put(request, when)
    assert url == sdk_url
    sdk_headers.pop("User-Agent")
    assert headers == sdk_headers
    assert "x-amz-checksum-crc64nvme" in headers["Authorization"]
    assert ("if-none-match" in headers["Authorization"]) is if_absent
    storage.close()

