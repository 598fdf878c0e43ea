"""The transfer queue's item model: batches (one per drop or download) with their transfers.

It never listens to per-chunk progress. A QTimer asks the engine a few times a second for what
changed (`engine.changes`): changed rows are repainted as one range per batch, cut to the
rows on screen (`rows_on_screen`), and each batch keeps running totals updated by deltas - so
a 10,000-file batch costs the GUI thread only what actually moved (qutebrowser's downloads
model refreshes on a timer the same way). New rows are inserted `INSERT_SLICE` at a time, the
rest on the next turns of the event loop: a folder of 10,000 files inserted at once held the
window for 0.1-0.4 s. Speeds (and so ETAs) come from `speeds`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from desktop_app.transfers.context import WAITING_FOR_SERVER
from desktop_app.transfers.engine_process import QueueEngine
from desktop_app.transfers.rows import TransferView
from desktop_app.transfers.state import Direction, State
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.transfers.batches import Arrivals, Batch
from desktop_app.ui.transfers.queue_cells import ID_ROLE, batch_data, item_data
from desktop_app.ui.transfers.speeds import Speeds
from desktop_app.ui.transfers.widgets import PROGRESS_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
QUEUE_COLUMNS = (
    QT_TRANSLATE_NOOP("QueueModel", "Direction"),
    QT_TRANSLATE_NOOP("QueueModel", "Name"),
    QT_TRANSLATE_NOOP("QueueModel", "Size"),
    QT_TRANSLATE_NOOP("QueueModel", "Progress"),
    QT_TRANSLATE_NOOP("QueueModel", "Speed"),
    QT_TRANSLATE_NOOP("QueueModel", "ETA"),
    QT_TRANSLATE_NOOP("QueueModel", "State"),
    QT_TRANSLATE_NOOP("QueueModel", "Details"))
_COLUMN_COUNT = len(QUEUE_COLUMNS)
REFRESH_MS = 250
# Rows inserted per refresh, or per later turn of the event loop while more wait: about
# 5 ms of GUI time here, so a slower machine stays well under a 50 ms stall.
INSERT_SLICE = 500
# The roles `data` answers; a painted cell asks for about eight, most of them answered None.
_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
                   int(Qt.ItemDataRole.TextAlignmentRole), int(PROGRESS_ROLE), int(ID_ROLE)})
# (first, last) rows of a batch on screen, or None when none is (see `rows_on_screen`).
OnScreen = Callable[[int], tuple[int, int] | None]


class TransferQueueModel(QAbstractItemModel):
    """`overall_changed(done, total, active)` per refresh; `batch_finished(batch, failed,
    had_uploads)` once per batch that ends; `server_unreachable` on a refresh in which a row
    started waiting for the server, `server_back` on one in which a waiting row got through
    (so the window can re-check its connection at once, either way)."""

    # Byte figures pass 2**31 (one 6 GiB file): as C `int` they overflowed and crashed the
    # window, so they travel as Python objects. Only the count of active rows is an `int`.
    overall_changed = Signal(object, object, int)
    batch_finished = Signal(int, int, bool)
    server_unreachable = Signal()
    server_back = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine: QueueEngine | None = None
        self._generation = -1
        self._known = 0  # rows received from the engine: shown ones and those in _arrivals
        self._batches: list[Batch] = []
        self._batch_row: dict[int, int] = {}
        self._pos: dict[int, tuple[int, int]] = {}  # transfer id -> (batch number, row)
        self._arrivals = Arrivals()
        self._speeds = Speeds()
        self._seen_batches: set[int] = set()
        self._primed = False
        # Set by the view that shows the model: which transfer rows are on screen. Changed
        # rows off screen are not announced (the view would look each one up to find out
        # it has nothing to paint); they show their latest state when scrolled to.
        self.rows_on_screen: OnScreen | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._more = QTimer(self)  # the next slice of new rows, once the event loop has run
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._insert_more)

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
        self._arrivals.clear()
        self._more.stop()
        self._speeds.clear()

    def refresh(self) -> None:
        """One coalesced update from the engine's changes since the last tick; of the new
        rows, one slice is shown now and the rest on the next turns of the event loop."""
        engine = self._engine
        if engine is None:
            return
        changes = engine.changes(self._known, self._generation)
        back = False
        if changes.reset:
            self.beginResetModel()
            self._clear()
            self._generation = changes.generation
            self.endResetModel()
            touched: set[int] = set()
        else:
            touched, back = self._apply(changes.changed)
        self._known += len(changes.new)
        self._arrivals.add(changes.new)
        touched |= self._insert_slice()
        if back:
            self.server_back.emit()
        self._speeds.update([v for v in changes.changed + changes.new if v.id in self._pos])
        if any(v.state is State.RETRYING and v.error.startswith(WAITING_FOR_SERVER)
               for v in changes.changed):
            self.server_unreachable.emit()
        self._touched(touched)

    def _insert_more(self) -> None:
        """The next slice of rows that arrived in one go (no new question to the engine)."""
        self._touched(self._insert_slice())

    def _insert_slice(self) -> set[int]:
        return self._append(self._arrivals.take(INSERT_SLICE)) if self._arrivals else set()

    def _touched(self, touched: set[int]) -> None:
        """Repaint the batch rows whose totals moved, tell the totals, and come back for
        more rows if some still wait."""
        last_column = len(QUEUE_COLUMNS) - 1
        for number in sorted(touched):
            row = self._batch_row[number]
            self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
        self._emit_overall(touched)
        if self._arrivals:
            self._more.start()

    def _apply(self, changed: list[TransferView]) -> tuple[set[int], bool]:
        """Take the new copies of changed rows; repaint one span of rows per batch (one
        signal per row cost 0.5 s when 10,000 rows changed at once), cut to the rows on
        screen. Also says whether a row shown as waiting for the server runs or is done
        now (the server answers)."""
        spans: dict[int, tuple[int, int]] = {}
        back = False
        pos, batches, batch_row = self._pos, self._batches, self._batch_row
        got_through = (State.RUNNING.value, State.DONE.value)
        for view in changed:
            where = pos.get(view.id)
            if where is None:
                self._arrivals.update(view)  # not shown yet: show its latest state later
                continue
            number, row = where
            batch = batches[batch_row[number]]
            old = batch.rows[row]
            if (not back and old.error and view.state._value_ in got_through
                    and old.error.startswith(WAITING_FOR_SERVER)):
                back = True
            batch.replace(old, view)
            batch.rows[row] = view
            span = spans.get(number)
            if span is None:
                spans[number] = (row, row)
            elif row < span[0] or row > span[1]:
                spans[number] = (min(span[0], row), max(span[1], row))
        last_column = len(QUEUE_COLUMNS) - 1
        on_screen = self.rows_on_screen
        for number, (low, high) in spans.items():
            if on_screen is not None:
                shown = on_screen(number)
                if shown is None:
                    continue
                low, high = max(low, shown[0]), min(high, shown[1])
                if low > high:
                    continue
            # From column 1: a row's direction never changes, and a span that starts at
            # column 0 has the tree view ask the model, row by row, whether it has children.
            parent = self.index(batch_row[number], 0)
            self.dataChanged.emit(self.index(low, 1, parent),
                                  self.index(high, last_column, parent))
        return set(spans), back

    def _append(self, views: list[TransferView]) -> set[int]:
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
                self.beginInsertRows(self.index(self._batch_row[number], 0), first,
                                     first + len(rows) - 1)
                self._take(batch, rows)
                self.endInsertRows()
            else:
                batch = Batch(number, rows[0].direction)
                row = len(self._batches)
                self.beginInsertRows(QModelIndex(), row, row)
                self._batches.append(batch)
                self._batch_row[number] = row
                self._take(batch, rows)
                self.endInsertRows()
        return touched

    def _take(self, batch: Batch, rows: list[TransferView]) -> None:
        for view in rows:
            self._pos[view.id] = (batch.number, len(batch.rows))
            batch.rows.append(view)
            batch.add(view)
            batch.uploads = batch.uploads or view.direction is Direction.UPLOAD

    def _emit_overall(self, touched: set[int]) -> None:
        self.overall_changed.emit(sum(b.done for b in self._batches),
                                  sum(b.size for b in self._batches),
                                  sum(b.active for b in self._batches))
        for number in sorted(touched):
            batch = self._batches[self._batch_row[number]]
            if batch.totals[5]:
                batch.was_open = True
            if self._arrivals.holds(number):
                continue  # more of it is on its way: not over, whatever its shown rows say
            first_sight = number not in self._seen_batches
            self._seen_batches.add(number)
            if not batch.totals[5] and (batch.was_open or (first_sight and self._primed)):
                # A small batch can start and finish between two polls; batches already
                # finished at the first poll were restored from the journal: not news.
                batch.was_open = False
                self.batch_finished.emit(number, batch.failed, batch.uploads)
        if not self._arrivals:  # the first poll's rows are all in: later batches are news
            self._primed = True

    # -- lookups -------------------------------------------------------------------------
    def batch_rows(self, number: int) -> list[TransferView]:
        """The transfers of batch `number` as last seen (empty when it is not shown)."""
        row = self._batch_row.get(number)
        return list(self._batches[row].rows) if row is not None else []

    def batch_number(self, index: AnyIndex) -> int:
        """The batch a batch row or a transfer row belongs to (0 for none)."""
        if not index.isValid():
            return 0
        number = index.internalId()
        if number == 0 and 0 <= index.row() < len(self._batches):
            return self._batches[index.row()].number
        return int(number)

    def batch_position(self, number: int) -> int | None:
        """The row of batch `number` in the list, None when it is not shown."""
        return self._batch_row.get(number)

    def rows_known(self, number: int) -> int:
        """Rows of batch `number` shown so far plus those waiting for their turn."""
        row = self._batch_row.get(number)
        shown = len(self._batches[row].rows) if row is not None else 0
        return shown + self._arrivals.waiting(number)

    def ids_for(self, indexes: list[QModelIndex] | None = None) -> list[int]:
        """Transfer ids for batch and transfer rows (a batch row means all of its items)."""
        if indexes is None:
            return [v.id for b in self._batches for v in b.rows] + self._arrivals.ids()
        ids: list[int] = []
        for index in indexes:
            number = index.internalId()
            if number == 0 and 0 <= index.row() < len(self._batches):
                batch = self._batches[index.row()]
                ids += [v.id for v in batch.rows] + self._arrivals.ids(batch.number)
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
        """Bounds checked here, not with `hasIndex` (which calls back into rowCount and
        columnCount): the tree view asks for every shown row on each layout, and those two
        extra calls per row cost about a third of it."""
        if row < 0 or not 0 <= column < _COLUMN_COUNT:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._batches) else QModelIndex()
        top = parent.row()
        if parent.internalId() == 0 and parent.column() == 0 and top < len(self._batches):
            batch = self._batches[top]
            if row < len(batch.rows):
                return self.createIndex(row, column, batch.number)
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
        if role not in _ROLES or not index.isValid():
            return None
        number = index.internalId()
        if number == 0:
            if not 0 <= index.row() < len(self._batches):
                return None
            batch = self._batches[index.row()]
            speed = self._batch_speed(batch) if index.column() in (4, 5) and batch.active \
                else 0.0
            return batch_data(batch, index.column(), role, speed)
        rows = self._batches[self._batch_row[number]].rows if number in self._batch_row else []
        if not 0 <= index.row() < len(rows):
            return None
        view = rows[index.row()]
        speed = self._speeds.by_id.get(view.id, 0.0) \
            if index.column() in (4, 5) and view.state is State.RUNNING else 0.0
        return item_data(view, index.column(), role, speed)

    def _batch_speed(self, batch: Batch) -> float:
        return sum(s for tid, s in self._speeds.by_id.items()
                   if self._pos[tid][0] == batch.number)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("QueueModel", QUEUE_COLUMNS[section])
        return None

