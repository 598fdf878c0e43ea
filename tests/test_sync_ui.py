"""The Sync window as a user meets it, against the real server: opened from the bucket
tree's menu, the compare shown as groups with counts and bytes while nothing moves, Sync
through the transfer queue, the pair saved with its last run, deletions confirmed with their
count, an interrupted run continued when the connection opens, and a watched folder with
its word in the status bar."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.core.sync_compare import Group
from desktop_app.core.sync_model import Direction, PairStore, SyncPair, SyncState
from desktop_app.core.upload_rules import RuleStore, UploadRules
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.sync.actions import SyncActions
from desktop_app.ui.sync.window import SyncWindow
from tests.conftest import WindowFactory
from tests.helpers import put_bytes

WAIT = 20_000
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


def names(storage: MinioStorage, bucket: str) -> set[str]:
    return {o.key for o in storage.iter_objects(bucket, "")}


def open_window(qtbot: QtBot, make_window: WindowFactory, environ: dict[str, str],
                bucket: str) -> tuple[MainWindow, str, SyncActions]:
    window = make_window(environ)
    conn = window.active_connection
    assert conn is not None
    qtbot.waitUntil(lambda: bucket in window.tree_model.bucket_names(conn), timeout=WAIT)
    return window, conn, window.sync  # type: ignore[attr-defined]


def from_tree(window: MainWindow, conn: str, bucket: str) -> None:
    menu = window.bucket_tree.menu_for(window.tree_model.index_for(bucket, conn=conn))
    assert isinstance(menu, QMenu)
    next(a for a in menu.actions() if a.text() == "Sync with a local folder…").trigger()


def message_box() -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()), None)


def test_compare_shows_groups_then_sync_uploads_and_keeps_the_pair(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "a.jpg").write_bytes(b"a" * 1500)
    (folder / "notes.txt").write_bytes(b"hello")
    put_bytes(storage, bucket, "remote-only.txt", b"there")
    window, conn, sync = open_window(qtbot, make_window, app_environ, bucket)
    from_tree(window, conn, bucket)
    dialog = sync.window
    assert isinstance(dialog, SyncWindow)
    assert dialog.target.text().endswith(f"{bucket}/")
    dialog.folder.setText(str(folder))
    dialog.compare.click()
    qtbot.waitUntil(lambda: dialog.sync.isEnabled(), timeout=WAIT)
    only_here = dialog.tree.branch(Group.ONLY_LOCAL)
    assert only_here is not None
    assert "2 files" in only_here.text(0)
    assert only_here.text(1) == "1.5 KiB"
    assert "2 to upload" in dialog.summary.text()
    assert names(storage, bucket) == {"remote-only.txt"}  # nothing moved yet
    dialog.resize(1100, 640)
    dialog.grab().save(str(tmp_path / "sync-window.png"))
    if os.environ.get("SYNC_PNG"):
        dialog.grab().save(os.environ["SYNC_PNG"])

    dialog.sync.click()
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("Synced:"), timeout=WAIT)
    assert names(storage, bucket) == {"remote-only.txt", "2024/a.jpg", "notes.txt"}
    assert "2 uploaded" in dialog.summary.text()
    assert dialog.pairs.count() == 1
    item = dialog.pairs.item(0)
    assert item is not None
    assert "2 uploaded" in item.text()
    if os.environ.get("SYNC_PNG"):
        dialog.grab().save(os.environ["SYNC_PNG"].replace(".png", "-after.png"))
    jobs = window.jobs.log()
    assert jobs is not None
    job = next(j for j in jobs.jobs() if j.kind == "sync")
    assert (job.state.value, job.counts["uploaded"]) == ("done", 2)
    engine = window.transfers.engine
    assert engine is not None
    rows = [v for v in engine.snapshot()
            if v.key in {"2024/a.jpg", "notes.txt"}]
    assert {v.verified_by for v in rows} == {"CRC64NVME"}  # through the verified queue


def test_deletions_are_confirmed_with_their_count(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "keep.txt").write_bytes(b"k")
    put_bytes(storage, bucket, "stale-1.txt", b"s" * 10)
    put_bytes(storage, bucket, "stale-2.txt", b"s" * 20)
    _window, conn, sync = open_window(qtbot, make_window, app_environ, bucket)
    dialog = sync.show_for(conn, bucket, "")
    dialog.folder.setText(str(folder))
    dialog.delete.setChecked(True)
    dialog.compare.click()
    qtbot.waitUntil(lambda: dialog.sync.isEnabled(), timeout=WAIT)
    assert "2 to delete (30 B)" in dialog.summary.text()
    dialog.sync.click()
    qtbot.waitUntil(lambda: message_box() is not None, timeout=WAIT)
    box = message_box()
    assert box is not None
    assert "deletes 2 files (30 B)" in box.text()
    next(b for b in box.buttons() if b.text() == "Delete them").click()
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("Synced:"), timeout=WAIT)
    assert names(storage, bucket) == {"keep.txt"}


def test_an_interrupted_run_continues_when_its_connection_opens(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    folder = tmp_path / "half"
    folder.mkdir()
    for n in range(20):
        (folder / f"{n}.txt").write_bytes(b"x" * n)
    store = PairStore(Path(app_environ["MINIO_DESKTOP_DATA_DIR"]))
    pair = SyncPair(str(folder), "env", bucket, "", Direction.UPLOAD, name="half")
    store.save(pair, SyncState(finished=False))  # as a quit left it
    window = make_window(app_environ)
    assert window.active_connection == "env"
    qtbot.waitUntil(lambda: len(names(storage, bucket)) == 20, timeout=WAIT)
    qtbot.waitUntil(lambda: store.state(pair.id).finished, timeout=WAIT)
    assert len(store.state(pair.id).entries) == 20


def test_a_watched_pair_uploads_what_arrives_and_says_so_in_the_status_bar(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    store = PairStore(Path(app_environ["MINIO_DESKTOP_DATA_DIR"]))
    pair = SyncPair(str(folder), "env", bucket, "in/", watch=True, name="inbox")
    store.save(pair, SyncState())
    _window, _conn, sync = open_window(qtbot, make_window, app_environ, bucket)
    sync.watchers.settle_s = 0.4
    sync.watchers.update(pair)
    label = sync.watchers.label
    assert label.text() == "Watching 1 folder"  # the English singular of "folder(s)"
    (folder / "scan-001.pdf").write_bytes(b"%PDF-1.4 " + b"0" * 100)
    qtbot.waitUntil(lambda: names(storage, bucket) == {"in/scan-001.pdf"}, timeout=WAIT)
    qtbot.waitUntil(lambda: "1 sent" in label.text(), timeout=WAIT)
    assert "scan-001.pdf" in label.text()
    if os.environ.get("SYNC_PNG"):
        _window.grab().save(os.environ["SYNC_PNG"].replace(".png", "-status.png"))


def test_a_watched_pair_follows_the_upload_rules_of_its_bucket(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    rules = RuleStore(Path(app_environ["MINIO_DESKTOP_CONFIG_DIR"]))
    rules.set_rules("env", UploadRules(max_size=1000), bucket)
    rules.save()
    folder = tmp_path / "drop"
    folder.mkdir()
    store = PairStore(Path(app_environ["MINIO_DESKTOP_DATA_DIR"]))
    pair = SyncPair(str(folder), "env", bucket, "", watch=True)
    store.save(pair, SyncState())
    _window, _conn, sync = open_window(qtbot, make_window, app_environ, bucket)
    sync.watchers.settle_s = 0.3
    sync.watchers.update(pair)
    (folder / "big.txt").write_bytes(b"b" * 5000)
    (folder / "small.txt").write_bytes(b"s" * 10)
    qtbot.waitUntil(lambda: names(storage, bucket) == {"small.txt"}, timeout=WAIT)
    news = sync.watchers.news[pair.id]
    qtbot.waitUntil(lambda: bool(news.refused), timeout=WAIT)
    assert news.refused[0][0] == "big.txt"
    assert "largest allowed" in news.refused[0][1]
    assert "Refused: big.txt" in sync.watchers.label.toolTip()


def test_conflicts_are_asked_once_and_keep_both_keeps_both(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    folder = tmp_path / "both"
    folder.mkdir()
    (folder / "plan.txt").write_bytes(b"v1")
    store = PairStore(Path(app_environ["MINIO_DESKTOP_DATA_DIR"]))
    pair = SyncPair(str(folder), "env", bucket, "", Direction.TWO_WAY, name="both")
    store.save(pair, SyncState())
    window, conn, sync = open_window(qtbot, make_window, app_environ, bucket)
    dialog = sync.show_for(conn, bucket, "")
    dialog.compare.click()
    qtbot.waitUntil(lambda: dialog.sync.isEnabled(), timeout=WAIT)
    dialog.sync.click()
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("Synced:"), timeout=WAIT)
    (folder / "plan.txt").write_bytes(b"v2 here")
    put_bytes(storage, bucket, "plan.txt", b"v2 there")
    dialog.compare.click()
    qtbot.waitUntil(lambda: "1 conflict to decide" in dialog.summary.text(), timeout=WAIT)
    dialog.sync.click()
    qtbot.waitUntil(lambda: message_box() is not None, timeout=WAIT)
    box = message_box()
    assert box is not None
    assert box.windowTitle() == "Conflicts"
    next(b for b in box.buttons() if b.text() == "Keep both").click()
    qtbot.waitUntil(lambda: names(storage, bucket) == {"plan.txt", "plan (bucket copy).txt"},
                    timeout=WAIT)
    qtbot.waitUntil(lambda: (folder / "plan (bucket copy).txt").exists(), timeout=WAIT)
    assert (folder / "plan (bucket copy).txt").read_bytes() == b"v2 there"
    assert (folder / "plan.txt").read_bytes() == b"v2 here"
    assert window.active_connection == conn


def test_a_folder_dropped_with_alt_is_compared_not_uploaded(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    folder = tmp_path / "dropped"
    folder.mkdir()
    (folder / "one.txt").write_bytes(b"1")
    window, conn, sync = open_window(qtbot, make_window, app_environ, bucket)
    viewport = window.bucket_tree.viewport()
    index = window.tree_model.index_for(bucket, conn=conn)
    pos = window.bucket_tree.visualRect(index).center()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.AltModifier)
    QApplication.sendEvent(viewport, enter)
    event = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.AltModifier)
    QApplication.sendEvent(viewport, event)
    dialog = sync.window
    assert isinstance(dialog, SyncWindow)
    assert dialog.folder.text() == str(folder)
    qtbot.waitUntil(lambda: "1 to upload" in dialog.summary.text(), timeout=WAIT)
    assert names(storage, bucket) == set()  # compared, nothing uploaded
    assert window.bucket_tree.property("dropTarget") is False
