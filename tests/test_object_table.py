"""The file table model and view against the real server: streaming, paging, stale
listings, sorting, filtering, odd keys, remembered columns."""

from __future__ import annotations

import secrets
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.row_store import COL_ETAG, COL_NAME, COL_SIZE
from desktop_app.core.types import FolderEntry, ListingPage, ObjectEntry
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.browse import object_table
from desktop_app.ui.browse.object_table import ObjectTable, ObjectTableModel
from desktop_app.ui.shell.tasks import TaskRunner
from tests.helpers import put_bytes
from tests.listing_helpers import fill

FIVE_K = 5000


@pytest.fixture(scope="module")
def big(s3_server: ConnectionSettings) -> Iterator[tuple[MinioStorage, str]]:
    storage = MinioStorage(s3_server, pool_size=32)
    name = f"table-5k-{secrets.token_hex(3)}"
    storage.make_bucket(name)
    keys = [f"flat/obj-{i:05d}" for i in range(FIVE_K)]
    keys += ["flat/m-folder/x", "flat/zz-folder/y", "other/one.txt", "other/two.txt"]
    fill(storage, name, keys)
    put_bytes(storage, name, "flat/big.bin", b"b" * 5000)
    yield storage, name
    storage.close()


@pytest.fixture
def model(qtbot: QtBot) -> Iterator[ObjectTableModel]:
    runner = TaskRunner()
    table_model = ObjectTableModel(runner)
    yield table_model
    runner.shutdown()


def names(model: ObjectTableModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_5k_folder_streams_in_pages(qtbot: QtBot, model: ObjectTableModel,
                                    big: tuple[MinioStorage, str]) -> None:
    storage, bucket = big

    class SlowPages:
        """The real storage, with each page a little late, so streaming is observable
        whatever the machine's load (the first rows must show before the last page)."""

        def __getattr__(self, name: str) -> object:
            return getattr(storage, name)

        def list_columns(self, *args: object, **kwargs: object) -> object:
            time.sleep(0.3)
            return storage.list_columns(*args, **kwargs)  # type: ignore[arg-type]

    model.set_storage(SlowPages())  # type: ignore[arg-type]
    seen_while_loading: list[int] = []
    model.rows_loaded.connect(
        lambda _n: seen_while_loading.append(model.rowCount()) if model.loading else None)
    model.set_location(bucket, "flat/")
    qtbot.waitUntil(lambda: model.complete and model.rowCount() == FIVE_K + 3, timeout=20_000)
    assert seen_while_loading
    assert seen_while_loading[0] < FIVE_K
    shown = names(model)
    assert shown[:2] == ["m-folder/", "zz-folder/"]
    assert shown[2:] == sorted(shown[2:])
    assert model.entry(2) == ObjectEntry(
        key="flat/big.bin", size=5000, last_modified=model.entry(2).last_modified,
        etag=model.entry(2).etag, storage_class=model.entry(2).storage_class)
    assert model.index(3, COL_SIZE).data() == "1 B"


def test_streaming_pauses_after_auto_rows_and_fetch_more_continues(
        qtbot: QtBot, model: ObjectTableModel, big: tuple[MinioStorage, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(object_table, "AUTO_ROWS", 2000)
    storage, bucket = big
    model.set_storage(storage)
    model.set_location(bucket, "flat/")
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() >= 2000, timeout=20_000)
    assert model.rowCount() < FIVE_K
    assert model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: not model.loading, timeout=20_000)
    assert model.rowCount() > 2000


def test_leaving_mid_listing_shows_no_stale_rows(qtbot: QtBot, model: ObjectTableModel,
                                                 big: tuple[MinioStorage, str]) -> None:
    storage, bucket = big
    model.set_storage(storage)
    model.set_location(bucket, "flat/")
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=20_000)
    assert model.loading  # the 5k folder is still arriving
    model.set_location(bucket, "other/")
    qtbot.waitUntil(lambda: model.complete, timeout=20_000)
    qtbot.wait(500)  # late pages of flat/ would land now
    assert names(model) == ["one.txt", "two.txt"]


def test_sort_keeps_folders_first_and_merges_new_pages(
        qtbot: QtBot, model: ObjectTableModel, big: tuple[MinioStorage, str]) -> None:
    storage, bucket = big
    model.set_storage(storage)
    model.sort(COL_SIZE, Qt.SortOrder.DescendingOrder)  # before the rows arrive
    model.set_location(bucket, "flat/")
    qtbot.waitUntil(lambda: model.complete and model.rowCount() == FIVE_K + 3, timeout=20_000)
    shown = names(model)
    assert set(shown[:2]) == {"m-folder/", "zz-folder/"}
    assert shown[2] == "big.bin"
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    shown = names(model)
    assert shown[:2] == ["zz-folder/", "m-folder/"]
    assert shown[2:4] == ["obj-04999", "obj-04998"]
    model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert names(model)[2] == "big.bin"


def test_filter_as_you_type(qtbot: QtBot, model: ObjectTableModel,
                            big: tuple[MinioStorage, str]) -> None:
    storage, bucket = big
    model.set_storage(storage)
    model.set_location(bucket, "flat/")
    qtbot.waitUntil(lambda: model.complete, timeout=20_000)
    model.set_filter("OBJ-0010")
    assert names(model) == [f"obj-0010{i}" for i in range(10)]
    model.set_filter("*folder")
    assert names(model) == ["m-folder/", "zz-folder/"]
    model.set_filter("")
    assert model.rowCount() == FIVE_K + 3


def test_model_passes_qt_model_tester(qtbot: QtBot, qtmodeltester, model: ObjectTableModel,  # type: ignore[no-untyped-def]
                                      big: tuple[MinioStorage, str]) -> None:
    storage, bucket = big
    model.set_storage(storage)
    model.set_location(bucket, "other/")
    qtbot.waitUntil(lambda: model.complete and model.rowCount() == 2, timeout=20_000)
    qtmodeltester.check(model)
    model.sort(COL_SIZE, Qt.SortOrder.DescendingOrder)
    model.set_filter("one")
    qtmodeltester.check(model)


def test_odd_keys_shown_exactly_but_safely(qtbot: QtBot, model: ObjectTableModel,
                                           storage: MinioStorage, bucket: str) -> None:
    nfc, nfd = unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")
    keys = ["a b.txt", "1+1.txt", "100%.txt", nfc, nfd, "bell\x07.txt", "x\u202egnp.exe",
            "n" * 255]
    for key in keys:
        put_bytes(storage, bucket, f"k/{key}", b"k")
    model.set_storage(storage)
    model.set_location(bucket, "k/")
    qtbot.waitUntil(lambda: model.complete and model.rowCount() == len(keys), timeout=20_000)
    shown = names(model)
    for expected in ("a b.txt", "1+1.txt", "100%.txt", nfc, nfd, "bell\\x07.txt",
                     "x\\u202egnp.exe", "n" * 255):
        assert expected in shown
    assert shown.count(nfc) == 1
    assert shown.count(nfd) == 1
    row = shown.index("x\\u202egnp.exe")
    assert model.key(row) == "k/x\u202egnp.exe"  # the real key is kept for actions


class _DotStorage:
    """A fake: SeaweedFS normalises `..` away, so such keys cannot be made on it."""

    endpoint_url = "http://fake"

    def list_page(self, bucket: str, prefix: str = "", start_after: str | None = None,
                  limit: int = 1000) -> ListingPage:
        return ListingPage(bucket, prefix, (FolderEntry("./"),),
                           (ObjectEntry("../escape.txt", 3, None, ""),), None)


def test_dot_segment_keys_listed_with_warning(qtbot: QtBot, model: ObjectTableModel) -> None:
    model.set_storage(_DotStorage())  # type: ignore[arg-type]
    model.set_location("fake", "")
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
    tip = model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "../escape.txt" in tip
    assert "cannot be opened" in tip
    assert not model.index(1, 0).data(Qt.ItemDataRole.DecorationRole).isNull()


def test_columns_and_choices_are_remembered(qtbot: QtBot, model: ObjectTableModel,
                                            tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "view.ini"), QSettings.Format.IniFormat)
    table = ObjectTable(model)
    qtbot.addWidget(table)
    table.use_settings(settings)
    header = table.horizontalHeader()
    assert header.isSectionHidden(COL_ETAG)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Name", "Size", "Type", "Last modified", "Storage class", "ETag"]
    table.set_column_visible(COL_ETAG, True)
    header.moveSection(COL_SIZE, 4)
    header.resizeSection(COL_NAME, 222)
    table.sortByColumn(COL_SIZE, Qt.SortOrder.DescendingOrder)
    settings.sync()

    again = ObjectTable(ObjectTableModel(TaskRunner(table), table))
    qtbot.addWidget(again)
    again.use_settings(QSettings(str(tmp_path / "view.ini"), QSettings.Format.IniFormat))
    h2 = again.horizontalHeader()
    assert not h2.isSectionHidden(COL_ETAG)
    assert h2.visualIndex(COL_SIZE) == 4
    assert h2.sectionSize(COL_NAME) == 222
    assert (h2.sortIndicatorSection(), h2.sortIndicatorOrder()) == (
        COL_SIZE, Qt.SortOrder.DescendingOrder)


def test_1000_byte_key_is_listed_and_shown(qtbot: QtBot, model: ObjectTableModel,
                                           storage: MinioStorage, bucket: str) -> None:
    parent = "/".join(["é" * 120, "a" * 240, "b" * 240, "c" * 200]) + "/"
    key = parent + "d" * (1000 - len(parent.encode()))
    assert len(key.encode()) == 1000
    put_bytes(storage, bucket, key, b"long")
    model.set_storage(storage)
    model.set_location(bucket, parent)
    qtbot.waitUntil(lambda: model.complete and model.rowCount() == 1, timeout=20_000)
    assert names(model) == ["d" * (1000 - len(parent.encode()))]
    assert model.key(0) == key
    model.set_location(bucket, "")
    qtbot.waitUntil(lambda: model.complete and model.rowCount() == 1, timeout=20_000)
    assert names(model) == ["é" * 120 + "/"]
