"""Deleting a bucket, as one `async def` read top to bottom:

    count what it holds (bucket_usage)
    empty   -> confirm -> delete_bucket
    holding -> "Empty and delete" (counts, size, the name typed again)
               -> empty_bucket with progress and Cancel -> delete_bucket
               -> or the report of what could not be removed (retention, legal hold)

Written against the `BucketLifecycleOps` role only, so a test can drive it with a small
fake as well as with the real adapter.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.core.buckets import BucketUsage, EmptyReport
from desktop_app.core.humanize import human_size
from desktop_app.core.jobs import JobLog, JobState
from desktop_app.core.keys_text import shown_key
from desktop_app.storage.protocol import BucketLifecycleOps
from desktop_app.ui.buckets.delete_dialogs import (
    ConfirmDeleteDialog,
    EmptyAndDeleteDialog,
    EmptyProgress,
    EmptyProgressDialog,
    EmptyReportDialog,
)
from desktop_app.ui.shell.flows import dialog_result, run_browse, run_transfer
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

Accepted = QDialog.DialogCode.Accepted.value


@dataclass(frozen=True)
class DeleteOutcome:
    """How the flow ended: `deleted`, and one line for the message bar ("" when the user
    simply said no)."""

    deleted: bool
    message: str = ""


def holds_text(bucket: str, usage: BucketUsage) -> str:
    """What the bucket holds, in words, for the "Empty and delete" question."""
    objects, uploads = usage.objects, usage.uploads
    parts = [translate("DeleteFlow", "The bucket “{bucket}” holds {count} object(s)", "",
                       objects).format(bucket=bucket, count=f"{objects:,}")]
    older = usage.versions - usage.objects
    if older > 0:
        parts.append(translate("DeleteFlow", " and {count} older version(s) or delete marker(s)",
                               "", older).format(count=f"{older:,}"))
    parts.append(translate("DeleteFlow", ", {size} in all").format(size=human_size(usage.size)))
    if usage.uploads:
        parts.append(translate("DeleteFlow", ", and {count} unfinished upload(s)", "",
                               uploads).format(count=f"{uploads:,}"))
    parts.append(".")
    return "".join(parts)


def report_lines(report: EmptyReport) -> list[str]:
    """One line per object the server kept: key, version and its reason."""
    return [
        f"{shown_key(held.key)}" + (translate(
            "DeleteFlow",
            " (version {version_id})").format(
            version_id=held.version_id,
        ) if held.version_id else "")
        + f" — {held.reason}"
        for held in report.held
    ]


def held_summary(bucket: str, report: EmptyReport) -> str:
    held = len(report.held)
    return (
        translate(
            "DeleteFlow",
            "Removed {removed:,} of {total:,} objects and versions, but {count} is/are held by "
            "retention or a legal hold, so the bucket “{bucket}” could not be emptied and is "
            "still there. Lift the legal holds, or wait until their retention ends (a governance "
            "retention can be bypassed by a user allowed to), then delete the bucket "
            "again.", "", held).format(
            removed=report.removed,
            total=report.total,
            count=f"{held:,}",
            bucket=bucket,
        )
    )


class DeleteBucketFlow:
    """One bucket's deletion. `on_dialog` hears of every dialog it opens (tests drive them;
    the controller keeps the current one)."""

    def __init__(self, runner: TaskRunner, ops: BucketLifecycleOps, parent: QWidget,
                 on_dialog: Callable[[QDialog], None], jobs: JobLog | None = None) -> None:
        """`jobs`: the job log the emptying is reported to (the Jobs panel), if any."""
        self.runner, self.ops, self.parent, self.on_dialog = runner, ops, parent, on_dialog
        self.jobs = jobs
        self.params: dict[str, object] = {}  # what the emptying's job keeps to run again

    async def _ask(self, dialog: QDialog) -> bool:
        self.on_dialog(dialog)
        try:
            return await dialog_result(dialog) == Accepted
        finally:
            dialog.deleteLater()

    async def _usage(self, bucket: str) -> BucketUsage:
        cancel = threading.Event()
        try:
            return await run_transfer(self.runner, self.ops.bucket_usage, bucket, cancel)
        except asyncio.CancelledError:
            cancel.set()  # the window went: the count stops at its next page
            raise

    async def run(self, bucket: str, connection: str) -> DeleteOutcome:
        usage = await self._usage(bucket)
        if usage.empty:
            if not await self._ask(ConfirmDeleteDialog(bucket, connection, self.parent)):
                return DeleteOutcome(False)
            await run_browse(self.runner, self.ops.delete_bucket, bucket)
            return DeleteOutcome(True, translate(
                "DeleteBucketFlow", "Deleted the bucket “{bucket}”.").format(bucket=bucket))
        if not await self._ask(EmptyAndDeleteDialog(bucket, holds_text(bucket, usage),
                                                    self.parent)):
            return DeleteOutcome(False)
        report = await self._empty(bucket)
        if report.cancelled:
            return DeleteOutcome(False, (
                translate(
                    "DeleteBucketFlow",
                    "Stopped: removed {removed:,} of {total:,} objects and versions; the bucket "
                    "“{bucket}” is still there with the rest.").format(
                    removed=report.removed,
                    total=report.total,
                    bucket=bucket,
                )))
        held, removed = len(report.held), report.removed
        if report.held:
            await self._ask(EmptyReportDialog(held_summary(bucket, report),
                                              report_lines(report), self.parent))
            return DeleteOutcome(False, translate(
                "DeleteBucketFlow",
                "The bucket “{bucket}” was not deleted: {count} object(s) is/are held by "
                "retention or a legal hold.", "", held).format(
                bucket=bucket, count=f"{held:,}"))
        await run_browse(self.runner, self.ops.delete_bucket, bucket)
        return DeleteOutcome(True, translate(
            "DeleteBucketFlow",
            "Emptied and deleted the bucket “{bucket}” ({count} version(s) removed).", "",
            removed).format(bucket=bucket, count=f"{removed:,}"))

    async def _empty(self, bucket: str) -> EmptyReport:
        progress = EmptyProgress()
        dialog = EmptyProgressDialog(bucket, progress, self.parent)
        self.on_dialog(dialog)
        dialog.show()
        log = self.jobs
        job = "" if log is None else log.start("empty-bucket", "Empty bucket", bucket,
                                               cancel=progress.cancel.set, params=self.params)

        def update(removed: int, total: int) -> None:
            progress.update(removed, total)
            if log is not None:
                log.progress(job, removed, total)

        try:
            report = await run_transfer(self.runner, self.ops.empty_bucket, bucket,
                                        update, progress.cancel)
        except asyncio.CancelledError:
            progress.cancel.set()  # the window went: the worker stops at its next batch
            if log is not None:
                log.finish(job, JobState.CANCELLED, message="Stopped: the window closed.")
            raise
        except Exception as exc:
            if log is not None:
                log.finish(job, JobState.FAILED, message=str(exc))
            raise
        finally:
            dialog.finish()
        if log is not None:
            _report(log, job, bucket, report)
        return report


def _report(log: JobLog, job: str, bucket: str, report: EmptyReport) -> None:
    """The emptying's end in the job log: every held object is an error of the job."""
    for held in report.held:
        item = f"{bucket}/{held.key}" + (translate(
            "DeleteFlow",
            " (version {version_id})").format(version_id=held.version_id) if held.version_id
                                         else "")
        log.add_error(job, item, held.reason)
    state = (JobState.CANCELLED if report.cancelled
             else JobState.FAILED if report.held else JobState.DONE)
    held = len(report.held)
    message = (translate(
        "DeleteFlow",
        "{count} object(s) is/are held by retention or a legal hold.", "",
        held).format(count=f"{held:,}") if report.held else "")
    log.finish(job, state, message=message,
               counts={"removed": report.removed, "found": report.total,
                       "uploads aborted": report.uploads_aborted})
