"""The "Clean up…" action of a bucket or folder and the flows behind its dialog: the dry run
on the transfer pool polled by a timer, the delete confirmed then run with progress and
Cancel, and a lifecycle rule shown before it is appended to the bucket's rules.

The main window places the actions (the tree's `menu_actions`, the file table's
`folder_actions`) and hands a `WindowContext`. `clock` gives "now" (tests set it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from desktop_app.core.bucket_settings import VERSIONING_OFF
from desktop_app.core.categories import Category
from desktop_app.core.cleanup import CleanupFilter, add_rule, to_lifecycle_rule
from desktop_app.core.errors import AppError
from desktop_app.core.humanize import human_size
from desktop_app.core.jobs import Job, JobLog, JobState
from desktop_app.storage.bulk_ops import BulkReport, Progress
from desktop_app.storage.protocol import BucketSettingsOps, Storage, VersionCleanupOps
from desktop_app.ui.insight.cleanup_dialog import CleanupDialog
from desktop_app.ui.insight.cleanup_work import (
    DryRun,
    delete_every_version,
    delete_matches,
    dry_run,
)
from desktop_app.ui.insight.place_menu import PlaceEntry
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.flows import FlowOwner, dialog_result, run_browse, run_transfer
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.job_rerun import connection_for, place_params

POLL_MS = 150


def bucket_is_versioned(storage: Storage, bucket: str) -> bool:
    """Enabled or suspended versioning: either may keep older versions."""
    if isinstance(storage, BucketSettingsOps):
        return storage.get_versioning(bucket) != VERSIONING_OFF
    return storage.versioning_enabled(bucket)


def report_job(log: JobLog, job: str, bucket: str, report: BulkReport) -> None:
    """A bulk delete's end in the job log: each failed key is an error of the job."""
    for failure in report.failures:
        log.add_error(job, f"{bucket}/{failure.key}", failure.reason)
    state = (JobState.CANCELLED if report.cancelled
             else JobState.FAILED if report.failures else JobState.DONE)
    log.finish(job, state, counts={"deleted": report.done, "failed": len(report.failures)})


def filter_params(flt: CleanupFilter) -> dict[str, Any]:
    """The filter as JSON values, kept with the job (Run again)."""
    return {"older_than_days": flt.older_than_days, "name_pattern": flt.name_pattern,
            "category": flt.category.value if flt.category else None,
            "min_size": flt.min_size, "max_size": flt.max_size}


def filter_of(params: Mapping[str, Any]) -> CleanupFilter:
    """The filter kept with a job; an unknown category (from a newer app) is left out."""
    def number(name: str) -> int | None:
        value = params.get(name)
        return int(value) if isinstance(value, int | float) else None
    category = next((c for c in Category if c.value == params.get("category")), None)
    return CleanupFilter(prefix=str(params.get("prefix", "")),
                         older_than_days=number("older_than_days"),
                         name_pattern=str(params.get("name_pattern") or ""), category=category,
                         min_size=number("min_size"), max_size=number("max_size"))


def ask(parent: QWidget, name: str, title: str, text: str, go: str,
        details: str = "") -> QMessageBox:
    """A question whose safe answer (Cancel) is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName(name)
    box.setTextFormat(Qt.TextFormat.PlainText)
    yes = box.addButton(go, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName(f"{name}Yes")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    if details:
        box.setDetailedText(details)
    return box


class CleanupSession(QObject):
    """One open dialog and its work on one bucket."""

    def __init__(self, context: WindowContext, storage: Storage, bucket: str,
                 dialog: CleanupDialog, clock: Callable[[], datetime],
                 conn_id: str = "") -> None:
        super().__init__(dialog)
        self.context, self.storage, self.bucket, self.dialog = context, storage, bucket, dialog
        self.conn_id = conn_id
        self.clock = clock
        self.flows = FlowOwner(self, on_error=self._error)
        self.run = DryRun()
        self.progress: Progress | None = None
        self.filter = CleanupFilter()
        self.question: QMessageBox | None = None
        self._job: tuple[JobLog | None, str] | None = None  # the delete's job, while it runs
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        dialog.find_requested.connect(lambda: self.flows.start(self.find()))
        dialog.delete_requested.connect(lambda: self.flows.start(self.delete()))
        dialog.rule_requested.connect(lambda: self.flows.start(self.make_rule()))
        dialog.cancel_requested.connect(self.cancel)
        dialog.finished.connect(lambda *_: self.cancel())

    def _error(self, err: AppError) -> None:
        if shiboken6.isValid(self.dialog):
            self.dialog.show_problem(err.user_text())

    def cancel(self) -> None:
        self.run.cancel.set()
        if self.progress is not None:
            self.progress.cancel()

    def _poll(self) -> None:
        if self.progress is not None:
            p = self.progress
            self.dialog.show_delete_progress(p.done, p.total, p.phase or translate(
                "CleanupSession", "Deleting"))
            if self._job is not None and self._job[0] is not None:
                self._job[0].progress(self._job[1], p.done)
            return
        run = self.run
        self.dialog.show_matches(run.take_new(), run.count, run.size, run.scanned, False)

    async def _answered_yes(self) -> bool:
        box = self.question
        assert box is not None
        await dialog_result(box)
        clicked = box.clickedButton() if shiboken6.isValid(box) else None
        yes = clicked is not None and clicked.objectName() == f"{box.objectName()}Yes"
        if shiboken6.isValid(box):
            box.deleteLater()
        self.question = None
        return yes

    # -- dry run -------------------------------------------------------------------------
    async def find(self) -> None:
        flt = self.dialog.cleanup_filter()
        problems = flt.problems()
        if problems:
            self.dialog.show_problem(" ".join(problems))
            return
        self.filter, self.run = flt, DryRun()
        run = self.run
        self.dialog.start_dry_run()
        self._timer.start()
        try:
            complete = await run_transfer(self.context.runner, dry_run, self.storage,
                                          self.bucket, flt, self.clock(), run)
        finally:
            self._timer.stop()
        self.dialog.show_matches(run.take_new(), run.count, run.size, run.scanned,
                                 done=complete, cancelled=not complete)

    # -- delete --------------------------------------------------------------------------
    async def delete(self) -> None:
        matches, flt = list(self.run.matches), self.filter
        every = self.dialog.remove_every_version
        if every and not isinstance(self.storage, VersionCleanupOps):
            self.dialog.show_problem(translate(
                "CleanupSession",
                "This connection cannot remove versions in bulk; choose to leave delete markers "
                "instead."))
            return
        count = len(matches)
        how = (translate(
            "CleanupSession", "every version of them is removed for good") if every else
               translate(
                   "CleanupSession",
                   "delete markers are left, older versions stay") if self.dialog.versioned else
               translate("CleanupSession", "this cannot be undone"))
        text = (translate(
            "CleanupSession",
            "Delete {count:,} object(s) ({size}) from “{bucket}”?\n\n{describe}; "
            "{how}.", "", count).format(
            count=count,
            size=human_size(self.run.size),
            bucket=self.bucket,
            describe=flt.describe(),
            how=how,
        ))
        self.question = ask(self.dialog, "cleanupConfirm", translate(
            "CleanupSession", "Delete matches"), text, translate(
            "CleanupSession", "Delete"))
        if not await self._answered_yes():
            return
        progress = self.progress = Progress()
        self.dialog.start_delete(count)
        log = self.context.jobs()
        params = place_params(self.context, self.conn_id, self.bucket, flt.prefix,
                              **filter_params(flt), every_version=every)
        job = "" if log is None else log.start("cleanup", "Clean up", f"{self.bucket}/{flt.prefix}",
                                               total=count, cancel=progress.cancel,
                                               params=params)
        self._job = (log, job)
        self._timer.start()
        try:
            if every:
                assert isinstance(self.storage, VersionCleanupOps)
                report: BulkReport = await run_transfer(
                    self.context.runner, delete_every_version, self.storage, self.bucket,
                    flt.prefix, matches, progress)
            else:
                report = await run_transfer(self.context.runner, delete_matches,
                                            self.storage, self.bucket, matches, progress)
        except BaseException as exc:
            if log is not None:
                log.finish(job, JobState.FAILED, message=str(exc) or "Stopped.")
            raise
        finally:
            self._timer.stop()
            self.progress, self._job = None, None
        if log is not None:
            report_job(log, job, self.bucket, report)
        what = (translate("CleanupSession", "every version") if every else
                translate(
                    "CleanupSession",
                    "delete markers left") if self.dialog.versioned else translate(
                    "CleanupSession", "for good"))
        self.dialog.show_report(report, what)
        if report.done and self.context.listing.bucket == self.bucket:
            self.context.listing.refresh()

    # -- lifecycle rule ------------------------------------------------------------------
    async def make_rule(self) -> None:
        flt = self.dialog.cleanup_filter()
        problems = flt.problems()
        rule = to_lifecycle_rule(flt) if not problems else " ".join(problems)
        if isinstance(rule, str):
            self.dialog.show_problem(rule)
            return
        storage = self.storage
        if not isinstance(storage, BucketSettingsOps):
            self.dialog.show_problem(translate(
                "CleanupSession",
                "This connection cannot change lifecycle rules; use a connection to an S3 server."))
            return
        self.dialog.set_busy(True)
        try:
            rules = await run_browse(self.context.runner, storage.get_lifecycle, self.bucket)
        finally:
            self.dialog.set_busy(False)
        rules = add_rule(rules, rule)
        new = rules[-1]
        where = translate(
            "CleanupSession",
            "below “{prefix}”").format(prefix=new.prefix) if new.prefix else translate(
            "CleanupSession", "in the whole bucket")
        text = (translate(
            "CleanupSession",
            "Add the lifecycle rule “{id}” to “{bucket}”?\n\nThe server will then remove objects "
            "{where} {expire_days} days after they were last changed, every day, without "
            "asking.").format(
            id=new.id,
            bucket=self.bucket,
            where=where,
            expire_days=new.expire_days,
        )
                + (translate(
                    "CleanupSession",
                    "\n\nIn this bucket that leaves delete markers; older versions stay until "
                    "another rule removes them.") if self.dialog.versioned else "")
                + translate(
                    "CleanupSession",
                    "\n\nThe bucket keeps its {value} other rule(s).").format(value=len(rules) - 1))
        self.question = ask(self.dialog, "cleanupRuleConfirm", translate(
            "CleanupSession", "Make a lifecycle rule"), text,
                            translate(
                                "CleanupSession", "Add rule"), details=storage.lifecycle_xml(rules))
        if not await self._answered_yes():
            return
        self.dialog.set_busy(True)
        try:
            await run_browse(self.context.runner, storage.set_lifecycle, self.bucket, rules)
        finally:
            self.dialog.set_busy(False)
        self.dialog.show_note(translate(
            "CleanupSession",
            "Added the lifecycle rule “{id}”; the server applies it once a day.").format(id=new.id))


class CleanupActions(QObject):
    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.window)
        self.setObjectName("cleanupActions")
        self.context = context
        self.flows = FlowOwner(self, on_error=context.show_error)
        self.active_dialog: CleanupDialog | None = None
        self.session: CleanupSession | None = None
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        context.on_close(self.flows.cancel_all)
        context.job_handlers["cleanup"] = self.run_again

    def run_again(self, job: Job) -> None:
        """Run again from the Jobs panel: the dialog opens with the same filter and finds
        the matches at once; deleting them still waits for the user's Delete and yes."""
        entry = connection_for(self.context, job.params)
        if entry is not None:
            p = job.params
            self.flows.start(self._open(entry.conn_id, entry.name, entry.storage,
                                        str(p["bucket"]), str(p.get("prefix", "")),
                                        (filter_of(p), bool(p.get("every_version")))))

    def menu_actions(self, menu: QMenu, conn_id: str, bucket: str) -> list[QAction]:
        """For the tree: Clean up… of a bucket (none on a connection root)."""
        return self._entry().tree_actions(menu, conn_id, bucket)

    def folder_actions(self, menu: QMenu, bucket: str, prefix: str) -> list[QAction]:
        """For the file table: Clean up… of the selected folder (or the one shown)."""
        return self._entry().folder_actions(self.context, menu, bucket, prefix)

    def _entry(self) -> PlaceEntry:
        return PlaceEntry(translate(
            "CleanupActions", "Clean up…"), "actionCleanup", translate(
            "CleanupActions",
            "Find old or unwanted objects here, then delete them or make a lifecycle "
            "rule"), self.open_cleanup)

    def open_cleanup(self, conn_id: str, bucket: str, prefix: str = "") -> None:
        entry = self.context.connections.get(conn_id)
        if entry is not None:
            self.flows.start(self._open(conn_id, entry.name, entry.storage, bucket, prefix))

    async def _open(self, conn_id: str, connection: str, storage: Storage, bucket: str,
                    prefix: str, preset: tuple[CleanupFilter, bool] | None = None) -> None:
        """`preset`: the filter and version choice of an earlier run (then matches are
        found at once)."""
        try:
            versioned = await run_browse(self.context.runner, bucket_is_versioned, storage,
                                         bucket)
        except AppError:
            versioned = False  # the server cannot say: offer plain deletes only
        place = f"{bucket}/{prefix}" if prefix else bucket
        dialog = CleanupDialog(translate(
            "CleanupActions",
            "{place} on {connection}").format(
            place=place,
            connection=connection,
        ), prefix, versioned,
                               self.context.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog = dialog
        self.session = CleanupSession(self.context, storage, bucket, dialog,
                                      lambda: self.clock(), conn_id)
        dialog.show()
        if preset is not None:
            dialog.set_filter(*preset)
            dialog.find_requested.emit()
