"""What the Statistics window shows, as plain rows: shares (category, storage class, month)
with a count and a size, and the largest and oldest objects.

The window draws only this, so the charts and tables do not follow every field of the
statistics engine's result; `view_of` is the one place that reads a `StorageStats`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

Exporter = Callable[[], str]  # the statistics as CSV or JSON text


@dataclass(frozen=True)
class Share:
    """One slice or bar: its label, how many objects and how many bytes."""

    label: str
    count: int
    size: int


@dataclass(frozen=True)
class Listed:
    """An object in the largest or oldest table."""

    bucket: str
    key: str
    size: int
    last_modified: datetime | None
    storage_class: str = ""


@dataclass(frozen=True)
class StatsView:
    scope: str  # "bucket/prefix/" or the connection's name, for the title
    count: int
    size: int
    categories: tuple[Share, ...]
    storage_classes: tuple[Share, ...]
    months: tuple[Share, ...]  # "YYYY-MM", oldest first
    largest: tuple[Listed, ...]
    oldest: tuple[Listed, ...]
    versions: int = 0  # noncurrent versions (versioned scans only)
    version_size: int = 0
    delete_markers: int = 0
    uploads: int = 0  # unfinished multipart uploads
    upload_size: int = 0
    computed_at: datetime | None = None
    versioned: bool = False
    bucket: str = ""  # "" for a connection-wide scan (the tables then name each bucket)


def folder_of(key: str) -> str:
    """The prefix an object sits in ("" at the bucket's top)."""
    head, sep, _name = key.rpartition("/")
    return f"{head}{sep}"
