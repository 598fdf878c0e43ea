"""The collaborators one running transfer needs, bundled so workers get them in one place.

Everything that touches time, threads or the network is here and replaceable in tests. The
texts a row shows about retries are made here too: "it will be retried" while it waits to
try again, and what failed and what to do once the tries are used up (the error keeps only
its cause).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from concurrent.futures import wait as wait_for_any
from dataclasses import dataclass, field
from typing import Any, TypeVar

from desktop_app.core.errors import AppError
from desktop_app.core.transfer_errors import TransientError
from desktop_app.storage.protocol import TransferStorage
from desktop_app.transfers.bandwidth import TokenBucket
from desktop_app.transfers.budget import ByteBudget
from desktop_app.transfers.conflicts import Conflict, Resolver
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import ConflictPolicy, TransferOptions
from desktop_app.transfers.remote_keys import RemoteKeys
from desktop_app.transfers.retry import event_sleep
from desktop_app.transfers.server_watch import ServerWatch
from desktop_app.transfers.state import State, Transfer

T = TypeVar("T")
WAITING_FOR_SERVER = "Waiting for the server to be back"  # how a row in an outage begins
STOP_POLL_S = 0.1  # how often a file waiting on its parts looks for a pause or a cancel


def retrying_text(error: TransientError, attempt: int, wait: float) -> str:
    """What a row says while it waits for its next try: the only text that says it will."""
    if error.outage:  # the news first: the column shows the start of it
        return f"{WAITING_FOR_SERVER} (next try in {wait:.0f} s). {error.message}"
    return f"{error.message} It will be retried in {wait:.1f} s (retry {attempt})."


def failure_text(error: AppError) -> str:
    """What a failed row says. A retryable error that outlasted its tries says that the
    transfer failed and what to do; any other error has its own text."""
    if not isinstance(error, TransientError):
        return error.user_text()
    tried = f" after {error.tries} tries" if error.tries > 1 else ""
    advice = error.hint or "Check the connection and the server."
    return f"{error.message} The transfer failed{tried}. {advice} Then press Retry."


@dataclass
class Context:
    storage: TransferStorage
    options: TransferOptions
    part_executor: Executor
    journal: Journal | None = None
    limiter: TokenBucket | None = None
    sleep: Callable[[threading.Event], Callable[[float], None]] = event_sleep
    budget: ByteBudget = field(default_factory=lambda: ByteBudget(96 * 1024 * 1024))

    resolver: Resolver | None = None
    decisions: dict[int, ConflictPolicy] = field(default_factory=dict)
    remote_keys: dict[int, RemoteKeys] = field(default_factory=dict)  # by upload batch
    batch_conflict: dict[int, ConflictPolicy] = field(default_factory=dict)  # own policies
    watch: ServerWatch | None = None  # wakes outage waits when the server answers again
    _ask_lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.budget = ByteBudget(self.options.memory_budget)
        reachable = getattr(self.storage, "reachable", None)
        if self.watch is None and reachable is not None and self.options.server_probe_s > 0:
            self.watch = ServerWatch(reachable, self.options.server_probe_s)

    def conflict_for(self, transfer: Transfer) -> ConflictPolicy:
        """The batch's own policy (a sync's), else the engine's."""
        return self.batch_conflict.get(transfer.batch, self.options.conflict)

    def asker(self, transfer: Transfer, upload: bool, name: str, new_size: int
              ) -> Callable[[int], ConflictPolicy]:
        """For `ConflictPolicy.ASK`: one question at a time; "apply to all" holds per batch."""

        def ask(existing_size: int) -> ConflictPolicy:
            with self._ask_lock:
                if transfer.batch in self.decisions:
                    return self.decisions[transfer.batch]
                if self.resolver is None:
                    return ConflictPolicy.KEEP_BOTH
                conflict = Conflict(upload, name, existing_size, new_size, transfer.batch)
                policy, for_all = self.resolver(conflict, transfer.checkpoint)
                if for_all:
                    self.decisions[transfer.batch] = policy
                return policy

        return ask

    def throttle(self, transfer: Transfer, amount: int) -> None:
        """Wait until the bandwidth limit lets `amount` bytes pass; a pause or a cancel ends
        the wait at once (raises `Paused` or `Cancelled`)."""
        if self.limiter is None or amount <= 0:
            return
        while not self.limiter.consume(amount, transfer.stop_event):
            transfer.checkpoint()  # raises: paused or cancelled
            time.sleep(0.001)  # the signals were being cleared for a resume: ask again

    def send(self, transfer: Transfer, amount: int, fn: Callable[[], T]) -> T:
        """Send `amount` bytes with `fn` (a PUT of a file or a part), counted as progress.

        The SDK sends a request body in one go, so under a bandwidth limit the bytes are let
        through before it: in chunk-sized slices, each counted as it passes, and a pause or a
        cancel stops between two slices (nothing of the request is sent then). Bytes counted
        are sent: a stop after the last slice lets the request go. Without a limit the bytes
        count when `fn` is done. A failure or a stop gives back what was counted.
        """
        transfer.checkpoint()
        counted = 0
        try:
            if self.limiter is not None:
                step = max(1, self.options.chunk_size)
                while counted < amount:
                    n = min(step, amount - counted)
                    self.throttle(transfer, n)
                    transfer.add_progress(n)
                    counted += n
            result = fn()
        except BaseException:
            transfer.add_progress(-counted)
            raise
        transfer.add_progress(amount - counted)
        return result

    def with_retry(self, transfer: Transfer, fn: Callable[[], T],
                   undo: Callable[[], None] | None = None) -> T:
        """Run one request with retries; the row shows "retrying" while it waits."""

        sleeper = self.sleep(transfer.stop_event)
        outage = False

        def on_retry(attempt: int, error: TransientError, wait: float) -> None:
            nonlocal outage
            if undo is not None:
                undo()
            transfer.attempts += 1
            outage = error.outage
            transfer.try_transition(State.RETRYING, retrying_text(error, attempt, wait))

        def sleep(seconds: float) -> None:
            if outage and self.watch is not None:
                self.watch.wait(seconds, transfer.stop_event)
            else:
                sleeper(seconds)
            transfer.checkpoint()  # paused or cancelled while waiting: unwind now
            transfer.try_transition(State.RUNNING)

        return self.options.retry.call(fn, sleep, on_retry=on_retry,
                                       cancel=transfer.cancel_event)


def run_parts(ctx: Context, transfer: Transfer, jobs: Sequence[Callable[[], Any]]) -> None:
    """Run part jobs on the shared part pool, at most `parts_per_file` of this file at once.

    The first failure stops new parts from starting; in-flight ones finish, then it is raised.
    A pause or a cancel also drops the parts still queued behind other files' work in the
    pool, so the file unwinds once its own running parts have stopped.
    """
    limit = threading.Semaphore(max(1, ctx.options.parts_per_file))
    futures: list[Future[Any]] = []
    failed = threading.Event()

    def stopped() -> bool:
        return failed.is_set() or transfer.cancel_event.is_set() \
            or transfer.pause_event.is_set()

    def acquire() -> bool:
        while not limit.acquire(timeout=STOP_POLL_S):
            if stopped():
                return False
        return True

    def wrap(job: Callable[[], Any]) -> Any:
        try:
            if failed.is_set():
                return None
            transfer.checkpoint()
            return job()
        except BaseException:
            failed.set()
            raise
        finally:
            limit.release()

    for job in jobs:
        if not acquire():
            break
        if stopped():
            limit.release()
            break
        futures.append(ctx.part_executor.submit(wrap, job))
    pending = set(futures)
    while pending:
        _done, pending = wait_for_any(pending, timeout=STOP_POLL_S)
        if pending and stopped():
            for future in pending:
                future.cancel()  # only one not started yet: it never will
    first_error: BaseException | None = None
    for future in futures:
        exc = None if future.cancelled() else future.exception()
        if exc is not None and first_error is None:
            first_error = exc
    if first_error is not None:
        raise first_error
    transfer.checkpoint()


def lower_priority(niceness: int) -> None:
    """Let the OS prefer the GUI thread over transfer workers (Linux: per-thread nice)."""
    if niceness > 0 and hasattr(os, "setpriority"):
        with contextlib.suppress(OSError):
            me = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, me, os.getpriority(os.PRIO_PROCESS, me) + niceness)
