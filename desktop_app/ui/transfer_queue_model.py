"""The transfer queue's item model: batches (one per drop or download) with their transfers.

It never listens to per-chunk progress. A QTimer asks the engine a few times a second for what
changed (`engine.changes`): new rows are inserted, changed rows repainted one by one, and each
batch keeps running totals updated by deltas - so a 10,000-file batch costs the GUI thread
only what actually moved (qutebrowser's downloads model refreshes on a timer the same way).
Speed is a smoothed average of byte deltas between ticks; ETA follows from it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
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

from desktop_app.core.humanize import human_size
from desktop_app.transfers.context import WAITING_FOR_SERVER
from desktop_app.transfers.engine_process import QueueEngine
from desktop_app.transfers.rows import TransferView
from desktop_app.transfers.state import Direction, State
from desktop_app.ui.transfer_widgets import PROGRESS_ROLE, human_eta

AnyIndex = QModelIndex | QPersistentModelIndex
QUEUE_COLUMNS = ("Direction", "Name", "Size", "Progress", "Speed", "ETA", "State", "Error")
REFRESH_MS = 250
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_SMOOTHING = 0.3
_ARROWS = {Direction.UPLOAD: "↑ Upload", Direction.DOWNLOAD: "↓ Download"}
DIRECTION_LABELS = tuple(_ARROWS.values())
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _counts(view: TransferView) -> tuple[int, int, int, int, int, int]:
    """A row's share of its batch: size, done, failed, active, paused, unfinished."""
    counted = view.state not in (State.SKIPPED, State.CANCELLED)
    size = view.size if counted else 0
    done = (view.size if view.state is State.DONE else min(view.done_bytes, view.size)) \
        if counted else 0
    return (size, done, int(view.state is State.FAILED),
            int(not view.state.finished and view.state is not State.PAUSED),
            int(view.state is State.PAUSED), int(not view.state.finished))


@dataclass
class _Batch:
    number: int
    direction: Direction
    rows: list[TransferView] = field(default_factory=list)
    totals: list[int] = field(default_factory=lambda: [0, 0, 0, 0, 0, 0])
    uploads: bool = False
    was_open: bool = False

    def add(self, view: TransferView, sign: int = 1) -> None:
        for i, value in enumerate(_counts(view)):
            self.totals[i] += sign * value

    @property
    def size(self) -> int:
        return self.totals[0]

    @property
    def done(self) -> int:
        return self.totals[1]

    @property
    def failed(self) -> int:
        return self.totals[2]

    @property
    def active(self) -> int:
        return self.totals[3]

    def state_text(self) -> str:
        if self.active:
            return "Running"
        if self.totals[4]:
            return "Paused"
        if self.failed:
            return f"{self.failed} failed"
        return "Done" if (self.totals[5] == 0 and any(
            r.state is State.DONE for r in self.rows[:50])) or self.done else "Finished"


class TransferQueueModel(QAbstractItemModel):
    """`overall_changed(done, total, active)` per refresh; `batch_finished(batch, failed,
    had_uploads)` once per batch that ends; `server_unreachable` on a refresh in which a row
    started waiting for the server, `server_back` on one in which a waiting row got through
    (so the window can re-check its connection at once, either way)."""

    overall_changed = Signal(int, int, int)
    batch_finished = Signal(int, int, bool)
    server_unreachable = Signal()
    server_back = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine: QueueEngine | None = None
        self._generation = -1
        self._known = 0
        self._batches: list[_Batch] = []
        self._batch_row: dict[int, int] = {}
        self._pos: dict[int, tuple[int, int]] = {}  # transfer id -> (batch number, row)
        self._speed: dict[int, float] = {}
        self._last: dict[int, tuple[int, float]] = {}
        self._seen_batches: set[int] = set()
        self._primed = False
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

    # -- engine --------------------------------------------------------------------------
    @property
    def engine(self) -> QueueEngine | None:
        return self._engine

    def set_engine(self, engine: QueueEngine | None) -> None:
        if engine is not None and engine is self._engine:
            return  # the same connection again: keep rows and batch states (no lost events)
        self.beginResetModel()
        self._engine = engine
        self._clear()
        self.endResetModel()
        if engine is None:
            self._timer.stop()
        else:
            self._timer.start()
            self.refresh()

    def stop(self) -> None:
        self._timer.stop()

    def _clear(self) -> None:
        self._seen_batches = set()
        self._primed = False  # the first poll after set_engine only learns what exists
        self._generation, self._known = -1, 0
        self._batches, self._batch_row, self._pos = [], {}, {}
        self._speed.clear()
        self._last.clear()

    def refresh(self) -> None:
        """One coalesced update from the engine's changes since the last tick."""
        engine = self._engine
        if engine is None:
            return
        changes = engine.changes(self._known, self._generation)
        if changes.reset:
            self.beginResetModel()
            self._clear()
            self._generation = changes.generation
            self._append(changes.new, signals=False)
            self.endResetModel()
            touched = {b.number for b in self._batches}
        else:
            back = self._got_through(changes.changed)
            touched = self._apply(changes.changed)
            touched |= self._append(changes.new, signals=True)
            if back:
                self.server_back.emit()
        self._update_speeds(changes.changed + changes.new)
        if any(v.state is State.RETRYING and v.error.startswith(WAITING_FOR_SERVER)
               for v in changes.changed):
            self.server_unreachable.emit()
        last_column = len(QUEUE_COLUMNS) - 1
        for number in sorted(touched):
            row = self._batch_row[number]
            self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
        self._emit_overall(touched)

    def _got_through(self, changed: list[TransferView]) -> bool:
        """A row shown as waiting for the server runs or is done now: the server answers."""
        for view in changed:
            where = self._pos.get(view.id)
            if where is None or view.state not in (State.RUNNING, State.DONE):
                continue
            number, row = where
            if self._batches[self._batch_row[number]].rows[row].error.startswith(
                    WAITING_FOR_SERVER):
                return True
        return False

    def _apply(self, changed: list[TransferView]) -> set[int]:
        touched: set[int] = set()
        last_column = len(QUEUE_COLUMNS) - 1
        for view in changed:
            where = self._pos.get(view.id)
            if where is None:
                continue
            number, row = where
            batch = self._batches[self._batch_row[number]]
            batch.add(batch.rows[row], -1)
            batch.add(view)
            batch.rows[row] = view
            touched.add(number)
            parent = self.index(self._batch_row[number], 0)
            self.dataChanged.emit(self.index(row, 0, parent), self.index(row, last_column, parent))
        return touched

    def _append(self, views: list[TransferView], signals: bool) -> set[int]:
        """Add new rows (in engine order), inserting batches and children as needed."""
        touched: set[int] = set()
        groups: dict[int, list[TransferView]] = {}
        for view in views:
            groups.setdefault(view.batch, []).append(view)
        for number, rows in groups.items():
            touched.add(number)
            if number in self._batch_row:
                batch = self._batches[self._batch_row[number]]
                first = len(batch.rows)
                if signals:
                    self.beginInsertRows(self.index(self._batch_row[number], 0), first,
                                         first + len(rows) - 1)
                self._take(batch, rows)
                if signals:
                    self.endInsertRows()
            else:
                batch = _Batch(number, rows[0].direction)
                row = len(self._batches)
                if signals:
                    self.beginInsertRows(QModelIndex(), row, row)
                self._batches.append(batch)
                self._batch_row[number] = row
                self._take(batch, rows)
                if signals:
                    self.endInsertRows()
        self._known += len(views)
        return touched

    def _take(self, batch: _Batch, rows: list[TransferView]) -> None:
        for view in rows:
            self._pos[view.id] = (batch.number, len(batch.rows))
            batch.rows.append(view)
            batch.add(view)
            batch.uploads = batch.uploads or view.direction is Direction.UPLOAD

    def _update_speeds(self, views: list[TransferView]) -> None:
        now = time.monotonic()
        seen = set()
        for view in views:
            seen.add(view.id)
            if view.state is not State.RUNNING:
                self._speed.pop(view.id, None)
                self._last.pop(view.id, None)
                continue
            last = self._last.get(view.id)
            self._last[view.id] = (view.done_bytes, now)
            if last is not None and now > last[1]:
                self._sample(view.id, (view.done_bytes - last[0]) / (now - last[1]))
        for tid in [t for t in self._last if t not in seen]:  # running but silent this tick
            _done, stamp = self._last[tid]
            if now - stamp > 1.0:
                self._sample(tid, 0.0)

    def _sample(self, tid: int, rate: float) -> None:
        old = self._speed.get(tid)
        rate = max(0.0, rate)
        self._speed[tid] = rate if old is None else old + _SMOOTHING * (rate - old)

    def _emit_overall(self, touched: set[int]) -> None:
        self.overall_changed.emit(sum(b.done for b in self._batches),
                                  sum(b.size for b in self._batches),
                                  sum(b.active for b in self._batches))
        for number in sorted(touched):
            batch = self._batches[self._batch_row[number]]
            first_sight = number not in self._seen_batches
            self._seen_batches.add(number)
            if batch.totals[5]:
                batch.was_open = True
            elif batch.was_open or (first_sight and self._primed):
                # A small batch can start and finish between two polls; batches already
                # finished at the first poll were restored from the journal: not news.
                batch.was_open = False
                self.batch_finished.emit(number, batch.failed, batch.uploads)
        self._primed = True

    # -- lookups -------------------------------------------------------------------------
    def batch_rows(self, number: int) -> list[TransferView]:
        """The transfers of batch `number` as last seen (empty when it is not shown)."""
        row = self._batch_row.get(number)
        return list(self._batches[row].rows) if row is not None else []

    def ids_for(self, indexes: list[QModelIndex] | None = None) -> list[int]:
        """Transfer ids for batch and transfer rows (a batch row means all of its items)."""
        if indexes is None:
            return [v.id for b in self._batches for v in b.rows]
        ids: list[int] = []
        for index in indexes:
            number = index.internalId()
            if number == 0 and 0 <= index.row() < len(self._batches):
                ids += [v.id for v in self._batches[index.row()].rows]
            elif number in self._batch_row:
                rows = self._batches[self._batch_row[number]].rows
                if 0 <= index.row() < len(rows):
                    ids.append(rows[index.row()].id)
        return list(dict.fromkeys(ids))

    def transfers(self) -> list[TransferView]:
        return [v for b in self._batches for v in b.rows]

    def transfer_index(self, transfer_id: int, column: int = 0) -> QModelIndex:
        where = self._pos.get(transfer_id)
        if where is None:
            return QModelIndex()
        number, row = where
        return self.index(row, column, self.index(self._batch_row[number], 0))

    # -- Qt model ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        if parent.internalId() == 0:
            return self.createIndex(row, column, self._batches[parent.row()].number)
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        number = index.internalId()
        if number == 0 or number not in self._batch_row:
            return QModelIndex()
        return self.createIndex(self._batch_row[number], 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._batches)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._batches[parent.row()].rows)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(QUEUE_COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        number = index.internalId()
        if number == 0:
            if not 0 <= index.row() < len(self._batches):
                return None
            return self._batch_data(self._batches[index.row()], index.column(), role)
        rows = self._batches[self._batch_row[number]].rows if number in self._batch_row else []
        if not 0 <= index.row() < len(rows):
            return None
        return self._item_data(rows[index.row()], index.column(), role)

    def _batch_speed(self, batch: _Batch) -> float:
        return sum(s for tid, s in self._speed.items() if self._pos[tid][0] == batch.number)

    def _batch_data(self, batch: _Batch, column: int, role: int) -> Any:
        if role == PROGRESS_ROLE:
            if not batch.size:
                return 0 if batch.active else 100
            return min(100, int(batch.done * 100 / batch.size))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 4, 5):
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        count = len(batch.rows)
        speed = self._batch_speed(batch) if column in (4, 5) and batch.active else 0.0
        texts = {
            0: _ARROWS[batch.direction],
            1: f"Batch {batch.number}: {count} item{'s' if count != 1 else ''}",
            2: human_size(batch.size),
            3: f"{self._batch_data(batch, column, PROGRESS_ROLE)} %",
            4: f"{human_size(int(speed))}/s" if speed else "",
            5: human_eta((batch.size - batch.done) / speed) if speed else "",
            6: batch.state_text(),
            7: f"{batch.failed} failed" if batch.failed else "",
        }
        return texts.get(column, "")

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
            return _RIGHT
        return None

    def _percent(self, view: TransferView) -> int:
        if view.state is State.DONE:
            return 100
        if view.size <= 0:
            return 0
        return min(100, int(view.done_bytes * 100 / view.size))

    def _display(self, view: TransferView, column: int) -> str:
        speed = self._speed.get(view.id, 0.0)
        running = view.state is State.RUNNING
        texts = {
            0: _ARROWS[view.direction],
            1: view.name,
            2: human_size(view.size),
            3: f"{self._percent(view)} %",
            4: f"{human_size(int(speed))}/s" if running else "",
            5: human_eta(max(0, view.size - view.done_bytes) / speed)
            if running and speed > 0 else "",
            6: view.phase if running and view.phase else view.state.value.capitalize(),
            7: view.error.splitlines()[0] if view.error else "",
        }
        return texts.get(column, "")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QUEUE_COLUMNS[section]
        return None
