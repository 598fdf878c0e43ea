"""How a connection root of the bucket tree looks (icon, bold when active, tooltip with the
endpoint and any warning) and its context menu. Kept apart from the tree model so the model
stays about loading and lookups."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QMenu, QWidget

from desktop_app.storage.open_connections import SANDBOX_ID
from desktop_app.ui.shell import icons
from desktop_app.ui.shell.i18n import translate

INSECURE_TEXT = (QT_TRANSLATE_NOOP(
    "TreeRoots", "⚠ Certificates are not checked: anyone on the network could read or change "
    "what you send and receive."))


def root_data(role: int, title: str, endpoint: str, active: bool, insecure: bool,
              problem: str) -> Any:
    """`data()` of a root: a server icon, or a warning icon when it needs attention."""
    if role == Qt.ItemDataRole.DisplayRole:
        return title
    if role == Qt.ItemDataRole.DecorationRole:
        if problem or insecure:
            return icons.warning_icon()
        return icons.svg_icon("server")
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setBold(active)
        return font
    if role == Qt.ItemDataRole.ToolTipRole:
        lines = [title] + ([endpoint] if endpoint else [])
        if insecure:
            lines.append(translate("TreeRoots", INSECURE_TEXT))
        if problem:
            lines.append(translate(
                "TreeRoots", "⚠ Not reachable: {problem}").format(problem=problem))
        return "\n".join(lines)
    return None


def root_menu(parent: QWidget, conn_id: str, disconnect: Callable[[str], None]) -> QMenu:
    """"Disconnect" (disabled on the sandbox, whose server lives as long as the app)."""
    menu = QMenu(parent)
    menu.setObjectName("connectionRootMenu")
    action = QAction(translate("TreeRoots", "Disconnect"), menu)
    action.setObjectName("actionDisconnect")
    action.triggered.connect(lambda: disconnect(conn_id))
    if conn_id == SANDBOX_ID:
        action.setEnabled(False)
        action.setToolTip(translate(
            "TreeRoots", "The local sandbox stays open while the app runs."))
    menu.addAction(action)
    return menu
