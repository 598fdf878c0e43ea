"""Small widgets around the transfer queue: the progress-bar delegate, the status-bar
summary, the ETA text and what a row's verification means."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from desktop_app.core.humanize import human_size
from desktop_app.transfers.rows import TransferView
from desktop_app.transfers.state import State
from desktop_app.ui.shell.i18n import translate

AnyIndex = QModelIndex | QPersistentModelIndex
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1
BAR_MARGIN = 2  # px above and below the progress bar in its cell
QUEUE_ROWS = 8  # rows the Transfers dock shows at first


def human_eta(seconds: float) -> str:
    if seconds < 1:
        return "<1 s"
    s = int(seconds)
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return translate(
            "Widgets", "{value} min {value2:02d} s").format(value=s // 60, value2=s % 60)
    return translate(
        "Widgets", "{value} h {value2:02d} min").format(value=s // 3600, value2=(s % 3600) // 60)


def percent_of(view: TransferView) -> int:
    """The progress bar's value: 100 once done (a size-0 file too), else bytes done."""
    if view.state is State.DONE:
        return 100
    if view.size <= 0:
        return 0
    return min(100, int(view.done_bytes * 100 / view.size))


def verified_text(verified_by: str) -> str:
    """A finished row's Details: how its bytes were checked (failed rows show the error)."""
    if not verified_by:
        return ""
    if verified_by.startswith("unverified"):
        return translate("QueueModel", "Not verified (size only)")
    return translate("QueueModel", "Verified by {verified_by}").format(verified_by=verified_by)


def verified_tip(verified_by: str) -> str:
    """What the verification in Details means, for its tooltip."""
    if verified_by.startswith("unverified"):
        return translate(
            "QueueModel",
            "The server keeps no checksum for this object: only its size was checked.")
    return translate(
        "QueueModel",
        "Checked with {verified_by}: the bytes match what the server keeps.").format(
        verified_by=verified_by,
    )



class ProgressDelegate(QStyledItemDelegate):
    """Paints the Progress column as a progress bar, in rows tall enough for its "42 %"
    (a plain text row cut the bar's label in half)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        hint = super().sizeHint(option, index)
        needed = option.fontMetrics.height() + 2 * (BAR_MARGIN + 2)  # type: ignore[attr-defined]
        return QSize(hint.width(), max(hint.height(), needed))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        value = index.data(PROGRESS_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(option.rect.adjusted(  # type: ignore[attr-defined]
            2, BAR_MARGIN, -2, -BAR_MARGIN))
        bar.minimum, bar.maximum, bar.progress = 0, 100, int(value)
        bar.text = f"{int(value)} %"
        bar.textVisible = True
        style = QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


def queue_height(view: QTreeView, toolbar: QWidget, rows: int = QUEUE_ROWS) -> int:
    """The dock's first height: its toolbar, the header and `rows` progress rows (about four
    showed before, too few to watch a batch), plus the dock's title and the tab bar it shares
    with the Jobs panel."""
    line = view.fontMetrics().height()
    row = line + 2 * (BAR_MARGIN + 2) + 2
    header = view.header().sizeHint().height()
    return toolbar.sizeHint().height() + header + rows * row + 2 * (line + 12)


class TransferStatus(QWidget):
    """Overall progress for the status bar: hidden while nothing is queued."""

    def __init__(self, model: QObject, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferStatus")
        self.label = QLabel(self)
        self.label.setObjectName("transferStatusLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("transferStatusBar")
        self.bar.setRange(0, 1000)
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        model.overall_changed.connect(self.update_overall)  # type: ignore[attr-defined]
        self.setVisible(False)

    def update_overall(self, done: int, total: int, active: int) -> None:
        if active == 0:
            self.setVisible(False)
            return
        self.setVisible(True)
        share = done / total if total else 0.0
        self.bar.setValue(int(share * 1000))
        self.label.setText(
            translate(
                "TransferStatus",
                "{active} transfer(s): {done} of {total} ({value:.0f} %)", "", active).format(
                active=active,
                done=human_size(done),
                total=human_size(total),
                value=share * 100,
            )
        )
