"""A folder dropped with Alt held opens the Sync window to compare it with the place it was
dropped on, instead of uploading it (a plain drop still uploads).

It filters the same views as the upload drop and is installed after it, so it sees the drop
first; anything that is not one local folder dropped with Alt goes on to the upload.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QDragLeaveEvent, QDropEvent

COMPARE_MODIFIER = Qt.KeyboardModifier.AltModifier

# (viewport, position) -> (connection id, bucket, prefix) of the drop target, or None
TargetAt = Callable[[QObject, QPoint], tuple[str, str, str] | None]
OpenCompare = Callable[[str, str, str, Path], None]  # (connection, bucket, prefix, folder)


class CompareDropFilter(QObject):
    def __init__(self, target_at: TargetAt, open_compare: OpenCompare,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target_at = target_at
        self.open_compare = open_compare

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Drop:
            return False
        assert isinstance(event, QDropEvent)
        if not event.modifiers() & COMPARE_MODIFIER:
            return False
        mime = event.mimeData()
        folders = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()] \
            if mime.hasUrls() else []
        if len(folders) != 1 or not folders[0].is_dir():
            return False  # files, or several folders: uploaded as usual
        where = self.target_at(watched, event.position().toPoint())
        if where is None:
            return False  # the upload drop explains where to drop
        event.acceptProposedAction()
        QCoreApplication.sendEvent(watched, QDragLeaveEvent())  # the upload drop's marker goes
        self.open_compare(*where, folders[0])
        return True
