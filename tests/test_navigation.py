"""Navigation in the wired window against the real server: address bar, breadcrumb,
back/forward/up, Enter/Backspace, the tree following the table, filter and search."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.app import build_window
from desktop_app.core.history import History, parse_address
from desktop_app.core.search import SearchCriteria
from desktop_app.core.types import ObjectEntry
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.shell.main_window import MainWindow
from tests.helpers import put_bytes
from tests.listing_helpers import fill

WindowFactory = Callable[[dict[str, str]], MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[WindowFactory]:
    windows: list[MainWindow] = []

    def make(environ: dict[str, str]) -> MainWindow:
        window = build_window(environ)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def tree_bucket(storage: MinioStorage, bucket: str) -> str:
    put_bytes(storage, bucket, "top.txt", b"top")
    put_bytes(storage, bucket, "a/b/c/deep.txt", b"deep")
    put_bytes(storage, bucket, "a/b/sibling.bin", b"s" * 3000)
    put_bytes(storage, bucket, "a/b/c/photo.JPG", b"j" * 2000)
    fill(storage, bucket, [f"a/b/c/many/file-{i:04d}.txt" for i in range(1500)])
    return bucket


def names(window: MainWindow) -> list[str]:
    model = window.table_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def wait_folder(qtbot: QtBot, window: MainWindow, prefix: str) -> None:
    model = window.table_model
    qtbot.waitUntil(lambda: bool(model.bucket) and model.prefix == prefix and model.complete,
                    timeout=15_000)


def test_address_bar_back_forward_up_and_keys(qtbot: QtBot, make_window: WindowFactory,
                                             app_environ: dict[str, str],
                                             tree_bucket: str) -> None:
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": tree_bucket})
    browse = window.browse
    wait_folder(qtbot, window, "")
    assert names(window) == ["a/", "top.txt"]
    # Type an address and press Enter.
    browse.address_bar.start_editing()
    assert browse.address_bar.editing
    browse.address_bar.edit.setText(f"{tree_bucket}/a/b")
    qtbot.keyClick(browse.address_bar.edit, Qt.Key.Key_Return)
    wait_folder(qtbot, window, "a/b/")
    assert names(window) == ["c/", "sibling.bin"]
    assert not browse.address_bar.editing
    assert browse.address_bar.crumb_texts() == [tree_bucket, "› a", "› b"]
    # Enter on a folder row opens it.
    table = window.object_table
    table.setFocus()
    table.setCurrentIndex(window.table_model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    wait_folder(qtbot, window, "a/b/c/")
    assert names(window) == ["many/", "deep.txt", "photo.JPG"]
    # The tree expanded down to the open folder and selected it.
    tree = window.bucket_tree
    qtbot.waitUntil(lambda: tree.bucket_model().location(tree.currentIndex())
                    == (tree_bucket, "a/b/c/"), timeout=15_000)
    # Backspace goes up; back and forward walk the history.
    qtbot.keyClick(table, Qt.Key.Key_Backspace)
    wait_folder(qtbot, window, "a/b/")
    browse.action_back.trigger()
    wait_folder(qtbot, window, "a/b/c/")
    browse.action_back.trigger()
    wait_folder(qtbot, window, "a/b/")
    browse.action_back.trigger()
    wait_folder(qtbot, window, "")
    assert not browse.action_back.isEnabled()
    browse.action_forward.trigger()
    wait_folder(qtbot, window, "a/b/")
    window.action_up.trigger()
    wait_folder(qtbot, window, "a/")
    # A breadcrumb click opens that level.
    crumb = browse.address_bar.crumb_buttons[0]
    crumb.click()
    wait_folder(qtbot, window, "")
    assert not browse.action_forward.isEnabled()  # a new visit dropped the forward branch


def test_filter_box_filters_loaded_rows(qtbot: QtBot, make_window: WindowFactory,
                                        app_environ: dict[str, str], tree_bucket: str) -> None:
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": tree_bucket})
    wait_folder(qtbot, window, "")
    window.open_location(tree_bucket, "a/b/c/many/")
    wait_folder(qtbot, window, "a/b/c/many/")
    assert window.table_model.rowCount() == 1500
    window.browse.action_filter.trigger()
    qtbot.keyClicks(window.browse.filter_edit, "file-012*")
    qtbot.waitUntil(lambda: names(window) == [f"file-012{i}.txt" for i in range(10)],
                    timeout=10_000)
    window.browse.filter_edit.clear()
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 1500, timeout=10_000)


def test_search_below_streams_matches_and_opens_one(
        qtbot: QtBot, qtmodeltester, make_window: WindowFactory,  # type: ignore[no-untyped-def]
        app_environ: dict[str, str], tree_bucket: str) -> None:
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": tree_bucket})
    wait_folder(qtbot, window, "")
    window.open_location(tree_bucket, "a/")
    wait_folder(qtbot, window, "a/")
    browse = window.browse
    browse.action_search.trigger()
    panel = browse.search_panel
    assert panel.isVisible()
    qtbot.keyClicks(panel.pattern, "*.jpg")
    qtbot.keyClick(panel.pattern, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    assert panel.results.keys == ["a/b/c/photo.JPG"]
    qtmodeltester.check(panel.results)
    assert panel.scanned == 1503
    assert "1 match in 1,503 objects" in panel.status.text()
    # Substring plus a size bound.
    panel.pattern.setText("i")
    panel.min_size.setValue(2.5)  # KiB
    panel.start()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    assert panel.results.keys == ["a/b/sibling.bin"]
    # Opening a match shows its folder with the object selected.
    panel.result_opened.emit(tree_bucket, "a/b/sibling.bin")
    wait_folder(qtbot, window, "a/b/")
    qtbot.waitUntil(lambda: [e.key for e in window.object_table.selected_entries()]
                    == ["a/b/sibling.bin"], timeout=15_000)


def test_search_can_be_cancelled(qtbot: QtBot, make_window: WindowFactory,
                                 app_environ: dict[str, str], tree_bucket: str) -> None:
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": tree_bucket})
    wait_folder(qtbot, window, "")
    panel = window.browse.search_panel
    window.browse.show_search()
    panel.pattern.setText("file-")
    panel.start()
    assert panel.running
    assert panel.cancel_button.isEnabled()
    panel.cancel_button.click()
    assert not panel.running
    assert panel.status.text().startswith("Cancelled")
    count = panel.results.rowCount()
    qtbot.wait(1500)  # batches still in flight are dropped
    assert panel.results.rowCount() == count
    assert panel.status.text().startswith("Cancelled")  # a late "Done" was dropped too


def test_search_criteria_bounds() -> None:
    now = datetime.now(UTC)
    obj = ObjectEntry("x/Report Final.PDF", 500, now, "")
    assert SearchCriteria("report").accepts(obj)
    assert SearchCriteria("*.pdf").accepts(obj)
    assert not SearchCriteria("*.pd").accepts(obj)
    assert not SearchCriteria(min_size=501).accepts(obj)
    assert SearchCriteria(max_size=500).accepts(obj)
    assert not SearchCriteria(modified_after=now + timedelta(seconds=1)).accepts(obj)
    assert SearchCriteria(modified_before=now).accepts(obj)


def test_history_and_address_parsing() -> None:
    history = History()
    for place in (("b", ""), ("b", "x/"), ("b", "x/y/")):
        history.visit(place)
    assert history.back() == ("b", "x/")
    history.visit(("b", "z/"))
    assert not history.can_forward()
    assert history.back() == ("b", "x/")
    assert parse_address("s3://bkt/some/folder") == ("bkt", "some/folder/")
    assert parse_address("  bkt/with space ") == ("bkt", "with space /")
    assert parse_address("bkt") == ("bkt", "")


def test_closing_the_window_cancels_a_running_search(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        tree_bucket: str) -> None:
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": tree_bucket})
    wait_folder(qtbot, window, "")
    panel = window.browse.search_panel
    panel.start()
    cancel = panel._cancel
    window.close()
    assert cancel.is_set()
