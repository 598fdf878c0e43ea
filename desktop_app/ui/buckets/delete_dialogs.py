"""The questions and windows of deleting a bucket: a plain confirmation for an empty one;
for one with contents, "Empty and delete" with what it holds and the bucket's name typed
again; the progress of emptying it, with Cancel; and the report of what could not go.

All open with `open()` (awaited by the flow), never a blocking `exec()`.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.buckets.new_bucket_dialog import ERROR_STYLE, fit_height, plain_label
from desktop_app.ui.shell.i18n import translate

POLL_MS = 150


class ConfirmDeleteDialog(QDialog):
    """An empty bucket: one question, Cancel the default."""

    def __init__(self, bucket: str, connection: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deleteBucketDialog")
        self.setWindowTitle(translate("ConfirmDeleteDialog", "Delete bucket"))
        self.setMinimumWidth(420)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        delete = buttons.addButton(translate(
            "ConfirmDeleteDialog", "Delete bucket"), QDialogButtonBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirmDeleteBucket")
        delete.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        cancel.setFocus()
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(
            self, "deleteBucketText",
            translate(
                "ConfirmDeleteDialog",
                "Delete the empty bucket “{bucket}” from {connection}?\n\nIts name may be taken "
                "by someone else afterwards.").format(bucket=bucket, connection=connection),
        ))
        layout.addWidget(buttons)
        fit_height(self)


class EmptyAndDeleteDialog(QDialog):
    """A bucket with contents: what it holds, and its name typed again to go on."""

    def __init__(self, bucket: str, holds: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyAndDeleteDialog")
        self.setWindowTitle(translate("EmptyAndDeleteDialog", "Empty and delete bucket"))
        self.setMinimumWidth(480)
        self.bucket = bucket
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("confirmBucketName")
        self.name_edit.setPlaceholderText(bucket)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.confirm: QPushButton = buttons.addButton(
            translate(
                "EmptyAndDeleteDialog",
                "Empty and delete"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.confirm.setObjectName("confirmEmptyAndDelete")
        self.confirm.setEnabled(False)
        self.confirm.setAutoDefault(False)
        self.confirm.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(
            lambda text: self.confirm.setEnabled(text == self.bucket))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self, "bucketHolds", holds))
        layout.addWidget(plain_label(
            self, "emptyWarning",
            translate(
                "EmptyAndDeleteDialog",
                "Every object, every older version and every unfinished upload in it is removed "
                "for good, then the bucket itself. This cannot be undone."), ERROR_STYLE,
        ))
        layout.addWidget(plain_label(self, "typeNamePrompt",
                                     translate(
                                         "EmptyAndDeleteDialog",
                                         "To confirm, type the bucket's name “{bucket}”:").format(
                                         bucket=bucket,
                                     )))
        layout.addWidget(self.name_edit)
        layout.addWidget(buttons)
        fit_height(self)

    def accept(self) -> None:
        if self.name_edit.text() == self.bucket:  # Enter with a wrong name does nothing
            super().accept()


class EmptyProgress:
    """What the worker reports (removed, total) and the Cancel flag it watches; plain
    numbers written by the worker, read by the dialog's timer, so no signal per batch."""

    def __init__(self) -> None:
        self.removed = 0
        self.total = 0
        self.cancel = threading.Event()

    def update(self, removed: int, total: int) -> None:
        self.removed, self.total = removed, total


class EmptyProgressDialog(QDialog):
    def __init__(self, bucket: str, progress: EmptyProgress,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyProgressDialog")
        self.setWindowTitle(translate(
            "EmptyProgressDialog", "Emptying {bucket}").format(bucket=bucket))
        self.setMinimumWidth(420)
        self.progress = progress
        self.label = plain_label(self, "emptyProgressText")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        p = self.progress
        if p.cancel.is_set():
            self.label.setText(translate(
                "EmptyProgressDialog", "Cancelling… (waiting for the current batch to finish)"))
            return
        if p.total:
            self.bar.setRange(0, p.total)
            self.bar.setValue(min(p.removed, p.total))
            self.label.setText(translate(
                "EmptyProgressDialog",
                "Removed {removed:,} of {total:,} objects and versions…").format(
                removed=p.removed,
                total=p.total,
            ))
        else:
            self.label.setText(translate("EmptyProgressDialog", "Listing what the bucket holds…"))

    def reject(self) -> None:
        """Cancel (or Escape, or closing the window) stops the work at its next batch; the
        dialog stays until the worker has stopped, so what was done can be reported."""
        self.progress.cancel.set()
        self.buttons.setEnabled(False)
        self.refresh()

    def finish(self) -> None:
        self._timer.stop()
        self.hide()
        self.deleteLater()


class EmptyReportDialog(QDialog):
    """Why the bucket is still there: every object that could not be removed, and why."""

    def __init__(self, summary: str, failures: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyReportDialog")
        self.setWindowTitle(translate("EmptyReportDialog", "The bucket was not deleted"))
        self.resize(640, 360)
        self.listing = QPlainTextEdit(self)
        self.listing.setObjectName("emptyFailures")
        self.listing.setReadOnly(True)
        self.listing.setPlainText("\n".join(failures))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self, "emptyReportSummary", summary))
        layout.addWidget(self.listing, 1)
        layout.addWidget(buttons)
