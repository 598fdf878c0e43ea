"""The `Storage` protocol: everything the app may ask of an S3 server.

Calls are synchronous and thread-safe; the UI runs them on worker threads. Results are the
frozen dataclasses of `desktop_app.core.types`; failures are `desktop_app.core.errors`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import BinaryIO, Protocol, runtime_checkable

from desktop_app.core.object_properties import ObjectProperties
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

    # -- preview and properties --
    def object_properties(self, bucket: str, key: str) -> ObjectProperties:
        """Stat plus tags, retention and legal hold where present; metadata decoded."""
        ...

    def get_tags(self, bucket: str, key: str) -> dict[str, str]: ...

    def set_tags(self, bucket: str, key: str, tags: dict[str, str]) -> None: ...

    def replace_metadata(
        self,
        bucket: str,
        key: str,
        *,
        content_type: str,
        cache_control: str = "",
        content_disposition: str = "",
        content_encoding: str = "",
        content_language: str = "",
        storage_class: str = "",
        metadata: dict[str, str] | None = None,
        if_match: str = "",
    ) -> str:
        """Server-side copy onto itself with REPLACE; keeps data and tags; new ETag."""
        ...
