"""Helpers shared by the transfer tests: an engine with small parts, files with known bytes."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from desktop_app.core.checksums import Algo, Crc
from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.protocol import TransferStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import MiB, TransferOptions
from desktop_app.transfers.retry import RetryPolicy
from desktop_app.transfers.state import State


def small_options(**changes: object) -> TransferOptions:
    """5 MiB parts above a 5 MiB threshold, so boundaries are cheap to hit."""
    options = TransferOptions(
        files_at_once=4, parts_per_file=3, part_workers=6, multipart_threshold=5 * MiB,
        part_size=5 * MiB, download_part_size=5 * MiB,
        retry=RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05),
    )
    for name, value in changes.items():
        setattr(options, name, value)
    return options


def make_engine(storage: TransferStorage, tmp: Path, journal: bool = True,
                **changes: object) -> TransferEngine:
    return TransferEngine(storage, small_options(**changes),
                          Journal.in_dir(tmp / "data") if journal else None)


def write_file(path: Path, size: int, seed: int = 0) -> str:
    """A file of `size` pseudo-random bytes; returns its SHA-256."""
    path.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    block = hashlib.sha256(str(seed).encode()).digest() * 32768  # 1 MiB pattern
    block = bytes((b + seed) % 256 for b in block[:4096]) + block[4096:]
    with open(path, "wb") as handle:
        left = size
        while left:
            chunk = block[: min(left, len(block))]
            handle.write(chunk)
            digest.update(chunk)
            left -= len(chunk)
    return digest.hexdigest()


def sha_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def crc64_of(path: Path) -> str:
    """The file's CRC64NVME in the base64 form S3 stores."""
    crc = Crc(Algo.CRC64NVME)
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            crc.update(chunk)
    return crc.b64()


def stored_crc64(storage: TransferStorage, bucket: str, key: str) -> str:
    """The object's full-object CRC64NVME as the server keeps it ("" when it keeps none)."""
    head = storage.head_checksums(bucket, key)
    return next((c.value for c in head.checksums
                 if c.crc is Algo.CRC64NVME and c.source == "server"), "")


def states(engine: TransferEngine, ids: list[int]) -> dict[int, State]:
    views = {v.id: v for v in engine.snapshot()}
    return {i: views[i].state for i in ids}


def errors(engine: TransferEngine) -> list[str]:
    return [v.error for v in engine.snapshot() if v.state is State.FAILED]


def tree(root: Path) -> set[str]:
    return {
        str(Path(d, f).relative_to(root))
        for d, _dirs, files in os.walk(root) for f in files
    }


def wait_until(condition: Callable[[], object], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def start_engine_child(script: str, server: ConnectionSettings, **config: str
                       ) -> subprocess.Popen[bytes]:
    """Run `script` in a fresh interpreter (to be killed mid-transfer); it finds the server's
    settings and `config` as JSON in $TRANSFER_CHILD."""
    settings = {f: getattr(server, f) for f in (
        "name", "host", "port", "secure", "access_key", "secret_key", "region")}
    env = {**os.environ, "TRANSFER_CHILD": json.dumps({"settings": settings, **config})}
    repo = Path(__file__).resolve().parents[1]
    return subprocess.Popen([sys.executable, "-c", script], env=env, cwd=repo)
