"""The object actions' flows in the wired window against the real server, when the user does
not wait for them: closing the window or opening another folder while a delete is still being
prepared cancels the flow (no confirmation pops up later, nothing is deleted), work already
confirmed runs on, and an error in an awaited storage call reaches the message bar."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.objects.actions import ObjectActions
from desktop_app.ui.objects.delete_dialog import DeleteDialog
from desktop_app.ui.shell.main_window import MainWindow
from tests.helpers import put_bytes
from tests.object_action_helpers import (
    WAIT,
    WindowFactory,
    keys_in,
)


class Held:
    """Wraps one storage method so that its calls wait until the test lets them go on."""

    def __init__(self, storage: MinioStorage, name: str) -> None:
        self.storage, self.name = storage, name
        self.original = getattr(storage, name)
        self.entered, self.go_on = threading.Event(), threading.Event()
        self.returned = threading.Event()

        def held(*args: object) -> object:
            self.entered.set()
            assert self.go_on.wait(WAIT / 1000)
            try:
                return self.original(*args)
            finally:
                self.returned.set()

        setattr(storage, name, held)

    def release(self) -> None:
        self.go_on.set()


def window_storage(window: MainWindow) -> MinioStorage:
    storage = window.storage
    assert isinstance(storage, MinioStorage)
    return storage


def start_deleting_folder(qtbot: QtBot, window: MainWindow, folder: str) -> Held:
    """Select `folder` and choose Delete…: the flow starts counting what is inside, and the
    listing it needs for that is held."""
    held = Held(window_storage(window), "list_tree_page")
    assert window.object_table.select_key(folder)
    window.object_actions.action_delete.trigger()
    qtbot.waitUntil(held.entered.is_set, timeout=WAIT)
    return held


def assert_dropped(qtbot: QtBot, window: MainWindow, held: Held, actions: ObjectActions) -> None:
    """The flow is gone: the held listing may answer now, and no confirmation appears."""
    assert not actions.flows.tasks
    held.release()
    qtbot.waitUntil(held.returned.is_set, timeout=WAIT)
    qtbot.wait(100)  # turns of the loop in which a result could still arrive
    assert actions.active_dialog is None
    assert window.findChildren(DeleteDialog) == []


def test_closing_the_window_cancels_a_delete_still_being_prepared(
        qtbot: QtBot, open_bucket: WindowFactory, storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "d/1", b"1")
    window = open_bucket(bucket, 1)
    actions = window.object_actions
    held = start_deleting_folder(qtbot, window, "d/")
    (task,) = actions.flows.tasks
    window.close()
    # done, and let go by its owner (a done-callback, one loop turn later)
    qtbot.waitUntil(lambda: task.done() and task not in actions.flows.tasks, timeout=WAIT)
    assert task.cancelled()
    assert_dropped(qtbot, window, held, actions)
    assert keys_in(storage, bucket) == ["d/1"]


def test_opening_another_folder_drops_a_delete_still_being_prepared(
        qtbot: QtBot, open_bucket: WindowFactory, storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "d/1", b"1")
    put_bytes(storage, bucket, "other/2", b"2")
    window = open_bucket(bucket, 2)
    actions = window.object_actions
    held = start_deleting_folder(qtbot, window, "d/")
    (task,) = actions.flows.tasks
    window.table_model.refresh()  # the same folder again: the question still stands
    assert not task.done()
    window.open_location(bucket, "other/")
    # done, and let go by its owner (a done-callback, one loop turn later)
    qtbot.waitUntil(lambda: task.done() and task not in actions.flows.tasks, timeout=WAIT)
    assert task.cancelled()
    assert_dropped(qtbot, window, held, actions)
    assert keys_in(storage, bucket) == ["d/1", "other/2"]
    qtbot.waitUntil(lambda: window.table_model.row_of_key("other/2") >= 0, timeout=WAIT)
    assert window.object_table.select_key("other/2")  # and the next delete works as ever
    window.object_actions.action_delete.trigger()
    qtbot.waitUntil(lambda: isinstance(actions.active_dialog, DeleteDialog), timeout=WAIT)
    assert isinstance(actions.active_dialog, DeleteDialog)
    actions.active_dialog.accept()
    qtbot.waitUntil(lambda: actions.last_report is not None, timeout=WAIT)
    assert keys_in(storage, bucket) == ["d/1"]


def test_a_confirmed_delete_goes_on_after_the_user_moves_on(
        qtbot: QtBot, open_bucket: WindowFactory, storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "a.txt", b"a")
    put_bytes(storage, bucket, "sub/b.txt", b"b")
    window = open_bucket(bucket, 2)
    actions = window.object_actions
    held = Held(window_storage(window), "delete_many")
    assert window.object_table.select_key("a.txt")
    actions.action_delete.trigger()
    qtbot.waitUntil(lambda: isinstance(actions.active_dialog, DeleteDialog), timeout=WAIT)
    assert isinstance(actions.active_dialog, DeleteDialog)
    actions.active_dialog.accept()
    qtbot.waitUntil(held.entered.is_set, timeout=WAIT)
    window.open_location(bucket, "sub/")
    held.release()
    qtbot.waitUntil(lambda: actions.last_report is not None, timeout=WAIT)
    assert actions.last_report is not None
    assert actions.last_report.done == 1
    assert keys_in(storage, bucket) == ["sub/b.txt"]


def test_an_error_in_an_awaited_call_reaches_the_message_bar(
        qtbot: QtBot, open_bucket: WindowFactory, storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "gone.txt", b"soon gone")
    window = open_bucket(bucket, 1)
    storage.delete(bucket, "gone.txt")  # behind the window's back
    assert window.object_table.select_key("gone.txt")
    window.object_actions.action_properties.trigger()
    qtbot.waitUntil(lambda: window.message_bar.isVisibleTo(window), timeout=WAIT)
    assert "gone.txt" in window.message_bar.text
    assert window.object_actions.active_dialog is None
    qtbot.waitUntil(lambda: not window.object_actions.flows.tasks, timeout=WAIT)
