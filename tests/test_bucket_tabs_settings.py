"""The Lifecycle, Object lock, Encryption and Tags tabs of the bucket properties against the
real SeaweedFS server: each loads what the server holds, an edit applied reads back equal,
input S3 would refuse is named in the tab before anything is sent, and a setting the server
lacks shows its answer with the controls disabled while the other tabs work."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Coroutine, Iterator
from datetime import date
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QTableWidgetItem
from pytestqt.qtbot import QtBot

from desktop_app.core.bucket_settings import (
    COMPLIANCE,
    GOVERNANCE,
    SSE_KMS,
    SSE_S3,
    BucketEncryption,
    InvalidBucketSetting,
    LifecycleRule,
    ObjectLockConfig,
)
from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.buckets.encryption_tab import EncryptionTab
from desktop_app.ui.buckets.lifecycle_rule_dialog import LifecycleRuleDialog
from desktop_app.ui.buckets.lifecycle_tab import LifecycleTab
from desktop_app.ui.buckets.lock_tab import ObjectLockTab
from desktop_app.ui.buckets.settings_tab_base import SettingTabBase
from desktop_app.ui.buckets.tags_tab import TagsTab
from desktop_app.ui.shell.tasks import TaskRunner
from tests.fake_servers import fake_s3

WAIT = 15_000
T = TypeVar("T")


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown(wait=True)


@pytest.fixture
def locked_bucket(storage: MinioStorage) -> str:
    name = f"locked-tab-{secrets.token_hex(4)}"
    storage.make_bucket(name, object_lock=True)
    return name


def run(qtbot: QtBot, flow: Coroutine[Any, Any, T]) -> T:
    """Run `flow` on the qasync loop until it ends; its result (or its exception)."""
    task = asyncio.get_running_loop().create_task(flow)
    qtbot.waitUntil(task.done, timeout=WAIT)
    return task.result()


def loaded(qtbot: QtBot, runner: TaskRunner, tab: SettingTabBase) -> list[int]:
    """`tab` shown and loaded; the list counts its `changed` signals from now on."""
    qtbot.addWidget(tab)
    tab.resize(640, 560)
    tab.show()
    run(qtbot, tab.load(runner))
    seen: list[int] = []
    tab.changed.connect(lambda: seen.append(1))
    return seen


# -- tags ----------------------------------------------------------------------------------
def test_tags_load_edit_apply_and_read_back(qtbot: QtBot, runner: TaskRunner,
                                            storage: MinioStorage, bucket: str) -> None:
    storage.set_bucket_tags(bucket, {"team": "photos", "cost": "42"})
    tab = TagsTab(storage, bucket)
    seen = loaded(qtbot, runner, tab)
    assert tab.body.isEnabled()
    assert tab.tags.pairs() == (("cost", "42"), ("team", "photos"))
    assert not tab.is_dirty()
    tab.tags.add_row("owner", "ana")
    assert seen
    assert tab.is_dirty()
    assert tab.count.text() == "3 of 50 tags."
    tab.tags.table.selectRow(0)
    tab.tags.remove_selected()
    run(qtbot, tab.apply(runner))
    assert storage.get_bucket_tags(bucket) == {"team": "photos", "owner": "ana"}
    assert not tab.is_dirty()
    tab.tags.table.selectAll()
    tab.tags.remove_selected()
    run(qtbot, tab.apply(runner))
    assert storage.get_bucket_tags(bucket) == {}


def test_too_many_tags_and_bad_keys_are_refused_in_the_tab(
        qtbot: QtBot, runner: TaskRunner, storage: MinioStorage, bucket: str) -> None:
    storage.set_bucket_tags(bucket, {"keep": "me"})
    tab = TagsTab(storage, bucket)
    loaded(qtbot, runner, tab)
    for index in range(50):
        tab.tags.add_row(f"k{index}", "v")
    assert tab.problem_label.isVisible()
    assert "A bucket holds at most 50 tags (51 given)." in tab.problem_label.text()
    with pytest.raises(InvalidBucketSetting):
        run(qtbot, tab.apply(runner))
    assert storage.get_bucket_tags(bucket) == {"keep": "me"}

    tab.tags.set_pairs([("keep", "me"), ("keep", "again"), ("aws:x", "1")])
    tab.tags.add_row("", "no key")
    text = tab.problem_label.text()
    assert "the key “keep” appears more than once" in text
    assert "starts with “aws:”, which is reserved" in text
    assert "a tag key is empty" in text
    tab.tags.set_pairs([("keep", "me")])
    tab.tags.add_row("fine", "ok")
    assert not tab.problem_label.isVisible()


# -- encryption ----------------------------------------------------------------------------
def test_encryption_none_kms_s3_and_back(qtbot: QtBot, runner: TaskRunner,
                                         storage: MinioStorage, bucket: str) -> None:
    tab = EncryptionTab(storage, bucket)
    seen = loaded(qtbot, runner, tab)
    assert tab.none.isChecked()
    assert not tab.key_id.isEnabled()
    kms_note = tab.findChild(QLabel, "bucketEncryptionSseKmsNote")
    assert isinstance(kms_note, QLabel)
    assert kms_note.isVisible()
    assert "must have a KMS configured" in kms_note.text()
    tab.sse_kms.setChecked(True)
    assert seen
    assert tab.key_id.isEnabled()
    assert "SSE-KMS needs the id of a key" in tab.problem_label.text()
    with pytest.raises(InvalidBucketSetting):
        run(qtbot, tab.apply(runner))
    assert storage.get_bucket_encryption(bucket) is None

    tab.key_id.setText("app-key-1")
    assert not tab.problem_label.isVisible()
    run(qtbot, tab.apply(runner))
    assert storage.get_bucket_encryption(bucket) == BucketEncryption(SSE_KMS, "app-key-1")
    assert tab.sse_kms.isChecked()
    assert tab.key_id.text() == "app-key-1"
    assert not tab.is_dirty()

    tab.sse_s3.setChecked(True)
    run(qtbot, tab.apply(runner))
    assert storage.get_bucket_encryption(bucket) == BucketEncryption(SSE_S3)
    tab.none.setChecked(True)
    run(qtbot, tab.apply(runner))
    assert storage.get_bucket_encryption(bucket) is None


# -- object lock ---------------------------------------------------------------------------
def test_lock_tab_of_a_bucket_without_lock_says_why_and_is_disabled(
        qtbot: QtBot, runner: TaskRunner, storage: MinioStorage, bucket: str) -> None:
    tab = ObjectLockTab(storage, bucket)
    loaded(qtbot, runner, tab)
    assert not tab.body.isEnabled()
    assert not tab.is_dirty()
    assert "was not enabled when the bucket" in tab.status.text()
    assert "create a new bucket with object lock" in tab.status.text()


def test_default_retention_set_in_days_then_years_then_none(
        qtbot: QtBot, runner: TaskRunner, storage: MinioStorage, locked_bucket: str) -> None:
    tab = ObjectLockTab(storage, locked_bucket)
    loaded(qtbot, runner, tab)
    assert tab.body.isEnabled()
    assert tab.none.isChecked()
    assert not tab.period.isEnabled()
    tab.governance.setChecked(True)
    tab.period.setValue(3)
    assert tab.is_dirty()
    run(qtbot, tab.apply(runner))
    assert storage.get_object_lock(locked_bucket) == ObjectLockConfig(True, GOVERNANCE, days=3)

    tab.compliance.setChecked(True)
    tab.unit.setCurrentText("years")
    tab.period.setValue(101)
    assert "between 1 and 100 years (it is 101)" in tab.problem_label.text()
    with pytest.raises(InvalidBucketSetting):
        run(qtbot, tab.apply(runner))
    tab.period.setValue(2)
    run(qtbot, tab.apply(runner))
    assert storage.get_object_lock(locked_bucket) == ObjectLockConfig(True, COMPLIANCE, years=2)
    assert tab.compliance.isChecked()
    assert tab.unit.currentText() == "years"

    tab.none.setChecked(True)
    run(qtbot, tab.apply(runner))
    assert storage.get_object_lock(locked_bucket) == ObjectLockConfig(enabled=True)


# -- lifecycle -----------------------------------------------------------------------------
def edit_in(qtbot: QtBot, tab: LifecycleTab) -> LifecycleRuleDialog:
    qtbot.waitUntil(lambda: tab.editor is not None and tab.editor.isVisible(), timeout=WAIT)
    assert tab.editor is not None
    return tab.editor


def cell(tab: LifecycleTab, row: int, column: int) -> QTableWidgetItem:
    item = tab.table.item(row, column)
    assert item is not None
    return item


def test_lifecycle_rules_load_add_disable_and_apply(
        qtbot: QtBot, runner: TaskRunner, storage: MinioStorage, bucket: str) -> None:
    logs = LifecycleRule(id="logs", prefix="logs/", expire_days=30)
    storage.set_lifecycle(bucket, (logs,))
    tab = LifecycleTab(storage, bucket)
    seen = loaded(qtbot, runner, tab)
    assert tab.rules == [logs]
    assert cell(tab, 0, 1).text() == "logs"
    assert cell(tab, 0, 3).text() == "expire after 30 days"
    assert "<ID>logs</ID>" in tab.xml.toPlainText()

    tab.add_button.click()
    editor = edit_in(qtbot, tab)
    editor.rule_id.setText("old-versions")
    editor.prefix.setText("photos/")
    editor.noncurrent_days.check.setChecked(True)
    editor.noncurrent_days.spin.setValue(10)
    editor.noncurrent_keep.check.setChecked(True)
    editor.noncurrent_keep.spin.setValue(3)
    editor.abort_days.check.setChecked(True)
    editor.abort_days.spin.setValue(5)
    editor.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert seen
    assert tab.is_dirty()
    cell(tab, 0, 0).setCheckState(Qt.CheckState.Unchecked)
    assert "<Status>Disabled</Status>" in tab.xml.toPlainText()
    assert "<ID>old-versions</ID>" in tab.xml.toPlainText()

    run(qtbot, tab.apply(runner))
    expected = (
        LifecycleRule(id="logs", enabled=False, prefix="logs/", expire_days=30),
        LifecycleRule(id="old-versions", prefix="photos/", noncurrent_days=10,
                      noncurrent_keep=3, abort_uploads_days=5),
    )
    assert storage.get_lifecycle(bucket) == expected
    assert tab.rules == list(expected)
    assert not tab.is_dirty()

    tab.table.selectRow(1)
    tab.edit_button.click()
    editor = edit_in(qtbot, tab)
    assert editor.noncurrent_keep.value() == 3
    editor.rule_id.setText("logs")
    assert "Another rule has the same ID" in editor.problems.text()
    editor.reject()
    tab.table.selectRow(0)
    tab.remove_button.click()
    tab.table.selectRow(0)
    tab.remove_button.click()
    assert tab.xml.toPlainText().startswith("No rules")
    run(qtbot, tab.apply(runner))
    assert storage.get_lifecycle(bucket) == ()


def test_a_rule_with_both_days_and_date_is_refused_in_the_editor(
        qtbot: QtBot, runner: TaskRunner, storage: MinioStorage, bucket: str) -> None:
    tab = LifecycleTab(storage, bucket)
    loaded(qtbot, runner, tab)
    tab.add_button.click()
    editor = edit_in(qtbot, tab)
    ok = editor.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "Choose at least one action" in editor.problems.text()
    editor.expire_days.check.setChecked(True)
    editor.expire_days.spin.setValue(7)
    assert ok.isEnabled()
    assert not editor.problems.isVisible()
    editor.expire_on.setChecked(True)
    editor.expire_date.setDate(QDate(2031, 1, 1))
    assert not ok.isEnabled()
    assert "Expire either after a number of days or on a date, not both" in \
        editor.problems.text()
    editor.expire_days.check.setChecked(False)
    assert ok.isEnabled()
    ok.click()
    run(qtbot, tab.apply(runner))
    assert storage.get_lifecycle(bucket) == (LifecycleRule(expire_date=date(2031, 1, 1)),)


# -- a server without a setting --------------------------------------------------------------
class HalfServer:
    """The real server's settings, except default encryption, asked of a server that does
    not implement it."""

    def __init__(self, real: MinioStorage, lacking: MinioStorage) -> None:
        self.real = real
        self.lacking = lacking

    def __getattr__(self, name: str) -> Any:
        if "encryption" in name:
            return getattr(self.lacking, name)
        return getattr(self.real, name)


def test_a_setting_the_server_lacks_shows_its_answer_while_other_tabs_work(
        qtbot: QtBot, runner: TaskRunner, storage: MinioStorage, bucket: str) -> None:
    answer = (501, "NotImplemented", "Bucket encryption is not implemented here.", "")
    with fake_s3(answer) as port:
        lacking = MinioStorage(ConnectionSettings(
            name="fake", host="127.0.0.1", port=port, secure=False,
            access_key="fake-access", secret_key="fake-secret-xyz", region="us-east-1"))
        try:
            half = HalfServer(storage, lacking)
            encryption = EncryptionTab(half, bucket)
            tags = TagsTab(half, bucket)
            loaded(qtbot, runner, encryption)
            loaded(qtbot, runner, tags)
        finally:
            lacking.close()
    assert not encryption.body.isEnabled()
    assert not encryption.is_dirty()
    assert "does not support" in encryption.status.text()
    assert "Bucket encryption is not implemented here." in encryption.status.text()
    assert "fake-secret-xyz" not in encryption.status.text()
    assert tags.body.isEnabled()
    tags.tags.add_row("works", "yes")
    run(qtbot, tags.apply(runner))
    assert storage.get_bucket_tags(bucket) == {"works": "yes"}
