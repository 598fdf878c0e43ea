"""Take the README screenshot: the window on a fresh sandbox, a text file previewed.

Run under Xvfb (`make screenshot`); it uses a throwaway data dir so it never touches yours.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication


def wait_until(predicate, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        QCoreApplication.processEvents()
        time.sleep(0.02)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png")
    select = sys.argv[2] if len(sys.argv) > 2 else "README.txt"
    app = QApplication(sys.argv[:1])
    from desktop_app.app import build_window

    with tempfile.TemporaryDirectory() as tmp:
        environ = {k: v for k, v in os.environ.items() if not k.startswith(("MINIO_", "AWS_"))}
        environ["MINIO_DESKTOP_DATA_DIR"] = tmp
        window = build_window(environ)
        window.resize(1280, 800)
        window.show()
        wait_until(lambda: window.tree_model.rowCount() > 0)
        bucket, _, key = ("documents/" + select).partition("/")
        window.open_location(bucket, "")
        wait_until(lambda: window.object_table.select_key(key))
        pane = window.preview_pane
        wait_until(lambda: bool(pane.shown_text) or pane.showing_image)
        tree = window.bucket_tree
        tree.expand(window.tree_model.index_for("documents"))
        QTimer.singleShot(0, lambda: None)
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.02)
        screen = QGuiApplication.primaryScreen()
        pixmap = screen.grabWindow(0) if os.environ.get("DISPLAY") else window.grab()
        out.parent.mkdir(parents=True, exist_ok=True)
        pixmap.save(str(out))
        print(f"saved {out} ({pixmap.width()}x{pixmap.height()})")
        window.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
