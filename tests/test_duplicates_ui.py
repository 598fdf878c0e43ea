"""Find duplicates… as a user meets it: from the bucket's menu and a folder's, the groups of
copies made on the real server, extras selected keeping the oldest or newest, deleted with
a confirmation and a report; Cancel while listing; a refusal listed per copy."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.core.duplicates import StoredHashes
from desktop_app.core.types import ObjectEntry
from desktop_app.storage.listing_xml import ParsedListing
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.insight.duplicates_dialog import DuplicatesDialog
from desktop_app.ui.insight.duplicates_flow import DuplicatesActions
from tests.conftest import WindowFactory
from tests.helpers import open_window

WAIT = 15_000
A = b"A" * 2048
P = b"P" * 2048  # same size as A, other bytes


def seed(storage: MinioStorage, bucket: str) -> None:
    """Two originals, then (a second later, so they are newer) copies made on the server."""
    storage.put_bytes(bucket, "pics/a.jpg", A, "image/jpeg",
                      {"sha256": hashlib.sha256(A).hexdigest()})
    storage.put_bytes(bucket, "docs/p.bin", P, "application/octet-stream", {})
    storage.put_bytes(bucket, "docs/unique.bin", b"u" * 77, "application/octet-stream", {})
    time.sleep(1.1)  # S3 times have whole seconds: the copies must be visibly newer
    storage.copy_object(bucket, "pics/a.jpg", bucket, "pics/b.jpg")
    storage.copy_object(bucket, "pics/a.jpg", bucket, "backup/c.jpg")
    storage.copy_object(bucket, "docs/p.bin", bucket, "backup/p.bin")


def open_dialog(qtbot: QtBot, actions: DuplicatesActions) -> DuplicatesDialog:
    qtbot.waitUntil(lambda: isinstance(actions.active_dialog, DuplicatesDialog)
                    and actions.active_dialog.isVisible(), timeout=WAIT)
    dialog = actions.active_dialog
    assert isinstance(dialog, DuplicatesDialog)
    return dialog


def wait_results(qtbot: QtBot, dialog: DuplicatesDialog) -> None:
    qtbot.waitUntil(lambda: dialog.summary.text() != "", timeout=WAIT)


def group_keys(dialog: DuplicatesDialog) -> list[list[str]]:
    return [[e.key for e in g.entries] for g in dialog.groups]


def test_bucket_menu_finds_copies_and_deletes_extras_keeping_the_oldest(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    seed(storage, bucket)
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    menu = window.bucket_tree.menu_for(window.tree_model.index_for(bucket, conn=conn))
    assert menu is not None
    find = [a for a in menu.actions() if a.text() == "Find duplicates…"]
    assert len(find) == 1
    find[0].trigger()
    dialog = open_dialog(qtbot, window.duplicates)
    wait_results(qtbot, dialog)
    assert group_keys(dialog) == [["backup/c.jpg", "pics/a.jpg", "pics/b.jpg"],
                                  ["backup/p.bin", "docs/p.bin"]]
    assert [g.kind for g in dialog.groups] == ["SHA-256", "MD5"]
    assert "2 groups" in dialog.summary.text()
    assert "3 extra copies" in dialog.summary.text()
    assert "6.0 KiB could be freed" in dialog.summary.text()
    assert not dialog.delete_button.isEnabled()  # nothing ticked yet

    dialog.keep_combo.setCurrentIndex(1)  # newest: the originals go, and of the copies
    dialog.select_button.click()          # the last one made (backup/c.jpg) stays
    assert sorted(dialog.checked_keys()) == ["docs/p.bin", "pics/a.jpg", "pics/b.jpg"]
    dialog.keep_combo.setCurrentIndex(0)  # oldest: the copies go
    dialog.select_button.click()
    assert sorted(dialog.checked_keys()) == ["backup/c.jpg", "backup/p.bin", "pics/b.jpg"]
    dialog.grab().save("/tmp/duplicates_dialog.png")

    dialog.delete_button.click()
    qtbot.waitUntil(lambda: isinstance(window.duplicates.active_dialog, QMessageBox)
                    and window.duplicates.active_dialog.isVisible(), timeout=WAIT)
    box = window.duplicates.active_dialog
    assert isinstance(box, QMessageBox)
    assert "Delete 3 duplicate copies" in box.text()
    assert "One copy of each group stays" in box.text()
    box.grab().save("/tmp/duplicates_confirm.png")
    confirm = box.findChild(QPushButton, "duplicatesConfirmDelete")
    assert confirm is not None
    confirm.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Deleted 3 of 3"), timeout=WAIT)
    assert dialog.groups == []
    assert dialog.summary.text() == "No duplicates are left."
    assert not dialog.report.isVisible()
    left = sorted(o.key for page in storage.iter_listing(bucket) for o in page.objects)
    assert left == ["docs/p.bin", "docs/unique.bin", "pics/a.jpg"]
    dialog.grab().save("/tmp/duplicates_done.png")
    dialog.reject()


def test_every_copy_of_a_group_ticked_cannot_be_deleted(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    storage.put_bytes(bucket, "x", A, "", {})
    storage.copy_object(bucket, "x", bucket, "y")
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    window.duplicates.find(conn, bucket)
    dialog = open_dialog(qtbot, window.duplicates)
    wait_results(qtbot, dialog)
    dialog.set_checked({"x", "y"})
    assert not dialog.delete_button.isEnabled()
    assert "Every copy of 1 group is ticked" in dialog.selection_note.text()
    dialog.set_checked({"y"})
    assert dialog.delete_button.isEnabled()
    assert dialog.selection_note.text() == "1 copy selected, 2.0 KiB."
    dialog.reject()


def test_folder_menu_looks_below_that_folder_only(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    seed(storage, bucket)
    window, _ = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    window.open_location(bucket, "pics/")
    qtbot.waitUntil(lambda: window.table_model.prefix == "pics/", timeout=WAIT)
    menu = window.object_actions.build_menu()
    find = [a for a in menu.actions() if a.text() == "Find duplicates…"]
    assert len(find) == 1
    find[0].trigger()
    dialog = open_dialog(qtbot, window.duplicates)
    wait_results(qtbot, dialog)
    assert group_keys(dialog) == [["pics/a.jpg", "pics/b.jpg"]]
    window.open_location(bucket, "")
    qtbot.waitUntil(lambda: window.table_model.prefix == "", timeout=WAIT)
    top = dialog.tree.topLevelItem(0)
    assert top is not None
    row = top.child(1)
    assert row is not None
    dialog.tree.itemDoubleClicked.emit(row, 0)
    qtbot.waitUntil(lambda: window.table_model.prefix == "pics/", timeout=WAIT)
    dialog.reject()


class SlowStorage:
    """Lists one page, then waits for Cancel; refuses deleting `held` keys."""

    def __init__(self, held: frozenset[str] = frozenset(), stall: bool = True) -> None:
        self.held, self.stall = held, stall
        self.deleted: list[str] = []
        when = datetime(2024, 1, 1, tzinfo=UTC)
        self.objects = (ObjectEntry("one", 5, when, ""), ObjectEntry("two", 5, when, ""))

    def iter_listing(self, bucket: str, prefix: str = "", recursive: bool = True,
                     cancel: threading.Event | None = None) -> Iterator[ParsedListing]:
        yield ParsedListing(self.objects, (), self.stall)
        if self.stall:
            assert cancel is not None
            assert cancel.wait(WAIT / 1000)

    def stored_hashes(self, bucket: str, key: str) -> StoredHashes:
        return StoredHashes({"MD5": "same"})

    def versioning_enabled(self, bucket: str) -> bool:
        return True

    def delete_many(self, bucket: str, keys: list[str]) -> list[tuple[str, str]]:
        self.deleted += [k for k in keys if k not in self.held]
        return [(k, "the server refused access (ask for delete rights)")
                for k in keys if k in self.held]


def test_cancel_while_listing_stops_and_says_so(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str]) -> None:
    window = make_window(app_environ)
    actions = window.duplicates
    actions.flows.start(actions._run(("c", "b", ""), SlowStorage()))
    dialog = open_dialog(qtbot, actions)
    qtbot.waitUntil(lambda: "2 so far" in dialog.status.text(), timeout=WAIT)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    wait_results(qtbot, dialog)
    assert dialog.summary.text().startswith("Stopped after listing 2 objects")
    assert dialog.groups == []
    dialog.reject()


def test_a_refused_copy_is_reported_and_stays_listed(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str]) -> None:
    window = make_window(app_environ)
    actions = window.duplicates
    fake = SlowStorage(held=frozenset({"two"}), stall=False)
    actions.flows.start(actions._run(("c", "b", ""), fake))
    dialog = open_dialog(qtbot, actions)
    wait_results(qtbot, dialog)
    dialog.set_checked({"two"})
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: isinstance(actions.active_dialog, QMessageBox), timeout=WAIT)
    box = actions.active_dialog
    assert isinstance(box, QMessageBox)
    assert "delete marker" in box.text()  # the fake bucket keeps versions
    confirm = box.findChild(QPushButton, "duplicatesConfirmDelete")
    assert confirm is not None
    confirm.click()
    qtbot.waitUntil(lambda: dialog.report.isVisible(), timeout=WAIT)
    assert dialog.status.text().startswith("Deleted 0 of 1 selected copies.")
    assert "refused 1" in dialog.status.text()
    assert dialog.report.toPlainText() == "two — the server refused access (ask for delete rights)"
    assert group_keys(dialog) == [["one", "two"]]
    assert dialog.summary.text() == ("1 group of identical objects left, 5 B could still be "
                                     "freed.")
    assert fake.deleted == []
    dialog.reject()


def test_copies_changed_after_the_search_are_not_deleted(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    """Between the search and the click another user overwrites an extra and deletes a kept
    copy: the overwritten one stays, and so does the last copy of the other group."""
    seed(storage, bucket)
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    window.duplicates.find(conn, bucket)
    dialog = open_dialog(qtbot, window.duplicates)
    wait_results(qtbot, dialog)
    dialog.select_button.click()  # keep the oldest: pics/a.jpg and docs/p.bin
    assert sorted(dialog.checked_keys()) == ["backup/c.jpg", "backup/p.bin", "pics/b.jpg"]
    storage.put_bytes(bucket, "pics/b.jpg", b"B" * len(A), "image/jpeg", {})
    storage.delete(bucket, "docs/p.bin")
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: isinstance(window.duplicates.active_dialog, QMessageBox),
                    timeout=WAIT)
    box = window.duplicates.active_dialog
    assert isinstance(box, QMessageBox)
    confirm = box.findChild(QPushButton, "duplicatesConfirmDelete")
    assert confirm is not None
    confirm.click()
    qtbot.waitUntil(lambda: dialog.report.isVisible(), timeout=WAIT)
    assert dialog.status.text() == (
        "Deleted 1 of 3 selected copies. 2 changed since the search and were left (listed "
        "below); Find duplicates again to see them as they are now.")
    assert dialog.report.toPlainText().splitlines() == [
        "pics/b.jpg — changed since the search (find again before deleting it)",
        "backup/p.bin — the copy to keep has changed or is gone since the search, so this "
        "one may be the last (find again)"]
    left = sorted(o.key for page in storage.iter_listing(bucket) for o in page.objects)
    assert left == ["backup/p.bin", "docs/unique.bin", "pics/a.jpg", "pics/b.jpg"]
    dialog.grab().save("/tmp/duplicates_changed.png")
    dialog.reject()
