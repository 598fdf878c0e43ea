"""Icons for rows and actions, from the platform style so they match the desktop theme."""

from __future__ import annotations

from functools import cache, lru_cache

from PySide6.QtCore import QMimeDatabase
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app.core.mime import type_label

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


def warning_icon() -> QIcon:
    return _standard(_SP.SP_MessageBoxWarning)


def back_icon() -> QIcon:
    return _standard(_SP.SP_ArrowBack)


def forward_icon() -> QIcon:
    return _standard(_SP.SP_ArrowForward)


def search_icon() -> QIcon:
    return _standard(_SP.SP_FileDialogContentsView)


@lru_cache(maxsize=512)
def _icon_for_suffix(suffix: str) -> QIcon:
    mime = QMimeDatabase().mimeTypeForFile(f"x.{suffix}", QMimeDatabase.MatchMode.MatchExtension)
    if mime.isDefault():
        return file_icon()
    return QIcon.fromTheme(mime.iconName(), QIcon.fromTheme(mime.genericIconName(), file_icon()))


def warm_up() -> None:
    """Load the MIME databases now (~0.1 s), not on the first row of the first listing."""
    _icon_for_suffix("txt")
    type_label("x.txt")


def type_icon(key: str) -> QIcon:
    """The desktop theme's icon for the file's type (by extension), else a plain file icon."""
    name = key.rsplit("/", 1)[-1]
    suffix = name.rpartition(".")[2].lower() if "." in name else ""
    return _icon_for_suffix(suffix) if suffix else file_icon()
