"""Re-translating open windows when the language changes while the app runs.

Widgets get their texts once, when they are built. Rather than a retranslate method per
widget, every text handed out by `i18n.translate` is remembered with where it came from
(context and source text). After a language switch, the texts of every open widget, action,
tab, combo box item and table header that are exactly such a remembered text are looked up
again in the new language. Views re-read their models' headers and cells (the models
translate in `headerData`/`data`).

What this does not reach: texts built from a translation plus live values ("Batch 3: 5
items", status lines) keep the old language until they are next refreshed, which for status
and progress texts is at their next change.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

Key = tuple[str, str, "str | None"]
Lookup = Callable[[str, str, "str | None"], str]
# A shown text -> the (context, source, disambiguation) it was translated from.
ORIGINS: dict[str, Key] = {}


def remember(text: str, key: Key) -> None:
    if text and len(ORIGINS) < 50_000:
        ORIGINS[text] = key


# Where a text was put by the last switch: (id of the widget, which text) -> (its origin, the
# text it got). Two sources may share a translation ("Add connection…" and "Add a
# connection…" are one German text); this keeps each place on its own source.
_PLACED: dict[tuple[int, str], tuple[Key, str]] = {}


def _origin(owner: object, place: str, text: str) -> Key | None:
    placed = _PLACED.get((id(owner), place))
    return placed[0] if placed is not None and placed[1] == text else ORIGINS.get(text)


def _put(owner: object, place: str, key: Key, old: str, setter: Callable[[str], None],
         lookup: Lookup) -> None:
    new = lookup(*key)
    _PLACED[(id(owner), place)] = (key, new)
    if new != old:
        setter(new)


def _swap(owner: object, place: str, getter: Callable[[], str],
          setter: Callable[[str], None], lookup: Lookup) -> None:
    old = getter()
    key = _origin(owner, place, old)
    if key is not None:
        _put(owner, place, key, old, setter, lookup)


def _action(action: QAction, lookup: Lookup) -> None:
    _swap(action, "text", action.text, action.setText, lookup)
    _swap(action, "toolTip", action.toolTip, action.setToolTip, lookup)
    _swap(action, "statusTip", action.statusTip, action.setStatusTip, lookup)


def _widget(widget: QWidget, lookup: Lookup) -> None:
    _swap(widget, "windowTitle", widget.windowTitle, widget.setWindowTitle, lookup)
    _swap(widget, "toolTip", widget.toolTip, widget.setToolTip, lookup)
    _swap(widget, "statusTip", widget.statusTip, widget.setStatusTip, lookup)
    _swap(widget, "accessibleName", widget.accessibleName, widget.setAccessibleName, lookup)
    _swap(widget, "accessibleDescription", widget.accessibleDescription,
          widget.setAccessibleDescription, lookup)
    if isinstance(widget, (QAbstractButton, QLabel)):
        _swap(widget, "text", widget.text, widget.setText, lookup)
    if isinstance(widget, QLineEdit):
        _swap(widget, "placeholderText", widget.placeholderText, widget.setPlaceholderText, lookup)
    if isinstance(widget, (QGroupBox, QMenu)):
        _swap(widget, "title", widget.title, widget.setTitle, lookup)
    if isinstance(widget, QAbstractSpinBox):
        _swap(widget, "specialValueText", widget.specialValueText,
              widget.setSpecialValueText, lookup)
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            _swap(widget, f"tabText{i}", lambda i=i: widget.tabText(i),
                  lambda t, i=i: widget.setTabText(i, t), lookup)
            _swap(widget, f"tabToolTip{i}", lambda i=i: widget.tabToolTip(i),
                  lambda t, i=i: widget.setTabToolTip(i, t),
                  lookup)
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            _swap(widget, f"itemText{i}", lambda i=i: widget.itemText(i),
                  lambda t, i=i: widget.setItemText(i, t), lookup)
    if isinstance(widget, QTableWidget):
        for i in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(i)
            if item is not None:
                _swap(item, "text", item.text, item.setText, lookup)
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        for i in range(header.columnCount()):
            _swap(header, f"text{i}", lambda i=i: header.text(i),
                  lambda t, i=i: header.setText(i, t), lookup)
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        if model.columnCount() > 0:
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        widget.viewport().update()
    for action in widget.actions():
        _action(action, lookup)


def retranslate_open_windows(lookup: Lookup) -> None:
    """Put every open widget's remembered texts into the language `lookup` now gives."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    # The windows' wrappers are held until the end: a wrapper let go mid-way can take the C++
    # objects it owns, and so their actions, with it.
    # A window closed with deleteLater can still be listed while its children are already
    # gone in C++: only live objects are touched.
    windows = [w for w in app.topLevelWidgets() if shiboken6.isValid(w)]
    actions = [action for window in windows for action in window.findChildren(QAction)
               if shiboken6.isValid(action)]
    # Where each action's text came from, read before a dock's new title resets the text of
    # its toggle action.
    texts = [(action, action.text(), _origin(action, "text", action.text()))
             for action in actions]
    widgets = [w for w in app.allWidgets() if shiboken6.isValid(w)]
    for dock in widgets:
        if isinstance(dock, QDockWidget):
            _swap(dock, "windowTitle", dock.windowTitle, dock.setWindowTitle, lookup)
    for widget in widgets:
        _widget(widget, lookup)
    for action, old, key in texts:
        if not shiboken6.isValid(action):
            continue  # went with a widget re-translated above
        if key is not None:
            _put(action, "text", key, old if action.text() == old else "", action.setText,
                 lookup)
        _action(action, lookup)
