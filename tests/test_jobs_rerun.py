"""Run again and live counts in the Jobs panel, against the real server: every kind of job keeps
what it needs to run again (also after a restart), and statistics and find-duplicates show
their counts while they stream."""

from __future__ import annotations

import os

import shiboken6
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.core.jobs import Job, JobLog, JobState
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.buckets.delete_dialogs import EmptyAndDeleteDialog
from desktop_app.ui.objects.copy_move_dialog import DestinationDialog
from desktop_app.ui.objects.delete_dialog import DeleteDialog
from desktop_app.ui.shell.main_window import MainWindow
from tests import test_duplicates_ui as dupes
from tests.conftest import WindowFactory
from tests.helpers import GatedStorage, open_window, put_bytes
from tests.object_action_helpers import (
    dialog_of,
    keys_in,
    select,
    two_files_sent_to_archive,
    wait_report,
)
from tests.test_cleanup import answer, seed_two_ages
from tests.test_statistics_ui import WAIT, finished, seed


def log_of(window: MainWindow) -> JobLog:
    log = window.context.jobs()
    assert log is not None
    return log


def only(window: MainWindow, kind: str) -> list[Job]:
    return [job for job in log_of(window).jobs() if job.kind == kind]


def test_statistics_counts_show_while_running_and_run_again_counts_afresh(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    seed(storage, bucket)
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    entry = window.open_connections.get(conn)
    assert entry is not None
    # the scan's last step (unfinished uploads) waits for the test
    gated = GatedStorage(storage, "list_multipart_uploads", WAIT / 1000)
    entry.storage = gated  # type: ignore[assignment]
    window.statistics.show_statistics(conn, bucket, "docs/")
    qtbot.waitUntil(gated.asked.is_set, timeout=WAIT)

    # Listed, not finished: the panel already shows what was counted.
    qtbot.waitUntil(lambda: only(window, "statistics")[0].counts.get("objects") == 4,
                    timeout=WAIT)
    [job] = only(window, "statistics")
    assert job.state is JobState.RUNNING
    assert job.counts == {"objects": 4, "bytes": 6020}
    panel = window.jobs.panel
    qtbot.waitUntil(lambda: panel.model.index(0, 3).data() == "objects 4, size 5.9 KiB",
                    timeout=WAIT)
    gated.go_on.set()
    finished(qtbot, window, (conn, bucket, "docs/"))
    assert job.params == {"conn": conn, "connection": entry.name, "bucket": bucket,
                          "prefix": "docs/"}

    # A new object, then Run again: counted afresh although a result is cached.
    entry.storage = storage
    window.statistics.windows[(conn, bucket, "docs/")].close()
    qtbot.waitUntil(lambda: not window.statistics.windows, timeout=WAIT)
    put_bytes(storage, bucket, "docs/more.txt", b"12345")
    qtbot.waitUntil(lambda: only(window, "statistics")[0].state is JobState.DONE, timeout=WAIT)
    panel.select(job.id)
    assert panel.rerun_button.isEnabled()
    panel.rerun_button.click()

    qtbot.waitUntil(lambda: len(only(window, "statistics")) == 2
                    and only(window, "statistics")[1].state is JobState.DONE, timeout=WAIT)
    assert only(window, "statistics")[1].counts == {"objects": 5, "bytes": 6025}
    finished(qtbot, window, (conn, bucket, "docs/"))


def test_find_duplicates_counts_show_while_running_and_run_again_searches_again(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    dupes.seed(storage, bucket)
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    entry = window.open_connections.get(conn)
    assert entry is not None
    # asking for stored hashes waits for the test
    gated = GatedStorage(storage, "stored_hashes", WAIT / 1000)
    entry.storage = gated  # type: ignore[assignment]
    window.duplicates.find(conn, bucket)
    qtbot.waitUntil(gated.asked.is_set, timeout=WAIT)

    qtbot.waitUntil(lambda: bool(only(window, "duplicates"))
                    and only(window, "duplicates")[0].counts.get("listed") == 6, timeout=WAIT)
    assert only(window, "duplicates")[0].state is JobState.RUNNING
    gated.go_on.set()
    dialog = dupes.open_dialog(qtbot, window.duplicates)
    dupes.wait_results(qtbot, dialog)
    qtbot.waitUntil(lambda: only(window, "duplicates")[0].state is JobState.DONE, timeout=WAIT)
    first = only(window, "duplicates")[0]
    assert first.counts["extra copies"] == 3
    dialog.close()
    qtbot.waitUntil(lambda: not window.duplicates.windows, timeout=WAIT)

    entry.storage = storage
    storage.copy_object(bucket, "pics/a.jpg", bucket, "more/d.jpg")
    assert log_of(window).rerun(first.id)

    qtbot.waitUntil(lambda: shiboken6.isValid(window.duplicates.active_dialog)
                    and window.duplicates.active_dialog is not dialog, timeout=WAIT)
    again = dupes.open_dialog(qtbot, window.duplicates)
    dupes.wait_results(qtbot, again)
    qtbot.waitUntil(lambda: len(only(window, "duplicates")) == 2
                    and only(window, "duplicates")[1].state is JobState.DONE, timeout=WAIT)
    assert only(window, "duplicates")[1].counts["extra copies"] == 4
    assert only(window, "duplicates")[1].target == f"{bucket}/"


def test_cleanup_runs_again_after_a_restart_with_its_filter(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    seed_two_ages(storage, bucket)
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    actions = window.cleanup
    actions.open_cleanup(conn, bucket, "logs/")
    qtbot.waitUntil(lambda: actions.active_dialog is not None
                    and actions.active_dialog.isVisible(), timeout=WAIT)
    dialog = actions.active_dialog
    assert dialog is not None
    dialog.age_check.setChecked(False)
    dialog.name_edit.setText("*.tmp")
    dialog.find_button.click()
    qtbot.waitUntil(lambda: dialog.delete_button.isEnabled(), timeout=WAIT)
    dialog.delete_button.click()
    answer(qtbot, actions, yes=True)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Deleted"), timeout=WAIT)
    [job] = only(window, "cleanup")
    assert job.params["name_pattern"] == "*.tmp"
    assert job.params["older_than_days"] is None
    assert "secret" not in str(job.params).lower()
    window.close()
    put_bytes(storage, bucket, "logs/g.tmp", b"g")

    second, _ = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    panel = second.jobs.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
    panel.select(job.id)
    assert panel.rerun_button.isEnabled()
    panel.rerun_button.click()

    again = second.cleanup
    qtbot.waitUntil(lambda: again.active_dialog is not None
                    and again.active_dialog.isVisible(), timeout=WAIT)
    reopened = again.active_dialog
    assert reopened is not None
    assert reopened.prefix_edit.text() == "logs/"
    assert reopened.name_edit.text() == "*.tmp"
    assert not reopened.age_check.isChecked()
    qtbot.waitUntil(lambda: reopened.delete_button.isEnabled(), timeout=WAIT)
    assert [r.key for r in reopened.model.rows] == ["logs/g.tmp"]  # b and e went the first time
    if os.environ.get("SHOTS_DIR"):
        reopened.grab().save(os.path.join(os.environ["SHOTS_DIR"], "cleanup-rerun.png"))
    assert only(second, "cleanup") == [log_of(second).get(job.id)]  # nothing deleted yet


def test_a_bulk_delete_runs_again_through_its_confirmation(
        qtbot: QtBot, open_bucket: WindowFactory,
        storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "keep.txt", b"k")
    put_bytes(storage, bucket, "x.txt", b"x")
    for n in range(3):
        put_bytes(storage, bucket, f"folder/{n}.bin", b"x" * 10)
    window = open_bucket(bucket, 3)
    select(qtbot, window, "folder/", "x.txt")
    window.object_actions.action_delete.trigger()
    dialog_of(qtbot, window, DeleteDialog).findChild(QPushButton, "confirmDelete").click()
    wait_report(qtbot, window)
    [job] = only(window, "delete")
    assert job.params["items"] == ["folder/", "x.txt"]
    put_bytes(storage, bucket, "folder/9.bin", b"n" * 5)  # the folder is back, x.txt is not
    window.object_actions.last_report = None

    assert log_of(window).rerun(job.id)

    confirm = dialog_of(qtbot, window, DeleteDialog)
    assert confirm.findChild(QPushButton, "confirmDelete") is not None
    confirm.findChild(QPushButton, "confirmDelete").click()
    wait_report(qtbot, window)
    assert keys_in(storage, bucket) == ["keep.txt"]
    again = only(window, "delete")[1]
    assert again.counts["done"] == 1
    assert again.params["items"] == ["folder/"]


def test_a_copy_runs_again_with_its_destination_filled_in(
        qtbot: QtBot, open_bucket: WindowFactory,
        storage: MinioStorage, bucket: str) -> None:
    window = two_files_sent_to_archive(qtbot, open_bucket, storage, bucket, move=False)
    [job] = only(window, "copy")
    for key in ("archive/2026/a.txt", "archive/2026/b.txt"):
        storage.delete(bucket, key)
    window.object_actions.last_report = None

    assert log_of(window).rerun(job.id)

    again = dialog_of(qtbot, window, DestinationDialog)
    assert again.destination() == (bucket, "archive/2026/")
    again.accept()
    wait_report(qtbot, window)
    assert keys_in(storage, bucket, "archive/") == ["archive/2026/a.txt", "archive/2026/b.txt"]
    assert [j.state for j in only(window, "copy")] == [JobState.DONE, JobState.DONE]


def test_an_emptying_runs_again_through_its_typed_confirmation(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "doc.txt", b"one")
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    window.bucket_actions.delete_bucket(conn, bucket)
    qtbot.waitUntil(lambda: isinstance(window.bucket_actions.active_dialog,
                                       EmptyAndDeleteDialog), timeout=WAIT)
    dialog = window.bucket_actions.active_dialog
    assert isinstance(dialog, EmptyAndDeleteDialog)
    qtbot.keyClicks(dialog.name_edit, bucket)
    dialog.confirm.click()
    qtbot.waitUntil(lambda: bucket not in window.tree_model.bucket_names(conn), timeout=WAIT)
    [job] = only(window, "empty-bucket")
    assert job.params == {"conn": conn, "connection": window.open_connections.get(conn).name,
                          "bucket": bucket, "prefix": ""}
    storage.make_bucket(bucket)  # made again and filled: Run again asks again
    put_bytes(storage, bucket, "doc.txt", b"two")

    assert log_of(window).rerun(job.id)

    qtbot.waitUntil(lambda: isinstance(window.bucket_actions.active_dialog,
                                       EmptyAndDeleteDialog)
                    and window.bucket_actions.active_dialog is not dialog, timeout=WAIT)
    again = window.bucket_actions.active_dialog
    assert isinstance(again, EmptyAndDeleteDialog)
    assert not again.confirm.isEnabled()  # the name must be typed again
    again.reject()


def test_run_again_on_a_closed_connection_or_a_damaged_record_says_so(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str]) -> None:
    window = make_window(app_environ)
    log = log_of(window)
    gone = log.start("statistics", "Statistics", "old/", params={
        "conn": "profile:gone", "connection": "Old server", "bucket": "old", "prefix": ""})
    log.finish(gone)
    broken = log.start("duplicates", "Find duplicates", "b/", params={"conn": "env"})
    log.finish(broken)
    panel = window.jobs.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=WAIT)

    panel.select(gone)
    panel.rerun_button.click()
    assert "“Old server” is not open" in window.message_bar.text
    assert "Connect to it, then press Run again." in window.message_bar.text

    panel.select(broken)  # the connection is open, the bucket is missing from the record
    panel.rerun_button.click()
    assert "cannot run again" in panel.errors.toPlainText()
