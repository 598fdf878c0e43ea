"""The extra entries of a bucket's menu (tree) and a folder's menu (file table).

Several features act on a bucket or a folder: bucket administration, statistics, duplicates
and cleanup. Each offers its own actions; this joins them, in a fixed order, so the main
window wires one object and no feature imports another.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop_app.ui.buckets.actions import BucketActions, BucketList
from desktop_app.ui.encryption.actions import EncryptionActions
from desktop_app.ui.insight.cleanup_actions import CleanupActions
from desktop_app.ui.insight.duplicates_flow import DuplicatesActions
from desktop_app.ui.insight.stats_actions import StatisticsActions
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.upload_rules.actions import UploadRulesActions


class LocationMenus:
    def __init__(self, context: WindowContext, tree: BucketList,
                 data_dir: Callable[[], Path]) -> None:
        self.bucket_actions = BucketActions(context, tree)
        self.statistics = StatisticsActions(context, data_dir)
        self.duplicates = DuplicatesActions(context)
        self.cleanup = CleanupActions(context)
        self.upload_rules: UploadRulesActions | None = None  # set by upload_rules_wiring
        self.encryption: EncryptionActions | None = None  # set by encryption_wiring

    def bucket_menu(self, menu: QMenu, conn_id: str, bucket: str) -> list[QAction]:
        """A connection root's (bucket "") or a bucket's entries in the tree's menu."""
        return [*self.bucket_actions.menu_actions(menu, conn_id, bucket),
                *self.statistics.menu_actions(menu, conn_id, bucket),
                *self.duplicates.menu_actions(menu, conn_id, bucket),
                *self.cleanup.menu_actions(menu, conn_id, bucket),
                *(self.upload_rules.menu_actions(menu, conn_id, bucket)
                  if self.upload_rules is not None else []),
                *(self.encryption.menu_actions(menu, conn_id, bucket)
                  if self.encryption is not None else [])]

    def folder_menu(self, menu: QMenu, bucket: str, prefix: str) -> list[QAction]:
        """A folder's entries in the file table's menu."""
        return [*self.statistics.folder_actions(menu, bucket, prefix),
                *self.duplicates.folder_actions(menu, bucket, prefix),
                *self.cleanup.folder_actions(menu, bucket, prefix)]
