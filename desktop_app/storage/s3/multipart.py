"""Multipart uploads, part by part. The SDK's public API has no part-level calls, so these
wrap its internal multipart methods (present and stable in 7.2.x; keyword arguments as
everywhere). Failures worth retrying leave as `TransientError` (with Retry-After when the
server sent one), a part refused as damaged (BadDigest) among them.

With a checksum algorithm the upload is created as a FULL_OBJECT one: every part carries its
own CRC and Complete names them and the whole object's CRC (see `checksummed`). The pinned
SeaweedFS (4.48) does not list part checksums in ListParts, so a resumed upload takes the
values of the parts already sent from the transfer journal."""

from __future__ import annotations

import base64
import hashlib
from xml.etree.ElementTree import Element, SubElement, tostring

from minio.datatypes import CompleteMultipartUploadResult, Part

from desktop_app.core.checksums import FULL_OBJECT, Algo, Crc
from desktop_app.core.transfer_types import MultipartUploadInfo, PartInfo
from desktop_app.storage.s3.checksummed import (
    checksum_headers,
    damaged_is_transient,
    multipart_checksum_headers,
)
from desktop_app.storage.s3.objects import check_upload_key, upload_headers
from desktop_app.storage.s3.sse import SseRequests


class Multipart(SseRequests):
    def create_multipart(
        self, bucket: str, key: str, content_type: str, metadata: dict[str, str],
        checksum: Algo | None = None,
    ) -> str:
        check_upload_key(key)
        headers = upload_headers(content_type, metadata)
        headers.update(multipart_checksum_headers(checksum))
        headers.update(self.sse_write_headers(bucket))
        with self._transfer_errors(f"start uploading “{key}”", bucket, key):
            return self._client._create_multipart_upload(
                bucket_name=bucket, object_name=key, headers=headers
            )

    def upload_part(
        self, bucket: str, key: str, upload_id: str, part_number: int, data: bytes | memoryview,
        checksum: Crc | None = None,
    ) -> str:
        action = f"upload part {part_number} of “{key}”"
        headers = {**checksum_headers(checksum), **self.sse_part_headers(bucket)}
        with self._transfer_errors(action, bucket, key), damaged_is_transient(action):
            etag = self._client._upload_part(
                bucket_name=bucket, object_name=key,
                data=data,  # type: ignore[arg-type]  # any buffer: sent as it is
                headers=headers or None,
                upload_id=upload_id, part_number=part_number,
            )
        return etag.strip('"')

    def complete_multipart(
        self, bucket: str, key: str, upload_id: str, parts: list[PartInfo],
        checksum: Crc | None = None,
    ) -> str:
        ordered = sorted(parts, key=lambda p: p.number)
        with self._transfer_errors(f"finish uploading “{key}”", bucket, key):
            if checksum is None:
                result = self._client._complete_multipart_upload(
                    bucket_name=bucket, object_name=key, upload_id=upload_id,
                    parts=[Part(part_number=p.number, etag=p.etag) for p in ordered],
                )
            else:
                result = self._complete_checksummed(bucket, key, upload_id, ordered, checksum)
        return (result.etag or "").strip('"')

    def _complete_checksummed(
        self, bucket: str, key: str, upload_id: str, parts: list[PartInfo], checksum: Crc
    ) -> CompleteMultipartUploadResult:
        """Complete naming each part's CRC and the whole object's (the SDK's own call sends
        neither); the server combines the parts' values and refuses a disagreeing total."""
        root = Element("CompleteMultipartUpload")
        tag = f"Checksum{checksum.algo.value}"
        for part in parts:
            entry = SubElement(root, "Part")
            SubElement(entry, "PartNumber").text = str(part.number)
            SubElement(entry, "ETag").text = f'"{part.etag}"'
            if part.checksum:
                SubElement(entry, tag).text = part.checksum
        body = tostring(root)
        headers: dict[str, str | list[str] | tuple[str]] = {
            "Content-Type": "application/xml",
            "Content-MD5": base64.b64encode(hashlib.md5(body, usedforsecurity=False).digest())
            .decode("ascii"),
            checksum.algo.header: checksum.b64(),
            "x-amz-checksum-type": FULL_OBJECT,
        }
        response = self._client._execute(
            "POST", bucket, key, body=body, headers=headers,
            query_params={"uploadId": upload_id},
        )
        return CompleteMultipartUploadResult(response)

    def abort_multipart(self, bucket: str, key: str, upload_id: str) -> None:
        with self._transfer_errors(f"abort the upload of “{key}”", bucket, key):
            self._client._abort_multipart_upload(
                bucket_name=bucket, object_name=key, upload_id=upload_id
            )

    def list_parts(self, bucket: str, key: str, upload_id: str) -> list[PartInfo]:
        parts: list[PartInfo] = []
        marker: str | None = None
        with self._transfer_errors(f"list the uploaded parts of “{key}”", bucket, key):
            while True:
                result = self._client._list_parts(
                    bucket_name=bucket, object_name=key, upload_id=upload_id,
                    max_parts=1000, part_number_marker=marker,
                )
                parts.extend(
                    PartInfo(number=p.part_number, etag=p.etag.strip('"'), size=p.size or 0)
                    for p in result.parts
                )
                if not result.is_truncated or not result.parts:
                    break
                marker = result.next_part_number_marker or str(result.parts[-1].part_number)
        return parts

    def list_multipart_uploads(self, bucket: str, prefix: str = "") -> list[MultipartUploadInfo]:
        found: list[MultipartUploadInfo] = []
        key_marker: str | None = None
        upload_marker: str | None = None
        with self._transfer_errors(f"list unfinished uploads in “{bucket}”", bucket):
            while True:
                result = self._client._list_multipart_uploads(
                    bucket_name=bucket, prefix=prefix or None, max_uploads=1000,
                    key_marker=key_marker, upload_id_marker=upload_marker,
                )
                found.extend(
                    MultipartUploadInfo(
                        bucket=bucket, key=u.object_name, upload_id=u.upload_id or "",
                        initiated=u.initiated_time,
                    )
                    for u in result.uploads
                )
                if not result.is_truncated or not result.uploads:
                    break
                key_marker = result.uploads[-1].object_name
                upload_marker = result.uploads[-1].upload_id
        return found
