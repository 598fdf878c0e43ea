"""The `Storage` protocol: everything the app may ask of an S3 server.

Calls are synchronous and thread-safe; the UI runs them on worker threads. Results are the
frozen dataclasses of `desktop_app.core.types`; failures are `desktop_app.core.errors`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import BinaryIO, Protocol, runtime_checkable

from desktop_app.core.types import BucketInfo, ListingPage, ObjectStat
from desktop_app.core.versions import ObjectVersion
from desktop_app.storage.listing_columns import ColumnsPage
from desktop_app.storage.listing_xml import ParsedListing

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

    # -- fast listing --------------------------------------------------------------------
    def list_columns(
        self, bucket: str, prefix: str = "", start_after: str | None = None, limit: int = 1000
    ) -> ColumnsPage:
        """`list_page` with the objects kept in columns (no object per row)."""
        ...

    def iter_listing(
        self, bucket: str, prefix: str = "", recursive: bool = True,
        cancel: threading.Event | None = None,
    ) -> Iterator[ParsedListing]:
        """Every page below `prefix` (all depths when `recursive`), streamed; stops early
        once `cancel` is set."""
        ...

    # -- versions (the same API as the object-actions branch; keep one copy when merging) --
    def versioning_enabled(self, bucket: str) -> bool: ...

    def set_versioning(self, bucket: str, enabled: bool) -> None: ...

    def list_versions(self, bucket: str, prefix: str, exact: bool = True) -> list[ObjectVersion]:
        """Versions and delete markers of one key (`exact`) or of the objects directly in a
        folder; each key's latest first."""
        ...

    def restore_version(self, bucket: str, key: str, version_id: str) -> str:
        """Server-side copy of `version_id` over the key (it becomes the latest)."""
        ...

    def delete_version(self, bucket: str, key: str, version_id: str) -> None:
        """Permanently delete one version; deleting a delete marker undeletes the key."""
        ...
