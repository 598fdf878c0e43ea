"""The menu bar: the conventional menus in order, every toolbar and context action in them
with its shortcut shown, and sections kept together."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from desktop_app.ui.shell.menu_bar import MenuBar
from tests.conftest import WindowFactory


def titles(window: QMainWindow) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_menus_in_conventional_order(make_window: WindowFactory,
                                     app_environ: dict[str, str]) -> None:
    window = make_window(app_environ)
    assert titles(window) == ["File", "Edit", "View", "Go", "Bucket", "Transfers", "Help"]
    file_actions = [a.objectName() for a in window.menus.menu("File").actions()]
    assert "actionConnections" in file_actions
    assert "actionDisconnectActive" in file_actions


def test_sections_stay_together_with_separators(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    menus = MenuBar(window)
    a, b, c = (QAction(name, window) for name in "abc")
    menus.add("Edit", a, "one")
    menus.add("Edit", b, "preferences")  # placed last whenever it comes
    menus.add("Edit", c, "one")
    d = QAction("d", window)
    menus.add("Edit", d, "clipboard")  # placed first
    shown = menus.menu("Edit").actions()
    assert [x.text() if not x.isSeparator() else "|" for x in shown] == [
        "d", "|", "a", "c", "|", "b"]
    assert menus.actions() == [d, a, c, b]
    assert [path for path, _ in menus.entries()] == ["Edit"] * 4
    menus.set_section("Edit", "one", [])
    assert [x.text() if not x.isSeparator() else "|" for x in menus.menu("Edit").actions()] == [
        "d", "|", "b"]
