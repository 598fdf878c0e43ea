"""The history of one object (or the deleted files of a folder) on a versioned bucket.

The dialog shows versions and delete markers and emits what the user asked for; the owner
does the work on a worker and hands back the fresh history (`set_versions`). Restore copies
an old version over the latest (the history keeps everything); Undelete removes the delete
marker on top; Delete version removes one version for good, after a confirmation.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.humanize import human_size, human_time
from desktop_app.core.keys_text import shown_key
from desktop_app.core.versions import ObjectVersion
from desktop_app.ui.shell.i18n import translate


def _plain(parent: QWidget, name: str, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def deleted_keys(versions: Sequence[ObjectVersion]) -> set[str]:
    """Keys whose latest entry is a delete marker (deleted, but recoverable)."""
    return {v.key for v in versions if v.is_latest and v.is_delete_marker}


class ConfirmDialog(QDialog):
    """A plain-text yes/no question opened with `open()`."""

    def __init__(self, title: str, text: str, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmDialog")
        self.setWindowTitle(title)
        self.text = text
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        yes = buttons.addButton(action, QDialogButtonBox.ButtonRole.DestructiveRole)
        yes.setObjectName("confirmYes")
        yes.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(self, "confirmText", text))
        layout.addWidget(buttons)


class VersionsDialog(QDialog):
    restore_requested = Signal(object)  # ObjectVersion
    undelete_requested = Signal(object)  # ObjectVersion (the delete marker)
    delete_requested = Signal(object)  # ObjectVersion (already confirmed)

    def __init__(self, title: str, intro: str, versions: Sequence[ObjectVersion],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionsDialog")
        self.setWindowTitle(title)
        self.resize(760, 420)
        self.versions: list[ObjectVersion] = []
        self.confirm: ConfirmDialog | None = None
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("versionsTable")
        self.table.setAccessibleName(translate("VersionsDialog", "Versions"))
        self.table.setAccessibleDescription(translate(
            "VersionsDialog", "Every stored version of the object, newest first"))
        self.table.setHorizontalHeaderLabels([translate(
            "VersionsDialog", "Name"), translate(
            "VersionsDialog", "Modified"), translate(
            "VersionsDialog", "Size"), translate(
            "VersionsDialog", "State"), translate(
            "VersionsDialog", "Version ID")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.status = _plain(self, "versionsStatus")
        self.restore_button = QPushButton(translate("VersionsDialog", "Restore this version"), self)
        self.restore_button.setObjectName("restoreVersion")
        self.undelete_button = QPushButton(translate("VersionsDialog", "Undelete"), self)
        self.undelete_button.setObjectName("undelete")
        self.delete_button = QPushButton(translate("VersionsDialog", "Delete version…"), self)
        self.delete_button.setObjectName("deleteVersion")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in (self.restore_button, self.undelete_button, self.delete_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        self.undelete_button.clicked.connect(self._undelete)
        self.delete_button.clicked.connect(self._ask_delete)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(self, "versionsIntro", intro))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.set_versions(versions)

    # -- the testable API ----------------------------------------------------------------
    def set_versions(self, versions: Sequence[ObjectVersion], status: str = "") -> None:
        self.versions = list(versions)
        self.table.setRowCount(len(self.versions))
        for row, version in enumerate(self.versions):
            state = translate("VersionsDialog", "delete marker") if version.is_delete_marker else ""
            if version.is_latest:
                state = translate("VersionsDialog", "latest {state}").format(state=state).strip()
            cells = [
                shown_key(version.key.rsplit("/", 1)[-1]),
                human_time(version.last_modified),
                "" if version.is_delete_marker else human_size(version.size),
                state,
                version.version_id,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.status.setText(status or translate(
            "VersionsDialog",
            "{versions} versions and delete markers.").format(versions=len(self.versions)))
        self._update_buttons()

    def select_version(self, version_id: str) -> None:
        for row, version in enumerate(self.versions):
            if version.version_id == version_id:
                self.table.selectRow(row)
                return
        raise KeyError(version_id)

    def selected(self) -> ObjectVersion | None:
        rows = self.table.selectionModel().selectedRows()
        return self.versions[rows[0].row()] if rows else None

    def set_busy(self, text: str) -> None:
        self.status.setText(text)
        for button in (self.restore_button, self.undelete_button, self.delete_button):
            button.setEnabled(False)

    # -- internals -----------------------------------------------------------------------
    def _marker_for(self, version: ObjectVersion) -> ObjectVersion | None:
        return next((v for v in self.versions if v.key == version.key and v.is_latest
                     and v.is_delete_marker), None)

    def _update_buttons(self) -> None:
        version = self.selected()
        self.restore_button.setEnabled(
            version is not None and not version.is_latest and not version.is_delete_marker
        )
        self.undelete_button.setEnabled(version is not None and
                                        self._marker_for(version) is not None)
        self.delete_button.setEnabled(version is not None)

    def _restore(self) -> None:
        version = self.selected()
        if version is not None:
            self.restore_requested.emit(version)

    def _undelete(self) -> None:
        version = self.selected()
        marker = self._marker_for(version) if version is not None else None
        if marker is not None:
            self.undelete_requested.emit(marker)

    def _ask_delete(self) -> None:
        version = self.selected()
        if version is None:
            return
        what = translate(
            "VersionsDialog", "delete marker") if version.is_delete_marker else translate(
            "VersionsDialog", "version")
        when = human_time(version.last_modified)
        text = (
            translate(
                "VersionsDialog",
                "Permanently delete the {what} of “{key}” from {when} (version ID {version_id})? "
                "This cannot be undone.").format(
                what=what,
                key=shown_key(version.key),
                when=when,
                version_id=version.version_id,
            )
        )
        confirm = ConfirmDialog(translate(
            "VersionsDialog", "Delete version"), text, translate(
            "VersionsDialog", "Delete {what}").format(what=what), self)
        confirm.accepted.connect(lambda: self.delete_requested.emit(version))
        self.confirm = confirm
        confirm.open()
