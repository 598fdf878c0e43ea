"""Wiring: build the objects, hand collaborators in, run the Qt loop, shut down in order.

`build_app(environ)` is the testable seam: it builds (does not show) the fully wired window
from the same environment the command line reads, and returns it with its session and
connections controller as one typed `DesktopApp`. With `MINIO_ENDPOINT` & co. set it connects
there (and reopens the saved connections that were open, as more roots of the tree);
otherwise it reopens those, or starts the local sandbox on a worker and seeds sample data on
first start.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop_app import APP_ID, APP_NAME, DESKTOP_ID, __version__, quit_signals
from desktop_app.core.connection import ConnectionSettings, from_environ
from desktop_app.core.errors import AppError, ConfigError
from desktop_app.core.logging_setup import log_dir, setup_logging
from desktop_app.core.paths import config_dir, data_dir
from desktop_app.core.preview_settings import preview_limit
from desktop_app.storage.open_connections import ENV_ID, SANDBOX_ID, OpenConnections
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.sample_data import seed_once
from desktop_app.storage.sandbox import SandboxServer
from desktop_app.ui.connections.controller import ConnectionsController
from desktop_app.ui.shell import icons
from desktop_app.ui.shell.about import HelpActions, versions_text
from desktop_app.ui.shell.crash_dialog import CrashHandler
from desktop_app.ui.shell.flows import install_loop
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.self_test import list_and_quit
from desktop_app.ui.shell.single_instance import SingleInstance, bring_forward, socket_path
from desktop_app.ui.shell.tasks import TaskRunner
from desktop_app.ui.shell.window_state import remember
from desktop_app.ui.transfers.controller import GUI_SWITCH_INTERVAL, settle_heap

log = logging.getLogger(__name__)


class Session:
    """What one window is connected to, and the order in which it is torn down."""

    def __init__(self, runner: TaskRunner, environ: Mapping[str, str],
                 connections: OpenConnections | None = None) -> None:
        self.runner = runner
        self.connections = connections if connections is not None else OpenConnections()
        self.environ = environ
        self.storage: MinioStorage | None = None
        self.sandbox: SandboxServer | None = None
        self.chosen: MinioStorage | None = None  # a saved connection the user opened
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
        for entry in self.connections.all():
            entry.storage.close()
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
    QGuiApplication.setDesktopFileName(DESKTOP_ID)  # Wayland and docks match the .desktop entry
    app.setWindowIcon(icons.app_icon())
    return app


@dataclass(frozen=True)
class DesktopApp:
    """A wired window with what it is connected to and its saved-connections controller."""

    window: MainWindow
    session: Session
    connections: ConnectionsController


def build_window(environ: Mapping[str, str] | None = None) -> MainWindow:
    """The wired window alone, for callers that need neither session nor connections."""
    return build_app(environ).window


def build_app(environ: Mapping[str, str] | None = None) -> DesktopApp:
    environ = dict(os.environ if environ is None else environ)
    _ensure_application()
    runner = TaskRunner()
    window = MainWindow(runner)
    window.transfers.configure(environ)
    runner.setParent(window)
    session = Session(runner, environ, window.open_connections)
    window.on_close(session.shutdown)

    def connect_to(chosen: ConnectionSettings, conn_id: str, activate: bool) -> None:
        """A saved connection becomes one more root (or replaces its own older storage)."""
        session.chosen = session.connect(chosen)
        window.add_connection(conn_id, chosen.name, session.chosen, chosen.initial_bucket,
                              activate=activate)

    connections = ConnectionsController(window, runner, environ, connect_to,
                                        host=window.connection_host())
    desktop = DesktopApp(window, session, connections)

    window.on_close(window.preview_pane.release_media)
    window.help_actions = HelpActions(window.menus, window, runner,  # type: ignore[attr-defined]
                                      lambda: window.storage, log_dir(environ))
    try:
        window.preview_pane.cap = preview_limit(environ)
    except ConfigError as exc:
        window.show_error(exc)

    view_settings = QSettings(str(config_dir(environ) / "view.ini"), QSettings.Format.IniFormat)
    view_settings.setParent(window)
    window.object_table.use_settings(view_settings)  # column order, widths, sort
    remember(window, view_settings, window.on_close)  # size, docks, toolbars, splitters
    try:
        settings = from_environ(environ)
    except ConfigError as exc:
        window.endpoint_label.setText("Not connected")
        window.show_error(exc)
        return desktop
    if settings is not None:
        window.add_connection(ENV_ID, settings.name, session.connect(settings),
                              settings.initial_bucket)
        connections.report_load_error()
        # The environment wins; the saved connections open last time come back beside it.
        connections.reopen_last(fallback=window.show_error, activate=False)
        return desktop
    if not connections.reopen_last(fallback=lambda err: _start_sandbox(desktop, err)):
        _start_sandbox(desktop, None)
    return desktop


def _start_sandbox(desktop: DesktopApp, notice: AppError | None) -> None:
    """Open the local sandbox; `notice` (why a saved connection did not open) shows after."""
    window, session, connections = desktop.window, desktop.session, desktop.connections
    window.set_connecting("Starting the local sandbox…")

    def started(result: tuple[MinioStorage, ConnectionSettings]) -> None:
        storage, sandbox_settings = result
        if session.chosen is not None:  # the user opened a connection while it started
            session.storage = session.chosen
            storage.close()
            return
        window.add_connection(SANDBOX_ID, sandbox_settings.name, storage)
        connections.clear_badge()
        if notice is not None:
            window.show_error(notice)
        else:
            connections.report_load_error()

    def failed(err: AppError) -> None:
        window.set_connecting("Local sandbox")
        window.reach.failed(err)
        window.show_error(err)

    session.runner.submit(
        session.start_sandbox, on_success=started, on_error=failed, context=window,
        long_running=True,
    )


def _raised(window: MainWindow) -> None:
    log.info("A second launch asked for this window: brought forward")
    bring_forward(window)


def main(argv: list[str] | None = None, self_test: str = "") -> int:
    """Show the window and run the event loop until it closes (`self_test`: a bucket to list
    before quitting, see ui/shell/self_test.py)."""
    log_file = setup_logging(os.environ)  # redacted, rotating; warnings also on stderr
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)  # the GUI thread waits less for the GIL
    quit_signals.install()  # already done by the command line; this is for other callers
    app = _ensure_application()
    # One window per user and config folder: a second launch raises the first and leaves
    # (a self-test runs beside it).
    instance = None if self_test else SingleInstance.claim(socket_path(os.environ))
    if instance is None and not self_test:
        print(f"{APP_NAME} is already running: its window was brought forward.")
        return 0
    # An uncaught exception (GUI or worker thread) shows a copyable report, logged too.
    CrashHandler(log_dir(os.environ), app, QApplication.activeWindow).install()
    log.info("Starting; log file %s\n%s", log_file, versions_text())
    # asyncio on Qt's loop, before anything is built: the multi-step flows are tasks on it.
    install_loop(app)
    desktop = build_app()
    window, session = desktop.window, desktop.session
    settle_heap()
    app.aboutToQuit.connect(session.shutdown)
    # Ctrl+C or a polite kill quits cleanly, stopping the sandbox (the timer lets Python see
    # the signal while Qt's loop runs). Queued: a quit() before the loop runs does nothing.
    if quit_signals.on_quit(lambda: QTimer.singleShot(0, app.quit)):
        QTimer.singleShot(0, app.quit)  # it came while the window was being built
    wake = QTimer(window)
    wake.start(250)
    wake.timeout.connect(lambda: None)
    window.show()
    if instance is not None:
        instance.activated.connect(lambda: _raised(window))
        window.on_close(instance.close)
    if self_test:
        list_and_quit(window, self_test)
    code = app.exec()
    session.shutdown()
    # Everything that matters (sandbox, storage, queued work) is shut down in order above.
    # Worker threads may still sit in a network read for up to the read timeout, and the
    # interpreter would join them at exit, so leave without waiting for them.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
