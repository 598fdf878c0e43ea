"""The left pane's view over the `BucketTreeModel`: it turns clicks into location signals,
opens new connection roots, offers the context menu of a root and of a bucket, and follows
a wanted folder down the tree as its parents are listed.

The bucket actions in those menus (new, delete, refresh) belong to another feature: the
main window hands them in through `menu_actions`, so browse imports nothing of it.

It lives apart from the model so the model's lazy loading and per-connection generations
can be read (and tested) without the widget's behaviour around them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView, QWidget

from desktop_app.ui.browse.bucket_tree import BucketTreeModel
from desktop_app.ui.browse.tree_roots import root_menu
from desktop_app.ui.shell.i18n import translate

# (menu, connection id, bucket or "" on a connection root) -> the actions to offer there
MenuActions = Callable[[QMenu, str, str], list[QAction]]


class BucketTree(QTreeView):
    """The left pane; emits `connection_selected(id)` then `location_selected(bucket, prefix)`
    when the user picks a node, and `disconnect_requested(id)` from a root's context menu."""

    location_selected = Signal(str, str)
    connection_selected = Signal(str)
    disconnect_requested = Signal(str)

    def __init__(self, model: BucketTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bucketTree")
        self.setAccessibleName(translate("BucketTree", "Connections and buckets"))
        self.setAccessibleDescription(translate(
            "BucketTree", "Open connections, their buckets and folders"))
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
        model.rowsInserted.connect(self._expand_new_roots)
        self.context_menu: QMenu | None = None
        self.menu_actions: MenuActions | None = None  # set by the main window

    def bucket_model(self) -> BucketTreeModel:
        model = self.model()
        assert isinstance(model, BucketTreeModel)
        return model

    def _emit_location(self, index: QModelIndex) -> None:
        model = self.bucket_model()
        conn = model.connection_of(index)
        if conn is not None:
            self.connection_selected.emit(conn)
        location = model.location(index)
        if location is not None:
            self.location_selected.emit(*location)

    def _expand_new_roots(self, parent: QModelIndex, first: int, last: int) -> None:
        """A connection's buckets show at once: its root opens when it is added."""
        if not parent.isValid():
            for row in range(first, last + 1):
                self.expand(self.bucket_model().index(row, 0))

    def menu_for(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a connection root (the `menu_actions` for it, then
        "Disconnect") or of a bucket (its `menu_actions`); None for folders."""
        model = self.bucket_model()
        conn = model.connection_of(index)
        if conn is None:
            return None
        if model.is_connection(index):
            menu = root_menu(self, conn, self.disconnect_requested.emit)
            extra = self.menu_actions(menu, conn, "") if self.menu_actions else []
            if extra:
                first = menu.actions()[0]
                menu.insertActions(first, extra)
                menu.insertSeparator(first)
            return menu
        location = model.location(index)
        if location is None or location[1] or self.menu_actions is None:
            return None
        menu = QMenu(self)
        menu.setObjectName("bucketMenu")
        menu.addActions(self.menu_actions(menu, conn, location[0]))
        if not menu.actions():
            menu.deleteLater()
            return None
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.menu_for(self.indexAt(event.pos()))
        if menu is None:
            super().contextMenuEvent(event)
            return
        self.context_menu = menu
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.viewport().mapToGlobal(event.pos()))

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
