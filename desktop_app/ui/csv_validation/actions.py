"""The "Validate" job of a CSV/TSV object: the whole object streamed from the server through
the validator on the transfer pool, with progress, Cancel and Run again in the Jobs panel,
every error written to a temporary CSV as it is found, and a results dialog (export all
errors, save the checks as the schema of the folder).

Uploads finishing into a place with a saved schema are validated the same way without a
dialog: the result is the job's line in the Jobs panel (its first errors as the job's errors).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from desktop_app.core.csv_checks import CsvSchema, SchemaStore, place_of
from desktop_app.core.csv_io import ErrorCsvWriter, read_ahead
from desktop_app.core.csv_validate import CsvReport, CsvValidator
from desktop_app.core.errors import AppError
from desktop_app.core.jobs import Job, JobState
from desktop_app.core.types import ObjectEntry
from desktop_app.storage.protocol import Storage
from desktop_app.ui.csv_validation.results_dialog import CsvResultsDialog, summary_text
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.flows import FlowOwner, run_transfer
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.job_rerun import connection_for, place_params

CSV_SUFFIXES = (".csv", ".tsv", ".tab")
JOB_KIND = "csv_validate"
JOB_ERRORS = 50  # the first errors also listed on the job itself (the Jobs panel)


def is_csv(key: str) -> bool:
    return key.lower().endswith(CSV_SUFFIXES)


class _Progress(QObject):
    """From the worker thread to the Jobs panel (queued onto the GUI thread)."""

    advanced = Signal(object, object, object)  # bytes read, total bytes, rows


@dataclass
class Validation:
    """What one run needs on the worker thread."""

    storage: Storage
    bucket: str
    key: str
    schema: CsvSchema | None
    errors_path: Path
    cancel: threading.Event
    progress: Callable[[int, int, int], None]


def validate_object(job: Validation) -> tuple[CsvReport, int]:
    """Streams the object through the validator; (report, its size). Blocking."""
    size = job.storage.stat(job.bucket, job.key).size
    with ErrorCsvWriter(job.errors_path) as writer:
        validator = CsvValidator(job.schema, name=job.key, on_issue=writer,
                                 on_progress=lambda done, rows: job.progress(done, size, rows),
                                 cancelled=job.cancel.is_set)
        return validator.run(read_ahead(job.storage.iter_chunks(job.bucket, job.key))), size


class CsvValidationActions(QObject):
    finished = Signal(object)  # the CsvReport of a run (tests, and anyone who waits)

    def __init__(self, context: WindowContext,
                 config_dir: Callable[[], Path | None] = lambda: None) -> None:
        super().__init__(context.window)
        self.setObjectName("csvValidationActions")
        self.context = context
        self.config_dir = config_dir
        self.flows = FlowOwner(self, on_error=context.show_error)
        self.dialogs: list[CsvResultsDialog] = []
        self._cancels: dict[tuple[str, str, str], threading.Event] = {}
        self._temp = Path(tempfile.mkdtemp(prefix="minio-desktop-csv-"))
        context.job_handlers[JOB_KIND] = self.run_again
        context.on_close(self.close_all)

    # -- entry points ---------------------------------------------------------------------
    def file_actions(self, menu: QMenu, bucket: str, entries: list[ObjectEntry]) -> list[QAction]:
        """For the file table's menu: Validate… when one CSV/TSV file is selected."""
        conn_id = self.context.active_connection()
        if conn_id is None or len(entries) != 1 or not is_csv(entries[0].key):
            return []
        key = entries[0].key
        action = QAction(translate("CsvValidation", "Validate…"), menu)
        action.setObjectName("actionValidateCsv")
        action.setStatusTip(translate(
            "CsvValidation", "Check every row of this file: field counts, quoting, encoding and "
            "the values of each column"))
        action.triggered.connect(lambda: self.validate(conn_id, bucket, key))
        return [action]

    def validate_active(self, bucket: str, key: str) -> None:
        """The preview's Validate button: the object shown, on the active connection."""
        conn_id = self.context.active_connection()
        if conn_id is not None:
            self.validate(conn_id, bucket, key)

    def run_again(self, job: Job) -> None:
        if connection_for(self.context, job.params) is not None:
            p = job.params
            self.validate(str(p["conn"]), str(p["bucket"]), str(p["key"]))

    def uploaded(self, conn_id: str, bucket: str, keys: list[str]) -> int:
        """Uploads that finished: those of CSVs in a place with a saved schema are validated
        (results in the Jobs panel). Returns how many were started."""
        folder = self.config_dir()
        if folder is None:
            return 0
        store = SchemaStore(folder, conn_id)
        started = 0
        for key in keys:
            found = store.for_key(bucket, key) if is_csv(key) else None
            if found is not None:
                self.validate(conn_id, bucket, key, schema=found[1], show=False)
                started += 1
        return started

    # -- the run --------------------------------------------------------------------------
    def validate(self, conn_id: str, bucket: str, key: str, *, schema: CsvSchema | None = None,
                 show: bool = True) -> None:
        """Starts a run unless one of the same object is going; `schema` None = the saved one
        for the object's place, else inferred."""
        run = (conn_id, bucket, key)
        if run in self._cancels:
            self.context.show_info(translate(
                "CsvValidation", "“{name}” is being validated already; see the Jobs panel.").format(
                name=key.rsplit("/", 1)[-1]))
            return
        entry = self.context.connections.get(conn_id)
        if entry is None:
            return
        if schema is None and (folder := self.config_dir()) is not None:
            found = SchemaStore(folder, conn_id).for_key(bucket, key)
            schema = found[1] if found else None
        self._cancels[run] = threading.Event()
        self.flows.start(self._run(run, entry.storage, entry.name, schema, show))

    async def _run(self, run: tuple[str, str, str], storage: Storage, name: str,
                   schema: CsvSchema | None, show: bool) -> None:
        conn_id, bucket, key = run
        cancel = self._cancels[run]
        errors_path = self._temp / f"errors-{id(cancel):x}.csv"
        log = self.context.jobs()
        prefix = key.rsplit("/", 1)[0] + "/" if "/" in key else ""
        job_id = None if log is None else log.start(
            JOB_KIND, translate("CsvValidation", "Validate CSV"), f"{name}: {bucket}/{key}",
            cancel=cancel.set,
            params=place_params(self.context, conn_id, bucket, prefix, key=key, rerun=JOB_KIND,
                                progress_unit="bytes"))
        progress = _Progress(self)
        if log is not None and job_id is not None:
            progress.advanced.connect(lambda done, total, rows: log.progress(
                job_id, done, total, counts={"rows": rows}))
        last = [0.0]

        def advanced(done: int, total: int, rows: int) -> None:  # worker thread, ~1 MiB steps
            now = time.monotonic()
            if now - last[0] >= 0.2 or done >= total:
                last[0] = now
                progress.advanced.emit(done, total, rows)

        job = Validation(storage, bucket, key, schema, errors_path, cancel, advanced)
        try:
            report, _size = await run_transfer(self.context.runner, validate_object, job)
        except AppError as err:
            if log is not None and job_id is not None:
                log.finish(job_id, JobState.FAILED, message=err.message)
            if show:
                self.context.show_error(err)
            return
        finally:
            self._cancels.pop(run, None)
        if log is not None and job_id is not None:
            for issue in report.first_errors[:JOB_ERRORS]:
                log.add_error(job_id, translate(
                    "CsvValidation", "Line {line}").format(line=f"{issue.line:,}"),
                              issue.message)
            state = JobState.CANCELLED if cancel.is_set() else (
                JobState.FAILED if report.fatal else JobState.DONE)
            log.finish(job_id, state, message=summary_text(report),
                       counts={"rows": report.rows, "columns": len(report.header),
                               "problems": report.total_errors})
        self.finished.emit(report)
        if show and not cancel.is_set():
            self._show(run, report, errors_path)
        else:  # nothing can export it: the errors file goes now
            errors_path.unlink(missing_ok=True)

    def _show(self, run: tuple[str, str, str], report: CsvReport, errors_path: Path) -> None:
        conn_id, bucket, key = run
        prefix = key.rsplit("/", 1)[0] + "/" if "/" in key else ""
        dialog = CsvResultsDialog(key.rsplit("/", 1)[-1], place_of(bucket, prefix), report,
                                  self.context.window)
        dialog.export_requested.connect(lambda: self._ask_export(dialog, errors_path))
        dialog.save_schema_requested.connect(
            lambda: self.save_schema(conn_id, bucket, prefix, dialog.chosen_schema(), dialog))
        dialog.check_again_requested.connect(lambda: self._check_again(dialog, run))
        dialog.finished.connect(lambda *_: self._closed(dialog, errors_path))
        self.dialogs.append(dialog)
        dialog.open()

    def _check_again(self, dialog: CsvResultsDialog, run: tuple[str, str, str]) -> None:
        """Validate with the dialog's choices; its results replace this dialog."""
        schema = dialog.chosen_schema()
        dialog.close()
        self.validate(*run, schema=schema)

    def _closed(self, dialog: CsvResultsDialog, errors_path: Path) -> None:
        """The errors file lives as long as its dialog (an export copies it first)."""
        with contextlib.suppress(ValueError):
            self.dialogs.remove(dialog)
        dialog.deleteLater()
        if not any(self.flows.tasks):  # an export still copying keeps it until close_all
            errors_path.unlink(missing_ok=True)

    # -- the dialog's buttons -------------------------------------------------------------
    def _ask_export(self, dialog: CsvResultsDialog, errors_path: Path) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            dialog, translate("CsvValidation", "Export all errors"),
            str(Path.home() / "csv-errors.csv"), translate("CsvValidation", "CSV files (*.csv)"))
        if path:
            self.flows.start(self.export_errors(errors_path, Path(path)))

    async def export_errors(self, errors_path: Path, target: Path) -> None:
        """Copies the errors file written during the run (all of them, not the first few)."""
        try:
            await run_transfer(self.context.runner, shutil.copyfile, errors_path, target)
        except OSError as exc:
            self.context.show_error(AppError(
                translate("CsvValidation", "The errors could not be saved to {path} ({why}).")
                .format(path=target, why=exc.strerror or exc),
                translate("CsvValidation", "Choose another folder, or free some space.")))
            return
        self.context.show_info(translate(
            "CsvValidation", "All errors saved to {path}.").format(path=target))

    def save_schema(self, conn_id: str, bucket: str, prefix: str, schema: CsvSchema,
                    parent: Any = None) -> Path | None:
        """Keeps these columns' checks for CSVs uploaded to the folder from now on."""
        folder = self.config_dir()
        if folder is None:
            return None
        store = SchemaStore(folder, conn_id)
        place = place_of(bucket, prefix)
        try:
            store.save(place, schema)
        except OSError as exc:
            self.context.show_error(AppError(
                translate("CsvValidation", "The schema could not be saved ({why}).").format(
                    why=exc.strerror or exc),
                translate("CsvValidation", "Check that {folder} can be written.").format(
                    folder=store.path.parent)))
            return None
        required = translate("CsvValidation", " (required)")
        kinds = ", ".join(f"{c.name}: {translate('CsvColumnKinds', c.kind.value)}"
                          + (required if c.required else "") for c in schema.columns)
        self.context.show_info(translate(
            "CsvValidation", "CSV files uploaded to {place} will be validated with "
            "{columns}.").format(place=place, columns=kinds))
        return store.path

    def close_all(self) -> None:
        for event in list(self._cancels.values()):
            event.set()
        self.flows.cancel_all()
        for dialog in list(self.dialogs):
            if shiboken6.isValid(dialog):
                dialog.close()
        shutil.rmtree(self._temp, ignore_errors=True)

