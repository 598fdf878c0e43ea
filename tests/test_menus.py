"""The menu bar against the real server: the conventional menus in order, every toolbar and
context-menu action in them with its (standard) shortcut shown, entries that act on the
selection enabled with it, the Bucket menu following the place shown; and the command palette
(Ctrl+Shift+P) finding and running actions by a few letters."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from desktop_app.app import build_window
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.shell.command_palette import CommandPalette
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.menu_bar import MenuBar
from tests.helpers import put_bytes

WAIT = 20_000
Opener = Callable[[str, int], MainWindow]


@pytest.fixture
def open_bucket(qtbot: QtBot, app_environ: dict[str, str]) -> Opener:
    def make(bucket: str, rows: int) -> MainWindow:
        window = build_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.table_model.rowCount() == rows, timeout=WAIT)
        return window

    return make


@pytest.fixture
def filled(storage: MinioStorage, bucket: str) -> str:
    put_bytes(storage, bucket, "dir/inner.txt", b"1")
    put_bytes(storage, bucket, "top.txt", b"2")
    return bucket


def select(window: MainWindow, *keys: str) -> None:
    model, selection = window.table_model, window.object_table.selectionModel()
    selection.clearSelection()
    for key in keys:
        selection.select(model.index(model.row_of_key(key), 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def titles(window: QMainWindow) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def in_menu(window: MainWindow, name: str) -> dict[str, QAction]:
    return {a.objectName(): a for path, a in window.menus.entries() if path.startswith(name)}


def keys(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)


def test_every_toolbar_and_context_action_is_in_the_menus(
        qtbot: QtBot, open_bucket: Opener, filled: str) -> None:
    window = open_bucket(filled, 2)
    assert titles(window) == ["File", "Edit", "View", "Go", "Bucket", "Transfers", "Help"]
    in_menus = set(window.menus.actions())
    names = {a.objectName() for a in in_menus}
    toolbar_actions = [a for bar in window.findChildren(QToolBar) for a in bar.actions()
                       if not a.isSeparator() and a.text()]
    select(window, "top.txt")
    menu = window.object_actions.build_menu()
    context = [a for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    assert len(toolbar_actions) > 15
    assert len(context) > 10
    missing = [a.text() for a in toolbar_actions + context if a not in in_menus]
    assert not missing
    # The tree's bucket menu builds fresh actions: the same ones are in the Bucket menu.
    conn = window.active_connection
    assert conn is not None
    tree_menu = QMenu()
    tree = {a.objectName() for a in window.bucket_tree.menu_actions(tree_menu, conn, filled)}
    assert tree
    assert tree <= set(in_menu(window, "Bucket"))
    assert {"actionConnections", "actionDisconnectActive"} <= names  # the old Connection menu


def test_standard_shortcuts_are_shown_in_the_menus(open_bucket: Opener, filled: str) -> None:
    window = open_bucket(filled, 2)
    by_name = {a.objectName(): a for a in window.menus.actions()}
    expected = {
        "actionOpen": "Ctrl+O", "actionRefresh": "F5", "actionDelete": "Del",
        "actionCopyS3Uri": "Ctrl+C", "actionFilter": "Ctrl+F", "actionBack": "Alt+Left",
        "actionForward": "Alt+Right", "actionQuit": "Ctrl+Q", "actionCloseWindow": "Ctrl+W",
        "actionCommandPalette": "Ctrl+Shift+P", "actionConnections": "Ctrl+K",
        "actionSelectAll": "Ctrl+A", "actionRename": "F2",
    }
    assert {name: keys(by_name[name]) for name in expected} == expected
    assert QKeySequence(QKeySequence.StandardKey.Copy) in by_name["actionCopyS3Uri"].shortcuts()
    assert QKeySequence("Ctrl+Shift+C") in by_name["actionCopyS3Uri"].shortcuts()  # kept


def test_selection_actions_follow_the_selection(qtbot: QtBot, open_bucket: Opener,
                                                filled: str) -> None:
    window = open_bucket(filled, 2)
    edit = in_menu(window, "Edit")
    file = in_menu(window, "File")
    select(window)
    assert not edit["actionDelete"].isEnabled()
    assert not edit["actionCopyS3Uri"].isEnabled()
    select(window, "dir/")
    qtbot.waitUntil(lambda: edit["actionDelete"].isEnabled(), timeout=WAIT)
    assert not file["actionOpen"].isEnabled()  # a folder alone: nothing to open
    select(window, "top.txt")
    qtbot.waitUntil(lambda: file["actionOpen"].isEnabled(), timeout=WAIT)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    window.object_table.setFocus()
    qtbot.keyClick(window.object_table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == f"s3://{filled}/top.txt"


def test_bucket_menu_follows_the_place_shown(qtbot: QtBot, open_bucket: Opener,
                                             filled: str) -> None:
    window = open_bucket(filled, 2)
    bucket = in_menu(window, "Bucket")
    assert {"actionNewBucket", "actionDeleteBucket", "actionBucketProperties"} <= set(bucket)
    assert window.menus.menu("Bucket").findChild(QMenu, "thisFolderMenu") is None
    window.open_location(filled, "dir/")
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 1, timeout=WAIT)
    paths = {path for path, _ in window.menus.entries()}
    assert "Bucket › This folder" in paths


def test_palette_filters_and_runs_an_action(qtbot: QtBot, open_bucket: Opener,
                                            filled: str) -> None:
    window = open_bucket(filled, 2)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    select(window, "top.txt")
    QGuiApplication.clipboard().setText("before")
    qtbot.keyClick(window.object_table, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    palette = window.window_menus.palette
    qtbot.waitUntil(palette.isVisible, timeout=WAIT)
    everything = palette.matches()
    assert everything == [a for a in window.menus.actions()
                          if a.isVisible() and a is not window.window_menus.action_palette]
    qtbot.keyClicks(palette.filter, "cps3")  # Copy S3 URI, by a few letters
    assert palette.matches()[0] is window.object_actions.action_s3_uri
    qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == f"s3://{filled}/top.txt",
                    timeout=WAIT)
    assert not palette.isVisible()


def test_palette_shows_disabled_actions_greyed_and_does_not_run_them(
        qtbot: QtBot, open_bucket: Opener, filled: str) -> None:
    window = open_bucket(filled, 2)
    select(window)  # nothing selected: Copy S3 URI is disabled
    QGuiApplication.clipboard().setText("before")
    window.window_menus.action_palette.trigger()
    palette = window.window_menus.palette
    palette.filter.setText("copy s3 uri")
    assert palette.matches()[0] is window.object_actions.action_s3_uri
    item = palette.list.topLevelItem(0)
    assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
    qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert QGuiApplication.clipboard().text() == "before"
    palette.filter.setText("zzqx")
    assert palette.matches() == []
    qtbot.keyClick(palette.filter, Qt.Key.Key_Escape)
    assert not palette.isVisible()


def test_sections_stay_together_in_their_order(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    menus = MenuBar(window)
    a, b, c, d = (QAction(name, window) for name in "abcd")
    menus.add("Edit", a, "one")
    menus.add("Edit", b, "preferences")  # placed last whenever it comes
    menus.add("Edit", c, "one")
    menus.add("Edit", d, "clipboard")  # placed first
    shown = menus.menu("Edit").actions()
    assert [x.text() if not x.isSeparator() else "|" for x in shown] == [
        "d", "|", "a", "c", "|", "b"]
    assert menus.actions() == [d, a, c, b]
    assert [path for path, _ in menus.entries()] == ["Edit"] * 4
    menus.set_section("Edit", "one", [])
    assert [x.text() if not x.isSeparator() else "|" for x in menus.menu("Edit").actions()] == [
        "d", "|", "b"]


def test_palette_keys_skip_greyed_entries_and_a_click_runs(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(600, 400)
    window.show()
    qtbot.waitExposed(window)
    ran: list[str] = []
    actions = [QAction(text, window) for text in ("Alpha", "Beta", "Gamma")]
    actions[1].setEnabled(False)
    for action in actions:
        action.triggered.connect(lambda _=False, a=action: ran.append(a.text()))
    palette = CommandPalette(lambda: [("Menu", a) for a in actions], window)
    palette.popup()
    assert palette.list.currentItem().text(0) == "Menu › Alpha"
    qtbot.keyClick(palette.filter, Qt.Key.Key_Down)
    assert palette.list.currentItem().text(0) == "Menu › Gamma"  # Beta is greyed
    qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ran == ["Gamma"])
    palette.popup()
    item = palette.list.topLevelItem(0)
    rect = palette.list.visualItemRect(item)
    qtbot.mouseClick(palette.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: ran == ["Gamma", "Alpha"])
    qtbot.wait(20)
    assert ran == ["Gamma", "Alpha"]  # once
    assert not palette.isVisible()


def test_selection_keys_in_the_menus_still_act_only_in_the_table(
        qtbot: QtBot, open_bucket: Opener, filled: str) -> None:
    """Delete and Ctrl+C are in the Edit menu now; typed in the tree or the address bar they
    must still not delete objects or copy their URIs."""
    window = open_bucket(filled, 2)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    select(window, "top.txt")
    QGuiApplication.clipboard().setText("before")
    window.bucket_tree.setFocus()
    qtbot.keyClick(window.bucket_tree, Qt.Key.Key_Delete)
    qtbot.keyClick(window.bucket_tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert window.object_actions.active_dialog is None
    assert "s3://" not in QGuiApplication.clipboard().text()  # (the tree copies its own row)
    window.object_table.setFocus()
    qtbot.keyClick(window.object_table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.object_actions.active_dialog is not None, timeout=WAIT)
    window.object_actions.active_dialog.reject()
