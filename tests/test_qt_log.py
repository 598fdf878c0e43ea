"""Qt's warnings reach the app's log (and through it the redacted log file)."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import qInstallMessageHandler, qWarning

from desktop_app.ui.shell.qt_log import log_qt_messages


def test_qt_warnings_are_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="qt")
    previous = log_qt_messages()
    try:
        qWarning("a Qt warning for the log")
        qWarning("This plugin does not support propagateSizeHints()")
    finally:
        qInstallMessageHandler(previous)  # pytest-qt's own handler back
    records = [r for r in caplog.records if r.name == "qt"]
    assert [r.getMessage() for r in records] == ["[default] a Qt warning for the log"]
    assert records[0].levelno == logging.WARNING
