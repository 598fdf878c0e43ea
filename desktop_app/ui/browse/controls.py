"""Navigation around the file table: back/forward history, the address bar, the filter box
(Ctrl+F) and "search below this folder" (Ctrl+Shift+F).

It follows the table model's `location_changed`, so every way of moving (tree, double-click,
address bar, Up, Backspace, search result) lands in one history and one address bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QToolBar

from desktop_app.core.history import History, parent_prefix
from desktop_app.storage.protocol import Storage
from desktop_app.ui.browse.address_bar import AddressBar
from desktop_app.ui.browse.search_panel import SearchPanel
from desktop_app.ui.objects.versions_panel import VersionsPanel
from desktop_app.ui.shell import icons

if TYPE_CHECKING:
    from desktop_app.ui.shell.main_window import MainWindow

FILTER_DELAY_MS = 150


class BrowseControls(QObject):
    def __init__(self, window: MainWindow, toolbar: QToolBar) -> None:
        super().__init__(window)
        self._window = window
        self.history = History()
        self._histories: dict[Storage, History] = {}
        self._moving_in_history = False
        self._select_after_load: str | None = None

        self.action_back = self._action("actionBack", icons.back_icon(), "Back",
                                        QKeySequence.StandardKey.Back, self.back)
        self.action_forward = self._action("actionForward", icons.forward_icon(), "Forward",
                                           QKeySequence.StandardKey.Forward, self.forward)
        self.address_bar = AddressBar(window)
        self.address_bar.location_entered.connect(window.open_location)
        self.action_edit_address = self._action(
            "actionEditAddress", None, "Edit address", QKeySequence("Ctrl+L"),
            self.address_bar.start_editing)
        self.filter_edit = QLineEdit(window)
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setPlaceholderText("Filter this folder (Ctrl+F)")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaximumWidth(240)
        # Filtering 100k rows takes a few tens of ms: wait for a pause in the typing.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(
            lambda: window.table_model.set_filter(self.filter_edit.text()))
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.action_filter = self._action("actionFilter", None, "Filter",
                                          QKeySequence.StandardKey.Find, self.focus_filter)
        self.search_panel = SearchPanel(window.runner, window)
        self.search_panel.hide()
        self.search_panel.result_opened.connect(self.open_result)
        self.search_panel.error.connect(window.show_error)

        self.action_search = self._action("actionSearch", icons.search_icon(), "Search below",
                                          QKeySequence("Ctrl+Shift+F"), self.show_search)

        self.versions_panel = VersionsPanel(window.runner, window)
        self.versions_panel.hide()
        self.versions_panel.error.connect(window.show_error)
        self.versions_panel.changed.connect(window.table_model.refresh)

        self.action_show_versions = self.versions_panel.toggleViewAction()
        self.action_show_versions.setObjectName("actionShowVersions")
        self.action_show_versions.setText("Show versions")
        self.action_show_versions.toggled.connect(self._versions_toggled)

        toolbar.insertAction(toolbar.actions()[0], self.action_back)
        toolbar.insertAction(window.action_up, self.action_forward)
        toolbar.addWidget(self.address_bar)
        toolbar.addWidget(self.filter_edit)
        toolbar.addAction(self.action_search)
        toolbar.addAction(self.action_show_versions)
        for action in (self.action_edit_address, self.action_filter):
            window.addAction(action)

        model = window.table_model
        model.location_changed.connect(self._on_location)
        model.rows_loaded.connect(self._maybe_select)
        window.object_table.up_requested.connect(window.go_up)
        window.on_close(self.search_panel.cancel)  # a running search must not delay quitting
        self._update_actions()

    def _action(self, name: str, icon: object, text: str,
                shortcut: QKeySequence | QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction(text, self._window)
        if icon is not None:
            action.setIcon(icon)  # type: ignore[arg-type]
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    def dock_panels(self) -> None:
        """Put search and versions below the table, as tabs beside the transfer queue (the
        table keeps its width). Called once the window has docked the transfer queue."""
        for panel in (self.search_panel, self.versions_panel):
            self._window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
            self._window.tabifyDockWidget(self._window.transfer_queue, panel)
            panel.hide()

    def set_storage(self, storage: Storage | None) -> None:
        self.search_panel.set_storage(storage)
        self.versions_panel.set_storage(storage)
        # Each open connection keeps its own back/forward history (a bucket name means
        # nothing on another server).
        if storage is not None:
            self.history = self._histories.setdefault(storage, History())
        else:
            self.history = History()
        self._update_actions()

    def _versions_toggled(self, shown: bool) -> None:
        if shown:
            self.versions_panel.raise_()
            self.versions_panel.reload()

    # -- history -------------------------------------------------------------------------
    def _on_location(self, bucket: str, prefix: str) -> None:
        self.address_bar.set_location(bucket, prefix)
        self.search_panel.set_root(bucket, prefix)
        self.versions_panel.set_location(bucket, prefix)
        if bucket and not self._moving_in_history:
            self.history.visit((bucket, prefix))
        self._update_actions()

    def _go(self, place: tuple[str, str] | None) -> None:
        if place is None:
            return
        self._moving_in_history = True
        try:
            self._window.open_location(*place)
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
        model = self._window.table_model
        self.search_panel.set_root(model.bucket, model.prefix)
        self.search_panel.show()
        self.search_panel.raise_()
        self.search_panel.pattern.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_result(self, bucket: str, key: str) -> None:
        """Open the folder holding `key` and select it once its row has arrived."""
        self.filter_edit.clear()
        self._select_after_load = key
        self._window.open_location(bucket, parent_prefix(key))
        self._maybe_select()

    def _maybe_select(self, *_args: object) -> None:
        key = self._select_after_load
        if key is None:
            return
        if self._window.object_table.select_key(key):
            self._select_after_load = None
            self._window.object_table.setFocus()
        elif self._window.table_model.complete:
            self._select_after_load = None
