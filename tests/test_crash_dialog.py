"""An uncaught exception, in a Qt slot or in a worker thread, shows the crash dialog with a
copyable, redacted report; the window is left usable (cursor, grabs, popups restored).

These tests turn pytest-qt's own exception capture off (it would otherwise take the
exceptions first) and install the app's handler for their duration.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.logging_setup import remember_secrets
from desktop_app.ui.shell.crash_dialog import CrashHandler, crash_report

SECRET = "crash-canary-Secret-0123456789abcdef"
pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def handler(qtbot: QtBot, tmp_path: Path) -> Iterator[CrashHandler]:
    remember_secrets([SECRET])
    crash = CrashHandler(tmp_path / "logs")
    crash.install()
    yield crash
    crash.uninstall()
    if crash.dialog is not None:
        crash.dialog.close()
        crash.dialog.deleteLater()


def boom() -> None:
    raise ZeroDivisionError(f"divided by zero while signing with {SECRET}")


def test_an_exception_in_a_slot_shows_a_redacted_copyable_report(
        qtbot: QtBot, handler: CrashHandler, caplog: pytest.LogCaptureFixture,
        capsys: pytest.CaptureFixture[str]) -> None:
    caplog.set_level(logging.CRITICAL)
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert handler.dialog is not None
    report = handler.dialog.report.toPlainText()
    assert "Traceback (most recent call last)" in report
    assert 'in boom' in report
    assert "ZeroDivisionError: divided by zero while signing" in report
    assert handler.dialog.error_line.text() == "ZeroDivisionError: divided by zero while " \
        "signing with ***"
    assert "PySide6: " in report
    assert "minio SDK: " in report
    assert "MinIO Desktop: " in report
    assert SECRET not in report
    assert "***" in report
    assert any("Uncaught exception" in r.getMessage() for r in caplog.records)  # logged too
    printed = capsys.readouterr().err  # and on the terminal, redacted as well
    assert "ZeroDivisionError: divided by zero while signing with ***" in printed
    assert SECRET not in printed
    handler.dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report
    handler.dialog.continue_button.click()
    assert not handler.dialog.isVisible()


def test_an_exception_in_a_worker_thread_reaches_the_gui(
        qtbot: QtBot, handler: CrashHandler) -> None:
    worker = threading.Thread(target=boom, name="listing-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert handler.dialog is not None
    report = handler.dialog.report.toPlainText()
    assert "Thread: listing-worker" in report
    assert "ZeroDivisionError" in report


def test_more_errors_join_the_open_dialog(qtbot: QtBot, handler: CrashHandler) -> None:
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    first = handler.dialog
    QTimer.singleShot(0, boom)
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: first is not None and first.count == 3)
    assert handler.dialog is first
    assert first.report.toPlainText().count("Traceback") == 3
    assert "(3 errors)" in first.summary.text()


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # offscreen's
def test_the_app_is_usable_after_a_crash_mid_operation(qtbot: QtBot,
                                                        handler: CrashHandler) -> None:
    """A slot that set a busy cursor, grabbed the mouse and opened a popup, then raised."""
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    menu = QMenu(window)
    menu.addAction("Something")

    def half_done() -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        menu.popup(window.mapToGlobal(window.rect().center()))
        raise RuntimeError("failed half-way")

    QTimer.singleShot(0, half_done)
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert QApplication.overrideCursor() is None
    assert QApplication.activePopupWidget() is None
    assert not menu.isVisible()
    assert QWidget.mouseGrabber() is None


def test_uninstall_gives_the_hooks_back() -> None:
    import sys

    before = sys.excepthook, threading.excepthook
    crash = CrashHandler()
    crash.install()
    assert sys.excepthook == crash.handle
    crash.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_a_report_is_redacted_even_for_signed_urls_in_the_message() -> None:
    try:
        raise ValueError("GET http://h/b/k?X-Amz-Signature=deadbeefcafe&X-Amz-Credential=AK")
    except ValueError as exc:
        report = crash_report(type(exc), exc, exc.__traceback__)
    assert "deadbeefcafe" not in report
    assert "X-Amz-Signature=***" in report
