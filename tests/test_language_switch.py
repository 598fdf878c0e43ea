"""Switching the language while the app runs: the open window's menus, toolbar actions,
dock titles and table headers change to German and back, without a restart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QToolBar
from pytestqt.qtbot import QtBot

from desktop_app.ui.shell import i18n
from desktop_app.ui.shell.main_window import MainWindow
from tests import helpers
from tests.conftest import WindowFactory


@pytest.fixture
def english_after(qtbot: QtBot) -> Iterator[None]:
    yield
    i18n.set_language("en")


def shown_texts(window: MainWindow) -> dict[str, list[str]]:
    horizontal = Qt.Orientation.Horizontal
    table = window.table_model
    return {
        "menus": [menu.title() for menu in (window.menus.menu(n) for n in window.menus.MENUS)],
        "toolbar": [a.text() for bar in window.findChildren(QToolBar) for a in bar.actions()
                    if a.text() and not a.isSeparator()],
        "docks": [dock.windowTitle() for dock in window.findChildren(QDockWidget)],
        "table": [str(table.headerData(c, horizontal)) for c in range(table.columnCount())],
    }


def test_the_window_retranslates_when_the_language_changes(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str], bucket: str,
        english_after: None) -> None:
    window = make_window(app_environ)
    qtbot.waitUntil(lambda: bucket in helpers.bucket_names(window), timeout=10_000)
    english = shown_texts(window)
    assert english["menus"][:2] == ["&File", "&Edit"]
    assert "Name" in english["table"]

    assert i18n.set_language("de") == "de"
    german = shown_texts(window)
    assert german["menus"][:2] == ["&Datei", "&Bearbeiten"]
    assert "Größe" in german["table"]
    assert "Übertragungen" in german["docks"]
    assert "Neuer Ordner…" in german["toolbar"]
    changed = [(e, g) for part in english for e, g in zip(english[part], german[part],
                                                           strict=True) if e != g]
    assert len(changed) >= 10, changed

    assert i18n.set_language("en") == "en"
    back = shown_texts(window)
    assert [(e, b) for part in english for e, b in zip(english[part], back[part], strict=True)
            if e != b] == []
