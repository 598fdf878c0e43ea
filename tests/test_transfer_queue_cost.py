"""What the window's process does per row while transfers run: rows cross from the engine
process as plain tuples, an engine with nothing new costs the queue no row update, and
rows off screen are not repainted (a changed row on screen still is)."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QMainWindow
from pytestqt.qtbot import QtBot

from desktop_app.transfers.rows import Changes, TransferView, decode, encode
from desktop_app.transfers.state import Direction, State
from desktop_app.ui.transfers.batches import Batch
from desktop_app.ui.transfers.queue import TransferQueue, TransferQueueModel


def view(tid: int = 7, **changes: object) -> TransferView:
    base = TransferView(tid, 3, Direction.DOWNLOAD, "photos", "2024/a.jpg",
                        Path("/home/u/Downloads/a.jpg"), "a.jpg", 5 * 2**30 + 1, 123,
                        State.RUNNING, "", "Checksumming", False, "", "")
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_a_row_survives_the_pipe_field_for_field_as_plain_values() -> None:
    for original in (view(), view(state=State.FAILED, error="Access denied.\nAsk.",
                                  denied=True, phase=""),
                     view(state=State.DONE, verified_by="CRC64NVME", done_bytes=5 * 2**30 + 1),
                     view(direction=Direction.UPLOAD, local_path=Path("."),
                          source="https://example.com/a.jpg")):
        raw = pickle.loads(pickle.dumps(encode(original)))  # noqa: S301 - our own bytes
        assert all(type(value) in (int, str, bool) for value in raw)
        assert decode(raw) == original


def test_a_changed_row_keeps_the_path_object_it_had_and_takes_a_new_one_when_moved() -> None:
    old = view()
    same = decode(encode(view(done_bytes=999)), old)
    assert same.done_bytes == 999
    assert same.local_path is old.local_path
    moved = decode(encode(view(local_path=Path("/home/u/Downloads/a (1).jpg"))), old)
    assert moved.local_path == Path("/home/u/Downloads/a (1).jpg")


class FakeEngine:
    """Hands the model the rows a test puts in (no engine process, no server)."""

    def __init__(self) -> None:
        self.new: list[TransferView] = []
        self.changed: list[TransferView] = []

    def changes(self, known: int, generation: int, limit: int = 2000) -> Changes:
        new, changed = self.new, self.changed
        self.new, self.changed = [], []
        return Changes(0, generation != 0, new, changed)


def shown_queue(qtbot: QtBot, rows: int
                ) -> tuple[TransferQueue, FakeEngine, list[TransferView], QMainWindow]:
    """A queue on screen with one open batch of `rows` queued uploads, its top in view (the
    window is returned to keep it alive)."""
    engine = FakeEngine()
    window = QMainWindow()
    qtbot.addWidget(window)
    queue = TransferQueue(window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, queue)
    window.resize(900, 300)
    window.show()
    qtbot.waitUntil(queue.view.isVisible)
    model = queue.queue_model
    model.stop()  # the test drives refresh itself
    model._engine = engine  # type: ignore[assignment]
    model.refresh()
    views = [view(tid, batch=1, state=State.QUEUED, done_bytes=0, size=1000, phase="")
             for tid in range(1, rows + 1)]
    engine.new = views
    model.refresh()
    qtbot.waitUntil(lambda: model.rowCount(model.index(0, 0)) == rows)
    queue.view.expand(model.index(0, 0))
    queue.view.scrollToTop()
    return queue, engine, views, window


def announced(model: TransferQueueModel) -> list[tuple[int, int, int]]:
    """(batch row or -1, first row, last row) of each dataChanged from now on."""
    seen: list[tuple[int, int, int]] = []
    model.dataChanged.connect(lambda top, bottom, _roles=(): seen.append(
        (top.parent().row(), top.row(), bottom.row())))
    return seen


def test_an_engine_with_nothing_new_costs_no_row_update(qtbot: QtBot) -> None:
    queue, _engine, _views, _window = shown_queue(qtbot, 5)
    model = queue.queue_model
    seen = announced(model)
    for _ in range(3):
        model.refresh()
    assert seen == []


def test_a_changed_row_on_screen_is_repainted_and_rows_off_screen_are_not(
        qtbot: QtBot) -> None:
    queue, engine, views, _window = shown_queue(qtbot, 300)
    model = queue.queue_model
    shown = queue.rows_on_screen(1)
    assert shown is not None
    first, last = shown
    assert first == 0
    assert 2 < last < 200  # a few rows fit on screen, not all 300
    seen = announced(model)
    overall: list[tuple[int, int, int]] = []
    model.overall_changed.connect(lambda d, t, a: overall.append((d, t, a)))
    engine.changed = [dataclasses.replace(views[1], state=State.RUNNING, done_bytes=500),
                      dataclasses.replace(views[250], state=State.DONE, done_bytes=1000)]
    model.refresh()
    # One span for the batch's rows, cut to the rows on screen (not the 250 rows up to the
    # second change), and one for the batch row.
    assert sorted(seen) == [(-1, 0, 0), (0, 1, last)]
    assert model.data(model.transfer_index(views[1].id, 3)) == "50 %"
    # Off screen but up to date: scrolled to, it shows its latest state.
    assert model.data(model.transfer_index(views[250].id, 6)) == "Done"
    assert overall[-1] == (1500, 300_000, 299)  # the totals count both

    seen.clear()
    engine.changed = [dataclasses.replace(views[250], state=State.FAILED, error="Gone.")]
    model.refresh()
    assert [s for s in seen if s[0] != -1] == []  # only the batch row: its totals moved
    queue.view.scrollTo(model.transfer_index(views[250].id),
                        QAbstractItemView.ScrollHint.PositionAtCenter)
    shown = queue.rows_on_screen(1)
    assert shown is not None
    assert shown[0] < 250 < shown[1]
    engine.changed = [dataclasses.replace(views[250], state=State.QUEUED, error="")]
    model.refresh()
    assert (0, 250, 250) in seen

    queue.view.collapse(model.index(0, 0))  # a closed batch: nothing of it to repaint
    assert queue.rows_on_screen(1) is None
    seen.clear()
    engine.changed = [dataclasses.replace(views[1], state=State.DONE, done_bytes=1000)]
    model.refresh()
    assert seen == [(-1, 0, 0)]
    assert model.data(model.transfer_index(views[1].id, 6)) == "Done"


def test_batch_totals_follow_progress_and_state_changes() -> None:
    batch = Batch(1, Direction.UPLOAD)
    first = view(1, state=State.QUEUED, done_bytes=0, size=100)
    second = view(2, state=State.RUNNING, done_bytes=10, size=50)
    batch.add(first)
    batch.add(second)
    assert (batch.size, batch.done, batch.active) == (150, 10, 2)
    moved = dataclasses.replace(second, done_bytes=40)  # progress only
    batch.replace(second, moved)
    assert (batch.size, batch.done, batch.active, batch.failed) == (150, 40, 2, 0)
    failed = dataclasses.replace(moved, state=State.FAILED, error="Gone.")
    batch.replace(moved, failed)
    assert (batch.size, batch.done, batch.active, batch.failed) == (150, 40, 1, 1)
    done = dataclasses.replace(first, state=State.DONE, done_bytes=0)  # done counts whole
    batch.replace(first, done)
    assert (batch.size, batch.done, batch.active, batch.failed) == (150, 140, 0, 1)
    cancelled = dataclasses.replace(failed, state=State.CANCELLED)  # counts for nothing
    batch.replace(failed, cancelled)
    assert (batch.size, batch.done, batch.active, batch.failed) == (100, 100, 0, 0)
