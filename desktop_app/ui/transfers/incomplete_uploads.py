"""The maintenance view: unfinished multipart uploads on the server, and aborting them.

Interrupted uploads keep their parts on the server (and use space) until someone completes or
aborts them. This lists them for one bucket with their age and stored size; the user picks
which to abort. Uploads this app is still running are never aborted from here.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import AppError
from desktop_app.core.humanize import human_size, human_time
from desktop_app.core.transfer_types import MultipartUploadInfo
from desktop_app.transfers.engine_process import QueueEngine
from desktop_app.ui.shell.tasks import TaskRunner

COLUMNS = ("Object", "Started", "Age", "Stored")


def human_age(started: datetime | None, now: datetime) -> str:
    if started is None:
        return ""
    seconds = max(0, int((now - started).total_seconds()))
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 86400:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} days"


class IncompleteUploadsDialog(QDialog):
    def __init__(self, engine: QueueEngine, runner: TaskRunner, bucket: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incompleteUploadsDialog")
        self.setWindowTitle(f"Unfinished uploads in “{bucket}”")
        self.resize(720, 360)
        self.engine, self.runner, self.bucket = engine, runner, bucket
        self.uploads: list[MultipartUploadInfo] = []
        self._generation = 0
        self.status = QLabel("Loading…", self)
        self.status.setObjectName("incompleteUploadsStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("incompleteUploadsTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.abort_button = QPushButton("Abort selected", self)
        self.abort_button.setObjectName("abortUploadsButton")
        self.refresh_button = QPushButton("Refresh", self)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.abort_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.refresh_button.clicked.connect(self.reload)
        self.abort_button.clicked.connect(self.abort_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self.status.setText("Loading…")
        self.runner.submit(
            self.engine.incomplete_uploads, self.bucket,
            on_success=lambda found: self._show(generation, found),
            on_error=self._failed, context=self,
        )

    def _show(self, generation: int, found: list[MultipartUploadInfo]) -> None:
        if generation != self._generation:
            return
        self.uploads = found
        now = datetime.now(UTC)
        self.table.setRowCount(len(found))
        for row, info in enumerate(found):
            cells = (info.key, human_time(info.initiated), human_age(info.initiated, now),
                     human_size(info.size))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        total = sum(u.size for u in found)
        self.status.setText(
            f"{len(found)} unfinished upload{'s' if len(found) != 1 else ''} holding "
            f"{human_size(total)}. Aborting one deletes its stored parts; the upload cannot "
            "be resumed afterwards." if found else "No unfinished uploads in this bucket."
        )

    def _failed(self, error: AppError) -> None:
        self.status.setText(error.user_text())

    def abort_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        chosen = [self.uploads[r] for r in rows if r < len(self.uploads)]
        if not chosen:
            self.status.setText("Select the uploads to abort first.")
            return
        self.status.setText("Aborting…")
        self.runner.submit(
            self.engine.abort_uploads, chosen,
            on_success=lambda _n: self.reload(), on_error=self._failed, context=self,
        )
