"""Pause and cancel stop the bytes at once, under a bandwidth limit too (the real server).

Two 40 MiB files at 4 MiB/s: a limiter that sleeps without looking at the transfer's
signals, or a worker that sends what it had already paid for, keeps moving bytes after the
row says Paused or Cancelled. The tests count what the storage is asked to send or is read
from, and the rows' progress, after the command; they never assert on how long it took.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.transfer_types import ObjectBody
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.options import MiB, TransferOptions
from desktop_app.transfers.partial import temp_files
from desktop_app.transfers.retry import RetryPolicy
from desktop_app.transfers.state import State
from tests.transfer_helpers import errors, states, wait_until, write_file

pytestmark = pytest.mark.real_server

SIZE = 40 * MiB
CHUNK = TransferOptions().chunk_size  # the most a row's progress may still rise by
# The most that may still go out: a read already under way, or an upload part whose bytes
# the limiter had let through just before (the SDK sends a part whole, in milliseconds here).
IN_FLIGHT = {"download": CHUNK, "upload": TransferOptions().part_size}


class CountingStorage:
    """The real storage, counting per key the bytes handed to it to send and the bytes
    read from its download bodies."""

    def __init__(self, real: MinioStorage) -> None:
        self.real = real
        self.moved: dict[str, int] = {}
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def count(self, key: str, amount: int) -> None:
        with self._lock:
            self.moved[key] = self.moved.get(key, 0) + amount

    def total(self, keys: list[str]) -> int:
        with self._lock:
            return sum(self.moved.get(k, 0) for k in keys)

    def put_bytes(self, bucket: str, key: str, data: bytes, *args: Any, **kwargs: Any) -> str:
        self.count(key, len(data))
        return self.real.put_bytes(bucket, key, data, *args, **kwargs)

    def upload_part(self, bucket: str, key: str, upload_id: str, number: int,
                    data: bytes, **kw: Any) -> str:
        self.count(key, len(data))
        return self.real.upload_part(bucket, key, upload_id, number, data, **kw)

    def open_object(self, bucket: str, key: str, *args: Any, **kwargs: Any) -> ObjectBody:
        opened = self.real.open_object(bucket, key, *args, **kwargs)
        return dataclasses.replace(opened, body=CountingBody(opened.body, key, self))


class CountingBody:
    def __init__(self, body: Any, key: str, counter: CountingStorage) -> None:
        self._body = body
        self._key = key
        self._counter = counter

    def readinto(self, buffer: memoryview) -> int:
        n = int(self._body.readinto(buffer))
        self._counter.count(self._key, n)
        return n

    def close(self) -> None:
        self._body.close()


def limited_engine(storage: CountingStorage) -> TransferEngine:
    """The engine's default sizes (8 MiB parts, 1 MiB reads) at 4 MiB/s for everything."""
    options = TransferOptions(bandwidth_limit=4 * MiB,
                              retry=RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05))
    return TransferEngine(storage, options)  # type: ignore[arg-type]


def two_files(tmp_path: Path) -> list[Path]:
    files = [tmp_path / "src" / "a.bin", tmp_path / "src" / "b.bin"]
    for seed, path in enumerate(files):
        write_file(path, SIZE, seed=seed)
    return files


def start(direction: str, storage: MinioStorage, counting: CountingStorage, bucket: str,
          tmp_path: Path) -> tuple[TransferEngine, list[int], Path]:
    """Both files moving (each has made some progress) in a limited engine."""
    files = two_files(tmp_path)
    dest = tmp_path / "dest"
    dest.mkdir()
    if direction == "download":
        fast = TransferEngine(storage, TransferOptions(small_lane=False))
        fast.upload_paths(files, bucket)
        assert fast.wait(120)
        fast.shutdown()
    engine = limited_engine(counting)
    if direction == "upload":
        ids = engine.upload_paths(files, bucket)
    else:
        ids = engine.download_objects(bucket, list(storage.iter_objects(bucket, "")), dest)
    wait_until(lambda: all(done(engine, i) > 0 for i in ids), 60)
    return engine, ids, dest


def done(engine: TransferEngine, tid: int) -> int:
    transfer = engine.get(tid)
    assert transfer is not None
    return transfer.done_bytes


def keys_of(engine: TransferEngine, ids: list[int]) -> list[str]:
    return [t.key for t in (engine.get(i) for i in ids) if t is not None]


def after(engine: TransferEngine, ids: list[int], counting: CountingStorage,
          command: Callable[[], None], settled: Callable[[], bool]) -> tuple[int, int]:
    """Run `command`, watch until `settled` (the workers are done with it), then 1.5 s more;
    returns (bytes moved for these rows since the command, the most any row's progress rose
    above where it stood when the command was given)."""
    keys = keys_of(engine, ids)
    command()
    moved_before = counting.total(keys)
    shown = {i: done(engine, i) for i in ids}
    peak = dict(shown)

    def look() -> None:
        for i in ids:
            peak[i] = max(peak[i], done(engine, i))

    deadline = time.monotonic() + 60
    while not settled():
        assert time.monotonic() < deadline, "the workers did not stop"
        look()
        time.sleep(0.02)
    end = time.monotonic() + 1.5
    while time.monotonic() < end:
        look()
        time.sleep(0.02)
    return counting.total(keys) - moved_before, max(peak[i] - shown[i] for i in ids)


def idle(engine: TransferEngine) -> Callable[[], bool]:
    return lambda: engine.wait(0)


def in_state(engine: TransferEngine, ids: list[int], state: State) -> Callable[[], bool]:
    return lambda: set(states(engine, ids).values()) == {state}


@pytest.mark.parametrize("direction", ["upload", "download"])
def test_pause_stops_the_bytes_under_a_bandwidth_limit(
        storage: MinioStorage, bucket: str, tmp_path: Path, direction: str) -> None:
    counting = CountingStorage(storage)
    engine, ids, _dest = start(direction, storage, counting, bucket, tmp_path)
    moved, rose = after(engine, ids, counting, lambda: engine.pause(ids), idle(engine))
    assert moved <= IN_FLIGHT[direction], f"{moved / MiB:.1f} MiB moved after the pause"
    assert rose <= CHUNK, f"the progress rose by {rose / MiB:.1f} MiB after the pause"
    assert set(states(engine, ids).values()) == {State.PAUSED}
    engine.cancel(ids)
    assert engine.wait(30)
    engine.shutdown()


@pytest.mark.parametrize("direction", ["upload", "download"])
def test_cancel_of_a_running_row_stops_its_bytes(
        storage: MinioStorage, bucket: str, tmp_path: Path, direction: str) -> None:
    counting = CountingStorage(storage)
    engine, ids, dest = start(direction, storage, counting, bucket, tmp_path)
    first, other = ids
    moved, rose = after(engine, [first], counting, lambda: engine.cancel([first]),
                        in_state(engine, [first], State.CANCELLED))
    assert moved <= IN_FLIGHT[direction], f"{moved / MiB:.1f} MiB moved after the cancel"
    assert rose <= CHUNK, f"the progress rose by {rose / MiB:.1f} MiB after the cancel"
    assert states(engine, [other])[other] is not State.CANCELLED  # only the one asked for
    engine.cancel([other])
    assert engine.wait(30)
    assert set(states(engine, ids).values()) == {State.CANCELLED}
    if direction == "upload":
        assert storage.list_multipart_uploads(bucket) == []
    else:
        assert temp_files(dest) == []
    engine.shutdown()


@pytest.mark.parametrize("direction", ["upload", "download"])
def test_a_batch_paused_resumed_and_cancelled_ends_cancelled(
        storage: MinioStorage, bucket: str, tmp_path: Path, direction: str) -> None:
    counting = CountingStorage(storage)
    engine, ids, dest = start(direction, storage, counting, bucket, tmp_path)
    engine.pause(ids)
    engine.resume(ids)  # the paused workers may still be unwinding
    engine.cancel(ids)
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.CANCELLED}, errors(engine)
    if direction == "upload":
        assert storage.list_multipart_uploads(bucket) == []
        assert list(storage.iter_objects(bucket, "")) == []
    else:
        assert temp_files(dest) == []
        assert list(dest.iterdir()) == []
    engine.shutdown()
