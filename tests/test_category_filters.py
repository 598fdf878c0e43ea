"""The kind-of-file filters against the real server: the file table's category combo hides
objects of other kinds (folders stay) and "Search below" finds only the chosen kind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.core.categories import Category
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.shell.main_window import MainWindow
from tests.conftest import WindowFactory
from tests.helpers import put_bytes

FILES = ("photo.JPG", "scan.png", "report.pdf", "sales.xlsx", "song.mp3", "clip.mp4",
         "backup.tar.gz", "main.py", "blob")


@pytest.fixture
def kinds_bucket(storage: MinioStorage, bucket: str) -> str:
    for name in FILES:
        put_bytes(storage, bucket, f"mixed/{name}", b"x" * 10)
    put_bytes(storage, bucket, "mixed/deeper/inner.gif", b"g")
    put_bytes(storage, bucket, "mixed/deeper/notes.txt", b"t")
    return bucket


def names(window: MainWindow) -> list[str]:
    model = window.table_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def choose(combo_owner: object, combo_name: str, category: Category | None) -> None:
    combo = getattr(combo_owner, combo_name)
    combo.setCurrentIndex(combo.findData(category))


def open_mixed(qtbot: QtBot, make_window: WindowFactory, environ: dict[str, str],
               bucket: str) -> MainWindow:
    window = make_window({**environ, "MINIO_BUCKET_NAME": bucket})
    window.show()
    model = window.table_model
    qtbot.waitUntil(lambda: bool(model.bucket), timeout=15_000)
    window.open_location(bucket, "mixed/")
    qtbot.waitUntil(lambda: model.prefix == "mixed/" and model.complete, timeout=15_000)
    return window


def test_table_category_filter_hides_other_kinds_and_keeps_folders(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        kinds_bucket: str) -> None:
    window = open_mixed(qtbot, make_window, app_environ, kinds_bucket)
    browse = window.browse
    assert browse.category_combo.currentData() is None
    assert len(names(window)) == len(FILES) + 1
    choose(browse, "category_combo", Category.IMAGES)
    assert names(window) == ["deeper/", "photo.JPG", "scan.png"]
    # The name filter narrows further; clearing it keeps the kind.
    browse.filter_edit.setText("s*")
    qtbot.waitUntil(lambda: names(window) == ["scan.png"], timeout=10_000)
    browse.filter_edit.clear()
    qtbot.waitUntil(lambda: names(window) == ["deeper/", "photo.JPG", "scan.png"],
                    timeout=10_000)
    # The kind stays while moving to another folder.
    window.open_location(kinds_bucket, "mixed/deeper/")
    qtbot.waitUntil(lambda: window.table_model.complete
                    and names(window) == ["inner.gif"], timeout=15_000)
    window.open_location(kinds_bucket, "mixed/")
    qtbot.waitUntil(lambda: window.table_model.complete
                    and names(window) == ["deeper/", "photo.JPG", "scan.png"], timeout=15_000)
    grab = "/tmp/category_filter_table.png"
    assert window.grab().save(grab)
    choose(browse, "category_combo", Category.OTHER)
    assert names(window) == ["deeper/", "blob"]
    choose(browse, "category_combo", Category.ARCHIVES)
    assert names(window) == ["deeper/", "backup.tar.gz"]
    choose(browse, "category_combo", None)
    assert len(names(window)) == len(FILES) + 1


def test_search_below_filters_by_category_and_opening_clears_the_table_kind(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        kinds_bucket: str) -> None:
    window = open_mixed(qtbot, make_window, app_environ, kinds_bucket)
    browse = window.browse
    browse.show_search()
    panel = browse.search_panel
    choose(panel, "category", Category.IMAGES)
    qtbot.keyClick(panel.pattern, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    assert panel.results.keys == ["mixed/deeper/inner.gif", "mixed/photo.JPG", "mixed/scan.png"]
    assert panel.scanned == len(FILES) + 2
    assert "3 matches in 11 objects" in panel.status.text()
    assert window.grab().save("/tmp/category_filter_search.png")
    # Name pattern and kind together.
    panel.pattern.setText("n")
    choose(panel, "category", Category.CODE_TEXT)
    panel.start()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    assert panel.results.keys == ["mixed/deeper/notes.txt", "mixed/main.py"]
    # A result hidden by the table's kind filter is shown when opened.
    choose(browse, "category_combo", Category.VIDEO)
    panel.result_opened.emit(kinds_bucket, "mixed/main.py")
    qtbot.waitUntil(lambda: [e.key for e in window.object_table.selected_entries()]
                    == ["mixed/main.py"], timeout=15_000)
    assert browse.category_combo.currentData() is None
