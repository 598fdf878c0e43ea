"""The server killed and started again mid-upload and mid-download (a real SeaweedFS on the
same ports and data), the engine process killed mid-multipart and started again (it resumes
from its journal), a disk that fills up, and a clock 20 minutes off."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.checksums import crc_of
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import AppError
from desktop_app.core.transfer_types import SHA256_META
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.engine_process import EngineProcess
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import ConflictPolicy, MiB
from desktop_app.transfers.retry import RetryPolicy
from desktop_app.transfers.state import State
from tests.hostile_s3 import HostileS3
from tests.reliability.audit import CANARY_SECRET, Audit, Box, clear, judge
from tests.reliability.harness import (
    BUCKET,
    Weed,
    engine_for,
    errors_of,
    settle,
)
from tests.transfer_helpers import small_options, stored_crc64, wait_until, write_file

LIBFAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")


@pytest.fixture(scope="module")
def weed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Weed]:
    server = Weed(tmp_path_factory.mktemp("restartable"), CANARY_SECRET)
    server.start()
    yield server
    server.stop()


def fresh_bucket(storage: MinioStorage, name: str) -> str:
    bucket = f"{name}-{os.urandom(3).hex()}"
    storage.make_bucket(bucket)
    return bucket


def read_all(storage: MinioStorage, bucket: str, key: str) -> bytes:
    return b"".join(storage.iter_chunks(bucket, key))


def uploads_of(storage: MinioStorage, bucket: str) -> list[str]:
    return [u.upload_id for u in storage.list_multipart_uploads(bucket)]


def moved(engine: object, at_least: int) -> bool:
    return any(v.done_bytes >= at_least for v in engine.snapshot())  # type: ignore[attr-defined]


def test_server_killed_mid_upload(weed: Weed, box: Box, audit: Audit) -> None:
    storage = MinioStorage(weed.settings)
    bucket = fresh_bucket(storage, "restart-up")
    data = os.urandom(30 * MiB + 7)
    (box.src / "big.bin").write_bytes(data)
    engine = engine_for(storage, box.data, retry=RetryPolicy(), bandwidth_limit=8 * MiB,
                        parts_per_file=2)
    try:
        engine.upload_paths([box.src / "big.bin"], bucket)
        wait_until(lambda: moved(engine, 6 * MiB), 60)
        weed.kill()
        time.sleep(1.5)
        weed.start()
        rows = settle(engine, 180)
    finally:
        engine.shutdown()
    right, outcome = judge(rows, done=["big.bin"])
    there = {"big.bin": read_all(storage, bucket, "big.bin")} if right else {}
    if right and stored_crc64(storage, bucket, "big.bin") != crc_of(data).b64():
        right, outcome = False, "stored without the right CRC64NVME"
    audit.finish(right, outcome, remote=(there, {"big.bin": data}),
                 uploads=uploads_of(storage, bucket), texts=errors_of(rows))
    storage.close()


def test_server_killed_mid_download(weed: Weed, box: Box, audit: Audit) -> None:
    storage = MinioStorage(weed.settings)
    bucket = fresh_bucket(storage, "restart-down")
    data = os.urandom(30 * MiB + 7)
    storage.put_bytes(bucket, "big.bin", data, "application/octet-stream",
                      {SHA256_META: hashlib.sha256(data).hexdigest()})
    engine = engine_for(storage, box.data, retry=RetryPolicy(), bandwidth_limit=8 * MiB,
                        parts_per_file=2)
    try:
        engine.download_objects(bucket, list(storage.iter_objects(bucket, "")), box.target)
        wait_until(lambda: moved(engine, 6 * MiB), 60)
        weed.kill()
        time.sleep(1.5)
        weed.start()
        rows = settle(engine, 180)
    finally:
        engine.shutdown()
    right, outcome = judge(rows, done=["big.bin"])
    audit.finish(right, outcome, local={"big.bin": data}, texts=errors_of(rows))
    storage.close()


def journal_parts(data: Path) -> int:
    total = 0
    for path in data.glob("*.sqlite3"):
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            total += int(db.execute("SELECT count(*) FROM parts").fetchone()[0])
        except sqlite3.OperationalError:
            pass
        finally:
            db.close()
    return total


def test_app_killed_mid_multipart(s3_server: ConnectionSettings, storage: MinioStorage,
                                  bucket: str, box: Box, audit: Audit) -> None:
    """The engine process dies (as with the app) with parts sent; the next start resumes
    from the journal and the parts the server lists."""
    audit.canaries.append(s3_server.secret_key)
    data = os.urandom(30 * MiB + 7)
    (box.src / "big.bin").write_bytes(data)
    first = engine_for(storage, box.data, bandwidth_limit=6 * MiB, parts_per_file=1)
    try:
        first.upload_paths([box.src / "big.bin"], bucket)
        wait_until(lambda: journal_parts(box.data) >= 2, 60)
        os.kill(first.pid, signal.SIGKILL)
        wait_until(lambda: first.snapshot()[0].state is State.FAILED, 30)
    finally:
        first.shutdown()
    again = engine_for(storage, box.data)
    try:
        again.restore()
        rows = settle(again, 120)
    finally:
        again.shutdown()
    right, outcome = judge(rows, done=["big.bin"])
    there = {"big.bin": read_all(storage, bucket, "big.bin")} if right else {}
    audit.finish(right, outcome, remote=(there, {"big.bin": data}),
                 uploads=uploads_of(storage, bucket), texts=errors_of(rows))


@pytest.fixture
def small_disk(box: Box) -> Iterator[bool]:
    """The target on an 8 MiB tmpfs (True), or False where mounting is not allowed."""
    done = subprocess.run(["/bin/mount", "-t", "tmpfs", "-o", "size=8m,mode=0755", "tmpfs",
                           str(box.target)], capture_output=True, check=False)
    yield done.returncode == 0
    if done.returncode == 0:
        subprocess.run(["/bin/umount", "-l", str(box.target)], check=False)


def test_disk_full(hostile: HostileS3, hostile_storage: MinioStorage, box: Box, audit: Audit,
                   small_disk: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Downloads into a folder on an 8 MiB disk: what does not fit fails saying so, and a
    file that was there is left as it was."""
    objects = {"d/big.bin": os.urandom(12 * MiB), "d/small.bin": os.urandom(64 * 1024),
               "d/keep.bin": os.urandom(2 * MiB)}
    for key, data in objects.items():
        hostile.put(BUCKET, key, data)
    (box.target / "d").mkdir()
    (box.target / "d" / "keep.bin").write_bytes(b"keep me")
    engine: EngineProcess | TransferEngine
    if small_disk:
        engine = engine_for(hostile_storage, box.data, conflict=ConflictPolicy.OVERWRITE)
    else:  # no tmpfs without root: in this process, writes fail once 8 MiB were written
        left, real = [8 * MiB], os.pwrite

        def pwrite(fd: int, data: bytes, offset: int) -> int:
            if len(data) > left[0]:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            left[0] -= len(data)
            return real(fd, data, offset)

        monkeypatch.setattr(os, "pwrite", pwrite)
        engine = TransferEngine(hostile_storage, small_options(
            conflict=ConflictPolicy.OVERWRITE, small_lane=False), Journal.in_dir(box.data))
    try:
        engine.download_prefix(BUCKET, "d/", box.target)
        rows = settle(engine)  # type: ignore[arg-type]
    finally:
        engine.shutdown()
    right, outcome = judge(rows, fail=["d/big.bin"], either=["d/small.bin", "d/keep.bin"])
    full = next((r.error for r in rows if r.key == "d/big.bin"), "")
    if right and "full" not in full.lower():
        right, outcome = False, f"big.bin: “{full[:80]}” does not say the disk is full"
    outcome = ("tmpfs: " if small_disk else "simulated ENOSPC: ") + outcome
    audit.finish(right, outcome, local={"d/small.bin": objects["d/small.bin"],
                                        "d/keep.bin": (b"keep me", objects["d/keep.bin"])},
                 texts=errors_of(rows))


def test_clock_20_minutes_off(s3_server: ConnectionSettings, storage: MinioStorage,
                              bucket: str, box: Box, audit: Audit,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine process runs with its clock 20 minutes ahead (libfaketime)."""
    assert LIBFAKETIME.exists(), "libfaketime is missing: `make reliability` installs it"
    audit.canaries.append(s3_server.secret_key)
    objects = {"clock/small.bin": os.urandom(64 * 1024), "clock/big.bin": os.urandom(12 * MiB)}
    for key, data in objects.items():
        storage.put_bytes(bucket, key, data, "application/octet-stream",
                          {SHA256_META: hashlib.sha256(data).hexdigest()})
    write_file(box.src / "up-small.txt", 300)
    write_file(box.src / "up-big.bin", 12 * MiB)
    monkeypatch.setenv("LD_PRELOAD", str(LIBFAKETIME))
    monkeypatch.setenv("FAKETIME", "+20m")
    monkeypatch.setenv("FAKETIME_DONT_FAKE_MONOTONIC", "1")
    engine = engine_for(storage, box.data)
    monkeypatch.delenv("LD_PRELOAD")
    listing_error = ""
    try:
        engine.download_objects(bucket, list(storage.iter_objects(bucket, "clock/")),
                                box.target, "clock/")
        engine.upload_paths([box.src / "up-small.txt", box.src / "up-big.bin"], bucket,
                            "clock-up/")
        try:
            engine.download_prefix(bucket, "clock/", box.target / "again")
        except AppError as exc:
            listing_error = exc.user_text()
        rows = settle(engine)
    finally:
        engine.shutdown()
    # What goes through is fine as long as it is right (presigned small-file GETs may be
    # let through); what fails must say it is the clock.
    keys = ["clock/small.bin", "clock/big.bin", "clock-up/up-small.txt", "clock-up/up-big.bin"]
    right, outcome = judge(rows, either=keys)
    texts = [*errors_of(rows), listing_error]
    if right and not all("clock" in t.lower() for t in texts):
        right, outcome = False, f"not every message names the clock: {texts}"
    if not clear(listing_error):
        right, outcome = False, f"folder listing: “{listing_error[:80]}”; {outcome}"
    sources = {f"clock-up/{p.name}": p.read_bytes() for p in box.src.iterdir()}
    there = {o.key: read_all(storage, bucket, o.key)
             for o in storage.iter_objects(bucket, "clock-up/")}
    audit.finish(right, outcome, local={k.removeprefix("clock/"): v for k, v in objects.items()},
                 remote=(there, sources), uploads=uploads_of(storage, bucket), texts=texts)
