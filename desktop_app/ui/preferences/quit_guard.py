"""Asks before the window closes while transfers still run (a preference, on by default).

Only a close the user asked for is questioned: from the desktop (the title bar's close
button, Alt+F4: Qt marks those spontaneous), or through the watched actions (File → Close
window, Quit) by their shortcut or a click in their menu. A close made by the app itself
(or by a test) goes on as before. The question is not modal
for the event loop: the close is refused, the question opens, and Quit closes the window
again. Unfinished transfers come back on the next start (the journal keeps them), and the
question says so.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from desktop_app.ui.shell.i18n import translate


class QuitGuard(QObject):
    def __init__(self, window: QMainWindow, unfinished: Callable[[], int]) -> None:
        super().__init__(window)
        self.window = window
        self.unfinished = unfinished
        self.enabled = True
        self.question: QMessageBox | None = None
        self._confirmed = False
        self._armed = False  # a watched action is about to close the window
        self._actions: set[QAction] = set()
        window.installEventFilter(self)

    def watch(self, actions: list[QAction]) -> None:
        """Closes these actions make count as the user's: a shortcut reaches the action as
        a Shortcut event, a menu click as a mouse release (or Enter) in its menu; either
        arms the guard for the close that follows."""
        for action in actions:
            self._actions.add(action)
            action.installEventFilter(self)
            for menu in action.associatedObjects():
                if isinstance(menu, QMenu):
                    menu.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Shortcut and watched in self._actions:
            self._armed = True
        elif isinstance(watched, QMenu) and kind in (QEvent.Type.MouseButtonRelease,
                                                     QEvent.Type.KeyPress):
            self._armed = self._armed or self._menu_picks_ours(watched, event)
        elif watched is self.window and kind == QEvent.Type.Close:
            asked_by_user = event.spontaneous() or self._armed
            self._armed = False
            if asked_by_user and self.enabled and not self._confirmed:
                count = self.unfinished()
                if count:
                    event.ignore()
                    self.ask(count)
                    return True
        return False

    def _menu_picks_ours(self, menu: QMenu, event: QEvent) -> bool:
        if isinstance(event, QMouseEvent):
            return menu.actionAt(event.position().toPoint()) in self._actions
        if isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return menu.activeAction() in self._actions
        return False

    def ask(self, count: int) -> QMessageBox:
        if (self.question is not None and shiboken6.isValid(self.question)
                and self.question.isVisible()):
            self.question.activateWindow()
            return self.question
        box = QMessageBox(
            QMessageBox.Icon.Question, translate("QuitGuard", "Quit while transferring?"),
            translate("QuitGuard", "%n transfer(s) have not finished.", "", count),
            QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("quitQuestion")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
