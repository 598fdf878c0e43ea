"""What the file table shows in a cell and in its header: text, icon, alignment, tooltip.

Kept apart from `object_table` so the model there is about loading and ordering rows, and
this is about how one stored row reads. The view asks ~8 roles per cell on every repaint,
so the model answers only `ANSWERED_ROLES` here and drops the rest before any lookup.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from desktop_app.core.humanize import human_size, human_time
from desktop_app.core.keys import DOT_SEGMENT_WARNING, display_key, has_dot_segment
from desktop_app.core.row_store import (
    COL_CLASS,
    COL_ETAG,
    COL_MODIFIED,
    COL_NAME,
    COL_TYPE,
    RowStore,
)
from desktop_app.ui.shell import icons
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.roles import ENTRY_ROLE, KEY_ROLE

COLUMNS = (
    QT_TRANSLATE_NOOP("TableCells", "Name"),
    QT_TRANSLATE_NOOP("TableCells", "Size"),
    QT_TRANSLATE_NOOP("TableCells", "Type"),
    QT_TRANSLATE_NOOP("TableCells", "Last modified"),
    QT_TRANSLATE_NOOP("TableCells", "Storage class"),
    QT_TRANSLATE_NOOP("TableCells", "ETag"),
)
ANSWERED_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole, ENTRY_ROLE, KEY_ROLE,
})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def cell_data(rows: RowStore, row: int, column: int, role: int, bucket: str,
              prefix: str) -> Any:
    """The `role` value of the cell at view `row`, `column` of folder `bucket`/`prefix`."""
    i = rows.view_row(row)
    is_folder = rows.is_folder[i]
    if role == Qt.ItemDataRole.DisplayRole:
        return cell_text(rows, i, column, bool(is_folder), prefix)
    key = rows.keys[i]
    if role == Qt.ItemDataRole.DecorationRole and column == 0:
        if has_dot_segment(key):
            return icons.warning_icon()
        return icons.folder_icon() if is_folder else icons.type_icon(key)
    if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
        return _RIGHT
    if role == Qt.ItemDataRole.ToolTipRole and column == 0:
        tip = f"{bucket}/{display_key(key)}"
        return f"{tip}\n\n{DOT_SEGMENT_WARNING}" if has_dot_segment(key) else tip
    if role == Qt.ItemDataRole.ToolTipRole and column == COL_TYPE:
        return rows.type_tip(i) or None
    if role == ENTRY_ROLE:
        return rows.entry(i)
    if role == KEY_ROLE:
        return key
    return None


def cell_text(rows: RowStore, i: int, column: int, is_folder: bool, prefix: str) -> str:
    """The text of stored row `i` in `column`; names are shown relative to `prefix`."""
    if column == COL_NAME:
        name = rows.keys[i][len(prefix):]
        return display_key(name)
    if column == COL_TYPE:  # the core's type names stay English; a folder is ours
        return translate("TableCells", "Folder") if is_folder else rows.type_of(i)
    if is_folder:
        return ""
    if column == 1:
        return human_size(rows.sizes[i])
    if column == COL_MODIFIED:
        return human_time(rows.modified(i))
    if column == COL_CLASS:
        return rows.classes[i]
    if column == COL_ETAG:
        return rows.etag(i)
    return ""


def header_data(section: int, orientation: Qt.Orientation, role: int) -> Any:
    """A column title, and right alignment for the size column."""
    if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
        return None
    if role == Qt.ItemDataRole.DisplayRole:
        return translate("TableCells", COLUMNS[section])
    if role == Qt.ItemDataRole.TextAlignmentRole and section == 1:
        return _RIGHT
    return None
