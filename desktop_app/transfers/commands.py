"""The commands the UI sends by id: pause, resume, cancel, retry, clear finished.

The child process takes these five as casts (no answer). They signal rows, move their
states and keep the journal in step (a cancelled idle row's leftovers go at once); the
running itself stays with the engine's workers. A row whose worker is still unwinding is
never submitted twice: a resume or retry waits for that worker (`_defer`), and the engine's
`_finished` resubmits it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from desktop_app.storage.protocol import TransferStorage
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.leftovers import remove_leftovers
from desktop_app.transfers.state import State, Transfer


class RowCommands:
    """The command half of `TransferEngine`, over the engine's state (set in its
    `__init__`, declared here for the type checker)."""

    storage: TransferStorage
    journal: Journal
    _lock: threading.Lock
    _items: dict[int, Transfer]
    _roots: dict[int, Path]
    _order: list[int]
    _generation: int
    _running: set[int]
    _resubmit: set[int]

    def _submit(self, transfer: Transfer) -> None:
        """Hand `transfer` to a worker (the engine's)."""
        raise NotImplementedError

    def _select(self, ids: Iterable[int] | None) -> list[Transfer]:
        with self._lock:
            if ids is None:
                return list(self._items.values())
            return [self._items[i] for i in ids if i in self._items]

    def pause(self, ids: Iterable[int] | None = None) -> None:
        """Signal every row first, then tell the journal (its writes hold back no row)."""
        paused: list[Transfer] = []
        for t in self._select(ids):
            self._undefer(t)  # resumed while its worker unwound: paused again, it stays so
            if t.state in (State.RUNNING, State.RETRYING, State.QUEUED):
                t.request_pause()
                t.try_transition(State.PAUSED)
                paused.append(t)
        for t in paused:
            if t.journal_id is not None:
                self.journal.set_state(t.journal_id, State.PAUSED.value)

    def resume(self, ids: Iterable[int] | None = None) -> None:
        for t in self._select(ids):
            if t.state is State.PAUSED and not self._defer(t) \
                    and t.try_transition(State.QUEUED):
                self._submit(t)

    def _defer(self, t: Transfer) -> bool:
        """True when a worker is still unwinding `t`: it is resubmitted once that worker ends
        (two workers must never run the same transfer)."""
        with self._lock:
            if t.id in self._running:
                self._resubmit.add(t.id)
                return True
            return False

    def _undefer(self, t: Transfer) -> None:
        with self._lock:
            self._resubmit.discard(t.id)

    def cancel(self, ids: Iterable[int] | None = None) -> None:
        """Signal every row first; then clean up the idle ones (aborts hold back no row)."""
        idle: list[Transfer] = []
        for t in self._select(ids):
            if t.state.finished:
                continue
            self._undefer(t)  # a resume still waiting for the old worker must not restart it
            t.request_cancel()
            was = t.state
            if was in (State.QUEUED, State.PAUSED) and t.try_transition(State.CANCELLED):
                idle.append(t)
        for t in idle:
            with self._lock:
                unwinding = t.id in self._running
            if not unwinding:  # else its worker cleans up once no part of it is in flight
                self._cleanup_cancelled(t)

    def _cleanup_cancelled(self, t: Transfer) -> None:
        """See `remove_leftovers`; once only: the first caller takes the record."""
        with self._lock:
            jid, t.journal_id = t.journal_id, None
        if jid is not None:
            remove_leftovers(self.journal, self.storage, jid, t.bucket, t.key)

    def retry(self, ids: Iterable[int] | None = None) -> None:
        for t in self._select(ids):
            if t.state in (State.FAILED, State.CANCELLED) and not self._defer(t) \
                    and t.try_transition(State.QUEUED):
                self._retried(t)

    def _retried(self, t: Transfer) -> None:
        """Run a failed or cancelled row again from the start (journalled anew if its record
        was dropped with the cancel)."""
        if t.journal_id is None:
            t.journal_id = self.journal.add_items([(
                t.batch, t.direction.value, t.bucket, t.key, str(t.local_path),
                str(self._roots.get(t.id, "")) or None, t.size, t.etag, "queued")])[0]
        t.set_progress(0)
        self._submit(t)

    def clear_finished(self) -> None:
        with self._lock:
            gone = {i for i, t in self._items.items()
                    if t.state in (State.DONE, State.SKIPPED, State.CANCELLED)}
            for tid in gone:
                del self._items[tid]
                self._roots.pop(tid, None)
            if gone:
                self._order = [i for i in self._order if i not in gone]
                self._generation += 1
