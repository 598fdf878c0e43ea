"""Retention and legal hold in the preview's properties, against the real server: shown for
objects in buckets with object lock, changed through the dialog, with compliance refused
before sending and governance shortened only with bypass."""

from __future__ import annotations

import io
import os
import secrets
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.core.buckets import COMPLIANCE, GOVERNANCE, Retention
from desktop_app.core.errors import NotSupportedByServer
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.previews.pane import PreviewPane
from desktop_app.ui.previews.retention_dialog import RetentionDialog
from desktop_app.ui.shell.tasks import TaskRunner

pytestmark = pytest.mark.real_server
WAIT = 20_000


def soon(days: float) -> datetime:
    return (datetime.now(UTC) + timedelta(days=days)).replace(microsecond=0)


def qt_time(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.utc())


def put(storage: MinioStorage, bucket: str, key: str) -> None:
    storage.put_stream(bucket, key, io.BytesIO(b"kept"), 4, "text/plain")


@pytest.fixture
def locked(storage: MinioStorage) -> str:
    name = f"lockui-{secrets.token_hex(4)}"
    storage.make_bucket(name, object_lock=True)
    return name


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


@pytest.fixture
def calls(storage: MinioStorage, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts the object lock calls the UI makes (the real calls still run)."""
    counted: dict[str, int] = {}
    for name in ("get_object_lock", "get_retention", "get_legal_hold", "set_retention",
                 "set_legal_hold"):
        counted[name] = 0
        real: Callable[..., Any] = getattr(storage, name)

        def spy(*args: Any, _name: str = name, _real: Callable[..., Any] = real,
                **kwargs: Any) -> Any:
            counted[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(storage, name, spy)
    return counted


def select(qtbot: QtBot, pane: PreviewPane, bucket: str, key: str) -> dict[str, str]:
    pane.show_object(bucket, key)
    panel = pane.properties_panel
    qtbot.waitUntil(lambda: panel.edit_button.isEnabled() and panel.lock is not None,
                    timeout=WAIT)
    return pane.metadata()


def open_dialog(pane: PreviewPane) -> RetentionDialog:
    dialog = pane.object_lock.edit()
    assert dialog is not None
    return dialog


def apply(qtbot: QtBot, pane: PreviewPane, dialog: RetentionDialog) -> None:
    with qtbot.waitSignal(pane.properties_saved, timeout=WAIT):
        dialog.apply_button.click()


def refused(qtbot: QtBot, pane: PreviewPane, dialog: RetentionDialog) -> str:
    with qtbot.waitSignal(pane.lock_failed, timeout=WAIT):
        dialog.apply_button.click()
    status = pane.properties_panel.status
    qtbot.waitUntil(lambda: status.text().startswith("Not changed:"), timeout=WAIT)
    return status.text()


def test_selecting_an_object_shows_its_retention_and_legal_hold(
        qtbot: QtBot, pane: PreviewPane, storage: MinioStorage, locked: str,
        tmp_path: Path) -> None:
    put(storage, locked, "plain.txt")
    put(storage, locked, "kept.txt")
    until = soon(3)
    storage.set_retention(locked, "kept.txt", Retention(GOVERNANCE, until))
    storage.set_legal_hold(locked, "kept.txt", True)
    shown = select(qtbot, pane, locked, "plain.txt")
    assert shown["Retention"] == "none"
    assert shown["Legal hold"] == "off"
    shown = select(qtbot, pane, locked, "kept.txt")
    assert shown["Retention"] == f"Governance until {until:%Y-%m-%d %H:%M} UTC"
    assert shown["Legal hold"] == "on"
    assert pane.properties_panel.lock_button.isVisible()
    shots = Path(os.environ.get("PREVIEW_SHOTS_DIR") or str(tmp_path))
    pane.grab().save(str(shots / "retention-panel.png"))
    pane.resize(340, 760)
    qtbot.waitUntil(lambda: pane.width() == 340, timeout=WAIT)
    pane.properties_panel.grab().save(str(shots / "retention-panel-narrow.png"))
    storage.set_legal_hold(locked, "kept.txt", False)


def test_legal_hold_on_then_off_reads_back(qtbot: QtBot, pane: PreviewPane,
                                           storage: MinioStorage, locked: str) -> None:
    put(storage, locked, "hold.txt")
    select(qtbot, pane, locked, "hold.txt")
    dialog = open_dialog(pane)
    assert not dialog.apply_button.isEnabled()  # nothing changed yet
    dialog.legal_hold.setChecked(True)
    apply(qtbot, pane, dialog)
    assert storage.get_legal_hold(locked, "hold.txt") is True
    assert pane.metadata()["Legal hold"] == "on"
    assert pane.properties_panel.status.text() == "Retention and legal hold saved."
    dialog = open_dialog(pane)
    assert dialog.legal_hold.isChecked()
    dialog.legal_hold.setChecked(False)
    apply(qtbot, pane, dialog)
    assert storage.get_legal_hold(locked, "hold.txt") is False
    assert pane.metadata()["Legal hold"] == "off"


def test_governance_retention_is_set_and_shortened_only_with_bypass(
        qtbot: QtBot, pane: PreviewPane, storage: MinioStorage, locked: str,
        tmp_path: Path) -> None:
    shots = Path(os.environ.get("PREVIEW_SHOTS_DIR") or str(tmp_path))
    put(storage, locked, "gov.txt")
    select(qtbot, pane, locked, "gov.txt")
    until = soon(5)
    dialog = open_dialog(pane)
    assert not dialog.until.isEnabled()  # "No retention" to begin with
    dialog.mode.setCurrentIndex(dialog.mode.findData(GOVERNANCE))
    dialog.until.setDateTime(qt_time(soon(-1)))
    assert not dialog.apply_button.isEnabled()
    assert dialog.error.text() == "Cannot apply. The retain-until date must be in the future."
    dialog.until.setDateTime(qt_time(until))
    assert dialog.bypass.isHidden()
    apply(qtbot, pane, dialog)
    assert storage.get_retention(locked, "gov.txt") == Retention(GOVERNANCE, until)
    assert pane.metadata()["Retention"] == f"Governance until {until:%Y-%m-%d %H:%M} UTC"

    shorter = until - timedelta(days=2)
    dialog = open_dialog(pane)
    dialog.until.setDateTime(qt_time(shorter))
    assert not dialog.bypass.isHidden()  # shortening a governance retention
    dialog.grab().save(str(shots / "retention-dialog-bypass.png"))
    text = refused(qtbot, pane, dialog)  # without bypass: the server refuses, reason shown
    assert "without bypass" in text
    assert "bypass governance" in text
    QApplication.processEvents()  # let the panel lay out the reason before the grab
    pane.properties_panel.grab().save(str(shots / "retention-refused.png"))
    assert storage.get_retention(locked, "gov.txt") == Retention(GOVERNANCE, until)

    dialog = open_dialog(pane)
    dialog.until.setDateTime(qt_time(shorter))
    dialog.bypass.setChecked(True)
    apply(qtbot, pane, dialog)
    assert storage.get_retention(locked, "gov.txt") == Retention(GOVERNANCE, shorter)
    assert pane.metadata()["Retention"].startswith(f"Governance until {shorter:%Y-%m-%d}")

    # Removing it: SeaweedFS does not, and the server's answer and the way out are shown.
    dialog = open_dialog(pane)
    dialog.mode.setCurrentIndex(dialog.mode.findData(""))
    assert not dialog.bypass.isHidden()
    dialog.bypass.setChecked(True)
    text = refused(qtbot, pane, dialog)
    assert "does not remove a retention" in text
    assert "Set an earlier date in governance mode" in text
    assert pane.metadata()["Retention"].startswith("Governance until")


def test_compliance_can_be_extended_but_shortening_is_refused_before_sending(
        qtbot: QtBot, pane: PreviewPane, storage: MinioStorage, locked: str,
        calls: dict[str, int], tmp_path: Path) -> None:
    put(storage, locked, "comp.txt")
    until = soon(2)
    storage.set_retention(locked, "comp.txt", Retention(COMPLIANCE, until))
    select(qtbot, pane, locked, "comp.txt")
    dialog = open_dialog(pane)
    dialog.resize(520, dialog.sizeHint().height())
    model = dialog.mode.model()
    assert isinstance(model, QStandardItemModel)
    enabled = {dialog.mode.itemData(i): model.item(i).isEnabled()
               for i in range(dialog.mode.count())}
    assert enabled == {"": False, GOVERNANCE: False, COMPLIANCE: True}
    assert "can only be extended" in dialog.notice.text()
    assert dialog.notice.isVisible()
    sent = calls["set_retention"]

    dialog.until.setDateTime(qt_time(until - timedelta(days=1)))
    assert not dialog.apply_button.isEnabled()
    assert "never shortened" in dialog.error.text()
    assert dialog.error.isVisible()
    shots = Path(os.environ.get("PREVIEW_SHOTS_DIR") or str(tmp_path))
    dialog.grab().save(str(shots / "retention-dialog.png"))
    dialog.accept()  # even when forced, nothing is sent and the dialog stays
    assert dialog.isVisible()
    assert calls["set_retention"] == sent

    later = until + timedelta(days=1)
    dialog.until.setDateTime(qt_time(later))
    assert dialog.error.isHidden()
    apply(qtbot, pane, dialog)
    assert storage.get_retention(locked, "comp.txt") == Retention(COMPLIANCE, later)
    assert pane.metadata()["Retention"] == f"Compliance until {later:%Y-%m-%d %H:%M} UTC"


def test_bucket_without_lock_shows_no_retention_and_makes_no_extra_calls(
        qtbot: QtBot, pane: PreviewPane, storage: MinioStorage, bucket: str,
        calls: dict[str, int]) -> None:
    put(storage, bucket, "a.txt")
    put(storage, bucket, "b.txt")
    panel = pane.properties_panel
    pane.show_object(bucket, "a.txt")
    qtbot.waitUntil(lambda: panel.edit_button.isEnabled()
                    and pane.object_lock.bucket_locked(bucket) is False, timeout=WAIT)
    pane.show_object(bucket, "b.txt")
    qtbot.waitUntil(panel.edit_button.isEnabled, timeout=WAIT)
    assert "Retention" not in pane.metadata()
    assert "Legal hold" not in pane.metadata()
    assert panel.lock_button.isHidden()
    assert pane.object_lock.edit() is None
    assert calls == {"get_object_lock": 1, "get_retention": 0, "get_legal_hold": 0,
                     "set_retention": 0, "set_legal_hold": 0}


def test_server_without_object_lock_is_asked_once(
        qtbot: QtBot, pane: PreviewPane, storage: MinioStorage, bucket: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def unsupported(name: str) -> None:
        asked.append(name)
        raise NotSupportedByServer("The server does not support object lock.", "")

    monkeypatch.setattr(storage, "get_object_lock", unsupported)
    put(storage, bucket, "a.txt")
    panel = pane.properties_panel
    for _ in range(2):
        pane.show_object(bucket, "a.txt")
        qtbot.waitUntil(lambda: panel.edit_button.isEnabled()
                        and pane.object_lock.bucket_locked(bucket) is False, timeout=WAIT)
    assert asked == [bucket]
    assert panel.status.text() == ""
    assert panel.lock_button.isHidden()
