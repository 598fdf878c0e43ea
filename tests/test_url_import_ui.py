"""Upload → From URL… in the window against the real server: Ctrl+V of a link on the table opens
the dialog prefilled, the import runs in the engine process; a local link is refused unless
allowed; the dialog refuses what is not an http(s) link before anything is sent."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.state import State
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.transfers.url_import_dialog import UrlImportDialog, is_web_link
from tests.conftest import WindowFactory
from tests.url_source import UrlSource

WAIT = 60_000  # the engine process under a loaded machine
SHOTS = Path(os.environ.get("URL_IMPORT_SHOTS", "/tmp"))


@pytest.fixture
def source() -> Iterator[UrlSource]:
    server = UrlSource(b"pasted bytes\n" * 50)
    yield server
    server.close()


def open_window(qtbot: QtBot, make_window: WindowFactory, environ: dict[str, str],
                bucket: str) -> MainWindow:
    window = make_window({**environ, "MINIO_BUCKET_NAME": bucket})
    qtbot.waitUntil(lambda: window.transfer_queue.engine is not None
                    and window.context.listing.bucket == bucket, timeout=WAIT)
    return window


def rows(window: MainWindow) -> dict[str, tuple[State, str]]:
    return {v.key: (v.state, v.error) for v in window.transfer_queue.queue_model.transfers()}


@pytest.mark.real_server
def test_pasting_a_link_on_the_table_imports_it(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str], bucket: str,
        storage: MinioStorage, source: UrlSource) -> None:
    window = open_window(qtbot, make_window, app_environ, bucket)
    assert "File" in dict((path, a.text()) for path, a in window.menus.entries()
                          if a.objectName() == "actionUploadFromUrl")
    QApplication.clipboard().setText(f"  {source.url}/files/pasted%20notes.txt  ")
    table = window.object_table
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=WAIT)
    QTest.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    dialog = window.url_import.dialog
    assert isinstance(dialog, UrlImportDialog)
    assert dialog.url_edit.text() == f"{source.url}/files/pasted%20notes.txt"
    assert dialog.name_edit.text() == "pasted notes.txt"
    assert dialog.ok.isEnabled()
    dialog.allow_local.setChecked(True)
    assert dialog.warning.isVisibleTo(dialog)
    dialog.grab().save(str(SHOTS / "url-import-dialog.png"))
    dialog.accept()
    qtbot.waitUntil(lambda: storage.exists(bucket, "pasted notes.txt"), timeout=WAIT)
    assert storage.stat(bucket, "pasted notes.txt").size == len(source.body)
    qtbot.waitUntil(lambda: rows(window).get("pasted notes.txt", (None,))[0] is State.DONE,
                    timeout=WAIT)


@pytest.mark.real_server
def test_a_local_link_is_refused_unless_allowed(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str], bucket: str,
        storage: MinioStorage, source: UrlSource) -> None:
    window = open_window(qtbot, make_window, app_environ, bucket)
    dialog = window.url_import.open(f"{source.url}/files/inside.txt")
    assert dialog is not None
    dialog.accept()
    qtbot.waitUntil(lambda: "inside.txt" in rows(window)
                    and rows(window)["inside.txt"][0].finished, timeout=WAIT)
    state, error = rows(window)["inside.txt"]
    assert state is State.FAILED, (state, error)
    assert "loopback address (127.0.0.1)" in error
    assert "Allow local addresses" in error
    assert source.requests == []  # refused before any connection
    assert not storage.exists(bucket, "inside.txt")


def test_the_dialog_takes_only_web_links(qtbot: QtBot) -> None:
    dialog = UrlImportDialog("photos", "2024/", "file:///etc/passwd")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    assert "Only http and https links" in dialog.problem.text()
    dialog.url_edit.setText("https://user:pw@example.com/a.pdf")
    assert not dialog.ok.isEnabled()
    assert "user name or password" in dialog.problem.text()
    dialog.url_edit.setText("https://example.com/docs/report.pdf?sig=1")
    assert dialog.ok.isEnabled()
    assert dialog.name_edit.text() == "report.pdf"
    request = dialog.request()
    assert (request.prefix, request.name, request.allow_local) == ("2024/", "", False)
    assert request.limit == 1024 * 1024 * 1024
    dialog.name_edit.setText("../renamed.pdf")
    dialog.limit.setValue(0)
    request = dialog.request()
    assert (request.name, request.limit) == ("renamed.pdf", 0)
    assert is_web_link("http://example.com/x")
    assert not is_web_link("some words http://example.com")
    assert not is_web_link("ftp://example.com/x")
