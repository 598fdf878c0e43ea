"""The whole-object hashes a server keeps for an object, read with one HEAD (for duplicates).

S3 checksums come base64-encoded; a composite one (a multipart upload's checksum of part
checksums, marked `-N` or by `x-amz-checksum-type: COMPOSITE`) depends on how the object was
cut into parts, so it cannot tell equal bytes apart from unequal ones and is left out."""

from __future__ import annotations

import base64
import binascii

from desktop_app.core.duplicates import StoredHashes
from desktop_app.core.object_properties import stored_sha256
from desktop_app.storage.s3.sse import SseRequests
from desktop_app.storage.transfer_http import etag_md5

_CHECKSUMS = {"sha256": "SHA-256", "sha1": "SHA-1", "crc64nvme": "CRC64NVME",
              "crc32c": "CRC32C", "crc32": "CRC32"}


def hashes_from_headers(etag: str, headers: dict[str, str]) -> StoredHashes:
    """The comparable hashes in one HEAD answer (header names in lower case)."""
    values: dict[str, str] = {}
    meta = {k[len("x-amz-meta-"):]: v for k, v in headers.items() if k.startswith("x-amz-meta-")}
    composite = headers.get("x-amz-checksum-type", "").upper() == "COMPOSITE"
    if not composite:
        for name, kind in _CHECKSUMS.items():
            encoded = headers.get(f"x-amz-checksum-{name}", "").strip()
            if not encoded or "-" in encoded:
                continue
            try:
                values[kind] = base64.b64decode(encoded, validate=True).hex()
            except binascii.Error:
                continue
    sha256 = stored_sha256({} if composite else headers, meta)
    if sha256:
        values["SHA-256"] = sha256
    md5 = etag_md5(etag, headers)
    if md5:
        values["MD5"] = md5
    return StoredHashes(values)


class Checksums(SseRequests):
    def stored_hashes(self, bucket: str, key: str) -> StoredHashes:
        """One HEAD asking for stored checksums too; nothing of the body is read."""
        with self._errors(f"read the details of “{key}”", bucket=bucket, key=key):
            obj = self._client.stat_object(
                bucket_name=bucket, object_name=key,
                extra_headers={"x-amz-checksum-mode": "ENABLED",
                               **self.sse_read_headers(bucket)},
            )
        headers = {k.lower(): str(v) for k, v in (obj.metadata or {}).items()}
        return hashes_from_headers(obj.etag or "", headers)
