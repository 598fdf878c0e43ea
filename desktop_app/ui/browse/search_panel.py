"""Search below this folder: a recursive listing that streams matches as it goes.

The search runs as one `TaskRunner` call on a worker: it walks `iter_listing` page by page,
filters with `SearchCriteria`, and puts matches into a queue. A 100 ms timer on the GUI
thread drains the queue into the results model (coalesced, never per object). Cancel sets an
event the worker checks between pages; a new search or cancel bumps the generation so late
batches of an old search are dropped.
"""

from __future__ import annotations

import queue
import threading
from array import array
from datetime import UTC, datetime, time
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDockWidget,
    QDoubleSpinBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from desktop_app.core.errors import AppError
from desktop_app.core.humanize import human_size, human_time
from desktop_app.core.keys import display_key
from desktop_app.core.search import SearchCriteria
from desktop_app.storage.protocol import BrowseStorage
from desktop_app.ui.browse.category_combo import category_combo
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

AnyIndex = QModelIndex | QPersistentModelIndex
MAX_RESULTS = 200_000
POLL_MS = 100
_KIB = 1024


def run_search(
    storage: BrowseStorage, bucket: str, prefix: str, criteria: SearchCriteria,
    out: queue.SimpleQueue[tuple[int, list[tuple[str, int, float]]]], cancel: threading.Event,
) -> tuple[int, bool]:
    """Worker side: stream (objects scanned, matches) batches into `out`.

    Returns (objects scanned, finished) - finished is False when cancelled or capped."""
    scanned = found = 0
    for page in storage.iter_listing(bucket, prefix, recursive=True, cancel=cancel):
        hits = [
            (o.key, o.size, o.last_modified.timestamp() if o.last_modified else 0.0)
            for o in page.objects if criteria.accepts(o)
        ]
        scanned += len(page.objects)
        found += len(hits)
        out.put((scanned, hits))
        if cancel.is_set() or found >= MAX_RESULTS:
            return scanned, False
    return scanned, not cancel.is_set()


class SearchResultsModel(QAbstractTableModel):
    """Matches in arrival (key) order: keys in a list, sizes and times in arrays."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("SearchResultsModel", "Key"),
        QT_TRANSLATE_NOOP("SearchResultsModel", "Size"),
        QT_TRANSLATE_NOOP("SearchResultsModel", "Last modified"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bucket = ""
        self.root = ""
        self.keys: list[str] = []
        self._sizes = array("q")
        self._times = array("d")

    def clear(self, bucket: str, root: str) -> None:
        self.beginResetModel()
        self.bucket, self.root = bucket, root
        self.keys, self._sizes, self._times = [], array("q"), array("d")
        self.endResetModel()

    def add(self, hits: list[tuple[str, int, float]]) -> None:
        if not hits:
            return
        first = len(self.keys)
        self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
        for key, size, stamp in hits:
            self.keys.append(key)
            self._sizes.append(size)
            self._times.append(stamp)
        self.endInsertRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.keys)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return display_key(self.keys[row][len(self.root):])
            if column == 1:
                return human_size(self._sizes[row])
            stamp = self._times[row]
            return human_time(datetime.fromtimestamp(stamp, UTC)) if stamp else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return display_key(f"{self.bucket}/{self.keys[row]}")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.COLUMNS)):
            return translate("SearchResultsModel", self.COLUMNS[section])
        return None


class SearchPanel(QDockWidget):
    """Emits `result_opened(bucket, key)` when a match is double-clicked or activated."""

    result_opened = Signal(str, str)
    error = Signal(AppError)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(translate("SearchPanel", "Search"), parent)
        self.setObjectName("searchPanel")
        self._runner = runner
        self._storage: BrowseStorage | None = None
        self._bucket = ""
        self._prefix = ""
        self._generation = 0
        self._cancel = threading.Event()
        self._queue: queue.SimpleQueue[tuple[int, list[tuple[str, int, float]]]] = (
            queue.SimpleQueue()
        )
        self.scanned = 0
        self.running = False
        self.results = SearchResultsModel(self)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._drain)
        self._build()

    def _build(self) -> None:
        body = QWidget(self)
        grid = QGridLayout(body)
        self.pattern = QLineEdit(body)
        self.pattern.setObjectName("searchPattern")
        self.pattern.setAccessibleName(translate("SearchPanel", "Search for"))
        self.pattern.setPlaceholderText(translate(
            "SearchPanel", "Name contains…  or a pattern such as *.jpg"))
        self.pattern.returnPressed.connect(self.start)
        self.search_button = QPushButton(translate("SearchPanel", "Search"), body)
        self.search_button.setObjectName("searchButton")
        self.search_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(translate("SearchPanel", "Cancel"), body)
        self.cancel_button.setObjectName("searchCancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.min_size = self._size_box(body, translate("SearchPanel", "Min size"))
        self.max_size = self._size_box(body, translate("SearchPanel", "Max size"))
        self.after_check = QCheckBox(translate("SearchPanel", "Modified after"), body)
        self.after = QDateEdit(QDate.currentDate().addMonths(-1), body)
        self.before_check = QCheckBox(translate("SearchPanel", "Modified before"), body)
        self.before = QDateEdit(QDate.currentDate(), body)
        self.after.setAccessibleName(translate("SearchPanel", "Modified after"))
        self.before.setAccessibleName(translate("SearchPanel", "Modified before"))
        for edit in (self.after, self.before):
            edit.setCalendarPopup(True)
        self.category = category_combo(body, "searchCategory")
        self.status = QLabel("", body)
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.view = QTableView(body)
        self.view.setObjectName("searchResults")
        self.view.setAccessibleName(translate("SearchPanel", "Search results"))
        self.view.setAccessibleDescription(translate(
            "SearchPanel", "Objects found below the searched folder"))
        self.view.setModel(self.results)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 90)
        header.resizeSection(2, 140)
        self.view.activated.connect(self._open)
        self.view.doubleClicked.connect(self._open)
        grid.addWidget(self.pattern, 0, 0, 1, 4)
        grid.addWidget(self.search_button, 0, 4)
        grid.addWidget(self.cancel_button, 0, 5)
        grid.addWidget(QLabel(translate("SearchPanel", "Min size"), body), 1, 0)
        grid.addWidget(self.min_size, 1, 1)
        grid.addWidget(QLabel(translate("SearchPanel", "Max size"), body), 1, 2)
        grid.addWidget(self.max_size, 1, 3)
        grid.addWidget(self.after_check, 2, 0)
        grid.addWidget(self.after, 2, 1)
        grid.addWidget(self.before_check, 2, 2)
        grid.addWidget(self.before, 2, 3)
        grid.addWidget(QLabel(translate("SearchPanel", "Kind"), body), 3, 0)
        grid.addWidget(self.category, 3, 1)
        grid.addWidget(self.status, 4, 0, 1, 6)
        grid.addWidget(self.view, 5, 0, 1, 6)
        self.setWidget(body)

    @staticmethod
    def _size_box(parent: QWidget, name: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox(parent)
        box.setAccessibleName(name)
        box.setRange(0, 1024.0**4)  # up to 1 PiB, in KiB
        box.setDecimals(1)
        box.setSuffix(translate("SearchPanel", " KiB"))
        box.setSpecialValueText(translate("SearchPanel", "any"))
        return box

    def set_storage(self, storage: BrowseStorage | None) -> None:
        self.cancel()
        self._storage = storage

    def set_root(self, bucket: str, prefix: str) -> None:
        """The folder the next search starts from (the table's current folder)."""
        self._bucket, self._prefix = bucket, prefix
        if not self.running:
            where = display_key(f"{bucket}/{prefix}") if bucket else translate(
                "SearchPanel", "no folder")
            self.status.setText(translate(
                "SearchPanel", "Searches below {where}").format(where=where))

    def criteria(self) -> SearchCriteria:
        def day(edit: QDateEdit, end: bool) -> datetime:
            date = edit.date().toPython()
            return datetime.combine(date, time.max if end else time.min).astimezone()

        return SearchCriteria(
            pattern=self.pattern.text(),
            min_size=int(self.min_size.value() * _KIB) if self.min_size.value() else None,
            max_size=int(self.max_size.value() * _KIB) if self.max_size.value() else None,
            modified_after=day(self.after, False) if self.after_check.isChecked() else None,
            modified_before=day(self.before, True) if self.before_check.isChecked() else None,
            category=self.category.currentData(),
        )

    def start(self) -> None:
        storage = self._storage
        if storage is None or not self._bucket:
            return
        self.cancel()
        self._generation += 1
        generation = self._generation
        self._cancel = threading.Event()
        self._queue = queue.SimpleQueue()
        self.scanned = 0
        self.results.clear(self._bucket, self._prefix)
        self._set_running(True)
        self.status.setText(translate(
            "SearchPanel",
            "Searching {display_key}…").format(
            display_key=display_key(self._bucket + '/' + self._prefix),
        ))
        self._runner.submit(
            run_search, storage, self._bucket, self._prefix, self.criteria(), self._queue,
            self._cancel,
            on_success=lambda result: self._finished(generation, result),
            on_error=lambda err: self._failed(generation, err),
            context=self,
        )
        self._timer.start()

    def cancel(self) -> None:
        """Stop the running search; matches found so far stay listed."""
        if not self.running:
            return
        self._cancel.set()
        self._drain()
        self._generation += 1
        self._set_running(False)
        self.status.setText(translate(
            "SearchPanel", "Cancelled: {summary}").format(summary=self._summary()))

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.cancel_button.setEnabled(running)
        self.search_button.setEnabled(not running)
        if not running:
            self._timer.stop()

    def _drain(self) -> None:
        while True:
            try:
                scanned, hits = self._queue.get_nowait()
            except queue.Empty:
                break
            self.scanned = scanned
            self.results.add(hits)
        if self.running:
            self.status.setText(translate(
                "SearchPanel", "Searching… {summary}").format(summary=self._summary()))

    def _summary(self) -> str:
        found = self.results.rowCount()
        return translate(
            "SearchPanel",
            "{found:,} match(es) in {scanned:,} objects", "", found).format(
            found=found,
            scanned=self.scanned,
        )

    def _finished(self, generation: int, result: tuple[int, bool]) -> None:
        if generation != self._generation:
            return
        self._drain()
        self._set_running(False)
        _scanned, complete = result
        more = "" if complete else translate(
            "SearchPanel", " (stopped at {MAX_RESULTS:,} matches)").format(MAX_RESULTS=MAX_RESULTS)
        self.status.setText(translate(
            "SearchPanel", "Done: {summary}{more}").format(summary=self._summary(), more=more))

    def _failed(self, generation: int, err: AppError) -> None:
        if generation != self._generation:
            return
        self._drain()
        self._set_running(False)
        self.status.setText(translate(
            "SearchPanel", "Search failed: {title}").format(title=err.title))
        self.error.emit(err)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.result_opened.emit(self.results.bucket, self.results.keys[index.row()])
