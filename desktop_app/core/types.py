"""Typed, immutable results passed between the storage adapter, the engine and the UI.

Frozen dataclasses with slots: cheap per row, hashable, and safe to hand across threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class BucketInfo:
    name: str
    created: datetime | None = None


@dataclass(frozen=True, slots=True)
class ObjectEntry:
    """One object row of a listing; `key` is the full key, `name` the last path segment."""

    key: str
    size: int
    last_modified: datetime | None
    etag: str
    storage_class: str = ""

    @property
    def name(self) -> str:
        return self.key.rstrip("/").rsplit("/", 1)[-1] + ("/" if self.key.endswith("/") else "")


@dataclass(frozen=True, slots=True)
class FolderEntry:
    """A common prefix (a "folder"); `prefix` ends with the delimiter."""

    prefix: str

    @property
    def name(self) -> str:
        return self.prefix.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class ListingPage:
    """One bounded page of a prefix listing; pass `next_start_after` to get the next page."""

    bucket: str
    prefix: str
    folders: tuple[FolderEntry, ...]
    objects: tuple[ObjectEntry, ...]
    next_start_after: str | None

    @property
    def is_truncated(self) -> bool:
        return self.next_start_after is not None


@dataclass(frozen=True, slots=True)
class ObjectStat:
    bucket: str
    key: str
    size: int
    etag: str
    content_type: str
    last_modified: datetime | None
    version_id: str | None = None
    metadata: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
