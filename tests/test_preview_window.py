"""The preview pane inside the wired main window: quick clicking through a folder of mixed
files must always end on the last selected file's preview."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from desktop_app.app import build_window
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.shell.main_window import MainWindow
from tests import preview_samples as samples
from tests.helpers import put_bytes

pytestmark = pytest.mark.real_server
WAIT = 20_000


@pytest.fixture
def window(qtbot: QtBot, app_environ: dict[str, str], storage: MinioStorage,
           bucket: str) -> Iterator[MainWindow]:
    files = {
        "a.txt": b"text A\n",
        "b.png": samples.png_bytes(300, 200),
        "c.csv": samples.CSV_TEXT.encode(),
        "d.json": samples.JSON_TEXT.encode(),
        "e.pdf": samples.pdf_pages(3),
        "f.bin": bytes(range(256)) * 50,
        "g.txt": b"text G, the last one\n",
    }
    for key, body in files.items():
        put_bytes(storage, bucket, key, body)
    win = build_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.table_model.rowCount() == len(files), timeout=WAIT)
    yield win
    win.close()


def test_fast_selection_changes_end_on_the_last_file(qtbot: QtBot, window: MainWindow,
                                                     bucket: str) -> None:
    pane = window.preview_pane
    shown: list[str] = []
    pane.preview_shown.connect(lambda _bucket, key: shown.append(key))
    keys = ["a.txt", "b.png", "c.csv", "d.json", "e.pdf", "f.bin"] * 3 + ["g.txt"]
    for index, key in enumerate(keys):
        assert window.object_table.select_key(key)
        if index % 4 == 0:
            qtbot.wait(3)  # let some earlier results arrive while the user keeps clicking
    qtbot.waitUntil(lambda: "text G, the last one" in pane.shown_text, timeout=WAIT)
    qtbot.wait(500)  # nothing stale may replace it afterwards
    assert pane.shown_text == "text G, the last one\n"
    assert shown[-1] == "g.txt"
    assert pane.current_key == (bucket, "g.txt")
    assert pane.metadata()["Size"].startswith("21 B")


def test_each_kind_in_the_window(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    pane = window.preview_pane
    for key, expected in (("b.png", pane.image_view), ("c.csv", pane.table_view),
                          ("f.bin", pane.hex_view), ("a.txt", pane.text_view)):
        with qtbot.waitSignal(pane.preview_shown, timeout=WAIT):
            assert window.object_table.select_key(key)
        assert pane.current_view is expected, key
    with qtbot.waitSignal(pane.preview_shown, timeout=WAIT):
        window.object_table.select_key("e.pdf")
    assert pane.pdf_view is not None
    assert pane.pdf_view.page_count == 3
    qtbot.waitUntil(lambda: pane.properties_panel.properties is not None, timeout=WAIT)
    shots = Path(os.environ.get("PREVIEW_SHOTS_DIR") or tmp_path)
    assert window.grab().save(str(shots / "window-pdf.png"))


def test_multi_selection_edits_shared_properties(qtbot: QtBot, window: MainWindow,
                                                 storage: MinioStorage, bucket: str,
                                                 tmp_path: Path) -> None:
    storage.set_tags(bucket, "a.txt", {"keep": "yes"})
    pane = window.preview_pane
    table = window.object_table
    model = table.selectionModel()
    table.select_key("a.txt")
    for key in ("d.json", "g.txt"):
        index = window.table_model.index(window.table_model.row_of_key(key), 0)
        model.select(index, QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.waitUntil(lambda: pane.showing_selection, timeout=WAIT)
    assert pane.current_view is pane.selection_card
    assert pane.selection_card.label.text().startswith("3 objects selected")
    dialog = pane.edit_selection()
    assert dialog is not None
    dialog.content_type.setText("text/x-shared")
    dialog.change_tags.setChecked(True)
    dialog.tags.add_row("batch", "Grüße 1")
    with qtbot.waitSignal(pane.selection_saved, timeout=WAIT) as saved:
        dialog.accept()
    assert saved.args == [bucket, 0]
    assert pane.selection_card.status.text() == "All 3 objects updated."
    assert pane.selection_card.progress.value() == 3
    shots = Path(os.environ.get("PREVIEW_SHOTS_DIR") or tmp_path)
    assert pane.grab().save(str(shots / "multi-selection.png"))
    for key in ("a.txt", "d.json", "g.txt"):
        props = storage.object_properties(bucket, key)
        assert props.content_type == "text/x-shared"
        assert props.tags["batch"] == "Grüße 1"
    assert storage.get_tags(bucket, "a.txt") == {"keep": "yes", "batch": "Grüße 1"}
    assert storage.object_properties(bucket, "b.png").content_type != "text/x-shared"
    # Back to one object: its preview returns.
    with qtbot.waitSignal(pane.preview_shown, timeout=WAIT):
        table.select_key("g.txt")
    assert pane.shown_text == "text G, the last one\n"


def test_preview_limit_comes_from_the_environment(qtbot: QtBot, app_environ: dict[str, str],
                                                  storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "two-mb.png", samples.png_bytes(8, 8) + b"\0" * 2 * 1024 * 1024)
    win = build_window({**app_environ, "MINIO_BUCKET_NAME": bucket,
                        "MINIO_DESKTOP_PREVIEW_LIMIT_MB": "1"})
    qtbot.addWidget(win)
    assert win.preview_pane.cap == 1024 * 1024
    qtbot.waitUntil(lambda: win.object_table.select_key("two-mb.png"), timeout=WAIT)
    qtbot.waitUntil(lambda: "too large to preview" in win.preview_pane.message, timeout=WAIT)
    assert "1.0 MiB" in win.preview_pane.message
    win.close()
