"""The Share center in a wired window against the real server: opened beside "Copy presigned
link", a download link and an upload form made, copied and kept in the history (without
signatures), the countdown shown, "Copy again" signing anew, and an expiry over seven days
refused with the reason."""

from __future__ import annotations

import dataclasses
import json
import os
import shlex
import subprocess
import urllib.request
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMenu
from pytestqt.qtbot import QtBot

from desktop_app.core.share_history import LinkKind
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.objects.presign_dialog import PresignDialog
from desktop_app.ui.share.center import ShareCenter
from desktop_app.ui.shell.main_window import MainWindow
from tests.conftest import WindowFactory
from tests.helpers import put_bytes

WAIT = 15_000


def shot(center: ShareCenter, name: str) -> None:
    """With SHOTS_DIR set, a PNG of the center for a look by eye."""
    if folder := os.environ.get("SHOTS_DIR"):
        center.grab().save(str(Path(folder) / f"share-{name}.png"))


def open_center(qtbot: QtBot, make_window: WindowFactory, environ: dict[str, str],
                bucket: str) -> tuple[MainWindow, ShareCenter]:
    window = make_window(environ)
    conn = window.active_connection
    assert conn is not None
    qtbot.waitUntil(lambda: bucket in window.tree_model.bucket_names(conn), timeout=WAIT)
    window.open_location(bucket, "docs/")
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 1, timeout=WAIT)
    window.object_table.selectRow(0)
    menu: QMenu = window.object_actions.build_menu()
    names = [a.objectName() for a in menu.actions()]
    # Beside "Copy presigned link" in the file's menu.
    assert names.index("actionShareCenter") == names.index("actionCopyPresignedLink") + 1
    assert "actionShareCenter" in [a.objectName() for a in window.menus.menu("Bucket").actions()]
    next(a for a in menu.actions() if a.objectName() == "actionShareCenter").trigger()
    center = window.share.center  # type: ignore[attr-defined]
    assert isinstance(center, ShareCenter)
    qtbot.waitUntil(center.isVisible, timeout=WAIT)
    return window, center


def test_share_center_makes_links_keeps_history_and_copies_again(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    put_bytes(storage, bucket, "docs/plan.txt", b"the plan\n", "text/plain")
    _window, center = open_center(qtbot, make_window, app_environ, bucket)
    assert center.download.key.text() == "docs/plan.txt"
    assert center.upload.post_prefix.text() == "docs/"

    # Over seven days: refused with the reason, nothing made.
    center.download.expiry.set(8, 2)
    assert "at most 7 days" in center.download.error_label.text()
    assert not center.download.create_button.isEnabled()
    shot(center, "download-refused")
    center.download.expiry.set(2, 1)  # 2 hours
    center.download.note.setText("for Bob")
    QGuiApplication.clipboard().clear()
    center.download.create_button.click()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().startswith("http"), timeout=WAIT)
    with urllib.request.urlopen(QGuiApplication.clipboard().text(), timeout=10) as answer:
        assert answer.read() == b"the plan\n"

    # An upload form: curl with the command shown uploads inside the limits.
    center.tabs.setCurrentWidget(center.upload)
    center.upload.set_kind(LinkKind.POST)
    center.upload.post_type.setText("text/plain")
    center.upload.max_size.setValue(1)
    center.upload.note.setText("for the auditors")
    center.upload.create_button.click()
    qtbot.waitUntil(lambda: center.upload.save_form.isEnabled(), timeout=WAIT)
    command = center.upload.output.text.toPlainText()
    shot(center, "upload-form")
    assert command.startswith("curl ")
    assert command.index("key=docs/") < command.index("file=@")
    (tmp_path / "FILE").write_text("uploaded by a guest\n")
    done = subprocess.run(shlex.split(command), cwd=tmp_path, capture_output=True, text=True,
                          timeout=30, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert storage.stat(bucket, "docs/FILE").size == 20

    # The history: both links, newest first, no signature in the file, a countdown.
    center.tabs.setCurrentWidget(center.history_tab)
    table = center.history_tab.table
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=WAIT)
    assert table.item(0, 1).text() == "for the auditors"
    assert table.item(1, 1).text() == "for Bob"
    assert table.item(1, 4).text().startswith(("01:59", "02:00"))
    shot(center, "history")
    text = (Path(app_environ["MINIO_DESKTOP_DATA_DIR"]) / "share_history.json").read_text()
    assert "Signature" not in text
    assert "x-amz-signature" not in text
    assert [link["kind"] for link in json.loads(text)["links"]] == ["POST", "GET"]

    table.selectRow(1)
    QGuiApplication.clipboard().clear()
    center.history_tab.copy_again.click()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().startswith("http"), timeout=WAIT)
    again = QGuiApplication.clipboard().text()
    expires = int(again.split("X-Amz-Expires=")[1].split("&")[0])
    assert 7100 < expires <= 7200  # the time left, never more than the original two hours
    with urllib.request.urlopen(again, timeout=10) as answer:
        assert answer.read() == b"the plan\n"
    center.history_tab.remove.click()
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=WAIT)
    center.close()


def test_links_of_the_copy_presigned_link_dialog_join_the_history(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "docs/plan.txt", b"the plan\n", "text/plain")
    window, center = open_center(qtbot, make_window, app_environ, bucket)
    center.close()
    QGuiApplication.clipboard().clear()
    window.object_actions.copy_presigned_link()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "presignDialog") is not None, timeout=WAIT)
    dialog = window.findChild(QDialog, "presignDialog")
    assert isinstance(dialog, PresignDialog)
    dialog.set_preset("1 hour")
    dialog.accept()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().startswith("http"), timeout=WAIT)
    table = center.history_tab.table
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=WAIT)
    assert table.item(0, 0).text() == f"Download {bucket}/docs/plan.txt"
    assert table.item(0, 4).text().startswith(("00:59", "01:00"))


def test_temporary_credentials_are_said_to_end_the_link(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "docs/plan.txt", b"the plan\n", "text/plain")
    window, center = open_center(qtbot, make_window, app_environ, bucket)
    assert center.download.warning_label.isHidden()
    conn = window.open_connections.get(window.active_connection)
    assert conn is not None
    assert conn.settings is not None
    conn.settings = dataclasses.replace(conn.settings, session_token="a-session-token")
    center.hide()  # (raising an open window warns on the offscreen test platform)
    center.show_for(bucket, "docs/plan.txt")
    for tab in (center.download, center.upload):
        assert "does not know when they end" in tab.warning_label.text()
        assert not tab.warning_label.isHidden()
        assert tab.create_button.isEnabled()  # said, not refused: the end is unknown
    center.close()
