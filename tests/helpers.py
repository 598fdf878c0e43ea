"""Small helpers for tests that drive the real window."""

from __future__ import annotations

import io
import threading
from typing import Any

from pytestqt.qtbot import QtBot

from desktop_app.storage.protocol import Storage
from desktop_app.ui.shell.main_window import MainWindow
from tests.conftest import WindowFactory


def put_bytes(storage: Storage, bucket: str, key: str, data: bytes, ctype: str = "") -> None:
    content_type = ctype or "application/octet-stream"
    storage.put_stream(bucket, key, io.BytesIO(data), len(data), content_type)


def open_window(qtbot: QtBot, make_window: WindowFactory, environ: dict[str, str], bucket: str,
                wait_ms: int) -> tuple[MainWindow, str]:
    """A window built from `environ`, once the tree lists `bucket`; and its connection."""
    window = make_window(environ)
    conn = window.active_connection
    assert conn is not None
    qtbot.waitUntil(lambda: bucket in window.tree_model.bucket_names(conn), timeout=wait_ms)
    return window, conn


def bucket_names(window: MainWindow, conn_id: str | None = None) -> list[str]:
    """Bucket names under a connection root of the window's tree (the active one by default);
    the tree's top level holds one root per open connection."""
    return window.tree_model.bucket_names(conn_id)


def root_names(window: MainWindow) -> list[str]:
    """The connection roots of the tree, as shown."""
    model = window.tree_model
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


class CallCounter:
    """The real storage, counting the calls of its method `counted` (in `calls`). Everything
    else passes straight through."""

    def __init__(self, storage: Any, counted: str) -> None:
        self._storage = storage
        self._counted = counted
        self.calls = 0

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._storage, name)
        if name != self._counted:
            return found

        def counting(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return found(*args, **kwargs)

        return counting


class GatedStorage:
    """The real storage, whose call `gated` waits (at most `wait_s`) until the test sets
    `go_on`; `asked` is set when the call comes. Everything else passes straight through."""

    def __init__(self, storage: Storage, gated: str, wait_s: float) -> None:
        self._storage = storage
        self._gated = gated
        self._wait_s = wait_s
        self.asked = threading.Event()
        self.go_on = threading.Event()

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._storage, name)
        if name != self._gated:
            return found

        def waiting(*args: Any, **kwargs: Any) -> Any:
            self.asked.set()
            self.go_on.wait(self._wait_s)
            return found(*args, **kwargs)

        return waiting
