"""The real program: started as a process, it brings up the sandbox; asked to quit, it
stops the server and leaves nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from desktop_app.storage.sample_data import SEED_MARKER


def start_app(home: Path) -> subprocess.Popen[bytes]:
    """The program as a user starts it, with no server configured (so: the sandbox)."""
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "MINIO_DESKTOP_DATA_DIR": str(home / "data"),
    }
    return subprocess.Popen([sys.executable, "-m", "desktop_app"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def quit_cleanly(app: subprocess.Popen[bytes]) -> None:
    """It was asked to quit: it does, within a minute, with no error."""
    try:
        output = app.communicate(timeout=60)[0].decode(errors="replace")
    except subprocess.TimeoutExpired:
        app.kill()
        pytest.fail("the app did not quit: " + app.communicate()[0].decode(errors="replace"))
    assert app.returncode == 0, output
    assert "Traceback" not in output


@pytest.mark.sandbox
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_quitting_stops_the_sandbox(tmp_path: Path, signum: int) -> None:
    app = start_app(tmp_path)
    marker = tmp_path / "data" / "sandbox" / SEED_MARKER
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert app.poll() is None, app.stdout.read() if app.stdout else ""
        assert time.monotonic() < deadline, "the sandbox never became ready"
        time.sleep(0.1)
    servers = [p for p in psutil.Process(app.pid).children(recursive=True)
               if "weed" in " ".join(p.cmdline())]
    assert len(servers) == 1
    ports = {c.laddr.port for c in servers[0].net_connections(kind="inet")
             if c.status == psutil.CONN_LISTEN}
    assert ports
    app.send_signal(signum)
    quit_cleanly(app)
    assert not servers[0].is_running() or servers[0].status() == psutil.STATUS_ZOMBIE
    leftovers = [n for n in os.listdir("/tmp") if n.startswith("seaweedfs-")
                 and any(n.endswith(f"-{port}.sock") for port in ports)]
    assert leftovers == []


@pytest.mark.sandbox
@pytest.mark.parametrize("after_s", [0.3, 0.8, 1.5])
def test_a_quit_while_the_app_starts_is_not_lost(tmp_path: Path, after_s: float) -> None:
    """Ctrl+C while Qt loads or the window is built: the app quits cleanly as soon as it can
    (it used to lose the signal in that second and run on), and no server is left."""
    app = start_app(tmp_path)
    time.sleep(after_s)
    app.send_signal(signal.SIGINT)
    quit_cleanly(app)
    assert not [p for p in psutil.process_iter(["cmdline"])
                if str(tmp_path) in " ".join(p.info["cmdline"] or [])]


def test_a_quit_signal_before_the_window_exists_is_kept_for_it() -> None:
    from desktop_app import quit_signals

    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    calls: list[int] = []
    try:
        quit_signals.install()
        os.kill(os.getpid(), signal.SIGTERM)  # handled before the next line runs
        assert quit_signals.on_quit(lambda: calls.append(1))
        os.kill(os.getpid(), signal.SIGINT)
        assert calls == [1]
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        quit_signals.on_quit(lambda: None)
        quit_signals._requested.clear()
