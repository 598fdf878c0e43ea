"""The window scenarios' own process (a crash of the window must not end the suite): run by
`test_window.py` as `pytest tests/reliability/window_cases.py::<case>`, with the scenario in
the JSON file named by $RELIABILITY_CASE; each writes what it saw to the file named there."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.transfers.engine_process import EngineProcess
from desktop_app.transfers.state import State
from tests.conftest import WindowFactory


def case() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(Path(os.environ["RELIABILITY_CASE"]).read_text())
    return loaded


def environ(spec: dict[str, Any]) -> dict[str, str]:
    root = Path(spec["root"])
    return {"PATH": os.environ.get("PATH", ""), "HOME": str(root / "home"),
            "MINIO_DESKTOP_DATA_DIR": str(root / "data"),
            "MINIO_DESKTOP_CONFIG_DIR": str(root / "config"),
            "MINIO_ENDPOINT": spec["endpoint"], "MINIO_ACCESS_KEY": spec["access_key"],
            "MINIO_SECRET_KEY": spec["secret_key"], "MINIO_REGION": "us-east-1",
            "MINIO_BUCKET_NAME": spec["bucket"]}


def drop(target: QWidget, paths: list[Path]) -> None:
    """Files dropped from a file manager onto `target` (a drag enter, then the drop)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPoint(5, 200)
    QApplication.sendEvent(target, QDragEnterEvent(
        where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(target, QDropEvent(
        QPointF(where), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier))


def report(spec: dict[str, Any], **seen: Any) -> None:
    Path(spec["out"]).write_text(json.dumps(seen))


class Heartbeat:
    """A 10 ms timer on the GUI thread; the gaps between its ticks over 20 ms."""

    def __init__(self) -> None:
        self.last = time.monotonic()
        self.gaps: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        if now - self.last > 0.02:
            self.gaps.append(now - self.last)
        self.last = now


def test_huge_rows(qtbot: QtBot, make_window: WindowFactory) -> None:
    """A 5 GiB + 1 object downloaded and a sparse file of that size dropped: both rows
    show, the status bar sums them, and both can be cancelled."""
    spec = case()
    window = make_window(environ(spec))
    window.show()
    queue = window.transfer_queue.queue_model
    with qtbot.capture_exceptions() as crashes:
        qtbot.waitUntil(lambda: window.table_model.rowCount() == 1, timeout=20_000)
        window.object_table.selectAll()
        window.transfers.download_selection(Path(spec["target"]))
        drop(window.object_table.viewport(), [Path(spec["sparse"])])
        qtbot.waitUntil(lambda: len(queue.transfers()) == 2, timeout=20_000)
        engine = window.transfers.engine
        assert isinstance(engine, EngineProcess)
        qtbot.wait(1000)  # a few refreshes of the queue and the status bar
        sizes = sorted(str(queue.transfer_index(v.id, 2).data()) for v in queue.transfers())
        status = _status_text(window)
        if shots := os.environ.get("RELIABILITY_SHOTS"):  # to look at it as a user would
            window.grab().save(str(Path(shots) / "huge-rows.png"))
        engine.cancel(None)
        assert engine.wait(60)
        qtbot.waitUntil(lambda: all(v.state.finished for v in engine.snapshot()),
                        timeout=20_000)
        rows = engine.snapshot()
    report(spec, crashes=[f"{t.__name__}: {v}" for t, v, _tb in crashes], sizes=sizes,
           status=status, states=[r.state.value for r in rows], errors=[r.error for r in rows])


def _status_text(window: QWidget) -> str:
    """What the status bar's transfer summary says."""
    label = window.findChild(QLabel, "transferStatusLabel")
    return str(label.text()) if label is not None else ""


def test_drop_10000(qtbot: QtBot, make_window: WindowFactory) -> None:
    """A folder of 10,000 files dropped on the table: the GUI thread's gaps until the
    queue shows them all; then everything is cancelled. The window as a user has it while
    transfers run: a desktop-sized window with the queue dock opened up."""
    spec = case()
    window = make_window(environ(spec))
    window.resize(1280, 1000)
    window.show()
    window.resizeDocks([window.transfer_queue], [600], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: window.table_model.bucket == spec["bucket"], timeout=20_000)
    qtbot.waitUntil(lambda: window.transfers.engine is not None, timeout=20_000)
    queue = window.transfer_queue.queue_model
    with qtbot.capture_exceptions() as crashes:
        beat = Heartbeat()
        started = time.monotonic()
        drop(window.object_table.viewport(), [Path(spec["folder"])])
        qtbot.waitUntil(lambda: len(queue.transfers()) == 10_000, timeout=180_000)
        shown_after = time.monotonic() - started
        qtbot.wait(1000)
        beat.timer.stop()
        engine = window.transfers.engine
        assert engine is not None
        engine.cancel(None)
        assert engine.wait(120)
        qtbot.waitUntil(lambda: all(v.state.finished for v in engine.snapshot()),
                        timeout=60_000)
        states = sorted({v.state.value for v in engine.snapshot()})
    report(spec, crashes=[f"{t.__name__}: {v}" for t, v, _tb in crashes],
           gaps=sorted(beat.gaps, reverse=True)[:8], shown_after=shown_after, states=states,
           errors=sorted({v.error for v in engine.snapshot()
                          if v.state is State.FAILED})[:5])
