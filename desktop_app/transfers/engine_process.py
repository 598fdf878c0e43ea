"""The transfer engine in a process of its own.

Why: the window's thread needs the GIL to paint, and with the engine's threads in the same
process it waited up to 100-180 ms behind them while transfers ran (`make bench`). Here the
engine runs in a child interpreter (`python -m desktop_app.transfers.engine_process`). The
child pushes what changed in the queue a few times a second; the parent keeps a mirror of
the rows, so the window reads them without waiting for anything. Commands without an answer
(pause, resume, cancel, retry, clear) are posted; calls with one (queue a batch, list
unfinished uploads, wait) block their caller, which in the app is a worker thread.

Messages are pickled over the child's stdin and stdout (multiprocessing's framing). The
connection settings, secret included, travel that way: never in argv or the environment.
The child stops when its stdin closes, so it never outlives the app; on a polite stop it
pauses everything (the journal keeps the queue) and gives workers a moment to remove their
temporary files.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from desktop_app.core.errors import AppError, Cancelled
from desktop_app.core.transfer_types import MultipartUploadInfo, RemoteObject
from desktop_app.storage.protocol import TransferStorage
from desktop_app.transfers.conflicts import Conflict, Resolver
from desktop_app.transfers.engine import Changes, TransferEngine, TransferView
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import ConflictPolicy, TransferOptions
from desktop_app.transfers.state import State

log = logging.getLogger(__name__)

PUBLISH_INTERVAL = 0.1  # seconds between pushes of changed rows (the queue polls at 0.25)
STOP_GRACE = 3.0  # seconds the child gives workers to unwind (temp files) before it exits
# The child runs at a lower OS priority, so the window gets a core first when it wakes up.
# Measured with `make bench` on 2 cores: largest GUI gap 17-22 ms instead of 21-26 ms, and
# the same throughput (the window needs little CPU; transfers get the rest).
CHILD_NICENESS = 5
PACKAGE_ROOT = Path(__file__).resolve().parents[2]
CALLS = frozenset({"upload_paths", "download_objects", "download_prefix", "restore", "wait",
                   "incomplete_uploads", "abort_uploads"})
CASTS = frozenset({"pause", "resume", "cancel", "retry", "clear_finished"})


class EngineGone(AppError):
    title = "Transfers stopped"


def _gone() -> EngineGone:
    return EngineGone(
        "The transfer process stopped unexpectedly.",
        "Restart MinIO Desktop: unfinished transfers come back from the journal.",
    )


class EngineProcess:
    """Same queue API as `TransferEngine` (what the window uses), run in a child process."""

    def __init__(self, storage: TransferStorage, factory: Callable[[], TransferStorage],
                 options: TransferOptions, journal_path: Path | None = None) -> None:
        self.storage = storage  # this process's own, for listings (drag-out of folders)
        self.options = options
        self.persistent = journal_path is not None
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MINIO_", "AWS_"))}
        # The child imports this very copy of the package, installed or not, whatever the cwd.
        env["PYTHONPATH"] = os.pathsep.join(
            [str(PACKAGE_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
        try:
            self._proc = subprocess.Popen(  # noqa: S603 - our own module, no shell
                [sys.executable, "-m", __name__], stdin=to_child_r, stdout=from_child_w,
                env=env, close_fds=True,
            )
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        self._tx = Connection(to_child_w, readable=False)
        self._rx = Connection(from_child_r, writable=False)
        self._send_lock = threading.Lock()
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._pending: dict[int, Future[Any]] = {}
        self._views: dict[int, TransferView] = {}
        self._order: list[int] = []
        self._dirty: set[int] = set()
        self._generation = 0
        self._resolver: Resolver | None = None
        self._forgotten: dict[int, threading.Event] = {}
        self._stopping = False
        self._dead = False
        self._send(("start", factory, options, journal_path))
        self._reader = threading.Thread(target=self._read, name="engine-process-reader",
                                        daemon=True)
        self._reader.start()

    @property
    def pid(self) -> int:
        return self._proc.pid

    # -- calls (block the caller) --------------------------------------------------------
    def upload_paths(self, paths: Iterable[Path], bucket: str, prefix: str = "") -> list[int]:
        return list(self._call("upload_paths", list(paths), bucket, prefix))

    def download_objects(self, bucket: str, objects: Sequence[RemoteObject], root: Path,
                         prefix: str = "") -> list[int]:
        return list(self._call("download_objects", bucket, list(objects), root, prefix))

    def download_prefix(self, bucket: str, prefix: str, root: Path) -> list[int]:
        return list(self._call("download_prefix", bucket, prefix, root))

    def restore(self) -> list[int]:
        return list(self._call("restore"))

    def wait(self, timeout: float | None = None) -> bool:
        return bool(self._call("wait", timeout))

    def incomplete_uploads(self, bucket: str, prefix: str = "") -> list[MultipartUploadInfo]:
        return list(self._call("incomplete_uploads", bucket, prefix))

    def abort_uploads(self, uploads: Iterable[MultipartUploadInfo]) -> int:
        return int(self._call("abort_uploads", list(uploads)))

    # -- commands (posted, never wait) ---------------------------------------------------
    def pause(self, ids: Iterable[int] | None = None) -> None:
        self._cast("pause", ids)

    def resume(self, ids: Iterable[int] | None = None) -> None:
        self._cast("resume", ids)

    def cancel(self, ids: Iterable[int] | None = None) -> None:
        self._cast("cancel", ids)

    def retry(self, ids: Iterable[int] | None = None) -> None:
        self._cast("retry", ids)

    def clear_finished(self) -> None:
        self._cast("clear_finished", None)

    def set_conflict_resolver(self, resolver: Resolver | None) -> None:
        """Questions come from the child; `resolver` answers them here, on a thread of its
        own per question (it may wait for the user)."""
        self._resolver = resolver
        self._post(("resolver", resolver is not None))

    # -- observing (local mirror, never waits) -------------------------------------------
    def snapshot(self) -> list[TransferView]:
        with self._lock:
            return [self._views[i] for i in self._order]

    def changes(self, known: int, generation: int, limit: int = 2000) -> Changes:
        """As `TransferEngine.changes`, answered from the rows the child last pushed."""
        with self._lock:
            if generation != self._generation:
                return Changes(self._generation, True,
                               [self._views[i] for i in self._order[:limit]], [])
            new_ids = self._order[known:known + limit]
            fresh = set(new_ids)
            changed = [self._views[i] for i in self._dirty
                       if i in self._views and i not in fresh]
            self._dirty = set()
            return Changes(self._generation, False, [self._views[i] for i in new_ids],
                           changed)

    def shutdown(self, wait: bool = True) -> None:
        """Ask the child to pause everything and stop; `wait` for it to exit."""
        if self._stopping:
            return
        self._stopping = True
        with contextlib.suppress(OSError, ValueError):
            self._send(("stop",))
        with contextlib.suppress(OSError):
            self._tx.close()
        if wait:
            try:
                self._proc.wait(STOP_GRACE + 5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()

    # -- plumbing ------------------------------------------------------------------------
    def _send(self, message: tuple[Any, ...]) -> None:
        with self._send_lock:
            self._tx.send(message)

    def _post(self, message: tuple[Any, ...]) -> None:
        if self._dead or self._stopping:
            return
        try:
            self._send(message)
        except (OSError, ValueError):
            self._dead = True

    def _cast(self, name: str, ids: Iterable[int] | None) -> None:
        self._post(("cast", name, None if ids is None else list(ids)))

    def _call(self, name: str, *args: Any) -> Any:
        if self._dead or self._stopping:
            raise _gone()
        future: Future[Any] = Future()
        req = next(self._ids)
        with self._lock:
            self._pending[req] = future
        try:
            self._send(("call", req, name, args))
        except (OSError, ValueError):
            with self._lock:
                self._pending.pop(req, None)
            raise _gone() from None
        return future.result()

    def _read(self) -> None:
        for message in _messages(self._rx):
            kind = message[0]
            if kind == "changes":
                self._apply(message[1])
            elif kind == "result":
                _kind, req, ok, value = message
                with self._lock:
                    future = self._pending.pop(req, None)
                if future is not None:
                    if ok:
                        future.set_result(value)
                    else:
                        future.set_exception(value)
            elif kind == "question":
                threading.Thread(target=self._answer, args=(message[1], message[2]),
                                 name="engine-question", daemon=True).start()
            elif kind == "forget":
                event = self._forgotten.get(message[1])
                if event is not None:
                    event.set()
        self._dead = True
        with contextlib.suppress(OSError):
            self._rx.close()
        with self._lock:
            pending, self._pending = list(self._pending.values()), {}
            if not self._stopping:  # a crash: say so on every row that was not finished
                for tid, view in self._views.items():
                    if not view.state.finished:
                        self._views[tid] = _failed(view, _gone().user_text())
                        self._dirty.add(tid)
        for future in pending:
            future.set_exception(_gone())

    def _apply(self, changes: Changes) -> None:
        with self._lock:
            if changes.reset:
                self._views = {v.id: v for v in changes.new}
                self._order = [v.id for v in changes.new]
                self._dirty = set()
                self._generation = changes.generation
                return
            for view in changes.new:
                if view.id not in self._views:
                    self._order.append(view.id)
                self._views[view.id] = view
            for view in changes.changed:
                if view.id in self._views:
                    self._views[view.id] = view
                    self._dirty.add(view.id)

    def _answer(self, qid: int, conflict: Conflict) -> None:
        forgotten = self._forgotten.setdefault(qid, threading.Event())

        def checkpoint() -> None:
            if forgotten.is_set() or self._stopping:
                raise Cancelled("The question is no longer asked.")

        answer: tuple[ConflictPolicy, bool] | None = None
        resolver = self._resolver
        try:
            if resolver is not None:
                answer = resolver(conflict, checkpoint)
        except AppError:
            answer = None
        except Exception:  # a bug in the dialog must not leave the child waiting forever
            log.exception("Answering a conflict question failed")
            answer = None
        finally:
            self._forgotten.pop(qid, None)
        self._post(("answer", qid, answer))


def _messages(connection: Connection) -> Iterator[Any]:
    """Messages from `connection` until the other side closes it (or dies)."""
    while True:
        try:
            yield connection.recv()
        except (EOFError, OSError):
            return


# What the window drives: the engine in its own process, or in this one (test doubles).
QueueEngine = TransferEngine | EngineProcess


def _failed(view: TransferView, error: str) -> TransferView:
    return TransferView(view.id, view.batch, view.direction, view.bucket, view.key,
                        view.local_path, view.name, view.size, view.done_bytes, State.FAILED,
                        error, "")


# -- the child side ----------------------------------------------------------------------
class _Child:
    def __init__(self, rx: Connection, tx: Connection) -> None:
        self._rx = rx
        self._tx = tx
        self._send_lock = threading.Lock()
        self._publish_lock = threading.Lock()
        self._known = 0
        self._generation = -1
        self._stopping = threading.Event()
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
        calls = ThreadPoolExecutor(4, thread_name_prefix="engine-call")
        publisher = threading.Thread(target=self._publish_loop, name="engine-publish",
                                     daemon=True)
        publisher.start()
        try:
            for message in _messages(self._rx):
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
                elif kind == "resolver":
                    engine.set_conflict_resolver(self._ask if message[1] else None)
                elif kind == "stop":
                    break
        finally:
            self._stopping.set()
            engine.shutdown(wait=False)
            engine.wait(STOP_GRACE)  # workers unwind: temp files removed, journal updated
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
                self.send(("changes", changes))

    def _publish_loop(self) -> None:
        while not self._stopping.wait(PUBLISH_INTERVAL):
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
