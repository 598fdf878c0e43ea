"""Validating a CSV object on the real server: from the table preview's Validate… button and
the file table's menu, as a job in the Jobs panel with its progress and errors, the results
dialog (export of every error, schema saved for the folder), and an upload into a folder with
a saved schema validated after it lands."""

from __future__ import annotations

import csv
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop_app.core.csv_checks import ColumnKind, SchemaStore
from desktop_app.core.jobs import JobState
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.csv_validation.results_dialog import CsvResultsDialog
from desktop_app.ui.shell.main_window import MainWindow
from tests.conftest import WindowFactory
from tests.helpers import open_window, put_bytes

WAIT = 20_000
ROWS = 30_000  # several chunks of the object's stream, beyond the preview's 10,000 rows


def sample_csv(bad_from: int = 0) -> bytes:
    lines = ["id,email,joined"]
    for i in range(1, ROWS + 1):
        lines.append(f"{i},user{i}@example.com,2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}")
    lines[25_000] = "25000,not-an-email,2024-01-01"  # line 25,001: past the preview's rows
    lines[27_000] = '27000,"x@y.zz,2024-01-01'  # line 27,001: a quote never closed
    lines[29_000] = "29000"  # line 29,001: one field
    return ("\n".join(lines) + "\n").encode()


def results(qtbot: QtBot, window: MainWindow) -> CsvResultsDialog:
    actions = window.csv_validation
    qtbot.waitUntil(lambda: bool(actions.dialogs), timeout=WAIT)
    return actions.dialogs[-1]


def test_validate_from_the_preview_runs_a_job_and_shows_every_error_by_line(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    put_bytes(storage, bucket, "imports/people.csv", sample_csv())
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    pane = window.preview_pane
    with qtbot.waitSignal(pane.preview_shown, timeout=WAIT):
        pane.show_object(bucket, "imports/people.csv")
    pane.table_view.validate_button.click()
    dialog = results(qtbot, window)

    report = dialog.report
    assert report.complete
    assert report.rows == ROWS
    assert [(i.line, i.kind) for i in report.first_errors] == [
        (25_001, "email"), (27_001, "unclosed_quote"), (29_001, "field_count")]
    assert [(c.rule.name, c.rule.kind) for c in report.columns] == [
        ("id", ColumnKind.INTEGER), ("email", ColumnKind.EMAIL), ("joined", ColumnKind.DATE)]
    assert dialog.errors.rowCount() == 3
    assert dialog.errors.item(0, 0).text() == "25,001"
    assert "30,000 rows × 3 columns, 3 problems" in dialog.findChild(
        type(dialog.counts), "csvSummary").text()

    log = window.jobs.log()
    assert log is not None
    job = next(j for j in log.jobs() if j.kind == "csv_validate")
    assert job.state is JobState.DONE
    assert job.counts["rows"] == ROWS
    assert job.done == job.total == len(sample_csv())
    assert [e.item for e in job.errors] == ["Line 25,001", "Line 27,001", "Line 29,001"]

    target = tmp_path / "errors.csv"
    before = len(window.csv_validation.flows.tasks)
    errors_file = next(Path(window.csv_validation._temp).glob("errors-*.csv"))
    window.csv_validation.flows.start(window.csv_validation.export_errors(errors_file, target))
    qtbot.waitUntil(lambda: target.exists() and len(window.csv_validation.flows.tasks) <= before,
                    timeout=WAIT)
    with target.open(newline="", encoding="utf-8") as handle:
        exported = list(csv.DictReader(handle))
    assert [row["line"] for row in exported] == ["25001", "27001", "29001"]

    if shots := os.environ.get("CSV_SHOTS_DIR"):
        dialog.grab().save(str(Path(shots) / "csv-results.png"))
        pane.grab().save(str(Path(shots) / "csv-preview.png"))
        window.jobs.panel.show()
        window.jobs.panel.resize(1000, 200)
        window.jobs.panel.grab().save(str(Path(shots) / "csv-job.png"))
    dialog.schema_button.click()
    store = SchemaStore(window.csv_validation.config_dir() or tmp_path, conn)
    found = store.for_key(bucket, "imports/next.csv")
    assert found is not None
    assert found[0] == f"{bucket}/imports/"
    assert [c.kind for c in found[1].columns] == [
        ColumnKind.INTEGER, ColumnKind.EMAIL, ColumnKind.DATE]

    dialog.kind_boxes[1].setCurrentIndex(list(ColumnKind).index(ColumnKind.TEXT))  # e-mail: text
    dialog.again_button.click()
    qtbot.waitUntil(lambda: bool(window.csv_validation.dialogs)
                    and window.csv_validation.dialogs[-1] is not dialog, timeout=WAIT)
    again = window.csv_validation.dialogs[-1].report
    assert [(i.line, i.kind) for i in again.first_errors] == [
        (27_001, "unclosed_quote"), (29_001, "field_count")]
    assert [c.rule.kind for c in again.columns] == [
        ColumnKind.INTEGER, ColumnKind.TEXT, ColumnKind.DATE]
    assert not any(c.inferred for c in again.columns)
    window.csv_validation.dialogs[-1].reject()


def test_the_file_menu_offers_validate_for_one_csv_and_an_upload_into_a_schema_folder_is_checked(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    put_bytes(storage, bucket, "in/a.csv", b"n,d\n1,2024-01-01\n2,2024-02-03\n")
    put_bytes(storage, bucket, "in/notes.txt", b"hello")
    window, _conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    window.open_location(bucket, "in/")
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 2, timeout=WAIT)
    table = window.object_table
    names = [window.table_model.entry(r).name for r in range(2)]
    table.selectRow(names.index("a.csv"))
    menu: QMenu = window.object_actions.build_menu()
    validate = [a for a in menu.actions() if a.text() == "Validate…"]
    assert len(validate) == 1
    table.selectRow(names.index("notes.txt"))
    assert not [a for a in window.object_actions.build_menu().actions()
                if a.text() == "Validate…"]
    validate[0].trigger()
    dialog = results(qtbot, window)
    assert dialog.report.total_errors == 0
    dialog.schema_button.click()
    dialog.reject()

    (tmp_path / "b.csv").write_bytes(b"n,d\n3,2024-01-01\nfour,2024-02-31\n")
    log = window.jobs.log()
    assert log is not None
    window.transfers.upload([tmp_path / "b.csv"], bucket, "in/")
    qtbot.waitUntil(lambda: any(j.target.endswith("in/b.csv") and j.state is JobState.DONE
                                for j in log.jobs()), timeout=WAIT)
    job = next(j for j in log.jobs() if j.target.endswith("in/b.csv"))
    assert job.counts["problems"] == 2
    assert [e.item for e in job.errors] == ["Line 3", "Line 3"]
    assert "integer" not in job.message
    assert len(window.csv_validation.dialogs) == 0  # after an upload: the Jobs panel only


def test_cancel_from_the_jobs_log_stops_the_stream_and_shows_no_dialog(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, monkeypatch: pytest.MonkeyPatch) -> None:
    put_bytes(storage, bucket, "big.csv", sample_csv() * 3)
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    entry = window.open_connections.get(conn)
    assert entry is not None
    gate = threading.Event()
    real = entry.storage.iter_chunks

    def held(bucket_: str, key: str, **kwargs: object) -> Iterator[bytes]:
        """The server's stream, held after its first 300 kB until the test lets it go."""
        sent = 0
        for chunk in real(bucket_, key, chunk_size=64 * 1024):
            if sent < 300_000 <= sent + len(chunk):
                gate.wait(WAIT / 1000)
            sent += len(chunk)
            yield chunk

    monkeypatch.setattr(entry.storage, "iter_chunks", held)
    log = window.jobs.log()
    assert log is not None
    window.csv_validation.validate(conn, bucket, "big.csv")
    qtbot.waitUntil(lambda: any(j.kind == "csv_validate" for j in log.jobs()), timeout=WAIT)
    job_id = next(j.id for j in log.jobs() if j.kind == "csv_validate")
    qtbot.waitUntil(lambda: log.get(job_id).done > 0, timeout=WAIT)  # type: ignore[union-attr]
    assert log.can_cancel(job_id)
    assert log.cancel(job_id)
    gate.set()
    qtbot.waitUntil(lambda: log.get(job_id).state is JobState.CANCELLED,  # type: ignore[union-attr]
                    timeout=WAIT)
    job = log.get(job_id)
    assert job is not None
    assert "stopped before the end" in job.message
    assert 0 < job.counts["rows"] < 3 * ROWS
    qtbot.wait(200)
    assert window.csv_validation.dialogs == []
