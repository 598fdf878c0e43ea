"""Wiring: build the objects, hand collaborators in, run the Qt loop, shut down in order.

`build_window(environ)` is the testable seam: it builds (does not show) the fully wired window
from the same environment the command line reads. With `MINIO_ENDPOINT` & co. set it connects
there; otherwise it starts the local sandbox on a worker and seeds sample data on first start.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app import APP_ID, APP_NAME, __version__
from desktop_app.core.connection import ConnectionSettings, from_environ
from desktop_app.core.errors import AppError, ConfigError
from desktop_app.core.paths import data_dir
from desktop_app.storage.minio_storage import MinioStorage
from desktop_app.storage.sample_data import seed_once
from desktop_app.storage.sandbox import SandboxServer
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.transfer_controller import GUI_SWITCH_INTERVAL

log = logging.getLogger(__name__)


class Session:
    """What one window is connected to, and the order in which it is torn down."""

    def __init__(self, runner: TaskRunner, environ: Mapping[str, str]) -> None:
        self.runner = runner
        self.environ = environ
        self.storage: MinioStorage | None = None
        self.sandbox: SandboxServer | None = None
        self._lock = threading.Lock()
        self._closed = False

    def connect(self, settings: ConnectionSettings) -> MinioStorage:
        self.storage = MinioStorage(settings)
        return self.storage

    def start_sandbox(self) -> tuple[MinioStorage, ConnectionSettings]:
        """Worker-side: start the sandbox server, seed it once, return a storage for it."""
        folder = data_dir(self.environ) / "sandbox"
        folder.mkdir(parents=True, exist_ok=True)
        with self._lock:
            if self._closed:
                raise AppError("The window was closed while the sandbox was starting.")
            self.sandbox = SandboxServer(folder)
        settings = self.sandbox.start()
        storage = MinioStorage(settings)
        with self._lock:
            if self._closed:  # closed meanwhile: do not leave the server behind
                self.sandbox.stop()
                raise AppError("The window was closed while the sandbox was starting.")
            self.storage = storage
        seed_once(storage, folder)
        return storage, settings

    def shutdown(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self.runner.shutdown(wait=False)
        if self.storage is not None:
            self.storage.close()
        if self.sandbox is not None:
            self.sandbox.stop()


def _ensure_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setApplicationDisplayName(APP_NAME)
    return app


def build_window(environ: Mapping[str, str] | None = None) -> MainWindow:
    environ = dict(os.environ if environ is None else environ)
    _ensure_application()
    runner = TaskRunner()
    window = MainWindow(runner)
    window.transfers.configure(environ)
    runner.setParent(window)
    session = Session(runner, environ)
    window.session = session  # type: ignore[attr-defined]
    window.on_close(session.shutdown)
    try:
        settings = from_environ(environ)
    except ConfigError as exc:
        window.endpoint_label.setText("Not connected")
        window.show_error(exc)
        return window
    if settings is not None:
        window.attach(session.connect(settings), settings.name, settings.initial_bucket)
        return window

    window.set_connecting("Starting the local sandbox…")

    def started(result: tuple[MinioStorage, ConnectionSettings]) -> None:
        storage, sandbox_settings = result
        window.attach(storage, sandbox_settings.name)

    def failed(err: AppError) -> None:
        window.set_connecting("Local sandbox")
        window._on_probe_failed(err)
        window.show_error(err)

    runner.submit(
        session.start_sandbox, on_success=started, on_error=failed, context=window,
        long_running=True,
    )
    return window


def main(argv: list[str] | None = None) -> int:
    """Show the window and run the event loop until it closes."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)  # the GUI thread waits less for the GIL
    app = _ensure_application()
    window = build_window()
    session: Session = window.session  # type: ignore[attr-defined]
    app.aboutToQuit.connect(session.shutdown)
    # Ctrl+C in the terminal quits cleanly (the timer lets Python see the signal).
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    wake = QTimer(window)
    wake.start(250)
    wake.timeout.connect(lambda: None)
    window.show()
    return app.exec()
