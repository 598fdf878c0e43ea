"""Steps for tests that drive the object actions of the real window (shown by the `open_bucket`
fixture of conftest.py): selecting rows, the dialog an action opens, its report, and what the
bucket holds."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop_app.storage.bulk_ops import Progress, walk
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.objects.actions import ObjectActions
from desktop_app.ui.objects.copy_move_dialog import DestinationDialog
from desktop_app.ui.shell.main_window import MainWindow
from tests.helpers import put_bytes

WAIT = 20_000
D = TypeVar("D", bound=QDialog)
WindowFactory = Callable[[str, int], MainWindow]


def actions(window: MainWindow) -> ObjectActions:
    return window.object_actions


def select(qtbot: QtBot, window: MainWindow, *keys: str) -> None:
    """Select rows by key, once the (possibly refreshing) listing shows them."""
    model = window.table_model
    qtbot.waitUntil(lambda: all(model.row_of_key(k) >= 0 for k in keys), timeout=WAIT)
    selection = window.object_table.selectionModel()
    selection.clearSelection()
    for key in keys:
        row = model.row_of_key(key)
        selection.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def dialog_of(qtbot: QtBot, window: MainWindow, kind: type[D]) -> D:
    qtbot.waitUntil(lambda: isinstance(actions(window).active_dialog, kind), timeout=WAIT)
    dialog = actions(window).active_dialog
    assert isinstance(dialog, kind)
    return dialog


def wait_report(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: actions(window).last_report is not None, timeout=WAIT)


def keys_in(storage: MinioStorage, bucket: str, prefix: str = "") -> list[str]:
    return [o.key for o in walk(storage, bucket, prefix, Progress())]


def two_files_sent_to_archive(qtbot: QtBot, open_bucket: WindowFactory, storage: MinioStorage,
                              bucket: str, move: bool) -> MainWindow:
    """a.txt and b.txt put in `bucket`, selected, and copied (or moved) to archive/2026 through
    the destination dialog; the window, once the report is in."""
    put_bytes(storage, bucket, "a.txt", b"a", "text/plain")
    put_bytes(storage, bucket, "b.txt", b"b", "text/plain")
    window = open_bucket(bucket, 2)
    select(qtbot, window, "a.txt", "b.txt")
    objects = window.object_actions
    (objects.action_move_to if move else objects.action_copy_to).trigger()
    destination = dialog_of(qtbot, window, DestinationDialog)
    destination.set_destination(bucket, "archive/2026")
    destination.accept()
    wait_report(qtbot, window)
    return window
