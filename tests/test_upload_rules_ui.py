"""Upload rules in the window, against the real server: a drop of N files of which 3 break a
rule shows one pre-flight list and "Upload the other N-3"; duplicates skipped by rule leave a
row saying where the bytes already are, which opens that object; the editor saves rules and
the bucket's Properties show them."""

from __future__ import annotations

import hashlib
import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.core.upload_rules import Naming, OnDuplicate, UploadRules
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.state import State
from desktop_app.ui.buckets.properties_dialog import BucketPropertiesDialog
from desktop_app.ui.buckets.upload_rules_tab import UploadRulesTab
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.upload_rules.editor_dialog import UploadRulesEditor
from desktop_app.ui.upload_rules.lookup import StorageLookup
from desktop_app.ui.upload_rules.preflight_dialog import PreflightDialog
from tests.conftest import WindowFactory
from tests.test_transfer_ui import drop
from tests.test_upload_rules import ELF, PDF, PE, PNG

WAIT = 30_000
SHOTS = Path(os.environ.get("UPLOAD_RULES_SHOTS", "/tmp"))


def keys(storage: MinioStorage, bucket: str) -> set[str]:
    return {o.key for o in storage.iter_objects(bucket, "")}


def open_window(qtbot: QtBot, make_window: WindowFactory, environ: dict[str, str],
                bucket: str, rules: UploadRules) -> tuple[MainWindow, str]:
    window = make_window({**environ, "MINIO_BUCKET_NAME": bucket})
    qtbot.waitUntil(lambda: window.transfer_queue.engine is not None, timeout=WAIT)
    conn = window.active_connection
    assert conn is not None
    store = window.upload_rules.gate.store()
    assert store is not None
    store.set_rules(window.upload_rules.gate.profile_key(conn), rules)
    return window, conn


def test_three_of_ten_refused_then_the_other_seven_uploaded(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    window, _conn = open_window(qtbot, make_window, app_environ, bucket,
                                UploadRules(max_size=4096))
    files = []
    for n in range(7):
        files.append(tmp_path / f"note{n}.txt")
        files[-1].write_text(f"note {n}\n")
    bad = {"huge.txt": b"x" * 5000, "invoice.pdf": ELF, "holiday.jpg": PE}
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
        files.append(tmp_path / name)
    window.transfers.upload(files, bucket, "")
    qtbot.waitUntil(lambda: isinstance(window.upload_rules.gate.dialog, PreflightDialog),
                    timeout=WAIT)
    dialog = window.upload_rules.gate.dialog
    assert isinstance(dialog, PreflightDialog)
    listed = {dialog.list.topLevelItem(i).text(0): dialog.list.topLevelItem(i).text(1)
              for i in range(dialog.list.topLevelItemCount())}
    assert set(listed) == set(bad)
    assert "the largest allowed is 4.0 KiB" in listed["huge.txt"]
    assert "“.pdf” but the content is a program (ELF, Linux)" in listed["invoice.pdf"]
    assert "“.jpg” but the content is a program (PE, Windows)" in listed["holiday.jpg"]
    assert dialog.upload_button.text() == "Upload the other 7"
    assert keys(storage, bucket) == set()  # nothing sent before the answer
    dialog.resize(760, 300)
    dialog.grab().save(str(SHOTS / "upload-rules-preflight.png"))
    qtbot.mouseClick(dialog.upload_button, Qt.MouseButton.LeftButton)
    expected = {f"note{n}.txt" for n in range(7)}
    qtbot.waitUntil(lambda: keys(storage, bucket) == expected, timeout=WAIT)


def test_cancel_sends_nothing(qtbot: QtBot, make_window: WindowFactory,
                              app_environ: dict[str, str], storage: MinioStorage, bucket: str,
                              tmp_path: Path) -> None:
    window, _conn = open_window(qtbot, make_window, app_environ, bucket,
                                UploadRules(allowed=("IMAGES",)))
    (tmp_path / "a.png").write_bytes(PNG)
    (tmp_path / "b.pdf").write_bytes(PDF)
    window.transfers.upload([tmp_path / "a.png", tmp_path / "b.pdf"], bucket, "")
    qtbot.waitUntil(lambda: isinstance(window.upload_rules.gate.dialog, PreflightDialog),
                    timeout=WAIT)
    dialog = window.upload_rules.gate.dialog
    assert isinstance(dialog, PreflightDialog)
    assert "not allowed here (allowed: Images)" in dialog.list.topLevelItem(0).text(1)
    dialog.reject()
    qtbot.wait(300)
    assert keys(storage, bucket) == set()
    assert window.transfer_queue.queue_model.transfers() == []


def test_duplicates_skipped_by_rule_say_where_and_open_there(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    window, _conn = open_window(
        qtbot, make_window, app_environ, bucket,
        UploadRules(on_duplicate=OnDuplicate.SKIP, naming=Naming.KEEP, category_folders=True))
    (tmp_path / "first").mkdir()
    original = tmp_path / "first" / "photo.png"
    original.write_bytes(PNG)
    window.transfers.upload([original], bucket, "")
    qtbot.waitUntil(lambda: keys(storage, bucket) == {"images/photo.png"}, timeout=WAIT)
    assert window.upload_rules.gate.dialog is None  # nothing to ask about
    copy = tmp_path / "copy of photo.png"
    copy.write_bytes(PNG)
    fresh = tmp_path / "other.png"
    fresh.write_bytes(PNG + b"more")
    window.transfers.upload([copy, fresh], bucket, "")
    queue = window.transfer_queue.queue_model

    def rows() -> dict[str, tuple[State, str]]:
        return {v.local_path.name: (v.state, v.error) for v in queue.transfers()}

    qtbot.waitUntil(lambda: rows().get("other.png", (None,))[0] is State.DONE, timeout=WAIT)
    assert rows()["copy of photo.png"] == (
        State.SKIPPED, "Already in the bucket as “images/photo.png”.")
    assert keys(storage, bucket) == {"images/photo.png", "images/other.png"}
    assert window.upload_rules.gate.dialog is None
    # The row links there: a double-click opens images/ with the object selected.
    window.table_model.set_location(bucket, "")
    skipped = next(v for v in queue.transfers() if v.state is State.SKIPPED)
    index = queue.transfer_index(skipped.id)
    assert window.upload_rules.gate.open_existing(window.transfer_queue.view, index)
    qtbot.waitUntil(lambda: window.table_model.prefix == "images/", timeout=WAIT)
    qtbot.waitUntil(lambda: [e.key for e in window.object_table.selected_entries()]
                    == ["images/photo.png"], timeout=WAIT)


def test_ask_lists_the_duplicates_and_can_upload_them_anyway(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    window, _conn = open_window(qtbot, make_window, app_environ, bucket,
                                UploadRules(on_duplicate=OnDuplicate.ASK))
    # As our own single PUTs store it: the SHA-256 in the `sha256` metadata.
    storage.put_stream(bucket, "kept.pdf", io.BytesIO(PDF), len(PDF),
                       metadata={"sha256": hashlib.sha256(PDF).hexdigest()})
    (tmp_path / "again.pdf").write_bytes(PDF)
    window.transfers.upload([tmp_path / "again.pdf"], bucket, "")
    qtbot.waitUntil(lambda: isinstance(window.upload_rules.gate.dialog, PreflightDialog),
                    timeout=WAIT)
    dialog = window.upload_rules.gate.dialog
    assert isinstance(dialog, PreflightDialog)
    assert dialog.list.topLevelItem(0).text(1) == \
        "Same content already in the bucket as “kept.pdf”."
    assert not dialog.upload_button.isEnabled()  # nothing else to upload
    dialog.duplicates_box.setChecked(True)
    assert dialog.upload_button.text() == "Upload 1 file"
    dialog.upload_button.click()
    qtbot.waitUntil(lambda: keys(storage, bucket) == {"kept.pdf", "again.pdf"}, timeout=WAIT)


def test_editor_saves_rules_and_properties_show_them(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        bucket: str) -> None:
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    qtbot.waitUntil(lambda: window.active_connection is not None, timeout=WAIT)
    conn = window.active_connection
    assert conn is not None
    editor = window.upload_rules.edit(conn, bucket)
    assert isinstance(editor, UploadRulesEditor)
    assert not editor.form_box.isEnabled()  # no rules yet
    editor.enabled.setChecked(True)
    editor.max_size.setValue(10)
    editor.kind_boxes[next(iter(editor.kind_boxes))].setChecked(True)  # Images
    editor.types.setText("application/pdf")
    editor.naming.setCurrentIndex(list(Naming).index(Naming.SHA256))
    editor.folders.setChecked(True)
    editor.duplicate.setCurrentIndex(list(OnDuplicate).index(OnDuplicate.SKIP))
    assert editor.example.text().startswith("report.pdf → documents/9f86d081")
    editor.grab().save(str(SHOTS / "upload-rules-editor.png"))
    editor.types.setText("pdf")
    buttons = editor.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert editor.isVisible()
    assert "is not a type" in editor.problem.text()
    editor.types.setText("application/pdf")
    buttons.button(QDialogButtonBox.StandardButton.Save).click()
    store = window.upload_rules.gate.store()
    assert store is not None
    path = store.path
    qtbot.waitUntil(path.exists, timeout=WAIT)
    rules, source = window.upload_rules.gate.rules_for(conn, bucket)
    assert source == "bucket"
    assert rules == UploadRules(
        max_size=10 * 1024 * 1024, allowed=("IMAGES", "application/pdf"),
        naming=Naming.SHA256, category_folders=True, on_duplicate=OnDuplicate.SKIP)
    assert window.upload_rules.gate.rules_for(conn, "elsewhere") == (None, "")
    window.bucket_actions.properties(conn, bucket)
    qtbot.waitUntil(lambda: isinstance(window.bucket_actions.active_dialog,
                                       BucketPropertiesDialog), timeout=WAIT)
    dialog = window.bucket_actions.active_dialog
    assert isinstance(dialog, BucketPropertiesDialog)
    tab = dialog.tab("Upload rules")
    assert isinstance(tab, UploadRulesTab)
    assert ("Largest file", "10.0 MiB") in tab.lines
    assert ("Key of each file", "{sha256}{ext}") in tab.lines
    assert ("Allowed kinds (by content)", "Images, application/pdf") in tab.lines
    dialog.tab_widget.setCurrentIndex(dialog.tab_widget.count() - 1)
    dialog.show()
    qtbot.waitExposed(dialog)
    page = dialog.pages[id(tab)]
    qtbot.waitUntil(lambda: not page.horizontalScrollBar().isVisible(), timeout=WAIT)
    dialog.grab().save(str(SHOTS / "upload-rules-properties.png"))
    dialog.reject()


def test_a_long_check_shows_its_progress_and_can_be_cancelled(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, _conn = open_window(qtbot, make_window, app_environ, bucket,
                                UploadRules(on_duplicate=OnDuplicate.SKIP))
    release = threading.Event()
    listed = threading.Event()
    real = StorageLookup.objects_in

    def held(self: StorageLookup, bucket: str, folder: str) -> Iterator[tuple[str, int]]:
        listed.set()
        release.wait(10)
        yield from real(self, bucket, folder)

    monkeypatch.setattr(StorageLookup, "objects_in", held)
    files = []
    for n in range(3):
        files.append(tmp_path / f"f{n}.txt")
        files[-1].write_text(f"file {n}\n")
    window.transfers.upload(files, bucket, "")
    checking = window.upload_rules.gate.checking
    assert checking is not None
    qtbot.waitUntil(listed.is_set, timeout=WAIT)
    qtbot.waitUntil(checking.dialog.isVisible, timeout=WAIT)  # shown after a moment
    assert checking.dialog.labelText() == \
        "Checking the files against the upload rules: 0 of 3…"
    checking.dialog.grab().save(str(SHOTS / "upload-rules-checking.png"))
    cancel = checking.dialog.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: "nothing was sent" in window.message_bar.text, timeout=WAIT)
    assert window.upload_rules.gate.last is None
    assert keys(storage, bucket) == set()
    assert window.transfer_queue.queue_model.transfers() == []


def test_a_dropped_folder_is_checked_file_by_file_with_category_folders(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    """Files dropped on the table (a folder among them) go through the rules like Upload…:
    the disguised program inside the folder is listed, the rest sorted into kind folders."""
    window, _conn = open_window(qtbot, make_window, app_environ, bucket,
                                UploadRules(category_folders=True))
    window.show()
    qtbot.waitUntil(lambda: window.table_model.bucket == bucket, timeout=WAIT)
    album = tmp_path / "album"
    album.mkdir()
    (album / "cover.png").write_bytes(PNG)
    (album / "setup.pdf").write_bytes(ELF)
    (tmp_path / "notes.pdf").write_bytes(PDF)
    event = drop(qtbot, window.object_table.viewport(), [album, tmp_path / "notes.pdf"],
                 QPoint(5, 5))
    assert event.isAccepted()
    qtbot.waitUntil(lambda: isinstance(window.upload_rules.gate.dialog, PreflightDialog),
                    timeout=WAIT)
    dialog = window.upload_rules.gate.dialog
    assert isinstance(dialog, PreflightDialog)
    assert [dialog.list.topLevelItem(i).text(0)
            for i in range(dialog.list.topLevelItemCount())] == ["setup.pdf"]
    assert dialog.upload_button.text() == "Upload the other 2"
    dialog.upload_button.click()
    qtbot.waitUntil(lambda: keys(storage, bucket) == {"images/album/cover.png",
                                                      "documents/notes.pdf"}, timeout=WAIT)


def test_a_big_file_under_a_content_rule_keeps_the_sha256_the_check_read(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    """Multipart uploads store no SHA-256 of their own; under a rule that read it anyway
    (content-addressed names), the object carries it, so a seed service can find it."""
    window, _conn = open_window(qtbot, make_window, app_environ, bucket,
                                UploadRules(naming=Naming.SHA256))
    big = tmp_path / "video.bin"
    block = os.urandom(1 << 20)
    big.write_bytes(block * 17 + b"tail")  # past the 16 MiB multipart threshold
    digest = hashlib.sha256(big.read_bytes()).hexdigest()
    window.transfers.upload([big], bucket, "")
    qtbot.waitUntil(lambda: keys(storage, bucket) == {f"{digest}.bin"}, timeout=WAIT)
    stat = storage.stat(bucket, f"{digest}.bin")
    assert "-" in stat.etag  # sent in parts
    assert {k.lower(): v for k, v in stat.metadata.items()}.get("sha256") == digest
