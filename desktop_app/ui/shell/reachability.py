"""Whether the active connection answers: the status bar's "● Reachable" label, a check every
30 seconds, and the connection doctor, opened by itself when a connection fails before it
ever answered (and any time through "Diagnose…").

Kept out of the main window so the window only says which connection is active; the doctor
dialog comes from a factory the window hands in (the shell imports no feature).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import AppError
from desktop_app.core.types import BucketInfo
from desktop_app.storage.protocol import Storage
from desktop_app.ui.shell import icons
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

PROBE_INTERVAL_MS = 30_000


class Doctor(Protocol):
    """The connection doctor's dialog, as far as this needs it."""

    def run(self, settings: ConnectionSettings) -> None: ...
    def isVisible(self) -> bool: ...
    def raise_(self) -> None: ...
    def show(self) -> None: ...


class Reachability(QObject):
    """`target()` gives the (connection id, storage) to check; `set_problem(conn_id, text)`
    marks a root of the tree ("" when it answers again)."""

    def __init__(self, window: QWidget, runner: TaskRunner,
                 target: Callable[[], tuple[str | None, Storage | None]],
                 set_problem: Callable[[str, str], None],
                 make_doctor: Callable[[], Doctor]) -> None:
        super().__init__(window)
        self._runner, self._target, self._set_problem = runner, target, set_problem
        self._make_doctor = make_doctor
        self.doctor: Doctor | None = None
        self.settings: ConnectionSettings | None = None
        self._reached = False
        self._auto_diagnosed = False
        self.label = QLabel("", window)
        self.label.setObjectName("reachabilityLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.timer = QTimer(self)
        self.timer.setInterval(PROBE_INTERVAL_MS)
        self.timer.timeout.connect(self.probe)
        self.action_diagnose = QAction(icons.svg_icon("help"),
                                      translate("Reachability", "Diagnose…"), window)
        self.action_diagnose.setObjectName("actionDiagnose")
        self.action_diagnose.setToolTip(translate(
            "Reachability", "Check the connection step by step and explain problems"))
        self.action_diagnose.setEnabled(False)
        self.action_diagnose.triggered.connect(self.diagnose)

    def watch(self, settings: ConnectionSettings | None) -> None:
        """A connection became active: check it now and every 30 s."""
        self.settings = settings
        self.action_diagnose.setEnabled(settings is not None)
        self._reached = False
        self._auto_diagnosed = False
        self.set_state(None, translate("Reachability", "Connecting…"))
        self.probe()
        self.timer.start()

    def stop(self) -> None:
        """No connection is active any more."""
        self.settings = None
        self.action_diagnose.setEnabled(False)
        self.timer.stop()
        self.set_state(None, "")

    def probe(self) -> None:
        conn_id, storage = self._target()
        if storage is None:
            return

        def failed(err: AppError) -> None:
            if conn_id is not None:
                self._set_problem(conn_id, err.user_text())
            if conn_id == self._target()[0]:
                self.failed(err)

        def answered(_buckets: list[BucketInfo]) -> None:
            if conn_id is not None:
                self._set_problem(conn_id, "")
            if conn_id == self._target()[0]:
                self.answered()

        self._runner.submit(storage.list_buckets, on_success=answered, on_error=failed,
                            context=self)

    def answered(self) -> None:
        self._reached = True
        self.set_state(True, translate("Reachability", "● Reachable"))

    def failed(self, err: AppError) -> None:
        self.set_state(False, f"● {err.title}")
        self.label.setToolTip(err.user_text())
        if not self._reached and not self._auto_diagnosed and self.settings:
            self._auto_diagnosed = True
            self.diagnose()

    def diagnose(self) -> None:
        """Open the connection doctor for the current connection and run it."""
        if self.settings is None:
            return
        if self.doctor is None:
            self.doctor = self._make_doctor()
        self.doctor.run(self.settings)
        if self.doctor.isVisible():
            self.doctor.raise_()  # already open, maybe behind the main window
        else:
            self.doctor.show()

    def set_state(self, ok: bool | None, text: str) -> None:
        colour = {True: "#1b7f3b", False: "#b3261e", None: "palette(mid)"}[ok]
        self.label.setStyleSheet(f"color:{colour}; padding:0 6px;")
        self.label.setText(text)
        self.label.setToolTip("")
