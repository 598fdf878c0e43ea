"""One app per user and config folder: a second launch brings the running window forward and
exits (no second window, no second sandbox); a socket left by a killed instance is taken over."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.connection import ConnectionSettings
from desktop_app.ui.shell.single_instance import SingleInstance, socket_path

LAUNCH_S = 60


def test_second_claim_raises_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    name = str(tmp_path / "app.sock")
    first = SingleInstance.claim(name)
    assert first is not None
    with qtbot.waitSignal(first.activated, timeout=5_000):
        assert SingleInstance.claim(name) is None  # asked the first to come forward
    first.close()
    again = SingleInstance.claim(name)  # closed: the next one runs
    assert again is not None
    again.close()


def test_a_stale_socket_is_taken_over(tmp_path: Path) -> None:
    name = str(tmp_path / "app.sock")
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(name)  # what a killed instance leaves: a socket file nobody answers on
    dead.close()
    assert Path(name).exists()
    instance = SingleInstance.claim(name)
    assert instance is not None
    assert instance.server.isListening()
    instance.close()


def test_socket_is_per_user_and_config_folder(tmp_path: Path) -> None:
    env_a = {"MINIO_DESKTOP_CONFIG_DIR": str(tmp_path / "a"), "XDG_RUNTIME_DIR": str(tmp_path)}
    env_b = {**env_a, "MINIO_DESKTOP_CONFIG_DIR": str(tmp_path / "b")}
    assert socket_path(env_a) != socket_path(env_b)
    assert socket_path(env_a) == socket_path(dict(env_a))
    assert f"-{os.getuid()}-" in socket_path(env_a)
    assert Path(socket_path(env_a)).parent == tmp_path


# -- the real program, twice -----------------------------------------------------------------
def environ_for(home: Path, server: ConnectionSettings) -> dict[str, str]:
    runtime = home / "run"
    runtime.mkdir(parents=True, exist_ok=True)
    return {
        "PATH": os.environ["PATH"], "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(runtime),
        "MINIO_DESKTOP_DATA_DIR": str(home / "data"),
        "MINIO_DESKTOP_CONFIG_DIR": str(home / "config"),
        "MINIO_DESKTOP_LOG_DIR": str(home / "logs"),
        "MINIO_ENDPOINT": f"http://{server.endpoint}",
        "MINIO_ACCESS_KEY": server.access_key, "MINIO_SECRET_KEY": server.secret_key,
    }


def launch(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "desktop_app"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def wait_listening(app: subprocess.Popen[bytes], env: dict[str, str]) -> None:
    path = Path(socket_path(env))
    deadline = time.monotonic() + LAUNCH_S
    while not path.exists():
        assert app.poll() is None, app.stdout.read() if app.stdout else ""
        assert time.monotonic() < deadline, "the first instance never listened"
        time.sleep(0.05)


def log_text(env: dict[str, str]) -> str:
    return "".join(p.read_text(errors="replace") for p in Path(env["MINIO_DESKTOP_LOG_DIR"])
                   .glob("*.log"))


def second_launch(env: dict[str, str]) -> str:
    """Starts again and must leave at once, saying why."""
    second = launch(env)
    output = second.communicate(timeout=LAUNCH_S)[0].decode(errors="replace")
    assert second.returncode == 0, output
    assert "already running" in output
    return output


def stop(app: subprocess.Popen[bytes]) -> str:
    app.send_signal(signal.SIGTERM)
    try:
        output = app.communicate(timeout=LAUNCH_S)[0].decode(errors="replace")
    except subprocess.TimeoutExpired:
        app.kill()
        pytest.fail("the app did not quit")
    assert app.returncode == 0, output
    return output


def test_a_second_launch_brings_the_first_window_forward(
        tmp_path: Path, s3_server: ConnectionSettings) -> None:
    env = environ_for(tmp_path, s3_server)
    first = launch(env)
    try:
        wait_listening(first, env)
        second_launch(env)
        deadline = time.monotonic() + 20
        while "brought forward" not in log_text(env):
            assert time.monotonic() < deadline, log_text(env)
            time.sleep(0.05)
        assert first.poll() is None  # still the one running
    finally:
        output = stop(first)
    assert "Traceback" not in output


def test_a_killed_instance_does_not_block_the_next(
        tmp_path: Path, s3_server: ConnectionSettings) -> None:
    env = environ_for(tmp_path, s3_server)
    first = launch(env)
    wait_listening(first, env)
    first.kill()  # no clean-up: the socket file stays
    first.wait(timeout=LAUNCH_S)
    assert Path(socket_path(env)).exists()
    mtime = Path(socket_path(env)).stat().st_mtime_ns
    after = launch(env)
    try:
        deadline = time.monotonic() + LAUNCH_S
        while not (Path(socket_path(env)).exists()
                   and Path(socket_path(env)).stat().st_mtime_ns != mtime):
            assert after.poll() is None, after.stdout.read() if after.stdout else ""
            assert time.monotonic() < deadline, "the stale socket was not taken over"
            time.sleep(0.05)
        second_launch(env)  # and the new one is the running instance now
    finally:
        stop(after)
