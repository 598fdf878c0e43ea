"""The main flow from the keyboard alone, against the real server: connect (Ctrl+K, typed
into the connection manager), browse (tree, then table), preview, upload (Ctrl+U, the path
typed into the file dialog), download (the command palette, the folder typed) and copy a
presigned link (Ctrl+Shift+L). Only key events drive the window; the test reads the result."""

from __future__ import annotations

import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QWidget
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot

from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.shell.main_window import MainWindow
from tests import helpers
from tests.conftest import WindowFactory
from tests.helpers import put_bytes

WAIT = 15_000
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          widget: QWidget | None = None) -> None:
    QTest.keyClick(widget or focused(), key, modifier)


def type_text(text: str, widget: QWidget | None = None) -> None:
    QTest.keyClicks(widget or focused(), text)


def table_names(window: MainWindow) -> list[str]:
    model = window.table_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def current_name(view: QWidget) -> str:
    return str(view.currentIndex().data())  # type: ignore[attr-defined]


def tab_to(widget: QWidget) -> None:
    """Press Tab until `widget` has the focus, as a user would."""
    for _ in range(40):
        if focused() is widget:
            return
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {widget.objectName()}")


def back_to(qtbot: QtBot, window: QWidget) -> None:
    """What the desktop's window manager does when a dialog closes: the window is active
    again (the offscreen test platform has no window manager). A popup left open (a
    completer's) would take the window's shortcuts: it is closed, as a click elsewhere would."""
    window.activateWindow()

    def ready() -> bool:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        return popup is None and QApplication.activeWindow() is window
    qtbot.waitUntil(ready, timeout=WAIT)


def where_keys_go() -> str:
    """Which window and widget have the keyboard now (for a failure's message)."""
    def name(widget: QWidget | None) -> str:
        return "none" if widget is None else f"{type(widget).__name__} {widget.objectName()!r}"
    return (f"active window {name(QApplication.activeWindow())}, popup "
            f"{name(QApplication.activePopupWidget())}, focus {name(QApplication.focusWidget())}")


def answer_file_dialog(path: Path, problems: list[str]) -> Callable[[], None]:
    """Type `path` into the file dialog that is about to open, then press Enter. Waits for
    the dialog; whatever goes wrong closes it (a modal dialog left open would hang the test)
    and lands in `problems`."""
    tries = [0]

    def answer() -> None:
        dialog = QApplication.activeModalWidget() or QApplication.activeWindow()
        edit = dialog.findChild(QLineEdit, "fileNameEdit") if dialog is not None else None
        if not isinstance(dialog, QFileDialog) or edit is None or not edit.hasFocus():
            tries[0] += 1  # not open, or not ready for typing yet
            if tries[0] < 100:
                QTimer.singleShot(50, answer)
                return
            problems.append("no file dialog with the focus in its name field")
            if isinstance(dialog, QFileDialog):
                dialog.reject()
            return
        # The completer's popup waits for the folder to load and may open after the dialog
        # has closed, taking the main window's shortcuts: the path is typed in full anyway.
        edit.setCompleter(None)
        type_text(str(path), edit)
        press(Qt.Key.Key_Return, widget=edit)
        if dialog.isVisible():
            problems.append(f"the dialog did not take {path}")
            dialog.reject()
    return answer


# The offscreen platform cannot raise a window or grab the keyboard (the command palette
# asks for both); a desktop does.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "does not support grabbing")
def test_connect_browse_preview_upload_download_and_share_with_the_keyboard_only(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    put_bytes(storage, bucket, "hello.txt", b"Hello from the keyboard test\n", "text/plain")
    window = make_window(app_environ)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bucket in helpers.bucket_names(window), timeout=WAIT)

    # Connect: Ctrl+K opens the connection manager on a new connection; type it, Enter connects.
    press(Qt.Key.Key_K, CTRL, window)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), QDialog), timeout=WAIT)
    manager = QApplication.activeWindow()
    assert manager.objectName() == "connectionDialog"
    assert focused().objectName() == "nameEdit"
    for text, field in (("Keyboard", "endpointEdit"), (f"http://{s3_server.endpoint}",
                                                       "accessKeyEdit"),
                        (s3_server.access_key, "secretKeyEdit")):
        type_text(text)
        press(Qt.Key.Key_Tab)
        assert focused().objectName() == field
    type_text(s3_server.secret_key)
    press(Qt.Key.Key_Return)  # Connect is the default button
    qtbot.waitUntil(lambda: not shiboken6.isValid(manager) or not manager.isVisible(),
                    timeout=WAIT)
    tree = window.findChild(QWidget, "bucketTree")
    back_to(qtbot, window)
    qtbot.waitUntil(lambda: "Keyboard" in helpers.root_names(window), timeout=WAIT)

    # Browse: in the tree, type the new connection's name, open it, type the bucket's name,
    # Enter opens the bucket in the table.
    assert focused() is tree
    type_text("Keyboard")
    assert current_name(tree) == "Keyboard"
    press(Qt.Key.Key_Right)  # expand: the buckets load
    qtbot.waitUntil(lambda: bucket in helpers.bucket_names(window), timeout=WAIT)
    QTest.qWait(QApplication.keyboardInputInterval() + 50)  # a new type-ahead search
    type_text(bucket)
    assert current_name(tree) == bucket
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "hello.txt" in table_names(window), timeout=WAIT)

    # Preview: Tab into the table, type the file's name; the preview shows its text.
    press(Qt.Key.Key_Tab)
    table = window.object_table
    assert focused() is table
    type_text("hello.txt")
    assert current_name(table) == "hello.txt"
    qtbot.waitUntil(lambda: "Hello from the keyboard test" in
                    window.preview_pane.text_view.toPlainText(), timeout=WAIT)

    # Upload: Ctrl+U asks for files; the path is typed into the dialog.
    upload = tmp_path / "typed-upload.txt"
    upload.write_bytes(b"uploaded with the keyboard\n")
    problems: list[str] = []
    QTimer.singleShot(50, answer_file_dialog(upload, problems))
    press(Qt.Key.Key_U, CTRL, table)
    assert problems == []
    qtbot.waitUntil(lambda: "typed-upload.txt" in table_names(window), timeout=WAIT)
    back_to(qtbot, window)

    # Download: select the uploaded file, run "Download to…" from the command palette and
    # type the folder.
    tab_to(table)
    QTest.qWait(QApplication.keyboardInputInterval() + 50)
    type_text("typed-upload.txt")
    assert current_name(table) == "typed-upload.txt"
    back_to(qtbot, window)
    press(Qt.Key.Key_P, CTRL | SHIFT, table)
    palette = window.findChild(QWidget, "commandPalette")
    assert palette is not None
    try:
        qtbot.waitUntil(palette.isVisible, timeout=WAIT)
    except WaitTimeout as error:
        raise AssertionError(f"Ctrl+Shift+P opened no palette: {where_keys_go()}") from error
    type_text("Download to")
    target = tmp_path / "downloads"
    target.mkdir()
    QTimer.singleShot(50, answer_file_dialog(target, problems))
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(problems) or (target / "typed-upload.txt").exists(),
                    timeout=WAIT)
    assert problems == []
    saved = target / "typed-upload.txt"
    qtbot.waitUntil(saved.exists, timeout=WAIT)
    qtbot.waitUntil(lambda: saved.read_bytes() == upload.read_bytes(), timeout=WAIT)
    back_to(qtbot, window)

    # Copy a presigned link: Ctrl+Shift+L in the table, Enter takes the default expiry.
    QGuiApplication.clipboard().clear()
    tab_to(table)
    press(Qt.Key.Key_L, CTRL | SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), QDialog), timeout=WAIT)
    assert QApplication.activeWindow().objectName() == "presignDialog"
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().startswith("http"),
                    timeout=WAIT)
    link = QGuiApplication.clipboard().text()
    with urllib.request.urlopen(link, timeout=10) as answer:
        assert answer.read() == upload.read_bytes()
