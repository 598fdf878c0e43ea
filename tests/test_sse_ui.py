"""Encryption keys in the window (real server over http, a real keyring): the dialog from the
Bucket menu, SSE-C refused over http with the reason, an SSE-S3 choice taken by uploads and
kept in the keyring, "Enter encryption key…" on the message about an encrypted object, and
the presign dialog's note. The dialog over HTTPS generates, shows (after a warning) and
removes a key."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QToolButton
from pytestqt.qtbot import QtBot

from desktop_app.core.credentials import SecretStore
from desktop_app.core.sse import CustomerKey, Encryption, Mode, key_needed
from desktop_app.core.sse_store import EncryptionStore
from desktop_app.ui.encryption.keys_dialog import EncryptionDialog
from desktop_app.ui.objects.presign_dialog import PresignDialog
from tests.conftest import WindowFactory

WAIT = 30_000
SHOTS = Path(os.environ.get("SSE_SHOTS", "/tmp"))


def test_the_dialog_over_https_generates_shows_and_removes_a_key(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = EncryptionDialog("Bucket “b”.", Encryption(), secure=True)
    qtbot.addWidget(dialog)
    assert dialog.customer.isEnabled()
    assert not dialog.show_key.isEnabled()
    dialog.generate.click()
    assert dialog.customer.isChecked()
    assert "fingerprint" in dialog.key_state.text()
    setting = dialog.result_setting()
    assert setting.mode is Mode.CUSTOMER
    assert setting.key is not None
    assert setting.key.b64 not in dialog.key_state.text()  # never shown unasked
    asked: list[str] = []
    def warn(_parent: object, title: str, *_rest: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", warn)
    dialog.show_key.click()
    assert asked == ["Show the key?"]  # a warning first; cancelled, nothing shown
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    dialog.remove.click()
    assert dialog.result_setting() == Encryption(Mode.NONE, None)
    dialog.grab().save(str(SHOTS / "encryption-keys.png"))


def test_over_http_the_window_offers_sse_s3_not_sse_c_and_keeps_it_in_the_keyring(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        bucket: str) -> None:
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    qtbot.waitUntil(lambda: window.active_connection is not None, timeout=WAIT)
    conn = window.active_connection
    assert conn is not None
    bucket_menu = window.menus.menu("Bucket")
    assert "Encryption keys…" in [a.text() for a in bucket_menu.actions()]
    window.encryption.edit(conn, bucket)
    dialog = window.encryption.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    assert not dialog.customer.isEnabled()
    assert "needs an HTTPS connection" in dialog.http_reason.text()
    dialog.server.setChecked(True)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    storage = window.open_connections.get(conn).storage  # type: ignore[union-attr]
    assert storage.encryption.for_bucket(bucket).mode is Mode.SERVER
    qtbot.waitUntil(lambda: "saved in the system keyring" in window.message_bar.text,
                    timeout=WAIT)
    assert EncryptionStore(SecretStore.detect()).load(conn)[bucket].mode is Mode.SERVER
    # Loaded again from the keyring when the connection opens (here: asked again).
    storage.encryption.replace({})
    window.encryption._loaded.discard(conn)
    window.encryption.load(conn)
    qtbot.waitUntil(lambda: storage.encryption.for_bucket(bucket).mode is Mode.SERVER,
                    timeout=WAIT)
    storage.put_bytes(bucket, "s.txt", b"abc", "text/plain", {})
    assert storage.object_properties(bucket, "s.txt").encryption == "SSE-S3 (AES256)"
    EncryptionStore(SecretStore.detect()).forget(conn)

    # The message about an object encrypted with a key we lack offers the dialog.
    window.show_error(key_needed(bucket, "photo.jpg", had_key=False))
    button = window.message_bar.findChild(QToolButton, "messageAction")
    assert not button.isHidden()
    assert button.text() == "Enter encryption key…"
    button.click()
    qtbot.waitUntil(lambda: window.encryption.dialog is not dialog and
                    window.encryption.dialog is not None and
                    window.encryption.dialog.isVisible(), timeout=WAIT)
    window.encryption.dialog.reject()  # type: ignore[union-attr]
    window.message_bar.show_info("done")
    assert button.isHidden()

    # A preview that fails for want of the key says so, and the bar offers the key again.
    pane = window.preview_pane
    pane._on_error(pane._generation, key_needed(bucket, "photo.jpg", had_key=True))
    assert "not with the key set" in window.message_bar.text
    assert not button.isHidden()


def test_the_presign_dialog_explains_customer_key_links(qtbot: QtBot) -> None:
    dialog = PresignDialog(1)
    qtbot.addWidget(dialog)
    assert dialog.sse_note.isHidden()
    dialog.explain_customer_key()
    assert "the link alone does not open them" in dialog.sse_note.text()
    assert CustomerKey.generate().b64 not in dialog.sse_note.text()


def test_deleting_a_profile_forgets_its_encryption_keys(tmp_path: Path) -> None:
    from desktop_app.core.profiles import ProfileStore
    from desktop_app.ui.connections.jobs import delete_profile

    secrets = SecretStore.detect()
    store = EncryptionStore(secrets)
    conn_id = "profile:gone-" + os.urandom(4).hex()
    store.save(conn_id, {"b": Encryption(Mode.CUSTOMER, CustomerKey.generate())})
    assert store.load(conn_id)
    delete_profile(secrets, ProfileStore(tmp_path), conn_id.removeprefix("profile:"))
    assert store.load(conn_id) == {}
