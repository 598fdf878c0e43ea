"""The window comes back as it was left: size and place, which panels and toolbars show and
where, the splitters between tree, table and preview, and the columns of the lists in the
panels (the file table keeps its own columns, see ObjectTable.use_settings).

Kept in the same `view.ini` as the file table's columns. Saved when the window closes and
when the application quits without closing it (Ctrl+C, a polite kill). A state written by
another version of the layout (STATE_VERSION) or a damaged one is ignored: the window then
opens with its defaults.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMainWindow,
    QSplitter,
    QTableView,
    QTreeView,
)

STATE_VERSION = 1  # raise when docks or toolbars change so an old layout is not applied
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
OWN_COLUMNS = "objectTable"  # the file table saves its columns itself (sort included)


def _bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _key(splitter: QSplitter) -> str:
    """A splitter's name, or (unnamed) its nearest named parent's with its orientation."""
    if splitter.objectName():
        return splitter.objectName()
    parent = splitter.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    owner = parent.objectName() if parent is not None else "window"
    across = splitter.orientation() == Qt.Orientation.Horizontal
    return f"{owner}-{'horizontal' if across else 'vertical'}"


class WindowState(QObject):
    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self._window, self._settings = window, settings
        # Named splitters and the headers of named lists in the panels (not the file table).
        self._splitters = {_key(s): s for s in window.findChildren(QSplitter)}
        self._headers: dict[str, QHeaderView] = {}
        for view in window.findChildren(QAbstractItemView):
            name = view.objectName()
            if isinstance(view, QTreeView) and name:
                self._headers[name] = view.header()
            elif isinstance(view, QTableView) and name and name != OWN_COLUMNS:
                self._headers[name] = view.horizontalHeader()

    def restore(self) -> None:
        """Apply what was saved (before the window is shown)."""
        settings, window = self._settings, self._window
        geometry = _bytes(settings.value(GEOMETRY_KEY))
        if geometry is not None:
            window.restoreGeometry(geometry)
        state = _bytes(settings.value(STATE_KEY))
        if state is not None:
            window.restoreState(state, STATE_VERSION)
        for key, splitter in self._splitters.items():
            saved = _bytes(settings.value(f"splitters/{key}"))
            if saved is not None:
                splitter.restoreState(saved)
        for name, header in self._headers.items():
            saved = _bytes(settings.value(f"columns/{name}"))
            if saved is not None:
                header.restoreState(saved)

    def save(self) -> None:
        settings, window = self._settings, self._window
        settings.setValue(GEOMETRY_KEY, window.saveGeometry())
        settings.setValue(STATE_KEY, window.saveState(STATE_VERSION))
        for key, splitter in self._splitters.items():
            settings.setValue(f"splitters/{key}", splitter.saveState())
        for name, header in self._headers.items():
            settings.setValue(f"columns/{name}", header.saveState())
        settings.sync()


def remember(window: QMainWindow, settings: QSettings,
             on_close: Callable[[Callable[[], None]], None]) -> WindowState:
    """Restore the window's layout from `settings` now; save it when the window closes (via
    `on_close`) or the application quits."""
    state = WindowState(window, settings)
    state.restore()
    on_close(state.save)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(state.save)
    return state
