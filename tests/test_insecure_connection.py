"""A saved connection to a real HTTPS server with a self-signed certificate: refused while
certificates are checked, browsable with "allow invalid certificates", and then the window
shows the warning badge for as long as that connection is open."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_app.app import build_window
from desktop_app.core.credentials import SecretStore
from desktop_app.core.paths import config_dir
from desktop_app.core.profiles import Profile, ProfileStore, Secrets, new_profile_id
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.sandbox import SandboxServer
from desktop_app.ui.shell.main_window import MainWindow
from tests.tls_certs import self_signed

WAIT = 20_000


@pytest.fixture(scope="module")
def https_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    certs = self_signed(tmp_path_factory.mktemp("tls"), "server", dns_names=("localhost",))
    server = SandboxServer(tmp_path_factory.mktemp("https-s3"), certs.cert, certs.key)
    server.start()
    MinioStorage(server.settings).make_bucket("behind-self-signed")
    yield server
    server.stop()


def tree_names(model: QAbstractItemModel) -> set[str]:
    """Names on the first two levels (buckets, whether or not connections are roots)."""
    names: set[str] = set()
    for row in range(model.rowCount()):
        top = model.index(row, 0, QModelIndex())
        names.add(str(top.data()))
        names.update(str(model.index(r, 0, top).data()) for r in range(model.rowCount(top)))
    return names


def open_saved(qtbot: QtBot, tmp_path: Path, server: SandboxServer, allow_invalid: bool,
               ) -> MainWindow:
    environ = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path / "home"),
        "MINIO_DESKTOP_DATA_DIR": str(tmp_path / "data"),
        "MINIO_DESKTOP_CONFIG_DIR": str(tmp_path / "config"),
    }
    settings = server.https_settings
    profile = Profile(new_profile_id(), "Self-signed lab", f"https://127.0.0.1:{settings.port}",
                      settings.access_key, region=settings.region or "",
                      allow_invalid_certs=allow_invalid, verify_tls=not allow_invalid)
    store = ProfileStore(config_dir(environ))
    store.load()
    store.put(profile)
    store.set_open([profile.id])
    store.save()
    SecretStore().save(profile.id, Secrets(settings.secret_key, None))
    window = build_window(environ)
    qtbot.addWidget(window)
    return window


@pytest.mark.sandbox
def test_allow_invalid_connects_and_shows_the_badge(qtbot: QtBot, tmp_path: Path,
                                                    https_server: SandboxServer) -> None:
    window = open_saved(qtbot, tmp_path, https_server, allow_invalid=True)
    qtbot.waitUntil(lambda: "behind-self-signed" in tree_names(window.tree_model), timeout=WAIT)
    badge = window.findChild(QLabel, "insecureBadge")
    assert badge is not None
    assert not badge.isHidden()
    assert "Certificates not checked" in badge.text()
    # Unchecked requests still running would end during the next test, whose warning
    # filters no longer expect them.
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=WAIT)
    window.close()


@pytest.mark.sandbox
def test_checked_certificates_refuse_the_self_signed_server(qtbot: QtBot, tmp_path: Path,
                                                            https_server: SandboxServer) -> None:
    window = open_saved(qtbot, tmp_path, https_server, allow_invalid=False)
    qtbot.waitUntil(lambda: window.message_bar.isVisibleTo(window), timeout=WAIT)
    assert "secure (TLS) connection" in window.message_bar.text
    assert "behind-self-signed" not in tree_names(window.tree_model)
    badge = window.findChild(QLabel, "insecureBadge")
    assert badge is not None
    assert badge.isHidden()
    window.close()
