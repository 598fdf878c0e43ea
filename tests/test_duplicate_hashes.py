"""The duplicate finder compares only hashes of the whole content: the server's full-object
checksums, an uploader's SHA-256 metadata and an MD5 ETag; never a composite value (it
depends on the part size) nor our `crc64nvme` metadata (only the uploader vouches for it)."""

from __future__ import annotations

import base64
import hashlib

from desktop_app.core.checksums import CRC64_META, Algo, crc_of
from desktop_app.storage.s3.checksums import hashes_from_headers

DATA = b"the same bytes"
SHA = hashlib.sha256(DATA).digest()


def test_full_object_checksums_are_read_as_hex() -> None:
    crc = crc_of(DATA, Algo.CRC64NVME)
    headers = {"x-amz-checksum-crc64nvme": crc.b64(), "x-amz-checksum-type": "FULL_OBJECT",
               "x-amz-checksum-sha256": base64.b64encode(SHA).decode()}
    assert hashes_from_headers("", headers).values == {
        "CRC64NVME": crc.value.to_bytes(8, "big").hex(), "SHA-256": SHA.hex()}


def test_a_composite_sha256_marked_only_by_its_suffix_is_left_out() -> None:
    headers = {"x-amz-checksum-sha256": base64.b64encode(SHA).decode() + "-3",
               "x-amz-meta-" + CRC64_META: crc_of(DATA).b64()}
    assert hashes_from_headers('"abc-3"', headers).values == {}


def test_the_metadata_sha256_stands_in_when_the_server_keeps_none() -> None:
    headers = {"x-amz-meta-sha256": SHA.hex()}
    md5 = hashlib.md5(DATA, usedforsecurity=False).hexdigest()
    assert hashes_from_headers(f'"{md5}"', headers).values == {"SHA-256": SHA.hex(), "MD5": md5}
