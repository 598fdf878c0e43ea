"""The local sandbox: starts a real server, seeds samples once, stops without leftovers."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.app import build_app
from desktop_app.storage import sandbox
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.sample_data import SEED_MARKER, sample_objects, seed_once
from desktop_app.storage.sandbox import SandboxServer
from tests.helpers import bucket_names


def _tmp_leftovers(ports: tuple[int, ...]) -> set[str]:
    """Files in /tmp that belong to a server on these ports (other servers may run too)."""
    return {
        name for name in os.listdir("/tmp")
        if name.startswith("seaweedfs-") and any(name.endswith(f"-{p}.sock") for p in ports)
    } | {name for name in os.listdir("/tmp") if name.startswith("weed.")}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie child is gone for every practical purpose.
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split()[2] != "Z"


@pytest.mark.sandbox
def test_sandbox_serves_seeds_once_and_stops_cleanly(tmp_path: Path) -> None:
    server = SandboxServer(tmp_path)
    settings = server.start()
    pid = server.pid
    ports = server.ports
    assert settings.port in ports
    assert pid is not None
    assert settings.host == "127.0.0.1"
    storage = MinioStorage(settings)
    assert seed_once(storage, tmp_path) is True
    expected = sample_objects()
    assert sorted(b.name for b in storage.list_buckets()) == sorted(expected)
    for bucket, objects in expected.items():
        for key, (content, _ctype) in objects.items():
            assert storage.read_range(bucket, key, 0, len(content) + 1) == content
    assert (tmp_path / SEED_MARKER).exists()
    assert seed_once(storage, tmp_path) is False  # not again on the next start
    server.stop()
    assert not _alive(pid)
    assert _tmp_leftovers(ports) == set()


@pytest.mark.sandbox
def test_restart_keeps_data_with_new_credentials(tmp_path: Path) -> None:
    server = SandboxServer(tmp_path)
    first = server.start()
    MinioStorage(first).make_bucket("kept")
    server.stop()
    second = server.start()
    try:
        assert second.secret_key != first.secret_key
        assert [b.name for b in MinioStorage(second).list_buckets()] == ["kept"]
    finally:
        server.stop()


@pytest.mark.sandbox
def test_app_without_server_config_opens_the_sandbox(qtbot: QtBot, tmp_path: Path) -> None:
    environ = {"PATH": os.environ["PATH"], "MINIO_DESKTOP_DATA_DIR": str(tmp_path)}
    desktop = build_app(environ)
    window, session = desktop.window, desktop.session
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(bucket_names(window)) == len(sample_objects()), timeout=60_000)
    assert "Local sandbox" in window.endpoint_label.text()
    names = set(bucket_names(window))
    assert names == set(sample_objects())
    assert session.sandbox is not None
    pid = session.sandbox.pid
    ports = session.sandbox.ports
    window.close()
    assert not _alive(pid)
    assert _tmp_leftovers(ports) == set()


@pytest.mark.sandbox
def test_a_silent_connection_does_not_hold_up_the_stop(tmp_path: Path) -> None:
    """The volume server waits minutes on stop for a connection that never sent a request
    (SeaweedFS's gateway leaves such spare connections behind now and then): the stop must not
    wait with it (a window's quit would hang), and the data written stays."""
    server = SandboxServer(tmp_path)
    settings = server.start()
    MinioStorage(settings).make_bucket("kept")
    volume_port = dict(zip(sandbox._PORT_NAMES, server.ports, strict=False))["volume.port"]
    pid = server.pid
    assert pid is not None
    with socket.create_connection(("127.0.0.1", volume_port)):
        started = time.monotonic()
        server.stop()
        took = time.monotonic() - started
    assert not _alive(pid)
    assert took < 10, f"the stop waited {took:.1f} s on a silent connection"
    again = server.start()
    try:
        assert [b.name for b in MinioStorage(again).list_buckets()] == ["kept"]
    finally:
        server.stop()
