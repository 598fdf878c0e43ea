"""The long object actions as small state machines: ask (a dialog opened with `open()`),
work (on a transfer worker, reporting through a polled `Progress`), then report.

delete:     [count folders] -> confirm -> multi-object delete -> report
copy/move:  destination -> plan (list + collisions) -> [ask collisions] -> copy [-> delete]
open:       download to a private temp folder -> open with the desktop's default app
download:   choose folder -> download (temp file, then link into place)

Dialogs and progress windows are kept in `active_dialog` / `active_progress`, which is also
how tests drive them without a blocking `exec()`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow

from desktop_app.core.errors import AppError, Cancelled
from desktop_app.core.keys_text import shown_key
from desktop_app.core.types import FolderEntry, ObjectEntry
from desktop_app.storage.bulk_copy import (
    Collision,
    CopyPlan,
    copy_items,
    plan_copy,
    resolve,
)
from desktop_app.storage.bulk_ops import BulkReport, Expanded, Progress, delete_expanded, expand
from desktop_app.storage.protocol import SINGLE_COPY_LIMIT, Storage
from desktop_app.transfers.simple_download import download, parent_prefix, plan_download
from desktop_app.ui.objects.bulk_progress import BulkProgressDialog
from desktop_app.ui.objects.copy_move_dialog import CollisionDialog, DestinationDialog, NameDialog
from desktop_app.ui.objects.delete_dialog import DeleteDialog, ReportDialog, report_text
from desktop_app.ui.objects.properties_dialog import PropertiesDialog, folder_fields, object_fields
from desktop_app.ui.shell.tasks import TaskRunner

Entry = FolderEntry | ObjectEntry
SHOW_PROGRESS_AFTER_MS = 300
MAX_OPEN_AT_ONCE = 10


def key_of(entry: Entry) -> str:
    return entry.prefix if isinstance(entry, FolderEntry) else entry.key


def open_with_desktop(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ActionFlows(QObject):
    """Base of `ObjectActions`: everything that talks to the server in bulk."""

    def __init__(self, window: QMainWindow, runner: TaskRunner) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.active_dialog: QDialog | None = None
        self.active_progress: BulkProgressDialog | None = None
        self.last_report: BulkReport | None = None
        self.opened: list[Path] = []
        # Collaborators tests (or a future transfer queue) replace:
        self.open_file: Callable[[Path], bool] = open_with_desktop
        self.choose_folder: Callable[[Callable[[Path], None]], None] = self._choose_folder
        self.multipart_threshold = SINGLE_COPY_LIMIT
        self.part_size: int | None = None
        self._temp_root: Path | None = None
        self._running: set[Progress] = set()

    # -- hooks the subclass provides -----------------------------------------------------
    def storage(self) -> Storage | None:
        raise NotImplementedError

    def location(self) -> tuple[str, str]:
        raise NotImplementedError

    def selected_entries(self) -> list[Entry]:
        raise NotImplementedError

    def show_error(self, err: AppError) -> None:
        raise NotImplementedError

    def show_status(self, text: str) -> None:
        raise NotImplementedError

    def after_change(self) -> None:
        """The folder's contents changed: refresh the listing."""
        raise NotImplementedError

    def open_folder(self, prefix: str) -> None:
        raise NotImplementedError

    def cancel_all(self) -> None:
        """The window closes: running bulk work stops at its next request."""
        for progress in list(self._running):
            progress.cancel()

    def bucket_names(self) -> list[str]:
        raise NotImplementedError

    def connection_choices(self) -> list[tuple[str, str]]:
        """Open connections as (id, name), for Copy to… another connection."""
        return []

    def active_connection(self) -> str:
        return ""

    def storage_of(self, conn_id: str) -> Storage | None:
        return None

    def bucket_names_of(self, conn_id: str) -> list[str]:
        return self.bucket_names()

    def queue_download(self, folder: Path) -> bool:
        """Hand the selection to the transfer queue; False when there is none for it."""
        return False

    # -- plumbing ------------------------------------------------------------------------
    def _ready(self) -> tuple[Storage, str, list[Entry]] | None:
        storage = self.storage()
        bucket, _ = self.location()
        entries = self.selected_entries()
        if storage is None or not bucket:
            self.show_status("Not connected to a bucket.")
            return None
        if not entries:
            self.show_status("Select one or more items first.")
            return None
        return storage, bucket, entries

    def open_dialog(self, dialog: QDialog) -> None:
        self.active_dialog = dialog

        def closed(_result: int) -> None:
            if self.active_dialog is dialog:
                self.active_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()

    def run_job(self, title: str, work: Callable[[Progress], Any],
                on_done: Callable[[Any], None]) -> None:
        progress = Progress()
        dialog = BulkProgressDialog(title, progress, self.window)
        self.active_progress = dialog
        dialog.show_later(SHOW_PROGRESS_AFTER_MS)

        def finish() -> None:
            self._running.discard(progress)
            dialog.finish()
            if self.active_progress is dialog:
                self.active_progress = None

        def ok(result: Any) -> None:
            finish()
            on_done(result)

        def failed(err: AppError) -> None:
            finish()
            if isinstance(err, Cancelled):
                self.show_status(f"{title}: cancelled.")
            else:
                self.show_error(err)

        self._running.add(progress)
        future = self.runner.submit(work, progress, on_success=ok, on_error=failed,
                                    context=self, long_running=True)
        if future is None:  # the window is closing
            finish()

    def report(self, report: BulkReport, verb: str, title: str, changed: bool = True) -> None:
        self.last_report = report
        if changed:
            self.after_change()
        text = report_text(report, verb)
        self.show_status(text)
        if report.failures:
            self.open_dialog(ReportDialog(f"{title}: some items failed", report, verb,
                                          self.window))

    # -- delete --------------------------------------------------------------------------
    def delete_selected(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        storage, bucket, entries = ready
        names = [key_of(e) for e in entries]
        objects = [e for e in entries if isinstance(e, ObjectEntry)]
        if len(objects) == len(entries):
            self._confirm_delete(storage, bucket, names, Expanded(tuple(objects)))
            return
        self.run_job(
            "Counting what will be deleted",
            lambda p: expand(storage, bucket, entries, p),
            lambda expanded: self._confirm_delete(storage, bucket, names, expanded),
        )

    def _confirm_delete(self, storage: Storage, bucket: str, names: list[str],
                        expanded: Expanded) -> None:
        dialog = DeleteDialog(bucket, names, expanded, self.window)
        dialog.accepted.connect(lambda: self.run_job(
            "Deleting",
            lambda p: delete_expanded(storage, bucket, expanded, p),
            lambda r: self.report(r, "Deleted", "Delete"),
        ))
        self.open_dialog(dialog)

    # -- copy, move, rename --------------------------------------------------------------
    def copy_to(self) -> None:
        self._ask_destination(move=False)

    def move_to(self) -> None:
        self._ask_destination(move=True)

    def _ask_destination(self, move: bool) -> None:
        ready = self._ready()
        if ready is None:
            return
        storage, bucket, entries = ready
        _, prefix = self.location()
        home = self.active_connection()
        dialog = DestinationDialog(move, len(entries), self.bucket_names(), bucket, prefix,
                                   self.window, self.connection_choices(), home,
                                   self.bucket_names_of)

        def chosen() -> None:
            conn = dialog.destination_connection()
            target = self.storage_of(conn) if conn and conn != home else None
            if conn and conn != home and target is None:
                self.show_status("That connection was closed meanwhile.")
                return
            self.start_copy(storage, bucket, entries, *dialog.destination(), move=move,
                            dst_storage=target)

        dialog.accepted.connect(chosen)
        self.open_dialog(dialog)

    def rename(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        storage, bucket, entries = ready
        if len(entries) != 1:
            self.show_status("Select a single item to rename.")
            return
        entry = entries[0]
        dialog = NameDialog("Rename", f"New name for “{shown_key(entry.name)}”:", entry.name,
                            self.window)

        def renamed() -> None:
            name = dialog.name()
            if name != entry.name:
                self.start_copy(storage, bucket, [entry], bucket, parent_prefix(key_of(entry)),
                                move=True, new_name=name)

        dialog.accepted.connect(renamed)
        self.open_dialog(dialog)

    def start_copy(self, storage: Storage, src_bucket: str, entries: Sequence[Entry],
                   dst_bucket: str, dst_prefix: str, move: bool,
                   new_name: str | None = None, dst_storage: Storage | None = None) -> None:
        """`dst_storage`: another open connection (bytes stream through this process)."""
        self.run_job(
            "Preparing",
            lambda p: plan_copy(storage, src_bucket, entries, dst_bucket, dst_prefix, p,
                                new_name, dst_storage),
            lambda plan: self._after_plan(storage, plan, move, dst_storage),
        )

    def _after_plan(self, storage: Storage, plan: CopyPlan, move: bool,
                    dst_storage: Storage | None = None) -> None:
        # Folder markers that exist already are no conflict: the folders simply merge.
        if not any(not c.dst_key.endswith("/") for c in plan.collisions):
            self._run_copy(storage, plan, Collision.OVERWRITE, move, dst_storage)
            return
        dialog = CollisionDialog(plan, self.window)

        def chosen() -> None:
            if dialog.choice is not None:
                self._run_copy(storage, plan, dialog.choice, move, dst_storage)

        dialog.accepted.connect(chosen)
        self.open_dialog(dialog)

    def _run_copy(self, storage: Storage, plan: CopyPlan, policy: Collision,
                  move: bool, dst_storage: Storage | None = None) -> None:
        threshold, part = self.multipart_threshold, self.part_size
        target = dst_storage if dst_storage is not None else storage

        def work(progress: Progress) -> BulkReport:
            todo, skipped = resolve(plan, policy, target)
            return copy_items(storage, plan, todo, progress, move, skipped, threshold, part,
                              dst_storage)

        verb = "Moved" if move else "Copied"
        self.run_job("Moving" if move else "Copying", work,
                     lambda r: self.report(r, verb, "Move" if move else "Copy"))

    # -- open, download, properties ------------------------------------------------------
    def open_selected(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        storage, bucket, entries = ready
        objects = [e for e in entries if isinstance(e, ObjectEntry)]
        if not objects:
            first = entries[0]
            if isinstance(first, FolderEntry):
                self.open_folder(first.prefix)
            return
        if len(objects) > MAX_OPEN_AT_ONCE:
            self.show_status(f"Opening the first {MAX_OPEN_AT_ONCE} of {len(objects)} files; "
                             "use Download to… for more.")
            objects = objects[:MAX_OPEN_AT_ONCE]
        if self._temp_root is None:
            self._temp_root = Path(tempfile.mkdtemp(prefix="minio-desktop-open-"))
        target = Path(tempfile.mkdtemp(dir=self._temp_root))
        planned = [(o, o.name) for o in objects]

        def opened(result: tuple[BulkReport, list[Path]]) -> None:
            report, saved = result
            for path in saved:
                self.opened.append(path)
                if not self.open_file(path):
                    self.show_error(AppError(
                        f"No application could open “{path.name}”.",
                        "Use Download to… and open it from your file manager.",
                    ))
            if report.failures:
                self.report(report, "Opened", "Open", changed=False)

        self.run_job("Opening", lambda p: download(storage, bucket, planned, target, p), opened)

    def download_selected(self) -> None:
        if self._ready() is not None:
            self.choose_folder(self.download_to)

    def download_to(self, folder: Path) -> None:
        """Hand the selection to the transfer queue (parallel, verified, resumable); the
        simple sequential download below is only for a storage the engine cannot drive."""
        if self.queue_download(folder):
            return
        ready = self._ready()
        if ready is None:
            return
        storage, bucket, entries = ready

        def work(progress: Progress) -> BulkReport:
            plan = plan_download(storage, bucket, entries, progress)
            return download(storage, bucket, plan.items, folder, progress, plan.refused)[0]

        self.run_job("Downloading", work,
                     lambda r: self.report(r, "Downloaded", "Download", changed=False))

    def _choose_folder(self, then: Callable[[Path], None]) -> None:
        dialog = QFileDialog(self.window, "Download to…")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda chosen: then(Path(chosen)))
        self.open_dialog(dialog)

    def show_properties(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        storage, bucket, entries = ready
        entry = entries[0]
        if isinstance(entry, ObjectEntry):
            self.runner.submit(
                storage.stat, bucket, entry.key,
                on_success=lambda stat: self.open_dialog(
                    PropertiesDialog("Properties", object_fields(stat), self.window)),
                on_error=self.show_error, context=self,
            )
            return
        self.run_job(
            "Counting", lambda p: expand(storage, bucket, [entry], p),
            lambda expanded: self.open_dialog(PropertiesDialog(
                "Properties", folder_fields(bucket, entry.prefix, expanded), self.window)),
        )
