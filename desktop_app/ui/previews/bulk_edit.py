"""Editing what many selected objects share (content type, tags), one object per task.

The card replaces the preview when several objects are selected; the dialog collects the
change; the pane submits one `apply_bulk_edit` per object and the card counts them home, so
progress is real and one failure does not stop the rest.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import ConfigError
from desktop_app.core.object_properties import PropertyEdits
from desktop_app.storage.property_edits import BulkEdit, validate_edits
from desktop_app.ui.previews.properties_dialog import KeyValueTable
from desktop_app.ui.shell.i18n import translate


class BulkEditDialog(QDialog):
    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(translate("BulkEditDialog", "Edit {count} objects").format(count=count))
        self.resize(520, 440)
        self.edit: BulkEdit | None = None
        self.content_type = QLineEdit(self)
        self.content_type.setObjectName("bulkContentType")
        self.content_type.setPlaceholderText(translate(
            "BulkEditDialog", "leave empty to keep each object's own"))
        form = QFormLayout()
        form.addRow(translate("BulkEditDialog", "Content type:"), self.content_type)
        self.change_tags = QCheckBox(translate("BulkEditDialog", "Change tags"), self)
        self.replace_tags = QCheckBox(translate(
            "BulkEditDialog", "Replace all existing tags (otherwise add or update)"),
                                      self)
        self.tags = KeyValueTable("bulkTags", (translate(
            "BulkEditDialog", "Tag"), translate(
            "BulkEditDialog", "Value")), {}, self)
        box = QGroupBox(translate("BulkEditDialog", "Tags"), self)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.change_tags)
        box_layout.addWidget(self.replace_tags)
        box_layout.addWidget(self.tags)
        self.change_tags.toggled.connect(self._sync)
        self._sync(False)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b3261e;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _sync(self, on: bool) -> None:
        self.replace_tags.setEnabled(on)
        self.tags.setEnabled(on)

    def collect(self) -> BulkEdit:
        content_type = self.content_type.text().strip() or None
        tags = self.tags.items() if self.change_tags.isChecked() else None
        validate_edits(PropertyEdits(content_type=content_type, tags=tags))
        edit = BulkEdit(content_type, tags, self.replace_tags.isChecked())
        if edit.empty:
            raise ConfigError(translate(
                "BulkEditDialog",
                "Nothing to change."), translate(
                "BulkEditDialog", "Enter a content type or tick Change tags."))
        return edit

    def accept(self) -> None:
        try:
            self.edit = self.collect()
        except ConfigError as exc:
            self.error.setText(exc.user_text())
            self.error.show()
            return
        super().accept()


class SelectionCard(QWidget):
    """Shown instead of a preview when several objects are selected."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selectionCard")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.edit_button = QPushButton(translate("SelectionCard", "Edit shared properties…"), self)
        self.edit_button.setObjectName("bulkEdit")
        self.edit_button.clicked.connect(self.edit_requested)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("bulkProgress")
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("bulkStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def show_selection(self, keys: list[str]) -> None:
        names = ", ".join(k.rsplit("/", 1)[-1] for k in keys[:5])
        more = translate(
            "SelectionCard",
            " and {value} more").format(value=len(keys) - 5) if len(keys) > 5 else ""
        self.label.setText(translate(
            "SelectionCard",
            "{keys} objects selected\n{names}{more}").format(
            keys=len(keys),
            names=names,
            more=more,
        ))
        self.edit_button.setEnabled(True)
        self.progress.hide()
        self.status.clear()

    def start(self, total: int) -> None:
        self.edit_button.setEnabled(False)
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(translate(
            "SelectionCard", "Updating 0 of {total}…").format(total=total))

    def advance(self, done: int, total: int, failures: list[str]) -> None:
        self.progress.setValue(done)
        if done < total:
            self.status.setText(translate(
                "SelectionCard", "Updating {done} of {total}…").format(done=done, total=total))
            return
        self.edit_button.setEnabled(True)
        if failures:
            self.status.setText(translate(
                "SelectionCard",
                "{value} of {total} updated; {failures} failed: {failures2}").format(
                value=total - len(failures),
                total=total,
                failures=len(failures),
                failures2=failures[0],
            ))
        else:
            self.status.setText(translate(
                "SelectionCard", "All {total} objects updated.").format(total=total))
