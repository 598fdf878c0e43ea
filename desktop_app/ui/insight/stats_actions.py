"""The "Statistics…" action of a connection root, a bucket or a folder, and the flow behind
its window: the streaming scan on the transfer pool with progress and Cancel, the result
shown and kept in the cache, Recompute, and a double-click that opens an object's folder.

The main window places the actions (the tree's `menu_actions`, the file table's extra
menu actions) and hands a `WindowContext`; nothing here imports another feature. One window
per place: asking again raises the open one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop_app.core.errors import AppError, Cancelled
from desktop_app.core.jobs import Job, JobState
from desktop_app.ui.insight.place_menu import PlaceEntry
from desktop_app.ui.insight.stats_adapter import Computation, compute, scope_text
from desktop_app.ui.insight.stats_window import StatisticsWindow
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.flows import FlowOwner, run_transfer
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.job_rerun import connection_for, place_params

Place = tuple[str, str, str]  # (connection id, bucket or "" for all, prefix)


def _closed() -> AppError:
    return AppError(translate(
        "StatsActions", "The connection of these statistics has been closed."),
                    translate(
                        "StatsActions", "Open the connection again, then ask for its statistics."))


class _Progress(QObject):
    """Carries the scan's running count from the worker thread to the window (queued)."""

    counted = Signal(str)  # what was counted so far, in words
    tallied = Signal(int, int)  # objects and bytes counted so far (for the Jobs panel)


class StatisticsActions(QObject):
    def __init__(self, context: WindowContext,
                 cache_dir: Callable[[], Path | None] = lambda: None) -> None:
        """`cache_dir` gives the data folder results are kept in (known once configured)."""
        super().__init__(context.window)
        self.setObjectName("statisticsActions")
        self.context = context
        self.cache_dir = cache_dir
        self.flows = FlowOwner(self, on_error=context.show_error)
        self.windows: dict[Place, StatisticsWindow] = {}
        self._cancels: dict[Place, threading.Event] = {}
        context.on_close(self.close_all)
        context.job_handlers["statistics"] = self.run_again

    def run_again(self, job: Job) -> None:
        """Run again from the Jobs panel: the same place, counted afresh (not the cache)."""
        if connection_for(self.context, job.params) is not None:
            p = job.params
            self.show_statistics(str(p["conn"]), str(p.get("bucket", "")),
                                 str(p.get("prefix", "")), fresh=True)

    # -- the menus -----------------------------------------------------------------------
    def menu_actions(self, menu: QMenu, conn_id: str, bucket: str) -> list[QAction]:
        """For the tree: Statistics… of a whole connection or of one bucket."""
        return self._entry().tree_actions(menu, conn_id, bucket)

    def folder_actions(self, menu: QMenu, bucket: str, prefix: str) -> list[QAction]:
        """For the file table: Statistics… of the selected folder (or the one shown)."""
        return self._entry().folder_actions(self.context, menu, bucket, prefix)

    def _entry(self) -> PlaceEntry:
        return PlaceEntry(translate(
            "StatisticsActions",
            "Statistics…"), "actionStatistics", translate(
            "StatisticsActions",
            "Count and chart what is stored here, without downloading "
            "anything"), self.show_statistics,
                          on_roots=True)

    # -- the window ----------------------------------------------------------------------
    def show_statistics(self, conn_id: str, bucket: str, prefix: str = "",
                        fresh: bool = False) -> None:
        """Open (or raise) the window of this place and compute unless a cached result
        is shown; `fresh` counts again even when one is (Run again)."""
        place = (conn_id, bucket, prefix)
        window = self.windows.get(place)
        if window is not None and shiboken6.isValid(window):
            window.raise_()
            window.activateWindow()
            if fresh and place not in self._cancels:
                self._start(place, window, fresh=True)
            return
        entry = self.context.connections.get(conn_id)
        if entry is None:
            return
        window = StatisticsWindow(scope_text(entry.name, bucket, prefix), self.context.window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.windows[place] = window
        window.destroyed.connect(lambda *_: self._forget(place))
        window.cancel_requested.connect(lambda: self._cancel(place))
        window.recompute_requested.connect(lambda: self._start(place, window, fresh=True))
        window.open_requested.connect(lambda b, p: self._open(window, conn_id, b, p))
        window.show()
        self._start(place, window, fresh=fresh)

    def _start(self, place: Place, window: StatisticsWindow, fresh: bool) -> None:
        entry = self.context.connections.get(place[0])
        if entry is None:
            window.show_failed(_closed())
            return
        self.flows.start(self._compute(place, window, entry.storage, fresh))

    async def _compute(self, place: Place, window: StatisticsWindow, storage: Any,
                       fresh: bool) -> None:
        cancel = self._cancels[place] = threading.Event()
        progress = _Progress(window)
        progress.counted.connect(window.show_progress)
        window.start()
        log = self.context.jobs()
        entry = self.context.connections.get(place[0])
        job_id = None if log is None else log.start(
            "statistics", "Statistics", scope_text(entry.name if entry else "", *place[1:]),
            cancel=cancel.set, params=place_params(self.context, *place))
        if log is not None and job_id is not None:  # the Jobs panel counts along
            progress.tallied.connect(lambda objects, size: log.progress(
                job_id, objects, counts={"objects": objects, "bytes": size}))

        def end(state: JobState, message: str = "", counts: dict[str, int] | None = None) -> None:
            if log is not None and job_id is not None:
                log.finish(job_id, state, message=message, counts=counts)

        job = Computation(storage=storage, connection=place[0], bucket=place[1],
                          prefix=place[2], fresh=fresh, cancel=cancel,
                          progress=progress.counted.emit, cache_dir=self.cache_dir(),
                          tally=progress.tallied.emit)
        try:
            result = await run_transfer(self.context.runner, compute, job)
        except Cancelled:
            end(JobState.CANCELLED)
            if shiboken6.isValid(window):
                window.show_cancelled()
            return
        except AppError as err:
            end(JobState.FAILED, err.message)
            if shiboken6.isValid(window):
                window.show_failed(err)
            return
        finally:
            if self._cancels.get(place) is cancel:
                del self._cancels[place]
        end(JobState.CANCELLED if result.cancelled else JobState.DONE,
            counts={"objects": result.view.count, "bytes": result.view.size})
        if shiboken6.isValid(window):
            window.show_stats(result.view, result.exporters)
            if result.cancelled:
                window.show_cancelled()

    def _cancel(self, place: Place) -> None:
        event = self._cancels.get(place)
        if event is not None:
            event.set()

    def _open(self, window: StatisticsWindow, conn_id: str, bucket: str, prefix: str) -> None:
        """Show the object's folder in the main window (its connection made active)."""
        if self.context.connections.get(conn_id) is None:
            window.show_failed(_closed())
            return
        if self.context.active_connection() != conn_id:
            self.context.activate_connection(conn_id)
        self.context.open_location(bucket, prefix)
        self.context.window.raise_()
        self.context.window.activateWindow()

    def _forget(self, place: Place) -> None:
        self.windows.pop(place, None)
        self._cancel(place)

    def close_all(self) -> None:
        """The main window closes: scans stop, windows close."""
        for event in list(self._cancels.values()):
            event.set()
        self.flows.cancel_all()
        for window in list(self.windows.values()):
            if shiboken6.isValid(window):
                window.close()
