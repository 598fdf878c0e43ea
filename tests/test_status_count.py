"""The status bar counts the rows the name/category filter leaves, not only the loaded ones."""

from __future__ import annotations

import os

from pytestqt.qtbot import QtBot

from desktop_app.core.categories import Category
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.browse.count_text import count_text
from tests.conftest import WindowFactory
from tests.helpers import put_bytes

WAIT = 15_000


def test_count_text_names_the_filter() -> None:
    assert count_text(340, 340) == "340 items"
    assert count_text(1, 1) == "1 item"
    assert count_text(12, 340, "", Category.IMAGES) == \
        "12 of 340 items shown (filter: Images)"
    assert count_text(3, 340, " cat ", Category.IMAGES) == \
        "3 of 340 items shown (filter: Images, “cat”)"


def test_status_bar_follows_the_category_and_name_filter(
        qtbot: QtBot, open_bucket: WindowFactory,
        storage: MinioStorage, bucket: str) -> None:
    for key in ("a.jpg", "b.png", "c.txt", "d.pdf"):
        put_bytes(storage, bucket, key, b"x")
    window = open_bucket(bucket, 4)
    label = window.location_label
    qtbot.waitUntil(lambda: label.text() == "4 items", timeout=WAIT)

    window.table_model.set_category_filter(Category.IMAGES)
    qtbot.waitUntil(lambda: label.text() == "2 of 4 items shown (filter: Images)",
                    timeout=WAIT)
    window.table_model.set_filter("a")
    qtbot.waitUntil(lambda: label.text() == "1 of 4 items shown (filter: Images, “a”)",
                    timeout=WAIT)
    if os.environ.get("SHOTS_DIR"):
        window.resize(1280, 800)
        window.grab().save(os.path.join(os.environ["SHOTS_DIR"], "status-count.png"))
    window.table_model.set_category_filter(None)
    window.table_model.set_filter("")
    qtbot.waitUntil(lambda: label.text() == "4 items", timeout=WAIT)
