"""A transfer whose every try fails ends Failed with text that says so and what to do, not
that it "will be retried" (the real server behind the fault proxy)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.options import MiB
from desktop_app.transfers.retry import RetryPolicy
from desktop_app.transfers.state import State
from tests.fault_proxy import Fault, FaultProxy
from tests.helpers import put_bytes
from tests.transfer_helpers import errors, small_options, states

pytestmark = pytest.mark.real_server


def proxied_engine(s3_server: ConnectionSettings, proxy: FaultProxy, **changes: object
                   ) -> tuple[TransferEngine, MinioStorage, list[str]]:
    """Three tries, no real waiting; the texts rows show while they wait are collected."""
    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    retry = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.02, outage_s=0)
    engine = TransferEngine(via_proxy, small_options(retry=retry, small_lane=False, **changes))
    waiting: list[str] = []

    def sleep(_event: object) -> object:
        return lambda _s: waiting.extend(v.error for v in engine.snapshot()
                                         if v.state is State.RETRYING)

    engine.ctx.sleep = sleep  # type: ignore[assignment]
    return engine, via_proxy, waiting


def assert_failed_for_good(engine: TransferEngine, ids: list[int], cause: str) -> None:
    assert engine.wait(60)
    assert states(engine, ids) == dict.fromkeys(ids, State.FAILED)
    (text,) = errors(engine)
    assert cause in text
    assert "will be retried" not in text
    assert "failed after 3 tries" in text
    assert "press Retry" in text


def test_an_upload_refused_on_every_try_says_it_failed(
        s3_server: ConnectionSettings, bucket: str, proxy: FaultProxy, tmp_path: Path) -> None:
    engine, via_proxy, waiting = proxied_engine(s3_server, proxy)
    proxy.faults = [Fault("503", lambda m, p, h: m == "PUT") for _ in range(20)]
    src = tmp_path / "x.txt"
    src.write_text("x")
    ids = engine.upload_paths([src], bucket)
    assert_failed_for_good(engine, ids, "SlowDown")
    assert waiting
    assert all("will be retried" in text for text in waiting)
    engine.shutdown()
    via_proxy.close()


def test_a_download_cut_short_on_every_try_says_it_failed(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path) -> None:
    put_bytes(storage, bucket, "cut.bin", b"y" * (2 * MiB))
    engine, via_proxy, waiting = proxied_engine(s3_server, proxy)
    proxy.faults = [Fault("truncate", lambda m, p, h: m == "GET" and "cut.bin" in p)
                    for _ in range(20)]
    dest = tmp_path / "dest"
    dest.mkdir()
    ids = engine.download_objects(bucket, list(storage.iter_objects(bucket, "")), dest)
    assert_failed_for_good(engine, ids, "cut.bin")
    assert waiting
    assert all("will be retried" in text for text in waiting)
    engine.shutdown()
    via_proxy.close()


def test_a_server_that_is_down_fails_after_the_tries_when_not_waited_for(
        s3_server: ConnectionSettings, bucket: str, proxy: FaultProxy, tmp_path: Path) -> None:
    engine, via_proxy, _waiting = proxied_engine(s3_server, proxy)
    proxy.go_down()
    src = tmp_path / "x.txt"
    src.write_text("x")
    ids = engine.upload_paths([src], bucket)
    assert_failed_for_good(engine, ids, "refused the connection")
    proxy.come_back()
    engine.shutdown()
    via_proxy.close()
