"""The connection doctor and the connection manager's "Test connection" as flows: leaving
them (closing the window) while a check still waits for the server cancels the flow, and its
late answer does not land; the next run works as before."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.credentials import SecretStore
from desktop_app.core.profiles import ProfileStore
from desktop_app.storage.doctor import DoctorReport, Status, run_checks
from desktop_app.ui.connections.dialog import ConnectionDialog
from desktop_app.ui.connections.doctor_view import DoctorDialog
from desktop_app.ui.shell.tasks import TaskRunner

WAIT = 15_000
R = TypeVar("R")


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown(wait=True)


class Slow:
    """A check that waits for the test before it asks the server, like a slow network."""

    def __init__(self, check: Callable[[ConnectionSettings], R]) -> None:
        self.check = check
        self.entered, self.go_on, self.returned = (threading.Event(), threading.Event(),
                                                   threading.Event())

    def __call__(self, settings: ConnectionSettings) -> object:
        self.entered.set()
        assert self.go_on.wait(WAIT / 1000)
        try:
            return self.check(settings)
        finally:
            self.returned.set()


def closed_port_settings() -> ConnectionSettings:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    return ConnectionSettings("Down", "127.0.0.1", port, False, "ak", "Doctor-Flow-Secret-1")


def test_closing_the_doctor_drops_a_run_still_checking(qtbot: QtBot,
                                                       runner: TaskRunner) -> None:
    dialog = DoctorDialog(runner)
    qtbot.addWidget(dialog)
    slow = Slow(run_checks)
    dialog.view.checks = slow  # type: ignore[assignment]
    reports: list[DoctorReport] = []
    dialog.view.finished.connect(reports.append)
    settings = closed_port_settings()
    dialog.show()
    dialog.run(settings)
    (task,) = dialog.view.flows.tasks
    qtbot.waitUntil(slow.entered.is_set, timeout=WAIT)
    dialog.close()
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.cancelled()
    assert not dialog.view.running
    assert dialog.view.headline.text() == "The check was stopped."
    slow.go_on.set()  # the server answers after all
    qtbot.waitUntil(slow.returned.is_set, timeout=WAIT)
    qtbot.wait(100)  # turns of the loop in which the report could still arrive
    assert reports == []
    assert dialog.view.report is None

    dialog.show()  # "Diagnose…" again: a fresh run, whose report lands
    with qtbot.waitSignal(dialog.view.finished, timeout=WAIT):
        dialog.run(settings)
    assert dialog.view.status_of("tcp") == Status.FAIL
    assert "Checking" not in dialog.view.headline.text()


def test_a_failing_check_is_shown_in_the_headline(qtbot: QtBot, runner: TaskRunner) -> None:
    dialog = DoctorDialog(runner)
    qtbot.addWidget(dialog)

    def broken(_settings: ConnectionSettings) -> DoctorReport:
        raise RuntimeError("a bug in a check")

    dialog.view.checks = broken
    dialog.run(closed_port_settings())
    qtbot.waitUntil(lambda: not dialog.view.running, timeout=WAIT)
    assert dialog.view.headline.text().startswith(
        "The check itself failed: An unexpected error occurred (RuntimeError).")
    assert dialog.view.report is None


def test_closing_the_manager_drops_a_connection_test_still_running(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "config")
    slow = Slow(lambda settings: f"Connected to {settings.endpoint}.")
    dialog = ConnectionDialog(runner, store, SecretStore(), tmp_path, {}, tester=slow)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    form.name_edit.setText("Slow")
    form.endpoint_edit.setText("http://127.0.0.1:9")
    form.access_key_edit.setText("k")
    form.secret_key_edit.setText("Slow-Test-Secret-1")
    dialog.test_button.click()
    (task,) = dialog.flows.tasks
    qtbot.waitUntil(slow.entered.is_set, timeout=WAIT)
    assert dialog.status_label.text() == "Testing http://127.0.0.1:9…"
    dialog.reject()  # Close
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.cancelled()
    slow.go_on.set()
    qtbot.waitUntil(slow.returned.is_set, timeout=WAIT)
    qtbot.wait(100)
    assert "Connected" not in dialog.status_label.text()

    dialog.show()  # opened again: the next test reports as ever
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Connected to 127.0.0.1:9.",
                    timeout=WAIT)
    assert dialog.test_button.isEnabled()
