"""The transfer queue: N files at once, M parts per big file, all in bounded pools.

`TransferEngine` owns the `Transfer` objects and their state transitions; the UI polls
`snapshot()` on a timer (never per chunk) and calls pause/resume/cancel/retry by id (the
engine inherits those commands from `commands.RowCommands`). Files run on a file pool of
`files_at_once` threads; parts of big files on one shared part pool, so the total number of
connections stays within the adapter's HTTP pool. Small downloads and uploads go to the
asyncio lanes (`lanes`) when the storage offers them, and come back here for anything
unusual. Every item is journalled, so `restore()` after a restart brings the queue back and
resumes multipart uploads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path

from desktop_app.core import url_safety
from desktop_app.core.errors import AccessDenied, AppError, Cancelled
from desktop_app.core.transfer_types import KnownSha256, MultipartUploadInfo, RemoteObject
from desktop_app.storage.protocol import TransferStorage
from desktop_app.transfers.bandwidth import TokenBucket
from desktop_app.transfers.commands import RowCommands
from desktop_app.transfers.conflicts import Resolver
from desktop_app.transfers.context import Context, failure_text, lower_priority
from desktop_app.transfers.download import download
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.lanes import LaneHosting, Lanes
from desktop_app.transfers.memory import fix_mmap_threshold
from desktop_app.transfers.options import ConflictPolicy, TransferOptions
from desktop_app.transfers.paths import parent_prefix, plan
from desktop_app.transfers.remote_keys import RemoteKeys
from desktop_app.transfers.rows import Changes, TransferView, pick_changes, view_of
from desktop_app.transfers.scan import scan_upload
from desktop_app.transfers.server_memory import remember_checksum_answer
from desktop_app.transfers.state import Direction, Paused, State, Transfer
from desktop_app.transfers.upload import upload
from desktop_app.transfers.url_fetch import name_from_url
from desktop_app.transfers.url_import import ImportJob, UrlImport, discard, run_import

log = logging.getLogger(__name__)
KEPT_LISTINGS = 16  # upload batches whose existing-key listing is kept
# Downloads are queued in steps: the first files start while the rest are queued.
FIRST_STEP, MAX_STEP = 100, 10_000
Listener = Callable[[Transfer], None]


class TransferEngine(LaneHosting, RowCommands):
    def __init__(
        self,
        storage: TransferStorage,
        options: TransferOptions | None = None,
        journal: Journal | None = None,
        file_executor: Executor | None = None,
        part_executor: Executor | None = None,
        limiter: TokenBucket | None = None,
    ) -> None:
        self.options = options or TransferOptions()
        fix_mmap_threshold()  # part buffers go back to the system when freed
        self.storage = storage
        # Without a journal file, an in-memory one still keeps a paused upload's id and parts.
        self.journal: Journal = journal if journal is not None else Journal.memory()
        self._own_pools = file_executor is None
        self._files = file_executor or ThreadPoolExecutor(
            self.options.files_at_once, thread_name_prefix="transfer-file",
            initializer=lower_priority, initargs=(self.options.worker_niceness,))
        self._parts = part_executor or ThreadPoolExecutor(
            self.options.part_workers, thread_name_prefix="transfer-part",
            initializer=lower_priority, initargs=(self.options.worker_niceness,))
        if limiter is None and self.options.bandwidth_limit:
            limiter = TokenBucket(self.options.bandwidth_limit)
        self.ctx = Context(storage, self.options, self._parts, self.journal, limiter)
        self._lock = threading.Lock()
        self._items: dict[int, Transfer] = {}
        self._roots: dict[int, Path] = {}
        # Held from journalling new rows until the engine holds them, and by restore(): one
        # running on another thread never reads rows in between and brings them back twice.
        self._holding = threading.Lock()
        self._batches = self.journal.last_batch()  # a drop queued before restore() ran
        self._idle = threading.Condition(self._lock)
        # Called (quickly, under the engine's lock) each time the last running item ends.
        self.idle_listener: Callable[[], None] | None = None
        self._active = 0
        self._listeners: list[Listener] = []
        self._closed = False
        self._order: list[int] = []  # ids in the order they were added
        self._generation = 0  # bumps whenever rows go away (clear finished)
        self._dirty: set[int] = set()
        self._running: set[int] = set()  # transfers a worker is inside right now
        self._resubmit: set[int] = set()  # resumed or retried while their worker unwound
        remember_checksum_answer(storage, self.journal)
        self._lanes = Lanes(storage, self.ctx, limiter is not None, self)
        self._imports: dict[int, ImportJob] = {}  # URL imports by row id (not journalled)
        # Who resolves a URL import's host names (tests make names resolve anywhere).
        self.url_resolver: url_safety.Resolver = url_safety.system_resolver

    def set_conflict_resolver(self, resolver: Resolver | None) -> None:
        """Who answers `ConflictPolicy.ASK` questions (called on a worker thread)."""
        self.ctx.resolver = resolver

    # -- adding work ---------------------------------------------------------------------
    def upload_paths(self, paths: Iterable[Path], bucket: str, prefix: str = "") -> list[int]:
        """Queue files and folders (recursively) for upload under `prefix`; returns ids.

        Scanning a big folder takes time: call this from a worker, not the GUI thread.
        """
        batch = self._next_batch()
        if self.options.conflict is not ConflictPolicy.OVERWRITE:
            with self._lock:
                keys = self.ctx.remote_keys
                keys[batch] = RemoteKeys(self.storage, bucket, prefix)  # listed when needed
                for old in sorted(keys)[:-KEPT_LISTINGS]:
                    del keys[old]
        transfers: list[Transfer] = []
        for entry in scan_upload(paths, prefix, self.options.follow_symlinks):
            item = Transfer(Direction.UPLOAD, bucket, entry.key, entry.path, entry.size, batch)
            if entry.problem:
                item.state, item.error = State.SKIPPED, entry.problem
            transfers.append(item)
        self._add(transfers, None)
        return [t.id for t in transfers]

    def upload_files(self, bucket: str, files: Sequence[tuple[Path, str, int]],
                     conflict: ConflictPolicy | None = None,
                     skipped: Sequence[tuple[Path, str, int, str]] = (),
                     known: Mapping[Path, KnownSha256] | None = None) -> list[int]:
        """Queue (path, key, size) files as one batch, each under the key given (a sync
        knows its keys); `conflict` overrides the engine's policy for this batch.
        `skipped` (path, key, size, why) become finished rows that say why (upload rules);
        `known`: SHA-256 values the rules already read, stored with multipart uploads."""
        batch = self._next_batch(conflict)
        known = known or {}
        transfers = [Transfer(Direction.UPLOAD, bucket, key, path, size, batch,
                              known_sha256=known.get(path)) for path, key, size in files]
        for path, key, size, why in skipped:
            item = Transfer(Direction.UPLOAD, bucket, key, path, size, batch)
            item.state, item.error = State.SKIPPED, why
            transfers.append(item)
        self._add(transfers, None)
        return [t.id for t in transfers]

    def download_objects(
        self, bucket: str, objects: Sequence[RemoteObject], root: Path, prefix: str = "",
        conflict: ConflictPolicy | None = None,
    ) -> list[int]:
        """Queue objects for download into `root`, keys taken relative to `prefix`;
        `conflict` overrides the engine's policy for this batch."""
        batch = self._next_batch(conflict)
        by_key = {o.key: o for o in objects}
        ids: list[int] = []
        transfers: list[Transfer] = []
        step = FIRST_STEP
        for planned in plan(root, by_key, prefix):
            obj = by_key[planned.key]
            item = Transfer(Direction.DOWNLOAD, bucket, obj.key, planned.path or root / "?",
                            obj.size, batch, etag=obj.etag)
            if planned.path is None:
                item.state, item.error = State.SKIPPED, planned.reason
            transfers.append(item)
            if len(transfers) >= step:  # the first files start while the rest are queued
                self._add(transfers, root)
                ids.extend(t.id for t in transfers)
                transfers, step = [], min(step * 4, MAX_STEP)
        self._add(transfers, root)
        return ids + [t.id for t in transfers]

    def download_prefix(self, bucket: str, prefix: str, root: Path) -> list[int]:
        """Queue everything under `prefix` (a "folder"), saved under `root/<folder name>`.
        Keys are planned from the folder's parent, so its own name is checked like any other
        (a folder `..` stays inside `root`), and the downloads make the folder: a file in its
        way fails their rows by name instead of stopping the whole selection."""
        objects = list(self.storage.iter_objects(bucket, prefix))
        return self.download_objects(bucket, objects, root, parent_prefix(prefix))

    def import_urls(self, bucket: str, requests: Sequence[UrlImport]) -> list[int]:
        """Queue URL imports into `bucket` (see `url_import`); kept in memory only."""
        batch = self._next_batch()
        transfers = [Transfer(Direction.UPLOAD, bucket,
                              f"{r.prefix}{r.name or name_from_url(r.url)}", Path(), 0, batch,
                              source=r.shown) for r in requests]
        for t, request in zip(transfers, requests, strict=True):
            self._imports[t.id] = ImportJob(request, self.url_resolver)
        self._add(transfers, None, journal=False)
        return [t.id for t in transfers]

    def _next_batch(self, conflict: ConflictPolicy | None = None) -> int:
        with self._lock:
            self._batches += 1
            batch = self._batches
        if conflict is not None:
            self.ctx.batch_conflict[batch] = conflict
            self.journal.set_batch_conflict(batch, conflict.value)
        return batch

    def _add(self, transfers: list[Transfer], root: Path | None, journal: bool = True) -> None:
        with self._holding:
            ids = self.journal.add_items(
                (t.batch, t.direction.value, t.bucket, t.key, str(t.local_path),
                 str(root) if root else None, t.size, t.etag, t.state.value)
                for t in transfers if not t.state.finished
            ) if journal else []
            for t, jid in zip((t for t in transfers if not t.state.finished and journal), ids,
                              strict=True):
                t.journal_id = jid
            self.journal.keep_sha256_hints((t.journal_id, t.known_sha256) for t in transfers
                                           if t.journal_id and t.known_sha256)
            with self._lock:
                for t in transfers:
                    self._items[t.id] = t
                    self._order.append(t.id)
                    t.sink = self._dirty
                    if root is not None:
                        self._roots[t.id] = root
        for t in transfers:
            if t.state is State.QUEUED:
                self._submit(t)

    def _submit(self, transfer: Transfer) -> None:
        with self._lock:
            if self._closed:
                return
            self._active += 1
        if not self._lanes.take(transfer, self._roots.get(transfer.id),
                                transfer.id not in self._imports):
            self._files.submit(self._run, transfer)

    # -- running -------------------------------------------------------------------------
    def _run(self, transfer: Transfer, started: bool = False) -> None:
        """One transfer on a file worker; `started`: the small lane handed it over running."""
        try:
            if not started and not self._start(transfer):
                return  # paused or cancelled while it waited
            transfer.checkpoint()  # e.g. handed over by the small lane because it was stopped
            if transfer.id in self._imports:
                run_import(self.ctx, transfer, self._imports[transfer.id])
            elif transfer.direction is Direction.UPLOAD:
                upload(self.ctx, transfer)
            else:
                download(self.ctx, transfer, self._roots[transfer.id])
            if transfer.state in (State.RUNNING, State.PAUSED):
                transfer.transition(State.DONE)  # finished before a late pause took hold
        except Paused:
            pass
        except Cancelled:
            transfer.try_transition(State.CANCELLED)
        except AppError as exc:
            if transfer.cancel_event.is_set():
                transfer.try_transition(State.CANCELLED)
            elif transfer.pause_event.is_set() and self._closed:
                pass  # the app is quitting: the journal keeps it queued for next time
            else:
                transfer.denied = isinstance(exc, AccessDenied)
                transfer.try_transition(State.FAILED, failure_text(exc))
        except Exception as exc:  # a bug must fail the row, not kill the worker silently
            log.exception("Transfer %s failed unexpectedly", transfer.id)
            transfer.try_transition(
                State.FAILED, f"Unexpected error ({type(exc).__name__}); see the log.")
        finally:
            self._finished(transfer)

    def _start(self, transfer: Transfer) -> bool:
        """Inside a worker now, and RUNNING; False if it was paused or cancelled meanwhile
        (`_finished` still has to follow)."""
        with self._lock:
            self._running.add(transfer.id)
        if not transfer.try_transition(State.RUNNING):
            return False
        transfer.denied = False
        self._notify(transfer)
        return True

    def _finished(self, transfer: Transfer) -> None:
        journal, jid, state = self.journal, transfer.journal_id, transfer.state
        if state is State.CANCELLED:  # also cancelled while paused, as this worker unwound
            self._cleanup_cancelled(transfer)
        elif jid is not None:
            if state in (State.DONE, State.SKIPPED):
                journal.remove(jid)
                transfer.journal_id = None
            else:
                journal.set_state(jid, state.value, transfer.error)
        self._notify(transfer)
        with self._lock:
            self._running.discard(transfer.id)
            again = transfer.id in self._resubmit
            self._resubmit.discard(transfer.id)
        was = transfer.state
        if state is not State.CANCELLED and was is State.CANCELLED:
            self._cleanup_cancelled(transfer)  # cancel() saw this worker and left it to us
        with self._lock:
            self._active -= 1
            if self._active == 0:  # what `wait` waits for (a wake-up per file cost the GIL)
                self._idle.notify_all()
                if self.idle_listener is not None:
                    self.idle_listener()
        if again and transfer.try_transition(State.QUEUED):
            (self._submit if was is State.PAUSED else self._retried)(transfer)

    def _retried(self, t: Transfer) -> None:
        if t.id in self._imports:  # not journalled: it only starts again
            t.set_progress(0)
            self._submit(t)
        else:
            super()._retried(t)

    def _cleanup_cancelled(self, t: Transfer) -> None:
        job = self._imports.get(t.id)
        if job is not None:  # a paused import may hold an open multipart upload
            discard(self.ctx, t, job)
        super()._cleanup_cancelled(t)

    def clear_finished(self) -> None:
        super().clear_finished()
        with self._lock:
            for tid in [i for i in self._imports if i not in self._items]:
                del self._imports[tid]

    def _notify(self, transfer: Transfer) -> None:
        for listener in list(self._listeners):
            listener(transfer)

    def add_listener(self, listener: Listener) -> None:
        """Called from worker threads on state changes: keep it cheap and thread-safe."""
        self._listeners.append(listener)

    # -- observing -----------------------------------------------------------------------
    def snapshot(self) -> list[TransferView]:
        with self._lock:
            items = [self._items[i] for i in self._order]
        return [view_of(t) for t in items]

    def changes(self, known: int, generation: int, limit: int = 2000) -> Changes:
        """Up to `limit` rows added after the first `known`, and rows changed since the last
        call (the rest of a big batch comes on the next calls).

        Cheap with 10,000 rows: only new and changed transfers are copied. When
        `generation` is stale (rows were removed), everything comes back with `reset`.
        """
        dirty: set[int] = set()
        while True:
            try:
                dirty.add(self._dirty.pop())
            except KeyError:
                break
        with self._lock:
            reset, new, changed = pick_changes(self._order, self._items, dirty, known,
                                               generation, self._generation, limit)
        return Changes(self._generation, reset, [view_of(t) for t in new],
                       [view_of(t) for t in changed])

    def get(self, transfer_id: int) -> Transfer | None:
        with self._lock:
            return self._items.get(transfer_id)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until nothing runs or waits to run; False on timeout."""
        with self._lock:
            return self._idle.wait_for(lambda: self._active == 0, timeout)

    # -- journal and maintenance ---------------------------------------------------------
    def restore(self) -> list[int]:
        """Bring back the journalled queue after a restart; unfinished work starts again.

        The window runs this on a worker, so a drop queued meanwhile may already be in the
        journal: records this engine already holds are not brought back a second time."""
        with self._holding:
            restored = self._restore_held()
        for t in restored:
            if t.state is State.QUEUED:
                self._submit(t)
        return [t.id for t in restored]

    def _restore_held(self) -> list[Transfer]:
        restored: list[Transfer] = []
        for batch, policy in self.journal.batch_conflicts().items():
            self.ctx.batch_conflict.setdefault(batch, ConflictPolicy(policy))
        with self._lock:
            held = {t.journal_id for t in self._items.values()}
        hints = self.journal.sha256_hints()
        for rec in self.journal.pending():
            if rec.id in held:
                continue
            direction = Direction(rec.direction)
            t = Transfer(direction, rec.bucket, rec.key, Path(rec.local_path), rec.size,
                         rec.batch, etag=rec.etag, journal_id=rec.id,
                         known_sha256=hints.get(rec.id))
            # What it already has: a paused big transfer does not come back at 0 %.
            t.done_bytes = self.journal.kept_bytes(rec.id, direction is Direction.DOWNLOAD)
            state = State(rec.state)
            if state in (State.FAILED, State.PAUSED):
                t.state, t.error = state, rec.error
            restored.append(t)
            with self._lock:
                self._items[t.id] = t
                self._order.append(t.id)
                t.sink = self._dirty
                self._batches = max(self._batches, rec.batch)
                if rec.root:
                    self._roots[t.id] = Path(rec.root)
        return restored

    def incomplete_uploads(self, bucket: str, prefix: str = "") -> list[MultipartUploadInfo]:
        """Unfinished multipart uploads on the server, with the bytes their parts hold."""
        found = []
        for info in self.storage.list_multipart_uploads(bucket, prefix):
            try:
                size = sum(p.size for p in self.storage.list_parts(bucket, info.key,
                                                                   info.upload_id))
            except AppError:
                size = 0
            found.append(MultipartUploadInfo(info.bucket, info.key, info.upload_id,
                                             info.initiated, size))
        return found

    def abort_uploads(self, uploads: Iterable[MultipartUploadInfo]) -> int:
        """Abort unfinished uploads on the server (not ones this engine is running)."""
        with self._lock:
            busy = {(t.bucket, t.key) for t in self._items.values()
                    if t.state in (State.RUNNING, State.RETRYING)}
        count = 0
        for info in uploads:
            if (info.bucket, info.key) in busy:
                continue
            self.storage.abort_multipart(info.bucket, info.key, info.upload_id)
            count += 1
        return count

    def shutdown(self, wait: bool = True) -> None:
        """Pause everything (the journal keeps it for next time) and stop the pools."""
        with self._lock:
            self._closed = True
            items = list(self._items.values())
        for t in items:
            if not t.state.finished:
                t.request_pause()
        self._lanes.close()  # before the pools: what they hand over still has workers
        if self._own_pools:
            self._files.shutdown(wait=wait, cancel_futures=True)
            self._parts.shutdown(wait=wait, cancel_futures=True)
        for tid, job in list(self._imports.items()):  # not journalled: nothing to resume
            discard(self.ctx, self._items[tid], job)

