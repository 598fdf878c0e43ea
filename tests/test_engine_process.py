"""The engine in its own process, against the real server: calls, posted commands, the row
mirror, conflict questions answered in the parent, a crash, and a clean stop."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import psutil
import pytest

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import AppError
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.conflicts import Conflict
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.engine_process import EngineGone, EngineProcess
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import ConflictPolicy, MiB
from desktop_app.transfers.partial import temp_files
from desktop_app.transfers.state import State
from tests.helpers import put_bytes
from tests.transfer_helpers import sha_of, small_options, wait_until, write_file

pytestmark = pytest.mark.real_server


def states(engine: EngineProcess) -> dict[str, State]:
    return {v.name: v.state for v in engine.snapshot()}


@pytest.fixture
def engine(storage: MinioStorage, tmp_path: Path) -> EngineProcess:
    process = EngineProcess(storage, storage.transfer_factory(),
                            small_options(conflict=ConflictPolicy.ASK),
                            Journal.path_for_server(tmp_path / "data", storage.endpoint_url,
                                                    storage.settings.access_key))
    yield process  # type: ignore[misc]
    process.shutdown()


def test_round_trip_and_the_row_mirror(engine: EngineProcess, storage: MinioStorage,
                                       bucket: str, tmp_path: Path) -> None:
    shas = {n: write_file(tmp_path / "src" / n, size, seed=i)
            for i, (n, size) in enumerate([("big.bin", 12 * MiB + 3), ("small.txt", 10)])}
    ids = engine.upload_paths(sorted((tmp_path / "src").iterdir()), bucket, "in/")
    # The rows a call adds are in the mirror when the call returns.
    assert [v.id for v in engine.snapshot()] == ids
    first = engine.changes(0, -1)
    assert first.reset
    assert [v.name for v in first.new] == ["big.bin", "small.txt"]
    assert engine.wait(60)
    wait_until(lambda: set(states(engine).values()) == {State.DONE})
    later = engine.changes(len(first.new), first.generation)
    assert not later.reset
    assert {v.state for v in later.changed} == {State.DONE}
    assert engine.changes(2, first.generation).changed == []  # nothing new since

    dest = tmp_path / "dest"
    dest.mkdir()
    engine.download_prefix(bucket, "in/", dest)
    assert engine.wait(60)
    for name, sha in shas.items():
        assert sha_of(dest / "in" / name) == sha
    assert temp_files(dest) == []
    engine.clear_finished()
    wait_until(lambda: engine.snapshot() == [])


@pytest.fixture
def slow_engine(storage: MinioStorage) -> EngineProcess:
    """2 MiB/s for the whole engine: transfers are still running when commands arrive."""
    process = EngineProcess(storage, storage.transfer_factory(),
                            small_options(bandwidth_limit=2 * MiB))
    yield process  # type: ignore[misc]
    process.shutdown()


def row(engine: EngineProcess, name: str) -> tuple[State, int]:
    view = next(v for v in engine.snapshot() if v.name == name)
    return view.state, view.done_bytes


def test_posted_commands_pause_resume_and_cancel(slow_engine: EngineProcess, bucket: str,
                                                 storage: MinioStorage, tmp_path: Path) -> None:
    put_bytes(storage, bucket, "a.bin", os.urandom(12 * MiB))
    dest = tmp_path / "dest"
    dest.mkdir()
    (item,) = slow_engine.download_objects(bucket, list(storage.iter_objects(bucket, "")), dest)
    wait_until(lambda: row(slow_engine, "a.bin")[1] > 0)
    slow_engine.pause([item])
    wait_until(lambda: row(slow_engine, "a.bin")[0] is State.PAUSED)
    slow_engine.resume([item])
    wait_until(lambda: row(slow_engine, "a.bin")[0] is State.RUNNING)
    slow_engine.cancel([item])
    wait_until(lambda: row(slow_engine, "a.bin")[0] is State.CANCELLED)
    assert slow_engine.wait(30)
    assert list(dest.iterdir()) == []  # no temp file, no partial file


def test_conflict_questions_are_answered_in_the_parent(engine: EngineProcess, bucket: str,
                                                       storage: MinioStorage,
                                                       tmp_path: Path) -> None:
    asked: list[Conflict] = []

    def resolver(conflict: Conflict, _check: object) -> tuple[ConflictPolicy, bool]:
        asked.append(conflict)
        return ConflictPolicy.KEEP_BOTH, True

    engine.set_conflict_resolver(resolver)
    (tmp_path / "same.txt").write_text("one")
    engine.upload_paths([tmp_path / "same.txt"], bucket)
    assert engine.wait(60)
    (tmp_path / "same.txt").write_text("two")
    engine.upload_paths([tmp_path / "same.txt"], bucket)
    assert engine.wait(60)
    assert [(c.upload, c.name) for c in asked] == [(True, "same.txt")]
    keys = sorted(o.key for o in storage.iter_objects(bucket, ""))
    assert keys == ["same (1).txt", "same.txt"]


def test_errors_of_calls_come_back_with_their_text(engine: EngineProcess,
                                                   tmp_path: Path) -> None:
    with pytest.raises(AppError) as caught:
        engine.download_prefix("no-such-bucket-here", "x/", tmp_path)
    assert "no-such-bucket-here" in caught.value.user_text()


def test_a_crashed_engine_fails_its_rows_and_calls_say_so(slow_engine: EngineProcess,
                                                          bucket: str, tmp_path: Path) -> None:
    write_file(tmp_path / "slow.bin", 12 * MiB)
    slow_engine.upload_paths([tmp_path / "slow.bin"], bucket)
    assert row(slow_engine, "slow.bin")[0] in (State.QUEUED, State.RUNNING)
    os.kill(slow_engine.pid, signal.SIGKILL)
    wait_until(lambda: row(slow_engine, "slow.bin")[0] is State.FAILED)
    assert "stopped unexpectedly" in slow_engine.snapshot()[0].error
    with pytest.raises(EngineGone):
        slow_engine.wait(1)


def test_the_child_gets_no_secret_on_its_command_line_or_environment(
        storage: MinioStorage, s3_server: ConnectionSettings, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINIO_SECRET_KEY", s3_server.secret_key)
    process = EngineProcess(storage, storage.transfer_factory(), small_options())
    try:
        child = psutil.Process(process.pid)
        assert process.wait(10)  # the child is up and answering
        assert s3_server.secret_key not in " ".join(child.cmdline())
        assert all(s3_server.secret_key not in v for v in child.environ().values())
    finally:
        process.shutdown()
    assert not psutil.pid_exists(process.pid) or psutil.Process(
        process.pid).status() == psutil.STATUS_ZOMBIE


def test_the_engine_process_yields_the_cpu_to_the_window(storage: MinioStorage) -> None:
    from desktop_app.transfers.engine_child import CHILD_NICENESS

    process = EngineProcess(storage, storage.transfer_factory(), small_options())
    try:
        assert process.wait(10)
        assert psutil.Process(process.pid).nice() == psutil.Process().nice() + CHILD_NICENESS
    finally:
        process.shutdown()


def test_the_engine_says_when_its_last_item_ends(storage: MinioStorage, bucket: str,
                                                 tmp_path: Path) -> None:
    """The child pushes its rows the moment nothing runs any more (`idle_listener`), not at
    the next interval: the end of a run is what the window waits to show."""
    engine = TransferEngine(storage, small_options())
    seen: list[int] = []
    engine.idle_listener = lambda: seen.append(engine._active)  # (under the engine's lock)
    for n in range(5):
        write_file(tmp_path / "up" / f"{n}.bin", 2000, seed=n)
    ids = engine.upload_paths([tmp_path / "up"], bucket)
    assert engine.wait(30)
    assert {v.state for v in engine.snapshot() if v.id in ids} == {State.DONE}
    assert seen  # told...
    assert set(seen) == {0}  # ...and only when nothing ran any more
    engine.shutdown()
