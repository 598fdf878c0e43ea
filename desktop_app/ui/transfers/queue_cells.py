"""The transfer queue's cell texts, tips and alignments, made for the one cell a view asks
for (a painted row asks for each of its cells): batch rows show their totals, transfer rows
their own progress, speed, state and how they were verified."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from desktop_app.core.humanize import human_size
from desktop_app.transfers.rows import TransferView
from desktop_app.transfers.state import Direction, State
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.transfers.batches import Batch
from desktop_app.ui.transfers.widgets import (
    PROGRESS_ROLE,
    human_eta,
    percent_of,
    verified_text,
    verified_tip,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 2
_ARROWS = {
    Direction.UPLOAD: QT_TRANSLATE_NOOP("QueueModel", "↑ Upload"),
    Direction.DOWNLOAD: QT_TRANSLATE_NOOP("QueueModel", "↓ Download"),
}
DIRECTION_LABELS = tuple(_ARROWS.values())  # source texts: translate before measuring
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def batch_data(batch: Batch, column: int, role: int, speed: float) -> Any:
    """A batch row's cell for `role`; `speed` is the batch's, in bytes a second."""
    if role == PROGRESS_ROLE:
        if not batch.size:
            return 0 if batch.active else 100
        return min(100, int(batch.done * 100 / batch.size))
    if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 4, 5):
        return _RIGHT
    if role != Qt.ItemDataRole.DisplayRole:
        return None
    count = len(batch.rows)
    texts = {
        0: translate("QueueModel", _ARROWS[batch.direction]),
        1: translate(
            "TransferQueueModel",
            "Batch {number}: {count} item(s)", "", count).format(
            number=batch.number,
            count=count,
        ),
        2: human_size(batch.size),
        3: f"{batch_data(batch, column, PROGRESS_ROLE, speed)} %",
        4: f"{human_size(int(speed))}/s" if speed else "",
        5: human_eta((batch.size - batch.done) / speed) if speed else "",
        6: batch.state_text(),
        7: translate(
            "TransferQueueModel",
            "{failed} failed").format(failed=batch.failed) if batch.failed else "",
    }
    return texts.get(column, "")


def item_data(view: TransferView, column: int, role: int, speed: float) -> Any:
    """A transfer row's cell for `role`; `speed` is the row's, 0 unless it runs."""
    if role == Qt.ItemDataRole.DisplayRole:
        return _display(view, column, speed)
    if role == PROGRESS_ROLE:
        return percent_of(view)
    if role == ID_ROLE:
        return view.id
    if role == Qt.ItemDataRole.ToolTipRole:
        if column == 1:
            return f"{view.bucket}/{view.key}\n{view.source or view.local_path}"
        if column == 7 and view.error:
            return view.error
        if column == 7 and view.verified_by:
            return verified_tip(view.verified_by)
    if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 4, 5):
        return _RIGHT
    return None


def _display(view: TransferView, column: int, speed: float) -> str:
    """One cell's text: a painted row asks for each cell, so only that one is made."""
    running = view.state is State.RUNNING
    if column == 0:
        return translate("QueueModel", _ARROWS[view.direction])
    if column in (1, 2, 3):
        return (view.name, human_size(view.size), f"{percent_of(view)} %")[column - 1]
    if column in (4, 5):
        if column == 4:
            return f"{human_size(int(speed))}/s" if running else ""
        return human_eta(max(0, view.size - view.done_bytes) / speed) if speed > 0 else ""
    if column == 6:
        return view.phase if running and view.phase else view.state.value.capitalize()
    if column == 7:
        return view.error.splitlines()[0] if view.error else verified_text(view.verified_by)
    return ""
