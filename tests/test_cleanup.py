"""Clean up… against the real server: the dry run finds objects of several ages (the clock
injected), names, categories and sizes; the delete reports per item; a versioned bucket
leaves delete markers or loses every version, as chosen; a filter becomes a lifecycle rule
after the user saw it, or the dialog says why it cannot."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.core.categories import Category
from desktop_app.core.cleanup import CleanupFilter
from desktop_app.core.types import ObjectEntry
from desktop_app.storage.bulk_ops import Progress
from desktop_app.storage.listing_xml import ParsedListing
from desktop_app.storage.open_connections import OpenConnection, OpenConnections
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.insight.cleanup_actions import CleanupActions
from desktop_app.ui.insight.cleanup_dialog import CleanupDialog
from desktop_app.ui.insight.cleanup_work import (
    DryRun,
    delete_every_version,
    delete_matches,
    dry_run,
)
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.tasks import TaskRunner
from tests.helpers import put_bytes

WAIT = 20_000


def listed(storage: MinioStorage, bucket: str) -> dict[str, ObjectEntry]:
    return {o.key: o for page in storage.iter_listing(bucket, "") for o in page.objects}


def seed_two_ages(storage: MinioStorage, bucket: str) -> datetime:
    """Old objects, then (once the server's clock has moved on a second) new ones; returns
    a `now` at which the old ones are more than 30 days old and the new ones are not."""
    old = {"logs/a.log": 100, "logs/b.tmp": 200, "photos/c.jpg": 3000, "photos/d.png": 50}
    for key, size in old.items():
        put_bytes(storage, bucket, key, b"o" * size)
    first = max(o.last_modified for o in listed(storage, bucket).values() if o.last_modified)
    n = 0
    while True:  # S3 times have one-second steps: write until one lands later
        put_bytes(storage, bucket, f"new/probe{n}.txt", b"n")
        when = listed(storage, bucket)[f"new/probe{n}.txt"].last_modified
        assert when is not None
        if when > first:
            break
        storage.delete(bucket, f"new/probe{n}.txt")
        n += 1
    for key in ("logs/e.tmp", "photos/f.jpg"):
        put_bytes(storage, bucket, key, b"n" * 10)
    return first + timedelta(days=30, milliseconds=500)


def test_dry_run_finds_by_age_name_category_and_size(storage: MinioStorage,
                                                      bucket: str) -> None:
    now = seed_two_ages(storage, bucket)

    def found(flt: CleanupFilter) -> list[str]:
        run = DryRun()
        assert dry_run(storage, bucket, flt, now, run)
        return sorted(o.key for o in run.matches)

    assert found(CleanupFilter(older_than_days=30)) == [
        "logs/a.log", "logs/b.tmp", "photos/c.jpg", "photos/d.png"]
    assert found(CleanupFilter(name_pattern="*.tmp")) == ["logs/b.tmp", "logs/e.tmp"]
    assert found(CleanupFilter(older_than_days=30, name_pattern="*.tmp")) == ["logs/b.tmp"]
    assert found(CleanupFilter(category=Category.IMAGES, min_size=100)) == ["photos/c.jpg"]
    assert found(CleanupFilter(prefix="photos/", older_than_days=30, max_size=100)) == [
        "photos/d.png"]
    run = DryRun()
    dry_run(storage, bucket, CleanupFilter(older_than_days=30), now, run)
    assert (run.count, run.size) == (4, 3350)


def test_every_version_goes_only_for_matched_keys(storage: MinioStorage, bucket: str) -> None:
    storage.set_versioning(bucket, True)
    for n in range(3):
        put_bytes(storage, bucket, "v/old.tmp", b"x" * (n + 1))
    put_bytes(storage, bucket, "v/keep.txt", b"k")
    put_bytes(storage, bucket, "v/keep.txt", b"kk")
    matches = [listed(storage, bucket)["v/old.tmp"]]
    report = delete_every_version(storage, bucket, "v/", matches, Progress())
    assert report.ok
    assert report.done == 1
    assert storage.list_versions(bucket, "v/old.tmp") == []
    assert len(storage.list_versions(bucket, "v/keep.txt")) == 2


# -- the dialog ----------------------------------------------------------------------------
@pytest.fixture
def actions(qtbot: QtBot, storage: MinioStorage) -> Iterator[CleanupActions]:
    window = QMainWindow()
    qtbot.addWidget(window)
    connections = OpenConnections()
    connections.add(OpenConnection("c1", "Test server", storage, None, None))
    runner = TaskRunner()
    refreshed: list[str] = []
    listing = type("Listing", (), {"bucket": "", "refresh": lambda self: refreshed.append("")})
    context = WindowContext(
        window=window, runner=runner, listing=listing(), tree=None,  # type: ignore[arg-type]
        connections=connections, show_error=print, show_info=print,
        active_storage=lambda: storage, active_connection=lambda: "c1",
        activate_connection=print, open_location=lambda b, p: None,
        check_server=lambda: None, on_close=lambda f: None)
    yield CleanupActions(context)
    runner.shutdown(wait=True)


def open_dialog(qtbot: QtBot, actions: CleanupActions, bucket: str,
                prefix: str = "") -> CleanupDialog:
    actions.open_cleanup("c1", bucket, prefix)
    qtbot.waitUntil(lambda: actions.active_dialog is not None
                    and actions.active_dialog.isVisible(), timeout=WAIT)
    dialog = actions.active_dialog
    assert dialog is not None
    return dialog


def answer(qtbot: QtBot, actions: CleanupActions, yes: bool) -> str:
    qtbot.waitUntil(lambda: actions.session is not None
                    and actions.session.question is not None
                    and actions.session.question.isVisible(), timeout=WAIT)
    assert actions.session is not None
    assert actions.session.question is not None
    box: QMessageBox = actions.session.question
    text = box.text() + "\n" + box.detailedText()
    if yes:
        button = box.findChild(QPushButton, f"{box.objectName()}Yes")
        assert button is not None
        button.click()
    else:
        box.reject()
    return text


def shoot(dialog: CleanupDialog, name: str) -> None:
    folder = os.environ.get("CLEANUP_SHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(Path(folder) / f"{name}.png"))


def test_dialog_dry_run_then_delete_with_report(qtbot: QtBot, actions: CleanupActions,
                                                storage: MinioStorage, bucket: str) -> None:
    now = seed_two_ages(storage, bucket)
    actions.clock = lambda: now
    dialog = open_dialog(qtbot, actions, bucket)
    assert not dialog.versioned
    assert dialog.markers.isHidden()
    dialog.age_days.setValue(30)
    dialog.find_button.click()
    qtbot.waitUntil(lambda: dialog.delete_button.isEnabled(), timeout=WAIT)
    assert sorted(r.key for r in dialog.model.rows) == [
        "logs/a.log", "logs/b.tmp", "photos/c.jpg", "photos/d.png"]
    assert dialog.status.text().startswith("4 matching objects, 3.3 KiB; 7 looked at")
    assert dialog.delete_button.text() == "Delete 4 objects…"
    shoot(dialog, "cleanup-dry-run")
    dialog.delete_button.click()
    text = answer(qtbot, actions, yes=False)
    assert "Delete 4 objects" in text
    assert "cannot be undone" in text
    assert len(listed(storage, bucket)) == 7  # said no: nothing went
    dialog.delete_button.click()
    answer(qtbot, actions, yes=True)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Deleted"), timeout=WAIT)
    assert dialog.status.text() == "Deleted 4 objects (for good)."
    assert sorted(k for k in listed(storage, bucket) if not k.startswith("new/")) == [
        "logs/e.tmp", "photos/f.jpg"]
    assert not dialog.delete_button.isEnabled()  # the matches are gone with them
    shoot(dialog, "cleanup-report")


def test_versioned_bucket_offers_the_choice(qtbot: QtBot, actions: CleanupActions,
                                            storage: MinioStorage, bucket: str) -> None:
    storage.set_versioning(bucket, True)
    for key in ("t/a.tmp", "t/b.tmp", "t/c.txt"):
        put_bytes(storage, bucket, key, b"1")
        put_bytes(storage, bucket, key, b"22")
    dialog = open_dialog(qtbot, actions, bucket, "t/")
    assert dialog.versioned
    assert not dialog.every_version.isHidden()
    assert dialog.prefix_edit.text() == "t/"
    dialog.age_check.setChecked(False)
    dialog.name_edit.setText("a.tmp")
    dialog.find_button.click()
    qtbot.waitUntil(lambda: dialog.delete_button.isEnabled(), timeout=WAIT)
    dialog.delete_button.click()
    assert "delete markers are left" in answer(qtbot, actions, yes=True)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Deleted"), timeout=WAIT)
    history = storage.list_versions(bucket, "t/a.tmp")
    assert len(history) == 3
    assert history[0].is_delete_marker

    dialog.name_edit.setText("b.tmp")
    dialog.every_version.setChecked(True)
    shoot(dialog, "cleanup-versioned")
    dialog.find_button.click()
    qtbot.waitUntil(lambda: dialog.delete_button.isEnabled(), timeout=WAIT)
    dialog.delete_button.click()
    assert "every version of them is removed for good" in answer(qtbot, actions, yes=True)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Deleted"), timeout=WAIT)
    assert dialog.status.text() == "Deleted 1 object (every version)."
    assert storage.list_versions(bucket, "t/b.tmp") == []
    assert len(storage.list_versions(bucket, "t/c.txt")) == 2


def test_lifecycle_rule_is_shown_then_appended(qtbot: QtBot, actions: CleanupActions,
                                               storage: MinioStorage, bucket: str) -> None:
    dialog = open_dialog(qtbot, actions, bucket, "logs/")
    dialog.name_edit.setText("*.tmp")
    dialog.rule_button.click()
    qtbot.waitUntil(lambda: "not by name pattern" in dialog.status.text(), timeout=WAIT)
    assert actions.session is not None
    assert actions.session.question is None
    dialog.name_edit.clear()
    dialog.age_days.setValue(45)
    dialog.rule_button.click()
    text = answer(qtbot, actions, yes=True)
    assert "cleanup-logs-45d" in text
    assert "45 days" in text
    assert "<Days>45</Days>" in text
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Added"), timeout=WAIT)
    rules = storage.get_lifecycle(bucket)
    assert [(r.id, r.prefix, r.expire_days) for r in rules] == [("cleanup-logs-45d", "logs/",
                                                                 45)]
    shoot(dialog, "cleanup-rule")


# -- a fake listing and delete, for states the real server passes too quickly ----------------
class FakeStore:
    """`count` objects in pages of 1000; after the first page the listing waits until it is
    cancelled or `gate` opens. Keys in `refused` fail to delete, with a reason."""

    def __init__(self, count: int, refused: frozenset[str] = frozenset()) -> None:
        old = datetime(2020, 1, 1, tzinfo=UTC)
        self.objects = [ObjectEntry(f"k/{n:05}.tmp", 10, old, "e") for n in range(count)]
        self.refused = refused
        self.gate = threading.Event()
        self.batches: list[int] = []
        self.on_batch: Callable[[], None] = lambda: None

    def versioning_enabled(self, bucket: str) -> bool:
        return False

    def iter_listing(self, bucket: str, prefix: str = "", recursive: bool = True,
                     cancel: threading.Event | None = None) -> Iterator[ParsedListing]:
        for first in range(0, len(self.objects), 1000):
            if first:
                while not self.gate.is_set() and not (cancel and cancel.is_set()):
                    self.gate.wait(0.01)
            if cancel is not None and cancel.is_set():
                return
            yield ParsedListing(tuple(self.objects[first:first + 1000]), (), True)

    def delete_many(self, bucket: str, keys: Sequence[str]) -> list[tuple[str, str]]:
        self.batches.append(len(keys))
        self.on_batch()
        return [(k, "the object is locked by a retention rule or legal hold")
                for k in keys if k in self.refused]


@pytest.fixture
def fake_actions(qtbot: QtBot) -> Iterator[tuple[CleanupActions, FakeStore]]:
    window = QMainWindow()
    qtbot.addWidget(window)
    fake = FakeStore(2500, refused=frozenset({"k/00007.tmp", "k/02100.tmp"}))
    connections = OpenConnections()
    connections.add(OpenConnection("c1", "Fake", fake, None, None))  # type: ignore[arg-type]
    runner = TaskRunner()
    listing = type("Listing", (), {"bucket": "", "refresh": lambda self: None})
    context = WindowContext(
        window=window, runner=runner, listing=listing(), tree=None,  # type: ignore[arg-type]
        connections=connections, show_error=print, show_info=print,
        active_storage=lambda: None, active_connection=lambda: "c1",
        activate_connection=print, open_location=lambda b, p: None,
        check_server=lambda: None, on_close=lambda f: None)
    yield CleanupActions(context), fake
    fake.gate.set()
    runner.shutdown(wait=True)


def test_dry_run_streams_a_running_count_and_cancels(
        qtbot: QtBot, fake_actions: tuple[CleanupActions, FakeStore]) -> None:
    actions, _fake = fake_actions
    dialog = open_dialog(qtbot, actions, "b")
    dialog.find_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith(
        "1,000 matching objects, 9.8 KiB; 1,000 looked at…"), timeout=WAIT)
    assert len(dialog.model.rows) == 1000
    assert dialog.cancel_button.isEnabled()
    assert not dialog.delete_button.isEnabled()
    shoot(dialog, "cleanup-running")
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: "Stopped" in dialog.status.text(), timeout=WAIT)
    assert not dialog.delete_button.isEnabled()  # a partial look deletes nothing
    assert dialog.find_button.isEnabled()


def test_delete_reports_each_refused_object(
        qtbot: QtBot, fake_actions: tuple[CleanupActions, FakeStore]) -> None:
    actions, fake = fake_actions
    fake.gate.set()
    dialog = open_dialog(qtbot, actions, "b")
    dialog.find_button.click()
    qtbot.waitUntil(lambda: dialog.delete_button.isEnabled(), timeout=WAIT)
    assert dialog.delete_button.text() == "Delete 2,500 objects…"
    dialog.delete_button.click()
    answer(qtbot, actions, yes=True)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Deleted"), timeout=WAIT)
    assert fake.batches == [1000, 1000, 500]
    assert dialog.status.text() == ("Deleted 2,498 objects (for good). 2 could not be "
                                    "deleted; see below.")
    assert dialog.report.toPlainText().splitlines() == [
        "k/00007.tmp — the object is locked by a retention rule or legal hold",
        "k/02100.tmp — the object is locked by a retention rule or legal hold"]
    shoot(dialog, "cleanup-refused")


def test_cancelled_delete_stops_between_batches() -> None:
    fake = FakeStore(2500)
    progress = Progress()
    fake.on_batch = progress.cancel
    report = delete_matches(fake, "b", fake.objects, progress)  # type: ignore[arg-type]
    assert fake.batches == [1000]
    assert report.cancelled
    assert report.done == 1000
    assert report.remaining == 1500


def test_changing_the_filter_after_a_dry_run_asks_for_a_new_one(
        qtbot: QtBot, fake_actions: tuple[CleanupActions, FakeStore]) -> None:
    actions, fake = fake_actions
    fake.gate.set()
    dialog = open_dialog(qtbot, actions, "b")
    dialog.find_button.click()
    qtbot.waitUntil(lambda: dialog.delete_button.isEnabled(), timeout=WAIT)
    dialog.name_edit.setText("00001")
    assert not dialog.delete_button.isEnabled()
    assert dialog.status.text() == "The filter changed: Find matches again before deleting."
    dialog.find_button.click()
    qtbot.waitUntil(lambda: dialog.delete_button.isEnabled(), timeout=WAIT)
    assert [r.key for r in dialog.model.rows] == ["k/00001.tmp"]
    assert fake.batches == []  # nothing was deleted on the way
