"""The collaborators one running transfer needs, bundled so workers get them in one place.

Everything that touches time, threads or the network is here and replaceable in tests.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from typing import Any, TypeVar

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
    watch: ServerWatch | None = None  # wakes outage waits when the server answers again
    _ask_lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.budget = ByteBudget(self.options.memory_budget)
        reachable = getattr(self.storage, "reachable", None)
        if self.watch is None and reachable is not None and self.options.server_probe_s > 0:
            self.watch = ServerWatch(reachable, self.options.server_probe_s)

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

    def throttle(self, amount: int) -> None:
        if self.limiter is not None and amount > 0:
            self.limiter.consume(amount)

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
            if error.outage:  # the news first: the column shows the start of it
                text = (f"{WAITING_FOR_SERVER} (next try in {wait:.0f} s). "
                        f"{error.message}")
            else:
                text = f"{error.message} Retry {attempt} in {wait:.1f} s."
            transfer.try_transition(State.RETRYING, text)

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
    """
    limit = threading.Semaphore(max(1, ctx.options.parts_per_file))
    futures: list[Future[Any]] = []
    failed = threading.Event()

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
        limit.acquire()
        if failed.is_set() or transfer.cancel_event.is_set() or transfer.pause_event.is_set():
            limit.release()
            break
        futures.append(ctx.part_executor.submit(wrap, job))
    first_error: BaseException | None = None
    for future in futures:
        exc = future.exception()
        if exc is not None and first_error is None:
            first_error = exc
    if first_error is not None:
        raise first_error
    transfer.checkpoint()
