"""Glue between the main window and the transfer engine.

Creates the engine (with its per-server journal in the data dir) when a connection is
attached, restores the journalled queue, feeds the queue dock, installs drag-and-drop upload,
offers "Download…" for the selected rows, and tells the user when a batch ends while the
window is in the background. Engine calls that may block (folder scans, listings) go through
the `TaskRunner` like every other slow call.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QApplication

from desktop_app.core.desktop_notify import notify
from desktop_app.core.errors import AccessDenied, AppError, ConfigError
from desktop_app.core.paths import config_dir, data_dir
from desktop_app.core.transfer_types import RemoteObject
from desktop_app.core.types import FolderEntry, ObjectEntry
from desktop_app.storage.protocol import Storage, TransferStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.engine_process import EngineProcess, QueueEngine
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import ConflictPolicy, TransferOptions
from desktop_app.transfers.paths import beside_folders, files_beside_folders
from desktop_app.transfers.rows import TransferView
from desktop_app.transfers.settings import load_options
from desktop_app.transfers.state import Direction, State
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.transfers.conflict_dialog import ConflictAsker
from desktop_app.ui.transfers.drag_out import DragOutFilter, clear_temp_area
from desktop_app.ui.transfers.drop_upload import DropUploadFilter
from desktop_app.ui.transfers.incomplete_uploads import IncompleteUploadsDialog
from desktop_app.ui.transfers.queue import TransferQueue

log = logging.getLogger(__name__)

# Transfer workers hold the GIL in short bursts; a 2 ms switch interval (default 5 ms) lets
# the GUI thread get it back sooner, which keeps repaint gaps short while the queue runs.
GUI_SWITCH_INTERVAL = 0.002


def settle_heap() -> None:
    """Put every object alive now (Qt bindings, modules, the window) out of the cyclic
    collector's sight. A full collection holds the GIL while it walks all objects: 15-30 ms
    with the window up, measured as GUI-thread gaps while transfers allocate; afterwards it
    walks only what was made since."""
    gc.collect()
    gc.freeze()
# Niceness for transfer threads (0 = same priority as the GUI). Tried 10 on the shared VM: a
# short experiment halved the typical GUI gap, but a full `make bench` run showed the same
# worst gaps and slower downloads, so it stays off until measured on a quieter machine.
WORKER_NICENESS = 0
RECHECK_S = 5.0  # at most this often, transfers waiting for the server re-check it


class TransferController(QObject):
    """`table` and `tree` are the file table and bucket tree views (drops land on both,
    drags start from the table); `queue` is the transfer queue dock it feeds."""

    def __init__(self, context: WindowContext, table: QAbstractItemView,
                 tree: QAbstractItemView, queue: TransferQueue) -> None:
        super().__init__(context.window)
        self.context = context
        self.table = table
        self.queue = queue
        self.data_dir: Path | None = None
        self.config_folder: Path | None = None
        # Asked before queueing an upload (upload rules): True when it took the upload over.
        self.before_upload: Callable[[QueueEngine, list[Path], str, str, bool], bool] | None = None
        self._settings_error: AppError | None = None
        # Ask about conflicts (the headless engine's default is "keep both").
        self.options = TransferOptions(conflict=ConflictPolicy.ASK,
                                       worker_niceness=WORKER_NICENESS)
        self.asker = ConflictAsker(context.window)
        self.engine: QueueEngine | None = None  # the shown connection's engine
        self._engines: dict[int, QueueEngine] = {}  # by id() of each open storage
        self._storages: dict[int, TransferStorage] = {}  # the same keys
        self.notifications = True  # a desktop notice when a batch ends in the background
        self.drop_filter = DropUploadFilter(
            table, context.listing, tree, context.tree, self.upload, context.show_info,
            self, use_connection=self._use_connection,
        )
        self.drag_out = DragOutFilter(
            table, context.listing, context.runner, lambda: self.engine, self._drag_area,
            context.show_info, self,
        )
        self.action_unfinished = QAction(translate(
            "TransferController", "Unfinished uploads…"), context.window)
        self.action_unfinished.setObjectName("actionUnfinishedUploads")
        self.action_unfinished.setToolTip(
            translate(
                "TransferController",
                "List interrupted uploads in the current bucket and abort them"))
        self.action_unfinished.triggered.connect(self.show_unfinished_uploads)
        queue.toolbar.addSeparator()
        queue.toolbar.addAction(self.action_unfinished)
        queue.queue_model.batch_finished.connect(self._batch_finished)
        queue.queue_model.server_unreachable.connect(self._recheck_server)
        queue.queue_model.server_back.connect(self._recheck_server)
        self._rechecked = -RECHECK_S
        self._recheck_later = QTimer(self)
        self._recheck_later.setSingleShot(True)
        self._recheck_later.timeout.connect(self._recheck_server)

    def _recheck_server(self) -> None:
        """Transfers started waiting for the server, or got through again: let the status
        bar say so now, not at its next regular check (up to half a minute later). At most
        every few seconds; a change within that time is checked once it has passed."""
        wait = self._rechecked + RECHECK_S - time.monotonic()
        if wait > 0:
            if not self._recheck_later.isActive():
                self._recheck_later.start(int(wait * 1000) + 1)
            return
        self._rechecked = time.monotonic()
        self.context.check_server()

    def configure(self, environ: Mapping[str, str]) -> None:
        """Where the journal lives, and the transfer settings from the config folder."""
        self.data_dir = data_dir(environ)
        self.config_folder = config_dir(environ)
        try:
            self.options = load_options(config_dir(environ), self.options)
        except ConfigError as exc:
            self._settings_error = exc
            self.context.show_error(exc)

    def apply_options(self, options: TransferOptions) -> int:
        """New transfer settings (Preferences): engines started from now on get them, and
        the engine of each open connection with nothing queued or running is restarted
        with them at once (its journal is empty, so nothing is lost; its finished rows
        leave the list). Returns how many engines are busy and keep their settings until
        their connection is opened again."""
        self.options = replace(options, worker_niceness=WORKER_NICENESS)
        busy = 0
        for key, engine in list(self._engines.items()):
            storage = self._storages.get(key)
            if storage is None or any(not v.state.finished for v in engine.snapshot()):
                busy += 1
                continue
            engine.shutdown(wait=False)
            fresh = self._engines[key] = self._start_engine(storage)
            if engine is self.engine:
                self.engine = fresh
                self.queue.set_engine(fresh)
        return busy

    def unfinished(self) -> int:
        """Transfers not finished yet over every open connection (asked before quitting)."""
        return sum(not v.state.finished for e in self._engines.values() for v in e.snapshot())

    def show_when_attached(self, error: AppError) -> None:
        """A settings problem: shown now, and again once a connection is attached (which
        clears the message bar)."""
        self._settings_error = error
        self.context.show_error(error)

    def _drag_area(self) -> Path | None:
        return self.data_dir / "drag-out" if self.data_dir is not None else None

    # -- lifecycle -----------------------------------------------------------------------
    def attach(self, storage: Storage) -> None:
        """Show (and create on first use) the engine of this connection. Each open connection
        keeps its own engine, so switching roots never stops transfers in progress."""
        if not isinstance(storage, TransferStorage):
            self.engine = None
            self.queue.set_engine(None)
            return
        engine = self._engines.get(id(storage))
        if engine is None:
            engine = self._start_engine(storage)
            self._engines[id(storage)] = engine
            self._storages[id(storage)] = storage
        self.engine = engine
        self.queue.set_engine(engine)
        if self._settings_error is not None:  # attaching hid the message bar: show it again
            self.context.show_error(self._settings_error)
            self._settings_error = None

    def engine_of(self, storage: object) -> QueueEngine | None:
        """The engine of an open connection's storage, if it has one yet."""
        return self._engines.get(id(storage))

    def _start_engine(self, storage: TransferStorage) -> QueueEngine:
        """The engine runs in a process of its own (the window's thread then never waits
        for the GIL behind transfer threads); storages that cannot be rebuilt there (test
        doubles) get one in this process."""
        journal_path = None
        if self.data_dir is not None:
            settings = getattr(storage, "settings", None)
            access_key = getattr(settings, "access_key", "")
            journal_path = Journal.path_for_server(self.data_dir, storage.endpoint_url,
                                                   access_key)
        drag_area = self._drag_area()
        if drag_area is not None and not self._engines:
            clear_temp_area(drag_area)
        factory = getattr(storage, "transfer_factory", None)
        engine: QueueEngine | None = None
        if factory is not None:
            try:
                engine = EngineProcess(storage, factory(), self.options, journal_path)
            except OSError:  # no way to start a process here: transfers run in this one
                log.warning("Could not start the transfer process", exc_info=True)
        if engine is None:
            engine = TransferEngine(storage, self.options,
                                    Journal(journal_path) if journal_path else None)
        engine.set_conflict_resolver(self.asker)
        self.context.runner.submit(engine.restore, on_success=lambda _ids: None,
                                  on_error=self.context.show_error, context=self)
        return engine

    def detach(self, storage: Storage) -> None:
        """A connection closed: stop its engine (the journal keeps its queue for next time)."""
        self._storages.pop(id(storage), None)
        engine = self._engines.pop(id(storage), None)
        if engine is None:
            return
        if engine is self.engine:
            self.engine = None
            self.queue.set_engine(None)
        engine.shutdown(wait=False)

    def shutdown(self) -> None:
        self.asker.close()
        self.queue.shutdown()  # stops polling, pauses the shown engine
        for engine in self._engines.values():
            engine.shutdown(wait=False)
        self._engines.clear()
        self.engine = None

    def _use_connection(self, conn_id: str) -> None:
        """Show the connection a drop landed on, so its engine takes the upload."""
        if conn_id != self.context.active_connection():
            self.context.activate_connection(conn_id)

    # -- uploads -------------------------------------------------------------------------
    def upload(self, paths: list[Path], bucket: str, prefix: str) -> None:
        engine = self.engine
        if engine is None:
            self.context.show_info(translate(
                "TransferController", "Not connected yet: nothing was uploaded."))
            return
        hook = self.before_upload
        if hook is not None and hook(engine, paths, bucket, prefix, self.options.follow_symlinks):
            return
        self.context.runner.submit(
            engine.upload_paths, paths, bucket, prefix,
            on_success=lambda _ids: self.queue.queue_model.refresh(),
            on_error=self.context.show_error, context=self, long_running=True,
        )

    # -- downloads -----------------------------------------------------------------------
    def queue_download(self, target: Path) -> bool:
        """The object actions' Download…: False when this connection has no engine (a
        storage it cannot drive), so they download the simple way."""
        if self.engine is None:
            return False
        self.download_selection(target)
        return True

    def download_selection(self, target: Path) -> None:
        """Download the selected table rows (objects and whole folders) into `target`."""
        engine = self.engine
        table, model = self.table, self.context.listing
        if engine is None or not model.bucket:
            return
        rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
        entries = [model.entry(r) for r in rows]
        objects = [RemoteObject(e.key, e.size, e.etag) for e in entries
                   if isinstance(e, ObjectEntry)]
        folders = [e.prefix for e in entries if isinstance(e, FolderEntry)]
        bucket, prefix = model.bucket, model.prefix
        if not objects and not folders:
            self.context.show_info(translate(
                "TransferController", "Select files or folders to download first."))
            return
        twins = beside_folders([o.key for o in objects], folders)  # `dup` beside `dup/`
        objects = [o for o in objects if o.key not in twins]

        def queue() -> None:
            if objects:
                engine.download_objects(bucket, objects, target, prefix)
            missed: list[tuple[str, AppError]] = []
            for folder in folders:  # one folder that cannot be listed stops no other
                try:
                    engine.download_prefix(bucket, folder, target)
                except AppError as exc:
                    missed.append((folder, exc))
            error = folders_not_queued(missed, bool(objects)) if missed else None
            if twins:
                left_out = files_beside_folders(twins)
                if error is None:
                    raise left_out
                error.hint += f" {left_out.user_text()}"
            if error is not None:
                raise error

        self.context.runner.submit(
            queue, on_success=lambda _r: self.queue.queue_model.refresh(),
            on_error=self.context.show_error, context=self, long_running=True,
        )

    # -- maintenance ---------------------------------------------------------------------
    def show_unfinished_uploads(self) -> IncompleteUploadsDialog | None:
        bucket = self.context.listing.bucket
        if self.engine is None or not bucket:
            self.context.show_info(translate(
                "TransferController", "Open a bucket first to see its unfinished uploads."))
            return None
        dialog = IncompleteUploadsDialog(self.engine, self.context.runner, bucket,
                                         self.context.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- notifications -------------------------------------------------------------------
    def _batch_finished(self, _batch: int, failed: int, uploads: bool) -> None:
        model = self.context.listing
        if uploads and model.bucket:
            model.refresh()  # show what just arrived
        rows = self.queue.queue_model.batch_rows(_batch)
        if failed:
            self.context.show_error(batch_error(rows, failed))
        window = self.context.window
        if self.notifications and not window.isActiveWindow():
            QApplication.alert(window)
            self.context.runner.submit(notify, *batch_notice(rows, failed),
                                      on_success=lambda _sent: None, on_error=lambda _exc: None)


def _uploads(rows: list[TransferView]) -> bool:
    """A batch goes one way: its first row says which."""
    return bool(rows) and rows[0].direction is Direction.UPLOAD


def batch_error(rows: list[TransferView], failed: int) -> AppError:
    """What the message bar says when a batch ends with failures. When the server refused
    every upload, the target is read-only for this account: say that, not just "failed"."""
    failures = [v for v in rows if v.state is State.FAILED]
    uploads = _uploads(rows)
    if uploads and failures and all(v.denied for v in failures):
        first = failures[0]
        folder = first.key.rpartition("/")[0]
        where = f"{first.bucket}/{folder}" if folder else first.bucket
        refused = len(failures)
        text = translate(
            "Controller",
            "Nothing was uploaded to “{where}”: this account may not write there (the server "
            "answered Access Denied).") if refused == len(rows) else translate(
            "Controller",
            "{failures} file(s) was/were not uploaded to “{where}”: this account may not write "
            "there (the server answered Access Denied).", "", refused)
        return AccessDenied(
            text.format(failures=refused, where=where),
            translate(
                "Controller",
                "Ask the bucket's owner for write access, or drop the files on another bucket."),
        )
    return AppError(
        translate(
            "Controller",
            "{failed} transfer(s) failed.", "", failed).format(
            failed=failed,
        ),
        translate(
            "Controller",
            "See the Error column in the transfer queue; select them and press Retry."),
    )


def folders_not_queued(missed: list[tuple[str, AppError]], files_queued: bool) -> AppError:
    """A folder is queued by listing it: when that fails, nothing of it is in the queue (unlike
    a file's row, which waits for the server), so say which folders to download again."""
    names = ", ".join(f"“{folder}”" for folder, _exc in missed[:3])
    if len(missed) > 3:
        names += translate("Controller", " and {value} more").format(value=len(missed) - 3)
    first = missed[0][1]
    count = len(missed)
    hint = translate("Controller", "Download it/them again once that is solved.", "",
                     count)
    if files_queued:
        hint += translate("Controller", " The files you selected on their own are in the queue.")
    error = AppError(translate(
        "Controller", "{names} was/were not queued for download: {user_text}", "", count).format(
        names=names, user_text=first.user_text()), hint)
    error.title = first.title  # the kind of failure (e.g. “Cannot reach the server”)
    return error


def batch_notice(rows: list[TransferView], failed: int) -> tuple[str, str, str]:
    """Title, text and icon name (freedesktop naming spec) of the desktop notification for
    a batch that ended."""
    count = len(rows)
    files = translate(
        "Controller", "{count} file(s)", "", count).format(count=count)
    uploads = _uploads(rows)
    if uploads:
        place = f"“{rows[0].bucket}”"
    else:
        place = f"“{rows[0].local_path.parent}”" if rows else translate(
            "Controller", "your computer")
    if failed:
        return (translate(
            "Controller", "{failed} of {files} failed").format(failed=failed, files=files),
                translate(
                    "Controller",
                    "Open MinIO Desktop: the transfer queue says why, and Retry sends them again."),
                "dialog-error")
    done = translate(
        "Controller", "uploaded to") if uploads else translate(
        "Controller", "downloaded to")
    icon = "document-send" if uploads else "document-save"
    return translate("Controller", "Transfers finished"), f"{files} {done} {place}.", icon
