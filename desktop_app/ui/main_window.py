"""The main window: bucket tree | file table | preview pane, the transfer queue docked below,
and a status bar with the endpoint and whether it answers.

It owns no connection logic: `app.py` hands it a `TaskRunner` and later a `Storage`
(`attach`), or an error to show (`show_error`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
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
from desktop_app.core.errors import AppError
from desktop_app.core.types import BucketInfo, ObjectEntry
from desktop_app.storage.protocol import Storage
from desktop_app.ui import icons
from desktop_app.ui.bucket_tree import BucketTree, BucketTreeModel
from desktop_app.ui.message_bar import MessageBar
from desktop_app.ui.object_table import ObjectTable, ObjectTableModel
from desktop_app.ui.preview_pane import PreviewPane
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.transfer_controller import TransferController
from desktop_app.ui.transfer_queue import TransferQueue, TransferStatus

PROBE_INTERVAL_MS = 30_000


class MainWindow(QMainWindow):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 800)
        self.runner = runner
        self.storage: Storage | None = None
        self._initial_bucket: str | None = None
        self._on_close: list[Callable[[], None]] = []

        self.tree_model = BucketTreeModel(runner, self)
        self.table_model = ObjectTableModel(runner, self)
        self.bucket_tree = BucketTree(self.tree_model, self)
        self.object_table = ObjectTable(self.table_model, self)
        self.preview_pane = PreviewPane(runner, self)
        self.message_bar = MessageBar(self)
        self.transfer_queue = TransferQueue(self)
        self.location_label = QLabel(self)
        self.location_label.setObjectName("locationLabel")
        self.location_label.setTextFormat(Qt.TextFormat.PlainText)
        self.transfers = TransferController(self)

        self._build_actions()
        self._build_layout()
        self._build_status_bar()

        self.tree_model.error.connect(self.show_error)
        self.tree_model.buckets_loaded.connect(self._on_buckets_loaded)
        self.table_model.error.connect(self.show_error)
        self.table_model.loading_changed.connect(self._update_location_label)
        self.bucket_tree.location_selected.connect(self.open_location)
        self.object_table.folder_opened.connect(self.open_location)
        self.object_table.object_selected.connect(self._on_object_selected)

        self._probe_timer = QTimer(self)
        self._probe_timer.setInterval(PROBE_INTERVAL_MS)
        self._probe_timer.timeout.connect(self.probe)

    # -- construction --------------------------------------------------------------------
    def _build_actions(self) -> None:
        toolbar = QToolBar("Navigation", self)
        toolbar.setObjectName("navigationToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.action_up = QAction(icons.up_icon(), "Up", self)
        self.action_up.setObjectName("actionUp")
        self.action_up.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Up))
        self.action_up.triggered.connect(self.go_up)
        self.action_refresh = QAction(icons.refresh_icon(), "Refresh", self)
        self.action_refresh.setObjectName("actionRefresh")
        self.action_refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.action_refresh.triggered.connect(self.refresh)
        toolbar.addAction(self.action_up)
        toolbar.addAction(self.action_refresh)
        toolbar.addAction(self.transfers.action_download)
        toolbar.addSeparator()
        toolbar.addWidget(self.location_label)
        self.addToolBar(toolbar)

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
        splitter.setSizes([240, 640, 400])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.message_bar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.transfer_queue)
        self.resizeDocks([self.transfer_queue], [160], Qt.Orientation.Vertical)

    def _build_status_bar(self) -> None:
        bar = QStatusBar(self)
        bar.setObjectName("statusBar")
        self.endpoint_label = QLabel("Not connected", bar)
        self.endpoint_label.setObjectName("endpointLabel")
        self.endpoint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reachability_label = QLabel("", bar)
        self.reachability_label.setObjectName("reachabilityLabel")
        self.reachability_label.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(self.endpoint_label)
        self.transfer_status = TransferStatus(self.transfer_queue.queue_model, bar)
        bar.addPermanentWidget(self.transfer_status)
        bar.addPermanentWidget(self.reachability_label)
        self.setStatusBar(bar)

    # -- connection ----------------------------------------------------------------------
    def set_connecting(self, text: str) -> None:
        self.endpoint_label.setText(text)
        self._set_reachability(None, "Connecting…")

    def attach(self, storage: Storage, name: str, initial_bucket: str | None = None) -> None:
        """Start browsing `storage`; called once a connection is ready."""
        self.storage = storage
        self._initial_bucket = initial_bucket
        self.endpoint_label.setText(f"{name} — {storage.endpoint_url}")
        self._set_reachability(None, "Connecting…")
        self.message_bar.hide()
        self.preview_pane.set_storage(storage)
        self.table_model.set_storage(storage)
        self.tree_model.set_storage(storage)
        self.transfers.attach(storage)
        self.probe()
        self._probe_timer.start()

    def probe(self) -> None:
        storage = self.storage
        if storage is None:
            return
        self.runner.submit(
            storage.list_buckets,
            on_success=self._on_probe_ok,
            on_error=self._on_probe_failed,
            context=self,
        )

    def _on_probe_ok(self, _buckets: list[BucketInfo]) -> None:
        self._set_reachability(True, "● Reachable")

    def _on_probe_failed(self, err: AppError) -> None:
        self._set_reachability(False, f"● {err.title}")
        self.reachability_label.setToolTip(err.user_text())

    def _set_reachability(self, ok: bool | None, text: str) -> None:
        colour = {True: "#1b7f3b", False: "#b3261e", None: "palette(mid)"}[ok]
        self.reachability_label.setStyleSheet(f"color:{colour}; padding:0 6px;")
        self.reachability_label.setText(text)
        self.reachability_label.setToolTip("")

    def show_error(self, error: AppError) -> None:
        self.message_bar.show_error(error)

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
        if not self.tree_model.rowCount():
            self.tree_model.reload()
        self.probe()

    def _update_location_label(self) -> None:
        bucket, prefix = self.table_model.bucket, self.table_model.prefix
        text = f"{bucket}/{prefix}" if bucket else "No bucket selected"
        if self.table_model.loading:
            text += "   (loading…)"
        self.location_label.setText(text)
        self.action_up.setEnabled(bool(prefix))

    def _on_buckets_loaded(self, names: list[str]) -> None:
        self._set_reachability(True, "● Reachable")
        wanted, self._initial_bucket = self._initial_bucket, None
        if wanted:
            if wanted in names:
                self.open_location(wanted)
            else:
                self.show_error(AppError(
                    f"The bucket “{wanted}” (from MINIO_BUCKET_NAME) does not exist on this "
                    "server.",
                    "Pick one of the buckets on the left, or fix MINIO_BUCKET_NAME.",
                ))
        elif names and not self.table_model.bucket:
            self.open_location(names[0])
        elif not names:
            self.message_bar.show_info("This server has no buckets yet.")

    def _on_object_selected(self, bucket: str, entry: ObjectEntry) -> None:
        self.preview_pane.show_object(bucket, entry.key)

    # -- shutdown ------------------------------------------------------------------------
    def on_close(self, callback: Callable[[], None]) -> None:
        self._on_close.append(callback)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._probe_timer.stop()
        self.transfers.shutdown()
        callbacks, self._on_close = self._on_close, []
        for callback in callbacks:
            callback()
        super().closeEvent(event)
