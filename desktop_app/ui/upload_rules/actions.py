"""Where the upload rules are reached: "Upload rules…" in a connection's and a bucket's menu
in the tree and in the Bucket menu; the gate that checks uploads; the Properties tab's source."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop_app.core.errors import AppError
from desktop_app.core.upload_rules import UploadRules
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.upload_rules.editor_dialog import UploadRulesEditor
from desktop_app.ui.upload_rules.gate import UploadRulesGate


class UploadRulesActions:
    def __init__(self, context: WindowContext, config_folder: Callable[[], Path | None]) -> None:
        self.context = context
        self.gate = UploadRulesGate(context, config_folder)
        self.editor: UploadRulesEditor | None = None
        self.bucket_action = QAction(translate(
            "UploadRulesActions", "Upload rules…"), context.window)
        self.bucket_action.setObjectName("actionUploadRules")
        self.bucket_action.setToolTip(translate(
            "UploadRulesActions", "Size limit, allowed kinds, naming and duplicates for uploads "
            "into the bucket shown"))
        self.bucket_action.triggered.connect(self._for_shown_bucket)
        menus = getattr(context.window, "menus", None)
        if menus is not None:
            menus.add("Bucket", self.bucket_action, "rules")

    def menu_actions(self, menu: QMenu, conn_id: str, bucket: str) -> list[QAction]:
        """The tree's menu: a connection's rules (bucket ""), or one bucket's override."""
        action = QAction(translate("UploadRulesActions", "Upload rules…"), menu)
        action.setObjectName("actionUploadRulesTree")
        action.triggered.connect(lambda *_: self.edit(conn_id, bucket))
        return [action]

    def _for_shown_bucket(self) -> None:
        conn_id = self.context.active_connection()
        if not conn_id:
            self.context.show_info(translate("UploadRulesActions", "Open a connection first."))
            return
        self.edit(conn_id, self.context.listing.bucket)

    def edit(self, conn_id: str, bucket: str = "") -> UploadRulesEditor | None:
        store = self.gate.store()
        if store is None:
            self.context.show_info(translate(
                "UploadRulesActions", "Upload rules need the settings folder, which is not known "
                "yet."))
            return None
        key = self.gate.profile_key(conn_id)
        entry = self.context.connections.get(conn_id)
        name = entry.name if entry is not None else conn_id
        if bucket:
            own = store.bucket_rules(key, bucket)
            rules = own or store.connection_rules(key)
            where = translate(
                "UploadRulesActions", "Rules for uploads into the bucket “{bucket}” on {name}. "
                "They replace the connection's rules for this bucket.").format(
                bucket=bucket, name=name)
            inherited = own is None
        else:
            rules = store.connection_rules(key)
            where = translate(
                "UploadRulesActions", "Rules for uploads into every bucket of {name} (a bucket can "
                "have its own).").format(name=name)
            inherited = False
        editor = self.editor = UploadRulesEditor(where, rules, inherited, self.context.window)
        editor.saved.connect(lambda new: self._save(key, bucket, new))
        editor.open()
        return editor

    def _save(self, key: str, bucket: str, rules: UploadRules | None) -> None:
        store = self.gate.store()
        if store is None:
            return
        store.set_rules(key, rules, bucket)
        self.context.runner.submit(
            store.save, on_success=lambda _r: self.context.show_info(translate(
                "UploadRulesActions", "Upload rules saved.")),
            on_error=self._not_saved)

    def _not_saved(self, error: AppError) -> None:
        self.context.show_error(AppError(translate(
            "UploadRulesActions", "The upload rules were not saved: {error}").format(
            error=error.user_text()), translate(
                "UploadRulesActions", "Check that the settings folder can be written.")))
