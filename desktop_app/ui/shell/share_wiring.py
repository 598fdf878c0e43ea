"""Joins the Share center (ui/share) to the window: "Share center…" in the Bucket menu and
beside "Copy presigned link" in the file table's menu; links
made by the "Copy presigned link" dialog join the share history too."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction

from desktop_app.core.links import Disposition, content_disposition
from desktop_app.core.share_history import FILE_NAME, LinkKind, new_link
from desktop_app.core.types import FolderEntry, ObjectEntry
from desktop_app.ui.share.center import ShareCenter
from desktop_app.ui.shell.i18n import translate


class ShareActions:
    def __init__(self, window: Any) -> None:
        self.window = window
        self.objects = window.object_actions
        self.center: ShareCenter | None = None
        self.action_center = QAction(translate("ShareCenter", "Share center…"), window)
        self.action_center.setObjectName("actionShareCenter")
        self.action_center.setToolTip(translate(
            "ShareCenter", "Download and upload links for this bucket, and what was shared"))
        self.action_center.triggered.connect(lambda _c=False: self.open())

    def history_file(self) -> Path | None:
        folder: Path | None = self.window.transfers.data_dir
        return folder / FILE_NAME if folder is not None else None

    def share_center(self) -> ShareCenter:
        if self.center is None:
            self.center = ShareCenter(self.window.context, self.history_file, self.window)
        return self.center

    def open(self) -> ShareCenter:
        """Opened on the folder shown, for the selected file if there is one."""
        bucket, prefix = self.objects.location()
        selected = self.objects.selected_entries()
        key = next((e.key for e in selected if isinstance(e, ObjectEntry)), "")
        folder = next((e.prefix for e in selected if isinstance(e, FolderEntry)), prefix)
        center = self.share_center()
        center.show_for(bucket, key, folder)
        return center

    def links_made(self, bucket: str, keys: list[str], issued: datetime, until: datetime,
                   mode: Disposition) -> None:
        conn_id = self.window.context.active_connection()
        if conn_id is None or self.history_file() is None:
            return
        self.share_center().record([
            new_link(conn_id, bucket, key, LinkKind.GET, issued, until,
                     disposition=content_disposition(mode, key) or "") for key in keys])


def install_share(window: Any) -> ShareActions:
    """`window` is the MainWindow (typed loosely: only app.py imports the window class)."""
    share = ShareActions(window)
    window.menus.add("Bucket", share.action_center, "share")
    window.object_actions.link_actions.append(share.action_center)
    window.object_actions.links_made = share.links_made
    return share
