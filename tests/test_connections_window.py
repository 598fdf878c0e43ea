"""Saved connections in the real window: the Connections action, reopening the last profile
from the keyring, the warning badge, a hanging keyring that must not freeze the window, and the
canary - after real use, the secret is in no file the app could have written."""

from __future__ import annotations

import base64
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from desktop_app.app import DesktopApp, build_app, build_window
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.credentials import SecretStore
from desktop_app.core.profiles import Profile, ProfileStore, new_profile_id
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.connections.controller import ConnectionsController
from desktop_app.ui.connections.dialog import ConnectionDialog
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.tasks import TaskRunner
from tests import helpers
from tests.fake_keyrings import HangingKeyring
from tests.helpers import put_bytes

WAIT = 20_000


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


def profile_environ(tmp_path: Path) -> dict[str, str]:
    """No MINIO_*: what a user with saved connections has."""
    home = tmp_path / "home"
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "MINIO_DESKTOP_DATA_DIR": str(tmp_path / "data"),
        "MINIO_DESKTOP_CONFIG_DIR": str(tmp_path / "config"),
    }


def bucket_names(window: MainWindow) -> list[str]:
    return helpers.bucket_names(window)  # under the active connection's root


def open_dialog(qtbot: QtBot, desktop: DesktopApp) -> ConnectionDialog:
    action = desktop.window.findChild(QAction, "actionConnections")
    assert isinstance(action, QAction)
    action.trigger()
    controller = desktop.connections
    qtbot.waitUntil(lambda: controller.dialog is not None, timeout=WAIT)
    assert controller.dialog is not None
    return controller.dialog


def test_connections_action_opens_the_manager(qtbot: QtBot, app_environ: dict[str, str]) -> None:
    desktop = build_app(app_environ)
    window = desktop.window
    qtbot.addWidget(window)
    action = window.findChild(QAction, "actionConnections")
    assert isinstance(action, QAction)
    assert action.text() == "Add connection…"  # nothing saved yet
    dialog = open_dialog(qtbot, desktop)
    assert dialog.isVisible()
    assert dialog.profile_names() == []
    assert dialog.current_id is None  # an empty form, ready for "Add connection"
    open_dialog(qtbot, desktop)  # a second trigger reuses the open dialog
    assert desktop.connections.dialog is dialog
    dialog.form.name_edit.setText("Later")
    dialog.form.endpoint_edit.setText("http://127.0.0.1:9")
    dialog.form.access_key_edit.setText("k")
    dialog.form.secret_key_edit.setText("Later-Secret-1")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "Saved" in dialog.status_label.text(), timeout=WAIT)
    dialog.close()
    assert action.text() == "Connections…"
    window.close()


def test_badge_shows_only_for_unchecked_certificates(qtbot: QtBot, runner: TaskRunner,
                                                     tmp_path: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    connected: list[ConnectionSettings] = []
    controller = ConnectionsController(window, runner, profile_environ(tmp_path),
                                       lambda settings, *_: connected.append(settings))
    profile = Profile(new_profile_id(), "Self-signed", "https://10.0.0.9:9443", "k",
                      allow_invalid_certs=True, verify_tls=False)
    insecure = ConnectionSettings("Self-signed", "10.0.0.9", 9443, True, "k", "s",
                                  verify_tls=False)
    controller.connect_profile(profile, insecure)
    assert connected == [insecure]
    assert not controller.badge.isHidden()
    assert "Certificates not checked" in controller.badge.text()
    checked = ConnectionSettings("Fine", "10.0.0.9", 9443, True, "k", "s")
    controller.connect_profile(profile.with_changes(allow_invalid_certs=False), checked)
    assert controller.badge.isHidden()



def test_hanging_keyring_does_not_freeze_the_window(qtbot: QtBot, runner: TaskRunner,
                                                    tmp_path: Path) -> None:
    backend = HangingKeyring()
    window = QMainWindow()
    qtbot.addWidget(window)
    controller = ConnectionsController(
        window, runner, profile_environ(tmp_path), lambda *_: None,
        make_secret_store=lambda: SecretStore(backend, timeout=1.0))  # type: ignore[arg-type]
    controller.open_dialog()
    qtbot.waitUntil(lambda: controller.dialog is not None, timeout=WAIT)
    dialog = controller.dialog
    assert dialog is not None
    form = dialog.form
    form.name_edit.setText("Locked")
    form.endpoint_edit.setText("http://127.0.0.1:9")
    form.access_key_edit.setText("k")
    form.secret_key_edit.setText("Locked-Keyring-Secret")
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(50)
    try:
        dialog.save_button.click()
        assert "Saving" in dialog.status_label.text()
        qtbot.waitUntil(lambda: "did not answer" in dialog.status_label.text(), timeout=WAIT)
    finally:
        timer.stop()
        backend.release.set()
    assert ticks  # the event loop kept running while the keyring hung
    assert "unlock" in dialog.status_label.text()
    assert dialog.profile_names() == []  # nothing half-saved
    assert not ProfileStore(tmp_path / "config").path.exists()
    # The dialog now offers to keep the secret in memory, which works without the keyring.
    assert not dialog.session_only_check.isHidden()
    dialog.session_only_check.setChecked(True)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "for this session only" in dialog.status_label.text(),
                    timeout=WAIT)
    assert dialog.profile_names() == ["Locked"]
    assert "Locked-Keyring-Secret" not in ProfileStore(tmp_path / "config").path.read_text()


def _grep(roots: list[Path], needles: list[bytes]) -> list[str]:
    hits = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                try:
                    data = path.read_bytes()
                except OSError:
                    continue
                hits += [f"{path}: {n[:6]!r}…" for n in needles if n in data]
    return hits


@pytest.mark.real_server
def test_canary_secret_never_reaches_a_file(qtbot: QtBot, runner: TaskRunner, tmp_path: Path,
                                            s3_server: ConnectionSettings,
                                            storage: MinioStorage, bucket: str,
                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    canary = s3_server.secret_key  # a random 40-character secret the server accepts
    put_bytes(storage, bucket, "hello.txt", b"canary preview text\n", "text/plain")
    environ = profile_environ(tmp_path)

    # 1. Create the profile in the connection manager and connect (records the open set).
    store = ProfileStore(tmp_path / "config")
    dialog = ConnectionDialog(runner, store, SecretStore(), tmp_path / "home", environ)
    qtbot.addWidget(dialog)
    form = dialog.form
    form.name_edit.setText("Canary")
    form.endpoint_edit.setText(f"http://{s3_server.endpoint}")
    form.access_key_edit.setText(s3_server.access_key)
    form.secret_key_edit.setText(canary)
    form.region_edit.setText(s3_server.region or "")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "Connected" in dialog.status_label.text(), timeout=WAIT)
    form.secret_key_edit.setText(canary[::-1])  # a wrong secret: the error must not echo it
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "Sign-in failed" in dialog.status_label.text(), timeout=WAIT)
    assert canary[::-1] not in dialog.status_label.text()
    form.secret_key_edit.setText(canary)
    with qtbot.waitSignal(dialog.connect_requested, timeout=WAIT):
        dialog.connect_button.click()

    # 2. Start the app: it reopens the profile with the secret from the keyring and browses.
    desktop = build_app(environ)
    window = desktop.window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bucket in bucket_names(window), timeout=WAIT)
    assert "Canary" in window.endpoint_label.text()
    window.open_location(bucket)
    qtbot.waitUntil(lambda: window.object_table.select_key("hello.txt"), timeout=WAIT)
    qtbot.waitUntil(lambda: "canary preview text" in window.preview_pane.shown_text,
                    timeout=WAIT)

    # 3. Reconnect through the manager inside the window.
    manager = open_dialog(qtbot, desktop)
    assert manager.profile_names() == ["Canary"]
    manager.connect_button.click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(manager), timeout=WAIT)  # closed, deleted
    qtbot.waitUntil(lambda: bucket in bucket_names(window), timeout=WAIT)
    assert desktop.connections.badge.isHidden()
    window.close()

    roots = [tmp_path] + [Path(os.environ[v]) for v in
                          ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")
                          if os.environ.get(v) and Path(os.environ[v]).is_dir()]
    needles = [canary.encode(), base64.b64encode(canary.encode()), canary[::-1].encode()]
    assert (tmp_path / "config" / "profiles.json").is_file()
    assert _grep(roots, needles) == []
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert logged  # the capture saw the app's (and urllib3's) log lines
    assert canary not in logged
    assert canary[::-1] not in logged
    # The search itself finds a planted copy (so the empty result above means something).
    (tmp_path / "planted").write_bytes(b"x" + base64.b64encode(canary.encode()))
    assert len(_grep([tmp_path], needles)) == 1


def test_reopen_without_a_stored_secret_falls_back_with_a_message(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    environ = profile_environ(tmp_path)
    store = ProfileStore(tmp_path / "config")
    profile = Profile(new_profile_id(), "Forgotten", "http://127.0.0.1:9", "k")
    store.put(profile)
    store.set_open([profile.id])
    store.save()
    window = QMainWindow()
    qtbot.addWidget(window)
    controller = ConnectionsController(window, runner, environ, lambda *_: None)
    reasons: list[str] = []
    assert controller.reopen_last(lambda err: reasons.append(err.user_text()))
    qtbot.waitUntil(lambda: bool(reasons), timeout=WAIT)
    assert "No secret key is in the system keyring for “Forgotten”" in reasons[0]
    other = QMainWindow()
    qtbot.addWidget(other)
    empty = ConnectionsController(other, runner, profile_environ(tmp_path / "b"),
                                  lambda *_: None)
    assert not empty.reopen_last(lambda err: reasons.append(err.user_text()))


def test_damaged_profile_file_is_reported_in_the_window(qtbot: QtBot,
                                                       app_environ: dict[str, str]) -> None:
    config = Path(app_environ["MINIO_DESKTOP_CONFIG_DIR"])
    config.mkdir(parents=True)
    (config / "profiles.json").write_text('{"version": 1, "profiles": [{"id": ')
    window = build_window(app_environ)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.message_bar.isVisibleTo(window), timeout=WAIT)
    assert "damaged" in window.message_bar.text
    backups = sorted(p.name for p in config.iterdir())
    assert len(backups) == 1
    assert backups[0].startswith("profiles.json.corrupt-")
    assert backups[0] in window.message_bar.text
    window.close()


@pytest.mark.sandbox
def test_connecting_while_the_sandbox_starts_keeps_the_users_choice(
        qtbot: QtBot, tmp_path: Path, s3_server: ConnectionSettings, bucket: str) -> None:
    desktop = build_app(profile_environ(tmp_path))  # nothing saved: the sandbox starts
    window, session = desktop.window, desktop.session
    qtbot.addWidget(window)
    profile = Profile(new_profile_id(), "Mine", f"http://{s3_server.endpoint}",
                      s3_server.access_key)
    desktop.connections.connect_profile(profile, s3_server)
    qtbot.waitUntil(lambda: bucket in bucket_names(window), timeout=WAIT)
    qtbot.waitUntil(lambda: session.sandbox is not None and session.sandbox.running
                    and not window.runner.busy, timeout=60_000)
    assert window.storage is session.chosen
    assert session.storage is session.chosen
    assert s3_server.endpoint in window.endpoint_label.text()
    assert bucket in bucket_names(window)
    window.close()
