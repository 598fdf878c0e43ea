"""Carry out a sync plan through the transfer queue, and remember each key as it lands.

Every copy is a row of the ordinary queue (verified, resumable, pausable, journalled): the
uploads of a run are one batch, the downloads another, both with the "overwrite" policy of
their own (the compare already decided what to replace, the user is not asked again).
Deletions and the server-side copies of "keep both" are done here, before anything is queued.

The pair's state is marked unfinished when a run starts and saved as transfers finish, so a
quit in the middle loses nothing: the journal brings the rows back, and on the next start
the compare is run again and the new run adopts the rows still in the queue instead of
queueing them twice (`SyncRun.start` matches them by direction, bucket and key). A run
resumed that way deletes only what the user confirmed for the interrupted one.

What is recorded per key is what both sides were when the bytes were known to agree: an
upload records the file's size and time as compared (taken before it was read, so a file
written meanwhile shows as changed next time instead of being taken for synced) and the
ETag the server then reports; a download records the file as written and the ETag it was
pinned to.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Protocol

from desktop_app.core.checksums import Algo
from desktop_app.core.errors import AppError
from desktop_app.core.local_scan import LocalEntry
from desktop_app.core.sync_compare import RemoteEntry
from desktop_app.core.sync_model import PairStore, SyncedEntry, SyncPair, SyncState
from desktop_app.core.transfer_types import ObjectHead, RemoteObject
from desktop_app.transfers.options import ConflictPolicy
from desktop_app.transfers.rows import TransferView
from desktop_app.transfers.state import Direction as Way
from desktop_app.transfers.state import State
from desktop_app.transfers.sync_plan import SyncPlan

log = logging.getLogger(__name__)
SAVE_EVERY_S = 1.0  # the state file is written at most this often while a run goes on
DELETE_BATCH = 1000  # keys per multi-object delete (S3's limit)
HEADS_AT_ONCE = 8  # HEADs of landed uploads asked in parallel


class SyncEngine(Protocol):
    """The part of the transfer engine (in this process or its own) a sync drives."""

    def upload_files(self, bucket: str, files: Sequence[tuple[Path, str, int]],
                     conflict: ConflictPolicy | None = None) -> list[int]: ...

    def download_objects(self, bucket: str, objects: Sequence[RemoteObject], root: Path,
                         prefix: str = "", conflict: ConflictPolicy | None = None
                         ) -> list[int]: ...

    def snapshot(self) -> list[TransferView]: ...


class SyncStorage(Protocol):
    def head_checksums(self, bucket: str, key: str, if_match: str | None = None,
                       part_number: int = 0) -> ObjectHead: ...

    def delete_many(self, bucket: str, keys: Sequence[str]) -> list[tuple[str, str]]: ...

    def copy_object(self, src_bucket: str, src_key: str, dst_bucket: str, dst_key: str,
                    multipart_threshold: int = ..., part_size: int | None = None,
                    size: int | None = None) -> str: ...


@dataclass(slots=True)
class Outcome:
    """What a run did so far."""

    uploaded: int = 0
    downloaded: int = 0
    deleted: int = 0
    recorded: int = 0  # keys found the same and remembered
    bytes: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (key, why)

    def summary(self) -> dict[str, int]:
        return {"uploaded": self.uploaded, "downloaded": self.downloaded,
                "deleted": self.deleted, "failed": len(self.failed), "bytes": self.bytes}


class PairLock:
    """One lock per pair id: a run and a watcher of the same pair share its state."""

    _locks: ClassVar[dict[str, threading.RLock]] = {}
    _guard: ClassVar[threading.Lock] = threading.Lock()

    @classmethod
    def of(cls, pair_id: str) -> threading.RLock:
        with cls._guard:
            return cls._locks.setdefault(pair_id, threading.RLock())


class SyncRun:
    """One run of a pair. `start()` (a worker thread: it deletes, copies and queues) then
    `poll()` until it answers True, or `wait()`. `resumed`: the run continues one a quit
    interrupted (its rows may still be in the queue)."""

    def __init__(self, pair: SyncPair, plan: SyncPlan, engine: SyncEngine,
                 storage: SyncStorage, store: PairStore | None, state: SyncState,
                 mark_run: bool = True) -> None:
        self.pair = pair
        self.plan = plan
        self.engine = engine
        self.storage = storage
        self.store = store
        self.state = state
        self.mark_run = mark_run  # False for a watcher's uploads: not a run of the pair
        self.outcome = Outcome()
        self.root = Path(pair.local_folder)
        self.total = 0
        self._pending: dict[int, LocalEntry | RemoteEntry] = {}
        self._lock = PairLock.of(pair.id)
        self._saved_at = 0.0
        self._dirty = False
        self._started = False
        self.finished = False

    # -- starting ------------------------------------------------------------------------
    def start(self) -> None:
        plan, state = self.plan, self.state
        with self._lock:
            if self.mark_run:
                state.finished = False
                state.deletions = plan.confirmed_deletions()
            for item in plan.record:
                assert item.local is not None
                assert item.remote is not None
                state.record(item.key, SyncedEntry(item.local.size, item.local.mtime_ns,
                                                   item.remote.etag))
                self.outcome.recorded += 1
            self._save(force=True)
        self._delete_remote(plan.delete_remote)
        self._delete_local(plan.delete_local)
        uploads, downloads = list(plan.uploads), list(plan.downloads)
        for both in plan.keep_both:
            copied = self._copy(both.key, both.new_key, both.remote.size)
            if copied is not None:
                downloads.append(RemoteEntry(both.new_key, both.remote.size,
                                             both.remote.mtime, copied))
                uploads.append(both.local)
        self._queue(uploads, downloads)
        self._started = True
        with self._lock:
            self._save(force=True)

    def _full(self, key: str) -> str:
        return self.pair.prefix + key

    def _queue(self, uploads: list[LocalEntry], downloads: list[RemoteEntry]) -> None:
        """Queue what the queue does not hold already (a resumed run adopts its rows)."""
        running: dict[tuple[Way, str, str], int] = {}
        for view in self.engine.snapshot():  # the same file and key both: never another's
            if not view.state.finished and view.bucket == self.pair.bucket:
                running[(view.direction, view.key, str(view.local_path))] = view.id
        bucket = self.pair.bucket
        files: list[tuple[Path, str, int]] = []
        sending: list[LocalEntry] = []
        for entry in uploads:
            path = self.root.joinpath(*entry.key.split("/"))
            found = running.get((Way.UPLOAD, self._full(entry.key), str(path)))
            if found is not None:
                self._pending[found] = entry
            else:
                files.append((path, self._full(entry.key), entry.size))
                sending.append(entry)
        objects: list[RemoteObject] = []
        fetching: list[RemoteEntry] = []
        for remote in downloads:
            dest = str(self.root.joinpath(*remote.key.split("/")))
            found = running.get((Way.DOWNLOAD, self._full(remote.key), dest))
            if found is not None:
                self._pending[found] = remote
            else:
                objects.append(RemoteObject(self._full(remote.key), remote.size, remote.etag))
                fetching.append(remote)
        if files:
            ids = self.engine.upload_files(bucket, files, ConflictPolicy.OVERWRITE)
            self._pending.update(zip(ids, sending, strict=True))
        if objects:
            ids = self.engine.download_objects(bucket, objects, self.root, self.pair.prefix,
                                               ConflictPolicy.OVERWRITE)
            self._pending.update(zip(ids, fetching, strict=True))
        self.total = len(self._pending)

    def _delete_remote(self, entries: list[RemoteEntry]) -> None:
        for start in range(0, len(entries), DELETE_BATCH):
            chunk = entries[start:start + DELETE_BATCH]
            try:
                failures = dict(self.storage.delete_many(self.pair.bucket,
                                                         [self._full(e.key) for e in chunk]))
            except AppError as exc:
                failures = {self._full(e.key): exc.user_text() for e in chunk}
            with self._lock:
                for entry in chunk:
                    why = failures.get(self._full(entry.key))
                    if why is None:
                        self.state.forget(entry.key)
                        self.outcome.deleted += 1
                    else:
                        self.outcome.failed.append((entry.key, f"Not deleted: {why}"))

    def _delete_local(self, entries: list[LocalEntry]) -> None:
        for entry in entries:
            path = self.root.joinpath(*entry.key.split("/"))
            try:
                info = os.lstat(path)
                if (info.st_size, info.st_mtime_ns) != (entry.size, entry.mtime_ns):
                    raise ChangedSince
                path.unlink()
            except ChangedSince:
                self._fail(entry.key, "Not deleted: the file changed since the compare.")
                continue
            except FileNotFoundError:
                pass  # gone already: what was wanted
            except OSError as exc:
                self._fail(entry.key, f"Not deleted: {exc.strerror}.")
                continue
            with self._lock:
                self.state.forget(entry.key)
                self.outcome.deleted += 1

    def _copy(self, key: str, new_key: str, size: int) -> str | None:
        """The server-side copy of "keep both"; its ETag, or None (the conflict is left)."""
        bucket = self.pair.bucket
        try:
            return self.storage.copy_object(bucket, self._full(key), bucket,
                                            self._full(new_key), size=size).strip('"')
        except AppError as exc:
            self._fail(key, f"Both versions could not be kept: {exc.user_text()}")
            return None

    def _fail(self, key: str, why: str) -> None:
        with self._lock:
            self.outcome.failed.append((key, why))

    # -- following the queue -------------------------------------------------------------
    @property
    def started(self) -> bool:
        return self._started

    @property
    def done(self) -> int:
        return self.total - len(self._pending)

    def poll(self) -> bool:
        """Take in the rows that finished since the last look; True once all have (the
        state is then saved as a finished run)."""
        if self.finished:
            return True
        if not self._started:
            return False
        if self._pending:
            views = [v for v in self.engine.snapshot()
                     if v.id in self._pending and v.state.finished]
            landed = [(view, self._pending.pop(view.id)) for view in views]
            if len(landed) == 1:
                self._landed(*landed[0])
            elif landed:  # each upload asks the server for its ETag: a few at once
                with ThreadPoolExecutor(HEADS_AT_ONCE, thread_name_prefix="sync-head") as pool:
                    list(pool.map(lambda pair: self._landed(*pair), landed))
        with self._lock:
            if not self._pending:
                self.finished = True
                if self.mark_run:
                    self.state.finished = True
                    self.state.last_run = time.time()
                    self.state.deletions = []
                    self.state.summary = self.outcome.summary()
                self._save(force=True)
            else:
                self._save()
        return self.finished

    def wait(self, timeout: float | None = None, interval: float = 0.2) -> bool:
        """Poll until the run is over; False when `timeout` passed first."""
        end = None if timeout is None else time.monotonic() + timeout
        while not self.poll():
            if end is not None and time.monotonic() > end:
                return False
            time.sleep(interval)
        return True

    def _landed(self, view: TransferView, entry: LocalEntry | RemoteEntry) -> None:
        if view.state is not State.DONE:
            why = view.error or view.state.value.capitalize()
            self._fail(entry.key, why)
            return
        if isinstance(entry, LocalEntry):
            synced = self._uploaded(entry)
            counted = "uploaded"
        else:
            synced = self._downloaded(entry)
            counted = "downloaded"
        with self._lock:
            if counted == "uploaded":
                self.outcome.uploaded += 1
            else:
                self.outcome.downloaded += 1
            self.outcome.bytes += view.size
            if synced is None:
                self.state.forget(entry.key)  # the next compare decides by the bytes
            else:
                self.state.record(entry.key, synced)
            self._dirty = True

    def _uploaded(self, entry: LocalEntry) -> SyncedEntry | None:
        try:
            head = self.storage.head_checksums(self.pair.bucket, self._full(entry.key))
        except AppError:
            return None
        if head.size != entry.size:
            return None  # the file was written after the compare: not known to agree
        crc = next((c.value for c in head.checksums if c.crc is Algo.CRC64NVME), "")
        return SyncedEntry(entry.size, entry.mtime_ns, head.etag.strip('"'), crc)

    def _downloaded(self, entry: RemoteEntry) -> SyncedEntry | None:
        try:
            info = os.lstat(self.root.joinpath(*entry.key.split("/")))
        except OSError:
            return None
        if info.st_size != entry.size:
            return None
        return SyncedEntry(info.st_size, info.st_mtime_ns, entry.etag)

    def _save(self, force: bool = False) -> None:
        """Write the state (the caller holds the lock); at most every SAVE_EVERY_S."""
        if self.store is None:
            return
        now = time.monotonic()
        if not force and (not self._dirty or now - self._saved_at < SAVE_EVERY_S):
            return
        with contextlib.suppress(KeyError):  # the pair was deleted meanwhile
            self.store.save_state(self.pair.id, self.state)
        self._saved_at, self._dirty = now, False


class ChangedSince(Exception):
    """A file to delete is no longer the one compared."""


def failures_text(outcome: Outcome, limit: int = 5) -> str:
    """The first failures, one a line, for a message."""
    lines = [f"{key}: {why}" for key, why in outcome.failed[:limit]]
    if len(outcome.failed) > limit:
        lines.append(f"… and {len(outcome.failed) - limit} more")
    return "\n".join(lines)
