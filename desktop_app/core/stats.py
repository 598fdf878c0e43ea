"""Storage statistics aggregated in bounded memory (no I/O, no Qt).

A bucket may hold a million objects, so nothing here grows with the object count: counts and
sizes are kept per (category, storage class, month of last change) group - a few hundred
groups at most - and the largest and oldest objects in heaps of `TOP` entries. Pages from
the fast listing arrive as columns (`add_page`), so the per-object work is one category
lookup, one bisect and one dict update; whole pages are skipped for the heaps when their
largest (or oldest) entry cannot enter them.
"""

from __future__ import annotations

import csv
import heapq
import io
import json
import math
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop_app.core.categories import Category, category_by_name, category_of

TOP = 100
STANDARD = "STANDARD"  # what a listing without a storage class means
UNKNOWN_MONTH = "unknown"
_FIRST_YEAR = 1970
_LAST_YEAR = 2200
# The epoch second each month starts at, so a month is one C-level bisect per object.
_MONTH_STARTS: list[float] = [
    datetime(year, month, 1, tzinfo=UTC).timestamp()
    for year in range(_FIRST_YEAR, _LAST_YEAR) for month in range(1, 13)
]


def _month_label(index: int) -> str:
    if index < 0 or index >= len(_MONTH_STARTS):
        return UNKNOWN_MONTH
    return f"{_FIRST_YEAR + index // 12:04d}-{index % 12 + 1:02d}"


def _epoch(when: datetime | float | None) -> float:
    if when is None:
        return math.nan
    if isinstance(when, datetime):
        return when.timestamp()
    return float(when)


def _moment(stamp: float) -> datetime | None:
    return None if math.isnan(stamp) else datetime.fromtimestamp(stamp, UTC)


@dataclass(frozen=True, slots=True)
class Tally:
    """How many, and how many bytes."""

    count: int = 0
    size: int = 0


@dataclass(frozen=True, slots=True)
class ObjectRef:
    """One object of the largest or oldest list (the bucket too: a connection scan mixes)."""

    bucket: str
    key: str
    size: int
    last_modified: datetime | None
    storage_class: str = STANDARD


@dataclass(frozen=True)
class StorageStats:
    """The result of one scan. `complete` is False when it was cancelled part way."""

    scope: str  # "bucket/prefix" scanned, "" for a whole connection
    objects: Tally
    by_category: dict[Category, Tally]  # every category, empty ones included
    by_storage_class: dict[str, Tally]
    by_month: dict[str, Tally]  # "YYYY-MM" oldest first, then "unknown" if any
    largest: tuple[ObjectRef, ...]  # largest first
    oldest: tuple[ObjectRef, ...]  # oldest first
    versions: Tally = Tally()  # noncurrent versions (versioned scans only)
    delete_markers: int = 0
    uploads: Tally = Tally()  # unfinished multipart uploads and the parts they hold
    buckets: int = 1
    versioned: bool = False
    complete: bool = True
    computed_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def to_json(self) -> str:
        return json.dumps(_as_dict(self), indent=1)

    @classmethod
    def from_json(cls, text: str) -> StorageStats:
        """The inverse of `to_json` (ValueError/KeyError/TypeError on a damaged text)."""
        return _from_dict(json.loads(text))

    def to_csv(self) -> str:
        """One table: section, name, count, bytes (objects: bucket/key and last change)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["section", "name", "count", "bytes", "last_modified"])
        writer.writerow(["total", self.scope or "(all buckets)", self.objects.count,
                         self.objects.size, ""])
        for section, tallies in (
            ("category", {c.label: t for c, t in self.by_category.items()}),
            ("storage class", self.by_storage_class), ("month", self.by_month),
        ):
            for name, tally in tallies.items():
                writer.writerow([section, name, tally.count, tally.size, ""])
        writer.writerow(["noncurrent versions", "", self.versions.count, self.versions.size, ""])
        writer.writerow(["delete markers", "", self.delete_markers, 0, ""])
        writer.writerow(["unfinished uploads", "", self.uploads.count, self.uploads.size, ""])
        for section, refs in (("largest", self.largest), ("oldest", self.oldest)):
            for ref in refs:
                when = ref.last_modified.isoformat() if ref.last_modified else ""
                writer.writerow([section, _sanitize(f"{ref.bucket}/{ref.key}"), 1, ref.size,
                                 when])
        return out.getvalue()


def _sanitize(cell: str) -> str:
    """A key starting with = + - @ would run as a formula when the CSV is opened in a
    spreadsheet; a leading apostrophe keeps it text."""
    return f"'{cell}" if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


class StatsAccumulator:
    """Adds objects one by one or a listing page at a time; `result()` at any moment."""

    def __init__(self, scope: str = "", bucket: str = "") -> None:
        self.scope = scope
        self.bucket = bucket  # set before each bucket of a connection scan
        self.buckets = 0
        self.versioned = False
        # (category, storage class, month index) -> [count, bytes]
        self._groups: dict[tuple[Category, str, int], list[int]] = {}
        # min-heap of (size, bucket, key, stamp, class): the smallest of the largest on top
        self._largest: list[tuple[int, str, str, float, str]] = []
        # min-heap of (-stamp, bucket, key, size, class): the newest of the oldest on top
        self._oldest: list[tuple[float, str, str, int, str]] = []
        self._versions = [0, 0]
        self._markers = 0
        self._uploads = [0, 0]

    @property
    def count(self) -> int:
        return sum(g[0] for g in self._groups.values())

    def add(self, key: str, size: int, last_modified: datetime | float | None,
            storage_class: str = "", content_type: str = "") -> None:
        """One current object (the content type is only read when the name says nothing)."""
        category = category_of(key, content_type) if content_type else None
        self.add_page([key], [size], [_epoch(last_modified)], [storage_class], category)

    def add_page(self, keys: Sequence[str], sizes: Sequence[int], times: Sequence[float],
                 classes: Sequence[str], category: Category | None = None) -> None:
        """Columns of one listing page (times in epoch seconds, NaN when unknown)."""
        groups = self._groups
        starts = _MONTH_STARTS
        other = Category.OTHER
        for key, size, stamp, klass in zip(keys, sizes, times, classes, strict=True):
            if not size and key[-1:] == "/":
                continue  # a folder marker, not a file
            # NaN compares false with everything, so bisect puts it at index 0 - 1 = -1
            month = bisect_right(starts, stamp) - 1 if stamp == stamp else -2
            group = (category or category_by_name(key) or other, klass or STANDARD, month)
            tally = groups.get(group)
            if tally is None:
                groups[group] = [1, size]
            else:
                tally[0] += 1
                tally[1] += size
        if keys:
            if max(sizes):  # empty files (and folder markers) are never the largest
                self._offer_largest(keys, sizes, times, classes)
            self._offer_oldest(keys, sizes, times, classes)

    def _offer_largest(self, keys: Sequence[str], sizes: Sequence[int],
                       times: Sequence[float], classes: Sequence[str]) -> None:
        heap = self._largest
        if len(heap) >= TOP and max(sizes) <= heap[0][0]:
            return
        page = heapq.nlargest(TOP, zip(sizes, keys, times, classes, strict=True))
        for size, key, stamp, klass in page:
            entry = (size, self.bucket, key, stamp, klass or STANDARD)
            if len(heap) < TOP:
                heapq.heappush(heap, entry)
            elif entry > heap[0]:
                heapq.heapreplace(heap, entry)
            else:
                break

    def _offer_oldest(self, keys: Sequence[str], sizes: Sequence[int],
                      times: Sequence[float], classes: Sequence[str]) -> None:
        heap = self._oldest
        # NaN times and folder markers left out
        known = [i for i, stamp in enumerate(times)
                 if stamp == stamp and (sizes[i] or keys[i][-1:] != "/")]
        if not known:
            return
        if len(heap) >= TOP and min(times[i] for i in known) >= -heap[0][0]:
            return
        page = heapq.nsmallest(TOP, ((times[i], keys[i], sizes[i], classes[i]) for i in known))
        for stamp, key, size, klass in page:
            entry = (-stamp, self.bucket, key, size, klass or STANDARD)
            if len(heap) < TOP:
                heapq.heappush(heap, entry)
            elif entry > heap[0]:
                heapq.heapreplace(heap, entry)
            else:
                break

    def add_version(self, key: str, size: int, last_modified: datetime | float | None,
                    is_latest: bool, is_delete_marker: bool, storage_class: str = "") -> None:
        """One entry of a versions listing: the latest version of a key is its current
        object; older versions and delete markers are counted apart."""
        self.versioned = True
        if is_delete_marker:
            self._markers += 1
        elif is_latest:
            self.add(key, size, last_modified, storage_class)
        else:
            self._versions[0] += 1
            self._versions[1] += size

    def add_upload(self, size: int = 0) -> None:
        """One unfinished multipart upload and the bytes its parts hold (0 when unknown)."""
        self._uploads[0] += 1
        self._uploads[1] += size

    def result(self, complete: bool = True) -> StorageStats:
        categories = {category: [0, 0] for category in Category}
        classes: dict[str, list[int]] = {}
        months: dict[int, list[int]] = {}
        for (category, klass, month), (count, size) in self._groups.items():
            for tally in (categories[category], classes.setdefault(klass, [0, 0]),
                          months.setdefault(month, [0, 0])):
                tally[0] += count
                tally[1] += size
        total = Tally(sum(c for c, _ in categories.values()),
                      sum(s for _, s in categories.values()))
        by_month = {_month_label(m): Tally(*months[m]) for m in sorted(months) if m >= 0}
        unknown = [months[m] for m in months if m < 0]
        if unknown:
            by_month[UNKNOWN_MONTH] = Tally(sum(c for c, _ in unknown), sum(s for _, s in unknown))
        largest = tuple(ObjectRef(bucket, key, size, _moment(stamp), klass)
                        for size, bucket, key, stamp, klass in sorted(
                            self._largest, key=lambda e: (-e[0], e[1], e[2])))
        oldest = tuple(ObjectRef(bucket, key, size, _moment(-neg), klass)
                       for neg, bucket, key, size, klass in sorted(
                           self._oldest, key=lambda e: (-e[0], e[1], e[2])))
        return StorageStats(
            scope=self.scope, objects=total,
            by_category={c: Tally(*t) for c, t in categories.items()},
            by_storage_class={k: Tally(*classes[k]) for k in sorted(classes)},
            by_month=by_month, largest=largest, oldest=oldest,
            versions=Tally(*self._versions), delete_markers=self._markers,
            uploads=Tally(*self._uploads), buckets=max(self.buckets, 1),
            versioned=self.versioned, complete=complete,
        )


# -- JSON --------------------------------------------------------------------------------------
def _tallies(table: dict[Any, Tally]) -> dict[str, list[int]]:
    return {getattr(k, "name", k): [t.count, t.size] for k, t in table.items()}


def _refs(refs: Iterable[ObjectRef]) -> list[dict[str, Any]]:
    return [{"bucket": r.bucket, "key": r.key, "size": r.size, "storage_class": r.storage_class,
             "last_modified": r.last_modified.isoformat() if r.last_modified else None}
            for r in refs]


def _as_dict(stats: StorageStats) -> dict[str, Any]:
    return {
        "scope": stats.scope, "objects": [stats.objects.count, stats.objects.size],
        "by_category": _tallies(dict(stats.by_category)),
        "by_storage_class": _tallies(dict(stats.by_storage_class)),
        "by_month": _tallies(dict(stats.by_month)),
        "largest": _refs(stats.largest), "oldest": _refs(stats.oldest),
        "versions": [stats.versions.count, stats.versions.size],
        "delete_markers": stats.delete_markers,
        "uploads": [stats.uploads.count, stats.uploads.size],
        "buckets": stats.buckets, "versioned": stats.versioned, "complete": stats.complete,
        "computed_at": stats.computed_at.isoformat(),
    }


def _ref_of(raw: dict[str, Any]) -> ObjectRef:
    when = raw["last_modified"]
    return ObjectRef(str(raw["bucket"]), str(raw["key"]), int(raw["size"]),
                     datetime.fromisoformat(when) if when else None, str(raw["storage_class"]))


def _from_dict(raw: dict[str, Any]) -> StorageStats:
    def tally(pair: list[int]) -> Tally:
        return Tally(int(pair[0]), int(pair[1]))

    return StorageStats(
        scope=str(raw["scope"]), objects=tally(raw["objects"]),
        by_category={Category[k]: tally(v) for k, v in raw["by_category"].items()},
        by_storage_class={str(k): tally(v) for k, v in raw["by_storage_class"].items()},
        by_month={str(k): tally(v) for k, v in raw["by_month"].items()},
        largest=tuple(_ref_of(r) for r in raw["largest"]),
        oldest=tuple(_ref_of(r) for r in raw["oldest"]),
        versions=tally(raw["versions"]), delete_markers=int(raw["delete_markers"]),
        uploads=tally(raw["uploads"]), buckets=int(raw["buckets"]),
        versioned=bool(raw["versioned"]), complete=bool(raw["complete"]),
        computed_at=datetime.fromisoformat(raw["computed_at"]),
    )
