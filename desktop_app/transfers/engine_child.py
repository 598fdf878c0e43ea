"""The transfer engine's side of `engine_process`: run as
`python -m desktop_app.transfers.engine_child` with pickled messages on stdin and stdout.

It builds the engine from the parent's first message (a storage recipe, options, journal
path), runs calls on a small pool and answers each, applies posted commands, pushes the rows
that changed ten times a second, and asks the parent about conflicts. It stops when stdin
closes or the parent says so: everything is paused (the journal keeps the queue) and workers
get a moment to remove their temporary files.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import pickle
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any

from desktop_app.core.errors import AppError, Cancelled
from desktop_app.transfers.conflicts import Conflict
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import ConflictPolicy
from desktop_app.transfers.rows import encode

PUBLISH_INTERVAL = 0.1  # seconds between pushes of changed rows (the queue polls at 0.25)
STOP_GRACE = 3.0  # seconds the child gives workers to unwind (temp files) before it exits
# The child runs at a lower OS priority, so the window gets a core first when it wakes up.
# Measured with `make bench` on 2 cores: largest GUI gap 17-22 ms instead of 21-26 ms, and
# the same throughput (the window needs little CPU; transfers get the rest).
CHILD_NICENESS = 5
CALLS = frozenset({"upload_paths", "upload_files", "download_objects", "download_prefix",
                   "restore", "wait", "incomplete_uploads", "abort_uploads",
                   "import_urls"})
CASTS = frozenset({"pause", "resume", "cancel", "retry", "clear_finished"})


def messages(connection: Connection) -> Iterator[Any]:
    """Messages from `connection` until the other side closes it (or dies)."""
    while True:
        try:
            yield connection.recv()
        except (EOFError, OSError):
            return


class _Child:
    def __init__(self, rx: Connection, tx: Connection) -> None:
        self._rx = rx
        self._tx = tx
        self._send_lock = threading.Lock()
        self._publish_lock = threading.Lock()
        self._known = 0
        self._generation = -1
        self._stopping = threading.Event()
        self._wake = threading.Event()  # publish now, not at the next interval
        self._questions: dict[int, list[Any]] = {}
        self._qids = itertools.count(1)
        self.engine: TransferEngine | None = None

    def send(self, message: tuple[Any, ...]) -> None:
        with self._send_lock:
            self._tx.send(message)

    def run(self) -> None:
        kind, factory, options, journal_path = self._rx.recv()
        assert kind == "start"
        journal = Journal(journal_path) if journal_path is not None else None
        self.engine = engine = TransferEngine(factory(), options, journal)
        # The last row of a run reaches the window at once: the moment everything is done
        # is the one a user waits for (at the next interval it came 50 ms late on average).
        engine.idle_listener = self._wake.set
        calls = ThreadPoolExecutor(4, thread_name_prefix="engine-call")
        publisher = threading.Thread(target=self._publish_loop, name="engine-publish",
                                     daemon=True)
        publisher.start()
        try:
            for message in messages(self._rx):
                kind = message[0]
                if kind == "call":
                    calls.submit(self._call, *message[1:])
                elif kind == "cast" and message[1] in CASTS:
                    if message[1] == "clear_finished":
                        engine.clear_finished()
                    else:
                        getattr(engine, message[1])(message[2])
                    self.publish()
                elif kind == "answer":
                    self._answered(message[1], message[2])
                elif kind == "encryption":  # the connection's keys: memory only, never saved
                    setter = getattr(engine.storage, "set_encryption", None)
                    if setter is not None:
                        setter(message[1])
                elif kind == "resolver":
                    engine.set_conflict_resolver(self._ask if message[1] else None)
                elif kind == "stop":
                    break
        finally:
            self._stopping.set()
            self._wake.set()
            engine.shutdown(wait=False)
            engine.wait(STOP_GRACE)  # workers unwind; the journal keeps what is left
            with contextlib.suppress(OSError, ValueError):
                self.publish()
            calls.shutdown(wait=False, cancel_futures=True)

    def _call(self, req: int, name: str, args: tuple[Any, ...]) -> None:
        assert self.engine is not None
        try:
            if name not in CALLS:
                raise AppError(f"Unknown engine call {name!r}.")
            value = getattr(self.engine, name)(*args)
        except BaseException as exc:
            self.publish()
            self._reply(req, False, _picklable(exc))
            return
        self.publish()  # the rows a call added reach the parent before its answer
        self._reply(req, True, value)

    def _reply(self, req: int, ok: bool, value: Any) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.send(("result", req, ok, value))

    def publish(self) -> None:
        """Send the rows added or changed since the last push (nothing when none)."""
        assert self.engine is not None
        with self._publish_lock:
            changes = self.engine.changes(self._known, self._generation)
            if changes.reset:
                self._known, self._generation = len(changes.new), changes.generation
            else:
                self._known += len(changes.new)
            if changes.reset or changes.new or changes.changed:
                self.send(("rows", changes.generation, changes.reset,
                           [encode(v) for v in changes.new],
                           [encode(v) for v in changes.changed]))

    def _publish_loop(self) -> None:
        while True:
            self._wake.wait(PUBLISH_INTERVAL)
            self._wake.clear()
            if self._stopping.is_set():
                return
            try:
                self.publish()
            except (OSError, ValueError):
                return

    def _ask(self, conflict: Conflict, checkpoint: Callable[[], None]
             ) -> tuple[ConflictPolicy, bool]:
        qid = next(self._qids)
        slot: list[Any] = [threading.Event(), None]
        self._questions[qid] = slot
        answered = False
        try:
            self.send(("question", qid, conflict))
            while not slot[0].wait(0.2):
                checkpoint()  # raises when the transfer is paused or cancelled meanwhile
            answered = True
        finally:
            self._questions.pop(qid, None)
            if not answered:
                with contextlib.suppress(OSError, ValueError):
                    self.send(("forget", qid))
        if slot[1] is None:
            raise Cancelled("The question about an existing file was not answered.")
        answer: tuple[ConflictPolicy, bool] = slot[1]
        return answer

    def _answered(self, qid: int, answer: tuple[ConflictPolicy, bool] | None) -> None:
        slot = self._questions.get(qid)
        if slot is not None:
            slot[1] = answer
            slot[0].set()


def _picklable(exc: BaseException) -> BaseException:
    """`exc` itself when it survives pickling, else an AppError with its text."""
    try:
        pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own bytes, just made
    except Exception:
        text = exc.user_text() if isinstance(exc, AppError) else f"{type(exc).__name__}: {exc}"
        return AppError(text)
    return exc


def main() -> None:
    """Child entry point: messages on stdin/stdout; stray prints go to stderr instead."""
    if hasattr(os, "nice"):  # before any thread starts: they all inherit it
        with contextlib.suppress(OSError):
            os.nice(CHILD_NICENESS)
    rx = Connection(os.dup(0), writable=False)
    tx = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    logging.basicConfig(level=logging.WARNING,
                        format="%(levelname)s transfers %(name)s: %(message)s")
    # urllib3 warns on each of its own connection retries: during an outage that is a line
    # every few seconds per worker, while the rows already say the server is being waited for.
    logging.getLogger("urllib3.connectionpool").setLevel(logging.ERROR)
    child = _Child(rx, tx)
    try:
        child.run()
    finally:
        with contextlib.suppress(OSError):
            tx.close()
        sys.stdout.flush()
        sys.stderr.flush()
        # Worker threads may sit in a network read; leave without joining them.
        os._exit(0)


if __name__ == "__main__":
    main()
