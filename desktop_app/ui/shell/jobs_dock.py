"""The Jobs panel's place in the main window: beside Transfers, with the job log of the data
folder, opened once that folder is known (after the window is configured)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

from desktop_app.core.jobs import JobLog, RerunHandler
from desktop_app.ui.jobs.panel import JobsPanel


class JobsDock:
    def __init__(self, window: QMainWindow, data_dir: Callable[[], Path | None]) -> None:
        self._window = window
        self._data_dir = data_dir
        self._log: JobLog | None = None
        # Filled by the features (through WindowContext.job_handlers): how to run a job again.
        self.handlers: dict[str, RerunHandler] = {}
        self.panel = JobsPanel(self._open_log, window)

    def log(self) -> JobLog | None:
        """The log for features (WindowContext.jobs); None before the data folder is known."""
        return self.panel.attach()

    def _open_log(self) -> JobLog | None:
        folder = self._data_dir()
        if folder is not None and self._log is None:
            self._log = JobLog(folder, handlers=self.handlers)
        return self._log

    def place(self, beside: QDockWidget) -> None:
        """A tab beside the transfer queue, which stays in front."""
        self._window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.panel)
        self._window.tabifyDockWidget(beside, self.panel)
        beside.raise_()
        # The window is configured (data folder known) right after it is built: load the log
        # then, so the panel shows past jobs before anything runs.
        QTimer.singleShot(0, self.panel, self.log)
