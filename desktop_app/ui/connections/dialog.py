"""The connection manager: the saved profiles on the left, the form on the right; add, edit,
duplicate, delete, test, import and connect.

Keyring, file and network work runs on TaskRunner workers (`connection_jobs`); the dialog only
prepares a staged copy of the profile store and adopts it when the worker succeeded. It is never
modal over the start of the app: the window opens it on demand.

"Test connection" and Import are flows (`shell/flows.py`): a newer job, closing the dialog or
deleting it cancels them, so a stale answer never lands. Writes (save, connect, delete, the
imported profiles) stay callbacks on purpose: the file already holds what they wrote, so their
staged store must be adopted even after the dialog is gone, which a cancelled flow would not do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.credentials import KeyringUnavailable, SecretStore
from desktop_app.core.errors import AppError
from desktop_app.core.profiles import Profile, ProfileStore, new_profile_id
from desktop_app.ui.connections.form import ConnectionForm, save_problems
from desktop_app.ui.connections.import_preview import ImportPreview
from desktop_app.ui.connections.jobs import (
    ConnectionTester,
    SaveJob,
    delete_profile,
    doctor_test,
    persist,
    persist_and_settings,
    run_test,
)
from desktop_app.ui.connections.profile_import import chosen_jobs, import_menu, read_sources
from desktop_app.ui.shell.flows import FlowOwner, dialog_result, run_browse
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

_OK, _ERR, _BUSY = "color:#1b7f3b;", "color:#b3261e;", "color:palette(text);"


def _plain_label(parent: QWidget, name: str, style: str = "") -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class ConnectionDialog(QDialog):
    """`connect_requested(profile, settings)` fires when the user connects a profile."""

    connect_requested = Signal(object, object)
    profile_saved = Signal(object)  # the Profile just saved (an open root shows its name)

    def __init__(self, runner: TaskRunner, store: ProfileStore, secrets: SecretStore,
                 home: Path, environ: Mapping[str, str],
                 tester: ConnectionTester = doctor_test,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self.setWindowTitle(translate("ConnectionDialog", "Connections"))
        self.resize(820, 520)
        self.runner, self.store, self.secrets = runner, store, secrets
        self.home, self.environ, self.tester = home, dict(environ), tester
        self.current_id: str | None = None  # None: a new, unsaved profile
        self.source_id: str | None = None  # where a duplicate takes its secret from
        self.import_preview: ImportPreview | None = None
        self.confirm_box: QMessageBox | None = None
        self._generation = 0
        self.flows = FlowOwner(self)
        self.finished.connect(self._left)

        self.profile_list = QListWidget(self)
        self.profile_list.setObjectName("profileList")
        self.profile_list.setAccessibleName(translate("ConnectionDialog", "Saved connections"))
        self.profile_list.currentItemChanged.connect(self._on_current_changed)
        self.form = ConnectionForm(self)
        self.keyring_warning = _plain_label(self, "keyringWarning", "color:#8a5300;")
        self.session_only_check = QCheckBox(
            translate(
                "ConnectionDialog",
                "Keep the secret for this session only (it is not saved anywhere)"), self)
        self.session_only_check.setObjectName("sessionOnlyCheck")
        self.form_error = _plain_label(self, "formError", _ERR)
        self.status_label = _plain_label(self, "statusLabel")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.add_button = self._button("addButton", translate(
            "ConnectionDialog", "Add"), self.add_profile)
        self.duplicate_button = self._button("duplicateButton", translate(
            "ConnectionDialog", "Duplicate"), self.duplicate)
        self.delete_button = self._button("deleteButton", translate(
            "ConnectionDialog", "Delete"), self.ask_delete)
        self.import_button = QToolButton(self)
        self.import_button.setObjectName("importButton")
        self.import_button.setText(translate("ConnectionDialog", "Import"))
        self.import_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.import_button.setMenu(import_menu(self.import_button, self.start_import))
        self.test_button = self._button("testButton", translate(
            "ConnectionDialog", "Test connection"), self.test_connection)
        self.save_button = self._button("saveButton", translate(
            "ConnectionDialog", "Save"), self.save)
        self.connect_button = self._button("connectButton", translate(
            "ConnectionDialog", "Connect"), self.connect_profile)
        self.connect_button.setDefault(True)
        close = self._button("closeButton", translate("ConnectionDialog", "Close"), self.reject)

        self._build_layout(close)
        self._show_keyring_state()
        self.reload_list()
        if self.profile_list.count():
            self.profile_list.setCurrentRow(0)
        else:
            self.add_profile()

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _build_layout(self, close: QPushButton) -> None:
        left = QVBoxLayout()
        left.addWidget(self.profile_list, 1)
        row = QHBoxLayout()
        for button in (self.add_button, self.duplicate_button, self.delete_button):
            row.addWidget(button)
        left.addLayout(row)
        left.addWidget(self.import_button)
        right = QVBoxLayout()
        right.addWidget(self.form)
        right.addWidget(self.keyring_warning)
        right.addWidget(self.session_only_check)
        right.addWidget(self.form_error)
        right.addStretch(1)
        right.addWidget(self.status_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        for button in (self.save_button, self.connect_button, close):
            buttons.addWidget(button)
        right.addLayout(buttons)
        top = QHBoxLayout(self)
        top.addLayout(left, 1)
        top.addLayout(right, 2)

    def _show_keyring_state(self) -> None:
        problem = self.secrets.problem
        self.keyring_warning.setText(
            translate(
                "ConnectionDialog",
                "{problem} You can keep the secret for this session only: it stays in memory "
                "until the app quits and is never written to disk.").format(
                problem=problem,
            ) if problem else "")
        self.keyring_warning.setVisible(problem is not None)
        self.session_only_check.setVisible(problem is not None)

    # -- the list ------------------------------------------------------------------------
    def reload_list(self, select: str | None = None) -> None:
        self.profile_list.blockSignals(True)
        self.profile_list.clear()
        for profile in self.store.profiles:
            item = QListWidgetItem(profile.name, self.profile_list)
            item.setData(Qt.ItemDataRole.UserRole, profile.id)
            item.setToolTip(profile.endpoint)
            if select == profile.id:
                self.profile_list.setCurrentItem(item)
        self.profile_list.blockSignals(False)
        self.delete_button.setEnabled(self.current_id is not None)
        self.duplicate_button.setEnabled(self.current_id is not None)

    def _on_current_changed(self, item: QListWidgetItem | None, _old: Any = None) -> None:
        profile_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        profile = self.store.get(profile_id) if profile_id else None
        if profile is None:
            return
        self.current_id, self.source_id = profile.id, profile.id
        self.form.load(profile, stored_secret=True)
        self.session_only_check.setChecked(self.secrets.is_session_only(profile.id))
        self._clear_messages()
        self.delete_button.setEnabled(True)
        self.duplicate_button.setEnabled(True)

    def _clear_messages(self) -> None:
        self.form_error.hide()
        self.status_label.clear()

    def add_profile(self) -> None:
        self.profile_list.setCurrentItem(None)  # type: ignore[arg-type]
        self.profile_list.clearSelection()
        self.current_id = self.source_id = None
        self.form.load(None)
        self._clear_messages()
        self.delete_button.setEnabled(False)
        self.duplicate_button.setEnabled(False)
        self.form.name_edit.setFocus()

    def duplicate(self) -> None:
        source = self.store.get(self.current_id or "")
        if source is None:
            return
        self.profile_list.setCurrentItem(None)  # type: ignore[arg-type]
        self.profile_list.clearSelection()
        self.current_id, self.source_id = None, source.id
        self.form.load(source, stored_secret=True)
        self.form.name_edit.setText(self.store.unique_name(f"{source.name} (copy)"))
        self._clear_messages()
        self.status_label.setText(translate(
            "ConnectionDialog", "A copy: change what differs, then Save."))

    # -- validation and jobs -------------------------------------------------------------
    def _job(self) -> SaveJob | None:
        """The form as a save job, or None after showing what must be fixed."""
        session_only = self.session_only_check.isChecked()
        problems = save_problems(self.form, self.store, self.current_id, self.source_id,
                                 session_only, self.secrets.problem)
        if problems:
            self.form_error.setText("\n".join(problems))
            self.form_error.show()
            return None
        self.form_error.hide()
        profile = self.form.build(self.current_id or new_profile_id())
        return SaveJob(profile, self.form.typed_secret, self.form.typed_token,
                       self.source_id, session_only)

    def _left(self) -> None:
        """Closed: a test or import still going is dropped, and the buttons work again."""
        if self.flows.tasks:
            self.flows.cancel_all()
            self._idle()
            self._set_status("", _BUSY)

    def _busy(self, text: str) -> int:
        """A new job starts: any test or import still going is superseded."""
        self.flows.cancel_all()
        self._generation += 1
        self._set_status(text, _BUSY)
        for button in (self.save_button, self.connect_button, self.test_button,
                       self.delete_button, self.import_button):
            button.setEnabled(False)
        return self._generation

    def _idle(self) -> None:
        for button in (self.save_button, self.connect_button, self.test_button,
                       self.import_button):
            button.setEnabled(True)
        self.delete_button.setEnabled(self.current_id is not None)

    def _set_status(self, text: str, style: str) -> None:
        self.status_label.setStyleSheet(style)
        self.status_label.setText(text)

    def _failed(self, generation: int) -> Callable[[AppError], None]:
        def show(err: AppError) -> None:
            if generation == self._generation:
                self._show_failure(err)
        return show

    def _show_failure(self, err: AppError) -> None:
        self._idle()
        self._set_status(f"{err.title}: {err.user_text()}", _ERR)
        if isinstance(err, KeyringUnavailable):  # locked or refusing: offer memory
            self.session_only_check.show()

    def _write(self, generation: int, fn: Callable[..., Any], *args: Any,
               done: Callable[[Any], None]) -> None:
        """Run a job that writes the profile file; adopt its staged store even if the dialog
        was closed meanwhile (the file has it), and update the dialog only if still open."""
        store = self.store

        def success(result: Any) -> None:
            store.adopt(result[0] if isinstance(result, tuple) else result)
            if shiboken6.isValid(self) and generation == self._generation:
                self._idle()
                done(result)

        def failure(err: AppError) -> None:
            if shiboken6.isValid(self):
                self._failed(generation)(err)

        self.runner.submit(fn, *args, on_success=success, on_error=failure)

    def _adopt(self, staged: ProfileStore, select: str | None) -> None:
        self.store.adopt(staged)
        self.current_id = self.source_id = select
        self.reload_list(select)
        self.form.load(self.store.get(select) if select else None, stored_secret=True)
        if select:
            self.session_only_check.setChecked(self.secrets.is_session_only(select))

    def save(self) -> None:
        job = self._job()
        if job is None:
            return
        staged = self.store.copy()
        staged.put(job.profile)
        generation = self._busy(translate("ConnectionDialog", "Saving…"))

        def saved(result: ProfileStore) -> None:
            self._adopt(result, job.profile.id)
            self.profile_saved.emit(job.profile)
            where = (translate("ConnectionDialog", "for this session only") if job.session_only
                     else translate("ConnectionDialog", "secret in the system keyring"))
            self._set_status(translate(
                "ConnectionDialog",
                "Saved “{name}” ({where}).").format(name=job.profile.name, where=where), _OK)

        self._write(generation, persist, self.secrets, staged, [job], done=saved)

    def test_connection(self) -> None:
        job = self._job()
        if job is not None:
            self._busy(translate(
                "ConnectionDialog", "Testing {endpoint}…").format(endpoint=job.profile.endpoint))
            self.flows.start(self._test(job))

    async def _test(self, job: SaveJob) -> None:
        try:
            text = await run_browse(self.runner, run_test, self.secrets, job, self.tester)
        except AppError as err:
            self._show_failure(err)
            return
        self._idle()
        self._set_status(text, _OK)

    def connect_profile(self) -> None:
        job = self._job()
        if job is None:
            return
        staged = self.store.copy()
        staged.put(job.profile)
        staged.set_open([*staged.open_ids, job.profile.id])  # one more open connection
        generation = self._busy(translate(
            "ConnectionDialog", "Connecting to {endpoint}…").format(endpoint=job.profile.endpoint))

        def ready(result: tuple[ProfileStore, Any]) -> None:
            self._adopt(result[0], job.profile.id)
            self.connect_requested.emit(job.profile, result[1])
            self.accept()

        self._write(generation, persist_and_settings, self.secrets, staged, job, done=ready)

    def ask_delete(self) -> None:
        profile = self.store.get(self.current_id or "")
        if profile is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, translate(
            "ConnectionDialog", "Delete connection"),
                          translate(
                              "ConnectionDialog",
                              "Delete “{name}” and its saved secret?").format(name=profile.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("confirmDelete")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: self.delete(profile.id))
        self.confirm_box = box
        box.open()

    def delete(self, profile_id: str) -> None:
        staged = self.store.copy()
        generation = self._busy(translate("ConnectionDialog", "Deleting…"))

        def deleted(result: ProfileStore) -> None:
            self._adopt(result, None)
            if self.profile_list.count():
                self.profile_list.setCurrentRow(0)
            else:
                self.add_profile()
            self._set_status(translate(
                "ConnectionDialog", "Deleted the connection and its saved secret."), _OK)

        self._write(generation, delete_profile, self.secrets, staged, profile_id,
                    done=deleted)

    # -- import --------------------------------------------------------------------------
    def start_import(self, source: str) -> None:
        self._busy(translate("ConnectionDialog", "Looking for connections…"))
        self.flows.start(self._import(source))

    async def _import(self, source: str) -> None:
        """Read what other tools saved, let the user pick, then save the picked ones."""
        try:
            results = await run_browse(self.runner, read_sources, source, self.home,
                                      self.environ)
        except AppError as err:
            self._show_failure(err)
            return
        self._idle()
        self._set_status("", _BUSY)
        preview = ImportPreview(results, self.store.profiles, self.secrets.problem, self)
        self.import_preview = preview
        if await dialog_result(preview) == QDialog.DialogCode.Accepted.value:
            self._import_chosen(preview)

    def _import_chosen(self, preview: ImportPreview) -> None:
        staged, jobs = chosen_jobs(self.store, preview)
        if not jobs:
            return
        generation = self._busy(translate(
            "ConnectionDialog", "Importing {jobs} connection(s)…").format(jobs=len(jobs)))

        def imported(result: ProfileStore) -> None:
            self._adopt(result, jobs[0].profile.id)
            names = ", ".join(job.profile.name for job in jobs)
            self._set_status(translate(
                "ConnectionDialog",
                "Imported {jobs}: {names}.").format(jobs=len(jobs), names=names), _OK)

        self._write(generation, persist, self.secrets, staged, jobs, done=imported)

    def profile_names(self) -> list[str]:
        return [self.profile_list.item(r).text() for r in range(self.profile_list.count())]

    def select_profile(self, profile: Profile | str) -> None:
        wanted = profile if isinstance(profile, str) else profile.id
        for row in range(self.profile_list.count()):
            if self.profile_list.item(row).data(Qt.ItemDataRole.UserRole) == wanted:
                self.profile_list.setCurrentRow(row)
                return
