"""The file table: one folder's sub-folders and objects, streamed in page by page.

Rows live in a columnar `RowStore` (small per row, see its docstring). As soon as a page
arrives the next one is requested, then the rows are inserted, so the first rows show at
once and the rest stream in while the user already works. After `AUTO_ROWS` rows the
streaming pauses and continues only as the view scrolls near the end (`fetchMore`), so a
million-object folder never loads unasked. Leaving a folder bumps the generation: pages of
the old listing are dropped, never shown in the new folder. How a cell reads (text, icon,
tooltip) is `table_cells`.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from desktop_app.core.categories import Category
from desktop_app.core.errors import AppError
from desktop_app.core.row_store import COL_ETAG, COL_NAME, COL_TYPE, RowStore
from desktop_app.core.types import FolderEntry, ListingPage, ObjectEntry
from desktop_app.storage.listing_columns import ColumnsPage
from desktop_app.storage.protocol import BrowseStorage
from desktop_app.ui.browse.table_cells import ANSWERED_ROLES, COLUMNS, cell_data, header_data
from desktop_app.ui.shell import icons
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

AnyIndex = QModelIndex | QPersistentModelIndex
Page = ListingPage | ColumnsPage
AUTO_ROWS = 200_000
FLUSH_INTERVAL_MS = 100  # at most ~10 inserts (and repaints) a second while streaming
HEADER_KEY = "objectTable/header"
DEFAULT_WIDTHS = (250, 80, 120, 130, 90, 250)


class ObjectTableModel(QAbstractTableModel):
    error = Signal(AppError)
    loading_changed = Signal(bool)
    rows_loaded = Signal(int)  # rows stored so far for this folder, after each page
    location_changed = Signal(str, str)  # (bucket, prefix) whenever set_location runs

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._storage: BrowseStorage | None = None
        self._rows = RowStore()
        self._bucket = ""
        self._prefix = ""
        self._next: str | None = None
        self._loading = False
        self._generation = 0
        self._filter = ""
        self._category: Category | None = None
        # Pages that arrive in quick succession are inserted together (fewer repaints).
        self._pending: list[Page] = []
        self._arrived = 0
        self._last_flush = 0.0
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self._flush)

    @property
    def bucket(self) -> str:
        return self._bucket

    @property
    def prefix(self) -> str:
        return self._prefix

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def complete(self) -> bool:
        """True once every page of the folder is loaded."""
        return self._next is None and not self._loading and not self._pending

    @property
    def stored_rows(self) -> int:
        """Rows loaded for this folder, including those the filter hides."""
        return self._rows.stored

    def set_storage(self, storage: BrowseStorage | None) -> None:
        self._storage = storage
        self.set_location("", "")

    def set_location(self, bucket: str, prefix: str = "") -> None:
        """Show another folder; any listing still arriving for the old one is dropped."""
        self.beginResetModel()
        self._generation += 1
        self._bucket, self._prefix = bucket, prefix
        old = self._rows
        self._rows = RowStore()
        self._rows.set_sort(old.sort_column, old.descending)
        if self._filter or self._category is not None:
            self._rows.set_filter(self._filter, self._category)
        self._next = None
        self._pending = []
        self._arrived = 0  # rows received for this folder, inserted or still pending
        self._flush_timer.stop()
        self._last_flush = 0.0
        self.endResetModel()
        self._set_loading(False)
        self.location_changed.emit(bucket, prefix)
        if bucket and self._storage is not None:
            self._request(None)

    def refresh(self) -> None:
        self.set_location(self._bucket, self._prefix)

    def _request(self, start_after: str | None) -> None:
        storage = self._storage
        assert storage is not None
        generation = self._generation
        self._set_loading(True)
        # Columns when the storage offers them: no object per row on the way to the table.
        fetch = getattr(storage, "list_columns", None) or storage.list_page
        self._runner.submit(
            fetch, self._bucket, self._prefix, start_after,
            on_success=lambda page: self._on_page(generation, page),
            on_error=lambda err: self._on_error(generation, err),
            context=self,
        )

    def _on_page(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        self._next = page.next_start_after
        self._arrived += len(page.folders) + len(
            page.columns if isinstance(page, ColumnsPage) else page.objects)
        if self._next is not None and self._arrived < AUTO_ROWS:
            self._request(self._next)  # ask first: the network works while we insert
        else:
            self._set_loading(False)
        self._pending.append(page)
        wait_ms = FLUSH_INTERVAL_MS - (time.monotonic() - self._last_flush) * 1000
        if wait_ms <= 0 or not self._loading:  # nothing more on the way: show it all now
            self._flush()
        elif not self._flush_timer.isActive():
            self._flush_timer.start(int(wait_ms))

    def _flush(self) -> None:
        """Insert the pages that arrived since the last flush, as one page."""
        self._flush_timer.stop()
        pages, self._pending = self._pending, []
        self._last_flush = time.monotonic()
        if pages:
            self._insert(pages)
            self.rows_loaded.emit(self._rows.stored)

    def _insert(self, pages: list[Page]) -> None:
        rows = self._rows
        if rows.sort_column == COL_NAME and not rows.descending:
            # S3 lists in key order: rows append to each block, plain insertions for the view.
            old_folders, old_objects = len(rows.folders_view), len(rows.objects_view)
            for page in pages:
                self._store(page)
            self._signal_appends(old_folders, old_objects)
            return
        self.layoutAboutToBeChanged.emit()
        persistent = [(index, rows.view_row(index.row())) for index in self.persistentIndexList()]
        for page in pages:
            self._store(page)
        self._remap(persistent)
        self.layoutChanged.emit()

    def _store(self, page: Page) -> None:
        if isinstance(page, ColumnsPage):
            c = page.columns
            self._rows.add_columns(page.folders, c.keys, c.sizes, c.times, c.etags, c.classes)
        else:
            self._rows.add(page.folders, page.objects)

    def _signal_appends(self, old_folders: int, old_objects: int) -> None:
        """Announce the rows `add` appended to the folder and object blocks, block by block
        (taken back out first, so the view sees each insertion happen)."""
        rows = self._rows
        new_folders = rows.folders_view[old_folders:]
        new_objects = rows.objects_view[old_objects:]
        del rows.folders_view[old_folders:]
        del rows.objects_view[old_objects:]
        if new_folders:
            first = old_folders
            self.beginInsertRows(QModelIndex(), first, first + len(new_folders) - 1)
            rows.folders_view.extend(new_folders)
            self.endInsertRows()
        if new_objects:
            first = len(rows.folders_view) + old_objects
            self.beginInsertRows(QModelIndex(), first, first + len(new_objects) - 1)
            rows.objects_view.extend(new_objects)
            self.endInsertRows()

    def _remap(self, persistent: list[tuple[QModelIndex, int]]) -> None:
        if not persistent:
            return
        wanted = {stored for _, stored in persistent}
        view = self._rows.folders_view + self._rows.objects_view
        where = {stored: row for row, stored in enumerate(view) if stored in wanted}
        old = [index for index, _ in persistent]
        new = [
            self.index(where[stored], index.column()) if stored in where else QModelIndex()
            for index, stored in persistent
        ]
        self.changePersistentIndexList(old, new)

    def _on_error(self, generation: int, err: AppError) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        self._next = None
        self.error.emit(err)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next is not None and not self._loading

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request(self._next)

    # -- sorting and filtering -----------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the loaded rows (folders stay first); new pages merge into this order."""
        rows = self._rows
        self.layoutAboutToBeChanged.emit()
        persistent = [(index, rows.view_row(index.row())) for index in self.persistentIndexList()]
        rows.set_sort(column, order == Qt.SortOrder.DescendingOrder)
        self._remap(persistent)
        self.layoutChanged.emit()

    def set_filter(self, pattern: str) -> None:
        """Show only loaded rows whose name contains `pattern` (or matches it as a glob)."""
        if pattern == self._filter:
            return
        self.beginResetModel()
        self._filter = pattern
        self._rows.set_filter(pattern, self._category)
        self.endResetModel()

    def set_category_filter(self, category: Category | None) -> None:
        """Hide loaded objects of other categories (folders stay); None shows all."""
        if category is self._category:
            return
        self.beginResetModel()
        self._category = category
        self._rows.set_filter(self._filter, category)
        self.endResetModel()

    @property
    def filter_text(self) -> str:
        return self._filter

    @property
    def category_filter(self) -> Category | None:
        return self._category

    # -- rows ----------------------------------------------------------------------------
    def entry(self, row: int) -> FolderEntry | ObjectEntry:
        return self._rows.entry(self._rows.view_row(row))

    def key(self, row: int) -> str:
        return self._rows.keys[self._rows.view_row(row)]

    def row_of_key(self, key: str) -> int:
        """The shown row of `key`, or -1 (C-level scans: ~1 ms on 100k rows)."""
        return self._rows.row_of_key(key)

    def set_stored_type(self, bucket: str, key: str, content_type: str) -> None:
        """The server stated `key`'s content type (a HEAD): the Type column shows it."""
        if bucket != self._bucket or not content_type:
            return
        try:
            stored = self._rows.keys.index(key)
        except ValueError:
            return
        self._rows.set_stored_type(stored, content_type)
        row = self._rows.row_of_key(key)
        if row >= 0:
            index = self.index(row, COL_TYPE)
            self.dataChanged.emit(index, index)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED_ROLES or not index.isValid():
            return None  # the view asks ~8 roles per cell on every repaint: be quick
        return cell_data(self._rows, index.row(), index.column(), role, self._bucket,
                         self._prefix)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_data(section, orientation, role)


class ObjectTable(QTableView):
    """Emits `folder_opened(bucket, prefix)`, `object_selected(bucket, entry)`, and
    `up_requested()` on Backspace. Enter or double-click opens a folder."""

    folder_opened = Signal(str, str)
    object_selected = Signal(str, object)
    up_requested = Signal()

    def __init__(self, model: ObjectTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectTable")
        self.setAccessibleName(translate("ObjectTable", "Files"))
        self.setAccessibleDescription(translate(
            "ObjectTable", "The folders and files of the open folder"))
        self.setModel(model)
        icons.warm_up()
        self._settings: QSettings | None = None
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)  # no sideways scrolling at the default size
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(DEFAULT_WIDTHS):
            self.setColumnWidth(column, width)
        header.hideSection(COL_ETAG)
        header.setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        for changed in (header.sectionMoved, header.sectionResized, header.sortIndicatorChanged):
            changed.connect(self._save_header)
        self.doubleClicked.connect(self._open)
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def table_model(self) -> ObjectTableModel:
        model = self.model()
        assert isinstance(model, ObjectTableModel)
        return model

    # -- remembered column choices -------------------------------------------------------
    def use_settings(self, settings: QSettings) -> None:
        """Restore column order, widths, visibility and sort from `settings`; keep them there."""
        self._settings = None  # no saving while restoring
        state = settings.value(HEADER_KEY)
        header = self.horizontalHeader()
        if isinstance(state, QByteArray) and header.restoreState(state):
            self.table_model().sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._settings = settings

    def _save_header(self, *_args: Any) -> None:
        if self._settings is not None:
            self._settings.setValue(HEADER_KEY, self.horizontalHeader().saveState())

    def _header_menu(self, pos: QPoint) -> None:
        header = self.horizontalHeader()
        menu = QMenu(self)
        for column, title in enumerate(COLUMNS):
            action = menu.addAction(translate("TableCells", title))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != COL_NAME)
            action.toggled.connect(lambda shown, c=column: self.set_column_visible(c, shown))
        menu.popup(header.mapToGlobal(pos))

    def set_column_visible(self, column: int, shown: bool) -> None:
        self.horizontalHeader().setSectionHidden(column, not shown)
        self._save_header()

    # -- opening and selection -----------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.isValid()
                and isinstance(self.table_model().entry(current.row()), FolderEntry)):
            self._open(current)
            return
        if event.key() == Qt.Key.Key_Backspace and not event.modifiers():
            self.up_requested.emit()
            return
        super().keyPressEvent(event)

    def _open(self, index: QModelIndex) -> None:
        model = self.table_model()
        item = model.entry(index.row())
        if isinstance(item, FolderEntry):
            self.folder_opened.emit(model.bucket, item.prefix)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        model = self.table_model()
        item = model.entry(current.row())
        if isinstance(item, ObjectEntry):
            self.object_selected.emit(model.bucket, item)

    def selected_entries(self) -> list[FolderEntry | ObjectEntry]:
        """The selected rows' entries in view order (the actions work on multi-selection)."""
        model = self.table_model()
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [model.entry(row) for row in rows]

    def select_key(self, key: str) -> bool:
        row = self.table_model().row_of_key(key)
        if row < 0:
            return False
        self.selectRow(row)
        return True
