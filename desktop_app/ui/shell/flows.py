"""Multi-step UI flows as plain `async def` code on qasync (asyncio running on Qt's loop).

A flow reads top to bottom: ask (a dialog opened with `open()`, awaited through
`dialog_result`), await a blocking storage call on the runner's browse or transfer pool
(`run_browse` / `run_transfer`), then show the result. It resumes on the GUI thread after
every `await`, so it may touch widgets directly.

A `FlowOwner` starts the flows of one QObject as tasks and keeps them referenced (asyncio
keeps only weak references to tasks). It cancels them when the owner is destroyed, when the
owner says so (the window closes) and, for the part of a flow bound to a place with
`bound_to`, when the user moves to another place. A cancelled flow gets CancelledError at
its `await`: whatever the storage call returns is dropped, so a stale result cannot land.

`TaskRunner.submit` (signals to bound callbacks) stays for one-shot calls of long-lived
objects; both share the same two pools.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine, Hashable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import qasync
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog

from desktop_app.core.errors import AppError
from desktop_app.ui.shell.tasks import TaskRunner, as_app_error

log = logging.getLogger(__name__)
T = TypeVar("T")
ErrorHandler = Callable[[AppError], None]


def install_loop(app: QApplication) -> asyncio.AbstractEventLoop:
    """Make a qasync loop on `app` the current (and running) asyncio loop of the GUI thread.

    `already_running=True`: the loop rides on whichever Qt event loop runs (`app.exec()`,
    or pytest-qt's waits in tests), so the app keeps its own `exec()` and shutdown order."""
    loop: asyncio.AbstractEventLoop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    return loop


async def _run(runner: TaskRunner, long_running: bool, fn: Callable[..., T], *args: Any) -> T:
    future = runner.call(fn, *args, long_running=long_running)
    if future is None:  # the runner is shut down: the window is closing, the flow ends here
        raise asyncio.CancelledError
    try:
        return await asyncio.wrap_future(future, loop=asyncio.get_running_loop())
    except Exception as exc:
        error = as_app_error(exc)
        if error is exc:
            raise
        raise error from exc


async def run_browse(runner: TaskRunner, fn: Callable[..., T], *args: Any) -> T:
    """`fn(*args)` on the browse pool (quick calls); AppError on failure, as `submit` gives."""
    return await _run(runner, False, fn, *args)


async def run_transfer(runner: TaskRunner, fn: Callable[..., T], *args: Any) -> T:
    """`fn(*args)` on the transfer pool (long work: bulk delete, copy, download)."""
    return await _run(runner, True, fn, *args)


async def dialog_result(dialog: QDialog) -> int:
    """Open `dialog` with `open()` (never a blocking `exec()`) and wait until it closes: its
    result code. A dialog destroyed unanswered counts as rejected; a flow cancelled while
    asking closes its dialog, so no question outlives the flow that asked it."""
    answer: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def answered(code: int) -> None:
        if not answer.done():
            answer.set_result(code)

    dialog.finished.connect(answered)
    dialog.destroyed.connect(lambda *_: answered(QDialog.DialogCode.Rejected.value))
    dialog.open()
    try:
        return await answer
    except asyncio.CancelledError:  # the flow went away while asking
        if shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.reject()
        raise


def _cancel(tasks: set[asyncio.Task[Any]]) -> None:
    """Cancel `tasks`, except the flow calling this: starting its next job is no reason for
    a flow to cancel itself."""
    try:
        current = asyncio.current_task()
    except RuntimeError:  # no running loop (the app is past its end)
        current = None
    for task in list(tasks):
        if task is not current:
            task.cancel()


class FlowOwner(QObject):
    """The running flows of one QObject (its child: it goes when the owner goes).

    `on_error` receives any AppError a flow lets escape (the message bar, usually); anything
    else escaping is a bug and goes to `sys.excepthook`, like an exception in a Qt slot."""

    def __init__(self, owner: QObject, on_error: ErrorHandler | None = None) -> None:
        super().__init__(owner)
        self.setObjectName("flowOwner")
        self._on_error = on_error
        self._tasks: set[asyncio.Task[Any]] = set()
        self._places: dict[asyncio.Task[Any], Hashable] = {}
        tasks = self._tasks  # the closure outlives this wrapper's C++ half
        owner.destroyed.connect(lambda *_: _cancel(tasks))

    @property
    def tasks(self) -> frozenset[asyncio.Task[Any]]:
        """The flows still running (for tests and for "is anything going on")."""
        return frozenset(self._tasks)

    def start(self, flow: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run `flow` as a task of the GUI thread's running loop (see `install_loop`)."""
        task = asyncio.get_running_loop().create_task(flow)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def cancel_all(self) -> None:
        """The owner is closing: every flow stops at its current `await`."""
        _cancel(self._tasks)

    @contextmanager
    def bound_to(self, place: Hashable) -> Iterator[None]:
        """Inside this block the current flow belongs to `place` (say, a folder): `moved_to`
        another place cancels it. Outside it (work the user confirmed) it runs on."""
        task = asyncio.current_task()
        if task is None or task not in self._tasks:
            raise RuntimeError("bound_to is for flows started by this FlowOwner")
        outer = self._places.get(task)
        self._places[task] = place
        try:
            yield
        finally:
            if outer is None:
                self._places.pop(task, None)
            else:
                self._places[task] = outer

    def moved_to(self, place: Hashable) -> None:
        """The user is now at `place`: flows bound to another place are cancelled."""
        for task, bound in list(self._places.items()):
            if bound != place:
                task.cancel()

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        self._places.pop(task, None)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        if not isinstance(exc, AppError):
            sys.excepthook(type(exc), exc, exc.__traceback__)
        elif self._on_error is not None and shiboken6.isValid(self):
            self._on_error(exc)
        else:
            log.info("A flow ended with an error nobody was left to show: %s", exc.message)
