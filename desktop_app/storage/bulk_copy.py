"""Recursive server-side copy and move, with collision handling, without Qt.

A folder is expanded into its objects (a copy needs every source key and the set of existing
destinations to ask about collisions once). Copies run a few at a time; a move deletes each
source only after its copy succeeded, so nothing is ever lost, only possibly left behind.
With a `dst_storage` (another open connection) the copy cannot stay on the server: each
object's bytes stream through this process (`cross_copy.stream_copy`).
"""

from __future__ import annotations

import io
import posixpath
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import Enum

from desktop_app.core.errors import AppError, Cancelled, ConfigError
from desktop_app.core.types import ObjectEntry
from desktop_app.storage.bulk_ops import (
    BulkReport,
    Entry,
    Failure,
    Progress,
    delete_keys,
    forget_folders,
    implied_folders,
    walk,
)
from desktop_app.storage.cross_copy import stream_copy
from desktop_app.storage.protocol import SINGLE_COPY_LIMIT, Storage

COPY_WORKERS = 8
# Below this many single-object destinations we ask per key (HEAD); folders are listed.
_HEAD_LIMIT = 50


class Collision(Enum):
    OVERWRITE = "overwrite"
    SKIP = "skip"
    KEEP_BOTH = "keep both"


@dataclass(frozen=True, slots=True)
class CopyItem:
    src_key: str
    dst_key: str
    size: int


@dataclass(frozen=True, slots=True)
class CopyPlan:
    """Source -> destination keys; `roots` are destination folders to list for collisions."""

    src_bucket: str
    dst_bucket: str
    items: tuple[CopyItem, ...]
    roots: tuple[str, ...] = ()
    existing: frozenset[str] = field(default_factory=frozenset)
    src_folders: tuple[str, ...] = ()
    cross: bool = False  # source and destination are different connections

    def same_place(self, item: CopyItem) -> bool:
        """Copying this item would write onto its own source."""
        return (not self.cross and self.src_bucket == self.dst_bucket
                and item.src_key == item.dst_key)

    @property
    def collisions(self) -> tuple[CopyItem, ...]:
        return tuple(i for i in self.items if i.dst_key in self.existing)

    @property
    def total_size(self) -> int:
        return sum(i.size for i in self.items)


def check_name(name: str) -> str:
    """A single path segment a user typed for a new folder or a rename."""
    clean = name.strip()
    if not clean or clean in (".", ".."):
        raise ConfigError("The name is empty.", "Type a name.")
    if "/" in clean:
        raise ConfigError(
            f"“{clean}” contains “/”, which separates folders.", "Use a name without “/”."
        )
    if any(ord(c) < 32 or ord(c) == 127 for c in clean):
        raise ConfigError("The name contains control characters.", "Use printable characters.")
    if len(clean.encode()) > 1000:
        raise ConfigError("The name is too long for an S3 key.", "Use a shorter name.")
    return clean


def plan_copy(
    storage: Storage,
    src_bucket: str,
    items: Sequence[Entry],
    dst_bucket: str,
    dst_prefix: str,
    progress: Progress,
    new_name: str | None = None,
    dst_storage: Storage | None = None,
) -> CopyPlan:
    """Expand the selection into destination keys below `dst_prefix` and look up which of
    them exist already (on `dst_storage` when the destination is another connection).
    `new_name` renames the single selected item."""
    cross = dst_storage is not None and dst_storage is not storage
    target = dst_storage if dst_storage is not None else storage
    if dst_prefix and not dst_prefix.endswith("/"):
        dst_prefix += "/"
    if new_name is not None and len(items) != 1:
        raise ConfigError("Only one item can be renamed at a time.", "Select a single item.")
    progress.start("Listing")
    planned: list[CopyItem] = []
    roots: list[str] = []
    src_folders: list[str] = []
    for item in items:
        if isinstance(item, ObjectEntry):
            name = new_name or item.name
            planned.append(CopyItem(item.key, dst_prefix + name, item.size))
            progress.add(1, item.size)
            continue
        root = dst_prefix + (new_name or item.name) + "/"
        if not cross and src_bucket == dst_bucket and root.startswith(item.prefix):
            raise ConfigError(
                f"The folder “{item.prefix}” cannot be copied or moved into itself.",
                "Pick a destination outside that folder.",
            )
        roots.append(root)
        src_folders.append(item.prefix)
        for obj in walk(storage, src_bucket, item.prefix, progress):
            planned.append(CopyItem(obj.key, root + obj.key[len(item.prefix):], obj.size))
    existing = _existing(target, dst_bucket, planned, roots, progress)
    return CopyPlan(src_bucket, dst_bucket, tuple(planned), tuple(roots), frozenset(existing),
                    tuple(src_folders), cross)


def _existing(
    storage: Storage, bucket: str, planned: list[CopyItem], roots: list[str], progress: Progress
) -> set[str]:
    wanted = {i.dst_key for i in planned}
    found: set[str] = set()
    for root in roots:
        found.update(o.key for o in walk(storage, bucket, root, progress) if o.key in wanted)
    loose = [k for k in wanted if not any(k.startswith(r) for r in roots)]
    if len(loose) <= _HEAD_LIMIT:
        for key in loose:
            progress.check()
            if storage.exists(bucket, key):
                found.add(key)
    else:  # many loose files go to one folder: one listing beats many HEADs
        parents = {posixpath.dirname(k) for k in loose}
        for parent in parents:
            prefix = f"{parent}/" if parent else ""
            page_start: str | None = None
            while True:
                progress.check()
                page = storage.list_page(bucket, prefix, page_start)
                found.update(o.key for o in page.objects if o.key in wanted)
                if page.next_start_after is None:
                    break
                page_start = page.next_start_after
    return found


def keep_both_name(
    key: str, taken: set[str], exists: Callable[[str], bool] | None = None
) -> str:
    """`a/report.pdf` -> `a/report (copy).pdf`, then `(copy 2)`… until the key is free
    (neither in `taken` nor, when given, on the server according to `exists`)."""
    folder, _, name = key.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    if not stem:  # no extension (or a dotfile such as `.env`)
        stem, dot, ext = name, "", ""
    number = 1
    while True:
        label = " (copy)" if number == 1 else f" (copy {number})"
        candidate = f"{stem}{label}{dot}{ext}"
        full = f"{folder}/{candidate}" if folder else candidate
        if full not in taken and not (exists is not None and exists(full)):
            return full
        number += 1


def resolve(
    plan: CopyPlan, policy: Collision, storage: Storage | None = None
) -> tuple[list[CopyItem], int]:
    """Apply the user's collision choice; returns the items to copy and how many are skipped.
    Copying an object onto itself is always skipped (it would be a no-op or an error). With
    `storage` (the DESTINATION's), "keep both" names are checked against the server too
    (runs on a worker)."""
    exists = None
    if storage is not None:
        dst_bucket = plan.dst_bucket
        exists = lambda key: storage.exists(dst_bucket, key)  # noqa: E731
    taken = set(plan.existing) | {i.dst_key for i in plan.items}
    result: list[CopyItem] = []
    skipped = 0
    for item in plan.items:
        same = plan.same_place(item)
        if item.dst_key in plan.existing or same:
            if policy is Collision.SKIP or (same and policy is Collision.OVERWRITE):
                skipped += 1
                continue
            if policy is Collision.KEEP_BOTH and not item.dst_key.endswith("/"):
                # (a folder marker that exists already is simply written again)
                new_key = keep_both_name(item.dst_key, taken, exists)
                taken.add(new_key)
                item = CopyItem(item.src_key, new_key, item.size)
        result.append(item)
    return result, skipped


def copy_items(
    storage: Storage,
    plan: CopyPlan,
    items: Sequence[CopyItem],
    progress: Progress,
    move: bool = False,
    skipped: int = 0,
    multipart_threshold: int = SINGLE_COPY_LIMIT,
    part_size: int | None = None,
    dst_storage: Storage | None = None,
) -> BulkReport:
    """Server-side copies (a few in parallel), or streamed copies into `dst_storage` for a
    plan between connections; a move then deletes the copied sources."""
    target = dst_storage if dst_storage is not None else storage
    progress.start("Moving" if move else "Copying", len(items), sum(i.size for i in items))
    failures: list[Failure] = []
    copied: list[CopyItem] = []
    lock = threading.Lock()

    def one(item: CopyItem) -> None:
        if progress.cancelled:
            return
        sent = [0]  # bytes already counted while a streamed copy ran

        def streamed(n: int) -> None:
            sent[0] += n
            progress.add(0, n)

        try:
            if item.src_key.endswith("/"):
                # A folder marker: some servers (SeaweedFS) keep it as a directory that cannot
                # be a copy source, and it carries nothing but its name - write a fresh one.
                target.put_stream(plan.dst_bucket, item.dst_key, io.BytesIO(b""), 0)
            elif plan.cross:
                stream_copy(storage, plan.src_bucket, item.src_key, target, plan.dst_bucket,
                            item.dst_key, progress.check, on_bytes=streamed)
            else:
                storage.copy_object(
                    plan.src_bucket, item.src_key, plan.dst_bucket, item.dst_key,
                    multipart_threshold, part_size, item.size,
                )
        except Cancelled:
            return  # stopped half-way through a streamed copy: counted as remaining
        except AppError as err:
            with lock:
                failures.append(Failure(item.src_key, err.user_text()))
        else:
            with lock:
                copied.append(item)
        progress.add(1, max(0, item.size - sent[0]))

    _run_parallel(one, items)
    cancelled = progress.cancelled
    remaining = len(items) - len(copied) - len(failures)
    if move and copied:
        sources = [
            ObjectEntry(i.src_key, i.size, None, "") for i in copied if not plan.same_place(i)
        ]
        removal = _delete_after_move(storage, plan.src_bucket, sources)
        failures.extend(removal)
        if not failures and not cancelled and not skipped and plan.src_folders:
            moved = {i.src_key for i in copied}
            implied = implied_folders(plan.src_folders, moved)
            forget_folders(storage, plan.src_bucket, implied)
    order = {i.src_key: n for n, i in enumerate(items)}
    failures.sort(key=lambda f: order.get(f.key, 0))
    return BulkReport(len(copied), tuple(failures), cancelled, skipped, remaining)


def _delete_after_move(storage: Storage, bucket: str, sources: list[ObjectEntry]) -> list[Failure]:
    # Runs even after a cancel: whatever was copied is moved completely, never duplicated.
    report = delete_keys(storage, bucket, sources, Progress())
    return [
        Failure(f.key, f"copied, but the original could not be removed: {f.reason}")
        for f in report.failures
    ]


def _run_parallel(fn: Callable[[CopyItem], None], items: Sequence[CopyItem]) -> None:
    if len(items) <= 1:
        for item in items:
            fn(item)
        return
    with ThreadPoolExecutor(COPY_WORKERS, thread_name_prefix="copy") as pool:
        for future in [pool.submit(fn, item) for item in items]:
            future.result()
