"""Crash and restart: an engine killed mid-upload resumes from the journal's finished parts."""

from __future__ import annotations

import signal
import sqlite3
import time
from pathlib import Path

import pytest

from desktop_app.core.checksums import Crc
from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import MiB
from desktop_app.transfers.state import State
from tests.transfer_helpers import (
    crc64_of,
    small_options,
    start_engine_child,
    stored_crc64,
    write_file,
)

pytestmark = pytest.mark.real_server

CHILD = """
import json, os, sys, time
from pathlib import Path
from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.journal import Journal
from tests.transfer_helpers import small_options

cfg = json.loads(os.environ["TRANSFER_CHILD"])
storage = MinioStorage(ConnectionSettings(**cfg["settings"]))
engine = TransferEngine(storage, small_options(parts_per_file=1, bandwidth_limit=6 * 2**20),
                        Journal.in_dir(Path(cfg["data"])))
engine.upload_paths([Path(cfg["file"])], cfg["bucket"])
engine.wait(120)
"""


class CountingStorage:
    """The real storage, recording which part numbers are sent."""

    def __init__(self, real: MinioStorage) -> None:
        self.real = real
        self.sent: list[int] = []

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def upload_part(self, bucket: str, key: str, upload_id: str, part_number: int,
                    data: bytes, checksum: Crc | None = None) -> str:
        self.sent.append(part_number)
        return self.real.upload_part(bucket, key, upload_id, part_number, data, checksum)


def _journal_parts(data: Path) -> int:
    if not (data / Journal.FILE_NAME).exists():
        return 0
    db = sqlite3.connect(data / Journal.FILE_NAME)
    try:
        return int(db.execute("SELECT count(*) FROM parts").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        db.close()


def test_killed_upload_resumes_from_finished_parts(s3_server: ConnectionSettings,
                                                   storage: MinioStorage, bucket: str,
                                                   tmp_path: Path) -> None:
    src = tmp_path / "big.bin"
    write_file(src, 30 * MiB + 7, seed=3)  # seven 5 MiB parts
    data = tmp_path / "data"
    child = start_engine_child(CHILD, s3_server, data=str(data), file=str(src), bucket=bucket)
    try:
        deadline = time.monotonic() + 60
        while _journal_parts(data) < 2:
            assert child.poll() is None, "the child ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()

    journal = Journal.in_dir(data)
    (item,) = journal.pending()
    record = journal.upload_for(item.id)
    assert record is not None
    finished = {p.number for p in journal.parts(item.id)}
    assert finished
    assert len(finished) < 7

    counting = CountingStorage(storage)
    engine = TransferEngine(counting, small_options(), journal)  # type: ignore[arg-type]
    (restored,) = engine.restore()
    assert engine.wait(60)
    view = next(v for v in engine.snapshot() if v.id == restored)
    assert view.state is State.DONE, view.error
    assert not finished & set(counting.sent), "finished parts were sent again"
    assert set(counting.sent) | finished == set(range(1, 8))
    stat = storage.stat(bucket, "big.bin")
    assert stored_crc64(storage, bucket, "big.bin") == crc64_of(src)  # parts journalled CRCs
    assert stat.size == 30 * MiB + 7
    assert stat.etag.endswith("-7")
    assert storage.list_multipart_uploads(bucket) == []
    assert journal.pending() == []
    engine.shutdown()


def test_restored_downloads_and_failed_items(storage: MinioStorage, bucket: str,
                                             tmp_path: Path) -> None:
    from tests.helpers import put_bytes

    put_bytes(storage, bucket, "docs/a.txt", b"alpha")
    root = tmp_path / "dest"
    root.mkdir()
    journal = Journal.in_dir(tmp_path / "data")
    (_down, failed) = journal.add_items([
        (1, "download", bucket, "docs/a.txt", str(root / "a.txt"), str(root), 5, "", "running"),
        (2, "upload", bucket, "gone.txt", str(tmp_path / "gone.txt"), None, 1, "", "failed"),
    ])
    journal.set_state(failed, "failed", "It failed before the restart.")
    engine = TransferEngine(storage, small_options(), journal)
    ids = engine.restore()
    assert engine.wait(30)
    views = {v.key: v for v in engine.snapshot() if v.id in ids}
    assert views["docs/a.txt"].state is State.DONE
    assert (root / "a.txt").read_bytes() == b"alpha"
    assert views["gone.txt"].state is State.FAILED  # back as it was: retry is the user's call
    assert views["gone.txt"].error == "It failed before the restart."
    assert [r.key for r in journal.pending()] == ["gone.txt"]
    engine.shutdown()


def test_a_changed_file_does_not_resume_its_old_parts(storage: MinioStorage, bucket: str,
                                                      tmp_path: Path) -> None:
    from desktop_app.transfers.journal import UploadRecord

    src = tmp_path / "big.bin"
    write_file(src, 12 * MiB, seed=1)
    journal = Journal.in_dir(tmp_path / "data")
    (item,) = journal.add_items([(1, "upload", bucket, "big.bin", str(src), None, 12 * MiB, "",
                                  "running")])
    old = storage.create_multipart(bucket, "big.bin", "application/octet-stream", {})
    storage.upload_part(bucket, "big.bin", old, 1, b"stale" * (MiB + 1))
    journal.upload_started(item, bucket, "big.bin",
                           UploadRecord(old, 5 * MiB, "0" * 64, 12 * MiB, 1))  # other mtime
    write_file(src, 12 * MiB, seed=2)  # the file changed since
    counting = CountingStorage(storage)
    engine = TransferEngine(counting, small_options(), journal)  # type: ignore[arg-type]
    engine.restore()
    assert engine.wait(60)
    assert [v.state for v in engine.snapshot()] == [State.DONE]
    assert sorted(counting.sent) == [1, 2, 3]  # every part sent again
    assert stored_crc64(storage, bucket, "big.bin") == crc64_of(src)
    assert storage.list_multipart_uploads(bucket) == []  # the stale upload was aborted
    engine.shutdown()


def test_a_restore_that_runs_after_new_uploads_brings_nothing_back_twice(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    """The window queues a drop and the engine's restore on worker threads: when the restore
    runs second, it must not add the drop's own journal rows again (a read-only bucket once
    showed 4 failed rows for 2 dropped files)."""
    src = tmp_path / "a.txt"
    src.write_bytes(b"alpha")
    journal = Journal.in_dir(tmp_path / "data")
    engine = TransferEngine(storage, small_options(), journal)
    done = engine.upload_paths([src], bucket)
    failed = engine.upload_paths([src], "no-such-bucket-here")  # kept in the journal as failed
    assert engine.wait(30)
    assert [v.state for v in engine.snapshot()] == [State.DONE, State.FAILED]
    assert engine.restore() == []
    assert sorted(v.id for v in engine.snapshot()) == sorted(done + failed)
    engine.shutdown()


def test_a_drop_queued_before_the_restore_gets_a_batch_of_its_own(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    """New batches number on from the journal's, so a drop queued before the restore ran is
    never shown as part of a batch from the last session."""
    src = tmp_path / "a.txt"
    src.write_bytes(b"alpha")
    journal = Journal.in_dir(tmp_path / "data")
    (old,) = journal.add_items([(1, "upload", bucket, "gone.txt", str(tmp_path / "gone.txt"),
                                 None, 1, "", "failed")])
    journal.set_state(old, "failed", "It failed before the restart.")
    engine = TransferEngine(storage, small_options(), journal)
    engine.upload_paths([src], bucket)
    assert engine.wait(30)
    engine.restore()
    batches = {v.key: v.batch for v in engine.snapshot()}
    assert batches["a.txt"] != batches["gone.txt"]
    engine.shutdown()


def test_a_restore_between_journalling_and_queueing_brings_nothing_back_twice(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    """The restore runs on another thread than the drop's: when it reads the journal just
    after the drop's rows are written there, but before the engine holds them, it must wait
    for them rather than bring them back a second time."""
    import threading

    src = tmp_path / "a.txt"
    src.write_bytes(b"alpha")
    journal = Journal.in_dir(tmp_path / "data")
    engine = TransferEngine(storage, small_options(), journal)
    restorer: list[threading.Thread] = []
    real_add = journal.add_items

    def add_then_restore(rows: object) -> list[int]:
        ids = real_add(rows)  # type: ignore[arg-type]
        thread = threading.Thread(target=engine.restore)
        thread.start()
        thread.join(0.5)  # it runs now, or waits for the rows to be held
        restorer.append(thread)
        return ids

    journal.add_items = add_then_restore  # type: ignore[method-assign]
    ids = engine.upload_paths([src], bucket)
    restorer[0].join(10)
    assert engine.wait(30)
    assert sorted(v.id for v in engine.snapshot()) == sorted(ids)
    engine.shutdown()
