"""One transfer's life as an explicit state machine, plus its cancel and pause signals.

Workers only ever see a `Transfer` through `checkpoint()` (raises when cancelled, blocks while
paused) and `add_progress()`; the engine and the UI drive the transitions. Illegal transitions
raise, so a bug shows up as an error instead of a row stuck in a wrong state.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from desktop_app.core.errors import Cancelled
from desktop_app.core.transfer_types import KnownSha256

CHECKSUMMING = "Checksumming"  # the phase a running upload shows while it hashes the file
PHASES = (CHECKSUMMING,)  # every phase text a running row can show instead of its state


class State(Enum):
    QUEUED = "queued"
    RUNNING = "running"
    PAUSED = "paused"
    RETRYING = "retrying"
    FAILED = "failed"
    CANCELLED = "cancelled"
    DONE = "done"
    SKIPPED = "skipped"  # a conflict policy or an unsafe key decided not to transfer it

    @property
    def finished(self) -> bool:
        return self._value_ in _FINISHED_VALUES  # a str lookup: Enum's own hash is Python code


_FINISHED = frozenset({State.FAILED, State.CANCELLED, State.DONE, State.SKIPPED})
_FINISHED_VALUES = frozenset(s.value for s in _FINISHED)  # checked per row, many times a second
_ALLOWED: dict[State, frozenset[State]] = {
    State.QUEUED: frozenset({State.RUNNING, State.PAUSED, State.CANCELLED, State.SKIPPED,
                             State.FAILED}),
    State.RUNNING: frozenset({State.PAUSED, State.RETRYING, State.FAILED, State.CANCELLED,
                              State.DONE, State.SKIPPED, State.QUEUED}),
    State.RETRYING: frozenset({State.RUNNING, State.PAUSED, State.FAILED, State.CANCELLED}),
    State.PAUSED: frozenset({State.QUEUED, State.CANCELLED, State.DONE, State.FAILED,
                             State.SKIPPED}),
    State.FAILED: frozenset({State.QUEUED}),  # retry by hand
    State.CANCELLED: frozenset({State.QUEUED}),
    State.DONE: frozenset(),
    State.SKIPPED: frozenset(),
}


class Direction(Enum):
    UPLOAD = "upload"
    DOWNLOAD = "download"


class IllegalTransition(RuntimeError):
    pass


class Paused(Exception):
    """Raised inside a worker to unwind when its transfer was paused (not an error)."""


_ids = itertools.count(1)


class Flag:
    """A signal that is only set, cleared and looked at, never waited on (`threading.Event`
    is also waited on: a lock and a condition each, 5 us to make; two of those were a
    tenth of the CPU of queueing a 1000-file selection)."""

    __slots__ = ("_on",)

    def __init__(self) -> None:
        self._on = False

    def is_set(self) -> bool:
        return self._on

    def set(self) -> None:
        self._on = True

    def clear(self) -> None:
        self._on = False


@dataclass(eq=False)
class Transfer:
    """One file (or folder marker) to move; mutable, guarded by its own lock."""

    direction: Direction
    bucket: str
    key: str
    local_path: Path
    size: int = 0
    batch: int = 0
    id: int = field(default_factory=lambda: next(_ids))
    state: State = State.QUEUED
    done_bytes: int = 0
    error: str = ""
    attempts: int = 0
    etag: str = ""  # downloads: the ETag known from a listing, pinned with If-Match
    phase: str = ""  # what a running transfer is busy with when it is not moving bytes
    denied: bool = False  # it failed because the server refused access (read-only target)
    # How the bytes were proven to be the object's, once done: "CRC64NVME", "SHA-256",
    # "MD5 (ETag)", "CRC32 (composite, 3 parts)", "unverified (size only)"; "" until then.
    verified_by: str = ""
    source: str = ""  # a URL import's link (without its query), shown instead of a path
    known_sha256: KnownSha256 | None = None  # read by an upload rule (multipart stores it)
    journal_id: int | None = None
    # The engine's set of changed ids: the UI refreshes only those, not 10,000 rows a tick.
    sink: set[int] | None = field(default=None, repr=False)
    cancel_event: Flag = field(default_factory=Flag, repr=False)
    pause_event: Flag = field(default_factory=Flag, repr=False)
    # Set by either: a worker waiting out a retry (or a bandwidth limit) wakes at once.
    stop_event: threading.Event = field(default_factory=threading.Event, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def name(self) -> str:
        return self.key.rstrip("/").rsplit("/", 1)[-1] or self.key

    def transition(self, new: State, error: str = "") -> State:
        """Move to `new`; returns the old state. Raises `IllegalTransition` otherwise."""
        with self._lock:
            old = self.state
            if new is old:
                return old
            if new not in _ALLOWED[old]:
                raise IllegalTransition(f"{old.value} -> {new.value} for {self.key!r}")
            self.state = new
            if new is State.QUEUED:
                self.error = ""
                self.cancel_event.clear()
                self.pause_event.clear()
                self.stop_event.clear()
            elif new is State.DONE:
                self.error = ""
            elif error or new is State.FAILED:
                self.error = error
            elif old is State.RETRYING:
                self.error = ""  # "will be retried" is over: it runs, or it was stopped
        self._changed()
        return old

    def try_transition(self, new: State, error: str = "") -> bool:
        try:
            self.transition(new, error)
        except IllegalTransition:
            return False
        return True

    def request_pause(self) -> None:
        self.pause_event.set()
        self.stop_event.set()

    def request_cancel(self) -> None:
        self.cancel_event.set()
        self.stop_event.set()

    def checkpoint(self) -> None:
        """Called by workers between chunks: unwind promptly on cancel or pause."""
        if self.cancel_event.is_set():
            raise Cancelled(f"The transfer of “{self.name}” was cancelled.")
        if self.pause_event.is_set():
            raise Paused

    def add_progress(self, delta: int) -> None:
        """Delta may be negative: a retried part gives back what it had counted."""
        with self._lock:
            self.done_bytes = max(0, self.done_bytes + delta)
        self._changed()

    def set_progress(self, value: int) -> None:
        with self._lock:
            self.done_bytes = max(0, value)
        self._changed()

    def set_phase(self, phase: str) -> None:
        self.phase = phase
        self._changed()

    def _changed(self) -> None:
        if self.sink is not None:
            self.sink.add(self.id)  # set.add is atomic; the engine drains with pop()
