"""The versions panel ("Show versions"): every version and delete marker of the current folder.

Restore copies an old version over the key on the server (it becomes the newest version),
Undelete removes the delete marker that hides a key, and Delete version removes one version
for good after a confirmation. The panel follows the table's folder while it is shown; each
change refreshes both the panel and the table. It uses the same storage calls as the
object-actions Versions dialog (`list_versions(..., exact=False)`, `restore_version`, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtCore import Signal as _Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import AppError
from desktop_app.core.humanize import human_size, human_time
from desktop_app.core.keys import display_key
from desktop_app.core.versions import ObjectVersion
from desktop_app.storage.protocol import Storage
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class FolderVersions:
    bucket: str
    prefix: str
    versions: tuple[ObjectVersion, ...]
    versioning: bool


def load_folder_versions(storage: Storage, bucket: str, prefix: str) -> FolderVersions:
    """Worker side: every version in the folder, and whether versioning is on."""
    versions = tuple(storage.list_versions(bucket, prefix, exact=False))
    return FolderVersions(bucket, prefix, versions, storage.versioning_enabled(bucket))


class VersionsModel(QAbstractTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("VersionsModel", "Name"),
        QT_TRANSLATE_NOOP("VersionsModel", "Version"),
        QT_TRANSLATE_NOOP("VersionsModel", "State"),
        QT_TRANSLATE_NOOP("VersionsModel", "Size"),
        QT_TRANSLATE_NOOP("VersionsModel", "Last modified"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.prefix = ""
        self.versions: tuple[ObjectVersion, ...] = ()

    def set_listing(self, listing: FolderVersions | None, prefix: str = "") -> None:
        self.beginResetModel()
        self.prefix = prefix
        self.versions = listing.versions if listing else ()
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.versions)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        version = self.versions[index.row()]
        column = index.column()
        if column == 0:
            return display_key(version.key[len(self.prefix):])
        if column == 1:
            return version.version_id
        if column == 2:
            state = translate(
                "VersionsModel", "delete marker") if version.is_delete_marker else translate(
                "VersionsModel", "version")
            return translate(
                "VersionsModel",
                "{state} (latest)").format(state=state) if version.is_latest else state
        if column == 3:
            return "" if version.is_delete_marker else human_size(version.size)
        return human_time(version.last_modified)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.COLUMNS)):
            return translate("VersionsModel", self.COLUMNS[section])
        return None


class VersionsPanel(QDockWidget):
    error = _Signal(AppError)
    changed = _Signal()  # a restore/undelete/delete went through: the table should refresh

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(translate("VersionsPanel", "Versions"), parent)
        self.setObjectName("versionsPanel")
        self._runner = runner
        self._storage: Storage | None = None
        self._bucket = ""
        self._prefix = ""
        self._generation = 0
        self.loading = False
        self.model = VersionsModel(self)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.status = QLabel("", body)
        self.status.setObjectName("versionsStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.view = QTableView(body)
        self.view.setObjectName("versionsTable")
        self.view.setAccessibleName(translate("VersionsPanel", "Versions"))
        self.view.setAccessibleDescription(translate(
            "VersionsPanel", "Versions and delete markers in the open folder"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(translate("VersionsPanel", "Restore this version"), body)
        self.restore_button.setObjectName("versionRestore")
        self.restore_button.clicked.connect(self.restore_selected)
        self.undelete_button = QPushButton(translate("VersionsPanel", "Undelete"), body)
        self.undelete_button.setObjectName("versionUndelete")
        self.undelete_button.clicked.connect(self.undelete_selected)
        self.delete_button = QPushButton(translate("VersionsPanel", "Delete version…"), body)
        self.delete_button.setObjectName("versionDelete")
        self.delete_button.clicked.connect(self.delete_selected)
        for button in (self.restore_button, self.undelete_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self._update_buttons()

    def set_storage(self, storage: Storage | None) -> None:
        self._storage = storage

    def set_location(self, bucket: str, prefix: str) -> None:
        self._bucket, self._prefix = bucket, prefix
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        storage = self._storage
        self._generation += 1
        self.model.set_listing(None)
        if storage is None or not self._bucket:
            self.status.setText(translate("VersionsPanel", "No folder open."))
            return
        generation = self._generation
        self.loading = True
        self.status.setText(translate("VersionsPanel", "Listing versions…"))
        self._runner.submit(
            load_folder_versions, storage, self._bucket, self._prefix,
            on_success=lambda listing: self._on_listing(generation, listing),
            on_error=lambda err: self._on_error(generation, err), context=self,
        )

    def _on_listing(self, generation: int, listing: FolderVersions) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.model.set_listing(listing, listing.prefix)
        where = display_key(f"{listing.bucket}/{listing.prefix}")
        text = translate(
            "VersionsPanel",
            "{versions:,} versions and delete markers in {where}").format(
            versions=len(listing.versions),
            where=where,
        )
        if not listing.versioning:
            text += (translate(
                "VersionsPanel",
                ". Versioning is not enabled on this bucket, so deleted or replaced objects are "
                "not kept."))
        self.status.setText(text)
        self._update_buttons()

    def _on_error(self, generation: int, err: AppError) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.status.setText(translate(
            "VersionsPanel", "Versions could not be listed: {title}").format(title=err.title))
        self.error.emit(err)

    def selected(self) -> ObjectVersion | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.versions[rows[0].row()] if rows else None

    def _update_buttons(self, *_args: object) -> None:
        version = self.selected()
        self.restore_button.setEnabled(
            version is not None and not version.is_delete_marker and not version.is_latest)
        self.undelete_button.setEnabled(
            version is not None and version.is_delete_marker and version.is_latest)
        self.delete_button.setEnabled(version is not None)

    def confirm(self, text: str) -> bool:
        """Ask before anything irreversible (tests replace this)."""
        answer = QMessageBox.question(self, translate("VersionsPanel", "Delete version"), text)
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        version = self.selected()
        if version is not None and self._storage is not None:
            self._run(self._storage.restore_version, version)

    def undelete_selected(self) -> None:
        version = self.selected()
        if version is not None and self._storage is not None and version.is_delete_marker:
            self._run(self._storage.delete_version, version)

    def delete_selected(self) -> None:
        version = self.selected()
        if version is None or self._storage is None:
            return
        what = translate(
            "VersionsPanel", "delete marker") if version.is_delete_marker else translate(
            "VersionsPanel", "version")
        text = (translate(
            "VersionsPanel",
            "Permanently delete this {what} of “{key}” (version {version_id})? This cannot be "
            "undone.").format(
            what=what,
            key=display_key(version.key),
            version_id=version.version_id,
        ))
        if self.confirm(text):
            self._run(self._storage.delete_version, version)

    def _run(self, fn: Any, version: ObjectVersion) -> None:
        self.loading = True
        self._runner.submit(
            fn, self._bucket, version.key, version.version_id,
            on_success=lambda _r: self._done(), on_error=self._failed, context=self,
        )

    def _done(self) -> None:
        self.changed.emit()
        self.reload()

    def _failed(self, err: AppError) -> None:
        self.loading = False
        self.error.emit(err)
