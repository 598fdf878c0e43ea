"""The awaitable bridge (ui/shell/flows.py) on the qasync loop the tests share with the app:
results come back on the GUI thread, errors as AppError, and a flow its owner leaves is
cancelled so that its result never lands."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.errors import AppError, ConfigError
from desktop_app.ui.shell.flows import FlowOwner, dialog_result, run_browse, run_transfer
from desktop_app.ui.shell.tasks import TaskRunner

WAIT = 10_000


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown(wait=True)


class Gate:
    """A blocking call that waits for the test to open the gate, like a slow server."""

    def __init__(self) -> None:
        self.entered, self.opened = threading.Event(), threading.Event()
        self.threads: list[str] = []

    def __call__(self, value: str) -> str:
        self.threads.append(threading.current_thread().name)
        self.entered.set()
        assert self.opened.wait(WAIT / 1000)
        return value


def test_a_flow_resumes_on_the_gui_thread_with_the_result(qtbot: QtBot,
                                                          runner: TaskRunner) -> None:
    owner = QObject()
    flows = FlowOwner(owner)
    seen: list[tuple[str, str]] = []
    gate = Gate()

    async def flow() -> None:
        first = await run_browse(runner, gate, "quick")
        seen.append((first, threading.current_thread().name))
        second = await run_transfer(runner, str.upper, "long")
        seen.append((second, threading.current_thread().name))

    flows.start(flow())
    qtbot.waitUntil(gate.entered.is_set, timeout=WAIT)
    assert runner.busy
    gate.opened.set()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=WAIT)
    main = threading.main_thread().name
    assert seen == [("quick", main), ("LONG", main)]
    assert gate.threads[0].startswith("browse")
    qtbot.waitUntil(lambda: not flows.tasks and not runner.busy, timeout=WAIT)


def test_errors_arrive_as_app_errors(qtbot: QtBot, runner: TaskRunner) -> None:
    owner = QObject()
    shown: list[AppError] = []
    flows = FlowOwner(owner, on_error=shown.append)
    caught: list[AppError] = []

    def broken() -> None:
        raise ValueError("a bug in the adapter, with details")

    def refused() -> None:
        raise ConfigError("The bucket name is not valid.", "Use lowercase letters.")

    async def flow() -> None:
        try:
            await run_browse(runner, broken)
        except AppError as err:
            caught.append(err)
        await run_browse(runner, refused)  # not caught here: the owner shows it

    flows.start(flow())
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    assert "unexpected error occurred (ValueError)" in caught[0].message
    assert "details" not in caught[0].user_text()  # the traceback goes to the log only
    assert isinstance(shown[0], ConfigError)
    assert shown[0].message == "The bucket name is not valid."


def test_a_bug_in_flow_code_is_not_swallowed(qtbot: QtBot) -> None:
    flows = FlowOwner(QObject())

    async def flow() -> None:
        raise KeyError("typo")

    with qtbot.capture_exceptions() as raised:
        task = flows.start(flow())
        qtbot.waitUntil(task.done, timeout=WAIT)
    assert [type(exc) for _type, exc, _tb in raised] == [KeyError]


def test_destroying_the_owner_cancels_its_flow_and_drops_the_result(
        qtbot: QtBot, runner: TaskRunner) -> None:
    owner = QObject()
    flows = FlowOwner(owner)
    gate = Gate()
    landed: list[str] = []
    cleaned: list[bool] = []

    async def flow() -> None:
        try:
            landed.append(await run_browse(runner, gate, "stale"))
        finally:
            cleaned.append(True)

    task = flows.start(flow())
    qtbot.waitUntil(gate.entered.is_set, timeout=WAIT)
    owner.deleteLater()
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.cancelled()
    assert cleaned == [True]
    gate.opened.set()  # the server answers after all
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT)
    qtbot.wait(50)  # a few more turns of the loop: nothing may arrive
    assert landed == []


def test_moving_away_cancels_only_the_part_bound_to_the_place(
        qtbot: QtBot, runner: TaskRunner) -> None:
    flows = FlowOwner(QObject())
    gate, steps, go_on = Gate(), [], asyncio.Event()

    async def flow(name: str) -> None:
        with flows.bound_to(("bucket", "folder/")):
            steps.append(f"{name}: planned {await run_browse(runner, gate, 'plan')}")
        await go_on.wait()
        steps.append(f"{name}: worked")

    planning = flows.start(flow("left"))
    qtbot.waitUntil(gate.entered.is_set, timeout=WAIT)
    flows.moved_to(("bucket", "folder/"))  # a refresh of the same folder: nothing happens
    flows.moved_to(("bucket", "elsewhere/"))
    qtbot.waitUntil(planning.done, timeout=WAIT)
    assert planning.cancelled()
    gate.opened.set()
    stayed = flows.start(flow("stayed"))
    qtbot.waitUntil(lambda: steps == ["stayed: planned plan"], timeout=WAIT)
    flows.moved_to(("bucket", "elsewhere/"))  # after the bound part: the work goes on
    go_on.set()
    qtbot.waitUntil(stayed.done, timeout=WAIT)
    assert not stayed.cancelled()
    assert steps == ["stayed: planned plan", "stayed: worked"]


def test_a_flow_awaits_a_dialog_and_closes_it_when_cancelled(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    flows = FlowOwner(parent)
    answers: list[int] = []

    async def ask(dialog: QDialog) -> None:
        answers.append(await dialog_result(dialog))

    accepted = QDialog(parent)
    flows.start(ask(accepted))
    qtbot.waitUntil(accepted.isVisible, timeout=WAIT)
    accepted.accept()
    qtbot.waitUntil(lambda: answers == [QDialog.DialogCode.Accepted.value], timeout=WAIT)

    left = QDialog(parent)
    task = flows.start(ask(left))
    qtbot.waitUntil(left.isVisible, timeout=WAIT)
    flows.cancel_all()
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.cancelled()
    assert not left.isVisible()  # the question went away with the flow
    assert answers == [QDialog.DialogCode.Accepted.value]


def test_a_shut_down_runner_ends_the_flow_quietly(qtbot: QtBot) -> None:
    runner = TaskRunner()
    runner.shutdown()
    shown: list[AppError] = []
    flows = FlowOwner(QObject(), on_error=shown.append)

    async def flow() -> None:
        await run_browse(runner, str, "never")

    task = flows.start(flow())
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.cancelled()
    assert shown == []
