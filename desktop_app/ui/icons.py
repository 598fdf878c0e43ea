"""Icons for rows and actions, from the platform style so they match the desktop theme."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

_SP = QStyle.StandardPixmap


@cache
def _standard(pixmap: QStyle.StandardPixmap) -> QIcon:
    return QApplication.style().standardIcon(pixmap)


def folder_icon() -> QIcon:
    return _standard(_SP.SP_DirIcon)


def file_icon() -> QIcon:
    return _standard(_SP.SP_FileIcon)


def bucket_icon() -> QIcon:
    return _standard(_SP.SP_DriveHDIcon)


def up_icon() -> QIcon:
    return _standard(_SP.SP_FileDialogToParent)


def refresh_icon() -> QIcon:
    return _standard(_SP.SP_BrowserReload)
