"""The Jobs dock beside Transfers: the job log as a table, the selected job's per-item errors,
and Cancel / Run again.

The log (core/jobs.py) is changed from worker threads; its listener only emits a signal, so
the model is updated on the GUI thread (a queued connection).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.humanize import human_size
from desktop_app.core.jobs import Job, JobLog
from desktop_app.ui.shell.i18n import translate

COLUMNS = (QT_TRANSLATE_NOOP("JobsModel", "State"), QT_TRANSLATE_NOOP("JobsModel", "Job"),
           QT_TRANSLATE_NOOP("JobsModel", "Progress"), QT_TRANSLATE_NOOP("JobsModel", "Counts"),
           QT_TRANSLATE_NOOP("JobsModel", "Started"), QT_TRANSLATE_NOOP("JobsModel", "Ended"),
           QT_TRANSLATE_NOOP("JobsModel", "Errors"))
Index = QModelIndex | QPersistentModelIndex


def when(stamp: float | None) -> str:
    return "" if stamp is None else time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(stamp))


def progress_text(job: Job) -> str:
    """Items, or bytes in words for a job that counts bytes (params "progress_unit")."""
    def amount(n: int) -> str:
        return human_size(n) if job.params.get("progress_unit") == "bytes" else f"{n:,}"
    if job.total:
        return translate(
            "Panel",
            "{done} of {total} ({value}%)").format(
            done=amount(job.done),
            total=amount(job.total),
            value=100 * job.done // job.total,
        )
    return amount(job.done) if job.done else ""


def counts_text(job: Job) -> str:
    """Byte counts in words ("14.0 GiB"), the rest as numbers."""
    return ", ".join(f"{name.replace('bytes', '').strip() or 'size'} {human_size(value)}"
                     if "bytes" in name else f"{name} {value:,}"
                     for name, value in job.counts.items())


class JobsModel(QAbstractTableModel):
    """Newest job first; one row per job."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._jobs: list[Job] = []
        self._rows: dict[str, int] = {}

    def reset(self, jobs: list[Job]) -> None:
        self.beginResetModel()
        self._jobs = list(reversed(jobs))
        self._rows = {job.id: row for row, job in enumerate(self._jobs)}
        self.endResetModel()

    def update(self, job: Job) -> bool:
        """False when the job is not shown yet (the caller reloads the whole list)."""
        row = self._rows.get(job.id)
        if row is None:
            return False
        self._jobs[row] = job
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return True

    def job(self, row: int) -> Job | None:
        return self._jobs[row] if 0 <= row < len(self._jobs) else None

    def row_of(self, job_id: str) -> int | None:
        return self._rows.get(job_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._jobs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("JobsModel", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        job = self.job(index.row())
        if job is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return job.state.label
        if column == 1:
            title = f"{job.title} — {job.target}" if job.target else job.title
            tip = role == Qt.ItemDataRole.ToolTipRole
            return f"{title}: {job.message}" if job.message and tip else title
        texts = (progress_text(job), counts_text(job), when(job.started), when(job.ended),
                 f"{job.error_count:,}" if job.error_count else "")
        return texts[column - 2]


class JobsPanel(QDockWidget):
    changed = Signal(str)  # a job id, emitted from any thread

    def __init__(self, log_source: Callable[[], JobLog | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("JobsPanel", "Jobs"), parent)
        self.setObjectName("jobsPanel")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self._log_source = log_source
        self._log: JobLog | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self.model = JobsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("jobsView")
        self.view.setAccessibleName(translate("JobsPanel", "Jobs"))
        self.view.setAccessibleDescription(translate(
            "JobsPanel", "Long operations: their state, progress, counts and errors"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        # Compact rows: the dock is a short strip under the table, like the transfer queue.
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 90), (2, 140), (4, 135), (5, 135), (6, 55)):
            self.view.setColumnWidth(column, width)
        self.errors = QPlainTextEdit(self)
        self.errors.setObjectName("jobErrors")
        self.errors.setAccessibleName(translate("JobsPanel", "Errors of the selected job"))
        self.errors.setReadOnly(True)
        self.errors.setPlaceholderText(translate(
            "JobsPanel", "The selected job's errors, one item a line."))
        self.cancel_button = QPushButton(translate("JobsPanel", "Cancel"), self)
        self.cancel_button.setObjectName("jobCancel")
        self.rerun_button = QPushButton(translate("JobsPanel", "Run again"), self)
        self.rerun_button.setObjectName("jobRerun")
        self.rerun_button.setToolTip(
            translate(
                "JobsPanel",
                "Statistics and duplicate searches run again at once; clean-ups, deletes, "
                "copies, moves and emptying a bucket open their question again, filled in"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.rerun_button.clicked.connect(self.rerun_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.rerun_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.errors)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([800, 200])
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.changed.connect(self._on_changed, Qt.ConnectionType.QueuedConnection)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self._show_selected()

    def attach(self) -> JobLog | None:
        """Loads the log once the data folder is known (first show, or first job)."""
        if self._log is None:
            self._log = self._log_source()
            if self._log is not None:
                self._unsubscribe = self._log.subscribe(self.changed.emit)
                self.model.reset(self._log.jobs())
                self._show_selected()
        return self._log

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def showEvent(self, event: QShowEvent) -> None:
        self.attach()
        super().showEvent(event)

    def selected(self) -> Job | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.job(rows[0].row()) if rows else None

    def select(self, job_id: str) -> None:
        row = self.model.row_of(job_id)
        if row is not None:
            self.view.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def cancel_selected(self) -> None:
        job = self.selected()
        if job is not None and self._log is not None:
            self._log.cancel(job.id)

    def rerun_selected(self) -> None:
        job = self.selected()
        if job is None or self._log is None:
            return
        try:
            self._log.rerun(job.id)
        except (KeyError, TypeError, ValueError):  # a record edited or from another version
            self.errors.setPlainText(translate(
                "JobsPanel",
                "This job cannot run again: what it kept to run again is incomplete. Start it "
                "again from its menu."))

    def _on_changed(self, job_id: str) -> None:
        if self._log is None:
            return
        job = self._log.get(job_id)
        if job is None or not self.model.update(job):
            chosen = self.selected()
            self.model.reset(self._log.jobs())
            if chosen is not None:
                self.select(chosen.id)
        self._show_selected()

    def _show_selected(self) -> None:
        job = self.selected()
        log = self._log
        self.cancel_button.setEnabled(job is not None and log is not None
                                      and log.can_cancel(job.id))
        self.rerun_button.setEnabled(job is not None and log is not None
                                     and log.can_rerun(job.id))
        if job is None:
            self.errors.clear()
            return
        lines = [f"{error.item}: {error.message}" for error in job.errors]
        if job.errors_dropped:
            lines.append(translate(
                "JobsPanel",
                "… and {errors_dropped:,} more errors (not kept).").format(
                errors_dropped=job.errors_dropped,
            ))
        if job.message:
            lines.insert(0, job.message)
        text = "\n".join(lines)
        if text != self.errors.toPlainText():
            self.errors.setPlainText(text)

