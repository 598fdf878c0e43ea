"""Qt's own messages (plugin problems, painting warnings) go to the app's redacted log.

Otherwise they reach only a terminal nobody watches, and a bug report's log misses them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
# Said by the offscreen and some X platforms on every shown window; not a problem of ours.
_NOISE = ("This plugin does not support propagateSizeHints",)


def _handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message.startswith(_NOISE):
        return
    category = context.category or "default"
    log.log(_LEVELS.get(kind, logging.WARNING), "[%s] %s", category, message)


def log_qt_messages() -> object:
    """Route Qt's messages to logging; returns the handler that was installed before."""
    return qInstallMessageHandler(_handle)
