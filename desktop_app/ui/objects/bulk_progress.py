"""A small non-modal progress window for bulk actions, with a Cancel button.

The worker only updates a `Progress` (plain numbers); this dialog polls it a few times per
second, so thousands of deleted keys cost no signals and the GUI thread never stalls.
Cancel sets the shared flag; the worker stops at its next request and reports how far it got.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.humanize import human_size
from desktop_app.storage.bulk_ops import Progress
from desktop_app.ui.shell.i18n import translate

POLL_MS = 150


class BulkProgressDialog(QDialog):
    def __init__(self, title: str, progress: Progress, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkProgressDialog")
        self.setWindowTitle(title)
        self.setModal(False)
        self.progress = progress
        self.label = QLabel(self)
        self.label.setObjectName("bulkProgressText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setMinimumWidth(360)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._finished = False
        self.refresh()

    def refresh(self) -> None:
        p = self.progress
        if p.cancelled:
            self.label.setText(translate(
                "BulkProgressDialog", "Cancelling… (waiting for the current request to finish)"))
            return
        phase = p.phase or translate("BulkProgressDialog", "Working")
        if p.total:
            self.bar.setRange(0, p.total)
            self.bar.setValue(min(p.done, p.total))
            text = translate(
                "BulkProgressDialog",
                "{phase}: {done:,} of {total:,} objects").format(
                phase=phase,
                done=p.done,
                total=p.total,
            )
            if p.bytes_total:
                text += translate(
                    "BulkProgressDialog",
                    " ({bytes_done} of {bytes_total})").format(
                    bytes_done=human_size(p.bytes_done),
                    bytes_total=human_size(p.bytes_total),
                )
        else:
            self.bar.setRange(0, 0)
            text = translate(
                "BulkProgressDialog",
                "{phase}… {done:,} objects so far").format(phase=phase, done=p.done)
            if p.bytes_done:
                text += f", {human_size(p.bytes_done)}"
        self.label.setText(text)

    def cancel(self) -> None:
        self.progress.cancel()
        self.buttons.setEnabled(False)
        self.refresh()

    def reject(self) -> None:  # Escape or the window's close button cancel the work too
        if not self._finished:
            self.cancel()

    def show_later(self, delay_ms: int) -> None:
        """Quick jobs finish before the window would flash up; slow ones show it."""
        QTimer.singleShot(delay_ms, self, self._show_if_running)

    def _show_if_running(self) -> None:
        if not self._finished:
            self.show()

    def finish(self) -> None:
        """Called by the owner when the worker is done (or failed); closes for good."""
        self._finished = True
        self._timer.stop()
        self.hide()
        self.deleteLater()
