"""Wires saved connections into the main window: the "Connections…" action, reopening the
profile that was open last time, and the warning badge for unchecked certificates.

The window itself stays free of connection logic; `app.py` gives this controller a
`connect(settings, connection_id, activate)` callback that builds the storage and adds it as a
root of the bucket tree, and a `ConnectionHost` with what it drives in the window (without
one, as in tests on a bare window, errors are only logged). Several profiles can be open at
once; the set of open profiles is kept in the profile file (`open_ids`) so all of them reopen
on the next start.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping
from pathlib import Path

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.credentials import SecretStore
from desktop_app.core.errors import AppError
from desktop_app.core.paths import config_dir
from desktop_app.core.profiles import Profile, ProfileFileError, ProfileStore, write_atomically
from desktop_app.storage.open_connections import SANDBOX_ID, profile_connection_id
from desktop_app.ui.connections.dialog import ConnectionDialog
from desktop_app.ui.connections.jobs import (
    ConnectionTester,
    SaveJob,
    doctor_test,
    settings_for,
)
from desktop_app.ui.shell.context import ConnectionHost
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.menu_bar import MenuBar
from desktop_app.ui.shell.tasks import TaskRunner

log = logging.getLogger(__name__)
INSECURE_BADGE_TEXT = QT_TRANSLATE_NOOP("ConnectionsController", "⚠ Certificates not checked")


class ConnectionsController(QObject):
    def __init__(
        self,
        window: QMainWindow,
        runner: TaskRunner,
        environ: Mapping[str, str],
        connect: Callable[[ConnectionSettings, str, bool], None],
        tester: ConnectionTester = doctor_test,
        make_secret_store: Callable[[], SecretStore] = SecretStore.detect,
        host: ConnectionHost | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.runner, self.environ = window, runner, dict(environ)
        self.host = host
        self._connect, self.tester, self._make_secret_store = connect, tester, make_secret_store
        self.home = Path(environ.get("HOME") or Path.home())
        self.store = ProfileStore(config_dir(environ))
        self.load_error: ProfileFileError | None = None
        try:  # a few hundred bytes of local JSON, read once like any settings file
            self.store.load()
        except ProfileFileError as exc:
            self.load_error = exc
        self.secrets: SecretStore | None = None
        self.dialog: ConnectionDialog | None = None
        self.active_profile: Profile | None = None

        self.action = QAction(window)
        self.action.setObjectName("actionConnections")
        self._update_action_text()
        self.action.setToolTip(translate(
            "ConnectionsController", "Add connection…, edit or switch saved connections"))
        self.action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_K))
        self.action.triggered.connect(self.open_dialog)
        menus = getattr(window, "menus", None)  # the main window's MenuBar (File menu)
        # Closes the connection the table shows (also on each root's context menu).
        self.disconnect_action = QAction(translate("ConnectionsController", "Disconnect"), window)
        self.disconnect_action.setObjectName("actionDisconnectActive")
        self.disconnect_action.setToolTip(translate(
            "ConnectionsController", "Close the connection shown in the table"))
        self.disconnect_action.setEnabled(False)
        self.disconnect_action.triggered.connect(self._disconnect_active)
        if isinstance(menus, MenuBar):  # (a bare window in tests has none)
            menus.add("File", self.action, "connections")
            menus.add("File", self.disconnect_action, "connections")
        toolbar = window.findChild(QToolBar, "navigationToolBar")
        if isinstance(toolbar, QToolBar) and toolbar.actions():
            toolbar.insertAction(toolbar.actions()[0], self.action)
        elif isinstance(toolbar, QToolBar):
            toolbar.addAction(self.action)
        self.badge = QLabel(translate("ConnectionsController", INSECURE_BADGE_TEXT),
                            window.statusBar())
        self.badge.setObjectName("insecureBadge")
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        self.badge.setStyleSheet(
            "background:#fff4e5; color:#8a5300; border:1px solid #e0b66a; border-radius:3px;"
            "padding:0 6px;")
        self.badge.setToolTip(translate(
            "ConnectionsController",
            "This connection accepts invalid TLS certificates: anyone on the network could read "
            "or change what you send and receive."))
        window.statusBar().addPermanentWidget(self.badge)
        self.badge.hide()
        if host is not None:  # follow the window's active connection and its closes
            host.active_changed.connect(self._on_active_changed)
            host.closed.connect(self._on_closed)

    def _update_action_text(self) -> None:
        """"Add connection…" until one is saved, so a first start shows where to begin."""
        self.action.setText(translate(
            "ConnectionsController", "Connections…") if self.store.profiles else translate(
            "ConnectionsController", "Add connection…"))

    # -- the keyring, created off the GUI thread (detection may talk to D-Bus) -----------
    def with_secrets(self, then: Callable[[SecretStore], None],
                     on_error: Callable[[AppError], None]) -> None:
        if self.secrets is not None:
            then(self.secrets)
            return

        def made(store: SecretStore) -> None:
            if self.secrets is None:
                self.secrets = store
            then(self.secrets)

        self.runner.submit(self._make_secret_store, on_success=made, on_error=on_error,
                           context=self)

    # -- the dialog ----------------------------------------------------------------------
    def open_dialog(self) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.show()
            self.dialog.activateWindow()
            return
        self.with_secrets(self._show_dialog, self._show_error)

    def open_import(self) -> None:
        """The manager with the list of connections found in mc, rclone and AWS CLI
        settings (the welcome page's Import button)."""
        def show(secrets: SecretStore) -> None:
            self._show_dialog(secrets)
            if self.dialog is not None and shiboken6.isValid(self.dialog):
                self.dialog.show()
                self.dialog.start_import("all")

        self.with_secrets(show, self._show_error)

    def _show_dialog(self, secrets: SecretStore) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            return
        dialog = ConnectionDialog(self.runner, self.store, secrets, self.home, self.environ,
                                  self.tester, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.connect_requested.connect(self.connect_profile)
        dialog.profile_saved.connect(self._on_profile_saved)
        dialog.finished.connect(self._update_action_text)
        if self.load_error is not None:
            dialog.status_label.setText(self.load_error.user_text())
        self.dialog = dialog
        dialog.show()

    def _show_error(self, err: AppError) -> None:
        if self.host is None:
            log.warning("%s", err.user_text())
        elif shiboken6.isValid(self.window):
            self.host.show_error(err)

    def report_load_error(self) -> None:
        """Show a damaged or newer profile file once in the window (after it attached)."""
        if self.load_error is not None:
            self._show_error(self.load_error)

    # -- connecting ----------------------------------------------------------------------
    def connect_profile(self, profile: Profile, settings: ConnectionSettings,
                        activate: bool = True) -> None:
        """Open (or re-open) the profile as a root of the tree; remember it as open."""
        if settings.name != profile.name:  # the root shows the profile's own name
            settings = dataclasses.replace(settings, name=profile.name)
        self._connect(settings, profile_connection_id(profile.id), activate)
        if activate:
            self.active_profile = profile
            self.badge.setVisible(settings.secure and not settings.verify_tls)
        if profile.id not in self.store.open_ids and self.store.get(profile.id) is not None:
            self.store.set_open([*self.store.open_ids, profile.id])
            self._save_open_set()

    def clear_badge(self) -> None:
        self.active_profile = None
        self.badge.hide()

    def _disconnect_active(self) -> None:
        active = self.host.active_connection() if self.host is not None else None
        if active and self.host is not None:
            self.host.close_connection(active)

    def _on_profile_saved(self, profile: Profile) -> None:
        """A renamed profile that is open: its root and status bar take the new name."""
        if self.host is not None:
            self.host.rename_connection(profile_connection_id(profile.id), profile.name)

    def _on_active_changed(self, conn_id: str) -> None:
        entry = self.host.connections.get(conn_id) if self.host is not None else None
        self.badge.setVisible(entry is not None and entry.insecure)
        self.disconnect_action.setEnabled(bool(conn_id) and conn_id != SANDBOX_ID)
        if entry is not None and entry.profile_id is None:
            self.active_profile = None

    def _on_closed(self, conn_id: str) -> None:
        """A disconnected profile does not reopen on the next start."""
        head, _, profile_id = conn_id.partition(":")
        if head == "profile" and profile_id in self.store.open_ids:
            self.store.set_open([i for i in self.store.open_ids if i != profile_id])
            self._save_open_set()
        if self.active_profile is not None and self.active_profile.id == profile_id:
            self.active_profile = None

    def _save_open_set(self) -> None:
        # A few hundred bytes, serialised here and written on a worker like any other save.
        self.runner.submit(write_atomically, self.store.path, self.store.serialize(),
                           on_success=lambda _none: None, on_error=self._show_error,
                           context=self)

    def reopen_last(self, fallback: Callable[[AppError], None],
                    activate: bool = True) -> bool:
        """Reconnect every profile open when the app last quit; False when there is none.

        Secrets are read on a worker, one job per profile; each that opens adds its root (the
        first one to answer becomes the active connection, with `activate`). When none opens
        (no secret this session, keyring locked...) `fallback(first error)` runs: it opens
        something else and shows the message, so the window is never left empty; when only
        some fail, their messages are shown.
        """
        profiles = [p for i in self.store.open_ids if (p := self.store.get(i))]
        if not profiles:
            return False
        if self.host is not None and activate:
            count = len(profiles)
            names = profiles[0].name if count == 1 else translate(
                "ConnectionsController", "{count} connection(s)", "", count).format(count=count)
            self.host.set_connecting(translate(
                "ConnectionsController", "Opening {names}…").format(names=names))
        left = [len(profiles)]
        opened: list[Profile] = []
        errors: list[AppError] = []

        def one_done() -> None:
            left[0] -= 1
            if left[0]:
                return
            if not opened and activate:
                fallback(errors[0])
                return
            for err in errors:
                self._show_error(err)
            if activate:
                self.report_load_error()

        def reopen(profile: Profile) -> None:
            job = SaveJob(profile, secret_source_id=profile.id)

            def failed(err: AppError) -> None:
                errors.append(err)
                one_done()

            def connected(settings: ConnectionSettings) -> None:
                opened.append(profile)
                first = activate and len(opened) == 1 and self.active_profile is None
                self.connect_profile(profile, settings, activate=first)
                one_done()

            def with_store(secrets: SecretStore) -> None:
                self.runner.submit(settings_for, secrets, job, on_success=connected,
                                   on_error=failed, context=self)

            self.with_secrets(with_store, failed)

        for profile in profiles:
            reopen(profile)
        return True
