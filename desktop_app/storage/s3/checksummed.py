"""Uploads whose bytes are covered by an S3 additional checksum, sent without a second hash.

The server recomputes the `x-amz-checksum-crc64nvme` we send and refuses the request when the
body differs (BadDigest), so the body needs no other hash. minio-py 7.2.20 would still hash
every PUT body itself: SHA-256 for the signature over http, Content-MD5 over https. A request
built here carries `x-amz-content-sha256: UNSIGNED-PAYLOAD` next to the checksum header, and
`ChecksumMinio` (the SDK client every connection uses) leaves such a body unhashed; every other
request is built exactly as the SDK builds it.

What the pinned server accepts (SeaweedFS 4.48, checked by tests/test_upload_checksums.py):
UNSIGNED-PAYLOAD with a CRC64NVME header over http and over https alike, for PutObject and
UploadPart; a wrong CRC is refused with BadDigest on both. AWS S3 accepts the same over https.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from minio import Minio
from minio.credentials.credentials import Credentials
from minio.error import S3Error
from minio.helpers import DictType

from desktop_app.core.checksums import FULL_OBJECT, Algo, Crc
from desktop_app.core.transfer_errors import TransientError

UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"
_CONTENT_SHA256 = "x-amz-content-sha256"
# What a server answers when the bytes it got do not match the checksum sent with them.
DIGEST_MISMATCH = frozenset({"BadDigest", "InvalidDigest", "XAmzContentChecksumMismatch",
                             "XAmzContentSHA256Mismatch"})


class ChecksumMinio(Minio):
    """The SDK client, except that a body sent with UNSIGNED-PAYLOAD (see `checksum_headers`)
    is not hashed for the signature or Content-MD5: its CRC header covers it."""

    def _build_headers(
        self, host: str, headers: DictType | None = None, body: bytes | None = None,
        creds: Credentials | None = None,
    ) -> tuple[DictType, datetime]:
        if not body or creds is None or headers is None \
                or headers.get(_CONTENT_SHA256) != UNSIGNED_PAYLOAD:
            return super()._build_headers(host, headers, body, creds)
        # Everything but the body's hashes, as the SDK builds it; then the length and the
        # payload marker (which the signature then covers) put back.
        built, date = super()._build_headers(host, headers, None, creds)
        built["Content-Length"] = str(len(body))
        built[_CONTENT_SHA256] = UNSIGNED_PAYLOAD
        return built, date


def checksum_headers(crc: Crc | None) -> dict[str, str]:
    """The headers of a PUT or part covered by `crc` (nothing when there is none)."""
    if crc is None:
        return {}
    return {crc.algo.header: crc.b64(), _CONTENT_SHA256: UNSIGNED_PAYLOAD}


def multipart_checksum_headers(algo: Algo | None) -> dict[str, str]:
    """CreateMultipartUpload: every part will carry `algo`, the object a full-object value."""
    if algo is None:
        return {}
    return {"x-amz-checksum-algorithm": algo.value, "x-amz-checksum-type": FULL_OBJECT}


@contextmanager
def damaged_is_transient(action: str) -> Iterator[None]:
    """A body refused for not matching its checksum was damaged on the way: sending the same
    bytes again is the fix, so the refusal is retried like any other passing failure."""
    try:
        yield
    except S3Error as exc:
        if exc.code in DIGEST_MISMATCH:
            raise TransientError(
                f"The server refused to {action}: the bytes it received did not match their "
                f"checksum ({exc.code}), so they were damaged on the way.",
                "They are sent again; if this keeps happening, check the network or proxy.",
            ) from None
        raise
