"""The bucket tree: buckets at the top, folders (common prefixes) below, loaded lazily.

The model is a thin wrapper over `_Node`s; a node's children are listed only when the view
asks (`fetchMore` on expand), on a worker through the `TaskRunner`. A reset bumps the
generation so answers for a previous connection are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from desktop_app.core.errors import AppError
from desktop_app.core.keys import display_key
from desktop_app.core.types import BucketInfo, ListingPage
from desktop_app.storage.listing_columns import ColumnsPage
from desktop_app.storage.protocol import Storage
from desktop_app.ui import icons
from desktop_app.ui.tasks import TaskRunner

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class _Node:
    bucket: str
    prefix: str
    parent: _Node | None
    children: list[_Node] = field(default_factory=list)
    listed: bool = False
    loading: bool = False
    next_start_after: str | None = None

    @property
    def label(self) -> str:
        if not self.prefix:
            return self.bucket
        return self.prefix.rstrip("/").rsplit("/", 1)[-1]

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class BucketTreeModel(QAbstractItemModel):
    error = Signal(AppError)
    buckets_loaded = Signal(list)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._storage: Storage | None = None
        self._root = _Node(bucket="", prefix="", parent=None, listed=True)
        self._generation = 0

    # -- loading -------------------------------------------------------------------------
    def set_storage(self, storage: Storage | None) -> None:
        self.beginResetModel()
        self._generation += 1
        self._storage = storage
        self._root.children = []
        self.endResetModel()
        if storage is not None:
            self.reload()

    def reload(self) -> None:
        storage = self._storage
        if storage is None:
            return
        generation = self._generation
        self._runner.submit(
            storage.list_buckets,
            on_success=lambda buckets: self._on_buckets(generation, buckets),
            on_error=self.error.emit,
            context=self,
        )

    def _on_buckets(self, generation: int, buckets: list[BucketInfo]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._generation += 1
        self._root.children = [
            _Node(bucket=b.name, prefix="", parent=self._root) for b in buckets
        ]
        self.endResetModel()
        self.buckets_loaded.emit([b.name for b in buckets])

    def canFetchMore(self, parent: AnyIndex) -> bool:
        node = self._node(parent)
        if node is self._root or node.loading:
            return False
        return not node.listed or node.next_start_after is not None

    def fetchMore(self, parent: AnyIndex) -> None:
        node = self._node(parent)
        storage = self._storage
        if storage is None or node is self._root or node.loading:
            return
        node.loading = True
        generation = self._generation
        # The tree needs only the folders: columns skip building an object per row.
        fetch = getattr(storage, "list_columns", None) or storage.list_page
        self._runner.submit(
            fetch, node.bucket, node.prefix, node.next_start_after,
            on_success=lambda page: self._on_page(generation, node, page),
            on_error=lambda err: self._on_page_error(generation, node, err),
            context=self,
        )

    def _on_page(self, generation: int, node: _Node, page: ListingPage | ColumnsPage) -> None:
        if generation != self._generation:
            return
        node.loading = False
        node.listed = True
        node.next_start_after = page.next_start_after
        folders = [f if isinstance(f, str) else f.prefix for f in page.folders]
        truncated = page.next_start_after is not None
        if folders:
            index = self._index_of(node)
            first = len(node.children)
            self.beginInsertRows(index, first, first + len(folders) - 1)
            node.children.extend(
                _Node(bucket=node.bucket, prefix=prefix, parent=node) for prefix in folders
            )
            self.endInsertRows()
        elif not node.children and not truncated:
            # No sub-folders: let the view drop the expand arrow.
            index = self._index_of(node)
            self.dataChanged.emit(index, index)
        if truncated:
            # Folders can hide behind pages of objects: keep going in the background.
            self.fetchMore(self._index_of(node))

    def _on_page_error(self, generation: int, node: _Node, err: AppError) -> None:
        if generation != self._generation:
            return
        node.loading = False
        node.listed = True
        node.next_start_after = None
        self.error.emit(err)

    # -- lookups -------------------------------------------------------------------------
    def location(self, index: AnyIndex) -> tuple[str, str] | None:
        node = self._node(index)
        return None if node is self._root else (node.bucket, node.prefix)

    def index_for(self, bucket: str, prefix: str = "") -> QModelIndex:
        """The index of an already-loaded bucket/folder node, or an invalid index."""
        node = next((n for n in self._root.children if n.bucket == bucket), None)
        if node is None:
            return QModelIndex()
        while prefix and node.prefix != prefix:
            node = next((c for c in node.children if prefix.startswith(c.prefix)), None)
            if node is None:
                return QModelIndex()
        return self._index_of(node)

    def deepest_index(self, bucket: str, prefix: str = "") -> tuple[QModelIndex, bool]:
        """The loaded node nearest to bucket/prefix, and whether it is that folder itself."""
        node = next((n for n in self._root.children if n.bucket == bucket), None)
        if node is None:
            return QModelIndex(), False
        while prefix and node.prefix != prefix:
            child = next((c for c in node.children if prefix.startswith(c.prefix)), None)
            if child is None:
                return self._index_of(node), False
            node = child
        return self._index_of(node), True

    def _node(self, index: AnyIndex) -> _Node:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, _Node)
            return node
        return self._root

    def loading(self, index: AnyIndex) -> bool:
        return self._node(index).loading

    def _index_of(self, node: _Node) -> QModelIndex:
        if node is self._root:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    # -- QAbstractItemModel --------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if column != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index)
        return self._index_of(node.parent) if node.parent else QModelIndex()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        node = self._node(parent)
        if node is self._root:
            return bool(node.children)
        return bool(node.children) or not node.listed or node.next_start_after is not None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return display_key(node.label)
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.bucket_icon() if not node.prefix else icons.folder_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            return display_key(f"{node.bucket}/{node.prefix}")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return "Buckets"
        return None


class BucketTree(QTreeView):
    """The left pane; emits `location_selected(bucket, prefix)` when the user picks a node."""

    location_selected = Signal(str, str)

    def __init__(self, model: BucketTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bucketTree")
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.clicked.connect(self._emit_location)
        self.activated.connect(self._emit_location)
        self._wanted: tuple[str, str] | None = None
        model.rowsInserted.connect(self._follow)
        model.modelReset.connect(self._follow)
        model.dataChanged.connect(self._follow)

    def bucket_model(self) -> BucketTreeModel:
        model = self.model()
        assert isinstance(model, BucketTreeModel)
        return model

    def _emit_location(self, index: QModelIndex) -> None:
        location = self.bucket_model().location(index)
        if location is not None:
            self.location_selected.emit(*location)

    def select_location(self, bucket: str, prefix: str = "") -> bool:
        """Select bucket/prefix, expanding (and so listing) the folders on the way there.

        Returns whether it is selected now; if not, the tree keeps expanding towards it as
        the folders arrive (`_follow`) until it is reached or a folder on the way is missing.
        """
        self._wanted = (bucket, prefix)
        return self._follow()

    def _follow(self, *_args: object) -> bool:
        if self._wanted is None:
            return False
        model = self.bucket_model()
        index, exact = model.deepest_index(*self._wanted)
        if not index.isValid():
            return False
        if exact:
            self._wanted = None
            self.setCurrentIndex(index)
            self.scrollTo(index)
            return True
        if self.isExpanded(index) and not model.canFetchMore(index) and not model.loading(index):
            self._wanted = None  # fully listed and the next folder is not there: stop here
            self.setCurrentIndex(index)
            return False
        self.expand(index)
        if model.canFetchMore(index):
            model.fetchMore(index)
        return False
