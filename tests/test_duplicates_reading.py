"""Duplicates compared by reading: objects no stored hash can compare (uploaded in parts, so
no MD5 ETag and no checksum) are read and compared by SHA-256 after the bytes it reads were
shown and agreed; progress and Cancel; deleting such a copy rechecks its ETag. Real server."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.duplicates import (
    READ,
    StoredHashes,
    find_duplicates,
    hash_by_reading,
    reading_plan,
)
from desktop_app.core.jobs import JobState
from desktop_app.core.transfer_types import PartInfo
from desktop_app.core.types import ObjectEntry
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.insight.duplicates_work import read_sha256
from tests import test_duplicates_ui as dupes
from tests.conftest import WindowFactory
from tests.helpers import open_window
from tests.test_duplicates import entry, listing

WAIT = 15_000
X = b"X" * 3000
Y = b"Y" * 3000


def shoot(widget: QWidget, name: str) -> None:
    """With SHOTS_DIR set, a PNG of the widget for a look by eye."""
    folder = os.environ.get("SHOTS_DIR")
    if folder:
        widget.grab().save(os.path.join(folder, f"{name}.png"))


def in_parts(storage: MinioStorage, bucket: str, key: str, data: bytes) -> None:
    """An upload in one part through the multipart API: no MD5 ETag, no checksum asked."""
    upload = storage.create_multipart(bucket, key, "application/octet-stream", {})
    etag = storage.upload_part(bucket, key, upload, 1, data)
    storage.complete_multipart(bucket, key, upload, [PartInfo(1, etag, len(data))])


def seed(storage: MinioStorage, bucket: str) -> None:
    storage.put_bytes(bucket, "a.bin", X, "application/octet-stream",
                      {"sha256": hashlib.sha256(X).hexdigest()})
    in_parts(storage, bucket, "parts/m1.bin", X)
    in_parts(storage, bucket, "parts/m2.bin", X)
    in_parts(storage, bucket, "parts/other.bin", Y)


def test_unit_plan_reads_one_copy_of_a_proven_group_and_the_incomparable() -> None:
    sha = StoredHashes({"SHA-256": "s"})
    crc = StoredHashes({"CRC32": "c"})
    report = find_duplicates(
        lambda: [entry("p1", 5), entry("p2", 5), entry("none", 5), entry("crc", 5),
                 entry("solo", 9), entry("solo2", 9)],
        lambda key: {"p1": sha, "p2": sha, "crc": crc, "solo": sha,
                     "solo2": StoredHashes({"SHA-256": "t"})}.get(key, StoredHashes()))
    assert [[e.key for e in g.entries] for g in report.groups] == [["p1", "p2"]]
    assert report.unverified == 1
    # size 5: "none" shares no kind with anyone, "crc" none with the SHA-256 ones; one of p1/p2
    assert sorted(e.key for e in reading_plan(report)) == ["crc", "none", "p1"]

    digests = {"p1": "d", "none": "d", "crc": "e"}
    ticks: list[int] = []

    def read(obj: ObjectEntry, tick: Callable[[int], None]) -> str:
        tick(obj.size)
        ticks.append(obj.size)
        return digests[obj.key]

    decided = hash_by_reading(report, read)
    assert [[e.key for e in g.entries] for g in decided.groups] == [["none", "p1", "p2"]]
    assert decided.unverified == 0
    assert decided.pending == ()
    assert sum(ticks) == 15


def test_real_server_reading_decides_what_no_stored_hash_could(
        storage: MinioStorage, bucket: str) -> None:
    seed(storage, bucket)
    report = find_duplicates(lambda: listing(storage, bucket),
                             partial(storage.stored_hashes, bucket))
    assert report.groups == ()
    assert report.unverified == 3
    plan = reading_plan(report)
    assert sorted(e.key for e in plan) == ["a.bin", "parts/m1.bin", "parts/m2.bin",
                                           "parts/other.bin"]
    seen: list[tuple[str, int, int]] = []
    stop = threading.Event()
    decided = hash_by_reading(report, partial(read_sha256, storage, bucket, stop), stop,
                              lambda *step: seen.append(step))

    assert [([e.key for e in g.entries], g.kind) for g in decided.groups] == [
        (["a.bin", "parts/m1.bin", "parts/m2.bin"], READ)]
    assert decided.unverified == 0
    assert seen[-1] == ("reading", 12000, 12000)


def test_real_server_cancel_stops_reading(storage: MinioStorage, bucket: str) -> None:
    seed(storage, bucket)
    report = find_duplicates(lambda: listing(storage, bucket),
                             partial(storage.stored_hashes, bucket))
    stop = threading.Event()
    stop.set()
    decided = hash_by_reading(report, partial(read_sha256, storage, bucket, stop), stop)
    assert decided.groups == ()
    assert decided.unverified == 3
    assert reading_plan(decided)  # still to read


def test_dialog_asks_with_the_bytes_then_reads_and_deletes_a_read_copy(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    seed(storage, bucket)
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    actions = window.duplicates
    actions.find(conn, bucket)
    dialog = dupes.open_dialog(qtbot, actions)
    dupes.wait_results(qtbot, dialog)
    assert dialog.groups == []
    assert dialog.read_button.isVisible()
    assert dialog.read_button.text() == "Compare 4 by reading (11.7 KiB)…"
    shoot(dialog, "duplicates-before-reading")

    dialog.read_button.click()
    qtbot.waitUntil(lambda: isinstance(actions.active_dialog, QMessageBox), timeout=WAIT)
    box = actions.active_dialog
    assert isinstance(box, QMessageBox)
    assert "12,000 bytes" in box.text()
    assert "4 objects" in box.text()
    shoot(box, "duplicates-read-question")
    box.reject()  # said no: nothing read
    qtbot.waitUntil(lambda: actions.active_dialog is dialog, timeout=WAIT)
    assert not [j for j in window.context.jobs().jobs()  # type: ignore[union-attr]
                if j.title == "Compare duplicates by reading"]

    dialog.read_button.click()
    qtbot.waitUntil(lambda: isinstance(actions.active_dialog, QMessageBox), timeout=WAIT)
    box = actions.active_dialog
    assert isinstance(box, QMessageBox)
    yes = box.findChild(QPushButton, "duplicatesReadConfirmYes")
    assert yes is not None
    yes.click()
    qtbot.waitUntil(lambda: len(dialog.groups) == 1, timeout=WAIT)
    assert [e.key for e in dialog.groups[0].entries] == ["a.bin", "parts/m1.bin",
                                                          "parts/m2.bin"]
    assert not dialog.read_button.isVisible()
    shoot(dialog, "duplicates-after-reading")
    window.jobs.panel.show()
    window.jobs.panel.raise_()
    shoot(window, "jobs-panel")
    log = window.context.jobs()
    assert log is not None
    reading = [j for j in log.jobs() if j.title == "Compare duplicates by reading"]
    assert reading[0].state is JobState.DONE
    assert reading[0].counts["bytes read"] == 12000

    # Delete a copy found by reading: rechecked by its ETag, then gone.
    dialog.set_checked({"parts/m2.bin"})
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: isinstance(actions.active_dialog, QMessageBox), timeout=WAIT)
    confirm = actions.active_dialog
    assert isinstance(confirm, QMessageBox)
    button = confirm.findChild(QPushButton, "duplicatesConfirmDelete")
    assert button is not None
    button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Deleted 1 of 1"), timeout=WAIT)
    assert sorted(o.key for o in listing(storage, bucket)) == [
        "a.bin", "parts/m1.bin", "parts/other.bin"]
    dialog.reject()
