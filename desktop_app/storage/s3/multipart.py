"""Multipart uploads, part by part. The SDK's public API has no part-level calls, so these
wrap its internal multipart methods (present and stable in 7.2.x; keyword arguments as
everywhere). Failures worth retrying leave as `TransientError` (with Retry-After when the
server sent one)."""

from __future__ import annotations

from minio.datatypes import Part

from desktop_app.core.transfer_types import MultipartUploadInfo, PartInfo
from desktop_app.storage.s3.errors import S3Errors
from desktop_app.storage.s3.objects import check_upload_key, upload_headers


class Multipart(S3Errors):
    def create_multipart(
        self, bucket: str, key: str, content_type: str, metadata: dict[str, str]
    ) -> str:
        check_upload_key(key)
        headers = upload_headers(content_type, metadata)
        with self._transfer_errors(f"start uploading “{key}”", bucket, key):
            return self._client._create_multipart_upload(
                bucket_name=bucket, object_name=key, headers=headers
            )

    def upload_part(
        self, bucket: str, key: str, upload_id: str, part_number: int, data: bytes
    ) -> str:
        with self._transfer_errors(f"upload part {part_number} of “{key}”", bucket, key):
            etag = self._client._upload_part(
                bucket_name=bucket, object_name=key, data=data, headers=None,
                upload_id=upload_id, part_number=part_number,
            )
        return etag.strip('"')

    def complete_multipart(
        self, bucket: str, key: str, upload_id: str, parts: list[PartInfo]
    ) -> str:
        sdk_parts = [
            Part(part_number=p.number, etag=p.etag) for p in sorted(parts, key=lambda p: p.number)
        ]
        with self._transfer_errors(f"finish uploading “{key}”", bucket, key):
            result = self._client._complete_multipart_upload(
                bucket_name=bucket, object_name=key, upload_id=upload_id, parts=sdk_parts
            )
        return (result.etag or "").strip('"')

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
