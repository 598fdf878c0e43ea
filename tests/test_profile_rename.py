"""A profile renamed in the connection manager renames its open root in the tree at once
(not only after a restart), and the open connection's name with it."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from desktop_app.app import build_app
from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.open_connections import profile_connection_id
from tests.helpers import bucket_names, root_names
from tests.test_connection_dialog import fill, wait_status
from tests.test_connections_window import open_dialog

WAIT = 20_000


def test_renaming_an_open_profile_renames_its_tree_root(
        qtbot: QtBot, app_environ: dict[str, str], s3_server_b: ConnectionSettings,
        bucket: str) -> None:
    desktop = build_app(app_environ)
    window = desktop.window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bucket in bucket_names(window), timeout=WAIT)
    dialog = open_dialog(qtbot, desktop)
    fill(qtbot, dialog, name="Lab", endpoint=f"http://{s3_server_b.endpoint}",
         access=s3_server_b.access_key, secret=s3_server_b.secret_key)
    dialog.save_button.click()
    wait_status(qtbot, dialog, "Saved “Lab”")
    (profile,) = desktop.connections.store.profiles
    desktop.connections.connect_profile(profile, dataclasses.replace(s3_server_b, name="Lab"),
                                        activate=False)
    conn = profile_connection_id(profile.id)
    qtbot.waitUntil(lambda: "Lab" in root_names(window), timeout=WAIT)

    dialog.form.name_edit.setText("Lab in the basement")
    dialog.save_button.click()
    wait_status(qtbot, dialog, "Saved “Lab in the basement”")

    qtbot.waitUntil(lambda: "Lab in the basement" in root_names(window), timeout=WAIT)
    assert "Lab" not in root_names(window)
    entry = window.open_connections.get(conn)
    assert entry is not None
    assert entry.name == "Lab in the basement"
    window.close()
