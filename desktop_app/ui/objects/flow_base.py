"""The base of the object flows: what the window provides (storage, selection, status),
and the steps every flow is made of: ask (a dialog opened with `open()` and awaited), work
(`run_job`: a transfer worker reporting through a polled `Progress`, behind a progress window
that shows if it takes long, and a job in the Jobs panel), then report.

Every flow is a task of `self.flows`. Closing the window cancels them all (`cancel_all`); bulk
work stops at its next request. Dialogs and progress windows are kept in `active_dialog` /
`active_progress`, which is also how tests drive them without `exec()`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QStandardPaths, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow

from desktop_app.core.errors import AppError, Cancelled
from desktop_app.core.jobs import JobLog, JobState
from desktop_app.core.types import FolderEntry, ObjectEntry
from desktop_app.storage.bulk_ops import BulkReport, Progress
from desktop_app.storage.protocol import SINGLE_COPY_LIMIT, Storage
from desktop_app.ui.objects.bulk_progress import BulkProgressDialog
from desktop_app.ui.objects.delete_dialog import ReportDialog, report_text
from desktop_app.ui.shell.flows import FlowOwner, dialog_result, run_transfer
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

Entry = FolderEntry | ObjectEntry
JOB_TICK_MS = 250
Place = tuple[str, str]  # (bucket, prefix) of the folder a flow is about
T = TypeVar("T")
SHOW_PROGRESS_AFTER_MS = 300


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


class FlowBase(QObject):
    """Base of `ActionFlows`: the hooks the window fills in and the ask / work / report steps."""

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

    def _choose_folder(self, then: Callable[[Path], None]) -> None:
        """One question whose answer is handed on (tests replace it): no flow needed."""
        dialog = QFileDialog(self.window, translate("ActionFlows", "Download to…"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(self.download_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DownloadLocation))
        dialog.fileSelected.connect(lambda chosen: then(Path(chosen)))
        self.open_dialog(dialog)

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
