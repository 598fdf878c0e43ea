"""The whole-object hashes a server keeps for an object, read with one HEAD (for duplicates).

The headers are read by `core.checksums.stored_checksums`, as for downloads and Properties.
A composite checksum (a multipart upload's checksum of part checksums, marked `-N` or by
`x-amz-checksum-type: COMPOSITE`) depends on how the object was cut into parts, so it cannot
tell equal bytes apart from unequal ones and is left out; so is our `crc64nvme` metadata,
which only the uploader vouches for."""

from __future__ import annotations

import base64
import binascii

from desktop_app.core.checksums import CHECKSUM_MODE, COMPOSITE, stored_checksums
from desktop_app.core.duplicates import StoredHashes
from desktop_app.core.object_properties import stored_sha256
from desktop_app.storage.s3.sse import SseRequests
from desktop_app.storage.transfer_http import etag_md5

_NAMES = {"SHA256": "SHA-256", "SHA1": "SHA-1"}  # else the S3 name: CRC64NVME, CRC32C, CRC32


def hashes_from_headers(etag: str, headers: dict[str, str]) -> StoredHashes:
    """The comparable hashes in one HEAD answer (header names in lower case)."""
    values: dict[str, str] = {}
    for item in stored_checksums(headers):
        if item.source != "server" or item.kind == COMPOSITE:
            continue
        try:
            values[_NAMES.get(item.algo, item.algo)] = \
                base64.b64decode(item.value, validate=True).hex()
        except binascii.Error:
            continue
    meta = {k[len("x-amz-meta-"):]: v for k, v in headers.items() if k.startswith("x-amz-meta-")}
    if "SHA-256" not in values:  # else the SHA-256 an uploader kept in the metadata
        sha256 = stored_sha256({}, meta)
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
                extra_headers={**CHECKSUM_MODE, **self.sse_read_headers(bucket)},
            )
        headers = {k.lower(): str(v) for k, v in (obj.metadata or {}).items()}
        return hashes_from_headers(obj.etag or "", headers)
