"""The worker bridge: how the GUI runs blocking storage calls without freezing.

A callable is submitted to a `concurrent.futures` thread pool - a
small *browse* pool for quick calls (listing, stat, preview reads) and a separate *transfer*
pool for long ones, so browsing never queues behind a big upload. When the call finishes, the
worker thread emits a signal of this long-lived `TaskRunner`; Qt queues it to the GUI thread,
where the success or error callback runs. Workers never touch widgets; callbacks whose
`context` object has been deleted meanwhile are dropped. Callers that can go stale (a folder
the user already left) also check their own generation number in the callback.

Multi-step flows await the same two pools instead (`call`, through `flows.py`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from desktop_app.core.errors import AppError
from desktop_app.ui.shell.i18n import translate

log = logging.getLogger(__name__)

SuccessCallback = Callable[[Any], None]
ErrorCallback = Callable[[AppError], None]


@dataclass(frozen=True, slots=True)
class _Delivery:
    future: Future[Any]
    on_success: SuccessCallback
    on_error: ErrorCallback | None
    context: QObject | None


def as_app_error(exc: BaseException) -> AppError:
    """Unexpected exceptions become a generic message; the traceback goes to the log only."""
    if isinstance(exc, AppError):
        return exc
    log.error("Unexpected error in a background task", exc_info=exc)
    return AppError(
        translate(
            "Tasks", "An unexpected error occurred ({kind}).").format(kind=type(exc).__name__),
        translate("Tasks", "Please try again; if it keeps happening, report it with the log file."),
    )


class TaskRunner(QObject):
    _delivered = Signal(object)

    def __init__(
        self, parent: QObject | None = None, browse_workers: int = 6, transfer_workers: int = 4
    ) -> None:
        super().__init__(parent)
        self._browse = ThreadPoolExecutor(browse_workers, thread_name_prefix="browse")
        self._transfer = ThreadPoolExecutor(transfer_workers, thread_name_prefix="transfer")
        self._pending: set[Future[Any]] = set()
        self._closed = False
        # Queued even from the GUI thread: a call that finished before `submit` attached its
        # callback would otherwise be delivered inside `submit`, before the caller has
        # finished setting up (a refused connection can fail that fast).
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: SuccessCallback,
        on_error: ErrorCallback | None = None,
        context: QObject | None = None,
        long_running: bool = False,
    ) -> Future[Any] | None:
        """Run `fn(*args)` on a worker; call back on the GUI thread. None once shut down."""
        if self._closed:
            return None
        pool = self._transfer if long_running else self._browse
        future = pool.submit(fn, *args)
        self._pending.add(future)
        delivery = _Delivery(future, on_success, on_error, context)
        future.add_done_callback(lambda _f: self._emit(delivery))
        return future

    def call(self, fn: Callable[..., Any], *args: Any,
             long_running: bool = False) -> Future[Any] | None:
        """The bare future of `fn(*args)` on a worker, for `flows` to await; counted in `busy`
        until it ends. None once shut down."""
        if self._closed:
            return None
        future = (self._transfer if long_running else self._browse).submit(fn, *args)
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)
        return future

    def _emit(self, delivery: _Delivery) -> None:
        # Runs on the worker thread; the signal is queued to the GUI thread.
        if not self._closed and shiboken6.isValid(self):
            self._delivered.emit(delivery)

    @Slot(object)
    def _deliver(self, delivery: _Delivery) -> None:
        self._pending.discard(delivery.future)
        if delivery.future.cancelled():
            return
        if delivery.context is not None and not shiboken6.isValid(delivery.context):
            return
        exc = delivery.future.exception()
        if exc is None:
            delivery.on_success(delivery.future.result())
        elif delivery.on_error is not None:
            delivery.on_error(as_app_error(exc))
        else:
            as_app_error(exc)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def shutdown(self, wait: bool = False) -> None:
        """Stop accepting work, cancel queued work; running calls finish on their own."""
        self._closed = True
        self._browse.shutdown(wait=wait, cancel_futures=True)
        self._transfer.shutdown(wait=wait, cancel_futures=True)
