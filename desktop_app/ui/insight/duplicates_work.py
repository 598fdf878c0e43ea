"""The worker side of Find duplicates… (no Qt): the search (listing, then the hashes the
server keeps inside same-size groups), the reading of objects no stored hash could compare,
and the delete of ticked copies, each checked again right before it goes.

The window's timer reads a `ScanProgress` the worker writes (no signal per object).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from desktop_app.core.duplicates import (
    READ,
    DuplicateGroup,
    DuplicateReport,
    StoredHashes,
    find_duplicates,
)
from desktop_app.core.errors import AppError
from desktop_app.core.keys_text import shown_key
from desktop_app.core.types import ObjectEntry
from desktop_app.storage.protocol import MAX_DELETE_BATCH
from desktop_app.ui.shell.i18n import translate


class ScanProgress:
    """Plain numbers written by the worker and read by the window's timer (no signal per
    object), and the Cancel flag the worker watches."""

    def __init__(self) -> None:
        self.phase = "listing"
        self.done = 0
        self.total = 0
        self.cancel = threading.Event()

    def update(self, phase: str, done: int, total: int) -> None:
        self.phase, self.done, self.total = phase, done, total


def read_sha256(storage: Any, bucket: str, cancel: threading.Event, entry: ObjectEntry,
                tick: Callable[[int], None]) -> str | None:
    """Runs on a worker: the object's bytes streamed through SHA-256 (nothing is kept), the
    version listed only (If-Match on its ETag); None when Cancel stopped it."""
    digest = hashlib.sha256()
    read = 0
    for chunk in storage.iter_chunks(bucket, entry.key, if_match=entry.etag or None):
        if cancel.is_set():
            return None
        digest.update(chunk)
        read += len(chunk)
        tick(len(chunk))
    if read != entry.size:
        raise AppError(translate(
            "DuplicatesFlow",
            "“{key}” changed while it was read.").format(key=shown_key(entry.key)),
                       translate("DuplicatesFlow", "Find duplicates again."))
    return digest.hexdigest()


def scan(storage: Any, bucket: str, prefix: str, progress: ScanProgress) -> DuplicateReport:
    """Runs on a worker: the streaming listing (twice in a bucket of very many distinct
    sizes), then HEADs inside same-size groups."""
    def listing() -> Iterator[ObjectEntry]:
        for page in storage.iter_listing(bucket, prefix, recursive=True,
                                         cancel=progress.cancel):
            yield from page.objects
    return find_duplicates(listing, partial(storage.stored_hashes, bucket),
                           progress.cancel, progress.update)


@dataclass
class DeleteOutcome:
    deleted: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (key, reason)
    cancelled: bool = False


CHANGED = "changed since the search (find again before deleting it)"
KEEPER_GONE = ("the copy to keep has changed or is gone since the search, so this one may be "
               "the last (find again)")


def _unchanged(storage: Any, bucket: str, group: DuplicateGroup, key: str) -> bool:
    """Whether the server still gives `key` the hashes it gave when compared; a copy
    compared by reading is unchanged while its ETag is the one read (If-Match)."""
    kept = group.hashes.get(key, StoredHashes()).values
    try:
        if READ in kept:
            etag = next(e.etag for e in group.entries if e.key == key)
            return bool(etag) and storage.stat(bucket, key).etag == etag
        now = storage.stored_hashes(bucket, key)
    except AppError:
        return False  # gone, or unreadable: not proven the same
    return bool(now.values) and now.values == kept


def recheck(storage: Any, bucket: str, plan: list[tuple[DuplicateGroup, list[str]]],
            progress: ScanProgress) -> tuple[list[str], list[tuple[str, str]]]:
    """Runs on a worker, right before deleting: one HEAD per ticked copy, and per group until
    a copy to keep answers unchanged. A copy goes only while it and a kept copy are still
    what the search compared: objects can change between the search and the click."""
    total = sum(len(keys) for _, keys in plan)
    ok: list[str] = []
    refused: list[tuple[str, str]] = []
    done = 0
    for group, keys in plan:
        if progress.cancel.is_set():
            break
        keepers = [e.key for e in group.entries if e.key not in set(keys)]
        if not any(_unchanged(storage, bucket, group, key) for key in keepers):
            refused += [(key, KEEPER_GONE) for key in keys]
        else:
            for key in keys:
                if _unchanged(storage, bucket, group, key):
                    ok.append(key)
                else:
                    refused.append((key, CHANGED))
        done += len(keys)
        progress.update("checking", done, total)
    return ok, refused


def delete_copies(storage: Any, bucket: str, plan: list[tuple[DuplicateGroup, list[str]]],
                  progress: ScanProgress) -> DeleteOutcome:
    """Runs on a worker: the recheck, then bulk deletes of up to 1000 keys, Cancel checked
    between them."""
    keys, refused_early = recheck(storage, bucket, plan, progress)
    outcome = DeleteOutcome(failed=refused_early, cancelled=progress.cancel.is_set())
    for start in range(0, len(keys), MAX_DELETE_BATCH):
        if progress.cancel.is_set():
            outcome.cancelled = True
            break
        batch = keys[start:start + MAX_DELETE_BATCH]
        try:
            refused = dict(storage.delete_many(bucket, batch))
        except AppError as err:
            refused = {key: err.user_text() for key in batch}
        outcome.failed.extend((key, refused[key]) for key in batch if key in refused)
        outcome.deleted.extend(key for key in batch if key not in refused)
        progress.update("deleting", start + len(batch), len(keys))
    return outcome
