"""Shared fixtures: a scrubbed environment, ONE real SeaweedFS S3 server for the whole
session (started by the app's own sandbox launcher), and wired main windows."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

# Qt must see these before it loads a platform plugin.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
for _name in list(os.environ):
    if _name.startswith(("AWS_", "MINIO_")):
        del os.environ[_name]

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.app import build_window
from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.sandbox import SandboxServer
from desktop_app.ui.shell.flows import install_loop
from desktop_app.ui.shell.main_window import MainWindow
from tests.fault_proxy import FaultProxy

WindowFactory = Callable[[dict[str, str]], MainWindow]


@pytest.fixture(scope="session")
def qasync_loop(qapp: QApplication) -> asyncio.AbstractEventLoop:
    """The app's asyncio loop (qasync on Qt's loop, as `app.main` installs it), made once."""
    loop = install_loop(qapp)
    asyncio._set_running_loop(None)  # running only during the tests that use Qt
    return loop


@pytest.fixture(autouse=True)
def asyncio_loop(request: pytest.FixtureRequest) -> Iterator[asyncio.AbstractEventLoop | None]:
    """Tests that use Qt run with the qasync loop as the current, running asyncio loop, so
    UI flows (asyncio tasks) advance whenever pytest-qt waits. Flows a test leaves behind are
    cancelled afterwards. Other tests keep plain asyncio (some call `asyncio.run`)."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield None
        return
    loop: asyncio.AbstractEventLoop = request.getfixturevalue("qasync_loop")
    qapp: QApplication = request.getfixturevalue("qapp")
    asyncio.set_event_loop(loop)
    asyncio._set_running_loop(loop)
    try:
        yield loop
    finally:
        left = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in left:
            task.cancel()
        for _ in range(1000):  # each cancelled task needs a turn of the loop to unwind
            if all(task.done() for task in left):
                break
            qapp.processEvents()
        asyncio._set_running_loop(None)
        asyncio.set_event_loop(None)


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConnectionSettings]:
    """The session's real S3 server: fresh data dir, random ports and credentials."""
    server = SandboxServer(tmp_path_factory.mktemp("s3-server"))
    settings = server.start()
    yield settings
    server.stop()


@pytest.fixture
def storage(s3_server: ConnectionSettings) -> Iterator[MinioStorage]:
    adapter = MinioStorage(s3_server)
    yield adapter
    adapter.close()


@pytest.fixture
def bucket(storage: MinioStorage, request: pytest.FixtureRequest) -> str:
    """A fresh, empty bucket for one test."""
    base = "".join(c if c.isalnum() else "-" for c in request.node.name.lower())[:40]
    name = f"{base.strip('-')}-{secrets.token_hex(3)}"
    storage.make_bucket(name)
    return name


@pytest.fixture
def proxy(s3_server: ConnectionSettings) -> Iterator[FaultProxy]:
    """A fault-injecting proxy in front of the session's server (see fault_proxy)."""
    server = FaultProxy(s3_server.host, s3_server.port).start()
    yield server
    server.stop()


@pytest.fixture
def app_environ(s3_server: ConnectionSettings, tmp_path: Path) -> dict[str, str]:
    """The environment `build_window` reads, pointing at the session's server."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path / "home"),
        "MINIO_DESKTOP_DATA_DIR": str(tmp_path / "data"),
        "MINIO_DESKTOP_CONFIG_DIR": str(tmp_path / "config"),
        "MINIO_ENDPOINT": f"http://{s3_server.endpoint}",
        "MINIO_ACCESS_KEY": s3_server.access_key,
        "MINIO_SECRET_KEY": s3_server.secret_key,
        "MINIO_REGION": s3_server.region or "",
        "MINIO_DESKTOP_LANG": "en",  # texts as the tests expect them, whatever the system's
    }



@pytest.fixture(scope="session")
def read_only_server(
        tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[ConnectionSettings, ConnectionSettings]]:
    """A real S3 server with two accounts: (owner, reader); the reader may read and list
    but not write, which is what a read-only bucket looks like from the app."""
    reader = ("reader" + secrets.token_hex(6), secrets.token_urlsafe(30))
    server = SandboxServer(tmp_path_factory.mktemp("s3-read-only"), readers=[reader])
    owner = server.start()
    yield owner, dataclasses.replace(owner, access_key=reader[0], secret_key=reader[1])
    server.stop()


@pytest.fixture(scope="session")
def s3_server_b(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConnectionSettings]:
    """A second, separate real S3 server (other keys, other data) for tests that open two
    connections at once and copy between them."""
    server = SandboxServer(tmp_path_factory.mktemp("s3-server-b"))
    settings = server.start()
    yield settings
    server.stop()


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[WindowFactory]:
    """Build wired windows from an environment; all are closed after the test."""
    windows: list[MainWindow] = []

    def make(environ: dict[str, str]) -> MainWindow:
        window = build_window(environ)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def open_bucket(qtbot: QtBot, app_environ: dict[str, str]
                ) -> Iterator[Callable[[str, int], MainWindow]]:
    """A window showing `bucket` once its listing has `rows` rows; all are closed after the
    test."""
    windows: list[MainWindow] = []

    def make(bucket: str, rows: int) -> MainWindow:
        window = build_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
        qtbot.addWidget(window)
        windows.append(window)
        qtbot.waitUntil(lambda: window.table_model.rowCount() == rows, timeout=20_000)
        return window

    yield make
    for window in windows:
        window.close()
