"""The bucket properties dialog's Access and Versioning tabs against the real server: what
they show is what the server has, Apply changes the server (and what an unsigned request
gets), bad input is refused in the tab before anything is sent, a setting the server lacks
disables only its own tab, and closing with unapplied edits asks."""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import Coroutine, Iterator
from typing import Any, TypeVar

import pytest
import shiboken6
import urllib3
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.core.bucket_policy import (
    AnonymousGrant,
    PolicyKind,
    PrefixAccess,
    bucket_arn,
    canned_policy,
    classify,
    prefix_policy,
)
from desktop_app.core.bucket_settings import (
    VERSIONING_ENABLED,
    VERSIONING_OFF,
    VERSIONING_SUSPENDED,
)
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import NotSupportedByServer
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.buckets.access_tab import AccessTab
from desktop_app.ui.buckets.properties_dialog import BucketPropertiesDialog
from desktop_app.ui.buckets.versioning_tab import VersioningTab
from desktop_app.ui.shell.tasks import TaskRunner
from tests.helpers import put_bytes

WAIT = 20_000
T = TypeVar("T")
_HTTP = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(connect=4, read=20))


def anonymous_get(settings: ConnectionSettings, bucket: str, key: str) -> int:
    """The status an unsigned GET gets (independent of the app's own check)."""
    return _HTTP.request("GET", f"{settings.url}/{bucket}/{key}", redirect=False).status


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown(wait=True)


def run(qtbot: QtBot, flow: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine on the qasync loop while Qt keeps processing events."""
    task = asyncio.get_running_loop().create_task(flow)
    qtbot.waitUntil(task.done, timeout=WAIT)
    return task.result()


def open_dialog(qtbot: QtBot, storage: object, runner: TaskRunner,
                bucket: str) -> BucketPropertiesDialog:
    dialog = BucketPropertiesDialog(bucket, "Test server", storage, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    run(qtbot, dialog.load())
    return dialog


def access_of(dialog: BucketPropertiesDialog) -> AccessTab:
    tab = dialog.tab("Access")
    assert isinstance(tab, AccessTab)
    return tab


def versioning_of(dialog: BucketPropertiesDialog) -> VersioningTab:
    tab = dialog.tab("Versioning")
    assert isinstance(tab, VersioningTab)
    return tab


def apply_confirmed(qtbot: QtBot, dialog: BucketPropertiesDialog, tab: AccessTab) -> str:
    """Press Apply, accept the diff shown; the diff's text."""
    assert dialog.apply_button.isEnabled()
    task = asyncio.get_running_loop().create_task(dialog.apply())
    qtbot.waitUntil(lambda: tab.confirm is not None and tab.confirm.isVisible(), timeout=WAIT)
    assert tab.confirm is not None
    diff = tab.confirm.diff.toPlainText()
    tab.confirm.accept()
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.result() is True
    return diff


def test_public_read_is_applied_after_the_diff_and_private_again_refuses(
        qtbot: QtBot, runner: TaskRunner, storage: MinioStorage, bucket: str,
        s3_server: ConnectionSettings) -> None:
    put_bytes(storage, bucket, "docs/a.txt", b"hello", "text/plain")
    dialog = open_dialog(qtbot, storage, runner, bucket)
    tab = access_of(dialog)
    assert tab.radios[PolicyKind.PRIVATE].isChecked()
    assert "Private" in tab.status.text()
    assert not dialog.apply_button.isEnabled()
    assert anonymous_get(s3_server, bucket, "docs/a.txt") == 403

    tab.radios[PolicyKind.PUBLIC_READ].click()
    assert dialog.apply_button.isEnabled()
    diff = apply_confirmed(qtbot, dialog, tab)
    assert "-(no policy: private)" in diff
    assert any(line.startswith("+") and "s3:GetObject" in line for line in diff.splitlines())
    assert classify(bucket, storage.get_bucket_policy(bucket)).kind is PolicyKind.PUBLIC_READ
    assert anonymous_get(s3_server, bucket, "docs/a.txt") == 200
    assert "Public read (objects and listing)" in tab.status.text()
    assert dialog.status.text() == "Applied."
    assert not dialog.apply_button.isEnabled()

    tab.test_button.click()
    qtbot.waitUntil(lambda: tab.last_test is not None, timeout=WAIT)
    assert tab.last_test is not None
    assert (tab.last_test.list.allowed, tab.last_test.read.allowed,
            tab.last_test.write.allowed) == (True, True, False)
    assert "Anonymous write" in tab.test_result.text()
    assert "refused" in tab.test_result.text()

    tab.radios[PolicyKind.PRIVATE].click()
    diff = apply_confirmed(qtbot, dialog, tab)
    assert "+(no policy: private)" in diff
    assert storage.get_bucket_policy(bucket) == ""
    assert anonymous_get(s3_server, bucket, "docs/a.txt") == 403


def test_a_cancelled_diff_sends_nothing(
        qtbot: QtBot, runner: TaskRunner, storage: MinioStorage, bucket: str) -> None:
    dialog = open_dialog(qtbot, storage, runner, bucket)
    tab = access_of(dialog)
    tab.radios[PolicyKind.PUBLIC_READ_WRITE].click()
    task = asyncio.get_running_loop().create_task(dialog.apply())
    qtbot.waitUntil(lambda: tab.confirm is not None and tab.confirm.isVisible(), timeout=WAIT)
    assert tab.confirm is not None
    tab.confirm.reject()
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.result() is False
    assert storage.get_bucket_policy(bucket) == ""
    assert "Not applied: Access" in dialog.status.text()
    assert tab.is_dirty()


def test_anonymous_download_below_one_prefix_only(
        qtbot: QtBot, runner: TaskRunner, storage: MinioStorage, bucket: str,
        s3_server: ConnectionSettings) -> None:
    put_bytes(storage, bucket, "pub/a.txt", b"open")
    put_bytes(storage, bucket, "private/b.txt", b"closed")
    dialog = open_dialog(qtbot, storage, runner, bucket)
    tab = access_of(dialog)
    tab.radios[PolicyKind.PREFIXES].click()
    assert tab.prefixes.isVisible()
    assert not tab.editor.isVisible()
    tab.prefix_edit.setText("pub/")
    tab.access_combo.setCurrentIndex(tab.access_combo.findData(PrefixAccess.DOWNLOAD))
    tab.add_button.click()
    assert tab.grants() == [AnonymousGrant("pub/", PrefixAccess.DOWNLOAD)]
    apply_confirmed(qtbot, dialog, tab)
    found = classify(bucket, storage.get_bucket_policy(bucket))
    assert found.kind is PolicyKind.PREFIXES
    assert found.grants == (AnonymousGrant("pub/", PrefixAccess.DOWNLOAD),)
    assert anonymous_get(s3_server, bucket, "pub/a.txt") == 200
    assert anonymous_get(s3_server, bucket, "private/b.txt") == 403

    reopened = open_dialog(qtbot, storage, runner, bucket)
    again = access_of(reopened)
    assert again.radios[PolicyKind.PREFIXES].isChecked()
    item = again.table.item(0, 0)
    assert item is not None
    assert item.text() == "pub/"
    again.table.selectRow(0)
    again.remove_button.click()
    assert again.grants() == []
    task = asyncio.get_running_loop().create_task(reopened.apply())
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.result() is False  # no prefix left: refused in the tab, nothing sent
    assert "No prefix is listed" in again.error.text()
    assert again.confirm is None
    assert classify(bucket, storage.get_bucket_policy(bucket)).kind is PolicyKind.PREFIXES


def test_malformed_custom_json_is_refused_with_line_and_column_before_sending(
        qtbot: QtBot, runner: TaskRunner, storage: MinioStorage, bucket: str) -> None:
    dialog = open_dialog(qtbot, storage, runner, bucket)
    tab = access_of(dialog)
    tab.radios[PolicyKind.CUSTOM].click()
    assert tab.editor.isVisible()
    assert json.loads(tab.editor.text())["Statement"] == []  # a skeleton to start from
    tab.editor.set_text('{\n  "Version": "2012-10-17",\n  "Statement": [,]\n}')
    assert "line 3, column 17" in tab.editor.verdict.text()
    assert tab.editor.go_to.isVisibleTo(tab)
    tab.editor.go_to.click()
    cursor = tab.editor.text_edit.textCursor()
    assert (cursor.blockNumber(), cursor.positionInBlock()) == (2, 16)
    assert dialog.apply_button.isEnabled()
    task = asyncio.get_running_loop().create_task(dialog.apply())
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.result() is False
    assert tab.confirm is None
    assert "line 3, column 17" in tab.error.text()
    assert storage.get_bucket_policy(bucket) == ""

    other = json.loads(canned_policy("someone-elses", PolicyKind.PUBLIC_READ_OBJECTS))
    tab.editor.set_text(json.dumps(other, indent=2))
    assert "someone-elses" in tab.editor.verdict.text()
    assert bucket_arn(bucket) in tab.editor.verdict.text()
    mine = canned_policy(bucket, PolicyKind.PUBLIC_READ_OBJECTS)
    tab.editor.set_text(mine)
    assert tab.editor.problem is None
    assert "passes the checks" in tab.editor.verdict.text()
    apply_confirmed(qtbot, dialog, tab)
    assert classify(bucket, storage.get_bucket_policy(bucket)).kind \
        is PolicyKind.PUBLIC_READ_OBJECTS


def test_a_policy_of_no_simple_kind_opens_as_custom_with_its_text(
        qtbot: QtBot, runner: TaskRunner, storage: MinioStorage, bucket: str) -> None:
    document = json.loads(prefix_policy(bucket, [AnonymousGrant("a/", PrefixAccess.DOWNLOAD)]))
    document["Statement"].append({"Effect": "Deny", "Principal": "*",
                                  "Action": ["s3:DeleteObject"],
                                  "Resource": [f"{bucket_arn(bucket)}/*"]})
    storage.set_bucket_policy(bucket, json.dumps(document))
    dialog = open_dialog(qtbot, storage, runner, bucket)
    tab = access_of(dialog)
    assert tab.radios[PolicyKind.CUSTOM].isChecked()
    assert "denies access" in tab.status.text()
    assert "s3:DeleteObject" in tab.editor.text()
    assert tab.editor.problem is None
    assert not tab.is_dirty()


def test_versioning_off_to_enabled_to_suspended(
        qtbot: QtBot, runner: TaskRunner, storage: MinioStorage, bucket: str) -> None:
    dialog = open_dialog(qtbot, storage, runner, bucket)
    tab = versioning_of(dialog)
    assert tab.buttons[VERSIONING_OFF].isChecked()
    assert tab.buttons[VERSIONING_OFF].isVisibleTo(tab)
    assert not tab.buttons[VERSIONING_OFF].isEnabled()
    tab.buttons[VERSIONING_ENABLED].click()
    assert dialog.apply_button.isEnabled()
    assert run(qtbot, dialog.apply()) is True
    assert storage.get_versioning(bucket) == VERSIONING_ENABLED
    assert not tab.buttons[VERSIONING_OFF].isVisibleTo(tab)  # no way back to Off
    assert tab.buttons[VERSIONING_ENABLED].isChecked()
    tab.buttons[VERSIONING_SUSPENDED].click()
    assert run(qtbot, dialog.apply()) is True
    assert storage.get_versioning(bucket) == VERSIONING_SUSPENDED
    assert "suspended" in tab.status.text()


def test_an_object_lock_bucket_cannot_suspend_and_says_why(
        qtbot: QtBot, runner: TaskRunner, storage: MinioStorage) -> None:
    name = f"locked-tab-{secrets.token_hex(3)}"
    storage.make_bucket(name, object_lock=True)
    dialog = open_dialog(qtbot, storage, runner, name)
    tab = versioning_of(dialog)
    assert tab.buttons[VERSIONING_ENABLED].isChecked()
    assert not tab.buttons[VERSIONING_SUSPENDED].isEnabled()
    assert tab.lock_note.isVisibleTo(tab)
    assert "cannot be suspended" in tab.lock_note.text()


class NoPolicies:
    """The real storage, but its server answers policy requests as lacking them."""

    def __init__(self, storage: MinioStorage) -> None:
        self._storage = storage

    def __getattr__(self, name: str) -> Any:
        return getattr(self._storage, name)

    def get_bucket_policy(self, bucket: str) -> str:
        raise NotSupportedByServer("The server answered NotImplemented: "
                                   "A header you provided implies functionality that is "
                                   "not implemented.")


def test_a_setting_the_server_lacks_disables_only_its_tab(
        qtbot: QtBot, runner: TaskRunner, storage: MinioStorage, bucket: str) -> None:
    dialog = open_dialog(qtbot, NoPolicies(storage), runner, bucket)
    access = access_of(dialog)
    assert "Not supported by this server" in access.status.text()
    assert "NotImplemented" in access.status.text()
    assert not any(r.isEnabled() for r in access.radios.values())
    assert not access.test_button.isEnabled()
    versioning = versioning_of(dialog)
    versioning.buttons[VERSIONING_ENABLED].click()
    assert run(qtbot, dialog.apply()) is True
    assert storage.get_versioning(bucket) == VERSIONING_ENABLED


def test_close_with_unapplied_changes_asks(
        qtbot: QtBot, runner: TaskRunner, storage: MinioStorage, bucket: str) -> None:
    dialog = open_dialog(qtbot, storage, runner, bucket)
    access_of(dialog).radios[PolicyKind.PUBLIC_READ].click()
    dialog.reject()
    qtbot.waitUntil(lambda: dialog.ask is not None and dialog.ask.isVisible(), timeout=WAIT)
    assert dialog.ask is not None
    assert "Access" in dialog.ask.informativeText()
    dialog.ask.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: dialog.ask is None, timeout=WAIT)
    assert dialog.isVisible()
    dialog.reject()
    qtbot.waitUntil(lambda: dialog.ask is not None and dialog.ask.isVisible(), timeout=WAIT)
    assert dialog.ask is not None
    qtbot.mouseClick(dialog.ask.button(QMessageBox.StandardButton.Discard),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    assert shiboken6.isValid(dialog)
    assert storage.get_bucket_policy(bucket) == ""
