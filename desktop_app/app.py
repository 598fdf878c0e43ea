"""Wiring: build the objects, hand collaborators in, run the Qt loop, shut down in order.

`build_app(environ)` is the testable seam: it builds (does not show) the fully wired window
from the same environment the command line reads, and returns it with its session and
connections controller as one typed `DesktopApp`. With `MINIO_ENDPOINT` & co. set it connects
there (and reopens the saved connections that were open, as more roots of the tree);
otherwise it reopens those. With nothing to open, a source checkout (`make run`) starts the
local sandbox on a worker and seeds sample data on first start, and an installed copy shows
the welcome page (connect, import, or start the sandbox); `MINIO_DESKTOP_SANDBOX=1` or `0`
chooses either way. Preferences (`settings.json`) are loaded first and applied to the
transfers, preview pane, object actions and theme, again whenever the dialog saves them.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop_app import APP_ID, APP_NAME, DESKTOP_ID, __version__, quit_signals
from desktop_app.core import importers
from desktop_app.core import preferences as settings_file
from desktop_app.core.connection import ConnectionSettings, from_environ
from desktop_app.core.errors import AppError, ConfigError
from desktop_app.core.logging_setup import log_dir, setup_logging
from desktop_app.core.paths import config_dir, data_dir
from desktop_app.storage.open_connections import ENV_ID, SANDBOX_ID, OpenConnections
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.sample_data import seed_once
from desktop_app.storage.sandbox import SandboxError, SandboxServer, find_weed
from desktop_app.transfers.settings import options_from_preferences
from desktop_app.ui.connections.controller import ConnectionsController
from desktop_app.ui.preferences.controller import PreferencesController
from desktop_app.ui.preferences.quit_guard import QuitGuard
from desktop_app.ui.shell import icons
from desktop_app.ui.shell.about import HelpActions, versions_text
from desktop_app.ui.shell.crash_dialog import CrashHandler
from desktop_app.ui.shell.flows import install_loop
from desktop_app.ui.shell.i18n import (
    LANGUAGE_ENV,
    LANGUAGE_NAMES,
    available_languages,
    set_language,
    wanted_language,
)
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.qt_log import log_qt_messages
from desktop_app.ui.shell.self_test import list_and_quit
from desktop_app.ui.shell.share_wiring import install_share
from desktop_app.ui.shell.single_instance import SingleInstance, bring_forward, socket_path
from desktop_app.ui.shell.sync_wiring import install_sync
from desktop_app.ui.shell.tasks import TaskRunner
from desktop_app.ui.shell.theme import Theme
from desktop_app.ui.shell.window_state import remember
from desktop_app.ui.transfers.controller import GUI_SWITCH_INTERVAL, settle_heap
from desktop_app.ui.welcome.host import ConnectionGate, WelcomeHost
from desktop_app.ui.welcome.page import WelcomePage

log = logging.getLogger(__name__)
SANDBOX_ENV = "MINIO_DESKTOP_SANDBOX"  # 1: start the sandbox when nothing is configured; 0: ask
SOURCE_CHECKOUT = (Path(__file__).resolve().parent.parent / "pyproject.toml").exists()


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
    preferences: PreferencesController
    welcome: WelcomeHost


def build_window(environ: Mapping[str, str] | None = None) -> MainWindow:
    """The wired window alone, for callers that need neither session nor connections."""
    return build_app(environ).window


def build_app(environ: Mapping[str, str] | None = None) -> DesktopApp:
    environ = dict(os.environ if environ is None else environ)
    _ensure_application()
    runner = TaskRunner()
    loaded = settings_file.load(config_dir(environ), environ)  # takes over transfers.json
    _theme().apply(loaded.preferences.theme)  # before the widgets are made
    set_language(wanted_language(loaded.preferences.language, environ))
    window = MainWindow(runner)
    window.transfers.configure(environ)
    window.sync = install_sync(window)  # type: ignore[attr-defined]
    window.share = install_share(window)  # type: ignore[attr-defined]
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
    preferences = _wire_preferences(window, runner, environ, loaded)
    welcome = _wire_welcome(window, runner, environ, connections,
                            lambda: _start_sandbox(desktop, None))
    desktop = DesktopApp(window, session, connections, preferences, welcome)

    window.on_close(window.preview_pane.release_media)
    window.help_actions = HelpActions(window.menus, window, runner,  # type: ignore[attr-defined]
                                      lambda: window.storage, log_dir(environ))

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
    if not connections.reopen_last(fallback=lambda err: _first_start(desktop, err)):
        _first_start(desktop, None)
    return desktop


def sandbox_at_start(environ: Mapping[str, str]) -> bool:
    """Start the sandbox by itself when nothing is configured? Yes from a source checkout
    (`make run`: something to browse at once), no for an installed copy (the welcome page
    offers it beside connecting and importing); `MINIO_DESKTOP_SANDBOX` decides if set."""
    choice = environ.get(SANDBOX_ENV, "").strip().lower()
    if choice in ("0", "1"):
        return choice == "1"
    return SOURCE_CHECKOUT


def _first_start(desktop: DesktopApp, notice: AppError | None) -> None:
    """Nothing (more) to open: the sandbox, or the welcome page; `notice` says why a saved
    connection did not open."""
    if sandbox_at_start(desktop.session.environ):
        _start_sandbox(desktop, notice)
        return
    desktop.welcome.show_welcome()
    if notice is not None:
        desktop.window.show_error(notice)


def _sandbox_missing() -> AppError | None:
    try:
        find_weed()
    except SandboxError as exc:
        return exc
    return None


def _theme() -> Theme:
    """The one theme of the application (every window shares its palette)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme = app.findChild(Theme)
    return theme if isinstance(theme, Theme) else Theme(app)


def _wire_preferences(window: MainWindow, runner: TaskRunner, environ: Mapping[str, str],
                      loaded: settings_file.Loaded) -> PreferencesController:
    """Edit → Preferences…, and each preference handed to whoever uses it, now and on
    every saved change."""
    languages = [(code, LANGUAGE_NAMES.get(code, code)) for code in available_languages()]
    controller = PreferencesController(window, runner, config_dir(environ), loaded, languages,
                                       language_live=lambda: True,
                                       language_override=environ.get(LANGUAGE_ENV, "").strip())
    guard = QuitGuard(window, window.transfers.unfinished)
    guard.watch([*window.findChildren(QAction, "actionQuit"),
                 *window.findChildren(QAction, "actionCloseWindow")])
    env_limit = loaded.env_preview_limit

    def apply(prefs: settings_file.Preferences, old: settings_file.Preferences | None) -> None:
        if old is None or prefs.transfers != old.transfers:
            busy = window.transfers.apply_options(
                options_from_preferences(prefs.transfers, window.transfers.options))
            if busy:
                window.message_bar.show_info(
                    f"{busy} connection(s) with transfers in the queue keep the earlier "
                    "transfer settings until they are opened again; new connections use "
                    "the new ones.")
        window.preview_pane.cap = (env_limit or prefs.preview_limit_mib) * 1024 * 1024
        window.object_actions.download_folder = prefs.download_folder
        window.object_actions.confirm_delete = prefs.confirmations.delete
        window.transfers.notifications = prefs.notifications
        guard.enabled = prefs.confirmations.quit_with_transfers
        if old is not None and prefs.theme != old.theme:
            _theme().apply(prefs.theme)
        if old is not None and prefs.language != old.language:
            set_language(wanted_language(prefs.language, environ))  # open windows follow

    apply(loaded.preferences, None)
    controller.changed.connect(apply)
    if loaded.problems:
        window.transfers.show_when_attached(ConfigError(
            loaded.problem_text(), "Edit → Preferences… shows the values in use."))
    return controller


def _wire_welcome(window: MainWindow, runner: TaskRunner, environ: Mapping[str, str],
                  connections: ConnectionsController,
                  start_sandbox: Callable[[], None]) -> WelcomeHost:
    """The welcome page while no connection is open, and every action that needs one
    disabled meanwhile."""
    home = Path(environ.get("HOME") or Path.home())
    page = WelcomePage(runner, lambda: importers.import_all(home, environ), _sandbox_missing,
                       window)
    host = WelcomeHost(window, page, window.message_bar)
    page.connect_requested.connect(connections.open_dialog)
    page.import_requested.connect(connections.open_import)
    page.sandbox_requested.connect(start_sandbox)
    page.show_saved(len(connections.store.profiles))
    offline = {connections.action, *window.findChildren(QAction, "actionPreferences"),
               *window.findChildren(QAction, "actionQuit"),
               *window.findChildren(QAction, "actionCloseWindow")}
    needs = [a for name in ("File", "Edit", "Go", "Bucket", "Transfers")
             for a in window.menus.menu(name).actions() if a not in offline]
    needs += [a for a in (window.action_refresh, window.action_up, window.action_show_versions)
              if a not in needs]
    gate = ConnectionGate(host, needs)
    gate.set_connected(False)

    def active(conn_id: str) -> None:
        gate.set_connected(bool(conn_id))
        if conn_id:
            host.show_browser()
        else:  # the last connection closed: the page again, with a fresh look around
            page.refresh()
            page.show_saved(len(connections.store.profiles))
            host.show_welcome()

    window.active_connection_changed.connect(active)
    return host


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
        if window.storage is None:  # nothing else open: the welcome page, with the reason
            desktop.welcome.page.sandbox_failed(err)
            desktop.welcome.show_welcome()
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
    log_qt_messages()  # Qt's warnings into the same redacted log
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
