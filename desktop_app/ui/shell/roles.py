"""Item-data roles the file table's model answers. Shared here so a feature reads rows of a
view it did not build (the object actions read ENTRY_ROLE) without importing browse/."""

from __future__ import annotations

from PySide6.QtCore import Qt

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's FolderEntry or ObjectEntry
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's full key
