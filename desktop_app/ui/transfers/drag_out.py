"""Drag out: objects and folders dragged from the file table to a file manager.

A file manager copies real files at drop time, so the bytes must be on disk before the drag
starts. Small selections are fetched through the engine (verified, into a private temp area
in the data dir) while a local event loop keeps the window alive, then handed over as file
URLs. Large selections would hold the mouse for too long: the user is pointed at Download…,
which goes through the queue. Only a drag that starts on an already selected row begins a
drag; other mouse moves still select rows as usual.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QMimeData, QObject, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

from desktop_app.core.errors import AppError
from desktop_app.core.transfer_types import RemoteObject
from desktop_app.core.types import FolderEntry, ObjectEntry
from desktop_app.transfers.engine_process import QueueEngine
from desktop_app.transfers.state import State
from desktop_app.ui.shell.context import FolderListing
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

DRAG_LIMIT_BYTES = 64 * 1024 * 1024
DRAG_LIMIT_ITEMS = 200
WAIT_SECONDS = 30.0


class DragOutFilter(QObject):
    """`table` is the file table view, showing `listing`."""

    def __init__(self, table: QAbstractItemView, listing: FolderListing, runner: TaskRunner,
                 engine: Callable[[], QueueEngine | None],
                 temp_root: Callable[[], Path | None], explain: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self._listing = listing
        self._runner = runner
        self._engine = engine
        self._temp_root = temp_root
        self._explain = explain
        self._press: QPoint | None = None
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            assert isinstance(event, QMouseEvent)
            pos = event.position().toPoint()
            index = self._table.indexAt(pos)
            on_selected = index.isValid() and self._table.selectionModel().isRowSelected(
                index.row())
            self._press = pos if event.button() == Qt.MouseButton.LeftButton and on_selected \
                else None
        elif event.type() == QEvent.Type.MouseMove and self._press is not None:
            assert isinstance(event, QMouseEvent)
            moved = (event.position().toPoint() - self._press).manhattanLength()
            if event.buttons() & Qt.MouseButton.LeftButton and \
                    moved >= QApplication.startDragDistance():
                self._press = None
                self.start_drag()
                return True
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self._press = None
        return False

    def selected_entries(self) -> list[FolderEntry | ObjectEntry]:
        model = self._listing
        rows = sorted({i.row() for i in self._table.selectionModel().selectedRows()})
        return [model.entry(r) for r in rows]

    def start_drag(self) -> None:
        mime = self.prepare(self.selected_entries())
        if mime is None:
            return
        drag = QDrag(self._table)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.CopyAction)

    def prepare(self, entries: list[FolderEntry | ObjectEntry]) -> QMimeData | None:
        """Fetch `entries` into a fresh temp folder; mime data with their file URLs."""
        engine, root = self._engine(), self._temp_root()
        model = self._listing
        if engine is None or root is None or not entries or not model.bucket:
            return None
        objects = [e for e in entries if isinstance(e, ObjectEntry)]
        folders = [e for e in entries if isinstance(e, FolderEntry)]
        bucket, prefix = model.bucket, model.prefix
        target = root / f"drag-{time.time_ns()}"

        def gather() -> list[int] | None:  # on a worker: listing folders is network work
            listed = [RemoteObject(o.key, o.size, o.etag) for o in objects]
            for folder in folders:
                for item in engine.storage.iter_objects(bucket, folder.prefix):
                    listed.append(item)
                    if len(listed) > DRAG_LIMIT_ITEMS:
                        return None
            if sum(o.size for o in listed) > DRAG_LIMIT_BYTES:
                return None
            target.mkdir(parents=True)
            return engine.download_objects(bucket, listed, target, prefix)

        done, ids = self._in_worker(gather)
        if done and ids is None:
            self._explain(
                translate(
                    "DragOutFilter",
                    "That selection is too large to drag out (over 64 MiB or 200 files). Use "
                    "Download… instead: it goes through the transfer queue.")
            )
            return None
        if not done or ids is None or not self._wait(engine, ids):
            self._explain(translate(
                "DragOutFilter",
                "The files could not be fetched for dragging; see the transfer queue for the "
                "reason."))
            return None
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in sorted(target.iterdir())])
        return mime

    def _in_worker(self, fn: Callable[[], list[int] | None]) -> tuple[bool, list[int] | None]:
        """Run `fn` through the TaskRunner while a local event loop keeps the window alive."""
        loop = QEventLoop()
        outcome: dict[str, object] = {}

        def ok(result: list[int] | None) -> None:
            outcome["result"] = result
            loop.quit()

        def failed(error: AppError) -> None:
            outcome["error"] = error
            loop.quit()

        if self._runner.submit(fn, on_success=ok, on_error=failed, context=self) is None:
            return False, None
        timeout = QTimer()
        timeout.setSingleShot(True)
        timeout.timeout.connect(loop.quit)
        timeout.start(int(WAIT_SECONDS * 1000))
        loop.exec()
        timeout.stop()
        if "error" in outcome:
            self._explain(translate(
                "DragOutFilter",
                "Nothing to drag: {user_text}").format(
                user_text=outcome['error'].user_text(),
            ))  # type: ignore[attr-defined]
            return False, None
        if "result" not in outcome:
            return False, None
        return True, outcome["result"]  # type: ignore[return-value]

    def _wait(self, engine: QueueEngine, ids: list[int]) -> bool:
        """Spin a local event loop (the window stays alive) until the items finish."""
        wanted = set(ids)
        deadline = time.monotonic() + WAIT_SECONDS
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(30)

        def check() -> None:
            views = [v for v in engine.snapshot() if v.id in wanted]
            if all(v.state.finished for v in views) or time.monotonic() > deadline:
                loop.quit()

        timer.timeout.connect(check)
        timer.start()
        loop.exec()
        timer.stop()
        views = [v for v in engine.snapshot() if v.id in wanted]
        return all(v.state in (State.DONE, State.SKIPPED) for v in views) and len(views) == len(
            wanted)


def clear_temp_area(root: Path) -> None:
    """Drags of earlier sessions were copied by the file manager long ago."""
    shutil.rmtree(root, ignore_errors=True)
