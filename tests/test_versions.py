"""Versions of one object on a versioned bucket of the real server: list, restore, undelete,
delete one version for good."""

from __future__ import annotations

import io

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.app import build_window
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.objects.versions_dialog import VersionsDialog
from desktop_app.ui.shell.main_window import MainWindow
from tests.helpers import put_bytes

WAIT = 20_000


def test_restore_undelete_and_delete_version(storage: MinioStorage, bucket: str) -> None:
    assert not storage.versioning_enabled(bucket)
    storage.set_versioning(bucket, True)
    assert storage.versioning_enabled(bucket)
    put_bytes(storage, bucket, "doc ü.txt", b"first", "text/plain")
    put_bytes(storage, bucket, "doc ü.txt", b"second", "text/plain")
    versions = storage.list_versions(bucket, "doc ü.txt")
    assert [v.size for v in versions] == [6, 5]
    assert [v.is_latest for v in versions] == [True, False]
    first = versions[1]

    storage.delete(bucket, "doc ü.txt")  # leaves a delete marker
    versions = storage.list_versions(bucket, "doc ü.txt")
    assert versions[0].is_delete_marker
    assert versions[0].is_latest
    assert [v.key for v in storage.list_versions(bucket, "", exact=False)] == ["doc ü.txt"] * 3

    storage.delete_version(bucket, "doc ü.txt", versions[0].version_id)  # undelete
    assert storage.read_range(bucket, "doc ü.txt", 0, 10) == b"second"

    storage.restore_version(bucket, "doc ü.txt", first.version_id)
    assert storage.read_range(bucket, "doc ü.txt", 0, 10) == b"first"
    assert storage.stat(bucket, "doc ü.txt").content_type == "text/plain"
    assert len(storage.list_versions(bucket, "doc ü.txt")) == 3

    # The >5 GiB path (a ranged multipart copy of the old version), with a lowered limit.
    big = bytes(range(256)) * (7 * 4096)  # 7 MiB
    storage.put_stream(bucket, "big.bin", io.BytesIO(big), len(big), "application/x-old",
                       {"gen": "1"})
    put_bytes(storage, bucket, "big.bin", b"small now", "text/plain")
    old_big = storage.list_versions(bucket, "big.bin")[1]
    etag = storage.restore_version(bucket, "big.bin", old_big.version_id,
                                   multipart_threshold=6 << 20, part_size=5 << 20)
    assert etag.endswith("-2")
    stat = storage.stat(bucket, "big.bin")
    assert (stat.size, stat.content_type) == (len(big), "application/x-old")
    assert stat.metadata.get("Gen", stat.metadata.get("gen")) == "1"

    storage.delete_version(bucket, "doc ü.txt", first.version_id)
    left = {v.version_id for v in storage.list_versions(bucket, "doc ü.txt")}
    assert first.version_id not in left


def _window_on(qtbot: QtBot, environ: dict[str, str], bucket: str, rows: int) -> MainWindow:
    window = build_window({**environ, "MINIO_BUCKET_NAME": bucket})
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.table_model.rowCount() == rows, timeout=WAIT)
    return window


def _versions_dialog(qtbot: QtBot, window: MainWindow) -> VersionsDialog:
    qtbot.waitUntil(lambda: window.object_actions.versions_dialog is not None, timeout=WAIT)
    dialog = window.object_actions.versions_dialog
    assert dialog is not None
    return dialog


def test_versions_dialog_restores_and_deletes(qtbot: QtBot, app_environ: dict[str, str],
                                              storage: MinioStorage, bucket: str) -> None:
    storage.set_versioning(bucket, True)
    put_bytes(storage, bucket, "v.txt", b"old", "text/plain")
    put_bytes(storage, bucket, "v.txt", b"new", "text/plain")
    window = _window_on(qtbot, app_environ, bucket, 1)
    try:
        window.object_table.selectRow(0)
        window.object_actions.action_versions.trigger()
        dialog = _versions_dialog(qtbot, window)
        assert len(dialog.versions) == 2
        old = dialog.versions[1]
        dialog.select_version(old.version_id)
        assert dialog.restore_button.isEnabled()
        dialog.restore_button.click()
        qtbot.waitUntil(lambda: len(dialog.versions) == 3, timeout=WAIT)
        assert storage.read_range(bucket, "v.txt", 0, 10) == b"old"

        dialog.select_version(old.version_id)
        dialog.delete_button.click()
        assert dialog.confirm is not None
        assert old.version_id in dialog.confirm.text
        dialog.confirm.findChild(QPushButton, "confirmYes").click()
        qtbot.waitUntil(lambda: len(dialog.versions) == 2, timeout=WAIT)
        assert old.version_id not in {v.version_id for v in dialog.versions}
    finally:
        window.close()


def test_deleted_files_can_be_undeleted(qtbot: QtBot, app_environ: dict[str, str],
                                        storage: MinioStorage, bucket: str) -> None:
    storage.set_versioning(bucket, True)
    put_bytes(storage, bucket, "dir/keep.txt", b"k")
    put_bytes(storage, bucket, "dir/gone ü.txt", b"back again")
    storage.delete(bucket, "dir/gone ü.txt")
    window = _window_on(qtbot, app_environ, bucket, 1)
    try:
        window.open_location(bucket, "dir/")
        qtbot.waitUntil(lambda: window.table_model.rowCount() == 1, timeout=WAIT)
        window.object_actions.action_show_deleted.trigger()
        dialog = _versions_dialog(qtbot, window)
        assert {v.key for v in dialog.versions} == {"dir/gone ü.txt"}
        dialog.table.selectRow(1)
        assert dialog.undelete_button.isEnabled()
        dialog.undelete_button.click()
        qtbot.waitUntil(lambda: dialog.versions == [], timeout=WAIT)
        assert storage.read_range(bucket, "dir/gone ü.txt", 0, 20) == b"back again"
        qtbot.waitUntil(lambda: window.table_model.rowCount() == 2, timeout=WAIT)
    finally:
        window.close()


def test_unversioned_bucket_is_explained(qtbot: QtBot, app_environ: dict[str, str],
                                         storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "a.txt", b"a")
    window = _window_on(qtbot, app_environ, bucket, 1)
    try:
        window.object_actions.action_show_deleted.trigger()
        qtbot.waitUntil(lambda: window.message_bar.isVisibleTo(window), timeout=WAIT)
        assert "does not keep versions" in window.message_bar.text
    finally:
        window.close()
