"""The Access tab: who may use the bucket without signing in. One of the simple kinds
(Private, Public read with or without listing, Public read-write), anonymous access to
some prefixes only, or a Custom JSON policy; the server's policy is read back into its
kind. A changed policy is checked, then shown as a diff to confirm, then sent and read back.
"Test anonymous access" asks the server what an unsigned user can do right now.
"""

from __future__ import annotations

import json

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.anonymous_access import AnonymousAccess
from desktop_app.core.bucket_policy import (
    KIND_LABELS,
    VERSION,
    AnonymousGrant,
    PolicyInvalid,
    PolicyKind,
    PrefixAccess,
    canned_policy,
    classify,
    policy_diff,
    prefix_policy,
    same_policy,
)
from desktop_app.core.errors import AppError, NotSupportedByServer
from desktop_app.core.keys_text import shown_key
from desktop_app.storage.protocol import BucketPolicyOps
from desktop_app.ui.buckets.new_bucket_dialog import ERROR_STYLE, NOTE_STYLE, plain_label
from desktop_app.ui.buckets.policy_editor import PolicyDiffDialog, PolicyEditor
from desktop_app.ui.shell.flows import FlowOwner, dialog_result, run_browse
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

EXPLAIN = {
    PolicyKind.PRIVATE: QT_TRANSLATE_NOOP(
        "AccessTab", "Only signed-in users with rights to the bucket can list, read or "
        "write it."),
    PolicyKind.PUBLIC_READ: QT_TRANSLATE_NOOP(
        "AccessTab", "Anyone can list the bucket and download every object."),
    PolicyKind.PUBLIC_READ_OBJECTS: QT_TRANSLATE_NOOP(
        "AccessTab", "Anyone who knows an object's name can download it; "
        "listing stays private."),
    PolicyKind.PUBLIC_READ_WRITE: QT_TRANSLATE_NOOP(
        "AccessTab", "Anyone can list, download, upload, overwrite and delete "
        "objects. Use with care."),
    PolicyKind.PREFIXES: QT_TRANSLATE_NOOP(
        "AccessTab", "Anonymous access below the prefixes listed here only."),
    PolicyKind.CUSTOM: QT_TRANSLATE_NOOP(
        "AccessTab", "A policy written by hand (JSON), checked before it is sent."),
}
ACCESS_TEXT = {
    PrefixAccess.DOWNLOAD: QT_TRANSLATE_NOOP("AccessTab", "download (list and read)"),
    PrefixAccess.UPLOAD: QT_TRANSLATE_NOOP("AccessTab", "upload (write and delete)"),
    PrefixAccess.PUBLIC: QT_TRANSLATE_NOOP("AccessTab", "public (both)"),
}
USER = Qt.ItemDataRole.UserRole
TEMPLATE = {"Version": VERSION, "Statement": []}


class AccessTab(QWidget):
    changed = Signal()

    def __init__(self, ops: BucketPolicyOps, bucket: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accessTab")
        self.title = QT_TRANSLATE_NOOP("BucketTabs", "Access")
        self.ops = ops
        self.bucket = bucket
        self.current: str | None = None  # the server's policy text, None until read
        self.loaded_kind = PolicyKind.PRIVATE
        self.confirm: PolicyDiffDialog | None = None  # on screen while asking
        self.last_test: AnonymousAccess | None = None
        self.runner: TaskRunner | None = None  # the dialog's, known from `load`
        self.flows = FlowOwner(self)
        layout = QVBoxLayout(self)
        self.status = plain_label(self, "accessStatus", translate("AccessTab", "Reading…"))
        layout.addWidget(self.status)
        self.kinds = QButtonGroup(self)
        self.radios: dict[PolicyKind, QRadioButton] = {}
        choices = QGroupBox(translate("AccessTab", "Anonymous access (no sign-in)"), self)
        grid = QVBoxLayout(choices)
        for kind in PolicyKind:
            radio = QRadioButton(KIND_LABELS[kind], choices)
            radio.setObjectName(f"accessKind-{kind.value}")
            radio.setToolTip(translate("AccessTab", EXPLAIN[kind]))
            self.kinds.addButton(radio)
            self.radios[kind] = radio
            grid.addWidget(radio)
            radio.toggled.connect(self._kind_toggled)
        self.explain = plain_label(choices, "accessExplain", "", NOTE_STYLE)
        grid.addWidget(self.explain)
        layout.addWidget(choices)
        self.prefixes = self._prefix_box()
        layout.addWidget(self.prefixes)
        self.editor = PolicyEditor(bucket, self)
        self.editor.edited.connect(self._edited)
        layout.addWidget(self.editor, 1)
        self.error = plain_label(self, "accessError", "", ERROR_STYLE)
        self.error.hide()
        layout.addWidget(self.error)
        layout.addLayout(self._test_row())
        self.test_result = plain_label(self, "accessTestResult", "")
        self.test_result.hide()
        layout.addWidget(self.test_result)
        layout.addStretch(0)
        self._controls_enabled(False)
        self._show_parts()

    # -- building --------------------------------------------------------------------------
    def _prefix_box(self) -> QGroupBox:
        box = QGroupBox(translate("AccessTab", "Prefixes open to anyone"), self)
        self.table = QTableWidget(0, 2, box)
        self.table.setObjectName("accessPrefixTable")
        self.table.setHorizontalHeaderLabels([translate(
            "AccessTab", "Prefix"), translate(
            "AccessTab", "Access")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(150)
        self.prefix_edit = QLineEdit(box)
        self.prefix_edit.setObjectName("accessPrefixEdit")
        self.prefix_edit.setPlaceholderText("photos/public/")
        self.access_combo = QComboBox(box)
        self.access_combo.setObjectName("accessPrefixAccess")
        for access in PrefixAccess:
            self.access_combo.addItem(translate("AccessTab", ACCESS_TEXT[access]), access)
        self.add_button = QPushButton(translate("AccessTab", "Add"), box)
        self.add_button.setObjectName("accessPrefixAdd")
        self.add_button.clicked.connect(self.add_prefix)
        self.remove_button = QPushButton(translate("AccessTab", "Remove"), box)
        self.remove_button.setObjectName("accessPrefixRemove")
        self.remove_button.clicked.connect(self.remove_prefix)
        row = QHBoxLayout()
        row.addWidget(self.prefix_edit, 1)
        row.addWidget(self.access_combo)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        column = QVBoxLayout(box)
        column.addWidget(self.table)
        column.addLayout(row)
        column.addWidget(plain_label(box, "accessPrefixNote",
                                     translate(
                                         "AccessTab",
                                         "A prefix is the start of object names, e.g. “photos/” "
                                         "for a folder; an empty prefix means the whole "
                                         "bucket."), NOTE_STYLE))
        return box

    def _test_row(self) -> QHBoxLayout:
        self.test_button = QPushButton(translate("AccessTab", "Test anonymous access"), self)
        self.test_button.setObjectName("accessTest")
        self.test_button.setToolTip(translate(
            "AccessTab",
            "Unsigned list, read and write requests, as anyone on the network would send them (a "
            "write probe is removed again)."))
        self.test_button.clicked.connect(self._start_test)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(plain_label(self, "accessTestNote", translate(
            "AccessTab",
            "Tests what the server does now, not the unapplied choice."), NOTE_STYLE), 1)
        return row

    # -- state -----------------------------------------------------------------------------
    def kind(self) -> PolicyKind:
        return next((k for k, r in self.radios.items() if r.isChecked()), self.loaded_kind)

    def grants(self) -> list[AnonymousGrant]:
        found = []
        for row in range(self.table.rowCount()):
            prefix_item, access_item = self.table.item(row, 0), self.table.item(row, 1)
            if prefix_item is not None and access_item is not None:
                found.append(AnonymousGrant(str(prefix_item.data(USER)),
                                            PrefixAccess(access_item.data(USER))))
        return found

    def new_policy(self) -> str:
        """The policy the chosen settings make ("" = none); Custom's text as typed."""
        kind = self.kind()
        if kind is PolicyKind.CUSTOM:
            return self.editor.text()
        if kind is PolicyKind.PREFIXES:
            return prefix_policy(self.bucket, self.grants())
        return canned_policy(self.bucket, kind)

    def is_dirty(self) -> bool:
        if self.current is None:
            return False
        if self.kind() is PolicyKind.CUSTOM and self.editor.problem is not None:
            return True
        try:
            return not same_policy(self.current, self.new_policy())
        except (ValueError, AttributeError):
            return True

    def _controls_enabled(self, on: bool) -> None:
        for widget in (*self.radios.values(), self.prefixes, self.editor, self.test_button):
            widget.setEnabled(on)

    def _show_parts(self) -> None:
        kind = self.kind()
        self.explain.setText(translate("AccessTab", EXPLAIN[kind]))
        self.prefixes.setVisible(kind is PolicyKind.PREFIXES)
        self.editor.setVisible(kind is PolicyKind.CUSTOM)

    def _kind_toggled(self, on: bool) -> None:
        if not on:
            return
        if self.kind() is PolicyKind.CUSTOM and not self.editor.text().strip():
            self.editor.set_text(self._as_custom_start())
        self._show_parts()
        self._edited()

    def _as_custom_start(self) -> str:
        """What Custom starts from: the server's policy, pretty, or an empty skeleton."""
        source = self.current or ""
        try:
            return json.dumps(json.loads(source), indent=2) if source.strip() \
                else json.dumps(TEMPLATE, indent=2)
        except ValueError:
            return source

    def _edited(self) -> None:
        self.error.hide()
        if self.current is not None:
            self.changed.emit()

    # -- prefixes --------------------------------------------------------------------------
    def set_grants(self, grants: list[AnonymousGrant]) -> None:
        self.table.setRowCount(0)
        for grant in grants:
            row = self.table.rowCount()
            self.table.insertRow(row)
            prefix = QTableWidgetItem(shown_key(grant.prefix) if grant.prefix
                                      else translate("AccessTab", "(whole bucket)"))
            prefix.setData(USER, grant.prefix)
            access = QTableWidgetItem(translate("AccessTab", ACCESS_TEXT[grant.access]))
            access.setData(USER, grant.access.value)
            self.table.setItem(row, 0, prefix)
            self.table.setItem(row, 1, access)

    def add_prefix(self) -> None:
        """Add (or change the access of) the typed prefix."""
        prefix = self.prefix_edit.text().strip().lstrip("/")
        access = PrefixAccess(self.access_combo.currentData())
        if any(ch in prefix for ch in "*?"):
            self._say(translate(
                "AccessTab", "A prefix is plain text: “*” and “?” are not wildcards here."))
            return
        grants = [g for g in self.grants() if g.prefix != prefix]
        grants.append(AnonymousGrant(prefix, access))
        self.set_grants(sorted(grants, key=lambda g: g.prefix))
        self.prefix_edit.clear()
        self._edited()

    def remove_prefix(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self._edited()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # -- the server ------------------------------------------------------------------------
    def _start_test(self) -> None:
        if self.runner is not None:
            self.flows.start(self.test_access(self.runner))

    async def load(self, runner: TaskRunner) -> None:
        self.runner = runner
        try:
            text = await run_browse(runner, self.ops.get_bucket_policy, self.bucket)
        except NotSupportedByServer as err:
            self._unavailable(translate(
                "AccessTab",
                "Not supported by this server: {user_text}").format(user_text=err.user_text()))
            return
        except AppError as err:
            self._unavailable(translate(
                "AccessTab", "Could not be read: {user_text}").format(user_text=err.user_text()))
            return
        if shiboken6.isValid(self):
            self._show(text)

    def _unavailable(self, text: str) -> None:
        if shiboken6.isValid(self):
            self.status.setText(text)
            self._controls_enabled(False)

    def _show(self, text: str) -> None:
        found = classify(self.bucket, text)
        self.current, self.loaded_kind = text, found.kind
        status = translate("AccessTab", "On the server now: {label}.").format(label=found.label)
        if found.kind is PolicyKind.CUSTOM and found.reason:
            status = translate(
                "AccessTab",
                "On the server now: a custom policy ({reason}).").format(reason=found.reason)
        self.status.setText(status)
        self.set_grants(list(found.grants))
        self.editor.blockSignals(True)
        self.editor.set_text(self._as_custom_start() if text.strip() else "")
        self.editor.blockSignals(False)
        radio = self.radios[found.kind]
        radio.blockSignals(True)
        radio.setChecked(True)
        radio.blockSignals(False)
        self._controls_enabled(True)
        self._show_parts()

    async def apply(self, runner: TaskRunner) -> None:
        """Check, confirm the diff, send, read back."""
        if self.current is None or not self.is_dirty():
            return
        new = self.new_policy()
        if self.kind() is PolicyKind.CUSTOM:
            if self.editor.problem is not None:
                self._say(self.editor.problem.user_text())
                raise self.editor.problem
        elif self.kind() is PolicyKind.PREFIXES and not new:
            problem = PolicyInvalid(translate("AccessTab", "No prefix is listed."),
                                    translate("AccessTab", "Add a prefix, or choose Private."))
            self._say(problem.user_text())
            raise problem
        dialog = PolicyDiffDialog(self.bucket, policy_diff(self.current, new), not new, self)
        self.confirm = dialog
        try:
            answer = await dialog_result(dialog)
        finally:
            self.confirm = None
            if shiboken6.isValid(dialog):
                dialog.deleteLater()
        if answer != QDialog.DialogCode.Accepted.value:
            raise AppError(translate("AccessTab", "The access policy was not changed."),
                           translate("AccessTab", "Apply again to see the change once more."))
        try:
            if new:
                await run_browse(runner, self.ops.set_bucket_policy, self.bucket, new)
            else:
                await run_browse(runner, self.ops.delete_bucket_policy, self.bucket)
        except AppError as err:
            self._say(err.user_text())
            raise
        await self.load(runner)

    async def test_access(self, runner: TaskRunner) -> AnonymousAccess | None:
        """Run the unsigned checks below the selected prefix (or the whole bucket)."""
        rows = {i.row() for i in self.table.selectedIndexes()}
        grants = self.grants()
        prefix = grants[min(rows)].prefix if rows and self.prefixes.isVisible() else ""
        self.test_button.setEnabled(False)
        self.test_result.setText(translate("AccessTab", "Testing…"))
        self.test_result.show()
        try:
            report = await run_browse(runner, self.ops.anonymous_access, self.bucket, prefix)
        except AppError as err:
            if shiboken6.isValid(self):
                self.test_result.setText(translate(
                    "AccessTab",
                    "The test could not run: {user_text}").format(user_text=err.user_text()))
            return None
        finally:
            if shiboken6.isValid(self):
                self.test_button.setEnabled(True)
        if shiboken6.isValid(self):
            self.last_test = report
            self.test_result.setText(report.summary())
        return report
