"""An uncaught exception shows a crash dialog with a copyable, redacted report.

Without this, an exception in a slot is printed to a terminal nobody watches, and one in a
worker thread vanishes. `CrashHandler.install()` routes both `sys.excepthook` and
`threading.excepthook` here. The hook itself only logs (redacted, with the traceback) and
posts the report to the GUI thread: it may run inside a paint event, a worker or a nested
event loop, where opening a dialog is unsafe. The dialog is then shown from the event loop,
non-modal, after Qt is put back into a usable state (a busy cursor left on, a mouse or
keyboard grab, an open popup menu would otherwise leave the window unusable).
"""

from __future__ import annotations

import datetime
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.core.logging_setup import scrub
from desktop_app.ui.shell.about import open_folder, versions_text

log = logging.getLogger(__name__)
MAX_REPORTS = 20  # an exception on every repaint must not grow the dialog without end

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def crash_report(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None, thread: str = "") -> str:
    """The report as a user can paste it: when, versions, where, traceback; redacted."""
    when = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    lines = [f"{APP_NAME} crash report ({when})", versions_text()]
    if thread:
        lines.append(f"Thread: {thread}")
    lines.append("")
    lines.extend(traceback.format_exception(exc_type, exc, tb))
    return scrub("\n".join(line.rstrip("\n") for line in lines))


def last_line(report: str) -> str:
    """The exception's own line, the last of its traceback."""
    lines = [line for line in report.splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


class CrashDialog(QDialog):
    """The report in a read-only text box, with Copy, Open log folder, Quit and Continue."""

    def __init__(self, report: str, log_folder: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("%1 ran into a problem").replace("%1", APP_NAME))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.count = 1
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.error_line = QLabel(self)  # "KeyError: 'size'": what the report is about
        self.error_line.setObjectName("crashError")
        self.error_line.setTextFormat(Qt.TextFormat.PlainText)
        self.error_line.setWordWrap(True)
        font = self.error_line.font()
        font.setBold(True)
        self.error_line.setFont(font)
        self.error_line.setText(last_line(report))
        layout.addWidget(self.error_line)
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("crashReport")
        self.report.setAccessibleName(self.tr("Crash report"))
        self.report.setReadOnly(True)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setPlainText(report)
        self.report.setMinimumSize(640, 300)
        layout.addWidget(self.report)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("Copy report"), self)
        self.copy_button.setObjectName("copyReport")
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        if log_folder is not None:
            folder = QPushButton(self.tr("Open log folder"), self)
            folder.setObjectName("openLogFolder")
            folder.clicked.connect(lambda: open_folder(log_folder))
            buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = QPushButton(self.tr("Quit"), self)
        self.quit_button.setObjectName("quitApp")
        self.quit_button.clicked.connect(self._quit)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.continue_button = QPushButton(self.tr("Continue"), self)
        self.continue_button.setObjectName("continueApp")
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.close)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(buttons)
        self._update_summary()

    def add(self, report: str) -> None:
        """One more error while the dialog is open: appended, not another dialog."""
        self.count += 1
        if self.count <= MAX_REPORTS:
            self.report.appendPlainText("\n" + "-" * 60 + "\n" + report)
        self._update_summary()

    def _update_summary(self) -> None:
        text = self.tr(
            "Something went wrong inside the app. You can go on working, but if things look "
            "wrong, save your work and restart. To report it, copy the report below (it holds "
            "no keys or signatures) and attach the log file.")
        if self.count > 1:
            text += " " + self.tr("(%n errors)", "", self.count)
        self.summary.setText(text)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())

    def _quit(self) -> None:
        self.close()
        QApplication.quit()


class CrashHandler(QObject):
    """Owns the hooks; `reported` carries each report to the GUI thread (queued)."""

    reported = Signal(str)

    def __init__(self, log_folder: Path | None = None, parent: QObject | None = None,
                 parent_widget: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__(parent)
        self.log_folder = log_folder
        self.dialog: CrashDialog | None = None
        self._parent_widget = parent_widget
        self._previous: tuple[object, object] | None = None
        self._handling = threading.local()
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None, thread: str = "") -> None:
        """The hook: log and post the report; never raises, never opens a window itself."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if getattr(self._handling, "busy", False):  # the hook failed on itself: last resort
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._handling.busy = True
        try:
            log.critical("Uncaught exception%s", f" in thread {thread}" if thread else "",
                         exc_info=(exc_type, exc, tb))
            report = crash_report(exc_type, exc, tb, thread)
            print(report, file=sys.stderr, flush=True)  # also when no event loop runs any more
            self.reported.emit(report)
        except Exception:  # a crash reporter must not crash
            sys.__excepthook__(exc_type, exc, tb)
        finally:
            self._handling.busy = False

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        self.handle(args.exc_type, args.exc_value, args.exc_traceback, name)

    @Slot(str)
    def _show(self, report: str) -> None:
        restore_qt_state()
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add(report)
            return
        self.dialog = CrashDialog(report, self.log_folder, self._parent_widget())
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.dialog.show()
        self.dialog.activateWindow()


def restore_qt_state() -> None:
    """Undo what an interrupted handler may have left on: busy cursors, grabs, popups."""
    while QApplication.overrideCursor() is not None:
        QApplication.restoreOverrideCursor()
    grabber = QWidget.mouseGrabber()
    if grabber is not None:
        grabber.releaseMouse()
    keyboard = QWidget.keyboardGrabber()
    if keyboard is not None:
        keyboard.releaseKeyboard()
    popup = QApplication.activePopupWidget()
    while popup is not None:
        popup.close()
        following = QApplication.activePopupWidget()
        if following is popup:
            break
        popup = following
