"""The doctor on screen: the view lists real results, drops stale runs, and the main window
opens it by itself when the first connection fails (and on "Diagnose…")."""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.doctor import DoctorReport, Status
from desktop_app.ui.connections.doctor_view import DoctorView
from desktop_app.ui.shell.tasks import TaskRunner
from tests.conftest import WindowFactory
from tests.fake_servers import full_backlog

WRONG_SECRET = "Doctor-View-Wrong-Secret-51d2"


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown(wait=True)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def detail_text(view: DoctorView, key: str) -> str:
    label = view.findChild(QLabel, f"doctorCheck_{key}")
    assert label is not None, key
    assert label.textFormat() == Qt.TextFormat.PlainText
    return label.text()


@pytest.mark.real_server
def test_view_lists_every_check_for_a_healthy_server(
    qtbot: QtBot, runner: TaskRunner, s3_server: ConnectionSettings
) -> None:
    view = DoctorView(runner)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.finished, timeout=20_000) as blocker:
        view.run(s3_server)
    report = blocker.args[0]
    assert isinstance(report, DoctorReport)
    assert report.ok
    assert "works" in view.headline.text()
    assert "Signed in with access key" in detail_text(view, "credentials")
    assert "SeaweedFS" in detail_text(view, "server")
    icon = view.findChild(QLabel, "doctorIcon_credentials")
    assert icon is not None
    assert icon.toolTip() == "OK"
    assert view.copy_button.isEnabled()


@pytest.mark.real_server
def test_view_explains_a_wrong_secret_without_showing_it(
    qtbot: QtBot, runner: TaskRunner, s3_server: ConnectionSettings
) -> None:
    view = DoctorView(runner)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.finished, timeout=20_000):
        view.run(dataclasses.replace(s3_server, secret_key=WRONG_SECRET))
    assert view.status_of("credentials") == Status.FAIL
    text = detail_text(view, "credentials")
    assert "secret key does not match" in text
    assert "What to do:" in text
    assert "problem" in view.headline.text()
    shown = " ".join(label.text() for label in view.findChildren(QLabel))
    assert WRONG_SECRET not in shown
    assert s3_server.secret_key not in shown


@pytest.mark.real_server
def test_a_restarted_run_drops_the_stale_result(
    qtbot: QtBot, runner: TaskRunner, s3_server: ConnectionSettings
) -> None:
    view = DoctorView(runner)
    qtbot.addWidget(view)
    reports: list[DoctorReport] = []
    view.finished.connect(reports.append)
    with full_backlog() as port:  # connects hang, so the first run is surely still going
        view.run(dataclasses.replace(s3_server, port=port))
        view.run(s3_server)
        qtbot.waitUntil(lambda: not view.running, timeout=20_000)
        # Wait for the first run's delivery too (the runner forgets a task once delivered).
        qtbot.waitUntil(lambda: not runner.busy, timeout=20_000)
    assert [r.endpoint for r in reports] == [s3_server.url]
    assert view.status_of("tcp") == Status.OK


def test_window_opens_the_doctor_when_the_first_connection_fails(
    qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str]
) -> None:
    port = closed_port()
    window = make_window({**app_environ, "MINIO_ENDPOINT": f"127.0.0.1:{port}"})
    qtbot.waitUntil(lambda: window.doctor_dialog is not None, timeout=15_000)
    dialog = window.doctor_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.view.report is not None, timeout=15_000)
    assert dialog.isVisible()
    assert dialog.view.status_of("tcp") == Status.FAIL
    assert "connection was refused" in detail_text(dialog.view, "tcp")
    assert window.action_diagnose.isEnabled()


@pytest.mark.real_server
def test_diagnose_action_checks_a_working_connection(
    qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str]
) -> None:
    window = make_window(app_environ)
    qtbot.waitUntil(lambda: "Reachable" in window.reachability_label.text(), timeout=15_000)
    assert window.doctor_dialog is None  # nothing failed, so nothing popped up
    action = window.findChild(type(window.action_diagnose), "actionDiagnose")
    assert action is window.action_diagnose
    action.trigger()
    dialog = window.doctor_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.view.report is not None, timeout=15_000)
    assert dialog.view.report is not None
    assert dialog.view.report.ok
