"""The transfer queue dock: one row per transfer, fed by the engine.

The model never listens to per-chunk progress: a QTimer polls `engine.snapshot()` a few times a
second and emits one `dataChanged` for the changed span (qutebrowser's downloads model does the
same). Speed is a smoothed average of the byte deltas between ticks; ETA follows from it.
Pause / resume / cancel / retry act on the selected rows, or on all rows when none is selected.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.humanize import human_size
from desktop_app.transfers.engine import TransferEngine, TransferView
from desktop_app.transfers.state import Direction, State
from desktop_app.ui.transfer_widgets import (  # noqa: F401 - TransferStatus is re-exported
    PROGRESS_ROLE,
    ProgressDelegate,
    TransferStatus,
    human_eta,
)

AnyIndex = QModelIndex | QPersistentModelIndex
QUEUE_COLUMNS = ("Direction", "Name", "Size", "Progress", "Speed", "ETA", "State", "Error")
REFRESH_MS = 250
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_SMOOTHING = 0.3
_ARROWS = {Direction.UPLOAD: "↑ Upload", Direction.DOWNLOAD: "↓ Download"}


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """The totals shown on a batch row."""

    direction: Direction
    count: int
    size: int
    done: int
    speed: float
    state: str
    failed: int
    active: bool


class TransferQueueModel(QAbstractItemModel):
    """Batches (one per drop or download) with their transfers as children.

    Mirrors `engine.snapshot()` on a timer; `overall_changed(done, total, active)` per refresh,
    `batch_finished(batch, failed, had_uploads)` once per batch that ends.
    """

    overall_changed = Signal(int, int, int)
    batch_finished = Signal(int, int, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine: TransferEngine | None = None
        self._batches: list[int] = []
        self._batch_row: dict[int, int] = {}
        self._children: dict[int, list[TransferView]] = {}
        self._summary: dict[int, BatchSummary] = {}
        self._speed: dict[int, float] = {}
        self._last: dict[int, tuple[int, float]] = {}
        self._open_batches: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

    # -- engine --------------------------------------------------------------------------
    @property
    def engine(self) -> TransferEngine | None:
        return self._engine

    def set_engine(self, engine: TransferEngine | None) -> None:
        self.beginResetModel()
        self._engine = engine
        self._batches, self._batch_row, self._children, self._summary = [], {}, {}, {}
        self._speed.clear()
        self._last.clear()
        self.endResetModel()
        if engine is None:
            self._timer.stop()
        else:
            self._timer.start()
            self.refresh()

    def stop(self) -> None:
        self._timer.stop()

    def refresh(self) -> None:
        """One coalesced update: new rows inserted, changed rows repainted in few signals."""
        engine = self._engine
        if engine is None:
            return
        snapshot = engine.snapshot()
        self._update_speeds(snapshot, time.monotonic())
        groups: dict[int, list[TransferView]] = {}
        for view in snapshot:
            groups.setdefault(view.batch, []).append(view)
        order = list(groups)
        incremental = order[: len(self._batches)] == self._batches and all(
            [v.id for v in groups[b][: len(self._children[b])]]
            == [v.id for v in self._children[b]]
            for b in self._batches
        )
        if not incremental:
            self.beginResetModel()
            self._set(order, groups)
            self.endResetModel()
        else:
            for batch in self._batches:
                old, new = len(self._children[batch]), len(groups[batch])
                if new > old:
                    parent = self.index(self._batch_row[batch], 0)
                    self.beginInsertRows(parent, old, new - 1)
                    self._children[batch] = groups[batch]
                    self.endInsertRows()
                else:
                    self._children[batch] = groups[batch]
            known = len(self._batches)
            self._summarise(groups)
            if len(order) > known:
                self.beginInsertRows(QModelIndex(), known, len(order) - 1)
                self._set(order, groups)
                self.endInsertRows()
            last_column = len(QUEUE_COLUMNS) - 1
            if known:
                self.dataChanged.emit(self.index(0, 0), self.index(known - 1, last_column))
            for batch in self._batches[:known]:
                count = len(self._children[batch])
                if count:
                    parent = self.index(self._batch_row[batch], 0)
                    self.dataChanged.emit(self.index(0, 0, parent),
                                          self.index(count - 1, last_column, parent))
        self._emit_overall()

    def _set(self, order: list[int], groups: dict[int, list[TransferView]]) -> None:
        self._batches = order
        self._batch_row = {b: row for row, b in enumerate(order)}
        self._children = groups
        self._summarise(groups)

    def _summarise(self, groups: dict[int, list[TransferView]]) -> None:
        summary: dict[int, BatchSummary] = {}
        for batch, views in groups.items():
            counted = [v for v in views if v.state not in (State.SKIPPED, State.CANCELLED)]
            states = {v.state for v in views}
            failed = sum(v.state is State.FAILED for v in views)
            active = any(not v.state.finished and v.state is not State.PAUSED for v in views)
            if active:
                label = "Running"
            elif State.PAUSED in states:
                label = "Paused"
            elif failed:
                label = f"{failed} failed"
            else:
                label = "Done" if State.DONE in states else views[0].state.value.capitalize()
            summary[batch] = BatchSummary(
                direction=views[0].direction, count=len(views),
                size=sum(v.size for v in counted),
                done=sum(v.size if v.state is State.DONE else min(v.done_bytes, v.size)
                         for v in counted),
                speed=sum(self._speed.get(v.id, 0.0) for v in views),
                state=label, failed=failed, active=active,
            )
        self._summary = summary

    def _update_speeds(self, snapshot: list[TransferView], now: float) -> None:
        for view in snapshot:
            if view.state is not State.RUNNING:
                self._speed.pop(view.id, None)
                self._last.pop(view.id, None)
                continue
            last = self._last.get(view.id)
            self._last[view.id] = (view.done_bytes, now)
            if last is None or now <= last[1]:
                continue
            rate = max(0.0, (view.done_bytes - last[0]) / (now - last[1]))
            old = self._speed.get(view.id)
            self._speed[view.id] = rate if old is None else old + _SMOOTHING * (rate - old)

    def _emit_overall(self) -> None:
        done = sum(s.done for s in self._summary.values())
        total = sum(s.size for s in self._summary.values())
        active = sum(
            sum(not v.state.finished and v.state is not State.PAUSED for v in views)
            for views in self._children.values()
        )
        self.overall_changed.emit(done, total, active)
        for batch, views in self._children.items():
            if not all(v.state.finished for v in views):
                self._open_batches.add(batch)
            elif batch in self._open_batches:
                self._open_batches.discard(batch)
                self.batch_finished.emit(batch, self._summary[batch].failed,
                                         any(v.direction is Direction.UPLOAD for v in views))

    # -- lookups -------------------------------------------------------------------------
    def ids_for(self, indexes: list[QModelIndex] | None = None) -> list[int]:
        """Transfer ids for batch and transfer rows (a batch row means all of its items)."""
        if indexes is None:
            return [v.id for b in self._batches for v in self._children[b]]
        ids: list[int] = []
        for index in indexes:
            batch = index.internalId()
            if batch == 0 and 0 <= index.row() < len(self._batches):
                ids += [v.id for v in self._children[self._batches[index.row()]]]
            elif batch in self._children and 0 <= index.row() < len(self._children[batch]):
                ids.append(self._children[batch][index.row()].id)
        return list(dict.fromkeys(ids))

    def transfers(self) -> list[TransferView]:
        return [v for b in self._batches for v in self._children[b]]

    def transfer_index(self, transfer_id: int, column: int = 0) -> QModelIndex:
        for batch in self._batches:
            for row, view in enumerate(self._children[batch]):
                if view.id == transfer_id:
                    return self.index(row, column, self.index(self._batch_row[batch], 0))
        return QModelIndex()

    # -- Qt model ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        if parent.internalId() == 0:
            return self.createIndex(row, column, self._batches[parent.row()])
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        batch = index.internalId()
        if batch == 0 or batch not in self._batch_row:
            return QModelIndex()
        return self.createIndex(self._batch_row[batch], 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._batches)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._children[self._batches[parent.row()]])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(QUEUE_COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        batch = index.internalId()
        if batch == 0:
            if not 0 <= index.row() < len(self._batches):
                return None
            return self._batch_data(self._batches[index.row()], index.column(), role)
        views = self._children.get(batch, [])
        if not 0 <= index.row() < len(views):
            return None
        return self._item_data(views[index.row()], index.column(), role)

    def _batch_data(self, batch: int, column: int, role: int) -> Any:
        s = self._summary[batch]
        if role == PROGRESS_ROLE:
            return 100 if s.size == 0 and not s.active else (
                min(100, int(s.done * 100 / s.size)) if s.size else 0)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return _ARROWS[s.direction]
            if column == 1:
                return f"Batch {batch}: {s.count} item{'s' if s.count != 1 else ''}"
            if column == 2:
                return human_size(s.size)
            if column == 3:
                return f"{self._batch_data(batch, column, PROGRESS_ROLE)} %"
            if column == 4:
                return f"{human_size(int(s.speed))}/s" if s.active and s.speed else ""
            if column == 5:
                return human_eta((s.size - s.done) / s.speed) if s.active and s.speed else ""
            if column == 6:
                return s.state
            if column == 7:
                return f"{s.failed} failed" if s.failed else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _item_data(self, view: TransferView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(view, column)
        if role == PROGRESS_ROLE:
            return self._percent(view)
        if role == ID_ROLE:
            return view.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return f"{view.bucket}/{view.key}\n{view.local_path}"
            if column == 7 and view.error:
                return view.error
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _percent(self, view: TransferView) -> int:
        if view.state is State.DONE:
            return 100
        if view.size <= 0:
            return 0
        return min(100, int(view.done_bytes * 100 / view.size))

    def _display(self, view: TransferView, column: int) -> str:
        if column == 0:
            return _ARROWS[view.direction]
        if column == 1:
            return view.name
        if column == 2:
            return human_size(view.size)
        if column == 3:
            return f"{self._percent(view)} %"
        speed = self._speed.get(view.id, 0.0)
        if column == 4:
            return f"{human_size(int(speed))}/s" if view.state is State.RUNNING else ""
        if column == 5:
            if view.state is not State.RUNNING or speed <= 0:
                return ""
            return human_eta(max(0, view.size - view.done_bytes) / speed)
        if column == 6:
            return view.state.value.capitalize()
        if column == 7:
            return view.error.splitlines()[0] if view.error else ""
        return ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QUEUE_COLUMNS[section]
        return None


class TransferQueue(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Transfers", parent)
        self.setObjectName("transferQueue")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.queue_model = TransferQueueModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("transferQueueView")
        self.view.setRootIsDecorated(True)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self.view.setModel(self.queue_model)
        self.view.setItemDelegateForColumn(3, ProgressDelegate(self.view))
        self.queue_model.rowsInserted.connect(self._expand_new_batches)
        header = self.view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in ((0, 80), (2, 80), (3, 140), (4, 90), (5, 70), (6, 90), (7, 180)):
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
        self.toolbar = QToolBar("Transfers", self)
        self.toolbar.setObjectName("transferToolBar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        specs = (
            ("actionTransferPause", "Pause", "Pause the selected transfers (all if none)",
             self.pause),
            ("actionTransferResume", "Resume", "Resume the selected transfers (all if none)",
             self.resume),
            ("actionTransferCancel", "Cancel", "Cancel the selected transfers (all if none)",
             self.cancel),
            ("actionTransferRetry", "Retry", "Retry the selected failed transfers (all if none)",
             self.retry),
            ("actionTransferClear", "Clear finished", "Remove finished rows from the list",
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
    def engine(self) -> TransferEngine | None:
        return self.queue_model.engine

    def set_engine(self, engine: TransferEngine | None) -> None:
        self.queue_model.set_engine(engine)

    def _expand_new_batches(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.view.expand(self.queue_model.index(row, 0))

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
