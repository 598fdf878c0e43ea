"""Retries against a fault-injecting proxy: reset connections, truncated bodies and a 503 with
Retry-After all end with the right bytes."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.transfer_types import SHA256_META
from desktop_app.storage.minio_storage import MinioStorage
from desktop_app.transfers.engine import TransferEngine, temp_files
from desktop_app.transfers.options import MiB
from desktop_app.transfers.state import State
from tests.fault_proxy import Fault, FaultProxy
from tests.helpers import put_bytes
from tests.transfer_helpers import errors, sha_of, small_options, states, write_file

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
    assert storage.stat(bucket, "big.bin").metadata[SHA256_META] == sha
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
