"""Bucket properties: one dialog, one tab per concern (Access, Versioning, Lifecycle, Object
lock, Encryption, Tags). Every tab is read at once when the dialog opens, and one tab the
server cannot answer never hides the others. Apply sends the edited tabs only, each
checking its own values first and showing its own problem; Close with unapplied edits asks.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import AppError
from desktop_app.storage.protocol import BucketPolicyOps, BucketSettingsOps
from desktop_app.ui.buckets.access_tab import AccessTab
from desktop_app.ui.buckets.encryption_tab import EncryptionTab
from desktop_app.ui.buckets.lifecycle_tab import LifecycleTab
from desktop_app.ui.buckets.lock_tab import ObjectLockTab
from desktop_app.ui.buckets.new_bucket_dialog import ERROR_STYLE, NOTE_STYLE, plain_label
from desktop_app.ui.buckets.tab_api import SettingsTab
from desktop_app.ui.buckets.tags_tab import TagsTab
from desktop_app.ui.buckets.upload_rules_tab import upload_rules_tab
from desktop_app.ui.buckets.versioning_tab import VersioningOps, VersioningTab
from desktop_app.ui.shell.flows import FlowOwner, dialog_result
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

# A tab maker returns None when the storage lacks the role the tab needs.
TabMaker = Callable[[object, str, QWidget], "SettingsTab | None"]
UNSAVED_TEXT = QT_TRANSLATE_NOOP(
    "PropertiesDialog", "Some changes have not been applied. Close and drop them?")


def _access(storage: object, bucket: str, parent: QWidget) -> SettingsTab | None:
    return AccessTab(storage, bucket, parent) if isinstance(storage, BucketPolicyOps) else None


def _versioning(storage: object, bucket: str, parent: QWidget) -> SettingsTab | None:
    needed = ("get_versioning", "set_versioning", "get_object_lock")
    if not all(callable(getattr(storage, name, None)) for name in needed):
        return None
    ops: VersioningOps = storage  # type: ignore[assignment]  # checked just above
    return VersioningTab(ops, bucket, parent)


def _settings(tab_class: Callable[[BucketSettingsOps, str, QWidget], SettingsTab]) -> TabMaker:
    def make(storage: object, bucket: str, parent: QWidget) -> SettingsTab | None:
        if not isinstance(storage, BucketSettingsOps):
            return None
        return tab_class(storage, bucket, parent)
    return make


# The tabs in their order; each maker needs only the storage role its tab uses.
TAB_MAKERS: list[TabMaker] = [
    _access, _versioning, _settings(LifecycleTab), _settings(ObjectLockTab),
    _settings(EncryptionTab), _settings(TagsTab), upload_rules_tab,
]


class BucketPropertiesDialog(QDialog):
    def __init__(self, bucket: str, connection: str, storage: object, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bucketPropertiesDialog")
        self.setWindowTitle(translate(
            "BucketPropertiesDialog", "Properties of {bucket}").format(bucket=bucket))
        self.setMinimumWidth(620)
        self.resize(700, 720)
        self.bucket = bucket
        self.runner = runner
        self.flows = FlowOwner(self)
        self.ask: QMessageBox | None = None  # the "drop changes?" question while shown
        self.applying = False
        self.tabs: list[SettingsTab] = []
        self.pages: dict[int, QScrollArea] = {}  # id(tab) -> its scrolling page
        self.tab_widget = QTabWidget(self)
        self.tab_widget.setObjectName("bucketPropertiesTabs")
        for maker in TAB_MAKERS:
            tab = maker(storage, bucket, self.tab_widget)
            if tab is not None:
                self.tabs.append(tab)
                self.tab_widget.addTab(self._page(tab), translate("BucketTabs", tab.title))
                tab.changed.connect(self._update_buttons)
        self.status = plain_label(self, "bucketPropertiesStatus", "", NOTE_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.apply_button = QPushButton(translate("BucketPropertiesDialog", "Apply"), self)
        self.apply_button.setObjectName("bucketPropertiesApply")
        self.apply_button.setEnabled(False)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        self.apply_button.clicked.connect(self.start_apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self, "bucketPropertiesTarget",
                                     translate(
                                         "BucketPropertiesDialog",
                                         "The bucket “{bucket}” on {connection}.").format(
                                         bucket=bucket,
                                         connection=connection,
                                     )))
        layout.addWidget(self.tab_widget, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _page(self, tab: SettingsTab) -> QScrollArea:
        """The tab in a scroll area: a long tab (a big policy, many rules) never clips."""
        assert isinstance(tab, QWidget)
        page = QScrollArea(self.tab_widget)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setWidgetResizable(True)
        page.setWidget(tab)
        self.pages[id(tab)] = page
        return page

    def tab(self, title: str) -> SettingsTab:
        """The tab with this label (for the flow and for tests)."""
        return next(t for t in self.tabs if t.title == title)

    def dirty_tabs(self) -> list[SettingsTab]:
        return [t for t in self.tabs if t.is_dirty()]

    def _update_buttons(self) -> None:
        self.apply_button.setEnabled(not self.applying and bool(self.dirty_tabs()))

    async def load(self) -> None:
        """Read every tab at once; each shows its own failure."""
        await asyncio.gather(*(self._load_one(t) for t in self.tabs))
        if shiboken6.isValid(self):
            self._update_buttons()

    async def _load_one(self, tab: SettingsTab) -> None:
        try:
            await tab.load(self.runner)
        except AppError as err:  # a tab should not raise; if one does, only it suffers
            if shiboken6.isValid(self):
                self._mark(tab, err)

    def _mark(self, tab: SettingsTab, err: AppError | None) -> None:
        index = self.tab_widget.indexOf(self.pages[id(tab)])
        title = translate("BucketTabs", tab.title)
        self.tab_widget.setTabText(index, f"{title} ⚠" if err else title)
        self.tab_widget.setTabToolTip(index, err.user_text() if err else "")

    # -- apply -----------------------------------------------------------------------------
    def start_apply(self) -> None:
        self.flows.start(self.apply())

    async def apply(self) -> bool:
        """Send each edited tab in turn; True when all of them went through."""
        self.applying = True
        self.apply_button.setEnabled(False)
        self.status.setStyleSheet(NOTE_STYLE)
        self.status.setText(translate("BucketPropertiesDialog", "Applying…"))
        failed: list[SettingsTab] = []
        try:
            for tab in self.dirty_tabs():
                try:
                    await tab.apply(self.runner)
                except AppError as err:
                    failed.append(tab)
                    if shiboken6.isValid(self):
                        self._mark(tab, err)
                else:
                    if shiboken6.isValid(self):
                        self._mark(tab, None)
        finally:
            if shiboken6.isValid(self):
                self.applying = False
                self._update_buttons()
        if not shiboken6.isValid(self):
            return not failed
        if failed:
            self.status.setStyleSheet(ERROR_STYLE)
            names = ", ".join(translate("BucketTabs", t.title) for t in failed)
            self.status.setText(translate(
                "BucketPropertiesDialog",
                "Not applied: {names}. The reason is shown in the tab.").format(names=names))
            self.tab_widget.setCurrentWidget(self.pages[id(failed[0])])
        else:
            self.status.setText(translate("BucketPropertiesDialog", "Applied."))
        return not failed

    # -- close -----------------------------------------------------------------------------
    def reject(self) -> None:
        """Close; with unapplied edits, ask first."""
        if self.ask is not None:
            return
        if not self.dirty_tabs():
            super().reject()
            return
        self.flows.start(self._ask_then_close())

    async def _ask_then_close(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question,
                          translate("BucketPropertiesDialog", "Unapplied changes"),
                          translate("PropertiesDialog", UNSAVED_TEXT),
                          QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("bucketPropertiesUnsaved")
        box.setInformativeText(translate("BucketPropertiesDialog", "Tabs with changes: ")
                               + ", ".join(translate("BucketTabs", t.title)
                                           for t in self.dirty_tabs())
                               + ".")
        self.ask = box
        try:
            await dialog_result(box)
            drop = box.clickedButton() is box.button(QMessageBox.StandardButton.Discard)
        finally:
            self.ask = None
            if shiboken6.isValid(box):
                box.deleteLater()
        if drop and shiboken6.isValid(self):
            super().reject()

