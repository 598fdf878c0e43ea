"""Single objects: details, ranged and streamed reads, uploads, deletes and server-side
copies."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import BinaryIO, TypeVar

from minio import Minio
from minio.commonconfig import ComposeSource, CopySource
from minio.datatypes import Object
from minio.deleteobjects import DeleteObject
from minio.error import S3Error
from urllib3 import BaseHTTPResponse

from desktop_app.core.checksums import CHECKSUM_MODE, Crc, stored_checksums
from desktop_app.core.errors import ConfigError
from desktop_app.core.transfer_errors import DestinationExists, ObjectChanged
from desktop_app.core.transfer_types import ObjectBody, ObjectHead
from desktop_app.core.types import ObjectStat
from desktop_app.storage.protocol import MAX_DELETE_BATCH, SINGLE_COPY_LIMIT
from desktop_app.storage.s3.body import RetryableBody
from desktop_app.storage.s3.checksummed import checksum_headers, damaged_is_transient
from desktop_app.storage.s3.sse import CopyEncryption, SseRequests
from desktop_app.storage.transfer_http import etag_md5

log = logging.getLogger(__name__)
T = TypeVar("T")
# What a server that does not know `x-amz-checksum-mode` answers it with.
_REFUSED = frozenset({"InvalidArgument", "InvalidRequest", "NotImplemented", "BadRequest",
                      "MethodNotAllowed", "InvalidHeader"})
_KEPT_HEADERS = frozenset(
    ("cache-control", "content-disposition", "content-encoding", "content-language")
)

Headers = dict[str, str | list[str] | tuple[str]]


class Objects(SseRequests):
    def stat(self, bucket: str, key: str) -> ObjectStat:
        with self._errors(f"read the details of “{key}”", bucket=bucket, key=key):
            obj = self._client.stat_object(bucket_name=bucket, object_name=key,
                                           extra_headers=self.sse_read_headers(bucket))
        meta = {
            k[len("x-amz-meta-"):]: v
            for k, v in (obj.metadata or {}).items()
            if k.lower().startswith("x-amz-meta-")
        }
        return ObjectStat(
            bucket=bucket,
            key=key,
            size=obj.size or 0,
            etag=(obj.etag or "").strip('"'),
            content_type=obj.content_type or "",
            last_modified=obj.last_modified,
            version_id=obj.version_id,
            metadata=meta,
        )

    def head(self, bucket: str, key: str) -> ObjectStat:
        with self._transfer_errors(f"read the details of “{key}”", bucket, key):
            return self.stat(bucket, key)

    def exists(self, bucket: str, key: str) -> bool:
        with self._errors(f"check whether “{key}” exists", bucket=bucket, key=key):
            try:
                self._client.stat_object(bucket_name=bucket, object_name=key,
                                         extra_headers=self.sse_read_headers(bucket))
            except S3Error as exc:
                if exc.code in ("NoSuchKey", "NoSuchObject", "NotFound", "ResourceNotFound"):
                    return False
                raise
        return True

    def read_range(self, bucket: str, key: str, offset: int, length: int) -> bytes:
        if length <= 0:
            return b""
        with self._errors(f"read “{key}”", bucket=bucket, key=key, empty_range_ok=True):
            response = self._client.get_object(
                bucket_name=bucket, object_name=key, offset=offset, length=length,
                request_headers=self.sse_read_headers(bucket),
            )
            try:
                return bytes(response.read())
            finally:
                response.close()
                response.release_conn()
        return b""  # only reached when the range starts past the end of the object

    def open_object(
        self, bucket: str, key: str, offset: int = 0, length: int | None = None,
        if_match: str | None = None,
    ) -> ObjectBody:
        headers = self._checksum_mode()  # a whole-object GET then carries its checksum
        headers.update(self.sse_read_headers(bucket))
        if if_match:
            headers["If-Match"] = f'"{if_match}"'

        def get() -> BaseHTTPResponse:
            return self._client.get_object(
                bucket_name=bucket, object_name=key, offset=offset, length=length or 0,
                request_headers=headers,
            )

        with self._transfer_errors(f"download “{key}”", bucket, key):
            response = self._without_checksum_mode_if_refused(get, headers)
        content_length = int(response.headers.get("content-length") or 0)
        total = content_length
        content_range = response.headers.get("content-range") or ""
        if "/" in content_range and not content_range.endswith("/*"):
            total = int(content_range.rsplit("/", 1)[1])
        lowered = {k.lower(): v for k, v in response.headers.items()}
        metadata = {k[len("x-amz-meta-"):]: v for k, v in lowered.items()
                    if k.startswith("x-amz-meta-")}
        etag = (lowered.get("etag") or "").strip('"')
        return ObjectBody(
            etag=etag,
            total_size=total,
            content_length=content_length,
            body=RetryableBody(response, key),
            metadata=metadata,
            md5=etag_md5(etag, lowered),
            checksums=tuple(stored_checksums(lowered)) if not content_range else (),
        )

    def head_checksums(self, bucket: str, key: str, if_match: str | None = None,
                       part_number: int = 0) -> ObjectHead:
        """A HEAD asking for the stored checksums (and, with `part_number`, where that part
        lies): what a ranged download is checked against, before any range is fetched."""
        headers = self._checksum_mode()
        headers.update(self.sse_read_headers(bucket))
        if if_match:
            headers["If-Match"] = f'"{if_match}"'
        query: Headers | None = {"partNumber": str(part_number)} if part_number else None

        def head() -> Object:
            return self._client.stat_object(bucket_name=bucket, object_name=key,
                                            extra_headers=headers, extra_query_params=query)

        with self._transfer_errors(f"read the details of “{key}”", bucket, key):
            obj = self._without_checksum_mode_if_refused(head, headers)
        lowered = {k.lower(): str(v) for k, v in (obj.metadata or {}).items()}
        etag = (obj.etag or "").strip('"')
        length = obj.size or 0
        size, offset = length, 0
        content_range = lowered.get("content-range", "")
        if content_range.startswith("bytes ") and "/" in content_range:
            span, _, total = content_range[6:].partition("/")
            first, _, _last = span.partition("-")
            if first.isdigit() and total.isdigit():
                offset, size = int(first), int(total)
        count = lowered.get("x-amz-mp-parts-count", "")
        return ObjectHead(
            etag=etag, size=size,
            metadata={k[len("x-amz-meta-"):]: v for k, v in lowered.items()
                      if k.startswith("x-amz-meta-")},
            md5=etag_md5(etag, lowered),
            checksums=tuple(stored_checksums(lowered)),
            parts_count=int(count) if count.isdigit() else 0,
            part_offset=offset, part_length=length if part_number else size,
        )

    def _checksum_mode(self) -> Headers:
        """`x-amz-checksum-mode: ENABLED`, unless this server refused it once."""
        return {} if getattr(self, "_no_checksum_mode", False) else dict(CHECKSUM_MODE)

    def _without_checksum_mode_if_refused(self, call: Callable[[], T], headers: Headers) -> T:
        """`call()`; if the server refuses the checksum mode header, once per connection it
        is dropped (said in the log, not in every row) and the call made again without."""
        try:
            return call()
        except S3Error as exc:
            status = exc.response.status if exc.response is not None else 0
            if "x-amz-checksum-mode" not in headers or status not in (400, 501) or \
                    exc.code not in _REFUSED:
                raise
        headers.pop("x-amz-checksum-mode", None)
        # Remembered only when the call then passes: an SSE-C object asked for without its
        # key gets the same kind of 400 with or without the header.
        result = call()
        self._no_checksum_mode = True
        log.warning("The server at %s refuses x-amz-checksum-mode (HTTP %s); downloads from it "
                    "are checked without its stored checksums", self._settings.endpoint, status)
        return result

    def iter_chunks(
        self, bucket: str, key: str, if_match: str | None = None, chunk_size: int = 1 << 20
    ) -> Iterator[bytes]:
        headers = self.sse_read_headers(bucket)
        if if_match:
            headers["If-Match"] = f'"{if_match}"'
        with self._errors(f"download “{key}”", bucket=bucket, key=key):
            try:
                response = self._client.get_object(
                    bucket_name=bucket, object_name=key, request_headers=headers,
                )
            except S3Error as exc:
                if exc.code == "PreconditionFailed":
                    raise ConfigError(
                        f"“{key}” was replaced on the server while it was being downloaded.",
                        "Refresh the folder (F5) and download it again.",
                    ) from None
                raise
            try:
                yield from response.stream(chunk_size)
            finally:
                response.close()
                response.release_conn()

    def put_stream(
        self,
        bucket: str,
        key: str,
        stream: BinaryIO,
        length: int,
        content_type: str = "application/octet-stream",
        metadata: dict[str, str] | None = None,
    ) -> str:
        with self._errors(f"upload “{key}”", bucket=bucket, key=key):
            result = self._client.put_object(
                bucket_name=bucket, object_name=key, data=stream, length=length,
                content_type=content_type, metadata=dict(metadata) if metadata else None,
                sse=self.sdk_target(bucket),
            )
        return (result.etag or "").strip('"')

    def put_bytes(
        self, bucket: str, key: str, data: bytes | memoryview, content_type: str,
        metadata: dict[str, str],
        if_absent: bool = False, checksum: Crc | None = None,
    ) -> str:
        # The internal single PUT sends `data` as is (put_object would copy it twice).
        check_upload_key(key)
        headers = upload_headers(content_type, metadata, checksum)
        headers.update(self.sse_write_headers(bucket))
        if if_absent:
            headers["If-None-Match"] = "*"
        action = f"upload “{key}”"
        try:
            with self._transfer_errors(action, bucket, key), damaged_is_transient(action):
                result = self._client._put_object(
                    bucket_name=bucket, object_name=key, headers=headers,
                    data=data,  # type: ignore[arg-type]  # urllib3 sends any buffer as is
                )
        except ObjectChanged:  # 412: only If-None-Match can fail here
            raise DestinationExists(f"“{key}” already exists in “{bucket}”.") from None
        return (result.etag or "").strip('"')

    def delete(self, bucket: str, key: str) -> None:
        with self._errors(f"delete “{key}”", bucket=bucket, key=key):
            self._client.remove_object(bucket_name=bucket, object_name=key)

    def delete_many(self, bucket: str, keys: Sequence[str]) -> list[tuple[str, str]]:
        if len(keys) > MAX_DELETE_BATCH:
            raise ValueError(f"at most {MAX_DELETE_BATCH} keys per multi-object delete")
        if not keys:
            return []
        with self._errors(f"delete {len(keys)} objects from “{bucket}”", bucket=bucket):
            errors = list(self._client.remove_objects(
                bucket_name=bucket,
                delete_object_list=[DeleteObject(name=key) for key in keys],
            ))
        return [(err.name or "", self._delete_reason(err.code, err.message)) for err in errors]

    def _delete_reason(self, code: str, message: str | None) -> str:
        if code in ("AccessDenied", "AllAccessDisabled"):
            return "the server refused access (ask for delete rights)"
        if code == "ObjectLocked" or "lock" in (message or "").lower():
            return "the object is locked by a retention rule or legal hold"
        return f"{self._clean(message or code)} ({code})"

    def copy_object(
        self,
        src_bucket: str,
        src_key: str,
        dst_bucket: str,
        dst_key: str,
        multipart_threshold: int = SINGLE_COPY_LIMIT,
        part_size: int | None = None,
        size: int | None = None,
    ) -> str:
        action = f"copy “{src_key}” to “{dst_bucket}/{dst_key}”"
        with self._errors(action, bucket=src_bucket, key=src_key):
            crypt = self._copy_encryption(src_bucket, dst_bucket)
            try:
                return server_copy(self._client, src_bucket, src_key, dst_bucket, dst_key,
                                   multipart_threshold, part_size, size, encryption=crypt)
            except S3Error as exc:
                if exc.code == "NotImplemented" and (crypt.source or crypt.target):
                    raise ConfigError(
                        f"The server cannot copy “{src_key}” with encryption keys part by "
                        "part (NotImplemented), which is how objects above "
                        f"{multipart_threshold >> 20} MiB are copied.",
                        "Download it and upload it again instead.") from None
                # A source stored in plain refuses a copy-source key (400 InvalidRequest).
                if crypt.source is None or exc.code not in ("InvalidRequest", "InvalidArgument"):
                    raise
            return server_copy(self._client, src_bucket, src_key, dst_bucket, dst_key,
                               multipart_threshold, part_size, size,
                               encryption=replace(crypt, source=None))


def server_copy(
    client: Minio, src_bucket: str, src_key: str, dst_bucket: str, dst_key: str,
    threshold: int, part_size: int | None, size: int | None, version_id: str | None = None,
    encryption: CopyEncryption | None = None,
) -> str:
    """A server-side copy keeping content type and metadata; returns the new ETag. SDK errors
    are left to the caller's `_errors`."""
    info = None
    crypt = encryption or CopyEncryption()
    if size is None or size > threshold:
        info = client.stat_object(
            bucket_name=src_bucket, object_name=src_key, version_id=version_id,
            ssec=crypt.source)
        size = info.size or 0
    if size <= threshold:
        # A plain CopyObject keeps content type and user metadata (directive COPY).
        result = client.copy_object(
            bucket_name=dst_bucket, object_name=dst_key,
            source=CopySource(bucket_name=src_bucket, object_name=src_key,
                              version_id=version_id, ssec=crypt.source),
            sse=crypt.target,
        )
        return (result.etag or "").strip('"')
    assert info is not None
    # Above the single-copy limit: a multipart copy of ranges. The SDK would drop the
    # content type and metadata here, so we pass them on explicitly.
    part = part_size or max(512 << 20, -(-size // 10_000))
    headers = {k.lower(): v for k, v in (info.metadata or {}).items()}
    metadata: Headers = {"Content-Type": info.content_type or "application/octet-stream"}
    for name, value in headers.items():
        if name.startswith("x-amz-meta-") or name in _KEPT_HEADERS:
            metadata[name] = value
    sources = [
        ComposeSource(
            bucket_name=src_bucket, object_name=src_key, version_id=version_id,
            offset=offset, length=min(part, size - offset), ssec=crypt.source,
        )
        for offset in range(0, size, part)
    ]
    result = client.compose_object(
        bucket_name=dst_bucket, object_name=dst_key, sources=sources, metadata=metadata,
        sse=crypt.target,
    )
    return (result.etag or "").strip('"')


def upload_headers(content_type: str, metadata: dict[str, str],
                   checksum: Crc | None = None) -> Headers:
    """Content-Type and user metadata as the SDK's internal upload calls take them, and the
    body's CRC when the server checks it (see `checksummed`)."""
    headers: Headers = {"Content-Type": content_type}
    for name, value in metadata.items():
        headers[f"x-amz-meta-{name}"] = value
    headers.update(checksum_headers(checksum))
    return headers


def check_upload_key(key: str) -> None:
    """The SDK's public calls refuse these; its internal ones (used here) do not."""
    if not key or any(part in (".", "..") for part in key.split("/")):
        raise ConfigError(
            f"Cannot upload to “{key}”: object names with “.” or “..” segments are not "
            "supported.", "Choose another name or folder.",
        )
