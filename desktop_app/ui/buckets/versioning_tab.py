"""The Versioning tab: Enabled or Suspended (Off only while versioning was never turned on,
since S3 has no way back to Off), each choice explained by what it means for deletes. A
bucket with object lock cannot suspend versioning; the tab says so before anyone tries.
"""

from __future__ import annotations

from typing import Protocol

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

from desktop_app.core.bucket_settings import (
    VERSIONING_ENABLED,
    VERSIONING_OFF,
    VERSIONING_SUSPENDED,
    ObjectLockConfig,
)
from desktop_app.core.errors import AppError, NotSupportedByServer
from desktop_app.ui.buckets.new_bucket_dialog import ERROR_STYLE, NOTE_STYLE, plain_label
from desktop_app.ui.shell.flows import run_browse
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

EXPLAIN = {
    VERSIONING_ENABLED: (QT_TRANSLATE_NOOP(
        "VersioningTab", "Enabled: every overwrite or delete keeps the previous version. "
        "A delete only adds a delete marker; older versions stay (and use "
        "space) until they are removed one by one or by a lifecycle rule.")),
    VERSIONING_SUSPENDED: (QT_TRANSLATE_NOOP(
        "VersioningTab", "Suspended: versions kept so far stay, but an overwrite or delete "
        "now replaces the current object for good (it gets the version "
        "id “null”).")),
    VERSIONING_OFF: (QT_TRANSLATE_NOOP(
        "VersioningTab", "Off: versioning was never turned on. A delete removes the object for "
        "good. Once enabled, versioning can only be suspended, never turned "
        "off again.")),
}
LOCK_NOTE = (QT_TRANSLATE_NOOP(
    "VersioningTab", "This bucket has object lock, which needs versioning: it cannot be "
                     "suspended."))


class VersioningOps(Protocol):
    """What this tab needs of the storage (MinioStorage has all of it)."""

    def get_versioning(self, bucket: str) -> str: ...

    def set_versioning(self, bucket: str, enabled: bool) -> None: ...

    def get_object_lock(self, bucket: str) -> ObjectLockConfig: ...


class VersioningTab(QWidget):
    changed = Signal()

    def __init__(self, ops: VersioningOps, bucket: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versioningTab")
        self.title = QT_TRANSLATE_NOOP("BucketTabs", "Versioning")
        self.ops = ops
        self.bucket = bucket
        self.state = ""  # as read from the server ("" until read)
        self.locked = False
        self.buttons: dict[str, QRadioButton] = {}
        self.notes: dict[str, QWidget] = {}
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        self.status = plain_label(self, "versioningStatus", translate("VersioningTab", "Reading…"))
        layout.addWidget(self.status)
        for state, text in ((VERSIONING_ENABLED, translate("VersioningTab", "Enabled")),
                            (VERSIONING_SUSPENDED, translate(
                                "VersioningTab", "Suspended")), (VERSIONING_OFF, translate(
                                "VersioningTab", "Off"))):
            button = QRadioButton(text, self)
            button.setObjectName(f"versioning{state}")
            button.setEnabled(False)
            self.group.addButton(button)
            self.buttons[state] = button
            layout.addWidget(button)
            explain = plain_label(self, f"versioning{state}Note",
                                  translate("VersioningTab", EXPLAIN[state]), NOTE_STYLE)
            explain.setIndent(20)
            layout.addWidget(explain)
            self.notes[state] = explain
            button.toggled.connect(self._toggled)
        self.lock_note = plain_label(self, "versioningLockNote",
                                     translate("VersioningTab", LOCK_NOTE))
        self.lock_note.hide()
        layout.addWidget(self.lock_note)
        self.error = plain_label(self, "versioningError", "", ERROR_STYLE)
        self.error.hide()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._show_off(False)

    def _show_off(self, shown: bool) -> None:
        self.buttons[VERSIONING_OFF].setVisible(shown)
        self.notes[VERSIONING_OFF].setVisible(shown)

    def _toggled(self, on: bool) -> None:
        if on:
            self.error.hide()
            self.changed.emit()

    def chosen(self) -> str:
        return next((s for s, b in self.buttons.items() if b.isChecked()), self.state)

    def is_dirty(self) -> bool:
        return bool(self.state) and self.chosen() != self.state

    def _disable(self, text: str) -> None:
        self.status.setText(text)
        for button in self.buttons.values():
            button.setEnabled(False)

    async def load(self, runner: TaskRunner) -> None:
        try:
            state = await run_browse(runner, self.ops.get_versioning, self.bucket)
        except NotSupportedByServer as err:
            self._disable(translate(
                "VersioningTab",
                "Not supported by this server: {user_text}").format(user_text=err.user_text()))
            return
        except AppError as err:
            self._disable(translate(
                "VersioningTab",
                "Could not be read: {user_text}").format(user_text=err.user_text()))
            return
        try:
            lock = await run_browse(runner, self.ops.get_object_lock, self.bucket)
            locked = lock.enabled
        except AppError:  # a server without object lock has no locked buckets
            locked = False
        if shiboken6.isValid(self):
            self._show(state, locked)

    def _show(self, state: str, locked: bool) -> None:
        self.state, self.locked = state, locked
        shown = {VERSIONING_ENABLED: translate("VersioningTab", "enabled"),
                 VERSIONING_SUSPENDED: translate("VersioningTab", "suspended")}
        self.status.setText(translate("VersioningTab", "Versioning is {state} on this bucket.")
                            .format(state=shown.get(state, state.lower())))
        self._show_off(state == VERSIONING_OFF)
        for key, button in self.buttons.items():
            button.setEnabled(key != VERSIONING_OFF)
            button.blockSignals(True)
            button.setChecked(key == state)
            button.blockSignals(False)
        self.buttons[VERSIONING_OFF].setEnabled(False)  # S3 cannot go back to Off
        self.buttons[VERSIONING_SUSPENDED].setEnabled(not locked)
        self.lock_note.setVisible(locked)

    async def apply(self, runner: TaskRunner) -> None:
        wanted = self.chosen()
        if not self.is_dirty():
            return
        if wanted == VERSIONING_SUSPENDED and self.locked:
            self.error.setText(translate("VersioningTab", LOCK_NOTE))
            self.error.show()
            raise AppError(translate(
                "VersioningTab", "Versioning cannot be suspended on a bucket with object lock."),
                           translate("VersioningTab", "Keep versioning enabled."))
        try:
            await run_browse(runner, self.ops.set_versioning, self.bucket,
                             wanted == VERSIONING_ENABLED)
        except AppError as err:
            self.error.setText(err.user_text())
            self.error.show()
            raise
        await self.load(runner)
