"""The upload hook: a drop or an Upload… into a place with rules is checked first.

The transfer controller asks `intercept` before queueing; with no rules in force it answers
False and the upload goes on as always. Otherwise the files are scanned, checked (first
bytes, hashes when the rules need them) and looked for in the bucket on a worker; then one
pre-flight dialog lists what breaks a rule, or, when nothing does, the files are queued at
once under their rule-made keys. Duplicates the rule skips become finished rows saying
“Already in the bucket as …”; a double-click on such a row opens that object.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtWidgets import QTreeView

from desktop_app.core.errors import AppError, Cancelled, ConfigError
from desktop_app.core.upload_duplicates import Preflight, already_there, preflight
from desktop_app.core.upload_rules import RuleStore, UploadRules
from desktop_app.transfers.engine_process import QueueEngine
from desktop_app.transfers.scan import scan_upload
from desktop_app.transfers.state import State
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.upload_rules.checking import Checking
from desktop_app.ui.upload_rules.lookup import StorageLookup
from desktop_app.ui.upload_rules.preflight_dialog import PreflightDialog

_ALREADY = already_there("").split("“", 1)[0]  # "Already in the bucket as "


class UploadRulesGate(QObject):
    """`config_folder` says where upload_rules.json is (None: not known yet, no rules)."""

    def __init__(self, context: WindowContext, config_folder: Callable[[], Path | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent or context.window)
        self.context = context
        self._config_folder = config_folder
        self._store: RuleStore | None = None
        self.dialog: PreflightDialog | None = None
        self.last: Preflight | None = None  # the latest pre-flight (for tests and logs)
        self.checking: Checking | None = None  # the latest check's progress

    # -- rules -----------------------------------------------------------------------------
    def store(self) -> RuleStore | None:
        """The rule file, read on first use; a damaged file is reported once, then ignored."""
        folder = self._config_folder()
        if folder is None:
            return None
        if self._store is None or self._store.folder != folder:
            self._store = RuleStore(folder)
            try:
                self._store.load()
            except ConfigError as exc:
                self.context.show_error(exc)
        return self._store

    def profile_key(self, conn_id: str | None) -> str:
        """Rules are kept by profile id; the sandbox and environment connections by their id."""
        entry = self.context.connections.get(conn_id)
        if entry is None:
            return conn_id or ""
        return entry.profile_id or entry.conn_id

    def rules_for(self, conn_id: str | None, bucket: str) -> tuple[UploadRules | None, str]:
        store = self.store()
        if store is None or not conn_id:
            return None, ""
        try:
            return store.in_force(self.profile_key(conn_id), bucket)
        except ConfigError as exc:
            self.context.show_error(exc)
            return None, ""

    def rules_for_storage(self, storage: object, bucket: str) -> tuple[UploadRules | None, str]:
        """For the bucket Properties tab, which knows the storage, not the connection."""
        conn_id = self.context.connections.find_storage(storage)  # type: ignore[arg-type]
        return self.rules_for(conn_id, bucket)

    # -- the hook ----------------------------------------------------------------------------
    def intercept(self, engine: QueueEngine, paths: list[Path], bucket: str, prefix: str,
                  follow_symlinks: bool = False) -> bool:
        """True when rules apply here: the upload is then checked and queued by this gate."""
        rules, _source = self.rules_for(self.context.active_connection(), bucket)
        if rules is None:
            return False
        storage = self.context.active_storage()
        lookup = StorageLookup(storage) if StorageLookup.usable(storage) else None

        checking = self.checking = Checking(self.context.window)

        def check() -> Preflight:
            entries = [(e.path, e.key[len(prefix):], e.problem)
                       for e in scan_upload(paths, prefix, follow_symlinks)]
            checking.total = len(entries)
            return preflight(rules, bucket, prefix, entries, lookup, checking.stop_if_cancelled,
                             progress=checking.set_done)

        self.context.show_info(translate("UploadRules", "Checking the files against the upload "
                                                        "rules…"))
        self.context.runner.submit(
            check, on_success=lambda result: self._checked(engine, bucket, result, checking),
            on_error=lambda error: self._not_checked(error, checking), context=self,
            long_running=True)
        return True

    def _not_checked(self, error: AppError, checking: Checking) -> None:
        checking.finish()
        if isinstance(error, Cancelled):
            self.context.show_info(translate("UploadRules", "Upload cancelled while checking "
                                                            "the files: nothing was sent."))
        else:
            self.context.show_error(error)

    def _checked(self, engine: QueueEngine, bucket: str, result: Preflight,
                 checking: Checking) -> None:
        checking.finish()
        self.last = result
        if not result.needs_answer:
            self.queue(engine, bucket, result, with_duplicates=False)
            return
        dialog = self.dialog = PreflightDialog(result, bucket, self.context.window)
        dialog.accepted.connect(
            lambda: self.queue(engine, bucket, result, dialog.upload_duplicates()))
        dialog.open()

    def queue(self, engine: QueueEngine, bucket: str, result: Preflight,
              with_duplicates: bool) -> None:
        """Queue what passed (and the skipped duplicates as rows that say where they are)."""
        files = result.files(with_duplicates)
        skipped = result.skipped(with_duplicates)
        if not files and not skipped:
            self.context.show_info(translate("UploadRules", "Nothing was uploaded: every file "
                                                            "breaks an upload rule."))
            return
        if files:
            self.context.show_info(translate(
                "UploadRules", "{count} file(s) queued for upload.", "", len(files)).format(
                count=len(files)))
        else:
            self.context.show_info(translate(
                "UploadRules", "Nothing was uploaded: the content of every file is already in "
                               "the bucket (see the transfer queue)."))
        queue = getattr(self.context.window, "transfer_queue", None)

        def refresh(_ids: object) -> None:
            if queue is not None and shiboken6.isValid(queue):
                queue.queue_model.refresh()

        known = result.known_sha256(with_duplicates)  # multipart uploads store it as well
        self.context.runner.submit(engine.upload_files, bucket, files, None, skipped, known,
                                   on_success=refresh, on_error=self._failed, context=self,
                                   long_running=True)

    def _failed(self, error: AppError) -> None:
        self.context.show_error(error)

    # -- "already in the bucket as …" rows link there ----------------------------------------
    def link_rows(self, view: QTreeView) -> None:
        view.doubleClicked.connect(lambda index: self.open_existing(view, index))

    def open_existing(self, view: QTreeView, index: QModelIndex) -> bool:
        """A skipped duplicate's row double-clicked: show the object that holds its bytes."""
        model = view.model()
        ids = model.ids_for([index.siblingAtColumn(0)]) if hasattr(model, "ids_for") else []
        rows = {v.id: v for v in model.transfers()} if hasattr(model, "transfers") else {}
        row = rows.get(ids[0]) if len(ids) == 1 else None
        if row is None or row.state is not State.SKIPPED or not row.error.startswith(_ALREADY):
            return False
        browse = getattr(self.context.window, "browse", None)
        if browse is not None and hasattr(browse, "open_result"):
            browse.open_result(row.bucket, row.key)
        else:
            self.context.open_location(row.bucket, row.key[:row.key.rfind("/") + 1])
        return True
