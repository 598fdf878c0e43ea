"""Navigation around the file table: back/forward history, the address bar, the filter box
(Ctrl+F) and "search below this folder" (Ctrl+Shift+F).

It follows the table model's `location_changed`, so every way of moving (tree, double-click,
address bar, Up, Backspace, search result) lands in one history and one address bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QLineEdit, QToolBar

from desktop_app.core.history import History, parent_prefix
from desktop_app.storage.protocol import Storage
from desktop_app.ui.browse.address_bar import AddressBar
from desktop_app.ui.browse.category_combo import category_combo
from desktop_app.ui.browse.object_table import ObjectTable
from desktop_app.ui.browse.search_panel import SearchPanel
from desktop_app.ui.shell import icons
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.i18n import translate

FILTER_DELAY_MS = 150


class BrowseControls(QObject):
    """Built by the main window with its context, the file table and the navigation toolbar
    (Back goes first, Forward before `up_action`, the rest at the end)."""

    def __init__(self, context: WindowContext, table: ObjectTable, toolbar: QToolBar,
                 up_action: QAction) -> None:
        window = context.window
        super().__init__(window)
        self._context = context
        self._table = table
        self._model = table.table_model()
        self.history = History()
        self._histories: dict[Storage, History] = {}
        self._moving_in_history = False
        self._select_after_load: str | None = None

        self.action_back = self._action("actionBack", icons.back_icon(), translate(
            "BrowseControls", "Back"),
                                        QKeySequence.StandardKey.Back, self.back)
        self.action_forward = self._action("actionForward", icons.forward_icon(), translate(
            "BrowseControls", "Forward"),
                                           QKeySequence.StandardKey.Forward, self.forward)
        self.address_bar = AddressBar(window)
        self.address_bar.location_entered.connect(context.open_location)
        self.action_edit_address = self._action(
            "actionEditAddress", None, translate(
                "BrowseControls", "Edit address"), QKeySequence("Ctrl+L"),
            self.address_bar.start_editing)
        self.filter_edit = QLineEdit(window)
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setAccessibleName(translate("BrowseControls", "Filter"))
        self.filter_edit.setAccessibleDescription(translate(
            "BrowseControls", "Show only the items of this folder whose name contains the text"))
        self.filter_edit.setPlaceholderText(translate(
            "BrowseControls", "Filter this folder (Ctrl+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaximumWidth(240)
        # Filtering 100k rows takes a few tens of ms: wait for a pause in the typing.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(
            lambda: self._model.set_filter(self.filter_edit.text()))
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.category_combo = category_combo(window, "categoryFilter")
        self.category_combo.currentIndexChanged.connect(
            lambda _index: self._model.set_category_filter(self.category_combo.currentData()))
        self.action_filter = self._action("actionFilter", None, translate(
            "BrowseControls", "Filter"),
                                          QKeySequence.StandardKey.Find, self.focus_filter)
        self.search_panel = SearchPanel(context.runner, window)
        self.search_panel.hide()
        self.search_panel.result_opened.connect(self.open_result)
        self.search_panel.error.connect(context.show_error)

        self.action_search = self._action("actionSearch", icons.search_icon(), translate(
            "BrowseControls", "Search below"),
                                          QKeySequence("Ctrl+Shift+F"), self.show_search)

        toolbar.insertAction(toolbar.actions()[0], self.action_back)
        toolbar.insertAction(up_action, self.action_forward)
        toolbar.addWidget(self.address_bar)
        toolbar.addWidget(self.filter_edit)
        toolbar.addWidget(self.category_combo)
        toolbar.addAction(self.action_search)
        for action in (self.action_edit_address, self.action_filter):
            window.addAction(action)

        self._model.location_changed.connect(self._on_location)
        self._model.rows_loaded.connect(self._maybe_select)
        context.on_close(self.search_panel.cancel)  # a running search must not delay quitting
        self._update_actions()

    def _action(self, name: str, icon: QIcon | None, text: str,
                shortcut: QKeySequence | QKeySequence.StandardKey,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._context.window)
        if icon is not None:
            action.setIcon(icon)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        return action

    def set_storage(self, storage: Storage | None) -> None:
        self.search_panel.set_storage(storage)
        # Each open connection keeps its own back/forward history (a bucket name means
        # nothing on another server).
        if storage is not None:
            self.history = self._histories.setdefault(storage, History())
        else:
            self.history = History()
        self._update_actions()

    # -- history -------------------------------------------------------------------------
    def _on_location(self, bucket: str, prefix: str) -> None:
        self.address_bar.set_location(bucket, prefix)
        self.search_panel.set_root(bucket, prefix)
        if bucket and not self._moving_in_history:
            self.history.visit((bucket, prefix))
        self._update_actions()

    def _go(self, place: tuple[str, str] | None) -> None:
        if place is None:
            return
        self._moving_in_history = True
        try:
            self._context.open_location(*place)
        finally:
            self._moving_in_history = False
        self._update_actions()

    def back(self) -> None:
        self._go(self.history.back())

    def forward(self) -> None:
        self._go(self.history.forward())

    def _update_actions(self) -> None:
        self.action_back.setEnabled(self.history.can_back())
        self.action_forward.setEnabled(self.history.can_forward())

    # -- filter and search ---------------------------------------------------------------
    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def show_search(self) -> None:
        model = self._model
        self.search_panel.set_root(model.bucket, model.prefix)
        self.search_panel.show()
        self.search_panel.raise_()
        self.search_panel.pattern.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_result(self, bucket: str, key: str) -> None:
        """Open the folder holding `key` and select it once its row has arrived."""
        self.filter_edit.clear()
        self.category_combo.setCurrentIndex(0)  # the opened result must not stay hidden
        self._select_after_load = key
        self._context.open_location(bucket, parent_prefix(key))
        self._maybe_select()

    def _maybe_select(self, *_args: object) -> None:
        key = self._select_after_load
        if key is None:
            return
        if self._table.select_key(key):
            self._select_after_load = None
            self._table.setFocus()
        elif self._model.complete:
            self._select_after_load = None
