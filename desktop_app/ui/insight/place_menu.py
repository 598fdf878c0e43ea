"""The one shape of a housekeeping entry in the tree's and the file table's menus: an action
for a place (connection, bucket, folder) that opens its window. Statistics, duplicates and
cleanup each describe their entry; this builds it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop_app.ui.shell.context import WindowContext


@dataclass(frozen=True)
class PlaceEntry:
    text: str
    name: str  # the action's object name (tests and the menu find it by this)
    tip: str
    open: Callable[[str, str, str], None]  # (connection id, bucket, prefix)
    on_roots: bool = False  # offered on a connection root too (bucket "")

    def action(self, menu: QMenu, conn_id: str, bucket: str, prefix: str) -> QAction:
        action = QAction(self.text, menu)
        action.setObjectName(self.name)
        action.setToolTip(self.tip)
        action.triggered.connect(lambda *_: self.open(conn_id, bucket, prefix))
        return action

    def tree_actions(self, menu: QMenu, conn_id: str, bucket: str) -> list[QAction]:
        """For the tree: a bucket's entry (and a root's, where `on_roots`)."""
        if not bucket and not self.on_roots:
            return []
        return [self.action(menu, conn_id, bucket, "")]

    def folder_actions(self, context: WindowContext, menu: QMenu, bucket: str,
                       prefix: str) -> list[QAction]:
        """For the file table: the selected folder's entry (or the one shown)."""
        conn_id = context.active_connection()
        if conn_id is None or not bucket:
            return []
        return [self.action(menu, conn_id, bucket, prefix)]
