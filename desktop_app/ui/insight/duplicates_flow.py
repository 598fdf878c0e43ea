"""The "Find duplicates…" action of a bucket or folder, and its flow read top to bottom:

    list below the place and compare same-size objects (worker, progress, Cancel)
    show the groups -> the user ticks extras (or "Select extras" keeping oldest/newest)
    "Delete selected…" -> confirm (what goes, how much, versioning) -> bulk delete with
    progress and Cancel -> the outcome and a line per copy the server refused

The main window places the actions (the tree's `menu_actions`, the file table's
`folder_actions`) and hands a `WindowContext`; nothing here imports another feature. The
dialog on screen is `active_dialog`, which is also how tests drive it. Copies are found by the
hashes the server keeps; objects no stored hash can compare may then be compared by reading
them ("Compare by reading…": the bytes it reads asked first, streamed SHA-256, progress and
Cancel, a job of its own).
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QDialog, QMenu, QMessageBox

from desktop_app.core.duplicates import (
    DuplicateGroup,
    DuplicateReport,
    HashSource,
    hash_by_reading,
)
from desktop_app.core.errors import AppError
from desktop_app.core.humanize import human_size
from desktop_app.core.jobs import Job, JobLog, JobState
from desktop_app.core.keys_text import shown_key
from desktop_app.ui.insight.duplicates_dialog import READ_REQUEST, DuplicatesDialog
from desktop_app.ui.insight.duplicates_wording import confirm_text, outcome_text, read_text
from desktop_app.ui.insight.duplicates_work import (
    ScanProgress,
    delete_copies,
    read_sha256,
    scan,
)
from desktop_app.ui.insight.place_menu import PlaceEntry
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.flows import FlowOwner, dialog_result, run_browse, run_transfer
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.job_rerun import connection_for, place_params

JOB_TICK_MS = 250
# phase -> the count it adds to the job while it runs (a phase not named moves the
# progress only: its count would outlive the job's final counts)
_COUNTED = {"listing": "listed", "relisting": "listed again", "comparing": "compared",
            "deleting": "deleted", "reading": "bytes read"}


def follow(log: JobLog, job: str, progress: ScanProgress, parent: QObject) -> QTimer:
    """A timer copying the worker's running numbers into the job log (the Jobs panel)."""
    timer = QTimer(parent)

    def tick() -> None:
        name = _COUNTED.get(progress.phase)
        log.progress(job, progress.done, progress.total or None,
                     counts=None if name is None else {name: progress.done})

    timer.timeout.connect(tick)
    timer.start(JOB_TICK_MS)
    return timer


class DuplicatesActions(QObject):
    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.window)
        self.setObjectName("duplicatesActions")
        self.context = context
        self.flows = FlowOwner(self, on_error=context.show_error)
        self.active_dialog: QDialog | None = None
        self.windows: dict[tuple[str, str, str], DuplicatesDialog] = {}
        context.on_close(self.flows.cancel_all)
        context.job_handlers["duplicates"] = self.run_again

    def run_again(self, job: Job) -> None:
        """Run again from the Jobs panel (a search, or a delete of copies): search the same
        place again; what to delete is chosen anew from what is there now."""
        if connection_for(self.context, job.params) is not None:
            self.find(str(job.params["conn"]), str(job.params["bucket"]),
                      str(job.params.get("prefix", "")))

    # -- the menus -----------------------------------------------------------------------
    def menu_actions(self, menu: QMenu, conn_id: str, bucket: str) -> list[QAction]:
        """For the tree: Find duplicates… of one bucket (none for a connection root)."""
        return self._entry().tree_actions(menu, conn_id, bucket)

    def folder_actions(self, menu: QMenu, bucket: str, prefix: str) -> list[QAction]:
        """For the file table: Find duplicates… below the selected folder (or the one shown)."""
        return self._entry().folder_actions(self.context, menu, bucket, prefix)

    def _entry(self) -> PlaceEntry:
        return PlaceEntry(translate(
            "DuplicatesActions",
            "Find duplicates…"), "actionFindDuplicates", translate(
            "DuplicatesActions",
            "Find identical objects by the hashes the server keeps, without downloading "
            "them"), self.find)

    # -- the flow ------------------------------------------------------------------------
    def find(self, conn_id: str, bucket: str, prefix: str = "") -> None:
        """Open (or raise) the window of this place and start looking."""
        place = (conn_id, bucket, prefix)
        open_one = self.windows.get(place)
        if open_one is not None and shiboken6.isValid(open_one) and open_one.isVisible():
            open_one.raise_()
            open_one.activateWindow()
            return
        entry = self.context.connections.get(conn_id)
        if entry is None:
            return
        if not isinstance(entry.storage, HashSource):
            self.context.show_error(AppError(
                translate(
                    "DuplicatesActions",
                    "The connection “{name}” cannot read the hashes the server keeps.").format(
                    name=entry.name,
                ),
                translate("DuplicatesActions", "Use a connection to an S3 server.")))
            return
        self.flows.start(self._run(place, entry.storage))

    async def _run(self, place: tuple[str, str, str], storage: Any) -> None:
        _, bucket, prefix = place
        progress = ScanProgress()
        dialog = DuplicatesDialog(f"{bucket}/{prefix}", progress, self.context.window)
        self.windows[place] = dialog
        self.active_dialog = dialog
        dialog.folder_requested.connect(lambda folder: self._open(place[0], bucket, folder))
        dialog.show()
        log = self.context.jobs()
        job = "" if log is None else log.start("duplicates", "Find duplicates",
                                               f"{bucket}/{prefix}", cancel=progress.cancel.set,
                                               params=place_params(self.context, *place))
        ticker = None if log is None else follow(log, job, progress, self)
        try:
            try:
                report = await run_transfer(self.context.runner, scan, storage, bucket, prefix,
                                            progress)
            except BaseException as exc:
                if log is not None:
                    log.finish(job, JobState.CANCELLED if isinstance(exc, asyncio.CancelledError)
                               else JobState.FAILED, message=str(exc))
                raise
            finally:
                if ticker is not None:
                    ticker.stop()
            if log is not None:
                log.finish(job, JobState.CANCELLED if report.cancelled else JobState.DONE,
                           counts={"listed": report.scanned, "compared": report.asked,
                                   "groups": len(report.groups),
                                   "extra copies": report.extra_count,
                                   "bytes to free": report.freeable})
            if not dialog.isVisible():
                return  # closed while looking
            dialog.show_report(report)
            while (request := await dialog.next_delete()) is not None:
                if request == READ_REQUEST:
                    report = await self._read(dialog, storage, place, report)
                else:
                    await self._delete(dialog, storage, place, dialog.deletion_plan())
        except asyncio.CancelledError:
            progress.cancel.set()  # the main window went: workers stop at their next step
            raise
        finally:
            if self.windows.get(place) is dialog:
                del self.windows[place]
            if shiboken6.isValid(dialog):
                dialog.close()
                dialog.deleteLater()

    def _open(self, conn_id: str, bucket: str, prefix: str) -> None:
        """Show a copy's folder in the main window, on its connection."""
        if self.context.active_connection() != conn_id:
            self.context.activate_connection(conn_id)
        self.context.open_location(bucket, prefix)

    async def _confirmed(self, dialog: DuplicatesDialog, box: QMessageBox,
                         yes: QAbstractButton) -> bool:
        """Whether the user answered `box` (asked over `dialog`) with `yes`; the box is the
        active dialog meanwhile, and deleted after."""
        self.active_dialog = box
        try:
            await dialog_result(box)
            return box.clickedButton() is yes
        finally:
            self.active_dialog = dialog
            box.deleteLater()

    async def _read(self, dialog: DuplicatesDialog, storage: Any, place: tuple[str, str, str],
                    report: DuplicateReport) -> DuplicateReport:
        """Ask with the bytes it reads, then compare the rest by reading them (worker,
        progress, Cancel); the report with those sizes decided."""
        bucket = place[1]
        size = sum(e.size for e in dialog.to_read)
        box = QMessageBox(QMessageBox.Icon.Question, translate(
            "DuplicatesActions", "Compare by reading"),
                          read_text(len(dialog.to_read), size, bucket),
                          QMessageBox.StandardButton.Cancel, dialog)
        box.setObjectName("duplicatesReadConfirm")
        box.setTextFormat(Qt.TextFormat.PlainText)
        go = box.addButton(translate(
            "DuplicatesActions", "Read and compare"), QMessageBox.ButtonRole.AcceptRole)
        go.setObjectName("duplicatesReadConfirmYes")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if not await self._confirmed(dialog, box, go):
            return report
        progress = dialog.progress
        dialog.set_busy(True, translate(
            "DuplicatesActions", "Reading {size}…").format(size=human_size(size)))
        progress.update("reading", 0, size)
        log = self.context.jobs()
        job = "" if log is None else log.start(
            "duplicates", "Compare duplicates by reading", f"{bucket}/{place[2]}", total=size,
            cancel=progress.cancel.set,
            params=place_params(self.context, *place, progress_unit="bytes"))
        ticker = None if log is None else follow(log, job, progress, self)
        reader = partial(read_sha256, storage, bucket, progress.cancel)
        try:
            new = await run_transfer(self.context.runner, hash_by_reading, report, reader,
                                     progress.cancel, progress.update)
        except BaseException as exc:
            if log is not None:
                log.finish(job, JobState.FAILED, message=str(exc))
            raise
        finally:
            if ticker is not None:
                ticker.stop()
        stopped = progress.cancel.is_set()
        if log is not None:
            for key, why in new.unread:
                log.add_error(job, f"{bucket}/{key}", why)
            log.progress(job, progress.done, size)
            log.finish(job, JobState.CANCELLED if stopped else
                       JobState.FAILED if new.unread else JobState.DONE,
                       counts={"bytes read": progress.done, "groups": len(new.groups),
                               "extra copies": new.extra_count, "bytes to free": new.freeable})
        if shiboken6.isValid(dialog):
            dialog.show_report(new)
            if stopped:
                dialog.show_outcome(translate(
                    "DuplicatesActions",
                    "Reading stopped by Cancel; what was read is compared, the rest is still "
                    "not."), [])
        return new

    async def _delete(self, dialog: DuplicatesDialog, storage: Any,
                      place: tuple[str, str, str],
                      plan: list[tuple[DuplicateGroup, list[str]]]) -> None:
        bucket = place[1]
        keys = [key for _, group_keys in plan for key in group_keys]
        versioned = bool(await run_browse(self.context.runner, storage.versioning_enabled,
                                          bucket))
        box = QMessageBox(QMessageBox.Icon.Warning, translate(
            "DuplicatesActions", "Delete duplicate copies"),
                          confirm_text(keys, dialog.chosen_size(), bucket, versioned),
                          QMessageBox.StandardButton.Cancel, dialog)
        box.setObjectName("duplicatesConfirm")
        delete = box.addButton(translate(
            "DuplicatesActions", "Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("duplicatesConfirmDelete")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if not await self._confirmed(dialog, box, delete):
            return
        dialog.set_busy(True, translate(
            "DuplicatesActions", "Deleting {keys:,} copies…").format(keys=len(keys)))
        dialog.progress.update("checking", 0, len(keys))
        log = self.context.jobs()
        job = "" if log is None else log.start(
            "delete", "Delete duplicate copies", bucket, total=len(keys),
            cancel=dialog.progress.cancel.set,
            params=place_params(self.context, *place, rerun="duplicates"))
        ticker = None if log is None else follow(log, job, dialog.progress, self)
        try:
            outcome = await run_transfer(self.context.runner, delete_copies, storage, bucket,
                                         plan, dialog.progress)
        except BaseException as exc:
            if log is not None:
                log.finish(job, JobState.FAILED, message=str(exc))
            raise
        finally:
            if ticker is not None:
                ticker.stop()
            if shiboken6.isValid(dialog):
                dialog.set_busy(False)
        if log is not None:
            for key, reason in outcome.failed:
                log.add_error(job, f"{bucket}/{key}", reason)
            log.progress(job, len(outcome.deleted))
            log.finish(job, JobState.CANCELLED if outcome.cancelled else
                       JobState.FAILED if outcome.failed else JobState.DONE,
                       counts={"deleted": len(outcome.deleted), "failed": len(outcome.failed)})
        dialog.remove_deleted(set(outcome.deleted))
        dialog.show_outcome(outcome_text(outcome, len(keys)),
                            [f"{shown_key(key)} — {reason}" for key, reason in outcome.failed])
        if self.context.listing.bucket == bucket:
            self.context.listing.refresh()  # the file table shows no deleted copy
