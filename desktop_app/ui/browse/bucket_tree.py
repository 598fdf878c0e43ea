"""The bucket tree: one root per open connection, its buckets below, folders (common
prefixes) below those, all loaded lazily.

The model is a thin wrapper over `_Node`s; a node's children are listed only when the view
asks (`fetchMore` on expand), on a worker through the `TaskRunner`, with the storage of the
connection the node belongs to. Each connection has its own generation number: reloading or
closing one drops the answers still on the way for it, and only for it. The view that shows
it is `tree_view.BucketTree`.
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

from desktop_app.core.errors import AppError
from desktop_app.core.keys import display_key
from desktop_app.core.types import BucketInfo, ListingPage
from desktop_app.storage.listing_columns import ColumnsPage
from desktop_app.storage.protocol import Storage
from desktop_app.ui.browse.tree_roots import root_data
from desktop_app.ui.shell import icons
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

AnyIndex = QModelIndex | QPersistentModelIndex
DEFAULT_CONNECTION = "default"


@dataclass(eq=False)
class _Node:
    bucket: str
    prefix: str
    parent: _Node | None
    children: list[_Node] = field(default_factory=list)
    listed: bool = False
    loading: bool = False
    next_start_after: str | None = None
    conn: str = ""
    # Only on connection roots: the name shown, and why it deserves a warning icon.
    title: str = ""
    insecure: bool = False
    problem: str = ""

    @property
    def is_connection(self) -> bool:
        return self.parent is not None and self.parent.parent is None

    @property
    def label(self) -> str:
        if self.is_connection:
            return self.title
        if not self.prefix:
            return self.bucket
        return self.prefix.rstrip("/").rsplit("/", 1)[-1]

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class BucketTreeModel(QAbstractItemModel):
    error = Signal(AppError)
    buckets_loaded = Signal(list)  # bucket names of the ACTIVE connection
    connection_loaded = Signal(str, list)  # any connection: (id, bucket names)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._storages: dict[str, Storage] = {}
        self._generations: dict[str, int] = {}
        self._root = _Node(bucket="", prefix="", parent=None, listed=True)
        self.active: str | None = None

    # -- connections ---------------------------------------------------------------------
    def add_connection(self, conn_id: str, name: str, storage: Storage,
                       insecure: bool = False) -> None:
        """A new root (or the same root with a new storage), its buckets listed at once."""
        self._storages[conn_id] = storage
        self._generations[conn_id] = self._generations.get(conn_id, 0) + 1
        node = self._connection_node(conn_id)
        if node is None:
            node = _Node(bucket="", prefix="", parent=self._root, conn=conn_id)
            row = len(self._root.children)
            self.beginInsertRows(QModelIndex(), row, row)
            self._root.children.append(node)
            self.endInsertRows()
        else:
            self._drop_children(node)
        node.title, node.insecure, node.problem = name, insecure, ""
        node.listed, node.loading, node.next_start_after = False, False, None
        index = self._index_of(node)
        self.dataChanged.emit(index, index)
        self.fetchMore(index)

    def remove_connection(self, conn_id: str) -> None:
        node = self._connection_node(conn_id)
        self._storages.pop(conn_id, None)
        self._generations[conn_id] = self._generations.get(conn_id, 0) + 1
        if self.active == conn_id:
            self.active = None
        if node is None:
            return
        row = node.row()
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._root.children[row]
        self.endRemoveRows()

    def connection_ids(self) -> list[str]:
        return [n.conn for n in self._root.children]

    def connection_index(self, conn_id: str) -> QModelIndex:
        node = self._connection_node(conn_id)
        return self._index_of(node) if node is not None else QModelIndex()

    def connection_of(self, index: AnyIndex) -> str | None:
        node = self._node(index)
        return None if node is self._root else node.conn

    def is_connection(self, index: AnyIndex) -> bool:
        return self._node(index).is_connection

    def bucket_names(self, conn_id: str | None = None) -> list[str]:
        node = self._connection_node(conn_id if conn_id is not None else self.active)
        return [c.bucket for c in node.children] if node is not None else []

    def rename_connection(self, conn_id: str, name: str) -> None:
        """A renamed profile: its root shows the new name at once."""
        node = self._connection_node(conn_id)
        if node is not None and node.title != name:
            node.title = name
            index = self._index_of(node)
            self.dataChanged.emit(index, index)

    def set_problem(self, conn_id: str, problem: str) -> None:
        """An unreachable connection shows a warning icon with the reason as its tooltip."""
        node = self._connection_node(conn_id)
        if node is not None and node.problem != problem:
            node.problem = problem
            index = self._index_of(node)
            self.dataChanged.emit(index, index)

    def _connection_node(self, conn_id: str | None) -> _Node | None:
        return next((n for n in self._root.children if n.conn == conn_id), None)

    def _drop_children(self, node: _Node) -> None:
        if node.children:
            self.beginRemoveRows(self._index_of(node), 0, len(node.children) - 1)
            node.children = []
            self.endRemoveRows()

    # -- loading -------------------------------------------------------------------------
    def set_storage(self, storage: Storage | None) -> None:
        """One connection only (kept for callers that browse a single storage)."""
        for conn_id in self.connection_ids():
            self.remove_connection(conn_id)
        if storage is not None:
            self.add_connection(DEFAULT_CONNECTION, storage.endpoint_url, storage)
            self.active = DEFAULT_CONNECTION

    def reload(self, conn_id: str | None = None) -> None:
        """List the buckets of a connection (the active one by default) again."""
        node = self._connection_node(conn_id if conn_id is not None else self.active)
        if node is None or node.loading:
            return
        self._generations[node.conn] = self._generations.get(node.conn, 0) + 1
        node.listed, node.next_start_after = False, None
        self.fetchMore(self._index_of(node))

    def _list_buckets(self, node: _Node) -> None:
        storage = self._storages.get(node.conn)
        if storage is None:
            return
        node.loading = True
        generation = self._generations.get(node.conn, 0)
        self._runner.submit(
            storage.list_buckets,
            on_success=lambda buckets: self._on_buckets(generation, node, buckets),
            on_error=lambda err: self._on_buckets_error(generation, node, err),
            context=self,
        )

    def _on_buckets(self, generation: int, node: _Node, buckets: list[BucketInfo]) -> None:
        if generation != self._generations.get(node.conn):
            return
        node.loading, node.listed = False, True
        self._drop_children(node)
        self.set_problem(node.conn, "")
        if buckets:
            self.beginInsertRows(self._index_of(node), 0, len(buckets) - 1)
            node.children = [
                _Node(bucket=b.name, prefix="", parent=node, conn=node.conn) for b in buckets
            ]
            self.endInsertRows()
        else:
            index = self._index_of(node)
            self.dataChanged.emit(index, index)
        names = [b.name for b in buckets]
        self.connection_loaded.emit(node.conn, names)
        if node.conn == self.active:
            self.buckets_loaded.emit(names)

    def _on_buckets_error(self, generation: int, node: _Node, err: AppError) -> None:
        if generation != self._generations.get(node.conn):
            return
        node.loading, node.listed = False, True
        self.set_problem(node.conn, err.user_text())
        if node.conn == self.active:
            self.error.emit(err)  # others show it on their root (icon + tooltip) until picked

    def canFetchMore(self, parent: AnyIndex) -> bool:
        node = self._node(parent)
        if node is self._root or node.loading:
            return False
        return not node.listed or node.next_start_after is not None

    def fetchMore(self, parent: AnyIndex) -> None:
        node = self._node(parent)
        if node is self._root or node.loading:
            return
        if node.is_connection:
            self._list_buckets(node)
            return
        storage = self._storages.get(node.conn)
        if storage is None:
            return
        node.loading = True
        generation = self._generations.get(node.conn, 0)
        # The tree needs only the folders: columns skip building an object per row.
        fetch = getattr(storage, "list_columns", None) or storage.list_page
        self._runner.submit(
            fetch, node.bucket, node.prefix, node.next_start_after,
            on_success=lambda page: self._on_page(generation, node, page),
            on_error=lambda err: self._on_page_error(generation, node, err),
            context=self,
        )

    def _on_page(self, generation: int, node: _Node, page: ListingPage | ColumnsPage) -> None:
        if generation != self._generations.get(node.conn):
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
                _Node(bucket=node.bucket, prefix=prefix, parent=node, conn=node.conn)
                for prefix in folders
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
        if generation != self._generations.get(node.conn):
            return
        node.loading = False
        node.listed = True
        node.next_start_after = None
        self.error.emit(err)

    # -- lookups -------------------------------------------------------------------------
    def location(self, index: AnyIndex) -> tuple[str, str] | None:
        node = self._node(index)
        if node is self._root or node.is_connection:
            return None
        return node.bucket, node.prefix

    def index_for(self, bucket: str, prefix: str = "", conn: str | None = None) -> QModelIndex:
        """The index of an already-loaded bucket/folder node (of the active connection by
        default), or an invalid index."""
        index, exact = self.deepest_index(bucket, prefix, conn)
        return index if exact else QModelIndex()

    def deepest_index(self, bucket: str, prefix: str = "",
                      conn: str | None = None) -> tuple[QModelIndex, bool]:
        """The loaded node nearest to bucket/prefix, and whether it is that folder itself."""
        top = self._connection_node(conn if conn is not None else self.active)
        if top is None:
            return QModelIndex(), False
        node = next((n for n in top.children if n.bucket == bucket), None)
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
        if node.is_connection:
            return self._connection_data(node, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return display_key(node.label)
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.bucket_icon() if not node.prefix else icons.folder_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            return display_key(f"{node.bucket}/{node.prefix}")
        return None

    def _connection_data(self, node: _Node, role: int) -> Any:
        storage = self._storages.get(node.conn)
        endpoint = storage.endpoint_url if storage is not None else ""
        return root_data(role, node.title, endpoint, node.conn == self.active,
                         node.insecure, node.problem)

    def set_active(self, conn_id: str | None) -> None:
        """Which connection the table shows (its root is drawn in bold)."""
        old, self.active = self.active, conn_id
        for changed in {old, conn_id} - {None}:
            index = self.connection_index(changed)  # type: ignore[arg-type]
            if index.isValid():
                self.dataChanged.emit(index, index)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("BucketTreeModel", "Buckets")
        return None
