"""The window comes back as it was left: size, splitters, which toolbars and panels show, and
the columns of the panels' lists; a damaged saved state is ignored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QSplitter, QToolBar
from pytestqt.qtbot import QtBot

from desktop_app.app import build_window
from desktop_app.ui.shell.main_window import MainWindow


def make(qtbot: QtBot, environ: dict[str, str]) -> MainWindow:
    window = build_window(environ)
    qtbot.addWidget(window)
    return window


def splitter(window: MainWindow) -> QSplitter:
    found = window.findChild(QSplitter, "mainSplitter")
    assert isinstance(found, QSplitter)
    return found


def toolbar(window: MainWindow, name: str) -> QToolBar:
    found = window.findChild(QToolBar, name)
    assert isinstance(found, QToolBar)
    return found


def test_layout_is_restored_after_a_restart(qtbot: QtBot, app_environ: dict[str, str]) -> None:
    window = make(qtbot, app_environ)
    window.show()
    qtbot.waitExposed(window)
    window.resize(760, 560)  # inside the offscreen screen (800x600)
    qtbot.waitUntil(lambda: window.width() == 760)
    splitter(window).setSizes([200, 300, 250])
    sizes = splitter(window).sizes()
    toolbar(window, "objectsToolBar").hide()
    window.browse.search_panel.show()
    queue_header = window.transfer_queue.view.header()
    queue_header.resizeSection(4, 133)  # (an interactive column)
    qtbot.wait(50)
    size = window.size()  # (the height does not go below what the panels need)
    window.close()

    again = make(qtbot, app_environ)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == size
    assert splitter(again).sizes() == sizes
    assert toolbar(again, "objectsToolBar").isHidden()
    assert not toolbar(again, "navigationToolBar").isHidden()
    assert again.browse.search_panel.isVisible()
    assert again.transfer_queue.view.header().sectionSize(4) == 133
    again.close()


def test_a_damaged_state_is_ignored(qtbot: QtBot, app_environ: dict[str, str]) -> None:
    config = Path(app_environ["MINIO_DESKTOP_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "view.ini").write_text(
        "[window]\ngeometry=@ByteArray(garbage)\nstate=@ByteArray(\\x1\\x2)\n"
        "[splitters]\nmainSplitter=12\n")
    window = make(qtbot, app_environ)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() >= 800
    assert all(size > 0 for size in splitter(window).sizes())
    assert not toolbar(window, "objectsToolBar").isHidden()
    window.close()


def test_the_window_has_the_app_icon(qtbot: QtBot, app_environ: dict[str, str]) -> None:
    window = make(qtbot, app_environ)
    icon = window.windowIcon()
    assert not icon.isNull()
    image = icon.pixmap(48, 48).toImage()
    assert image.width() == 48
    colours = {image.pixelColor(x, y).name() for x in range(0, 48, 4) for y in range(0, 48, 4)}
    assert len(colours) > 3  # a drawn picture, not a blank square
    window.close()
