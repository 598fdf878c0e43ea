"""The main window: bucket tree | file table | preview pane, the transfer queue docked below,
and a status bar with the endpoint and whether it answers.

It owns no connection logic: `app.py` hands it a `TaskRunner` and later one or more
storages (`add_connection`, or `attach` for a single one), or an error to show (`show_error`).
Several connections can be open at once, each a root of the bucket tree; the table, preview,
actions and status bar follow the ACTIVE one (`self.storage`), switched by picking a node.

It is also where the feature folders meet: each controller gets `self.context` (a typed
`WindowContext`) and the widgets it needs, never this class, and the window connects one
feature's signals to another's slots (preview buttons to object actions, the versions panel
to the table), so no feature imports another.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStatusBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import AppError
from desktop_app.core.types import ObjectEntry
from desktop_app.storage.open_connections import SANDBOX_ID, OpenConnection, OpenConnections
from desktop_app.storage.protocol import Storage
from desktop_app.ui.browse.bucket_tree import BucketTreeModel
from desktop_app.ui.browse.controls import BrowseControls
from desktop_app.ui.browse.count_text import count_text
from desktop_app.ui.browse.object_table import ObjectTable, ObjectTableModel
from desktop_app.ui.browse.tree_view import BucketTree
from desktop_app.ui.connections.doctor_view import DoctorDialog
from desktop_app.ui.objects.actions import ObjectActions
from desktop_app.ui.objects.versions_panel import VersionsPanel
from desktop_app.ui.previews.pane import PreviewPane
from desktop_app.ui.shell import icons
from desktop_app.ui.shell.context import ConnectionHost, WindowContext
from desktop_app.ui.shell.csv_validation_wiring import install_csv_validation
from desktop_app.ui.shell.encryption_wiring import install_encryption
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.jobs_dock import JobsDock
from desktop_app.ui.shell.location_menus import LocationMenus
from desktop_app.ui.shell.menu_bar import MenuBar
from desktop_app.ui.shell.message_bar import MessageBar
from desktop_app.ui.shell.reachability import Reachability
from desktop_app.ui.shell.tasks import TaskRunner
from desktop_app.ui.shell.upload_rules_wiring import install_upload_rules
from desktop_app.ui.shell.window_menus import WindowMenus
from desktop_app.ui.transfers.controller import TransferController
from desktop_app.ui.transfers.queue import TransferQueue, TransferStatus
from desktop_app.ui.transfers.url_import_actions import install_url_import
from desktop_app.ui.transfers.widgets import queue_height


class MainWindow(QMainWindow):
    active_connection_changed = Signal(str)  # connection id ("" when none is open)
    connection_closed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 800)
        self.menus = MenuBar(self)  # File … Help; features add their actions to it
        self.runner = runner
        self.storage: Storage | None = None
        self.open_connections = OpenConnections()
        self.active_connection: str | None = None
        self._on_close: list[Callable[[], None]] = []

        self.tree_model = BucketTreeModel(runner, self)
        # "● Reachable", the 30 s check and the connection doctor (Diagnose…).
        self.reach = Reachability(self, runner, lambda: (self.active_connection, self.storage),
                                  self.tree_model.set_problem,
                                  lambda: DoctorDialog(self.runner, self))
        self.reachability_label, self._probe_timer = self.reach.label, self.reach.timer
        self.action_diagnose = self.reach.action_diagnose
        self.table_model = ObjectTableModel(runner, self)
        self.bucket_tree = BucketTree(self.tree_model, self)
        self.object_table = ObjectTable(self.table_model, self)
        self.preview_pane = PreviewPane(runner, self)
        self.message_bar = MessageBar(self)
        self.transfer_queue = TransferQueue(self)
        self.location_label = QLabel(self)
        self.location_label.setObjectName("locationLabel")
        self.location_label.setTextFormat(Qt.TextFormat.PlainText)
        self.jobs = JobsDock(self, lambda: self.transfers.data_dir)
        self.context = WindowContext(
            window=self, runner=runner, listing=self.table_model, tree=self.tree_model,
            connections=self.open_connections, show_error=self.show_error,
            show_info=self.message_bar.show_info, active_storage=lambda: self.storage,
            active_connection=lambda: self.active_connection,
            activate_connection=self.activate_connection, open_location=self.open_location,
            check_server=self.reach.probe, on_close=self.on_close, jobs=self.jobs.log,
            job_handlers=self.jobs.handlers,
        )
        self.transfers = TransferController(self.context, self.object_table, self.bucket_tree,
                                             self.transfer_queue)
        self._build_versions_panel()
        menus = LocationMenus(self.context, self.tree_model, lambda: self.transfers.data_dir)
        self.bucket_actions, self.statistics = menus.bucket_actions, menus.statistics
        self.duplicates, self.cleanup = menus.duplicates, menus.cleanup
        self.bucket_tree.menu_actions = menus.bucket_menu
        self.upload_rules = install_upload_rules(self.context, self.transfers, menus)

        self._build_actions()
        self._build_layout()
        self._build_status_bar()
        self.object_actions = ObjectActions(self.context, self.object_table, self.action_refresh,
                                            self.transfers.queue_download)
        actions = self.object_actions
        actions.folder_menu_actions = menus.folder_menu
        self.window_menus = WindowMenus(
            self.menus, self.context, table=self.object_table, objects=actions,
            browse=self.browse, transfers=self.transfers, queue=self.transfer_queue,
            places=menus, navigation=[self.action_up, self.action_refresh],
            diagnose=self.action_diagnose, active_changed=self.active_connection_changed,
            docks=[self.transfer_queue, self.jobs.panel, self.browse.search_panel,
                   self.versions_panel])
        self.encryption = install_encryption(self.context, self.transfers, menus,
                                             self.message_bar, self.active_connection_changed)
        self.preview_pane.key_needed.connect(self.show_error)  # with "Enter encryption key…"
        self.url_import = install_url_import(self.context, self.transfers, self.menus,
                                             self.object_table)
        self.csv_validation = install_csv_validation(self.context, self.transfers,
                                                     self.preview_pane, actions)
        self.preview_pane.open_requested.connect(
            lambda b, k: self._for_previewed(b, k, actions.open_selected))
        self.preview_pane.download_requested.connect(
            lambda b, k: self._for_previewed(b, k, actions.download_selected))
        self.preview_pane.lock_failed.connect(self.show_error)
        self.preview_pane.type_known.connect(self.table_model.set_stored_type)  # Type column

        self.tree_model.error.connect(self.show_error)
        self.tree_model.buckets_loaded.connect(self._on_buckets_loaded)
        self.table_model.error.connect(self.show_error)
        self.table_model.loading_changed.connect(self._update_location_label)
        self.table_model.rows_loaded.connect(self._update_location_label)
        self.table_model.modelReset.connect(self._update_location_label)  # a filter changed
        self.bucket_tree.connection_selected.connect(self._on_connection_selected)
        self.bucket_tree.location_selected.connect(self.open_location)
        self.bucket_tree.disconnect_requested.connect(self.close_connection)
        self.object_table.folder_opened.connect(self.open_location)
        self.object_table.up_requested.connect(self.go_up)
        self.object_table.object_selected.connect(self._on_object_selected)
        self.object_table.selectionModel().selectionChanged.connect(
            lambda *_: QTimer.singleShot(0, self, self._on_selection_changed))

    # -- construction --------------------------------------------------------------------
    def _build_versions_panel(self) -> None:
        """The folder's versions (objects/), docked below the table, following its folder."""
        panel = self.versions_panel = VersionsPanel(self.runner, self)
        panel.hide()
        panel.error.connect(self.show_error)
        panel.changed.connect(self.table_model.refresh)
        self.table_model.location_changed.connect(panel.set_location)
        action = self.action_show_versions = panel.toggleViewAction()
        action.setObjectName("actionShowVersions")
        action.setText(translate("MainWindow", "Show versions"))
        action.toggled.connect(self._versions_toggled)

    def _versions_toggled(self, shown: bool) -> None:
        if shown:
            self.versions_panel.raise_()
            self.versions_panel.reload()

    def _build_actions(self) -> None:
        toolbar = QToolBar(translate("MainWindow", "Navigation"), self)
        toolbar.setObjectName("navigationToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.action_up = QAction(icons.up_icon(), translate("MainWindow", "Up"), self)
        self.action_up.setObjectName("actionUp")
        self.action_up.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Up))
        self.action_up.triggered.connect(self.go_up)
        self.action_refresh = QAction(icons.refresh_icon(), translate("MainWindow", "Refresh"),
                                      self)
        self.action_refresh.setObjectName("actionRefresh")
        self.action_refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.action_refresh.triggered.connect(self.refresh)
        toolbar.addAction(self.action_up)
        toolbar.addAction(self.action_refresh)
        toolbar.addAction(self.action_diagnose)
        toolbar.addSeparator()
        self.addToolBar(toolbar)
        # Back/forward, address bar, filter and search (browse/controls.py).
        self.browse = BrowseControls(self.context, self.object_table, toolbar, self.action_up)
        toolbar.addAction(self.action_show_versions)

    def _build_layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.bucket_tree)
        splitter.addWidget(self.object_table)
        splitter.addWidget(self.preview_pane)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([220, 700, 360])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.message_bar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.transfer_queue)
        queue = self.transfer_queue
        self.resizeDocks([queue], [queue_height(queue.view, queue.toolbar)],
                         Qt.Orientation.Vertical)
        # Search and versions below the table, as tabs beside the queue (the table keeps
        # its width).
        for panel in (self.browse.search_panel, self.versions_panel):
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
            self.tabifyDockWidget(self.transfer_queue, panel)
            panel.hide()
        self.jobs.place(self.transfer_queue)

    def _build_status_bar(self) -> None:
        bar = QStatusBar(self)
        bar.setObjectName("statusBar")
        self.endpoint_label = QLabel(translate("MainWindow", "Not connected"), bar)
        self.endpoint_label.setObjectName("endpointLabel")
        self.endpoint_label.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(self.endpoint_label)
        bar.addPermanentWidget(self.location_label)
        self.transfer_status = TransferStatus(self.transfer_queue.queue_model, bar)
        bar.addPermanentWidget(self.transfer_status)
        bar.addPermanentWidget(self.reachability_label)
        self.setStatusBar(bar)

    # -- connection ----------------------------------------------------------------------
    @property
    def doctor_dialog(self) -> object:
        """The connection doctor's dialog once it was opened (None before)."""
        return self.reach.doctor

    def set_connecting(self, text: str) -> None:
        self.endpoint_label.setText(text)
        self.reach.set_state(None, translate("MainWindow", "Connecting…"))

    def attach(self, storage: Storage, name: str, initial_bucket: str | None = None) -> None:
        """Start browsing `storage` (added as a connection named `name`, or re-selected)."""
        conn_id = self.open_connections.find_storage(storage) or f"attached:{name}"
        self.add_connection(conn_id, name, storage, initial_bucket=initial_bucket)

    def add_connection(self, conn_id: str, name: str, storage: Storage,
                       initial_bucket: str | None = None, activate: bool = True) -> None:
        """A new root in the bucket tree; an id already open gets the new storage (the
        replaced one is closed). With `activate`, the table switches to it."""
        settings = getattr(storage, "settings", None)
        entry = OpenConnection(conn_id, name, storage,
                               settings if isinstance(settings, ConnectionSettings) else None,
                               initial_bucket)
        previous = self.open_connections.add(entry)
        if previous is not None and previous.storage is not storage:
            previous.storage.close()  # in-flight calls finish; idle connections go
        self.tree_model.add_connection(conn_id, name, storage, entry.insecure)
        replaced_active = previous is not None and self.active_connection == conn_id
        if activate or self.active_connection is None or replaced_active:
            self.activate_connection(conn_id)

    def rename_connection(self, conn_id: str, name: str) -> None:
        """An open connection's profile was renamed: its root and the status bar follow."""
        entry = self.open_connections.get(conn_id)
        if entry is None:
            return
        entry.name = name
        self.tree_model.rename_connection(conn_id, name)
        if conn_id == self.active_connection:
            self.endpoint_label.setText(f"{name} — {entry.storage.endpoint_url}")

    def activate_connection(self, conn_id: str) -> None:
        """Point the table, preview, panels, actions and status bar at this connection."""
        entry = self.open_connections.get(conn_id)
        if entry is None:
            return
        storage = entry.storage
        self.active_connection = conn_id
        self.storage = storage
        self.endpoint_label.setText(f"{entry.name} — {storage.endpoint_url}")
        self.message_bar.hide()
        self.preview_pane.set_storage(storage)
        self.browse.set_storage(storage)
        self.versions_panel.set_storage(storage)
        self.table_model.set_storage(storage)
        self.transfers.attach(storage)
        self.tree_model.set_active(conn_id)
        self.bucket_tree.setCurrentIndex(self.tree_model.connection_index(conn_id))
        names = self.tree_model.bucket_names(conn_id)
        if names:  # already listed: open a bucket now (else when the list arrives)
            self._on_buckets_loaded(names)
        self.reach.watch(entry.settings)
        self.active_connection_changed.emit(conn_id)

    def close_connection(self, conn_id: str) -> None:
        """Disconnect: drop the root and close its storage; another root becomes active."""
        if conn_id == SANDBOX_ID:
            return  # the sandbox root stays (its server runs until the app quits)
        entry = self.open_connections.remove(conn_id)
        self.tree_model.remove_connection(conn_id)
        if entry is None:
            return
        if conn_id == self.active_connection:
            self.active_connection = None
            rest = self.open_connections.ids()
            if rest:
                self.activate_connection(rest[0])
            else:
                self._clear_active()
        self.transfers.detach(entry.storage)
        entry.storage.close()
        self.connection_closed.emit(conn_id)

    def _clear_active(self) -> None:
        self.storage = None
        self.reach.stop()
        self.preview_pane.clear()
        self.browse.set_storage(None)
        self.versions_panel.set_storage(None)
        self.table_model.set_storage(None)
        self.endpoint_label.setText(translate("MainWindow", "Not connected"))
        self._update_location_label()
        self.active_connection_changed.emit("")

    def _on_connection_selected(self, conn_id: str) -> None:
        if conn_id != self.active_connection:
            self.activate_connection(conn_id)

    def show_error(self, error: AppError) -> None:
        self.message_bar.show_error(error)

    def connection_host(self) -> ConnectionHost:
        """What the connections controller (built by app.py) drives in this window."""
        return ConnectionHost(
            connections=self.open_connections, show_error=self.show_error,
            active_connection=lambda: self.active_connection,
            close_connection=self.close_connection, set_connecting=self.set_connecting,
            active_changed=self.active_connection_changed, closed=self.connection_closed,
            rename_connection=self.rename_connection,
        )

    # -- navigation ----------------------------------------------------------------------
    def open_location(self, bucket: str, prefix: str = "") -> None:
        self.table_model.set_location(bucket, prefix)
        self.preview_pane.clear()
        self.bucket_tree.select_location(bucket, prefix)
        self._update_location_label()

    def go_up(self) -> None:
        bucket, prefix = self.table_model.bucket, self.table_model.prefix
        if not bucket or not prefix:
            return
        parent = prefix.rstrip("/").rpartition("/")[0]
        self.open_location(bucket, f"{parent}/" if parent else "")

    def refresh(self) -> None:
        if self.storage is None:
            return
        self.table_model.refresh()
        if not self.tree_model.bucket_names():
            self.tree_model.reload()
        self.reach.probe()

    def _update_location_label(self, *_args: object) -> None:
        bucket, prefix = self.table_model.bucket, self.table_model.prefix
        model = self.table_model
        text = (count_text(model.rowCount(), model.stored_rows, model.filter_text,
                           model.category_filter) if bucket
                else translate("MainWindow", "No bucket selected"))
        if self.table_model.loading:
            text += "   " + translate("MainWindow", "(loading…)")
        self.location_label.setText(text)
        self.action_up.setEnabled(bool(prefix))

    def _on_buckets_loaded(self, names: list[str]) -> None:
        self.reach.answered()
        entry = self.open_connections.get(self.active_connection)
        wanted = entry.initial_bucket if entry is not None else None
        if entry is not None:
            entry.initial_bucket = None
        if wanted:
            if wanted in names:
                self.open_location(wanted)
            else:
                missing = translate(
                    "MainWindow",
                    "The bucket “{bucket}” from MINIO_BUCKET_NAME does not exist on this server.")
                fix = translate(
                    "MainWindow", "Pick one of the buckets on the left, or fix MINIO_BUCKET_NAME.")
                self.show_error(AppError(missing.format(bucket=wanted), fix))
        elif names and not self.table_model.bucket:
            self.open_location(names[0])
        elif not names:
            self.message_bar.show_info(translate("MainWindow", "This server has no buckets yet."))

    def _for_previewed(self, bucket: str, key: str, then: Callable[[], None]) -> None:
        """The preview's Open/Download buttons act on the object it shows, through the same
        flow as the table's actions (the previewed object is the table's current row)."""
        if bucket == self.table_model.bucket and self.object_table.select_key(key):
            then()

    def _on_object_selected(self, bucket: str, entry: ObjectEntry) -> None:
        self.preview_pane.show_object(bucket, entry.key)

    def _on_selection_changed(self) -> None:
        """Several objects selected: the preview pane offers to edit what they share."""
        model, rows = self.table_model, self.object_table.selectionModel().selectedRows()
        keys = [e.key for e in (model.entry(i.row()) for i in rows) if isinstance(e, ObjectEntry)]
        if len(keys) > 1 or (keys and self.preview_pane.showing_selection):
            self.preview_pane.show_selection(model.bucket, keys)

    # -- shutdown ------------------------------------------------------------------------
    def on_close(self, callback: Callable[[], None]) -> None:
        self._on_close.append(callback)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reach.timer.stop()
        self.transfers.shutdown()
        callbacks, self._on_close = self._on_close, []
        for callback in callbacks:
            callback()
        super().closeEvent(event)
