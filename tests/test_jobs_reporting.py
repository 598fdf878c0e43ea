"""Long operations report to the job log against the real server: a statistics run and the
emptying of a bucket end Done with their counts,
and Cancel in the Jobs panel stops a running one, which ends Cancelled."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.core.jobs import Job, JobState
from desktop_app.storage.bulk_ops import BulkReport, Progress
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.buckets.delete_dialogs import EmptyAndDeleteDialog
from desktop_app.ui.objects.delete_dialog import DeleteDialog
from desktop_app.ui.shell.main_window import MainWindow
from tests import test_duplicates_ui as dupes
from tests.conftest import WindowFactory
from tests.helpers import GatedStorage, open_window, put_bytes
from tests.object_action_helpers import (
    dialog_of,
    select,
    two_files_sent_to_archive,
    wait_report,
)
from tests.test_cleanup import answer, seed_two_ages
from tests.test_statistics_ui import WAIT, finished, seed


def jobs(window: MainWindow) -> list[Job]:
    log = window.context.jobs()
    assert log is not None
    return log.jobs()


def test_a_statistics_run_is_a_job_that_ends_done_with_counts(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    seed(storage, bucket)
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    window.statistics.show_statistics(conn, bucket, "docs/")
    finished(qtbot, window, (conn, bucket, "docs/"))

    [job] = jobs(window)
    assert (job.kind, job.title, job.target) == ("statistics", "Statistics", f"{bucket}/docs/")
    assert job.state is JobState.DONE
    assert job.counts == {"objects": 4, "bytes": 6020}
    assert job.ended is not None
    panel = window.jobs.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and panel.model.index(0, 0).data()
                    == "Done", timeout=WAIT)


def test_cancel_in_the_jobs_panel_stops_a_statistics_run(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    seed(storage, bucket)
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    entry = window.open_connections.get(conn)
    assert entry is not None
    gated = GatedStorage(storage, "list_v2_raw", WAIT / 1000)
    entry.storage = gated  # type: ignore[assignment]
    window.statistics.show_statistics(conn, bucket, "")
    qtbot.waitUntil(gated.asked.is_set, timeout=WAIT)
    panel = window.jobs.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
    panel.select(jobs(window)[0].id)
    assert panel.cancel_button.isEnabled()

    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    gated.go_on.set()

    qtbot.waitUntil(lambda: jobs(window)[0].state is JobState.CANCELLED, timeout=WAIT)
    qtbot.waitUntil(lambda: panel.model.index(0, 0).data() == "Cancelled", timeout=WAIT)
    assert not panel.cancel_button.isEnabled()
    assert panel.rerun_button.isEnabled()


def test_emptying_a_bucket_is_a_job_with_its_counts(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    storage.set_versioning(bucket, True)
    for body in (b"one", b"two"):
        put_bytes(storage, bucket, "doc.txt", body)
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    window.bucket_actions.delete_bucket(conn, bucket)
    qtbot.waitUntil(lambda: isinstance(window.bucket_actions.active_dialog,
                                       EmptyAndDeleteDialog), timeout=WAIT)
    dialog = window.bucket_actions.active_dialog
    assert isinstance(dialog, EmptyAndDeleteDialog)
    qtbot.keyClicks(dialog.name_edit, bucket)
    dialog.confirm.click()
    qtbot.waitUntil(lambda: bucket not in window.tree_model.bucket_names(conn), timeout=WAIT)

    [job] = jobs(window)
    assert (job.kind, job.target, job.state) == ("empty-bucket", bucket, JobState.DONE)
    assert job.counts == {"removed": 2, "found": 2, "uploads aborted": 0}
    assert (job.done, job.total) == (2, 2)


def test_a_cleanup_delete_is_a_job_with_its_counts(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    now = seed_two_ages(storage, bucket)
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    actions = window.cleanup
    actions.clock = lambda: now
    actions.open_cleanup(conn, bucket)
    qtbot.waitUntil(lambda: actions.active_dialog is not None
                    and actions.active_dialog.isVisible(), timeout=WAIT)
    dialog = actions.active_dialog
    assert dialog is not None
    dialog.age_days.setValue(30)
    dialog.find_button.click()
    qtbot.waitUntil(lambda: dialog.delete_button.isEnabled(), timeout=WAIT)
    dialog.delete_button.click()
    answer(qtbot, actions, yes=True)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Deleted"), timeout=WAIT)

    [job] = jobs(window)
    assert (job.kind, job.target, job.state) == ("cleanup", f"{bucket}/", JobState.DONE)
    assert job.counts == {"deleted": 4, "failed": 0}
    assert job.total == 4


def test_a_bulk_delete_is_a_job_with_its_counts(
        qtbot: QtBot, open_bucket: WindowFactory,
        storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "keep.txt", b"k")
    for n in range(3):
        put_bytes(storage, bucket, f"folder/{n}.bin", b"x" * 10)
    window = open_bucket(bucket, 2)
    select(qtbot, window, "folder/")
    window.object_actions.action_delete.trigger()
    dialog_of(qtbot, window, DeleteDialog).findChild(QPushButton, "confirmDelete").click()
    wait_report(qtbot, window)

    [job] = jobs(window)
    assert (job.kind, job.title, job.target) == ("delete", "Deleting", f"{bucket}/")
    assert job.state is JobState.DONE
    assert job.counts == {"done": 3, "failed": 0, "skipped": 0}


def test_a_move_is_a_job_with_its_counts(
        qtbot: QtBot, open_bucket: WindowFactory,
        storage: MinioStorage, bucket: str) -> None:
    window = two_files_sent_to_archive(qtbot, open_bucket, storage, bucket, move=True)

    moves = [job for job in jobs(window) if job.kind == "move"]
    assert len(moves) == 1
    assert moves[0].target == f"{bucket} → {bucket}/archive/2026/"
    assert moves[0].state is JobState.DONE
    assert moves[0].counts == {"done": 2, "failed": 0, "skipped": 0}


def test_find_duplicates_and_deleting_extras_are_jobs(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    dupes.seed(storage, bucket)
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    window.duplicates.find(conn, bucket, "")
    dialog = dupes.open_dialog(qtbot, window.duplicates)
    dupes.wait_results(qtbot, dialog)
    dialog.select_button.click()  # keep the oldest
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: isinstance(window.duplicates.active_dialog, QMessageBox),
                    timeout=WAIT)
    box = window.duplicates.active_dialog
    assert isinstance(box, QMessageBox)
    button = box.findChild(QPushButton, "duplicatesConfirmDelete")
    assert button is not None
    button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Deleted 3 of 3"), timeout=WAIT)

    found, deleted = jobs(window)
    assert (found.kind, found.target, found.state) == ("duplicates", f"{bucket}/", JobState.DONE)
    freed = found.counts.pop("bytes to free")
    assert found.counts == {"listed": 6, "compared": 5, "groups": 2, "extra copies": 3}
    assert freed > 6000  # the summary said 6.0 KiB could be freed
    assert (deleted.kind, deleted.state, deleted.total) == ("delete", JobState.DONE, 3)
    assert deleted.counts == {"deleted": 3, "failed": 0}
    dialog.reject()


def test_a_running_bulk_action_shows_its_progress_in_the_job_log(
        qtbot: QtBot, open_bucket: WindowFactory,
        bucket: str) -> None:
    window = open_bucket(bucket, 0)
    go_on = threading.Event()

    def work(progress: Progress) -> BulkReport:
        progress.start("Deleting", total=10)
        progress.add(4)
        go_on.wait(WAIT / 1000)
        progress.add(6)
        return BulkReport(done=10)

    window.object_actions.flows.start(window.object_actions.run_job(
        "Deleting", work, logged=("delete", f"{bucket}/")))
    qtbot.waitUntil(lambda: [(j.done, j.total) for j in jobs(window)] == [(4, 10)],
                    timeout=WAIT)
    assert jobs(window)[0].state is JobState.RUNNING
    go_on.set()
    qtbot.waitUntil(lambda: jobs(window)[0].state is JobState.DONE, timeout=WAIT)
    assert (jobs(window)[0].done, jobs(window)[0].counts["done"]) == (10, 10)
