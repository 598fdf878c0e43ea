"""The transfer queue dock: batches and their transfers, fed by the engine through
`TransferQueueModel` (timer-coalesced, see `transfer_queue_model.py`).

Pause / resume / cancel / retry act on the selected rows (a batch row means all its items), or
on everything when nothing is selected; "Clear finished" drops done, skipped and cancelled rows.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.transfers.engine_process import QueueEngine
from desktop_app.transfers.state import PHASES, State
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.transfers.queue_cells import DIRECTION_LABELS
from desktop_app.ui.transfers.queue_model import QUEUE_COLUMNS, TransferQueueModel
from desktop_app.ui.transfers.widgets import ProgressDelegate, TransferStatus

# A batch with more rows starts closed; its batch row shows its totals all the same.
AUTO_EXPAND_ROWS = 1000

__all__ = ["QUEUE_COLUMNS", "TransferQueue", "TransferQueueModel", "TransferStatus"]


def direction_width(view: QTreeView) -> int:
    """Wide enough for "↓ Download" on an item row: the batch's indent, the expander's
    room and the cell's padding come before the text."""
    text = max(view.fontMetrics().horizontalAdvance(translate("QueueModel", label))
               for label in DIRECTION_LABELS)
    return text + 2 * view.indentation() + 16


def state_width(view: QTreeView) -> int:
    """Wide enough for every state and phase a row can show ("Checksumming" was cut)."""
    labels = [state.value.capitalize() for state in State] + list(PHASES)
    return max(view.fontMetrics().horizontalAdvance(label) for label in labels) + 16


class TransferQueue(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("TransferQueue", "Transfers"), parent)
        self.setObjectName("transferQueue")
        self.setAccessibleName(translate("TransferQueue", "Transfers"))
        self.setAccessibleDescription(translate(
            "TransferQueue", "Uploads and downloads, by batch, with their progress"))
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.queue_model = TransferQueueModel(self)
        self.queue_model.rows_on_screen = self.rows_on_screen
        self.view = QTreeView(self)
        self.view.setObjectName("transferQueueView")
        self.view.setAccessibleName(translate("TransferQueue", "Transfer queue"))
        self.view.setAccessibleDescription(translate(
            "TransferQueue", "Uploads and downloads, by batch, with their progress"))
        self.view.setRootIsDecorated(True)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self.view.setModel(self.queue_model)
        self.view.setItemDelegateForColumn(3, ProgressDelegate(self.view))
        self._opened: set[int] = set()  # batches opened here, not by the user
        self.queue_model.rowsInserted.connect(self._expand_new_batches)
        self.queue_model.modelReset.connect(self._opened.clear)
        header = self.view.header()
        header.setStretchLastSection(True)
        # Name and Error share the spare width: an error cut to "The server at http://1…"
        # says nothing, and the whole text is what the user needs to act on.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in ((0, direction_width(self.view)), (2, 80), (3, 140), (4, 90),
                              (5, 70), (6, state_width(self.view))):
            self.view.setColumnWidth(column, width)
        self._build_actions()
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        self.setWidget(body)

    def _build_actions(self) -> None:
        self.toolbar = QToolBar(translate("TransferQueue", "Transfers"), self)
        self.toolbar.setObjectName("transferToolBar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        specs = (
            ("actionTransferPause", translate(
                "TransferQueue", "Pause"), translate(
                "TransferQueue", "Pause the selected transfers (all if none)"),
             self.pause),
            ("actionTransferResume", translate(
                "TransferQueue", "Resume"), translate(
                "TransferQueue", "Resume the selected transfers (all if none)"),
             self.resume),
            ("actionTransferCancel", translate(
                "TransferQueue", "Cancel"), translate(
                "TransferQueue", "Cancel the selected transfers (all if none)"),
             self.cancel),
            ("actionTransferRetry", translate(
                "TransferQueue", "Retry"), translate(
                "TransferQueue", "Retry the selected failed transfers (all if none)"),
             self.retry),
            ("actionTransferClear", translate(
                "TransferQueue", "Clear finished"), translate(
                "TransferQueue", "Remove finished rows from the list"),
             self.clear_finished),
        )
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, tip, slot in specs:
            action = QAction(text, self)
            action.setObjectName(name)
            action.setToolTip(tip)
            action.triggered.connect(slot)
            self.toolbar.addAction(action)
            self.view.addAction(action)
            self.actions_by_name[name] = action
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    # -- engine --------------------------------------------------------------------------
    @property
    def engine(self) -> QueueEngine | None:
        return self.queue_model.engine

    def set_engine(self, engine: QueueEngine | None) -> None:
        self.queue_model.set_engine(engine)

    def rows_on_screen(self, number: int) -> tuple[int, int] | None:
        """The first and last rows of batch `number` the view shows now, None when none:
        the model announces changes of those rows only. For each row of a changed span a
        view on screen asked the model for an index (8 per row in a closed batch) to learn
        it had nothing to paint: most of a refresh's cost with the list on screen."""
        model = self.queue_model
        row = model.batch_position(number)
        if row is None:
            return None
        parent = model.index(row, 0)
        count = model.rowCount(parent)
        view = self.view
        if not view.isVisible():
            return 0, count - 1  # a hidden view looks at nothing: all rows cost it no work
        if not view.isExpanded(parent):
            return None
        area = view.viewport().rect()
        top = _place(view.indexAt(area.topLeft()))
        bottom = _place(view.indexAt(area.bottomLeft()))
        if top is None or top[0] > row:
            return None  # nothing shown, or the batch is above the top of the list
        first = 0 if top[0] < row else max(top[1], 0)
        if bottom is None or bottom[0] > row:
            last = count - 1  # the list ends on screen, or a later batch is at the bottom
        elif bottom[0] == row:
            last = bottom[1]  # -1 when only the batch's own row is on screen
        else:
            return None  # the batch starts below the bottom of the list
        return (first, last) if first <= last else None

    def _expand_new_batches(self, parent: QModelIndex, first: int, last: int) -> None:
        """New batches open, big ones excepted: after each insert into an open batch the
        tree view lays out every row it shows again (50-90 ms for 10,000 rows here), so a
        batch that grows past `AUTO_EXPAND_ROWS` is closed again unless the user opened it."""
        model = self.queue_model
        if parent.isValid():
            number = model.batch_number(parent)
            if number in self._opened and model.rowCount(parent) > AUTO_EXPAND_ROWS:
                self._opened.discard(number)
                self.view.collapse(parent)
            return
        for row in range(first, last + 1):
            index = model.index(row, 0)
            number = model.batch_number(index)
            if model.rows_known(number) <= AUTO_EXPAND_ROWS:
                self._opened.add(number)
                self.view.expand(index)
        self.follow(model.index(first, 0))

    def follow(self, batch: QModelIndex) -> None:
        """A new batch comes into sight at the top of the list and becomes the current row
        (the keyboard starts there). The selection is left alone: Pause, Cancel and Retry
        act on the selection, or on everything when none, and a selection made for the user
        would quietly narrow them to this batch."""
        self.view.scrollTo(batch, QAbstractItemView.ScrollHint.PositionAtTop)
        self.view.selectionModel().setCurrentIndex(
            batch, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _selected_ids(self) -> list[int] | None:
        rows = self.view.selectionModel().selectedRows()
        return self.queue_model.ids_for(rows) if rows else None

    def pause(self) -> None:
        if self.engine is not None:
            self.engine.pause(self._selected_ids())
            self.queue_model.refresh()

    def resume(self) -> None:
        if self.engine is not None:
            self.engine.resume(self._selected_ids())
            self.queue_model.refresh()

    def cancel(self) -> None:
        if self.engine is not None:
            self.engine.cancel(self._selected_ids())
            self.queue_model.refresh()

    def retry(self) -> None:
        if self.engine is not None:
            self.engine.retry(self._selected_ids())
            self.queue_model.refresh()

    def clear_finished(self) -> None:
        if self.engine is not None:
            self.engine.clear_finished()
            self.queue_model.refresh()

    def shutdown(self) -> None:
        """Stop polling and pause the engine (the journal keeps the queue for next start)."""
        self.queue_model.stop()
        engine = self.engine
        if engine is not None:
            engine.shutdown(wait=False)


def _place(index: QModelIndex) -> tuple[int, int] | None:
    """(batch row, transfer row) of a view index: -1 for a batch's own row; None if none."""
    if not index.isValid():
        return None
    parent = index.parent()
    if parent.isValid():
        return parent.row(), index.row()
    return index.row(), -1
