"""Object versions and delete markers, as listed by the versions panel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class VersionEntry:
    """One version of a key, or a delete marker (which hides the key while it is latest)."""

    key: str
    version_id: str
    is_latest: bool
    is_delete_marker: bool
    size: int
    last_modified: datetime | None
    etag: str = ""


@dataclass(frozen=True, slots=True)
class VersionListing:
    bucket: str
    prefix: str
    versions: tuple[VersionEntry, ...]
    truncated: bool  # more than the limit: only the first ones are listed
    versioning: str  # "Enabled", "Suspended" or "" (never enabled)
