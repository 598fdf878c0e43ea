"""Storage statistics from the streaming listing (no Qt, no per-object requests).

A plain scan reads ListObjectsV2 pages straight into columns (the table's fast parser) with
the next page requested while this one is counted, so statistics run as fast as our own
listing. A versioned scan reads ListObjectVersions instead (current objects, noncurrent
versions and delete markers). Unfinished multipart uploads are counted too; the bytes their
parts hold are asked for the first `UPLOAD_SIZE_LIMIT` only. Results of complete scans can
be kept in the data folder per connection, bucket and prefix (`save_cached`/`load_cached`).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop_app.core.stats import StatsAccumulator, StorageStats
from desktop_app.core.transfer_types import MultipartUploadInfo, PartInfo
from desktop_app.core.types import BucketInfo
from desktop_app.core.versions import ObjectVersion
from desktop_app.storage.listing_columns import ListingColumns
from desktop_app.storage.listing_xml import listing_stalled, next_token, parse_listing_columns
from desktop_app.storage.protocol import MAX_PAGE_SIZE

UPLOAD_SIZE_LIMIT = 100  # unfinished uploads whose parts are listed for their size
CACHE_FOLDER = "statistics"


class PageSource(Protocol):
    """What the streaming listing asks of the server."""

    def list_v2_raw(
        self, bucket: str, prefix: str, delimiter: str = "/", start_after: str | None = None,
        token: str | None = None, max_keys: int = MAX_PAGE_SIZE,
    ) -> bytes: ...


class StatsSource(Protocol):
    """What a scan asks of the server (MinioStorage has all of it)."""

    def list_buckets(self) -> list[BucketInfo]: ...

    def list_v2_raw(
        self, bucket: str, prefix: str, delimiter: str = "/", start_after: str | None = None,
        token: str | None = None, max_keys: int = MAX_PAGE_SIZE,
    ) -> bytes: ...

    def versioning_enabled(self, bucket: str) -> bool: ...

    def iter_versions_below(
        self, bucket: str, prefix: str = "", cancel: threading.Event | None = None,
    ) -> Iterator[ObjectVersion]: ...

    def list_multipart_uploads(self, bucket: str, prefix: str = "") -> list[MultipartUploadInfo]:
        ...

    def list_parts(self, bucket: str, key: str, upload_id: str) -> list[PartInfo]: ...


@dataclass(frozen=True, slots=True)
class ScanProgress:
    """Reported after every page: what was counted so far and where."""

    objects: int
    size: int
    bucket: str
    buckets_done: int = 0
    buckets: int = 1


Progress = Callable[[ScanProgress], None]


def scan(storage: StatsSource, bucket: str, prefix: str = "", progress: Progress | None = None,
         cancel: threading.Event | None = None, versioned: bool | None = None) -> StorageStats:
    """Statistics of everything below `bucket/prefix`; an empty `bucket` scans every bucket
    of the connection. `versioned=None` asks the server whether each bucket keeps versions.
    When `cancel` is set the result so far comes back with `complete=False`."""
    if not bucket:
        return scan_connection(storage, progress, cancel, versioned)
    acc = StatsAccumulator(scope=f"{bucket}/{prefix}", bucket=bucket)
    done = _scan_bucket(storage, acc, bucket, prefix, progress, cancel, versioned, (0, 1))
    return acc.result(complete=done)


def scan_connection(storage: StatsSource, progress: Progress | None = None,
                    cancel: threading.Event | None = None,
                    versioned: bool | None = None) -> StorageStats:
    """Every bucket of the connection, one after the other, into one result."""
    names = [b.name for b in storage.list_buckets()]
    acc = StatsAccumulator(scope="")
    for number, name in enumerate(names):
        acc.bucket = name
        if not _scan_bucket(storage, acc, name, "", progress, cancel, versioned,
                            (number, len(names))):
            return acc.result(complete=False)
    return acc.result()


def _scan_bucket(storage: StatsSource, acc: StatsAccumulator, bucket: str, prefix: str,
                 progress: Progress | None, cancel: threading.Event | None,
                 versioned: bool | None, place: tuple[int, int]) -> bool:
    """Add one bucket's objects and uploads to `acc`; False when cancelled."""
    stopped = cancel.is_set if cancel is not None else (lambda: False)
    if versioned is None:
        versioned = storage.versioning_enabled(bucket)
    total = [0, 0]

    def report() -> None:
        if progress is not None:
            progress(ScanProgress(total[0], total[1], bucket, place[0], place[1]))

    if versioned:
        acc.versioned = True
        for version in storage.iter_versions_below(bucket, prefix, cancel):
            acc.add_version(version.key, version.size, version.last_modified,
                            version.is_latest, version.is_delete_marker)
            total[0] += 1
            total[1] += version.size
            if total[0] % MAX_PAGE_SIZE == 0:
                report()
    else:
        for columns in iter_columns(storage, bucket, prefix, cancel):
            acc.add_page(columns.keys, columns.sizes, columns.times, columns.classes)
            total[0] += len(columns)
            total[1] += sum(columns.sizes)
            report()
    if stopped():
        return False
    for number, upload in enumerate(storage.list_multipart_uploads(bucket, prefix)):
        if stopped():
            return False
        size = upload.size
        if not size and number < UPLOAD_SIZE_LIMIT:
            size = sum(p.size for p in storage.list_parts(bucket, upload.key, upload.upload_id))
        acc.add_upload(size)
    acc.buckets += 1
    report()
    return True


def iter_columns(storage: PageSource, bucket: str, prefix: str,
                 cancel: threading.Event | None = None,
                 delimiter: str = "") -> Iterator[ListingColumns]:
    """Every object below `prefix` (all depths; with a `delimiter`, one level and its
    folders) as column pages, one request ahead of the page being counted; stops when
    `cancel` is set."""
    with ThreadPoolExecutor(1, thread_name_prefix="stats-ahead") as ahead:
        pending = ahead.submit(storage.list_v2_raw, bucket, prefix, delimiter)
        tokens: set[str] = set()
        while True:
            data = pending.result()
            if cancel is not None and cancel.is_set():
                return
            token = next_token(data, MAX_PAGE_SIZE)
            if token in tokens:
                raise listing_stalled()  # asking on with it would loop forever
            if token is not None:
                tokens.add(token)
                pending = ahead.submit(storage.list_v2_raw, bucket, prefix, delimiter, None,
                                       token)
            yield parse_listing_columns(data, MAX_PAGE_SIZE)
            if token is None:
                return


# -- the per-prefix cache --------------------------------------------------------------------
def _cache_file(data_dir: Path, connection_id: str, bucket: str, prefix: str) -> Path:
    """One file per scope (a hash of it: bucket and prefix may hold any character)."""
    name = json.dumps([connection_id, bucket, prefix])
    digest = hashlib.sha256(name.encode()).hexdigest()[:32]
    return data_dir / CACHE_FOLDER / f"{digest}.json"


def save_cached(data_dir: Path, connection_id: str, bucket: str, prefix: str,
                stats: StorageStats) -> None:
    """Keep a complete result (its time stamp inside) for the next time the window opens;
    written whole to a temporary file first, so a crash never leaves half a file."""
    if not stats.complete:
        return
    path = _cache_file(data_dir, connection_id, bucket, prefix)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"scope": [connection_id, bucket, prefix],
                       "stats": json.loads(stats.to_json())})
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_cached(data_dir: Path, connection_id: str, bucket: str,
                prefix: str) -> StorageStats | None:
    """The kept result of this scope, or None when there is none or it cannot be read (a
    damaged or foreign file is ignored: the user just computes again)."""
    path = _cache_file(data_dir, connection_id, bucket, prefix)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw["scope"] != [connection_id, bucket, prefix]:
            return None
        return StorageStats.from_json(json.dumps(raw["stats"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def forget_cached(data_dir: Path, connection_id: str, bucket: str, prefix: str) -> None:
    """Drop the kept result (after a cleanup changed what it counted)."""
    _cache_file(data_dir, connection_id, bucket, prefix).unlink(missing_ok=True)
