"""Retries against a fault-injecting proxy: reset connections, truncated bodies and a 503 with
Retry-After all end with the right bytes."""

from __future__ import annotations

import dataclasses
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.core.checksums import Crc
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import NotFound
from desktop_app.core.transfer_errors import TransientError
from desktop_app.core.transfer_types import PartInfo
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.options import MiB
from desktop_app.transfers.partial import temp_files
from desktop_app.transfers.retry import RetryPolicy
from desktop_app.transfers.state import State
from tests.fault_proxy import Fault, FaultProxy
from tests.helpers import put_bytes
from tests.transfer_helpers import (
    crc64_of,
    errors,
    sha_of,
    small_options,
    states,
    stored_crc64,
    wait_until,
    write_file,
)

pytestmark = pytest.mark.real_server


def test_retries_survive_resets_truncation_and_slowdown(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path) -> None:
    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    slept: list[float] = []

    def recording_sleep(_event: threading.Event) -> Callable[[float], None]:
        return slept.append

    engine = TransferEngine(via_proxy, small_options())
    engine.ctx.sleep = recording_sleep
    proxy.faults = [
        Fault("reset", lambda m, p, h: m == "PUT" and "partNumber=2" in p),
        Fault("503", lambda m, p, h: m == "PUT" and "partNumber=3" in p),
        Fault("503", lambda m, p, h: m == "POST" and "uploadId=" in p),
        Fault("reset", lambda m, p, h: m == "PUT" and "small.txt" in p),
    ]
    src = tmp_path / "src"
    sha = write_file(src / "big.bin", 14 * MiB + 5, seed=9)
    (src / "small.txt").write_text("small but retried\n")
    ids = engine.upload_paths([src / "big.bin", src / "small.txt"], bucket)
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    assert sorted(proxy.fired) == ["503", "503", "reset", "reset"]
    assert slept.count(1.0) == 2  # Retry-After: 1 honoured for both 503s
    assert stored_crc64(storage, bucket, "big.bin") == crc64_of(src / "big.bin")
    assert storage.list_multipart_uploads(bucket) == []

    proxy.faults = [
        Fault("truncate", lambda m, p, h: m == "GET" and h.get("Range", "").startswith(
            "bytes=5242880")),
        Fault("reset", lambda m, p, h: m == "GET" and h.get("Range", "").startswith(
            "bytes=10485760")),
        Fault("truncate", lambda m, p, h: m == "GET" and "small.txt" in p),
    ]
    proxy.fired.clear()
    dest = tmp_path / "dest"
    dest.mkdir()
    ids = engine.download_objects(bucket, list(storage.iter_objects(bucket, "")), dest)
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    assert sorted(proxy.fired) == ["reset", "truncate", "truncate"]
    assert sha_of(dest / "big.bin") == sha
    assert (dest / "small.txt").read_text() == "small but retried\n"
    assert temp_files(dest) == []
    engine.shutdown()
    via_proxy.close()


def test_after_the_last_retry_the_item_fails_with_the_reason_and_can_be_retried(
        s3_server: ConnectionSettings, bucket: str, proxy: FaultProxy, tmp_path: Path) -> None:
    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    engine = TransferEngine(via_proxy, small_options())
    engine.ctx.sleep = lambda _e: (lambda _s: None)
    proxy.faults = [Fault("503", lambda m, p, h: m == "PUT") for _ in range(4)]
    src = tmp_path / "x.txt"
    src.write_text("x")
    (item,) = engine.upload_paths([src], bucket)
    assert engine.wait(30)
    assert states(engine, [item]) == {item: State.FAILED}
    assert "SlowDown" in errors(engine)[0]
    engine.retry([item])
    assert engine.wait(30)
    assert states(engine, [item]) == {item: State.DONE}
    engine.shutdown()
    via_proxy.close()


def test_downloads_reuse_connections(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path) -> None:
    """A complete GET gives its connection back to the pool; one broken mid-body does not.

    The threaded path's pool: the small lane (which has its own) is off here."""
    for n in range(30):
        put_bytes(storage, bucket, f"many/{n:02d}.txt", f"file {n}\n".encode() * 100)
    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    engine = TransferEngine(via_proxy, small_options(files_at_once=2, small_lane=False))
    dest = tmp_path / "dest"
    dest.mkdir()
    proxy.faults = [Fault("truncate", lambda m, p, h: m == "GET" and "many/07.txt" in p)]
    ids = engine.download_prefix(bucket, "many/", dest)
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    assert proxy.fired == ["truncate"]
    assert (dest / "many" / "07.txt").read_bytes() == b"file 7\n" * 100
    # 2 workers, plus the listing's and the broken one's replacements; 31 without reuse.
    assert proxy.connections <= 5, proxy.connections
    engine.shutdown()
    via_proxy.close()


def _outage_engine(s3_server: ConnectionSettings, proxy: FaultProxy, outage_s: float
                   ) -> tuple[TransferEngine, MinioStorage]:
    """Two tries, under half a second apart: without outage handling, a cut of a few
    seconds fails every file in flight."""
    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    retry = RetryPolicy(attempts=2, base_delay=0.1, max_delay=0.4, outage_s=outage_s)
    return TransferEngine(via_proxy, small_options(retry=retry, bandwidth_limit=4 * MiB)), \
        via_proxy


def _ride_out(engine: TransferEngine, proxy: FaultProxy, ids: list[int]) -> None:
    """The proxy is down: rows wait for the server instead of failing; then it is back."""
    wait_until(lambda: any("Waiting for the server" in v.error for v in engine.snapshot()
                           if v.state is State.RETRYING))
    time.sleep(3)  # far longer than two tries take
    assert State.FAILED not in states(engine, ids).values(), errors(engine)
    proxy.come_back()


def test_a_server_outage_is_waited_out_and_the_batch_finishes(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path) -> None:
    engine, via_proxy = _outage_engine(s3_server, proxy, outage_s=60)
    src = tmp_path / "src"
    shas = {f"f{i}.bin": write_file(src / f"f{i}.bin", size, seed=i)
            for i, size in enumerate([12 * MiB + 1, 300_000, 2, 4 * MiB])}
    ids = engine.upload_paths(sorted(src.iterdir()), bucket)
    wait_until(lambda: sum(engine.get(i).done_bytes for i in ids) > MiB)  # type: ignore[union-attr]
    proxy.go_down()  # mid-upload: open connections break, new ones are refused
    _ride_out(engine, proxy, ids)
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    for path in src.iterdir():
        assert stored_crc64(storage, bucket, path.name) == crc64_of(path)
    assert storage.list_multipart_uploads(bucket) == []

    dest = tmp_path / "dest"
    dest.mkdir()
    proxy.go_down()  # before the downloads start (a cut later would not be seen: the
    # proxy answers each request in one go, and loopback buffers hold whole responses)
    ids = engine.download_objects(bucket, list(storage.iter_objects(bucket, "")), dest)
    _ride_out(engine, proxy, ids)
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    assert {name: sha_of(dest / name) for name in shas} == shas
    assert temp_files(dest) == []
    engine.shutdown()
    via_proxy.close()


def test_an_outage_longer_than_the_wait_fails_with_the_reason_and_can_be_retried(
        s3_server: ConnectionSettings, bucket: str, proxy: FaultProxy, tmp_path: Path) -> None:
    engine, via_proxy = _outage_engine(s3_server, proxy, outage_s=1)
    src = tmp_path / "big.bin"
    write_file(src, 12 * MiB)
    (tid,) = engine.upload_paths([src], bucket)
    wait_until(lambda: engine.get(tid).done_bytes > 0)  # type: ignore[union-attr]
    proxy.go_down()
    assert engine.wait(30)
    assert states(engine, [tid]) == {tid: State.FAILED}
    (message,) = errors(engine)
    assert "refused the connection" in message or "broke" in message
    proxy.come_back()
    engine.retry([tid])
    assert engine.wait(60)
    assert states(engine, [tid]) == {tid: State.DONE}
    engine.shutdown()
    via_proxy.close()


class LongestWait(random.Random):
    """Every backoff is its ceiling: no lucky short wait can make a test pass."""

    def uniform(self, a: float, b: float) -> float:
        return b


def test_transfers_go_on_as_soon_as_the_server_is_back(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path) -> None:
    """Waiting rows do not sit out their backoff (ten minutes here) once the outage is over:
    the server's port answering wakes them, and uploads and downloads both finish."""
    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    retry = RetryPolicy(attempts=2, base_delay=600, max_delay=600, rng=LongestWait())
    engine = TransferEngine(via_proxy, small_options(retry=retry, server_probe_s=0.2))
    src = tmp_path / "src"
    shas = {f"f{i}.bin": write_file(src / f"f{i}.bin", size, seed=i)
            for i, size in enumerate([6 * MiB, 3000, 1])}
    proxy.go_down()
    ids = engine.upload_paths(sorted(src.iterdir()), bucket)
    wait_until(lambda: all("Waiting for the server" in engine.get(i).error  # type: ignore[union-attr]
                           for i in ids))
    proxy.come_back()
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    for path in src.iterdir():
        assert stored_crc64(storage, bucket, path.name) == crc64_of(path)

    dest = tmp_path / "dest"
    dest.mkdir()
    proxy.go_down()
    ids = engine.download_objects(bucket, list(storage.iter_objects(bucket, "")), dest)
    wait_until(lambda: all("Waiting for the server" in engine.get(i).error  # type: ignore[union-attr]
                           for i in ids))
    proxy.come_back()
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    assert {name: sha_of(dest / name) for name in shas} == shas
    engine.shutdown()
    via_proxy.close()


class LosesTheCompletion:
    """Completes the upload on the real server but reports a broken connection; asked again,
    answers NoSuchUpload as AWS and MinIO do (SeaweedFS accepts a second completion)."""

    def __init__(self, real: MinioStorage) -> None:
        self.real = real
        self.completions = 0

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def complete_multipart(self, bucket: str, key: str, upload_id: str,
                           parts: list[PartInfo], checksum: Crc | None = None) -> str:
        self.completions += 1
        if self.completions == 1:
            self.real.complete_multipart(bucket, key, upload_id, parts, checksum)
            raise TransientError("The connection broke while finishing the upload.")
        raise NotFound(f"The upload of “{key}” is no longer on the server.")


def test_a_completed_upload_whose_answer_was_lost_ends_done(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    """The retry finds no such upload; the object there with these bytes means it arrived."""
    src = tmp_path / "big.bin"
    write_file(src, 12 * MiB + 3, seed=4)
    losing = LosesTheCompletion(storage)
    engine = TransferEngine(losing, small_options())  # type: ignore[arg-type]
    (tid,) = engine.upload_paths([src], bucket)
    assert engine.wait(60)
    assert states(engine, [tid]) == {tid: State.DONE}, errors(engine)
    assert losing.completions == 2
    assert stored_crc64(storage, bucket, "big.bin") == crc64_of(src)
    assert storage.list_multipart_uploads(bucket) == []
    engine.shutdown()
