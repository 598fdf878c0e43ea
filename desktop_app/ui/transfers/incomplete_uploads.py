"""The maintenance view: unfinished multipart uploads on the server, and aborting them.

Interrupted uploads keep their parts on the server (and use space) until someone completes or
aborts them. This lists them for one bucket with their age and stored size; the user picks
which to abort. Uploads this app is still running are never aborted from here.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
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
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

COLUMNS = (
    QT_TRANSLATE_NOOP("IncompleteUploads", "Object"),
    QT_TRANSLATE_NOOP("IncompleteUploads", "Started"),
    QT_TRANSLATE_NOOP("IncompleteUploads", "Age"),
    QT_TRANSLATE_NOOP("IncompleteUploads", "Stored"))


def human_age(started: datetime | None, now: datetime) -> str:
    if started is None:
        return ""
    seconds = max(0, int((now - started).total_seconds()))
    if seconds < 3600:
        return translate("IncompleteUploads", "{value} min").format(value=seconds // 60)
    if seconds < 86400:
        return f"{seconds // 3600} h"
    return translate("IncompleteUploads", "{value} days").format(value=seconds // 86400)


class IncompleteUploadsDialog(QDialog):
    def __init__(self, engine: QueueEngine, runner: TaskRunner, bucket: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incompleteUploadsDialog")
        self.setWindowTitle(translate(
            "IncompleteUploadsDialog", "Unfinished uploads in “{bucket}”").format(bucket=bucket))
        self.resize(720, 360)
        self.engine, self.runner, self.bucket = engine, runner, bucket
        self.uploads: list[MultipartUploadInfo] = []
        self._generation = 0
        self.status = QLabel(translate("IncompleteUploadsDialog", "Loading…"), self)
        self.status.setObjectName("incompleteUploadsStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("incompleteUploadsTable")
        self.table.setHorizontalHeaderLabels([translate("IncompleteUploads", c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.abort_button = QPushButton(translate(
            "IncompleteUploadsDialog", "Abort selected"), self)
        self.abort_button.setObjectName("abortUploadsButton")
        self.refresh_button = QPushButton(translate("IncompleteUploadsDialog", "Refresh"), self)
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
        self.status.setText(translate("IncompleteUploadsDialog", "Loading…"))
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
        total, count = sum(u.size for u in found), len(found)
        self.status.setText(
            translate(
                "IncompleteUploadsDialog",
                "{found} unfinished upload(s) holding {total}. Aborting one deletes its "
                "stored parts; the upload cannot be resumed afterwards.", "", count).format(
                found=len(found),
                total=human_size(total),
            ) if found else translate(
                "IncompleteUploadsDialog", "No unfinished uploads in this bucket.")
        )

    def _failed(self, error: AppError) -> None:
        self.status.setText(error.user_text())

    def abort_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        chosen = [self.uploads[r] for r in rows if r < len(self.uploads)]
        if not chosen:
            self.status.setText(translate(
                "IncompleteUploadsDialog", "Select the uploads to abort first."))
            return
        self.status.setText(translate("IncompleteUploadsDialog", "Aborting…"))
        self.runner.submit(
            self.engine.abort_uploads, chosen,
            on_success=lambda _n: self.reload(), on_error=self._failed, context=self,
        )
