"""The transfer queue with figures past 2**31 bytes and with batches of 10,000 rows: sizes
travel intact from the engine's rows to the status bar, and a huge batch reaches the view a
slice at a time (the GUI thread never inserts all of it in one go)."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.core.humanize import human_size
from desktop_app.core.transfer_types import PartInfo
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.journal import DownloadRecord, Journal
from desktop_app.transfers.rows import Changes, TransferView
from desktop_app.transfers.state import Direction, State
from desktop_app.ui.transfers import queue as transfer_queue
from desktop_app.ui.transfers import queue_model as transfer_queue_model
from desktop_app.ui.transfers.queue import TransferQueue, TransferQueueModel
from desktop_app.ui.transfers.queue_model import INSERT_SLICE
from desktop_app.ui.transfers.widgets import PROGRESS_ROLE, TransferStatus
from tests.conftest import WindowFactory
from tests.test_transfer_ui import cell, drop, leaf_states

GiB = 2**30
MiB = 2**20
HUGE = 5 * GiB + 1


class FakeEngine:
    """Hands the model whatever rows the test puts in, all at once (no `limit`)."""

    def __init__(self) -> None:
        self.new: list[TransferView] = []
        self.changed: list[TransferView] = []
        self.generation = 0

    def changes(self, known: int, generation: int, limit: int = 2000) -> Changes:
        new, changed = self.new, self.changed
        self.new, self.changed = [], []
        return Changes(self.generation, generation != self.generation, new, changed)


def row(tid: int, batch: int, size: int, done: int = 0, state: State = State.RUNNING,
        direction: Direction = Direction.UPLOAD) -> TransferView:
    return TransferView(tid, batch, direction, "b", f"k{tid}", Path(f"/data/k{tid}"),
                        f"k{tid}", size, done, state, "")


def queue_with(qtbot: QtBot, engine: FakeEngine) -> tuple[TransferQueue, TransferQueueModel]:
    queue = TransferQueue()
    qtbot.addWidget(queue)
    model = queue.queue_model
    model.stop()  # the test drives refresh itself
    model._engine = engine  # type: ignore[assignment]
    model.refresh()  # the first look learns the engine's generation (a reset, empty here)
    return queue, model


def test_sizes_past_4_gib_travel_intact_to_the_rows_and_the_status_bar(
        qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    engine = FakeEngine()
    queue, model = queue_with(qtbot, engine)
    status = TransferStatus(model)
    qtbot.addWidget(status)
    status.show()
    overall: list[tuple[int, int, int]] = []
    model.overall_changed.connect(lambda d, t, a: overall.append((d, t, a)))
    finished: list[tuple[int, int, bool]] = []
    model.batch_finished.connect(lambda n, f, u: finished.append((n, f, u)))
    uploads = [row(1, 1, 2100 * MiB, 2050 * MiB), row(2, 1, int(1.5 * GiB), GiB),
               row(3, 1, HUGE, 3 * GiB + 7)]
    download = row(4, 2, 6 * GiB, int(2.5 * GiB), direction=Direction.DOWNLOAD)
    engine.new = [*uploads, download]
    model.refresh()
    model.refresh()
    qtmodeltester.check(model)

    done = 2050 * MiB + GiB + 3 * GiB + 7 + int(2.5 * GiB)
    total = 2100 * MiB + int(1.5 * GiB) + HUGE + 6 * GiB
    assert total > 2**33
    assert overall[-1] == (done, total, 4)
    assert status.label.text() == (f"4 transfers: {human_size(done)} of {human_size(total)} "
                                   f"({done * 100 / total:.0f} %)")
    assert status.bar.value() == int(done / total * 1000)
    assert model.index(0, 2).data() == human_size(2100 * MiB + int(1.5 * GiB) + HUGE)
    assert model.index(1, 2).data() == "6.0 GiB"
    assert model.index(0, 3).data(PROGRESS_ROLE) == int(
        (2050 * MiB + GiB + 3 * GiB + 7) * 100 / (2100 * MiB + int(1.5 * GiB) + HUGE))
    assert cell(model, 3, 2) == "5.0 GiB"
    assert cell(model, 3, 3) == "60 %"
    assert cell(model, 4, 3) == "41 %"
    assert cell(model, 4, 0) == "↓ Download"
    assert queue.view.isExpanded(model.index(0, 0))

    engine.changed = [dataclasses.replace(v, state=State.DONE, done_bytes=v.size)
                      for v in (*uploads, download)]
    model.refresh()
    assert overall[-1] == (total, total, 0)
    assert not status.isVisible()
    assert sorted(finished) == [(1, 0, True), (2, 0, False)]
    assert leaf_states(model) == ["Done"] * 4


def inserted_children(model: TransferQueueModel) -> list[int]:
    """How many child rows each rowsInserted signal brought, in order."""
    sizes: list[int] = []

    def seen(parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            sizes.append(last - first + 1)
        else:  # a new batch row comes with the rows it holds already
            sizes.extend(model.rowCount(model.index(r, 0)) for r in range(first, last + 1))

    model.rowsInserted.connect(seen)
    return sizes


def test_a_batch_of_10000_rows_is_inserted_a_slice_per_call_in_order_with_right_totals(
        qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    engine = FakeEngine()
    queue, model = queue_with(qtbot, engine)
    sizes = inserted_children(model)
    overall: list[tuple[int, int, int]] = []
    model.overall_changed.connect(lambda d, t, a: overall.append((d, t, a)))
    views = [row(i, 7, 1000 + i, state=State.QUEUED) for i in range(1, 10_001)]
    engine.new = list(views)
    calls, longest = 0, 0.0
    while model.rowCount() == 0 or model.rowCount(model.index(0, 0)) < len(views):
        before = sum(sizes)
        start = time.perf_counter()
        model.refresh()
        longest = max(longest, time.perf_counter() - start)
        calls += 1
        assert 0 < sum(sizes) - before <= INSERT_SLICE
        batch = model.index(0, 0)
        shown = model.batch_rows(7)
        assert model.index(0, 2).data() == human_size(sum(v.size for v in shown))
        assert overall[-1] == (0, sum(v.size for v in shown), len(shown))
        assert model.rowCount(batch) == len(shown)
        assert calls <= len(views) // INSERT_SLICE + 1
    print(f"\n10,000 rows: {calls} refresh calls, longest {longest * 1000:.1f} ms")
    assert not queue.view.isExpanded(model.index(0, 0))  # too big to lay out on every insert
    assert max(sizes) <= INSERT_SLICE
    assert [v.id for v in model.transfers()] == [v.id for v in views]
    assert model.index(0, 1).data() == "Batch 7: 10000 items"
    assert overall[-1] == (0, sum(v.size for v in views), len(views))
    qtmodeltester.check(model)  # once at the end: it walks the whole model on every change


def test_the_rest_of_a_big_batch_follows_on_its_own_and_keeps_later_changes(
        qtbot: QtBot, qtmodeltester: ModelTester, monkeypatch: pytest.MonkeyPatch) -> None:
    slice_rows = 50  # small, so the model tester can check every step
    monkeypatch.setattr(transfer_queue_model, "INSERT_SLICE", slice_rows)
    engine = FakeEngine()
    _queue, model = queue_with(qtbot, engine)
    qtmodeltester.check(model)
    sizes = inserted_children(model)
    finished: list[tuple[int, int, bool]] = []
    model.batch_finished.connect(lambda n, f, u: finished.append((n, f, u)))
    first = [row(i, 1, 10, state=State.QUEUED) for i in range(1, 401)]
    engine.new = first
    model.refresh()
    assert sum(sizes) == slice_rows
    # The engine moves on while rows wait to be shown: every row of the first batch is done
    # now, and a second batch arrives, all before the model has shown them.
    engine.changed = [dataclasses.replace(v, state=State.DONE, done_bytes=10) for v in first]
    second = [row(i, 2, 20, state=State.QUEUED) for i in range(401, 601)]
    engine.new = second
    model.refresh()
    assert sum(sizes) == 2 * slice_rows
    assert finished == []  # batch 1 is not over while part of it is not even shown
    qtbot.waitUntil(lambda: len(model.transfers()) == 600, timeout=10_000)
    assert max(sizes) <= slice_rows
    assert [v.id for v in model.transfers()] == [v.id for v in first + second]
    assert leaf_states(model) == ["Done"] * 400 + ["Queued"] * 200
    assert finished == [(1, 0, True)]
    assert model.index(0, 6).data() == "Done"
    assert model.index(0, 3).data() == "100 %"
    assert model.index(1, 2).data() == human_size(200 * 20)
    # Rows were removed (finished ones cleared): the engine starts over, and so do the slices.
    engine.generation += 1
    engine.new = second
    model.refresh()
    assert model.rowCount() == 1
    assert model.rowCount(model.index(0, 0)) == slice_rows
    qtbot.waitUntil(lambda: len(model.transfers()) == 200, timeout=10_000)
    assert [v.id for v in model.transfers()] == [v.id for v in second]
    assert finished == [(1, 0, True)]


def test_a_restored_queue_of_10000_rows_also_comes_a_slice_at_a_time(qtbot: QtBot) -> None:
    engine = FakeEngine()
    engine.new = [row(i, 3, 5, state=State.PAUSED) for i in range(1, 10_001)]
    queue = TransferQueue()
    qtbot.addWidget(queue)
    model = queue.queue_model
    finished: list[int] = []
    model.batch_finished.connect(lambda n, _f, _u: finished.append(n))
    queue.set_engine(engine)  # type: ignore[arg-type]
    assert 0 < model.rowCount(model.index(0, 0)) <= INSERT_SLICE
    qtbot.waitUntil(lambda: len(model.transfers()) == 10_000, timeout=10_000)
    assert model.index(0, 6).data() == "Paused"
    assert finished == []
    queue.set_engine(None)


def test_only_small_batches_open_on_their_own(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transfer_queue, "AUTO_EXPAND_ROWS", 10)
    engine = FakeEngine()
    queue, model = queue_with(qtbot, engine)
    engine.new = [row(i, 1, 1, state=State.QUEUED) for i in range(1, 6)]
    model.refresh()
    assert queue.view.isExpanded(model.index(0, 0))
    engine.new = [row(i, 1, 1, state=State.QUEUED) for i in range(6, 21)]
    model.refresh()  # it grew past the limit: closed again
    assert not queue.view.isExpanded(model.index(0, 0))
    engine.new = [row(i, 2, 1, state=State.QUEUED) for i in range(21, 41)]
    model.refresh()  # too big from the start
    assert not queue.view.isExpanded(model.index(1, 0))
    queue.view.expand(model.index(1, 0))  # the user opens it: it stays open as it grows
    engine.new = [row(i, 2, 1, state=State.QUEUED) for i in range(41, 61)]
    model.refresh()
    assert queue.view.isExpanded(model.index(1, 0))
    assert model.rowCount(model.index(1, 0)) == 40


# -- against the real server ----------------------------------------------------------------


def sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no room on disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


@pytest.mark.real_server
def test_dropping_files_over_4_gib_queues_them_and_the_status_bar_adds_them_up(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    config = Path(app_environ["MINIO_DESKTOP_CONFIG_DIR"])
    config.mkdir(parents=True)
    # Slow enough that nothing of note goes to the server before the test pauses it.
    (config / "transfers.json").write_text(json.dumps({"bandwidth_limit_mib_s": 1}))
    files = [sparse(tmp_path / "drop" / "a.bin", int(1.5 * GiB)),
             sparse(tmp_path / "drop" / "b.bin", 2100 * MiB),
             sparse(tmp_path / "drop" / "huge.bin", HUGE)]
    total = sum(p.stat().st_size for p in files)
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    window.show()
    qtbot.waitUntil(lambda: window.table_model.bucket == bucket, timeout=20_000)
    qtbot.waitUntil(lambda: window.transfers.engine is not None, timeout=20_000)
    model = window.transfer_queue.queue_model
    overall: list[tuple[int, int, int]] = []
    model.overall_changed.connect(lambda d, t, a: overall.append((d, t, a)))
    assert drop(qtbot, window.object_table.viewport(), files, QPoint(5, 5)).isAccepted()
    qtbot.waitUntil(lambda: len(model.transfers()) == 3, timeout=20_000)
    assert [cell(model, v.id, 2) for v in model.transfers()] == ["1.5 GiB", "2.1 GiB", "5.0 GiB"]
    assert model.index(0, 2).data() == human_size(total)
    qtbot.waitUntil(lambda: bool(overall) and overall[-1][1] == total, timeout=5_000)
    status = window.transfer_status
    qtbot.waitUntil(lambda: status.isVisible() and status.label.text().startswith(
        "3 transfers: ") and f" of {human_size(total)} (" in status.label.text(), timeout=5_000)

    window.transfer_queue.actions_by_name["actionTransferPause"].trigger()
    qtbot.waitUntil(lambda: leaf_states(model) == ["Paused"] * 3, timeout=20_000)
    qtbot.waitUntil(lambda: overall[-1][2] == 0, timeout=5_000)
    assert overall[-1][1] == total
    assert not status.isVisible()
    window.transfer_queue.actions_by_name["actionTransferCancel"].trigger()
    qtbot.waitUntil(lambda: leaf_states(model) == ["Cancelled"] * 3, timeout=20_000)
    engine = window.transfers.engine
    assert engine is not None
    assert engine.wait(20)
    assert storage.list_multipart_uploads(bucket) == []


@pytest.mark.real_server
def test_a_restored_queue_with_sizes_past_4_gib_shows_without_overflow(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    data = Path(app_environ["MINIO_DESKTOP_DATA_DIR"])
    journal = Journal.for_server(data, storage.endpoint_url, app_environ["MINIO_ACCESS_KEY"])
    upload = sparse(tmp_path / "up" / "huge.bin", HUGE)
    up_id, down_id, failed_id = journal.add_items([
        (1, "upload", bucket, "huge.bin", str(upload), None, HUGE, "", "paused"),
        (2, "download", bucket, "six.iso", str(tmp_path / "down" / "six.iso"), None,
         6 * GiB, "etag", "paused"),
        (3, "upload", bucket, "b.bin", str(tmp_path / "b.bin"), None, 2100 * MiB, "",
         "failed"),
    ])
    for number in (1, 2, 3):
        journal.part_done(up_id, PartInfo(number, f"e{number}", GiB))
    journal.download_started(down_id, DownloadRecord(
        str(tmp_path / "down" / ".six.iso.part"), "etag", 6 * GiB, 64 * MiB, 1, 1,
        saved=int(2.5 * GiB)))
    journal.set_state(failed_id, "failed", "The file is gone.")
    journal.close()
    reopened = Journal.for_server(data, storage.endpoint_url, app_environ["MINIO_ACCESS_KEY"])
    assert [r.size for r in reopened.pending()] == [HUGE, 6 * GiB, 2100 * MiB]
    assert reopened.kept_bytes(up_id, False) == 3 * GiB
    assert reopened.kept_bytes(down_id, True) == int(2.5 * GiB)
    reopened.close()

    window = make_window(app_environ)
    window.show()
    model = window.transfer_queue.queue_model
    qtbot.waitUntil(lambda: len(model.transfers()) == 3, timeout=20_000)
    overall: list[tuple[int, int, int]] = []
    model.overall_changed.connect(lambda d, t, a: overall.append((d, t, a)))
    model.refresh()
    assert leaf_states(model) == ["Paused", "Paused", "Failed"]
    ids = [v.id for v in model.transfers()]
    assert [cell(model, i, 2) for i in ids] == ["5.0 GiB", "6.0 GiB", "2.1 GiB"]
    assert [cell(model, i, 3) for i in ids] == ["59 %", "41 %", "0 %"]
    assert overall[-1] == (3 * GiB + int(2.5 * GiB), HUGE + 6 * GiB + 2100 * MiB, 0)
    assert not window.transfer_status.isVisible()
