"""The `Storage` protocol: everything the app may ask of an S3 server.

Calls are synchronous and thread-safe; the UI runs them on worker threads. Results are the
frozen dataclasses of `desktop_app.core.types`; failures are `desktop_app.core.errors`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import BinaryIO, Protocol, runtime_checkable

from desktop_app.core.transfer_types import (
    MultipartUploadInfo,
    ObjectBody,
    PartInfo,
    RemoteObject,
)
from desktop_app.core.types import BucketInfo, ListingPage, ObjectStat

MAX_PAGE_SIZE = 1000


@runtime_checkable
class Storage(Protocol):
    @property
    def endpoint_url(self) -> str: ...

    def list_buckets(self) -> list[BucketInfo]: ...

    def make_bucket(self, bucket: str) -> None: ...

    def list_page(
        self, bucket: str, prefix: str = "", start_after: str | None = None, limit: int = 1000
    ) -> ListingPage:
        """One page (at most `limit`, capped at MAX_PAGE_SIZE) of folders and objects."""
        ...

    def stat(self, bucket: str, key: str) -> ObjectStat: ...

    def read_range(self, bucket: str, key: str, offset: int, length: int) -> bytes:
        """Up to `length` bytes from `offset` (fewer at the end of the object)."""
        ...

    def put_stream(
        self,
        bucket: str,
        key: str,
        stream: BinaryIO,
        length: int,
        content_type: str = "application/octet-stream",
        metadata: dict[str, str] | None = None,
    ) -> str:
        """Upload `length` bytes from `stream`; returns the new ETag."""
        ...

    def delete(self, bucket: str, key: str) -> None: ...

    def presign_get(self, bucket: str, key: str, expires: timedelta) -> str: ...

    def close(self) -> None: ...


# -- transfers --
@runtime_checkable
class TransferStorage(Storage, Protocol):
    """What the transfer engine needs beyond browsing: multipart, ranged reads, listings.

    Failures worth retrying raise `core.transfer_errors.TransientError`; a failed If-Match
    raises `ObjectChanged`.
    """

    def put_bytes(
        self, bucket: str, key: str, data: bytes, content_type: str, metadata: dict[str, str]
    ) -> str:
        """One single PUT of `data` (small files); returns the ETag."""
        ...

    def create_multipart(
        self, bucket: str, key: str, content_type: str, metadata: dict[str, str]
    ) -> str:
        """Start a multipart upload; returns its upload id."""
        ...

    def upload_part(
        self, bucket: str, key: str, upload_id: str, part_number: int, data: bytes
    ) -> str: ...

    def complete_multipart(
        self, bucket: str, key: str, upload_id: str, parts: list[PartInfo]
    ) -> str: ...

    def abort_multipart(self, bucket: str, key: str, upload_id: str) -> None: ...

    def list_parts(self, bucket: str, key: str, upload_id: str) -> list[PartInfo]: ...

    def list_multipart_uploads(self, bucket: str, prefix: str = "") -> list[MultipartUploadInfo]:
        ...

    def open_object(
        self, bucket: str, key: str, offset: int = 0, length: int | None = None,
        if_match: str | None = None,
    ) -> ObjectBody:
        """GET (a range of) an object; `if_match` pins the ETag so versions never mix."""
        ...

    def iter_objects(self, bucket: str, prefix: str) -> Iterator[RemoteObject]:
        """Every object under `prefix`, recursively, in key order."""
        ...
