"""The bucket feature as a user meets it: the tree's bucket menu, the New bucket dialog (name
checked while typing, the server's refusal shown in place) and the Delete bucket flow (plain
confirmation when empty; "Empty and delete" with the name typed again, progress, cancel and
the report of what object lock kept). Against the real server, and a small fake of the
`BucketLifecycleOps` role where a state is hard to reach on it."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.core.bucket_policy import PolicyKind
from desktop_app.core.buckets import BucketUsage, EmptyReport, HeldObject, Retention
from desktop_app.core.errors import AlreadyExists
from desktop_app.storage.open_connections import OpenConnection, OpenConnections
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.buckets.access_tab import AccessTab
from desktop_app.ui.buckets.actions import BucketActions
from desktop_app.ui.buckets.delete_dialogs import (
    ConfirmDeleteDialog,
    EmptyAndDeleteDialog,
    EmptyProgressDialog,
    EmptyReportDialog,
)
from desktop_app.ui.buckets.delete_flow import DeleteBucketFlow, DeleteOutcome
from desktop_app.ui.buckets.new_bucket_dialog import NewBucketDialog
from desktop_app.ui.buckets.properties_dialog import BucketPropertiesDialog
from desktop_app.ui.buckets.versioning_tab import VersioningTab
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.flows import FlowOwner
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.tasks import TaskRunner
from tests.conftest import WindowFactory
from tests.helpers import put_bytes

WAIT = 15_000


# -- a fake of the role, for states the real server reaches only slowly ------------------
class FakeLifecycle:
    """Versions per bucket; `held` keys are refused like object lock does; `gate` (when
    set) makes emptying wait after its first batch, so a test can press Cancel."""

    def __init__(self, versions: dict[str, list[str]], held: frozenset[str] = frozenset()):
        self.versions = versions
        self.held = held
        self.deleted: list[str] = []
        self.gate: threading.Event | None = None
        self.first_batch = threading.Event()

    def make_bucket(self, bucket: str, region: str = "", object_lock: bool = False,
                    versioning: bool = False) -> None:
        if bucket in self.versions:
            raise AlreadyExists(f"A bucket named “{bucket}” already exists.", "Choose another.")
        self.versions[bucket] = []

    def delete_bucket(self, bucket: str) -> None:
        assert not self.versions[bucket], "deleted while not empty"
        del self.versions[bucket]
        self.deleted.append(bucket)

    def bucket_usage(self, bucket: str, cancel: threading.Event | None = None) -> BucketUsage:
        keys = self.versions[bucket]
        return BucketUsage(objects=len(set(keys)), versions=len(keys), size=100 * len(keys))

    def empty_bucket(self, bucket: str, progress: Callable[[int, int], None] | None = None,
                     cancel: threading.Event | None = None,
                     bypass_governance: bool = False) -> EmptyReport:
        keys = self.versions[bucket]
        total, removed, held = len(keys), 0, []
        for key in list(keys):
            if cancel is not None and cancel.is_set():
                return EmptyReport(removed, total, cancelled=True)
            if key in self.held:
                held.append(HeldObject(key, "v1", "under COMPLIANCE retention until 2099"))
                continue
            keys.remove(key)
            removed += 1
            if progress is not None:
                progress(removed, total)
            if removed == 1 and self.gate is not None:
                self.first_batch.set()
                assert self.gate.wait(WAIT / 1000)
        return EmptyReport(removed, total, held=tuple(held))

    def get_retention(self, bucket: str, key: str, version_id: str = "") -> Retention | None:
        return None

    def set_retention(self, bucket: str, key: str, retention: Retention | None,
                      version_id: str = "", bypass_governance: bool = False) -> None: ...

    def get_legal_hold(self, bucket: str, key: str, version_id: str = "") -> bool:
        return False

    def set_legal_hold(self, bucket: str, key: str, on: bool, version_id: str = "") -> None: ...


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown(wait=True)


class Driver:
    """Runs a `DeleteBucketFlow` over the fake and keeps what it showed."""

    def __init__(self, qtbot: QtBot, runner: TaskRunner, fake: FakeLifecycle) -> None:
        self.parent = QWidget()
        qtbot.addWidget(self.parent)
        self.dialogs: list[QDialog] = []
        self.outcomes: list[DeleteOutcome] = []
        self.flows = FlowOwner(self.parent)
        self.flow = DeleteBucketFlow(runner, fake, self.parent, self.dialogs.append)
        self.qtbot = qtbot

    def start(self, bucket: str) -> None:
        async def run() -> None:
            self.outcomes.append(await self.flow.run(bucket, "Test server"))
        self.flows.start(run())

    def wait_for(self, kind: type[QDialog]) -> QDialog:
        self.qtbot.waitUntil(lambda: bool(self.dialogs) and isinstance(self.dialogs[-1], kind)
                             and self.dialogs[-1].isVisible(), timeout=WAIT)
        return self.dialogs[-1]

    def outcome(self) -> DeleteOutcome:
        self.qtbot.waitUntil(lambda: bool(self.outcomes), timeout=WAIT)
        return self.outcomes[0]


# -- New bucket dialog ---------------------------------------------------------------------
def test_an_invalid_name_shows_the_rule_and_disables_create(qtbot: QtBot) -> None:
    dialog = NewBucketDialog("Test server", "eu-west-1")
    qtbot.addWidget(dialog)
    assert not dialog.create_button.isEnabled()  # nothing typed yet
    qtbot.keyClicks(dialog.name_edit, "My")
    assert "lowercase letters only" in dialog.name_problem.text()
    assert not dialog.create_button.isEnabled()
    dialog.name_edit.setText("ab")
    assert "at least 3 characters" in dialog.name_problem.text()
    assert not dialog.create_button.isEnabled()
    dialog.name_edit.setText("xn--photos")
    assert "xn--" in dialog.name_problem.text()
    dialog.name_edit.setText("team-photos")
    assert dialog.create_button.isEnabled()
    assert "eu-west-1" in dialog.region_edit.placeholderText()


def test_object_lock_turns_versioning_on_and_says_it_cannot_come_later(qtbot: QtBot) -> None:
    dialog = NewBucketDialog("Test server")
    qtbot.addWidget(dialog)
    assert "cannot be added" in dialog.lock_note.text()
    dialog.object_lock.setChecked(True)
    assert dialog.versioning.isChecked()
    assert not dialog.versioning.isEnabled()
    dialog.name_edit.setText("locked-bucket")
    request = dialog.request()
    assert request.object_lock
    assert request.versioning
    assert request.region == ""


def test_creating_a_bucket_shows_it_selected_in_the_tree(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    window = make_window(app_environ)
    conn = window.active_connection
    assert conn is not None
    qtbot.waitUntil(lambda: bucket in window.tree_model.bucket_names(conn), timeout=WAIT)
    menu = window.bucket_tree.menu_for(window.tree_model.connection_index(conn))
    assert menu is not None
    assert [a.text() for a in menu.actions() if a.text()] == [
        "New bucket…", "Refresh", "Statistics…", "Upload rules…", "Encryption keys…",
        "Disconnect"]
    next(a for a in menu.actions() if a.text() == "New bucket…").trigger()
    dialog = new_bucket_dialog(qtbot, window)
    name = f"created-{secrets.token_hex(4)}"
    qtbot.keyClicks(dialog.name_edit, name)
    dialog.versioning.setChecked(True)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(),
                    timeout=WAIT)
    qtbot.waitUntil(lambda: selected_bucket(window) == name, timeout=WAIT)
    assert window.table_model.bucket == name
    assert any(b.name == name for b in storage.list_buckets())
    assert storage.versioning_enabled(name)
    storage.delete_bucket(name)  # the session's server is shared


def test_a_taken_name_shows_the_servers_reason_and_keeps_the_dialog(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        bucket: str) -> None:
    window = make_window(app_environ)
    conn = window.active_connection
    assert conn is not None
    window.bucket_actions.new_bucket(conn)
    dialog = new_bucket_dialog(qtbot, window)
    dialog.name_edit.setText(bucket)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.refusal.isVisible(), timeout=WAIT)
    assert "already exists" in dialog.refusal.text()
    assert bucket in dialog.refusal.text()
    assert dialog.isVisible()
    assert dialog.create_button.isEnabled()
    assert dialog.name_edit.text() == bucket  # kept, to be changed
    dialog.name_edit.setText(bucket + "-2")
    assert not dialog.refusal.isVisible()  # a new name: the old refusal goes
    dialog.reject()


def new_bucket_dialog(qtbot: QtBot, window: MainWindow) -> NewBucketDialog:
    qtbot.waitUntil(lambda: isinstance(window.bucket_actions.active_dialog, NewBucketDialog)
                    and window.bucket_actions.active_dialog.isVisible(), timeout=WAIT)
    dialog = window.bucket_actions.active_dialog
    assert isinstance(dialog, NewBucketDialog)
    return dialog


def label_text(dialog: QDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None
    return label.text()


def selected_bucket(window: MainWindow) -> str | None:
    location = window.tree_model.location(window.bucket_tree.currentIndex())
    return location[0] if location is not None and not location[1] else None


# -- Delete bucket against the real server -------------------------------------------------
def test_deleting_an_empty_bucket_removes_it_from_the_tree(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    window = make_window(app_environ)
    conn = window.active_connection
    assert conn is not None
    qtbot.waitUntil(lambda: bucket in window.tree_model.bucket_names(conn), timeout=WAIT)
    menu = window.bucket_tree.menu_for(window.tree_model.index_for(bucket, conn=conn))
    assert menu is not None
    texts = [a.text() for a in menu.actions()]
    assert texts[:8] == ["New bucket…", "Delete bucket…", "Properties…", "Refresh",
                         "Statistics…", "Find duplicates…", "Clean up…", "Upload rules…"]
    assert "Encryption keys…" in texts[8:]
    assert menu.actions()[2].isEnabled()  # the real adapter has bucket settings
    menu.actions()[1].trigger()
    qtbot.waitUntil(lambda: isinstance(window.bucket_actions.active_dialog,
                                       ConfirmDeleteDialog), timeout=WAIT)
    dialog = window.bucket_actions.active_dialog
    assert dialog is not None
    button = dialog.findChild(QPushButton, "confirmDeleteBucket")
    assert button is not None
    button.click()
    qtbot.waitUntil(lambda: bucket not in window.tree_model.bucket_names(conn), timeout=WAIT)
    assert all(b.name != bucket for b in storage.list_buckets())


def test_empty_and_delete_on_the_real_server_removes_every_version(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    storage.set_versioning(bucket, True)
    for body in (b"one", b"two"):
        put_bytes(storage, bucket, "doc.txt", body)
    put_bytes(storage, bucket, "folder/inner.txt", b"inner")
    storage.delete(bucket, "folder/inner.txt")  # a delete marker over a version
    window = make_window(app_environ)
    conn = window.active_connection
    assert conn is not None
    qtbot.waitUntil(lambda: bucket in window.tree_model.bucket_names(conn), timeout=WAIT)
    window.bucket_actions.delete_bucket(conn, bucket)
    qtbot.waitUntil(lambda: isinstance(window.bucket_actions.active_dialog,
                                       EmptyAndDeleteDialog), timeout=WAIT)
    dialog = window.bucket_actions.active_dialog
    assert isinstance(dialog, EmptyAndDeleteDialog)
    holds = label_text(dialog, "bucketHolds")
    assert "holds 1 object and 3 older versions or delete markers" in holds
    qtbot.keyClicks(dialog.name_edit, bucket)
    dialog.confirm.click()
    qtbot.waitUntil(lambda: bucket not in window.tree_model.bucket_names(conn), timeout=WAIT)
    assert all(b.name != bucket for b in storage.list_buckets())


# -- Delete bucket over the fake -----------------------------------------------------------
def test_empty_and_delete_needs_the_typed_name_then_removes_everything(
        qtbot: QtBot, runner: TaskRunner) -> None:
    fake = FakeLifecycle({"full": ["a", "b", "b", "c"]})
    driver = Driver(qtbot, runner, fake)
    driver.start("full")
    dialog = driver.wait_for(EmptyAndDeleteDialog)
    assert isinstance(dialog, EmptyAndDeleteDialog)
    holds = label_text(dialog, "bucketHolds")
    assert holds == ("The bucket “full” holds 3 objects and 1 older version or delete "
                     "marker, 400 B in all.")
    assert not dialog.confirm.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "ful")
    assert not dialog.confirm.isEnabled()
    dialog.accept()  # Enter with a wrong name does nothing
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.name_edit, "l")
    assert dialog.confirm.isEnabled()
    dialog.confirm.click()
    outcome = driver.outcome()
    assert outcome.deleted
    assert "Emptied and deleted" in outcome.message
    assert fake.deleted == ["full"]
    assert any(isinstance(d, EmptyProgressDialog) for d in driver.dialogs)


def test_an_empty_bucket_is_confirmed_and_no_is_no(qtbot: QtBot, runner: TaskRunner) -> None:
    fake = FakeLifecycle({"bare": []})
    driver = Driver(qtbot, runner, fake)
    driver.start("bare")
    driver.wait_for(ConfirmDeleteDialog).reject()
    assert driver.outcome() == DeleteOutcome(False)
    assert fake.versions == {"bare": []}


def test_objects_under_retention_are_reported_and_the_bucket_stays(
        qtbot: QtBot, runner: TaskRunner) -> None:
    fake = FakeLifecycle({"locked": ["kept.txt", "gone.txt"]}, held=frozenset({"kept.txt"}))
    driver = Driver(qtbot, runner, fake)
    driver.start("locked")
    dialog = driver.wait_for(EmptyAndDeleteDialog)
    assert isinstance(dialog, EmptyAndDeleteDialog)
    dialog.name_edit.setText("locked")
    dialog.confirm.click()
    report = driver.wait_for(EmptyReportDialog)
    summary = label_text(report, "emptyReportSummary")
    assert "1 is held by retention or a legal hold" in summary
    assert "still there" in summary
    listing = report.findChild(QPlainTextEdit, "emptyFailures")
    assert listing is not None
    assert listing.toPlainText() == "kept.txt (version v1) — under COMPLIANCE retention until 2099"
    report.reject()
    outcome = driver.outcome()
    assert not outcome.deleted
    assert "was not deleted" in outcome.message
    assert fake.deleted == []
    assert fake.versions == {"locked": ["kept.txt"]}


def test_cancel_while_emptying_stops_and_keeps_the_bucket(
        qtbot: QtBot, runner: TaskRunner) -> None:
    fake = FakeLifecycle({"big": [f"k{i}" for i in range(5)]})
    fake.gate = threading.Event()
    driver = Driver(qtbot, runner, fake)
    driver.start("big")
    dialog = driver.wait_for(EmptyAndDeleteDialog)
    assert isinstance(dialog, EmptyAndDeleteDialog)
    dialog.name_edit.setText("big")
    dialog.confirm.click()
    progress = driver.wait_for(EmptyProgressDialog)
    assert isinstance(progress, EmptyProgressDialog)
    qtbot.waitUntil(fake.first_batch.is_set, timeout=WAIT)
    progress.reject()  # Cancel
    assert progress.progress.cancel.is_set()
    assert "Cancelling" in progress.label.text()
    fake.gate.set()
    outcome = driver.outcome()
    assert not outcome.deleted
    assert "removed 1 of 5" in outcome.message
    assert "still there" in outcome.message
    assert fake.deleted == []
    assert len(fake.versions["big"]) == 4



def test_properties_open_one_tab_per_concern_with_the_servers_state(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    storage.set_versioning(bucket, True)
    window = make_window(app_environ)
    conn = window.active_connection
    assert conn is not None
    window.bucket_actions.properties(conn, bucket)
    qtbot.waitUntil(lambda: isinstance(window.bucket_actions.active_dialog,
                                       BucketPropertiesDialog), timeout=WAIT)
    dialog = window.bucket_actions.active_dialog
    assert isinstance(dialog, BucketPropertiesDialog)
    titles = [dialog.tab_widget.tabText(i) for i in range(dialog.tab_widget.count())]
    assert titles == ["Access", "Versioning", "Lifecycle", "Object lock", "Encryption", "Tags",
                      "Upload rules"]
    access = dialog.tab("Access")
    versioning = dialog.tab("Versioning")
    assert isinstance(access, AccessTab)
    assert isinstance(versioning, VersioningTab)
    qtbot.waitUntil(lambda: access.current is not None and bool(versioning.state),
                    timeout=WAIT)
    assert access.radios[PolicyKind.PRIVATE].isChecked()
    assert versioning.state == "Enabled"
    assert not dialog.apply_button.isEnabled()
    dialog.reject()


def test_properties_wait_for_storages_without_bucket_settings(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    connections = OpenConnections()
    connections.add(OpenConnection("plain", "Plain", FakeLifecycle({}), None))  # type: ignore[arg-type]
    context = WindowContext(
        window=window, runner=TaskRunner(), listing=None, tree=None,  # type: ignore[arg-type]
        connections=connections, show_error=print, show_info=print,
        active_storage=lambda: None, active_connection=lambda: None,
        activate_connection=print, open_location=lambda b, p: None,
        check_server=lambda: None, on_close=lambda f: None)
    actions = BucketActions(context, tree=connections)  # type: ignore[arg-type]
    menu = QMenu(window)
    found = {a.text(): a for a in actions.menu_actions(menu, "plain", "photos")}
    assert not found["Properties…"].isEnabled()
    assert found["Properties…"].toolTip() == "Coming soon"
    assert found["Delete bucket…"].isEnabled()
    context.runner.shutdown(wait=True)


def test_a_locked_bucket_made_in_the_dialog_reports_what_its_hold_keeps(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage) -> None:
    window = make_window(app_environ)
    conn = window.active_connection
    assert conn is not None
    window.bucket_actions.new_bucket(conn)
    dialog = new_bucket_dialog(qtbot, window)
    name = f"locked-{secrets.token_hex(4)}"
    dialog.name_edit.setText(name)
    dialog.object_lock.setChecked(True)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: selected_bucket(window) == name, timeout=WAIT)
    assert storage.get_object_lock(name).enabled
    assert storage.get_versioning(name) == "Enabled"
    put_bytes(storage, bucket=name, key="free.txt", data=b"free")
    put_bytes(storage, bucket=name, key="hold.txt", data=b"held")
    [held] = storage.list_versions(name, "hold.txt")
    storage.set_legal_hold(name, "hold.txt", True, version_id=held.version_id)

    window.bucket_actions.delete_bucket(conn, name)
    qtbot.waitUntil(lambda: isinstance(window.bucket_actions.active_dialog,
                                       EmptyAndDeleteDialog), timeout=WAIT)
    confirm = window.bucket_actions.active_dialog
    assert isinstance(confirm, EmptyAndDeleteDialog)
    confirm.name_edit.setText(name)
    confirm.confirm.click()
    qtbot.waitUntil(lambda: isinstance(window.bucket_actions.active_dialog,
                                       EmptyReportDialog), timeout=WAIT)
    report = window.bucket_actions.active_dialog
    assert isinstance(report, EmptyReportDialog)
    assert "1 is held by retention or a legal hold" in label_text(report, "emptyReportSummary")
    assert report.listing.toPlainText() == (
        f"hold.txt (version {held.version_id}) — a legal hold is on")
    report.reject()
    qtbot.waitUntil(lambda: "was not deleted" in window.message_bar.text, timeout=WAIT)
    assert name in window.tree_model.bucket_names(conn)
    assert [v.key for v in storage.list_versions(name, "", exact=False)] == ["hold.txt"]
    storage.set_legal_hold(name, "hold.txt", False, version_id=held.version_id)
    storage.empty_bucket(name)
    storage.delete_bucket(name)
