"""`make screenshots`: a scripted tour of the main flows on a fresh sandbox, one PNG each.

Run under Xvfb; it uses throwaway data, config and log folders, so it never touches yours.
Writes OUT/guide-<step>.png (OUT defaults to docs/): browse, preview, transfers, bucket
properties, statistics, preferences and the dark theme. A step whose feature is missing is
reported and skipped, so the tour still renders the others.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

SIZE = (1280, 800)


def pump(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def wait_until(predicate: Callable[[], object], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        QCoreApplication.processEvents()
        time.sleep(0.02)


def top_level(class_name: str) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == class_name and widget.isVisible():
            return widget
    return None


class Tour:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.saved: list[str] = []
        self.skipped: list[str] = []

    def save(self, widget: QWidget, name: str) -> None:
        pump(0.8)  # let rows, icons and charts finish painting
        path = self.out / f"guide-{name}.png"
        widget.grab().save(str(path))
        self.saved.append(path.name)
        print(f"saved {path} ({widget.width()}x{widget.height()})", flush=True)

    def step(self, name: str, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception as exc:  # a missing feature skips its picture, not the tour
            self.skipped.append(f"{name}: {type(exc).__name__}: {exc}")
            print(f"SKIPPED {name}: {type(exc).__name__}: {exc}", flush=True)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    from desktop_app.app import build_app
    from desktop_app.storage.open_connections import SANDBOX_ID
    from desktop_app.ui.shell.flows import install_loop

    install_loop(app)
    tour = Tour(out)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        environ = {k: v for k, v in os.environ.items() if not k.startswith(("MINIO_", "AWS_"))}
        environ.update({"MINIO_DESKTOP_DATA_DIR": str(tmp / "data"),
                        "MINIO_DESKTOP_CONFIG_DIR": str(tmp / "config"),
                        "MINIO_DESKTOP_LOG_DIR": str(tmp / "logs"),
                        "MINIO_DESKTOP_SANDBOX": "1"})
        desktop = build_app(environ)
        window = desktop.window
        window.resize(*SIZE)
        window.show()
        wait_until(lambda: window.tree_model.rowCount() > 0)
        pane = window.preview_pane

        def browse() -> None:
            window.open_location("documents", "")
            wait_until(lambda: window.object_table.select_key("README.txt"))
            wait_until(lambda: bool(pane.shown_text))
            window.bucket_tree.expand(window.tree_model.index_for("documents"))
            tour.save(window, "browse")

        def preview() -> None:
            window.open_location("media", "images/")
            wait_until(lambda: window.object_table.select_key("images/gradient.png"))
            wait_until(lambda: pane.showing_image)
            tour.save(window, "preview")

        def transfers() -> None:
            folder = tmp / "holiday photos"
            folder.mkdir()
            for i in range(6):
                (folder / f"IMG_{1040 + i}.jpg").write_bytes(os.urandom((i + 1) * 1_500_000))
            window.open_location("media", "")
            window.transfers.upload(sorted(folder.iterdir()), "media", "uploads/")
            wait_until(lambda: window.transfers.unfinished() == 0, timeout=120)
            window.open_location("media", "uploads/")
            wait_until(lambda: window.table_model.complete
                       and window.table_model.rowCount() == 6)
            tour.save(window, "transfers")

        def bucket_properties() -> None:
            window.bucket_actions.properties(SANDBOX_ID, "documents")
            wait_until(lambda: top_level("BucketPropertiesDialog"), timeout=20)
            dialog = top_level("BucketPropertiesDialog")
            assert dialog is not None
            pump(1.5)
            tour.save(dialog, "bucket-properties")
            dialog.close()

        def statistics() -> None:
            window.statistics.show_statistics(SANDBOX_ID, "media")
            wait_until(lambda: top_level("StatisticsWindow"), timeout=20)
            stats = top_level("StatisticsWindow")
            assert stats is not None
            pump(3.0)  # the scan of a small bucket ends within a second or two
            tour.save(stats, "statistics")
            stats.close()

        def preferences() -> None:
            controller = getattr(desktop, "preferences", None)
            if controller is None:
                raise RuntimeError("no Preferences in this build")
            dialog = controller.open_dialog()
            tour.save(dialog, "preferences")
            dialog.close()

        def dark_theme() -> None:
            from desktop_app.ui.shell.theme import Theme

            theme = app.findChild(Theme) or Theme(app)
            theme.apply("dark")
            window.open_location("documents", "reports/2026/")
            wait_until(lambda: window.object_table.select_key("reports/2026/q1-summary.pdf"))
            pump(2.0)
            tour.save(window, "dark-theme")
            theme.apply("light")

        for name, action in (("browse", browse), ("preview", preview),
                             ("transfers", transfers), ("bucket properties", bucket_properties),
                             ("statistics", statistics), ("preferences", preferences),
                             ("dark theme", dark_theme)):
            tour.step(name, action)
        window.close()
        pump(0.5)
    print(f"{len(tour.saved)} screenshots in {out}/" +
          (f"; skipped: {'; '.join(tour.skipped)}" if tour.skipped else ""))
    app.quit()
    return 1 if tour.skipped else 0


if __name__ == "__main__":
    sys.exit(main())
