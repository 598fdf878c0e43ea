"""`minio-desktop --self-test BUCKET`: the real window lists one bucket, prints it and quits.

For packaging checks (a bundle unpacked from the .deb, run offscreen against a real server):
it goes through the same startup, Qt plugins, icons, SDK and listing code as a user's click,
then leaves with exit code 0 when the bucket was listed, 1 on an error or after `timeout_s`.
"""

from __future__ import annotations

import sys
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QTimer

from desktop_app.core.errors import AppError

POLL_MS = 50


class ListingWindow(Protocol):
    """What of the main window the self-test uses (only app.py imports the window class)."""

    table_model: Any  # loading, complete, error, rows
    tree_model: Any  # rowCount, error

    def open_location(self, bucket: str, prefix: str) -> None: ...


def list_and_quit(window: ListingWindow, bucket: str, timeout_s: float = 60.0) -> None:
    """Once the connection is up, open `bucket`; print what it holds, then quit the loop."""
    app = QCoreApplication.instance()
    assert app is not None
    model = window.table_model
    state = {"opened": False, "done": False}

    def finish(code: int, text: str) -> None:
        if state["done"]:
            return
        state["done"] = True
        print(text, file=sys.stdout if code == 0 else sys.stderr, flush=True)
        app.exit(code)

    def step() -> None:
        if state["done"]:
            return
        if not state["opened"]:
            if window.tree_model.rowCount() > 0:  # the connection answered with its buckets
                state["opened"] = True
                window.open_location(bucket, "")
            return
        if model.complete:
            keys = [model.index(row, 0).data() for row in range(model.rowCount())]
            finish(0, f"self-test: listed {len(keys)} entries in {bucket}: "
                      + ", ".join(str(k) for k in keys[:20]))

    def failed(error: AppError) -> None:
        finish(1, f"self-test failed: {error.user_text()}")

    model.error.connect(failed)
    window.tree_model.error.connect(failed)
    poll = QTimer(app)
    poll.timeout.connect(step)
    poll.start(POLL_MS)
    QTimer.singleShot(int(timeout_s * 1000),
                      lambda: finish(1, f"self-test failed: {bucket} was not listed within "
                                        f"{timeout_s:.0f} s"))
