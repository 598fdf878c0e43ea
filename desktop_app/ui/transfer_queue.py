"""The transfer queue dock: one row per transfer, fed by the engine.

The model never listens to per-chunk progress: a QTimer polls `engine.snapshot()` a few times a
second and emits one `dataChanged` for the changed span (qutebrowser's downloads model does the
same). Speed is a smoothed average of the byte deltas between ticks; ETA follows from it.
Pause / resume / cancel / retry act on the selected rows, or on all rows when none is selected.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.humanize import human_size
from desktop_app.transfers.engine import TransferEngine, TransferView
from desktop_app.transfers.state import Direction, State

AnyIndex = QModelIndex | QPersistentModelIndex
QUEUE_COLUMNS = ("Direction", "Name", "Size", "Progress", "Speed", "ETA", "State", "Error")
REFRESH_MS = 250
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_SMOOTHING = 0.3
_ARROWS = {Direction.UPLOAD: "↑ Upload", Direction.DOWNLOAD: "↓ Download"}


def human_eta(seconds: float) -> str:
    if seconds < 1:
        return "<1 s"
    s = int(seconds)
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {(s % 3600) // 60:02d} min"


class TransferQueueModel(QAbstractTableModel):
    """Rows mirror `engine.snapshot()`; `overall_changed(done, total, active)` per refresh."""

    overall_changed = Signal(int, int, int)
    batch_finished = Signal(int, int, bool)  # batch number, failed count, had uploads

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine: TransferEngine | None = None
        self._rows: list[TransferView] = []
        self._row_of: dict[int, int] = {}
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
        self._rows, self._row_of = [], {}
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
        """One coalesced update: new rows inserted, changed rows repainted in one signal."""
        engine = self._engine
        if engine is None:
            return
        snapshot = engine.snapshot()
        ids = [v.id for v in snapshot]
        known = [v.id for v in self._rows]
        now = time.monotonic()
        self._update_speeds(snapshot, now)
        if ids[: len(known)] == known:
            if len(ids) > len(known):
                self.beginInsertRows(QModelIndex(), len(known), len(ids) - 1)
                self._rows = snapshot
                self._row_of = {tid: row for row, tid in enumerate(ids)}
                self.endInsertRows()
            else:
                self._rows = snapshot
            if known:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(known) - 1, len(QUEUE_COLUMNS) - 1))
        else:  # rows were cleared: rebuild
            self.beginResetModel()
            self._rows = snapshot
            self._row_of = {tid: row for row, tid in enumerate(ids)}
            self.endResetModel()
        self._emit_overall()

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
        done = total = active = 0
        batches: dict[int, list[TransferView]] = {}
        for view in self._rows:
            batches.setdefault(view.batch, []).append(view)
            if view.state in (State.SKIPPED, State.CANCELLED):
                continue
            total += view.size
            done += view.size if view.state is State.DONE else min(view.done_bytes, view.size)
            if not view.state.finished and view.state is not State.PAUSED:
                active += 1
        self.overall_changed.emit(done, total, active)
        for batch, views in batches.items():
            finished = all(v.state.finished for v in views)
            if not finished:
                self._open_batches.add(batch)
            elif batch in self._open_batches:
                self._open_batches.discard(batch)
                self.batch_finished.emit(batch, sum(v.state is State.FAILED for v in views),
                                         any(v.direction is Direction.UPLOAD for v in views))

    def ids(self, rows: list[int] | None = None) -> list[int]:
        if rows is None:
            return [v.id for v in self._rows]
        return [self._rows[r].id for r in rows if 0 <= r < len(self._rows)]

    def view(self, row: int) -> TransferView:
        return self._rows[row]

    # -- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(QUEUE_COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        view = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(view, column)
        if role == PROGRESS_ROLE:
            return self._percent(view)
        if role == ID_ROLE:
            return view.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                where = f"{view.bucket}/{view.key}"
                return f"{where}\n{view.local_path}"
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


class ProgressDelegate(QStyledItemDelegate):
    """Paints the Progress column as a progress bar."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        value = index.data(PROGRESS_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(option.rect.adjusted(2, 3, -2, -3))  # type: ignore[attr-defined]
        bar.minimum, bar.maximum, bar.progress = 0, 100, int(value)
        bar.text = f"{int(value)} %"
        bar.textVisible = True
        style = QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


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
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self.view.setModel(self.queue_model)
        self.view.setItemDelegateForColumn(3, ProgressDelegate(self.view))
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

    def _selected_ids(self) -> list[int] | None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return self.queue_model.ids(rows) if rows else None

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


class TransferStatus(QWidget):
    """Overall progress for the status bar: hidden while nothing is queued."""

    def __init__(self, model: TransferQueueModel, parent: QWidget | None = None) -> None:
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
        model.overall_changed.connect(self.update_overall)
        self.setVisible(False)

    def update_overall(self, done: int, total: int, active: int) -> None:
        if active == 0:
            self.setVisible(False)
            return
        self.setVisible(True)
        share = done / total if total else 0.0
        self.bar.setValue(int(share * 1000))
        self.label.setText(
            f"{active} transfer{'s' if active != 1 else ''}: "
            f"{human_size(done)} of {human_size(total)} ({share * 100:.0f} %)"
        )
