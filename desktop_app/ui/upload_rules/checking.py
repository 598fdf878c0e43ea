"""Progress of a pre-flight check: a big drop checked against rules that hash every file can
take a while, so after a moment a progress dialog counts the files and offers Cancel."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.core.errors import Cancelled
from desktop_app.ui.shell.i18n import translate

SHOW_AFTER_MS = 800  # quick checks finish without a dialog flashing up
POLL_MS = 200


class Checking:
    """Counters the worker writes (plain ints) and the GUI thread reads on a timer."""

    def __init__(self, parent: QWidget) -> None:
        self.cancel = threading.Event()
        self.total = 0
        self.done = 0
        self.dialog = QProgressDialog(
            translate("UploadRules", "Checking the files against the upload rules…"),
            translate("UploadRules", "Cancel"), 0, 0, parent)
        self.dialog.setObjectName("uploadRulesChecking")
        self.dialog.setWindowTitle(translate("UploadRules", "Upload rules"))
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel.set)
        self.timer = QTimer(self.dialog)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._show)
        self.timer.start()

    def set_done(self, done: int) -> None:
        self.done = done

    def stop_if_cancelled(self) -> None:
        if self.cancel.is_set():
            raise Cancelled("The upload was cancelled while its files were checked.")

    def _show(self) -> None:
        if self.total:
            self.dialog.setMaximum(self.total)
            self.dialog.setValue(min(self.done, self.total - 1))
            self.dialog.setLabelText(translate(
                "UploadRules", "Checking the files against the upload rules: {done} of "
                               "{total}…").format(done=self.done, total=self.total))

    def finish(self) -> None:
        if shiboken6.isValid(self.dialog):
            self.timer.stop()
            self.dialog.canceled.disconnect(self.cancel.set)
            self.dialog.close()
            self.dialog.deleteLater()
