"""The Transfers dock: tall enough at first to watch a batch (about four rows showed
before), and a new batch comes into sight as the current row even when the list is long."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.state import Direction, Transfer
from desktop_app.ui.transfers.queue import TransferQueue
from desktop_app.ui.transfers.widgets import BAR_MARGIN
from tests.conftest import WindowFactory


def test_the_dock_shows_eight_rows_or_more_at_first(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str]) -> None:
    window = make_window(app_environ)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    view = window.transfer_queue.view
    row = view.fontMetrics().height() + 2 * (BAR_MARGIN + 2)
    qtbot.waitUntil(lambda: view.viewport().height() >= 8 * row, timeout=5000)
    assert window.object_table.viewport().height() > 250  # the table keeps most room
    if os.environ.get("SHOTS_DIR"):
        window.grab().save(os.path.join(os.environ["SHOTS_DIR"], "transfer-dock.png"))


def add_batch(engine: TransferEngine, batch: int, count: int = 1) -> None:
    with engine._lock:  # queued rows the engine never starts (no pool work in this test)
        for n in range(count):
            item = Transfer(Direction.UPLOAD, "b", f"b{batch}/k{n}", Path(f"/nowhere/{n}"),
                            10, batch)
            engine._items[item.id] = item
            engine._order.append(item.id)
            item.sink = engine._dirty


def test_a_new_batch_scrolls_into_sight_and_becomes_current(qtbot: QtBot) -> None:
    engine = TransferEngine(object())  # type: ignore[arg-type]  # no network in this test
    host = QWidget()  # docked in a plain window: a floating dock warns on this platform
    qtbot.addWidget(host)
    queue = TransferQueue(host)
    QVBoxLayout(host).addWidget(queue)
    host.resize(1000, 260)
    host.show()
    model = queue.queue_model
    model.stop()
    model._engine = engine
    for batch in range(1, 31):
        add_batch(engine, batch, 2)
    model.refresh()
    qtbot.waitUntil(lambda: model.rowCount() == 30, timeout=5000)
    view = queue.view
    view.scrollToTop()
    view.selectionModel().clearSelection()

    add_batch(engine, 31, 3)
    model.refresh()
    qtbot.waitUntil(lambda: model.rowCount() == 31, timeout=5000)

    newest = model.index(30, 0)
    assert model.index(30, 1).data() == "Batch 31: 3 items"
    assert view.currentIndex() == newest
    qtbot.waitUntil(lambda: view.viewport().rect().intersects(view.visualRect(newest)),
                    timeout=5000)
    assert not view.selectionModel().hasSelection()  # Pause etc. still act on everything
    queue.shutdown()
    engine.shutdown()
