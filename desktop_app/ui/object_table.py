"""The file table: one folder's sub-folders and objects, paged in lazily.

The model keeps two plain lists (folders first, then objects, each in key order as S3 returns
them) and asks for the next page only when the view scrolls near the end (`fetchMore`).
Leaving a folder bumps the generation, so pages of the old listing are dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_app.core.errors import AppError
from desktop_app.core.humanize import human_size, human_time
from desktop_app.core.mime import type_label
from desktop_app.core.types import FolderEntry, ListingPage, ObjectEntry
from desktop_app.storage.protocol import Storage
from desktop_app.ui import icons
from desktop_app.ui.tasks import TaskRunner

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("Name", "Size", "Type", "Last modified")
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class ObjectTableModel(QAbstractTableModel):
    error = Signal(AppError)
    loading_changed = Signal(bool)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._storage: Storage | None = None
        self._folders: list[FolderEntry] = []
        self._objects: list[ObjectEntry] = []
        self._bucket = ""
        self._prefix = ""
        self._next: str | None = None
        self._loading = False
        self._generation = 0

    @property
    def bucket(self) -> str:
        return self._bucket

    @property
    def prefix(self) -> str:
        return self._prefix

    @property
    def loading(self) -> bool:
        return self._loading

    def set_storage(self, storage: Storage | None) -> None:
        self._storage = storage
        self.set_location("", "")

    def set_location(self, bucket: str, prefix: str = "") -> None:
        """Show another folder; any listing still arriving for the old one is dropped."""
        self.beginResetModel()
        self._generation += 1
        self._bucket, self._prefix = bucket, prefix
        self._folders, self._objects = [], []
        self._next = None
        self.endResetModel()
        self._set_loading(False)
        if bucket and self._storage is not None:
            self._request(None)

    def refresh(self) -> None:
        self.set_location(self._bucket, self._prefix)

    def _request(self, start_after: str | None) -> None:
        storage = self._storage
        assert storage is not None
        generation = self._generation
        self._set_loading(True)
        self._runner.submit(
            storage.list_page, self._bucket, self._prefix, start_after,
            on_success=lambda page: self._on_page(generation, page),
            on_error=lambda err: self._on_error(generation, err),
            context=self,
        )

    def _on_page(self, generation: int, page: ListingPage) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        self._next = page.next_start_after
        if page.folders:
            first = len(self._folders)
            self.beginInsertRows(QModelIndex(), first, first + len(page.folders) - 1)
            self._folders.extend(page.folders)
            self.endInsertRows()
        if page.objects:
            first = len(self._folders) + len(self._objects)
            self.beginInsertRows(QModelIndex(), first, first + len(page.objects) - 1)
            self._objects.extend(page.objects)
            self.endInsertRows()

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

    # -- rows ----------------------------------------------------------------------------
    def entry(self, row: int) -> FolderEntry | ObjectEntry:
        if row < len(self._folders):
            return self._folders[row]
        return self._objects[row - len(self._folders)]

    def row_of_key(self, key: str) -> int:
        for row in range(self.rowCount()):
            item = self.entry(row)
            if (item.prefix if isinstance(item, FolderEntry) else item.key) == key:
                return row
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._folders) + len(self._objects)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.entry(index.row())
        column = index.column()
        is_folder = isinstance(item, FolderEntry)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.name + ("/" if is_folder else "")
            if isinstance(item, FolderEntry):
                return "Folder" if column == 2 else ""
            if column == 1:
                return human_size(item.size)
            if column == 2:
                return type_label(item.name)
            return human_time(item.last_modified)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return icons.folder_icon() if is_folder else icons.file_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            key = item.prefix if isinstance(item, FolderEntry) else item.key
            return f"{self._bucket}/{key}"
        if role == ENTRY_ROLE:
            return item
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ObjectTable(QTableView):
    """Emits `folder_opened(bucket, prefix)` and `object_selected(bucket, entry)`."""

    folder_opened = Signal(str, str)
    object_selected = Signal(str, object)

    def __init__(self, model: ObjectTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 90), (2, 150), (3, 140)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)
        self.doubleClicked.connect(self._open)
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def table_model(self) -> ObjectTableModel:
        model = self.model()
        assert isinstance(model, ObjectTableModel)
        return model

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
