"""The Jobs panel in the main window: beside Transfers, fed by the job log of the data folder,
kept across a restart (a job left running shows Interrupted), Cancel and Run again."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.core.jobs import JobLog, JobState
from desktop_app.ui.shell.main_window import MainWindow
from tests.conftest import WindowFactory


def log_of(window: MainWindow) -> JobLog:
    log = window.context.jobs()
    assert log is not None
    return log


def states(window: MainWindow) -> list[str]:
    model = window.jobs.panel.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_panel_is_a_tab_beside_transfers(make_window: WindowFactory,
                                             app_environ: dict[str, str]) -> None:
    window = make_window(app_environ)
    panel = window.findChild(object, "jobsPanel")
    assert panel is window.jobs.panel
    assert panel in window.tabifiedDockWidgets(window.transfer_queue)
    assert log_of(window).path == Path(app_environ["MINIO_DESKTOP_DATA_DIR"]) / "jobs.json"


def test_jobs_survive_a_restart_and_a_running_one_shows_interrupted(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str]) -> None:
    first = make_window(app_environ)
    log = log_of(first)
    done = log.start("stats", "Statistics", "photos/")
    log.progress(done, 12, 12, counts={"objects": 12, "bytes": 3 * 1024 * 1024})
    log.finish(done)
    log.start("delete", "Delete 3 objects", "photos/")
    qtbot.waitUntil(lambda: states(first) == ["Running", "Done"])
    first.close()

    second = make_window(app_environ)

    qtbot.waitUntil(lambda: states(second) == ["Interrupted", "Done"])
    model = second.jobs.panel.model
    assert model.index(1, 3).data() == "objects 12, size 3.0 MiB"
    assert model.index(1, 2).data() == "12 of 12 (100%)"


def test_cancel_from_the_panel_stops_a_running_job_and_errors_show(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str]) -> None:
    window = make_window(app_environ)
    log = log_of(window)
    stop = threading.Event()
    reruns: list[str] = []
    job_id = log.start("delete", "Delete", "bucket/", cancel=stop.set,
                       rerun=lambda: reruns.append("again"))

    def work() -> None:
        for n in range(3):
            log.add_error(job_id, f"bucket/k{n}", "Access denied.")
        stop.wait()
        log.finish(job_id, JobState.CANCELLED, counts={"deleted": 0})

    worker = threading.Thread(target=work)
    worker.start()
    panel = window.jobs.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.select(job_id)
    qtbot.waitUntil(lambda: panel.errors.toPlainText().count("Access denied.") == 3)
    assert panel.cancel_button.isEnabled()
    assert not panel.rerun_button.isEnabled()

    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    worker.join()

    qtbot.waitUntil(lambda: states(window) == ["Cancelled"])
    assert stop.is_set()
    qtbot.waitUntil(lambda: panel.rerun_button.isEnabled())
    assert not panel.cancel_button.isEnabled()
    qtbot.mouseClick(panel.rerun_button, Qt.MouseButton.LeftButton)
    assert reruns == ["again"]


