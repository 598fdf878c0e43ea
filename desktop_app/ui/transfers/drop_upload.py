"""Drag and drop in: files and folders dropped on the file table or the bucket tree upload.

An event filter on the two views' viewports (so those widgets need no changes): dropping on
the table uploads into the folder row under the cursor, or into the folder being shown;
dropping on the tree uploads into the bucket or folder under the cursor. While a drag hovers,
the row that will receive the files is framed (a bucket or folder in the tree, a folder row
in the table), or the whole table when the files go to the folder being shown; a drop with
nowhere to go says why instead of doing nothing silently.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QWidget

from desktop_app.core.types import FolderEntry
from desktop_app.ui.shell.context import ConnectionTree, FolderListing
from desktop_app.ui.shell.i18n import translate

UploadCallback = Callable[[list[Path], str, str], None]
ExplainCallback = Callable[[str], None]
_HIGHLIGHT = "QAbstractItemView { border: 2px solid palette(highlight); }"
_MARKER = ("QFrame#dropMarker { border: 2px solid palette(highlight); border-radius: 3px;"
           " background: transparent; }")


def local_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class DropUploadFilter(QObject):
    """`table` shows `listing` (the folder being shown); `tree` shows `tree_model`."""

    def __init__(self, table: QAbstractItemView, listing: FolderListing,
                 tree: QAbstractItemView, tree_model: ConnectionTree,
                 upload: UploadCallback, explain: ExplainCallback,
                 parent: QObject | None = None,
                 use_connection: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self._listing = listing
        self._tree = tree
        self._tree_model = tree_model
        self._upload = upload
        self._explain = explain
        # A drop on another connection's bucket must upload to that server, not the shown one.
        self._use_connection = use_connection
        self._markers: dict[QWidget, QFrame] = {}
        for view in (table, tree):
            view.setAcceptDrops(True)
            view.viewport().setAcceptDrops(True)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly
                                 if view is tree else view.dragDropMode())
            view.viewport().installEventFilter(self)

    def target(self, viewport: QObject, pos: QPoint) -> tuple[str, str] | None:
        """(bucket, prefix) a drop at `pos` goes to, or None."""
        if viewport is self._table.viewport():
            model = self._listing
            if not model.bucket:
                return None
            index = self._table.indexAt(pos)
            if index.isValid():
                entry = model.entry(index.row())
                if isinstance(entry, FolderEntry):
                    return model.bucket, entry.prefix
            return model.bucket, model.prefix
        if viewport is self._tree.viewport():
            index = self._tree.indexAt(pos)
            if not index.isValid():
                return None
            return self._tree_model.location(index)
        return None

    def _view_of(self, viewport: QObject) -> QAbstractItemView | None:
        if viewport is self._table.viewport():
            return self._table
        if viewport is self._tree.viewport():
            return self._tree
        return None

    def marker(self, view: QAbstractItemView) -> QFrame:
        """The frame drawn around the row under a drag (created on first use)."""
        viewport = view.viewport()
        frame = self._markers.get(viewport)
        if frame is None:
            frame = QFrame(viewport)
            frame.setObjectName("dropMarker")
            frame.setStyleSheet(_MARKER)
            frame.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            frame.hide()
            self._markers[viewport] = frame
        return frame

    def _row_rect(self, view: QAbstractItemView, pos: QPoint) -> QRect | None:
        """Where the target row is drawn, or None when the drop goes to the whole view."""
        index = view.indexAt(pos)
        if not index.isValid():
            return None
        if view is self._table and not isinstance(self._listing.entry(index.row()), FolderEntry):
            return None
        rect = view.visualRect(index)
        return QRect(0, rect.top(), view.viewport().width(), rect.height())

    def _highlight(self, viewport: QObject, pos: QPoint | None) -> None:
        """Frame the drop target at `pos` (None: drag gone, nothing framed)."""
        view = self._view_of(viewport)
        if view is None:
            return
        has_target = pos is not None and self.target(viewport, pos) is not None
        row = self._row_rect(view, pos) if has_target and pos is not None else None
        frame = self.marker(view)
        if row is not None:
            frame.setGeometry(row)
            frame.show()
            frame.raise_()
        else:
            frame.hide()
        whole = has_target and row is None
        view.setStyleSheet(_HIGHLIGHT if whole else "")
        view.setProperty("dropTarget", has_target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            if not local_paths(event):
                event.ignore()
                return True
            # Accept even without a target, so the drop can explain why nothing happens.
            event.acceptProposedAction()
            self._highlight(watched, event.position().toPoint())
            return True
        if kind == QEvent.Type.DragLeave:
            self._highlight(watched, None)
            return False
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            self._highlight(watched, None)
            paths = local_paths(event)
            if not paths:
                event.ignore()
                return True
            where = self.target(watched, event.position().toPoint())
            if where is None:
                self._explain(
                    translate(
                        "DropUploadFilter",
                        "Nothing was uploaded: drop the files on a bucket or folder in the tree, "
                        "or open a bucket first and drop them on the file list.")
                )
                event.ignore()
                return True
            event.acceptProposedAction()
            if watched is self._tree.viewport() and self._use_connection is not None:
                index = self._tree.indexAt(event.position().toPoint())
                conn = self._tree_model.connection_of(index)
                if conn is not None:
                    self._use_connection(conn)
            self._upload(paths, *where)
            return True
        return False
