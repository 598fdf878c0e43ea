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
import hashlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from desktop_app.core.duplicates import (
    READ,
    DuplicateGroup,
    DuplicateReport,
    HashSource,
    StoredHashes,
    find_duplicates,
    hash_by_reading,
)
from desktop_app.core.errors import AppError
from desktop_app.core.humanize import human_size
from desktop_app.core.jobs import Job, JobLog, JobState
from desktop_app.core.keys_text import shown_key
from desktop_app.core.types import ObjectEntry
from desktop_app.storage.protocol import MAX_DELETE_BATCH
from desktop_app.ui.insight.duplicates_dialog import (
    READ_REQUEST,
    DuplicatesDialog,
    ScanProgress,
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


def read_sha256(storage: Any, bucket: str, cancel: threading.Event, entry: ObjectEntry,
                tick: Callable[[int], None]) -> str | None:
    """Runs on a worker: the object's bytes streamed through SHA-256 (nothing is kept), the
    version listed only (If-Match on its ETag); None when Cancel stopped it."""
    digest = hashlib.sha256()
    read = 0
    for chunk in storage.iter_chunks(bucket, entry.key, if_match=entry.etag or None):
        if cancel.is_set():
            return None
        digest.update(chunk)
        read += len(chunk)
        tick(len(chunk))
    if read != entry.size:
        raise AppError(translate(
            "DuplicatesFlow",
            "“{key}” changed while it was read.").format(key=shown_key(entry.key)),
                       translate("DuplicatesFlow", "Find duplicates again."))
    return digest.hexdigest()


def read_text(count: int, size: int, bucket: str) -> str:
    return (translate(
        "DuplicatesFlow",
        "Read {count:,} object(s) ({size}, {size2:,} bytes) from “{bucket}” to compare them by "
        "SHA-256?\n\nEvery byte is downloaded (nothing is saved on this computer): on a slow or "
        "metered link this takes time and may cost transfer fees. Cancel stops it; what was read "
        "still counts.", "", count).format(
        count=count,
        size=human_size(size),
        size2=size,
        bucket=bucket,
    ))


def scan(storage: Any, bucket: str, prefix: str, progress: ScanProgress) -> DuplicateReport:
    """Runs on a worker: the streaming listing (twice in a bucket of very many distinct
    sizes), then HEADs inside same-size groups."""
    def listing() -> Iterator[ObjectEntry]:
        for page in storage.iter_listing(bucket, prefix, recursive=True,
                                         cancel=progress.cancel):
            yield from page.objects
    return find_duplicates(listing, partial(storage.stored_hashes, bucket),
                           progress.cancel, progress.update)


@dataclass
class DeleteOutcome:
    deleted: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (key, reason)
    cancelled: bool = False


CHANGED = "changed since the search (find again before deleting it)"
KEEPER_GONE = ("the copy to keep has changed or is gone since the search, so this one may be "
               "the last (find again)")


def _unchanged(storage: Any, bucket: str, group: DuplicateGroup, key: str) -> bool:
    """Whether the server still gives `key` the hashes it gave when compared; a copy
    compared by reading is unchanged while its ETag is the one read (If-Match)."""
    kept = group.hashes.get(key, StoredHashes()).values
    try:
        if READ in kept:
            etag = next(e.etag for e in group.entries if e.key == key)
            return bool(etag) and storage.stat(bucket, key).etag == etag
        now = storage.stored_hashes(bucket, key)
    except AppError:
        return False  # gone, or unreadable: not proven the same
    return bool(now.values) and now.values == kept


def recheck(storage: Any, bucket: str, plan: list[tuple[DuplicateGroup, list[str]]],
            progress: ScanProgress) -> tuple[list[str], list[tuple[str, str]]]:
    """Runs on a worker, right before deleting: one HEAD per ticked copy, and per group until
    a copy to keep answers unchanged. A copy goes only while it and a kept copy are still
    what the search compared: objects can change between the search and the click."""
    total = sum(len(keys) for _, keys in plan)
    ok: list[str] = []
    refused: list[tuple[str, str]] = []
    done = 0
    for group, keys in plan:
        if progress.cancel.is_set():
            break
        keepers = [e.key for e in group.entries if e.key not in set(keys)]
        if not any(_unchanged(storage, bucket, group, key) for key in keepers):
            refused += [(key, KEEPER_GONE) for key in keys]
        else:
            for key in keys:
                if _unchanged(storage, bucket, group, key):
                    ok.append(key)
                else:
                    refused.append((key, CHANGED))
        done += len(keys)
        progress.update("checking", done, total)
    return ok, refused


def delete_copies(storage: Any, bucket: str, plan: list[tuple[DuplicateGroup, list[str]]],
                  progress: ScanProgress) -> DeleteOutcome:
    """Runs on a worker: the recheck, then bulk deletes of up to 1000 keys, Cancel checked
    between them."""
    keys, refused_early = recheck(storage, bucket, plan, progress)
    outcome = DeleteOutcome(failed=refused_early, cancelled=progress.cancel.is_set())
    for start in range(0, len(keys), MAX_DELETE_BATCH):
        if progress.cancel.is_set():
            outcome.cancelled = True
            break
        batch = keys[start:start + MAX_DELETE_BATCH]
        try:
            refused = dict(storage.delete_many(bucket, batch))
        except AppError as err:
            refused = {key: err.user_text() for key in batch}
        outcome.failed.extend((key, refused[key]) for key in batch if key in refused)
        outcome.deleted.extend(key for key in batch if key not in refused)
        progress.update("deleting", start + len(batch), len(keys))
    return outcome


def outcome_text(outcome: DeleteOutcome, total: int) -> str:
    text = translate(
        "DuplicatesFlow",
        "Deleted {deleted:,} of {total:,} selected copies.").format(
        deleted=len(outcome.deleted),
        total=total,
    )
    if outcome.cancelled:
        text += translate("DuplicatesFlow", " Stopped by Cancel; the rest are still there.")
    stale = sum(1 for _, reason in outcome.failed if reason in (CHANGED, KEEPER_GONE))
    refused = len(outcome.failed) - stale
    if stale:
        text += (translate(
            "DuplicatesFlow",
            " {stale:,} changed since the search and were left (listed below); Find duplicates "
            "again to see them as they are now.").format(stale=stale))
    if refused:
        text += (translate(
            "DuplicatesFlow",
            " The server refused {refused:,} (listed below); check your delete rights or the "
            "objects' retention, then try again.").format(refused=refused))
    return text


def confirm_text(keys: list[str], size: int, bucket: str, versioned: bool) -> str:
    text = (translate(
        "DuplicatesFlow",
        "Delete {keys:,} duplicate copy/copies ({size}) from “{bucket}”? One copy of each group "
        "stays.", "", len(keys)).format(keys=len(keys), size=human_size(size), bucket=bucket))
    if versioned:
        text += (translate(
            "DuplicatesFlow",
            "\n\nThe bucket keeps versions: each delete adds a delete marker and the bytes stay "
            "stored as an older version until that is removed too."))
    return text


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
        self.active_dialog = box
        try:
            await dialog_result(box)
            agreed = box.clickedButton() is go
        finally:
            self.active_dialog = dialog
            box.deleteLater()
        if not agreed:
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
        self.active_dialog = box
        try:
            await dialog_result(box)
            agreed = box.clickedButton() is delete
        finally:
            self.active_dialog = dialog
            box.deleteLater()
        if not agreed:
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
