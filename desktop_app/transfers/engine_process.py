"""The transfer engine in a process of its own.

Why: the window's thread needs the GIL to paint, and with the engine's threads in the same
process it waited up to 100-180 ms behind them while transfers ran (`make bench`). Here the
engine runs in a child interpreter (`python -m desktop_app.transfers.engine_child`). The
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
import dataclasses
import itertools
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from desktop_app.core.errors import AppError, Cancelled
from desktop_app.core.transfer_types import KnownSha256, MultipartUploadInfo, RemoteObject
from desktop_app.storage.protocol import TransferStorage
from desktop_app.transfers import engine_child
from desktop_app.transfers.conflicts import Conflict, Resolver
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.engine_child import STOP_GRACE, messages
from desktop_app.transfers.options import ConflictPolicy, TransferOptions
from desktop_app.transfers.rows import Changes, RawRow, TransferView, decode, pick_changes
from desktop_app.transfers.state import State
from desktop_app.transfers.url_import import UrlImport

log = logging.getLogger(__name__)

PACKAGE_ROOT = Path(__file__).resolve().parents[2]


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
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MINIO_", "AWS_"))}
        # The child imports this very copy of the package, installed or not, whatever the cwd.
        env["PYTHONPATH"] = os.pathsep.join(
            [str(PACKAGE_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
        try:
            self._proc = subprocess.Popen(  # noqa: S603 - our own module, no shell
                [sys.executable, "-m", engine_child.__name__], stdin=to_child_r,
                stdout=from_child_w, env=env, close_fds=True,
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

    def upload_files(self, bucket: str, files: Sequence[tuple[Path, str, int]],
                     conflict: ConflictPolicy | None = None,
                     skipped: Sequence[tuple[Path, str, int, str]] = (),
                     known: Mapping[Path, KnownSha256] | None = None) -> list[int]:
        return list(self._call("upload_files", bucket, list(files), conflict, list(skipped),
                               dict(known or {})))

    def download_objects(self, bucket: str, objects: Sequence[RemoteObject], root: Path,
                         prefix: str = "", conflict: ConflictPolicy | None = None
                         ) -> list[int]:
        return list(self._call("download_objects", bucket, list(objects), root, prefix,
                               conflict))

    def import_urls(self, bucket: str, requests: Sequence[UrlImport]) -> list[int]:
        return list(self._call("import_urls", bucket, list(requests)))

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

    def set_encryption(self, keys: object) -> None:
        """The connection's encryption settings changed: the child's storage takes them
        (over the pipe, like the secret key; never written to the journal or a file)."""
        self._post(("encryption", keys))

    # -- observing (local mirror, never waits) -------------------------------------------
    def snapshot(self) -> list[TransferView]:
        with self._lock:
            return [self._views[i] for i in self._order]

    def changes(self, known: int, generation: int, limit: int = 2000) -> Changes:
        """As `TransferEngine.changes`, answered from the rows the child last pushed."""
        with self._lock:
            reset, new, changed = pick_changes(self._order, self._views, self._dirty, known,
                                               generation, self._generation, limit)
            self._dirty = set()
            return Changes(self._generation, reset, new, changed)

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
        for message in messages(self._rx):
            kind = message[0]
            if kind == "rows":
                self._apply(*message[1:])
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

    def _apply(self, generation: int, reset: bool, new_rows: list[RawRow],
               changed_rows: list[RawRow]) -> None:
        """Take the rows the child pushed. They are decoded before the lock is taken (only
        this thread writes the mirror), so the window never waits behind the decoding."""
        views = self._views
        new = [decode(raw, None if reset else views.get(raw[0])) for raw in new_rows]
        changed = [decode(raw, views.get(raw[0])) for raw in changed_rows
                   if raw[0] in views]
        with self._lock:
            if reset:
                self._views = {v.id: v for v in new}
                self._order = [v.id for v in new]
                self._dirty = set()
                self._generation = generation
                return
            for view in new:
                if view.id not in self._views:
                    self._order.append(view.id)
                self._views[view.id] = view
            for view in changed:
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


# What the window drives: the engine in its own process, or in this one (test doubles).
QueueEngine = TransferEngine | EngineProcess


def _failed(view: TransferView, error: str) -> TransferView:
    return dataclasses.replace(view, state=State.FAILED, error=error, phase="")
