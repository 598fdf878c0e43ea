"""Bulk work over many objects without Qt: progress, reports, recursive listing and delete.

A folder on S3 is only a key prefix, so every folder action starts with a recursive listing
(folder markers included); `bulk_copy` builds copy and move on the same pieces. The work runs on one
worker thread and reports through a `Progress` the GUI polls with a timer (no per-object
signals). Cancelling stops between requests; what was done stays done, and the report says
how far it got. Failures of single keys are collected, never swallowed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from desktop_app.core.errors import AppError, Cancelled
from desktop_app.core.types import FolderEntry, ObjectEntry
from desktop_app.storage.protocol import MAX_DELETE_BATCH, BrowseStorage, ObjectStorage, Storage

Entry = FolderEntry | ObjectEntry


class Progress:
    """Shared between one worker (writes) and the GUI (reads, cancels); all fields are ints
    or strings, updated under a lock so parallel copy workers can count safely."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self.phase = ""
        self.done = 0
        self.total = 0
        self.bytes_done = 0
        self.bytes_total = 0

    def start(self, phase: str, total: int = 0, bytes_total: int = 0) -> None:
        with self._lock:
            self.phase, self.done, self.total = phase, 0, total
            self.bytes_done, self.bytes_total = 0, bytes_total

    def add(self, count: int = 1, size: int = 0) -> None:
        with self._lock:
            self.done += count
            self.bytes_done += size

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled("The operation was cancelled.")


@dataclass(frozen=True, slots=True)
class Failure:
    key: str
    reason: str


@dataclass(frozen=True, slots=True)
class BulkReport:
    """What a bulk action did: `done` objects, per-key `failures`, `skipped` collisions."""

    done: int
    failures: tuple[Failure, ...] = ()
    cancelled: bool = False
    skipped: int = 0
    remaining: int = 0

    @property
    def ok(self) -> bool:
        return not self.failures and not self.cancelled


@dataclass(frozen=True, slots=True)
class Expanded:
    """What a selection holds: the selected files, plus the count and size of everything
    below the selected folders (not kept in memory: a folder may hold millions)."""

    objects: tuple[ObjectEntry, ...]
    folders: tuple[str, ...] = ()
    folder_count: int = 0
    folder_size: int = 0

    @property
    def count(self) -> int:
        return len(self.objects) + self.folder_count

    @property
    def total_size(self) -> int:
        return sum(o.size for o in self.objects) + self.folder_size


def walk(
    storage: BrowseStorage, bucket: str, prefix: str, progress: Progress
) -> Iterator[ObjectEntry]:
    """Every object below `prefix`, page by page, stopping when cancelled."""
    start: str | None = None
    while True:
        progress.check()
        page = storage.list_tree_page(bucket, prefix, start)
        progress.check()  # a cancel during the (maybe last) request counts too
        yield from page.objects
        progress.add(len(page.objects), sum(o.size for o in page.objects))
        if page.next_start_after is None:
            return
        start = page.next_start_after


def expand(
    storage: BrowseStorage, bucket: str, items: Iterable[Entry], progress: Progress
) -> Expanded:
    """Count what a selection holds; folders are listed recursively (and only counted)."""
    progress.start("Counting")
    items = list(items)
    folders = [i.prefix for i in items if isinstance(i, FolderEntry)]
    objects = {
        i.key: i for i in items
        if isinstance(i, ObjectEntry) and not any(i.key.startswith(f) for f in folders)
    }
    progress.add(len(objects), sum(o.size for o in objects.values()))
    count = size = 0
    for folder in folders:
        for obj in walk(storage, bucket, folder, progress):
            count += 1
            size += obj.size
    return Expanded(tuple(objects.values()), tuple(folders), count, size)


def implied_folders(roots: Iterable[str], keys: Iterable[str]) -> list[str]:
    """Every folder key from each root down to the keys below it, deepest first."""
    roots = list(roots)
    found = set(roots)
    for key in keys:
        root = next((r for r in roots if key.startswith(r)), None)
        if root is None:
            continue
        path = root
        for part in key[len(root):].split("/")[:-1]:
            path += part + "/"
            found.add(path)
    return sorted(found, key=lambda k: (-k.count("/"), k))


def delete_expanded(
    storage: Storage, bucket: str, expanded: Expanded, progress: Progress
) -> BulkReport:
    """Delete the selected files, then each folder page by page: every listed page of 1000
    keys is one multi-object delete, so memory stays flat however big the folder is."""
    progress.start("Deleting", expanded.count, expanded.total_size)
    report = delete_keys(storage, bucket, expanded.objects, progress, restart=False)
    done, failures = report.done, list(report.failures)

    def result(cancelled: bool) -> BulkReport:
        rest = max(0, expanded.count - done - len(failures)) if cancelled else 0
        return BulkReport(done, tuple(failures), cancelled, remaining=rest)

    if not report.ok:
        return BulkReport(done, tuple(failures), report.cancelled,
                          remaining=report.remaining + expanded.folder_count)
    for folder in expanded.folders:
        start: str | None = None
        seen_folders: set[str] = set()
        while True:
            if progress.cancelled:
                return result(True)
            try:
                page = storage.list_tree_page(bucket, folder, start)
                keys = [o.key for o in page.objects]
                failed = storage.delete_many(bucket, keys) if keys else []
            except AppError as err:
                failures.append(Failure(folder, err.user_text()))
                return result(False)
            seen_folders.update(implied_folders([folder], keys))
            failures.extend(Failure(key, reason) for key, reason in failed)
            done += len(keys) - len(failed)
            progress.add(len(keys), sum(o.size for o in page.objects))
            if page.next_start_after is None:
                break
            start = page.next_start_after
        if not failures:
            # Markers are deleted once more at the end: a server with real directories
            # (SeaweedFS) keeps an emptied folder until its own key is deleted, and refuses
            # to drop it while children are still there.
            forget_folders(storage, bucket, implied_folders([folder], seen_folders))
    return result(False)


def forget_folders(storage: ObjectStorage, bucket: str, folders: Sequence[str]) -> None:
    # Best effort: on plain S3 these keys do not exist and the delete is a no-op.
    for first in range(0, len(folders), MAX_DELETE_BATCH):
        try:
            storage.delete_many(bucket, list(folders[first:first + MAX_DELETE_BATCH]))
        except AppError:
            return


def delete_keys(
    storage: ObjectStorage, bucket: str, objects: Sequence[ObjectEntry], progress: Progress,
    restart: bool = True,
) -> BulkReport:
    """Multi-object delete in batches of 1000; a failed batch is reported key by key."""
    if restart:
        progress.start("Deleting", len(objects), sum(o.size for o in objects))
    failures: list[Failure] = []
    done = 0
    for first in range(0, len(objects), MAX_DELETE_BATCH):
        if progress.cancelled:
            return BulkReport(done, tuple(failures), True, remaining=len(objects) - first)
        batch = objects[first:first + MAX_DELETE_BATCH]
        try:
            failed = storage.delete_many(bucket, [o.key for o in batch])
        except AppError as err:
            failures.extend(Failure(o.key, err.user_text()) for o in batch)
            rest = len(objects) - first - len(batch)
            return BulkReport(done, tuple(failures), False, remaining=rest)
        failures.extend(Failure(key, reason) for key, reason in failed)
        done += len(batch) - len(failed)
        progress.add(len(batch), sum(o.size for o in batch))
    return BulkReport(done, tuple(failures))
