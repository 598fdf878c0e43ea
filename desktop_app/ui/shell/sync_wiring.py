"""Joins folder sync (ui/sync) to the window: the "Sync with a local folder…" entries of the
bucket tree's menu, the Bucket menu and the folder menu, "Sync folders…" in the Transfers
menu, a folder dropped with Alt held (compared instead of uploaded), each connection's
transfer queue, upload rules for watched folders, and the connection signals that resume
interrupted runs and start watching.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop_app.core.errors import ConfigError
from desktop_app.core.upload_rules import RuleStore
from desktop_app.core.upload_rules import check as check_rules
from desktop_app.transfers.sync_run import SyncEngine
from desktop_app.transfers.sync_watch import RuleCheck
from desktop_app.ui.sync.actions import SyncActions
from desktop_app.ui.sync.drop import CompareDropFilter

log = logging.getLogger(__name__)

Entries = Callable[[QMenu, str, str], list[QAction]]


def install_sync(window: Any) -> SyncActions:
    """`window` is the MainWindow (typed loosely: only app.py imports the window class)."""
    transfers = window.transfers

    def engine_for(conn_id: str) -> SyncEngine | None:
        """The connection's queue; the transfer controller makes one on attaching, so a
        connection not shown yet is shown first."""
        if conn_id not in window.open_connections:
            return None
        if window.active_connection != conn_id:
            window.activate_connection(conn_id)
        engine: SyncEngine | None = transfers.engine
        return engine

    sync = SyncActions(window.context, engine_for, lambda: transfers.data_dir, _rules(window))
    window.menus.add("Transfers", sync.action_sync, "sync")
    tree_entries = window.bucket_tree.menu_actions
    window.bucket_tree.menu_actions = lambda menu, conn, bucket: [
        *(tree_entries(menu, conn, bucket) if tree_entries is not None else []),
        *sync.menu_actions(menu, conn, bucket)]
    places = window.window_menus.places
    place_entries: Entries = places.bucket_menu
    places.bucket_menu = lambda menu, conn_id, bucket: [
        *place_entries(menu, conn_id, bucket), *sync.menu_actions(menu, conn_id, bucket)]
    folder_entries: Entries = places.folder_menu
    places.folder_menu = lambda menu, bucket, prefix: [
        *folder_entries(menu, bucket, prefix), *sync.folder_actions(menu, bucket, prefix)]
    drops = window.transfers.drop_filter

    def target_at(viewport: QObject, pos: QPoint) -> tuple[str, str, str] | None:
        place = drops.target(viewport, pos)
        if place is None:
            return None
        if viewport is window.bucket_tree.viewport():
            conn_id = window.tree_model.connection_of(window.bucket_tree.indexAt(pos))
        else:
            conn_id = window.active_connection
        return (conn_id, *place) if conn_id else None

    compare_drop = CompareDropFilter(target_at, sync.compare_dropped, window)
    for view in (window.bucket_tree, window.object_table):
        view.viewport().installEventFilter(compare_drop)  # after the upload drop: seen first
    window.active_connection_changed.connect(sync.connection_active)
    window.connection_closed.connect(sync.connection_closed)
    if window.active_connection:
        sync.connection_active(window.active_connection)
    return sync


def _rules(window: Any) -> Callable[[str, str], RuleCheck | None]:
    """The upload rules in force for a watched pair's bucket (profile or bucket rules)."""
    def rules_for(conn_id: str, bucket: str) -> RuleCheck | None:
        folder = window.transfers.config_folder
        if folder is None:
            return None
        try:
            rules, _source = RuleStore(folder).load().in_force(conn_id, bucket)
        except ConfigError as exc:
            log.warning("Upload rules not applied to a watched folder: %s", exc.message)
            return None
        if rules is None:
            return None
        in_force = rules

        def check(path: Path, relative: str) -> tuple[str, str]:
            verdict = check_rules(in_force, path, "", relative)  # the pair adds its prefix
            return (verdict.target_key, "") if verdict.allowed else ("", verdict.reason)

        return check

    return rules_for
