"""One version (or delete marker) of an object in a versioned bucket."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ObjectVersion:
    key: str
    version_id: str
    size: int
    last_modified: datetime | None
    etag: str
    is_latest: bool
    is_delete_marker: bool
