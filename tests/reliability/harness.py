"""Driving the real engine for the reliability scenarios: the engine in its own process (as
the app runs it) on a storage for the hostile fake or a real SeaweedFS, and a SeaweedFS that
can be killed and started again on the same ports, credentials and data."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.sandbox import SANDBOX_REGION, find_weed, free_ports
from desktop_app.transfers.engine_process import EngineProcess
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import TransferOptions
from desktop_app.transfers.rows import TransferView
from desktop_app.transfers.state import State
from tests.hostile_s3 import HostileS3, Sized
from tests.reliability.audit import CANARY_SECRET, CANARY_TOKEN
from tests.transfer_helpers import small_options, wait_until

BUCKET = "hostile"
HANG_S = 60.0  # an engine not idle after this long counts as hung


class Hang(AssertionError):
    pass


def hostile_settings(fake: HostileS3) -> ConnectionSettings:
    """The fake accepts any signature: the canaries are the secret key and session token."""
    return ConnectionSettings(name="hostile", host="127.0.0.1", port=fake.port, secure=False,
                              access_key="AKIAHOSTILE", secret_key=CANARY_SECRET,
                              session_token=CANARY_TOKEN, region="us-east-1")


def engine_for(storage: MinioStorage, data: Path | None, options: TransferOptions | None = None,
               **changes: object) -> EngineProcess:
    """The engine in its own process, journalled in `data` like the app's."""
    journal = None
    if data is not None:
        journal = Journal.path_for_server(data, storage.endpoint_url,
                                          storage.settings.access_key)
    return EngineProcess(storage, storage.transfer_factory(),
                         options or small_options(**changes), journal)


def settle(engine: EngineProcess, timeout: float = HANG_S) -> list[TransferView]:
    """Wait until nothing runs; the rows as the window's mirror has them."""
    if not engine.wait(timeout):
        raise Hang(f"the engine was still busy after {timeout:.0f} s")
    wait_until(lambda: all(v.state.finished or v.state is State.PAUSED
                           for v in engine.snapshot()), 10)
    return engine.snapshot()


def errors_of(rows: list[TransferView]) -> list[str]:
    return [r.error for r in rows if r.error]


class Weed:
    """SeaweedFS `weed mini` on fixed ports, credentials and data: `kill()` it like a crash
    and `start()` it again where it was."""

    NAMES = ("master.port", "master.port.grpc", "volume.port", "volume.port.grpc",
             "filer.port", "filer.port.grpc", "s3.port", "s3.port.grpc", "admin.port",
             "admin.port.grpc")

    def __init__(self, folder: Path, secret: str) -> None:
        self.folder = folder
        self.ports = dict(zip(self.NAMES, free_ports(len(self.NAMES)), strict=True))
        self.settings = ConnectionSettings(
            name="restartable", host="127.0.0.1", port=self.ports["s3.port"], secure=False,
            access_key="restartable", secret_key=secret, region=SANDBOX_REGION)
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60) -> None:
        tmp = self.folder / "tmp"
        tmp.mkdir(parents=True, exist_ok=True)
        (self.folder / "data").mkdir(exist_ok=True)
        args = [str(find_weed()), "mini", f"-dir={self.folder / 'data'}", "-ip=127.0.0.1",
                "-ip.bind=127.0.0.1", *(f"-{n}={p}" for n, p in self.ports.items()),
                "-s3.port.iceberg=0", "-s3.port.lance=0", "-webdav=false", "-admin.ui=false",
                f"-s3.localSocket={tmp / 's3.sock'}", f"-filer.localSocket={tmp / 'f.sock'}",
                "-master.telemetry=false", "-s3.autoCreateBucket=false",
                "-master.volumeSizeLimitMB=64", "-volume.max=1000"]
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(self.folder),
               "TMPDIR": str(tmp), "AWS_ACCESS_KEY_ID": self.settings.access_key,
               "AWS_SECRET_ACCESS_KEY": self.settings.secret_key}
        with open(self.folder / "server.log", "ab") as log:
            self.process = subprocess.Popen(args, env=env, stdout=log, stderr=log,
                                            stdin=subprocess.DEVNULL, cwd=self.folder)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.settings.port}/", timeout=1)
                return
            except urllib.error.HTTPError:
                return  # an S3 answer (403): it serves
            except OSError:
                time.sleep(0.1)
        raise AssertionError("the restartable SeaweedFS did not come up")

    def kill(self) -> None:
        """SIGKILL, as a crash or a power cut of the server would end it."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        for port in self.ports.values():
            for path in Path("/tmp").glob(f"seaweedfs-*-{port}.sock"):
                path.unlink(missing_ok=True)
        shutil.rmtree(self.folder / "tmp", ignore_errors=True)


def stored(fake: HostileS3, bucket: str = BUCKET) -> dict[str, bytes]:
    """Every object the fake holds in `bucket`, with its bytes (a generated one, too big to
    hold, stands in as empty)."""
    with fake.lock:
        return {k: b"" if isinstance(v.data, Sized) else v.data
                for k, v in fake.buckets[bucket].items()}


def leaked(fake: HostileS3) -> list[str]:
    """What reached the redirect target, as text to look for secrets in."""
    return [f"{s.method} {s.path}?{s.query} {s.headers}" for s in fake.requests("other")]


def pending_uploads(fake: HostileS3) -> list[str]:
    with fake.lock:
        return list(fake.uploads)
