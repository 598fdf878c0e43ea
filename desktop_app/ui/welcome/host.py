"""Where the welcome page lives: over the browser and its docks while no connection is
open; and the gate that disables every action needing one."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QPushButton, QWidget


class WelcomeHost(QObject):
    """Lays `page` over everything between the toolbars and the status bar (the browser and
    the docks below it) while `show_welcome` is on. An overlay, not a change of layout: the
    docks keep their place and size, so the layout the window remembers is never the
    welcome page's. `notices` (the window's message bar) stays above the page and usable,
    so an error shown meanwhile (a saved connection that did not open) is seen."""

    def __init__(self, window: QMainWindow, page: QWidget,
                 notices: QWidget | None = None) -> None:
        super().__init__(window)
        self.window, self.page, self.notices = window, page, notices
        page.setParent(window)
        page.setAutoFillBackground(True)
        page.hide()
        window.installEventFilter(self)
        if notices is not None:
            notices.installEventFilter(self)

    @property
    def showing_welcome(self) -> bool:
        return not self.page.isHidden()

    def _covered(self) -> list[QWidget]:
        """What the page lies over: kept out of the keyboard's reach meanwhile."""
        central = self.window.centralWidget()
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        inside = [] if central is None else [
            w for w in central.findChildren(QWidget, options=direct) if w is not self.notices]
        docks = [d for d in self.window.findChildren(QDockWidget) if d.parent() is self.window]
        return [*inside, *docks]

    def show_welcome(self) -> None:
        for widget in self._covered():
            widget.setEnabled(False)
        self._place()
        self.page.show()
        self.page.raise_()
        button = self.page.findChild(QPushButton)
        if button is not None and self.window.isActiveWindow():
            button.setFocus()

    def show_browser(self) -> None:
        self.page.hide()
        for widget in self._covered():
            widget.setEnabled(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.window and event.type() in (
                QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show)) or (
                watched is self.notices and event.type() in (
                QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.Resize)):
            self._place()
        return False

    def _place(self) -> None:
        window = self.window
        central = window.centralWidget()
        top = central.geometry().top() if central is not None else 0
        notices = self.notices
        if notices is not None and not notices.isHidden():
            top = notices.mapTo(window, QPoint(0, notices.height())).y() + 4
        bar = window.statusBar()
        bottom = bar.geometry().top() if bar.isVisible() else window.height()
        self.page.setGeometry(QRect(0, top, window.width(), max(0, bottom - top)))


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
