"""The pre-flight list: before any byte is sent, every file that breaks an upload rule with
its reason, and "Upload the other N" or Cancel. When the rule for the same content is "ask",
the files already in the bucket are listed too, with a choice to upload them anyway."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.upload_duplicates import Preflight
from desktop_app.core.upload_rules import OnDuplicate
from desktop_app.ui.shell.i18n import translate


class PreflightDialog(QDialog):
    def __init__(self, result: Preflight, bucket: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uploadPreflightDialog")
        self.setWindowTitle(translate("PreflightDialog", "Upload rules"))
        self.resize(720, 420)
        self.preflight = result
        refused = len(result.refused)
        intro = QLabel(self)
        intro.setObjectName("preflightIntro")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        if refused:
            intro.setText(translate(
                "PreflightDialog", "These files break the upload rules of “{bucket}” and will not "
                "be uploaded ({count} of {total}):").format(
                count=refused, bucket=bucket, total=refused + self.total_files()))
        else:
            intro.setText(translate(
                "PreflightDialog", "Nothing breaks the upload rules of “{bucket}”.").format(
                bucket=bucket))
        self.list = QTreeWidget(self)
        self.list.setObjectName("preflightList")
        self.list.setColumnCount(2)
        self.list.setHeaderLabels([translate("PreflightDialog", "File"),
                                   translate("PreflightDialog", "Reason")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setWordWrap(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName(translate("PreflightDialog", "Files that will not be uploaded"))
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for verdict in result.refused:
            item = QTreeWidgetItem([str(verdict.path.name), verdict.reason])
            item.setToolTip(0, str(verdict.path))
            item.setToolTip(1, verdict.reason)
            self.list.addTopLevelItem(item)
        asks = result.on_duplicate is OnDuplicate.ASK and bool(result.duplicates)
        self.duplicates_box = QCheckBox(self)
        self.duplicates_box.setObjectName("preflightUploadDuplicates")
        if asks:
            for verdict in result.duplicates:
                text = translate(
                    "PreflightDialog", "Same content already in the bucket as “{key}”.").format(
                    key=verdict.duplicate_of)
                item = QTreeWidgetItem([str(verdict.path.name), text])
                item.setToolTip(0, str(verdict.path))
                item.setToolTip(1, text)
                self.list.addTopLevelItem(item)
            self.duplicates_box.setText(translate(
                "PreflightDialog", "Upload the {count} file(s) whose content is already there "
                "anyway", "", len(result.duplicates)).format(count=len(result.duplicates)))
        self.duplicates_box.setVisible(asks)
        self.list.resizeColumnToContents(0)
        header.resizeSection(0, min(header.sectionSize(0) + 16, 260))
        buttons = QDialogButtonBox(self)
        self.upload_button = QPushButton(self)
        self.upload_button.setObjectName("preflightUploadOthers")
        buttons.addButton(self.upload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.duplicates_box.toggled.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.duplicates_box)
        layout.addWidget(buttons)
        self._update()
        self.upload_button.setFocus()

    def upload_duplicates(self) -> bool:
        return not self.duplicates_box.isHidden() and self.duplicates_box.isChecked()

    def total_files(self) -> int:
        """Files that passed the rules (uploaded or already there)."""
        return len(self.preflight.accepted) + len(self.preflight.duplicates)

    def count(self) -> int:
        """How many files "Upload" sends (folder markers not counted)."""
        extra = len(self.preflight.duplicates) if self.upload_duplicates() else 0
        return len(self.preflight.accepted) + extra

    def _update(self) -> None:
        count = self.count()
        if self.preflight.refused:
            text = translate("PreflightDialog", "Upload the other {count}", "", count)
        else:
            text = translate("PreflightDialog", "Upload {count} file(s)", "", count)
        self.upload_button.setText(text.format(count=count))
        self.upload_button.setEnabled(count > 0 or bool(self.preflight.markers))
