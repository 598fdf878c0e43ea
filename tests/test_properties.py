"""Object properties against the real server: reading, the REPLACE copy that edits headers and
metadata (non-ASCII included), tags, and the dialog driving it from the pane."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from desktop_app.core.errors import ConfigError
from desktop_app.core.object_properties import PropertyEdits
from desktop_app.storage.property_edits import apply_property_edits
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.previews.pane import PreviewPane
from desktop_app.ui.previews.properties_panel import PropertiesPanel
from desktop_app.ui.shell.tasks import TaskRunner
from tests.helpers import put_bytes

pytestmark = pytest.mark.real_server
WAIT = 20_000
NON_ASCII = "Grüße aus Köln — 東京 ✓"


def test_properties_read_everything(storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "doc.txt", b"hello\n", "text/plain")
    storage.set_tags(bucket, "doc.txt", {"project": "apollo", "stage": "Entwurf ä"})
    props = storage.object_properties(bucket, "doc.txt")
    assert props.size == 6
    assert props.content_type == "text/plain"
    assert len(props.etag) == 32
    assert props.last_modified is not None
    assert props.storage_class == "STANDARD"
    assert props.tags == {"project": "apollo", "stage": "Entwurf ä"}
    storage.set_tags(bucket, "doc.txt", {})
    assert storage.get_tags(bucket, "doc.txt") == {}


def test_metadata_edit_round_trips_non_ascii_and_keeps_the_rest(
        storage: MinioStorage, bucket: str) -> None:
    body = b"payload that must survive the copy\n"
    storage.put_stream(bucket, "r.bin", io.BytesIO(body), len(body),
                       "application/x-old", metadata={"keep": "me"})
    storage.set_tags(bucket, "r.bin", {"t": "1"})
    props = storage.object_properties(bucket, "r.bin")
    edits = PropertyEdits(
        content_type="text/plain; charset=utf-8",
        cache_control="max-age=60",
        content_disposition='attachment; filename="r.txt"',
        metadata={"keep": "me", "author": NON_ASCII, "tricky": "=?UTF-8?B?Zm9v?="},
    )
    fresh = apply_property_edits(storage, props, edits)
    assert fresh.content_type == "text/plain; charset=utf-8"
    assert fresh.cache_control == "max-age=60"
    assert fresh.content_disposition == 'attachment; filename="r.txt"'
    assert fresh.metadata == {"keep": "me", "author": NON_ASCII, "tricky": "=?UTF-8?B?Zm9v?="}
    assert fresh.tags == {"t": "1"}  # tags survive a metadata REPLACE
    assert storage.read_range(bucket, "r.bin", 0, 1000) == body
    raw = storage.stat(bucket, "r.bin").metadata  # what is stored: ASCII on the wire
    assert all(v.isascii() for v in raw.values())
    # Tags alone: no copy, headers untouched.
    after_tags = apply_property_edits(storage, fresh, PropertyEdits(tags={"Stufe": "Prüfung"}))
    assert after_tags.tags == {"Stufe": "Prüfung"}
    assert after_tags.etag == fresh.etag
    assert after_tags.metadata == fresh.metadata


def test_stale_edit_is_refused(storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "s.txt", b"one")
    props = storage.object_properties(bucket, "s.txt")
    put_bytes(storage, bucket, "s.txt", b"two, changed meanwhile")
    with pytest.raises(ConfigError, match="changed by someone else"):
        apply_property_edits(storage, props, PropertyEdits(content_type="text/plain"))


def test_invalid_edits_are_explained(storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "v.txt", b"v")
    props = storage.object_properties(bucket, "v.txt")
    with pytest.raises(ConfigError, match="ASCII letters"):
        apply_property_edits(storage, props, PropertyEdits(metadata={"Schlüssel": "x"}))
    with pytest.raises(ConfigError, match="ASCII"):
        apply_property_edits(storage, props, PropertyEdits(content_disposition="für.txt"))


@pytest.fixture
def pane(qtbot: QtBot, storage: MinioStorage) -> Iterator[PreviewPane]:
    runner = TaskRunner()
    widget = PreviewPane(runner)
    qtbot.addWidget(widget)
    widget.resize(480, 760)
    widget.show()
    widget.set_storage(storage)
    yield widget
    runner.shutdown(wait=True)


def test_dialog_edits_metadata_and_tags(qtbot: QtBot, pane: PreviewPane, storage: MinioStorage,
                                        bucket: str, tmp_path: Path) -> None:
    put_bytes(storage, bucket, "notes.txt", b"some notes\n", "text/plain")
    pane.show_object(bucket, "notes.txt")
    qtbot.waitUntil(lambda: pane.properties_panel.edit_button.isEnabled(), timeout=WAIT)
    dialog = pane.edit_properties()
    assert dialog is not None
    dialog.content_type.setText("text/markdown")
    dialog.metadata.add_row("author", NON_ASCII)
    dialog.tags.add_row("lang", "Deutsch - ü")
    with qtbot.waitSignal(pane.properties_saved, timeout=WAIT):
        dialog.accept()
    qtbot.waitUntil(lambda: pane.properties_panel.status.text() == "Saved.", timeout=WAIT)
    shown = pane.metadata()
    assert shown["Content type"].startswith("text/markdown")
    assert shown["Metadata"] == f"author: {NON_ASCII}"
    assert shown["Tags"] == "lang = Deutsch - ü"
    props = storage.object_properties(bucket, "notes.txt")
    assert props.metadata == {"author": NON_ASCII}
    assert props.tags == {"lang": "Deutsch - ü"}
    shots = Path(os.environ.get("PREVIEW_SHOTS_DIR") or str(tmp_path))
    pane.grab().save(str(shots / "properties.png"))
    dialog2 = pane.edit_properties()
    assert dialog2 is not None
    dialog2.resize(560, 560)
    dialog2.grab().save(str(shots / "properties-dialog.png"))
    # A bad name is explained in the dialog, which stays open.
    dialog2.metadata.table.setItem(0, 0, QTableWidgetItem("bad name"))
    dialog2.accept()
    assert dialog2.isVisible()
    assert "ASCII letters" in dialog2.error.text()
    dialog2.reject()


def test_failed_save_is_reported_in_the_panel(qtbot: QtBot, pane: PreviewPane,
                                              storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "gone.txt", b"soon deleted\n", "text/plain")
    pane.show_object(bucket, "gone.txt")
    qtbot.waitUntil(lambda: pane.properties_panel.edit_button.isEnabled(), timeout=WAIT)
    dialog = pane.edit_properties()
    assert dialog is not None
    dialog.content_type.setText("text/markdown")
    storage.delete(bucket, "gone.txt")
    dialog.accept()
    qtbot.waitUntil(lambda: "Not saved" in pane.properties_panel.status.text(), timeout=WAIT)
    assert pane.properties_panel.edit_button.isEnabled()


def test_server_refusal_after_metadata_copy_is_reported(
        qtbot: QtBot, pane: PreviewPane, storage: MinioStorage, bucket: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Let a tag the server refuses through our own check, to see the server's answer shown.
    monkeypatch.setattr("desktop_app.storage.property_edits.check_tags", lambda _tags: None)
    put_bytes(storage, bucket, "t.txt", b"t\n", "text/plain")
    pane.show_object(bucket, "t.txt")
    qtbot.waitUntil(lambda: pane.properties_panel.edit_button.isEnabled(), timeout=WAIT)
    dialog = pane.edit_properties()
    assert dialog is not None
    dialog.content_type.setText("text/markdown")
    dialog.tags.add_row("dash", "em — dash")
    dialog.accept()
    qtbot.waitUntil(lambda: "Not saved" in pane.properties_panel.status.text(), timeout=WAIT)
    assert "InvalidTag" in pane.properties_panel.status.text()


def test_retention_and_legal_hold_are_shown(qtbot: QtBot, storage: MinioStorage) -> None:
    """Object lock needs a bucket created with it; the raw SDK sets it up for the test."""
    import secrets
    from datetime import UTC, datetime, timedelta

    from minio import Minio
    from minio.commonconfig import GOVERNANCE
    from minio.retention import Retention

    settings = storage.settings
    client = Minio(endpoint=settings.endpoint, access_key=settings.access_key,
                   secret_key=settings.secret_key, secure=settings.secure,
                   region=settings.region)
    name = f"locked-{secrets.token_hex(4)}"
    client.make_bucket(bucket_name=name, object_lock=True)
    until = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    client.put_object(bucket_name=name, object_name="kept.txt", data=io.BytesIO(b"keep"),
                      length=4, retention=Retention(GOVERNANCE, until), legal_hold=True)
    props = storage.object_properties(name, "kept.txt")
    assert props.retention_mode == "GOVERNANCE"
    assert props.retain_until.startswith(until.strftime("%Y-%m-%d"))
    assert props.legal_hold == "ON"
    assert props.version_id
    panel = PropertiesPanel()
    qtbot.addWidget(panel)
    panel.show_properties(props)
    shown = panel.values()
    assert shown["Retention"].startswith("GOVERNANCE until ")
    assert shown["Legal hold"] == "ON"
    assert shown["Version ID"] == props.version_id


def test_stored_sha256_is_shown_from_metadata(storage: MinioStorage, bucket: str) -> None:
    import hashlib

    body = b"checked content\n"
    digest = hashlib.sha256(body).hexdigest()
    storage.put_stream(bucket, "sum.txt", io.BytesIO(body), len(body), "text/plain",
                       metadata={"sha256": digest})
    assert storage.object_properties(bucket, "sum.txt").sha256 == digest
