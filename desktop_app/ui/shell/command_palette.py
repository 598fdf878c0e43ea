"""The command palette (Ctrl+Shift+P): type a few letters of any menu action, press Enter.

It lists what the menu bar holds at the moment it opens (`MenuBar.entries()`), each as its
menu path and name with its shortcut, ranked by `core.fuzzy` as the user types. Disabled
actions stay in the list, greyed, so the user learns the action exists; Enter does nothing on
them. The chosen action runs after the palette has closed, so a dialog it opens gets focus.
It floats inside the window (no separate popup window, which would grab the keyboard) and
closes on Escape or when focus leaves it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import fuzzy
from desktop_app.ui.shell.i18n import translate

Entries = Callable[[], list[tuple[str, QAction]]]
ACTION_ROLE = Qt.ItemDataRole.UserRole
NAVIGATION_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


def label(path: str, action: QAction) -> str:
    """"Edit › Copy S3 URI": what the palette shows and matches against."""
    name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return f"{path} › {name}"


class CommandPalette(QFrame):
    def __init__(self, entries: Entries, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self.setObjectName("commandPalette")
        self.setAccessibleName(translate("CommandPalette", "Command palette"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.hide()
        self._entries = entries
        self.opener: QAction | None = None  # the action that opens the palette: not listed
        self._shown: list[tuple[str, QAction]] = []
        self.filter = QLineEdit(self)
        self.filter.setObjectName("commandFilter")
        self.filter.setPlaceholderText(translate("CommandPalette", "Type a command…"))
        self.filter.setAccessibleName(translate("CommandPalette", "Command"))
        self.filter.textChanged.connect(self._refill)
        self.filter.installEventFilter(self)
        self.list = QTreeWidget(self)
        self.list.setObjectName("commandList")
        self.list.setAccessibleName(translate("CommandPalette", "Matching commands"))
        self.list.setColumnCount(2)
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemActivated.connect(lambda item, _col: self._run(item))
        self.list.itemClicked.connect(lambda item, _col: self._run(item))  # one click runs
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)

    def popup(self) -> None:
        """Open over the top of the window with every action listed."""
        self._shown = [(path, action) for path, action in self._entries()
                       if action.isVisible() and action.text() and action is not self.opener]
        self.filter.clear()
        self._refill()
        window = self._window
        width = min(640, max(320, window.width() - 80))
        self.setGeometry((window.width() - width) // 2, 48, width,
                         min(420, max(200, window.height() - 96)))
        self.show()
        self.raise_()
        self.filter.setFocus()

    def matches(self) -> list[QAction]:
        """The actions listed now, in their order (tests, accessibility)."""
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item.data(0, ACTION_ROLE) for item in items if item is not None]

    def _refill(self, *_args: object) -> None:
        texts = [label(path, action) for path, action in self._shown]
        ranked = fuzzy.rank(self.filter.text(), list(zip(texts, self._shown, strict=True)),
                            texts)
        self.list.clear()
        first: QTreeWidgetItem | None = None
        for text, (_path, action) in ranked:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            item = QTreeWidgetItem([text, keys])
            item.setData(0, ACTION_ROLE, action)
            item.setToolTip(0, action.toolTip())
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not action.isEnabled():
                item.setFlags(Qt.ItemFlag.NoItemFlags)  # greyed; Enter skips it
            elif first is None:
                first = item
            self.list.addTopLevelItem(item)
        if first is not None:
            self.list.setCurrentItem(first)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down move in the list while typing; Enter runs; Escape closes."""
        if watched is self.filter and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            if event.key() in NAVIGATION_KEYS:
                QApplication.sendEvent(self.list, event)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._run(self.list.currentItem())
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close()
                return True
        if watched is self.filter and event.type() == QEvent.Type.FocusOut:
            self.close()  # clicked elsewhere
        return super().eventFilter(watched, event)

    def _run(self, item: QTreeWidgetItem | None) -> None:
        if item is None or self.isHidden():
            return  # (a click can both click and activate: run once)
        action = item.data(0, ACTION_ROLE)
        if not isinstance(action, QAction) or not action.isEnabled():
            return
        self.close()
        QTimer.singleShot(0, action, action.trigger)  # (not at all if it is gone by then)


def palette_action(window: QWidget, entries: Entries) -> tuple[QAction, CommandPalette]:
    """The "Command palette…" action (Ctrl+Shift+P) for the View menu, and its popup."""
    palette = CommandPalette(entries, window)
    action = QAction(translate("CommandPalette", "Command palette…"), window)
    action.setObjectName("actionCommandPalette")
    action.setShortcut(QKeySequence("Ctrl+Shift+P"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip(translate("CommandPalette",
                                "Run any menu command by typing part of its name"))
    action.triggered.connect(palette.popup)
    palette.opener = action
    window.addAction(action)
    return action, palette
