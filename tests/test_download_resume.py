"""Big downloads continue after a pause, a quit or a crash, from the saved front of their
temp file, and never through a temp file that is no longer theirs."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
from pathlib import Path

import pytest

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.transfer_types import ObjectBody
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import MiB, TransferOptions
from desktop_app.transfers.partial import temp_files
from desktop_app.transfers.state import State
from tests.helpers import put_bytes
from tests.transfer_helpers import (
    errors,
    sha_of,
    small_options,
    start_engine_child,
    states,
    wait_until,
    write_file,
)

pytestmark = pytest.mark.real_server

SIZE = 40 * MiB + 5  # nine 5 MiB ranges


class RangeLog:
    """The real storage, recording the offset of every ranged GET."""

    def __init__(self, real: MinioStorage) -> None:
        self.real = real
        self.offsets: list[int] = []
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def open_object(self, bucket: str, key: str, offset: int = 0, length: int | None = None,
                    if_match: str | None = None) -> ObjectBody:
        with self._lock:
            self.offsets.append(offset)
        return self.real.open_object(bucket, key, offset, length, if_match)


def _uploaded(storage: MinioStorage, bucket: str, tmp_path: Path) -> str:
    """A 40 MiB object carrying its `sha256` (sent by our engine); returns that hash."""
    src = tmp_path / "src" / "big.bin"
    sha = write_file(src, SIZE, seed=5)
    engine = TransferEngine(storage, small_options(), Journal.memory())
    engine.upload_paths([src], bucket)
    assert engine.wait(60)
    engine.shutdown()
    return sha


def _slow(**changes: object) -> TransferOptions:
    """One range at a time at 8 MiB/s, the front journalled every range."""
    return small_options(parts_per_file=1, bandwidth_limit=8 * MiB, resume_step=5 * MiB,
                         resume_interval_s=0, **changes)


def _saved(journal: Journal, engine: TransferEngine, tid: int) -> int:
    jid = engine.get(tid).journal_id  # type: ignore[union-attr]
    record = journal.download_for(jid) if jid is not None else None
    return record.saved if record is not None else 0


def _paused_midway(storage: MinioStorage, bucket: str, tmp_path: Path
                   ) -> tuple[TransferEngine, RangeLog, Journal, int, Path]:
    log = RangeLog(storage)
    journal = Journal.in_dir(tmp_path / "data")
    engine = TransferEngine(log, _slow(), journal)  # type: ignore[arg-type]
    dest = tmp_path / "dest"
    dest.mkdir()
    (tid,) = engine.download_objects(bucket, list(storage.iter_objects(bucket, "")), dest)
    wait_until(lambda: _saved(journal, engine, tid) >= 10 * MiB)
    engine.pause([tid])
    assert engine.wait(30)
    return engine, log, journal, tid, dest


def _resume_to_done(engine: TransferEngine, log: RangeLog, tid: int) -> None:
    log.offsets.clear()
    engine.resume([tid])
    assert engine.wait(60)
    assert states(engine, [tid]) == {tid: State.DONE}


def test_a_paused_download_keeps_its_temp_file_and_continues_from_the_saved_front(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    sha = _uploaded(storage, bucket, tmp_path)
    engine, log, journal, tid, dest = _paused_midway(storage, bucket, tmp_path)
    assert states(engine, [tid]) == {tid: State.PAUSED}
    (temp,) = temp_files(dest)
    saved = _saved(journal, engine, tid)
    assert saved % (5 * MiB) == 0
    assert 10 * MiB <= saved < SIZE
    assert temp.stat().st_size >= saved
    assert not (dest / "big.bin").exists()

    _resume_to_done(engine, log, tid)
    assert log.offsets
    assert min(log.offsets) == saved
    assert sha_of(dest / "big.bin") == sha  # the whole file checked, the kept part included
    assert temp_files(dest) == []
    assert journal.download_for(engine.get(tid).journal_id or 0) is None
    assert journal.pending() == []
    engine.shutdown()


def test_a_download_cut_off_by_quitting_continues_in_the_next_run(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    sha = _uploaded(storage, bucket, tmp_path)
    journal = Journal.in_dir(tmp_path / "data")
    engine = TransferEngine(storage, _slow(), journal)
    dest = tmp_path / "dest"
    dest.mkdir()
    (tid,) = engine.download_objects(bucket, list(storage.iter_objects(bucket, "")), dest)
    wait_until(lambda: _saved(journal, engine, tid) >= 10 * MiB)
    engine.shutdown()  # the app quits
    saved = _saved(journal, engine, tid)
    assert len(temp_files(dest)) == 1

    log = RangeLog(storage)
    again = TransferEngine(log, small_options(), journal)  # type: ignore[arg-type]
    (restored,) = again.restore()
    assert again.wait(60)
    assert states(again, [restored]) == {restored: State.DONE}
    assert min(log.offsets) == saved
    assert sha_of(dest / "big.bin") == sha
    assert temp_files(dest) == []
    again.shutdown()


def test_cancelling_a_paused_download_removes_its_temp_file(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    _uploaded(storage, bucket, tmp_path)
    engine, _log, journal, tid, dest = _paused_midway(storage, bucket, tmp_path)
    jid = engine.get(tid).journal_id
    assert jid is not None
    assert temp_files(dest)
    engine.cancel([tid])
    assert states(engine, [tid]) == {tid: State.CANCELLED}
    assert temp_files(dest) == []
    assert list(dest.iterdir()) == []
    assert journal.download_for(jid) is None
    engine.shutdown()


def test_an_object_replaced_during_the_pause_fails_and_its_temp_file_goes(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    _uploaded(storage, bucket, tmp_path)
    engine, _log, _journal, tid, dest = _paused_midway(storage, bucket, tmp_path)
    put_bytes(storage, bucket, "big.bin", b"a new version" * 1000)
    engine.resume([tid])
    assert engine.wait(30)
    assert states(engine, [tid]) == {tid: State.FAILED}
    message = errors(engine)[0]
    assert "replaced on the server" in message
    assert "precondition" in message
    assert temp_files(dest) == []
    assert list(dest.iterdir()) == []
    engine.shutdown()


def test_a_kept_front_that_lost_bytes_is_caught_and_the_download_starts_over(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    sha = _uploaded(storage, bucket, tmp_path)
    engine, log, _journal, tid, dest = _paused_midway(storage, bucket, tmp_path)
    (temp,) = temp_files(dest)
    with open(temp, "r+b") as handle:  # what a power cut can leave of unflushed pages
        handle.write(bytes(4096))
    _resume_to_done(engine, log, tid)
    assert log.offsets[0] > 0  # it first continued from the front...
    assert log.offsets.count(0) == 1  # ...then the hash failed and it went again from zero
    assert sha_of(dest / "big.bin") == sha
    assert temp_files(dest) == []
    engine.shutdown()


def test_a_temp_file_swapped_for_a_symlink_is_not_written_through(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    sha = _uploaded(storage, bucket, tmp_path)
    engine, log, _journal, tid, dest = _paused_midway(storage, bucket, tmp_path)
    (temp,) = temp_files(dest)
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"not yours")
    temp.unlink()
    temp.symlink_to(outside)
    _resume_to_done(engine, log, tid)
    assert 0 in log.offsets  # started again from zero, in a fresh temp file
    assert sha_of(dest / "big.bin") == sha
    assert outside.read_bytes() == b"not yours"
    assert temp.is_symlink()  # not ours: left where it is, never followed or removed
    engine.shutdown()


CHILD = """
import json, os
from pathlib import Path
from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import MiB, TransferOptions
from tests.transfer_helpers import small_options

cfg = json.loads(os.environ["TRANSFER_CHILD"])
storage = MinioStorage(ConnectionSettings(**cfg["settings"]))
options = small_options(parts_per_file=1, bandwidth_limit=8 * MiB, resume_step=5 * MiB,
                        resume_interval_s=0)
engine = TransferEngine(storage, options, Journal.in_dir(Path(cfg["data"])))
engine.download_objects(cfg["bucket"], list(storage.iter_objects(cfg["bucket"], "")),
                        Path(cfg["dest"]))
engine.wait(120)
"""


def _journal_saved(data: Path) -> int:
    if not (data / Journal.FILE_NAME).exists():
        return 0
    db = sqlite3.connect(data / Journal.FILE_NAME)
    try:
        row = db.execute("SELECT max(saved) FROM downloads").fetchone()
        return int(row[0] or 0)
    except sqlite3.OperationalError:
        return 0
    finally:
        db.close()


def test_a_killed_download_resumes_from_the_saved_front(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    # No `sha256` on this object: the saved front is all there is to trust after a crash.
    data_bytes = os.urandom(SIZE)
    put_bytes(storage, bucket, "plain.bin", data_bytes)
    data, dest = tmp_path / "data", tmp_path / "dest"
    dest.mkdir()
    child = start_engine_child(CHILD, s3_server, data=str(data), dest=str(dest), bucket=bucket)
    try:
        wait_until(lambda: _journal_saved(data) >= 10 * MiB or child.poll() is not None, 60)
        assert child.poll() is None, "the child ended before it could be killed"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()

    saved = _journal_saved(data)
    (temp,) = temp_files(dest)
    journal = Journal.in_dir(data)
    log = RangeLog(storage)
    engine = TransferEngine(log, small_options(), journal)  # type: ignore[arg-type]
    (tid,) = engine.restore()
    assert engine.wait(60)
    assert states(engine, [tid]) == {tid: State.DONE}
    assert min(log.offsets) == saved
    assert (dest / "plain.bin").read_bytes() == data_bytes
    assert not temp.exists()
    assert temp_files(dest) == []
    assert journal.pending() == []
    engine.shutdown()


def test_restored_paused_rows_show_what_they_already_have(tmp_path: Path) -> None:
    from desktop_app.core.transfer_types import PartInfo
    from desktop_app.transfers.journal import DownloadRecord, UploadRecord

    journal = Journal.in_dir(tmp_path / "data")
    down, up = journal.add_items([
        (1, "download", "b", "big.bin", str(tmp_path / "big.bin"), str(tmp_path), SIZE, "e1",
         "paused"),
        (2, "upload", "b", "up.bin", str(tmp_path / "up.bin"), None, 12 * MiB, "", "paused"),
    ])
    journal.download_started(down, DownloadRecord(str(tmp_path / ".minio-desktop-x.part"),
                                                  "e1", SIZE, 5 * MiB, 1, 2, 15 * MiB))
    journal.upload_started(up, "b", "up.bin", UploadRecord("u1", 5 * MiB, "0" * 64,
                                                           12 * MiB, 1))
    journal.part_done(up, PartInfo(1, "p1", 5 * MiB))
    journal.part_done(up, PartInfo(3, "p3", 2 * MiB))
    engine = TransferEngine(object(), small_options(), journal)  # type: ignore[arg-type]
    engine.restore()  # paused rows are not started: no storage needed
    assert {v.key: v.done_bytes for v in engine.snapshot()} == {
        "big.bin": 15 * MiB, "up.bin": 7 * MiB}  # not 0 % after a restart
    engine.shutdown()
