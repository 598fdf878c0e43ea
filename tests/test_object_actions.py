"""Object actions in the wired window against the real server: links, delete, new folder,
rename, copy/move with collisions, open, download and properties. Dialogs are driven through
their small APIs (set fields, `accept()`); nothing blocks in `exec()`."""

from __future__ import annotations

import io
import shutil
import subprocess
import threading
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.app import build_window
from desktop_app.core.errors import ConfigError
from desktop_app.core.links import Disposition
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.options import ConflictPolicy
from desktop_app.ui.objects.copy_move_dialog import CollisionDialog, DestinationDialog, NameDialog
from desktop_app.ui.objects.delete_dialog import DeleteDialog, ReportDialog
from desktop_app.ui.objects.presign_dialog import PresignDialog
from desktop_app.ui.objects.properties_dialog import PropertiesDialog
from tests.helpers import put_bytes
from tests.object_action_helpers import (
    WAIT,
    WindowFactory,
    actions,
    dialog_of,
    keys_in,
    select,
    two_files_sent_to_archive,
    wait_report,
)


def fetch(url: str) -> tuple[bytes, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read(), response.headers.get("Content-Disposition", "")


def clipboard() -> str:
    return QGuiApplication.clipboard().text()


# -- links ---------------------------------------------------------------------------------
def test_presigned_link_is_copied_and_works(qtbot: QtBot, open_bucket: WindowFactory,
                                            storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "a b+ü.txt", "exact bytes ✓".encode(), "text/plain")
    window = open_bucket(bucket, 1)
    QGuiApplication.clipboard().setText("")
    select(qtbot, window, "a b+ü.txt")
    window.object_actions.action_presign.trigger()
    dialog = dialog_of(qtbot, window, PresignDialog)
    dialog.set_preset("1 hour")
    assert "1 hour" in dialog.valid_until_label.text()
    dialog.accept()
    qtbot.waitUntil(lambda: clipboard().startswith("http"), timeout=WAIT)
    url = clipboard()
    assert "\n" not in url
    assert url.startswith(storage.endpoint_url + f"/{bucket}/")
    assert "X-Amz-Expires=3600" in url
    assert fetch(url) == ("exact bytes ✓".encode(), "")
    curl = shutil.which("curl")
    if curl:  # and with plain curl, where the machine has it
        fetched = subprocess.run([curl, "-sf", url], capture_output=True, check=True, timeout=20)
        assert fetched.stdout == "exact bytes ✓".encode()
    until = actions(window).last_valid_until
    assert until is not None
    assert abs(until - datetime.now(UTC) - timedelta(hours=1)) < timedelta(minutes=1)


def test_presign_over_seven_days_is_refused(qtbot: QtBot) -> None:
    dialog = PresignDialog(1)
    qtbot.addWidget(dialog)
    dialog.set_custom(8, "days")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "at most 7 days" in dialog.error_label.text()
    assert "SigV4" in dialog.error_label.text()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.set_custom(169, "hours")
    assert dialog.problem() is not None
    dialog.set_custom(168, "hours")
    assert dialog.problem() is None
    assert ok.isEnabled()
    dialog.set_preset("7 days")
    assert dialog.expires() == timedelta(days=7)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_presign_warns_about_temporary_credentials(qtbot: QtBot) -> None:
    plain = PresignDialog(1, temporary_credentials=False)
    temporary = PresignDialog(2, temporary_credentials=True)
    soon = PresignDialog(1, True, datetime.now(UTC) + timedelta(minutes=30))
    for dialog in (plain, temporary, soon):
        qtbot.addWidget(dialog)
    assert plain.warning_label.isHidden()
    assert "session ends" in temporary.warning_label.text()
    soon.set_preset("1 day")
    assert "expire at" in soon.warning_label.text()
    soon.set_custom(10, "minutes")
    assert soon.warning_label.isHidden()


def test_multi_selection_copies_one_link_per_line(qtbot: QtBot, open_bucket: WindowFactory,
                                                  storage: MinioStorage, bucket: str) -> None:
    names = ["one.txt", "two+2.txt", "日本 three.txt"]
    for name in names:
        put_bytes(storage, bucket, name, name.encode(), "text/plain")
    put_bytes(storage, bucket, "folder/inside.txt", b"x")
    window = open_bucket(bucket, 4)
    QGuiApplication.clipboard().setText("")
    select(qtbot, window, "folder/", *names)
    window.object_actions.action_presign.trigger()
    dialog = dialog_of(qtbot, window, PresignDialog)
    dialog.set_disposition(Disposition.ATTACHMENT)
    dialog.accept()
    qtbot.waitUntil(lambda: clipboard().startswith("http"), timeout=WAIT)
    lines = clipboard().split("\n")
    assert len(lines) == 3  # the folder has no link
    fetched = sorted(fetch(url) for url in lines)
    expected_names = {"one.txt": "one.txt", "two+2.txt": "two+2.txt", "日本 three.txt": None}
    assert sorted(body for body, _ in fetched) == sorted(n.encode() for n in names)
    for body, disposition in fetched:
        assert disposition.startswith("attachment; filename=")
        ascii_name = expected_names[body.decode()]
        if ascii_name:
            assert f'filename="{ascii_name}"' in disposition
        else:
            assert "filename*=UTF-8''" in disposition


def test_copy_s3_uri_and_url(qtbot: QtBot, open_bucket: WindowFactory, storage: MinioStorage,
                             bucket: str) -> None:
    put_bytes(storage, bucket, "dir/x y+z.txt", b"1")
    put_bytes(storage, bucket, "top.txt", b"2")
    window = open_bucket(bucket, 2)
    select(qtbot, window, "dir/", "top.txt")
    window.object_actions.action_s3_uri.trigger()
    assert clipboard() == f"s3://{bucket}/dir/\ns3://{bucket}/top.txt"
    window.open_location(bucket, "dir/")
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 1, timeout=WAIT)
    select(qtbot, window, "dir/x y+z.txt")
    window.object_actions.action_url.trigger()
    assert clipboard() == f"{storage.endpoint_url}/{bucket}/dir/x%20y%2Bz.txt"


# -- delete --------------------------------------------------------------------------------
def test_delete_files_and_folder_after_confirmation(qtbot: QtBot, open_bucket: WindowFactory,
                                                    storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "keep.txt", b"k")
    put_bytes(storage, bucket, "gone.txt", b"12345")
    for n in range(5):
        put_bytes(storage, bucket, f"folder/sub/{n}.bin", b"x" * 100)
    window = open_bucket(bucket, 3)
    select(qtbot, window, "folder/", "gone.txt")
    window.object_actions.action_delete.trigger()
    dialog = dialog_of(qtbot, window, DeleteDialog)
    assert "6 objects (505 B)" in dialog.summary
    assert "folder/" in dialog.summary
    assert "gone.txt" in dialog.summary
    dialog.reject()  # cancelling the confirmation deletes nothing
    qtbot.wait(200)
    assert len(keys_in(storage, bucket)) == 7
    window.object_actions.action_delete.trigger()
    qtbot.waitUntil(lambda: actions(window).active_dialog is not dialog, timeout=WAIT)
    confirm = dialog_of(qtbot, window, DeleteDialog)
    confirm.findChild(QPushButton, "confirmDelete").click()
    wait_report(qtbot, window)
    report = actions(window).last_report
    assert report is not None
    assert report.ok
    assert report.done == 6
    assert keys_in(storage, bucket) == ["keep.txt"]
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 1, timeout=WAIT)


def test_delete_2k_folder_cancel_part_way_then_finish(
    qtbot: QtBot, open_bucket: WindowFactory, storage: MinioStorage, bucket: str
) -> None:
    from tests.test_bulk_ops import fill_folder

    fill_folder(storage, bucket, "big/", 2000)
    window = open_bucket(bucket, 1)
    window_storage = window.storage
    assert isinstance(window_storage, MinioStorage)
    original = window_storage.delete_many
    first_batch_done, go_on = threading.Event(), threading.Event()
    calls: list[int] = []

    def slow_delete(b: str, keys: list[str]) -> list[tuple[str, str]]:
        result = original(b, keys)
        calls.append(len(keys))
        first_batch_done.set()
        go_on.wait(10)
        return result

    window_storage.delete_many = slow_delete  # type: ignore[method-assign]
    select(qtbot, window, "big/")
    window.object_actions.action_delete.trigger()
    dialog = dialog_of(qtbot, window, DeleteDialog)
    assert "2,000 objects" in dialog.summary
    dialog.accept()
    qtbot.waitUntil(first_batch_done.is_set, timeout=WAIT)
    progress = actions(window).active_progress
    assert progress is not None
    qtbot.waitUntil(progress.isVisible, timeout=WAIT)  # a slow job shows its progress
    assert "Deleting: 0 of 2,000 objects" in progress.label.text()  # batch 1 in flight
    progress.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    go_on.set()
    wait_report(qtbot, window)
    report = actions(window).last_report
    assert report is not None
    assert report.cancelled
    assert report.done == 1000
    assert report.remaining == 1000
    assert calls == [1000]
    assert len(keys_in(storage, bucket, "big/")) == 1000

    window_storage.delete_many = original  # type: ignore[method-assign]
    actions(window).last_report = None
    qtbot.waitUntil(lambda: window.table_model.row_of_key("big/") >= 0, timeout=WAIT)
    select(qtbot, window, "big/")
    window.object_actions.action_delete.trigger()
    dialog_of(qtbot, window, DeleteDialog).accept()
    wait_report(qtbot, window)
    assert actions(window).last_report is not None
    assert actions(window).last_report.ok
    assert keys_in(storage, bucket) == []


def test_delete_failures_are_listed(qtbot: QtBot, open_bucket: WindowFactory,
                                    storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "a.txt", b"a")
    put_bytes(storage, bucket, "b.txt", b"b")
    window = open_bucket(bucket, 2)
    window_storage = window.storage
    assert isinstance(window_storage, MinioStorage)
    window_storage.delete_many = (  # type: ignore[method-assign]
        lambda b, keys: [(k, "the object is locked by a retention rule") for k in keys
                         if k == "b.txt"])
    select(qtbot, window, "a.txt", "b.txt")
    window.object_actions.action_delete.trigger()
    dialog_of(qtbot, window, DeleteDialog).accept()
    report_dialog = dialog_of(qtbot, window, ReportDialog)
    assert "b.txt — the object is locked" in report_dialog.listing.toPlainText()
    assert "a.txt" not in report_dialog.listing.toPlainText()


# -- new folder, rename, copy, move ----------------------------------------------------------
def test_new_folder_writes_a_marker(qtbot: QtBot, open_bucket: WindowFactory,
                                    storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "x.txt", b"x")
    window = open_bucket(bucket, 1)
    window.object_actions.action_new_folder.trigger()
    dialog = dialog_of(qtbot, window, NameDialog)
    dialog.edit.setText("bad/name")
    dialog.accept()
    assert "“/”" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.edit.setText("Fresh ü folder")
    dialog.accept()
    qtbot.waitUntil(lambda: window.table_model.row_of_key("Fresh ü folder/") >= 0, timeout=WAIT)
    assert keys_in(storage, bucket) == ["Fresh ü folder/", "x.txt"]


def test_f2_renames_a_file_keeping_type_and_metadata(
    qtbot: QtBot, open_bucket: WindowFactory, storage: MinioStorage, bucket: str
) -> None:
    storage.put_stream(bucket, "old name+1.txt", io.BytesIO(b"body"), 4, "text/x-mine",
                       {"tag": "kept"})
    window = open_bucket(bucket, 1)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    select(qtbot, window, "old name+1.txt")
    window.object_table.setFocus()
    qtbot.keyClick(window.object_table, Qt.Key.Key_F2)
    dialog = dialog_of(qtbot, window, NameDialog)
    assert dialog.edit.text() == "old name+1.txt"
    dialog.edit.setText("new ü name+2.txt")
    dialog.accept()
    wait_report(qtbot, window)
    assert keys_in(storage, bucket) == ["new ü name+2.txt"]
    stat = storage.stat(bucket, "new ü name+2.txt")
    assert stat.content_type == "text/x-mine"
    assert stat.metadata.get("Tag", stat.metadata.get("tag")) == "kept"
    qtbot.waitUntil(lambda: window.table_model.row_of_key("new ü name+2.txt") >= 0,
                    timeout=WAIT)


def test_rename_folder_recursively(qtbot: QtBot, open_bucket: WindowFactory,
                                   storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "src/", b"")
    put_bytes(storage, bucket, "src/a/1.txt", b"1", "text/plain")
    put_bytes(storage, bucket, "src/2 +.txt", b"2", "text/plain")
    window = open_bucket(bucket, 1)
    select(qtbot, window, "src/")
    window.object_actions.action_rename.trigger()
    dialog = dialog_of(qtbot, window, NameDialog)
    dialog.edit.setText("dst ü")
    dialog.accept()
    wait_report(qtbot, window)
    assert keys_in(storage, bucket) == ["dst ü/", "dst ü/2 +.txt", "dst ü/a/1.txt"]
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 1, timeout=WAIT)
    assert window.table_model.row_of_key("dst ü/") == 0  # the old folder is gone from view


def test_copy_to_other_bucket_asks_about_collisions(
    qtbot: QtBot, open_bucket: WindowFactory, storage: MinioStorage, bucket: str
) -> None:
    other = f"{bucket[:50]}-to"
    storage.make_bucket(other)
    put_bytes(storage, bucket, "docs/r.txt", b"new r", "text/plain")
    put_bytes(storage, bucket, "docs/s.txt", b"new s", "text/plain")
    put_bytes(storage, other, "in/docs/r.txt", b"old r", "text/plain")
    window = open_bucket(bucket, 1)
    qtbot.waitUntil(lambda: other in actions(window).bucket_names(), timeout=WAIT)

    def copy_docs() -> CollisionDialog:
        actions(window).active_dialog = None
        qtbot.waitUntil(lambda: window.table_model.row_of_key("docs/") >= 0, timeout=WAIT)
        select(qtbot, window, "docs/")
        window.object_actions.action_copy_to.trigger()
        destination = dialog_of(qtbot, window, DestinationDialog)
        destination.set_destination(other, "/in/")
        destination.accept()
        return dialog_of(qtbot, window, CollisionDialog)

    collision = copy_docs()
    assert "1 of 2 objects already exist" in collision.findChild(QLabel, "collisionSummary").text()
    collision.findChild(QPushButton, "collisionSkip").click()
    wait_report(qtbot, window)
    report = actions(window).last_report
    assert report is not None
    assert (report.done, report.skipped) == (1, 1)
    assert storage.read_range(other, "in/docs/r.txt", 0, 10) == b"old r"

    actions(window).last_report = None
    copy_docs().findChild(QPushButton, "collisionKeepBoth").click()
    wait_report(qtbot, window)
    assert storage.read_range(other, "in/docs/r (copy).txt", 0, 10) == b"new r"

    actions(window).last_report = None
    copy_docs().findChild(QPushButton, "collisionOverwrite").click()
    wait_report(qtbot, window)
    assert storage.read_range(other, "in/docs/r.txt", 0, 10) == b"new r"
    assert keys_in(storage, bucket) == ["docs/r.txt", "docs/s.txt"]  # a copy keeps the source


def test_move_to_folder(qtbot: QtBot, open_bucket: WindowFactory, storage: MinioStorage,
                        bucket: str) -> None:
    window = two_files_sent_to_archive(qtbot, open_bucket, storage, bucket, move=True)
    assert keys_in(storage, bucket) == ["archive/2026/a.txt", "archive/2026/b.txt"]
    qtbot.waitUntil(lambda: window.table_model.row_of_key("archive/") >= 0, timeout=WAIT)


# -- open, download, properties, menu --------------------------------------------------------
def test_open_and_download(qtbot: QtBot, open_bucket: WindowFactory, storage: MinioStorage,
                           bucket: str, tmp_path: Path) -> None:
    put_bytes(storage, bucket, "report ü.txt", b"report body", "text/plain")
    put_bytes(storage, bucket, "tree/a/b.txt", b"deep", "text/plain")
    window = open_bucket(bucket, 2)
    opened: list[Path] = []
    actions(window).open_file = lambda path: opened.append(path) or True
    select(qtbot, window, "report ü.txt")
    window.object_actions.action_open.trigger()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=WAIT)
    assert opened[0].name == "report ü.txt"
    assert opened[0].read_bytes() == b"report body"

    (tmp_path / "report ü.txt").write_bytes(b"already here")
    select(qtbot, window, "report ü.txt", "tree/")
    actions(window).choose_folder = lambda then: then(tmp_path)
    # Download to… goes through the transfer queue; answer its conflict question "keep both".
    asked: list[str] = []
    engine = window.transfers.engine
    assert engine is not None
    engine.set_conflict_resolver(
        lambda conflict, _check: (asked.append(str(conflict)), (ConflictPolicy.KEEP_BOTH, True))[1])
    window.object_actions.action_download.trigger()
    qtbot.waitUntil(lambda: (tmp_path / "tree" / "a" / "b.txt").exists()
                    and (tmp_path / "report ü (1).txt").exists(), timeout=WAIT)
    assert len(asked) == 1
    assert (tmp_path / "report ü.txt").read_bytes() == b"already here"  # never overwritten
    assert (tmp_path / "report ü (1).txt").read_bytes() == b"report body"
    assert (tmp_path / "tree" / "a" / "b.txt").read_bytes() == b"deep"
    assert not list(tmp_path.rglob("*.part"))


def test_properties_of_file_and_folder(qtbot: QtBot, open_bucket: WindowFactory,
                                       storage: MinioStorage, bucket: str) -> None:
    storage.put_stream(bucket, "p.txt", io.BytesIO(b"12345"), 5, "text/plain", {"k": "v"})
    put_bytes(storage, bucket, "f/1", b"1" * 10)
    put_bytes(storage, bucket, "f/2", b"2" * 20)
    window = open_bucket(bucket, 2)
    select(qtbot, window, "p.txt")
    window.object_actions.action_properties.trigger()
    dialog = dialog_of(qtbot, window, PropertiesDialog)
    assert dialog.fields["Content type"] == "text/plain"
    assert dialog.fields["S3 URI"] == f"s3://{bucket}/p.txt"
    assert "5 bytes" in dialog.fields["Size"]
    select(qtbot, window, "f/")
    window.object_actions.action_properties.trigger()
    qtbot.waitUntil(lambda: actions(window).active_dialog is not dialog, timeout=WAIT)
    folder = dialog_of(qtbot, window, PropertiesDialog)
    assert folder.fields["Objects inside"] == "2"
    assert "30 bytes" in folder.fields["Total size"]


def test_context_menu_and_enabled_state(qtbot: QtBot, open_bucket: WindowFactory,
                                        storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "f.txt", b"f")
    put_bytes(storage, bucket, "d/x", b"x")
    window = open_bucket(bucket, 2)
    acts = actions(window)
    names = [a.objectName() for a in acts.build_menu().actions() if not a.isSeparator()]
    assert names == ["actionNewFolder", "actionRefresh", "actionShowDeleted", "actionStatistics",
                     "actionFindDuplicates", "actionCleanup"]
    select(qtbot, window, "f.txt", "d/")
    names = [a.objectName() for a in acts.build_menu().actions() if not a.isSeparator()]
    for wanted in ("actionOpen", "actionDownload", "actionCopyPresignedLink", "actionCopyS3Uri",
                   "actionCopyUrl", "actionRename", "actionCopyTo", "actionMoveTo",
                   "actionDelete", "actionNewFolder", "actionRefresh", "actionProperties",
                   "actionVersions"):
        assert wanted in names
    assert not acts.action_rename.isEnabled()  # two items selected
    assert acts.action_presign.isEnabled()
    select(qtbot, window, "d/")
    assert not acts.action_presign.isEnabled()  # folders have no link
    assert acts.action_rename.isEnabled()
    assert window.findChild(QAction, "actionCopyPresignedLink") is acts.action_presign


# A popup menu on the offscreen platform (not our code) says it cannot raise or grab keys.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_right_click_menu_pops_up(qtbot: QtBot, open_bucket: WindowFactory,
                                  storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "f.txt", b"f")
    window = open_bucket(bucket, 1)
    window.show()
    select(qtbot, window, "f.txt")
    window.object_table.customContextMenuRequested.emit(QPoint(10, 10))
    menu = window.object_table.findChild(QMenu, "objectContextMenu")
    assert menu is not None
    qtbot.waitUntil(menu.isVisible, timeout=WAIT)
    assert actions(window).action_delete in menu.actions()
    menu.close()


def test_delete_key_elsewhere_deletes_nothing(qtbot: QtBot, open_bucket: WindowFactory,
                                              storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "f.txt", b"f")
    window = open_bucket(bucket, 1)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    select(qtbot, window, "f.txt")
    window.bucket_tree.setFocus()
    qtbot.keyClick(window.bucket_tree, Qt.Key.Key_Delete)
    qtbot.wait(200)
    assert actions(window).active_dialog is None
    window.object_table.setFocus()
    qtbot.keyClick(window.object_table, Qt.Key.Key_Delete)
    dialog_of(qtbot, window, DeleteDialog).reject()


def test_cancel_while_counting_a_folder(qtbot: QtBot, open_bucket: WindowFactory,
                                        storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "d/1", b"1")
    window = open_bucket(bucket, 1)
    window_storage = window.storage
    assert isinstance(window_storage, MinioStorage)
    original = window_storage.list_tree_page
    listing, go_on = threading.Event(), threading.Event()

    def slow_listing(*args: object) -> object:
        listing.set()
        go_on.wait(10)
        return original(*args)  # type: ignore[arg-type]

    window_storage.list_tree_page = slow_listing  # type: ignore[assignment,method-assign]
    select(qtbot, window, "d/")
    window.object_actions.action_delete.trigger()
    qtbot.waitUntil(listing.is_set, timeout=WAIT)
    progress = actions(window).active_progress
    assert progress is not None
    progress.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: actions(window).active_progress is None, timeout=WAIT)
    qtbot.wait(200)
    assert actions(window).active_dialog is None  # no confirmation: nothing was deleted
    assert "cancelled" in window.statusBar().currentMessage()
    assert keys_in(storage, bucket) == ["d/1"]


def test_a_key_without_link_does_not_stop_the_others(
    qtbot: QtBot, open_bucket: WindowFactory, storage: MinioStorage, bucket: str
) -> None:
    put_bytes(storage, bucket, "good.txt", b"good")
    put_bytes(storage, bucket, "bad.txt", b"bad")
    window = open_bucket(bucket, 2)
    window_storage = window.storage
    assert isinstance(window_storage, MinioStorage)
    original = window_storage.presign_download

    def refuse_bad(b: str, key: str, *args: object) -> str:
        if key == "bad.txt":
            raise ConfigError("Cannot create a link to “bad.txt”: unsupported key.")
        return original(b, key, *args)  # type: ignore[arg-type]

    window_storage.presign_download = refuse_bad  # type: ignore[assignment,method-assign]
    QGuiApplication.clipboard().setText("")
    select(qtbot, window, "bad.txt", "good.txt")
    window.object_actions.action_presign.trigger()
    dialog_of(qtbot, window, PresignDialog).accept()
    qtbot.waitUntil(lambda: clipboard().startswith("http"), timeout=WAIT)
    assert fetch(clipboard())[0] == b"good"
    qtbot.waitUntil(lambda: window.message_bar.isVisibleTo(window), timeout=WAIT)
    assert "“bad.txt” got none" in window.message_bar.text


def test_too_large_preview_card_downloads_and_opens(
        qtbot: QtBot, app_environ: dict[str, str], storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    import os

    from desktop_app.storage.sample_data import png_bytes

    big = png_bytes(8, 8)[:-12] + os.urandom(1_500_000)  # a PNG header, then 1.5 MB
    put_bytes(storage, bucket, "huge.png", big, "image/png")
    window = build_window({**app_environ, "MINIO_BUCKET_NAME": bucket,
                           "MINIO_DESKTOP_PREVIEW_LIMIT_MB": "1"})
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 1, timeout=WAIT)
    assert window.object_table.select_key("huge.png")  # the current row is what is previewed
    card = window.preview_pane.findChild(QPushButton, "previewDownload")
    qtbot.waitUntil(lambda: card.isVisibleTo(window.preview_pane), timeout=WAIT)
    actions(window).choose_folder = lambda then: then(tmp_path)
    card.click()
    qtbot.waitUntil(lambda: (tmp_path / "huge.png").exists(), timeout=WAIT)
    qtbot.waitUntil(lambda: (tmp_path / "huge.png").read_bytes() == big, timeout=WAIT)
    opened: list[Path] = []
    actions(window).open_file = lambda path: opened.append(path) or True
    window.preview_pane.findChild(QPushButton, "previewOpen").click()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=WAIT)
    assert opened[0].read_bytes() == big
    window.close()
