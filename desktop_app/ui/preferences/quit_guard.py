"""Asks before the window closes while transfers still run (a preference, on by default).

Only a close the user asked for from the desktop (the title bar's close button, Alt+F4) is
questioned; a close made by the app itself goes on as before. The question is not modal
for the event loop: the close is refused, the question opens, and Quit closes the window
again. Unfinished transfers come back on the next start (the journal keeps them), and the
question says so.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop_app.ui.shell.i18n import translate


class QuitGuard(QObject):
    def __init__(self, window: QMainWindow, unfinished: Callable[[], int]) -> None:
        super().__init__(window)
        self.window = window
        self.unfinished = unfinished
        self.enabled = True
        self.question: QMessageBox | None = None
        self._confirmed = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.window and event.type() == QEvent.Type.Close
                and event.spontaneous() and self.enabled and not self._confirmed):
            count = self.unfinished()
            if count:
                event.ignore()
                self.ask(count)
                return True
        return False

    def ask(self, count: int) -> QMessageBox:
        if self.question is not None and shiboken6.isValid(self.question):
            self.question.raise_()
            return self.question
        box = QMessageBox(
            QMessageBox.Icon.Question, translate("QuitGuard", "Quit while transferring?"),
            translate("QuitGuard", "%n transfer(s) have not finished.", "", count),
            QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("quitQuestion")
        box.setInformativeText(translate(
            "QuitGuard", "They are paused and continue the next time you start the app."))
        quit_button = box.addButton(translate("QuitGuard", "Quit"),
                                    QMessageBox.ButtonRole.AcceptRole)
        quit_button.setObjectName("quitAnyway")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        quit_button.clicked.connect(self._quit)
        self.question = box
        box.open()
        return box

    def _quit(self) -> None:
        self._confirmed = True
        self.window.close()
