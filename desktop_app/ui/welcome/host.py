"""Where the welcome page lives: stacked with the browser as the window's central widget,
shown while no connection is open; and the gate that disables every action needing one."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget


class WelcomeHost(QObject):
    """Takes the window's central widget into a stack with `page`; `show_welcome` and
    `show_browser` switch between them."""

    def __init__(self, window: QMainWindow, page: QWidget) -> None:
        super().__init__(window)
        self.page = page
        browser = window.takeCentralWidget()
        self.stack = QStackedWidget(window)
        self.stack.setObjectName("centralStack")
        self.browser = browser if browser is not None else QWidget(self.stack)
        self.stack.addWidget(self.browser)
        self.stack.addWidget(page)
        window.setCentralWidget(self.stack)

    @property
    def showing_welcome(self) -> bool:
        return self.stack.currentWidget() is self.page

    def show_welcome(self) -> None:
        self.stack.setCurrentWidget(self.page)

    def show_browser(self) -> None:
        self.stack.setCurrentWidget(self.browser)


class ConnectionGate(QObject):
    """Actions that need an open connection are off while there is none.

    The actions join a QActionGroup that is disabled meanwhile: Qt then keeps each action's
    own enabled state (set by its feature, e.g. "nothing selected") and gives it back when
    the group is enabled again, so the gate never turns on an action its feature turned off.
    """

    def __init__(self, parent: QObject, actions: Iterable[QAction]) -> None:
        super().__init__(parent)
        self.group = QActionGroup(self)
        self.group.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        for action in actions:
            if action.actionGroup() is None and not action.isSeparator():
                self.group.addAction(action)

    def set_connected(self, connected: bool) -> None:
        self.group.setEnabled(connected)
