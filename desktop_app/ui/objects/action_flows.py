"""The long object actions as `async def` flows: ask (a dialog opened with `open()` and
awaited), work (on a transfer worker, reporting through a polled `Progress`), then report.

delete:     [count folders] -> confirm -> multi-object delete -> report
copy/move:  destination -> plan (list + collisions) -> [ask collisions] -> copy [-> delete]
open:       download to a private temp folder -> open with the desktop's default app
download:   choose folder -> the transfer queue (or, without one, a sequential download)

Every flow is a task of `self.flows`. Closing the window cancels them all; the questions and
plans about the folder on screen (`bound_to`) are also cancelled when the user opens another
folder, so no stale confirmation or plan lands. Work the user confirmed runs on; a cancelled
flow tells its worker to stop at the next request. Dialogs and progress windows are kept in
`active_dialog` / `active_progress`, which is also how tests drive them without `exec()`.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QStandardPaths, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow

from desktop_app.core.errors import AppError, Cancelled
from desktop_app.core.jobs import JobLog, JobState
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
from desktop_app.ui.objects.job_reruns import job_params
from desktop_app.ui.objects.properties_dialog import PropertiesDialog, folder_fields, object_fields
from desktop_app.ui.shell.flows import FlowOwner, dialog_result, run_browse, run_transfer
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

Entry = FolderEntry | ObjectEntry
JOB_TICK_MS = 250
Place = tuple[str, str]  # (bucket, prefix) of the folder a flow is about
T = TypeVar("T")
SHOW_PROGRESS_AFTER_MS = 300
MAX_OPEN_AT_ONCE = 10


def key_of(entry: Entry) -> str:
    return entry.prefix if isinstance(entry, FolderEntry) else entry.key


def _log_result(log: JobLog, job: str, result: object, progress: Progress) -> None:
    """A bulk action's end in the job log: each failed key is an error of the job."""
    if not isinstance(result, BulkReport):
        log.finish(job, counts={"done": progress.done})
        return
    for failure in result.failures:
        log.add_error(job, failure.key, failure.reason)
    log.progress(job, result.done, progress.total or None)
    state = (JobState.CANCELLED if result.cancelled
             else JobState.FAILED if result.failures else JobState.DONE)
    log.finish(job, state, counts={"done": result.done, "failed": len(result.failures),
                                   "skipped": result.skipped})


def open_with_desktop(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ActionFlows(QObject):
    """Base of `ObjectActions`: everything that talks to the server in bulk."""

    def __init__(self, window: QMainWindow, runner: TaskRunner) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.flows = FlowOwner(self, on_error=self._flow_failed)
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
        # Preferences: where Download… starts ("": the user's Downloads folder), and
        # whether a delete asks first.
        self.download_folder = ""
        self.confirm_delete = True

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

    def job_log(self) -> JobLog | None:
        """The Jobs panel's log long actions are reported to (none unless the window has one)."""
        return None

    def after_change(self) -> None:
        """The folder's contents changed: refresh the listing."""
        raise NotImplementedError

    def open_folder(self, prefix: str) -> None:
        raise NotImplementedError

    def cancel_all(self) -> None:
        """The window closes: every flow stops; bulk work stops at its next request."""
        self.flows.cancel_all()
        for progress in list(self._running):
            progress.cancel()

    def location_shown(self, bucket: str, prefix: str) -> None:
        """The table shows a folder (another one, or the same after a refresh): questions
        and plans about a folder the user left are dropped."""
        self.flows.moved_to((bucket, prefix))

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
            self.show_status(translate("ActionFlows", "Not connected to a bucket."))
            return None
        if not entries:
            self.show_status(translate("ActionFlows", "Select one or more items first."))
            return None
        return storage, bucket, entries

    def _flow_failed(self, err: AppError) -> None:
        if not isinstance(err, Cancelled):  # the user's own Cancel: `run_job` said so
            self.show_error(err)

    def open_dialog(self, dialog: QDialog) -> None:
        """Show a dialog nobody waits for (a report, properties); deleted once closed."""
        self.active_dialog = dialog

        def closed(_result: int) -> None:
            if self.active_dialog is dialog:
                self.active_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()

    async def ask(self, dialog: QDialog) -> bool:
        """Show `dialog` and wait for the answer: True when accepted. Read its fields right
        after (it is deleted at the next turn of the loop)."""
        self.active_dialog = dialog
        try:
            code = await dialog_result(dialog)
        finally:
            if self.active_dialog is dialog:
                self.active_dialog = None
            if shiboken6.isValid(dialog):
                dialog.deleteLater()
        return code == QDialog.DialogCode.Accepted.value

    async def run_job(self, title: str, work: Callable[[Progress], T],
                      logged: tuple[str, str] | None = None,
                      params: dict[str, Any] | None = None) -> T:
        """`work` on a transfer worker, behind a progress window that shows if it takes long.
        The user's Cancel ends the flow with `Cancelled` (said in the status bar).
        `logged` (kind, target): also a job in the Jobs panel, with its report's counts;
        `params`: what the job keeps to run again (objects/job_reruns.py)."""
        progress = Progress()
        dialog = BulkProgressDialog(title, progress, self.window)
        self.active_progress = dialog
        dialog.show_later(SHOW_PROGRESS_AFTER_MS)
        self._running.add(progress)
        log = self.job_log() if logged is not None else None
        job = "" if log is None or logged is None else log.start(
            logged[0], title, logged[1], cancel=progress.cancel, params=params)
        ticker = QTimer(self)  # the Jobs panel follows the worker's counts
        if log is not None:
            ticker.timeout.connect(lambda: log.progress(job, progress.done, progress.total))
            ticker.start(JOB_TICK_MS)
        try:
            result = await run_transfer(self.runner, work, progress)
        except Cancelled:
            if log is not None:
                log.finish(job, JobState.CANCELLED, counts={"done": progress.done})
            self.show_status(translate("ActionFlows", "{title}: cancelled.").format(title=title))
            raise
        except asyncio.CancelledError:  # the flow was left: the worker stops soon too
            progress.cancel()
            if log is not None:
                log.finish(job, JobState.CANCELLED, message="Stopped: the window closed.")
            raise
        except Exception as exc:
            if log is not None:
                log.finish(job, JobState.FAILED, message=str(exc))
            raise
        else:
            if log is not None:
                _log_result(log, job, result, progress)
            return result
        finally:
            ticker.stop()
            ticker.deleteLater()
            self._running.discard(progress)
            if shiboken6.isValid(dialog):
                dialog.finish()
            if self.active_progress is dialog:
                self.active_progress = None

    def report(self, report: BulkReport, verb: str, title: str, changed: bool = True) -> None:
        self.last_report = report
        if changed:
            self.after_change()
        text = report_text(report, verb)
        self.show_status(text)
        if report.failures:
            self.open_dialog(ReportDialog(translate(
                "ActionFlows", "{title}: some items failed").format(title=title), report, verb,
                                          self.window))

    # -- delete --------------------------------------------------------------------------
    def delete_selected(self) -> None:
        ready = self._ready()
        if ready is not None:
            self.flows.start(self._delete(*ready, self.location()))

    async def _delete(self, storage: Storage, bucket: str, entries: list[Entry],
                      place: Place) -> None:
        names = [key_of(e) for e in entries]
        objects = [e for e in entries if isinstance(e, ObjectEntry)]
        with self.flows.bound_to(place):
            if len(objects) == len(entries):
                expanded = Expanded(tuple(objects))
            else:
                expanded = await self.run_job(
                    translate("ActionFlows", "Counting what will be deleted"),
                    lambda p: expand(storage, bucket, entries, p))
            if self.confirm_delete and not await self.ask(
                    DeleteDialog(bucket, names, expanded, self.window)):
                return
        report = await self.run_job(
            translate(
                "ActionFlows", "Deleting"), lambda p: delete_expanded(storage, bucket, expanded, p),
            logged=("delete", f"{bucket}/{place[1]}"),
            params=job_params(self, storage, bucket, place[1], names))
        self.report(report, translate("ActionFlows", "Deleted"), translate("ActionFlows", "Delete"))

    # -- copy, move, rename --------------------------------------------------------------
    def copy_to(self) -> None:
        self._copy_or_move(move=False)

    def move_to(self) -> None:
        self._copy_or_move(move=True)

    def _copy_or_move(self, move: bool) -> None:
        ready = self._ready()
        if ready is not None:
            self.flows.start(self._ask_destination(*ready, self.location(), move))

    async def _ask_destination(self, storage: Storage, bucket: str, entries: list[Entry],
                               place: Place, move: bool,
                               preset: tuple[str, str, str] | None = None) -> None:
        """`preset`: (connection, bucket, folder) chosen before (Run again)."""
        home = self.active_connection()
        dialog = DestinationDialog(move, len(entries), self.bucket_names(), bucket, place[1],
                                   self.window, self.connection_choices(), home,
                                   self.bucket_names_of)
        if preset is not None:
            dialog.set_connection(preset[0])
            dialog.set_destination(preset[1], preset[2])
        with self.flows.bound_to(place):
            if not await self.ask(dialog):
                return
        conn = dialog.destination_connection()
        dst_bucket, dst_prefix = dialog.destination()
        target = self.storage_of(conn) if conn and conn != home else None
        if conn and conn != home and target is None:
            self.show_status(translate("ActionFlows", "That connection was closed meanwhile."))
            return
        await self.copy_entries(storage, bucket, entries, dst_bucket, dst_prefix, move, place,
                                dst_storage=target)

    def rename(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        storage, bucket, entries = ready
        if len(entries) != 1:
            self.show_status(translate("ActionFlows", "Select a single item to rename."))
            return
        self.flows.start(self._rename(storage, bucket, entries[0], self.location()))

    async def _rename(self, storage: Storage, bucket: str, entry: Entry, place: Place) -> None:
        dialog = NameDialog(translate(
            "ActionFlows", "Rename"), translate(
            "ActionFlows", "New name for “{name}”:").format(name=shown_key(entry.name)), entry.name,
                            self.window)
        with self.flows.bound_to(place):
            if not await self.ask(dialog):
                return
        name = dialog.name()
        if name != entry.name:
            await self.copy_entries(storage, bucket, [entry], bucket,
                                    parent_prefix(key_of(entry)), True, place, new_name=name)

    async def copy_entries(self, storage: Storage, src_bucket: str, entries: Sequence[Entry],
                           dst_bucket: str, dst_prefix: str, move: bool, place: Place,
                           new_name: str | None = None,
                           dst_storage: Storage | None = None) -> None:
        """Plan, ask about collisions, then copy (and delete the sources for a move).
        `dst_storage`: another open connection (bytes stream through this process)."""
        with self.flows.bound_to(place):
            plan = await self.run_job(
                translate("ActionFlows", "Preparing"),
                lambda p: plan_copy(storage, src_bucket, entries, dst_bucket, dst_prefix, p,
                                    new_name, dst_storage))
            policy = await self._collision_policy(plan)
            if policy is None:
                return
        threshold, part = self.multipart_threshold, self.part_size
        target = dst_storage if dst_storage is not None else storage

        def work(progress: Progress) -> BulkReport:
            todo, skipped = resolve(plan, policy, target)
            return copy_items(storage, plan, todo, progress, move, skipped, threshold, part,
                              dst_storage)

        report = await self.run_job(translate(
            "ActionFlows", "Moving") if move else translate(
            "ActionFlows", "Copying"), work,
                                    logged=("move" if move else "copy",
                                            f"{src_bucket} → {dst_bucket}/{dst_prefix}"),
                                    params=None if new_name else job_params(
                                        self, storage, src_bucket, place[1],
                                        [key_of(e) for e in entries], dst_storage or storage,
                                        dst_bucket=dst_bucket, dst_prefix=dst_prefix))
        self.report(report, translate(
            "ActionFlows", "Moved") if move else translate(
            "ActionFlows", "Copied"), translate(
            "ActionFlows", "Move") if move else translate(
            "ActionFlows", "Copy"))

    async def _collision_policy(self, plan: CopyPlan) -> Collision | None:
        """What to do with objects already at the destination; None: the user cancelled."""
        # Folder markers that exist already are no conflict: the folders simply merge.
        if not any(not c.dst_key.endswith("/") for c in plan.collisions):
            return Collision.OVERWRITE
        dialog = CollisionDialog(plan, self.window)
        return dialog.choice if await self.ask(dialog) else None

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
            self.show_status(translate(
                "ActionFlows",
                "Opening the first {MAX_OPEN_AT_ONCE} of {objects} files; use Download to… for "
                "more.").format(MAX_OPEN_AT_ONCE=MAX_OPEN_AT_ONCE, objects=len(objects)))
            objects = objects[:MAX_OPEN_AT_ONCE]
        if self._temp_root is None:
            self._temp_root = Path(tempfile.mkdtemp(prefix="minio-desktop-open-"))
        target = Path(tempfile.mkdtemp(dir=self._temp_root))
        self.flows.start(self._open(storage, bucket, objects, target))

    async def _open(self, storage: Storage, bucket: str, objects: list[ObjectEntry],
                    target: Path) -> None:
        planned = [(o, o.name) for o in objects]
        report, saved = await self.run_job(
            translate(
                "ActionFlows", "Opening"), lambda p: download(storage, bucket, planned, target, p))
        for path in saved:
            self.opened.append(path)
            if not self.open_file(path):
                self.show_error(AppError(
                    translate(
                        "ActionFlows",
                        "No application could open “{name}”.").format(name=path.name),
                    translate(
                        "ActionFlows", "Use Download to… and open it from your file manager."),
                ))
        if report.failures:
            self.report(report, translate(
                "ActionFlows", "Opened"), translate(
                "ActionFlows", "Open"), changed=False)

    def download_selected(self) -> None:
        if self._ready() is not None:
            self.choose_folder(self.download_to)

    def download_to(self, folder: Path) -> None:
        """Hand the selection to the transfer queue (parallel, verified, resumable); the
        simple sequential download below is only for a storage the engine cannot drive."""
        if self.queue_download(folder):
            return
        ready = self._ready()
        if ready is not None:
            self.flows.start(self._download(*ready, folder))

    async def _download(self, storage: Storage, bucket: str, entries: list[Entry],
                        folder: Path) -> None:
        def work(progress: Progress) -> BulkReport:
            plan = plan_download(storage, bucket, entries, progress)
            return download(storage, bucket, plan.items, folder, progress, plan.refused)[0]

        report = await self.run_job(translate("ActionFlows", "Downloading"), work)
        self.report(report, translate(
            "ActionFlows", "Downloaded"), translate(
            "ActionFlows", "Download"), changed=False)

    def _choose_folder(self, then: Callable[[Path], None]) -> None:
        """One question whose answer is handed on (tests replace it): no flow needed."""
        dialog = QFileDialog(self.window, translate("ActionFlows", "Download to…"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(self.download_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DownloadLocation))
        dialog.fileSelected.connect(lambda chosen: then(Path(chosen)))
        self.open_dialog(dialog)

    def show_properties(self) -> None:
        ready = self._ready()
        if ready is not None:
            self.flows.start(self._properties(*ready, self.location()))

    async def _properties(self, storage: Storage, bucket: str, entries: list[Entry],
                          place: Place) -> None:
        entry = entries[0]
        with self.flows.bound_to(place):
            if isinstance(entry, ObjectEntry):
                stat = await run_browse(self.runner, storage.stat, bucket, entry.key)
                fields = object_fields(stat)
            else:
                expanded = await self.run_job(
                    translate(
                        "ActionFlows", "Counting"), lambda p: expand(storage, bucket, [entry], p))
                fields = folder_fields(bucket, entry.prefix, expanded)
        self.open_dialog(PropertiesDialog(translate(
            "ActionFlows", "Properties"), fields, self.window))
