"""The dialog that edits an object's headers, user metadata and tags.

Only collects and checks input; the pane runs the change on a worker
(`storage.property_edits.apply_property_edits`). All cells are plain-text editors.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import ConfigError
from desktop_app.core.object_properties import ObjectProperties, PropertyEdits
from desktop_app.storage.property_edits import validate_edits
from desktop_app.ui.shell.i18n import translate


class KeyValueTable(QWidget):
    """Two-column editable table with Add / Remove buttons."""

    def __init__(self, name: str, headers: tuple[str, str], items: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName(name)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        for key, value in sorted(items.items()):
            self.add_row(key, value)
        add = QPushButton(translate("KeyValueTable", "Add"), self)
        add.clicked.connect(lambda: self.add_row("", "", edit=True))
        remove = QPushButton(translate("KeyValueTable", "Remove"), self)
        remove.clicked.connect(self._remove_selected)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def add_row(self, key: str, value: str, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(key))
        self.table.setItem(row, 1, QTableWidgetItem(value))
        if edit:
            self.table.editItem(self.table.item(row, 0))

    def _remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def items(self) -> dict[str, str]:
        """The rows as a dict; blank keys are skipped, duplicate keys raise ConfigError."""
        result: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            key_item, value_item = self.table.item(row, 0), self.table.item(row, 1)
            key = key_item.text().strip() if key_item else ""
            value = value_item.text() if value_item else ""
            if not key:
                continue
            if key.lower() in (k.lower() for k in result):
                raise ConfigError(translate(
                    "KeyValueTable",
                    "“{key}” appears twice.").format(key=key), translate(
                    "KeyValueTable", "Remove one of the rows."))
            result[key] = value
        return result


class PropertiesDialog(QDialog):
    def __init__(self, props: ObjectProperties, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesDialog")
        self.setWindowTitle(translate(
            "PropertiesDialog",
            "Properties of {name}").format(name=props.key.rsplit('/', 1)[-1]))
        self.resize(560, 560)
        self._props = props
        self.edits: PropertyEdits | None = None
        self.content_type = QLineEdit(props.content_type, self)
        self.content_type.setObjectName("editContentType")
        self.cache_control = QLineEdit(props.cache_control, self)
        self.cache_control.setObjectName("editCacheControl")
        self.cache_control.setPlaceholderText(translate("PropertiesDialog", "e.g. max-age=3600"))
        self.content_disposition = QLineEdit(props.content_disposition, self)
        self.content_disposition.setObjectName("editContentDisposition")
        self.content_disposition.setPlaceholderText(translate(
            "PropertiesDialog", 'e.g. attachment; filename="report.pdf"'))
        headers = QFormLayout()
        headers.addRow(translate("PropertiesDialog", "Content type:"), self.content_type)
        headers.addRow(translate("PropertiesDialog", "Cache-Control:"), self.cache_control)
        headers.addRow(translate(
            "PropertiesDialog", "Content-Disposition:"), self.content_disposition)
        self.metadata = KeyValueTable("editMetadata", (translate(
            "PropertiesDialog", "Name"), translate(
            "PropertiesDialog", "Value")), props.metadata, self)
        self.tags = KeyValueTable("editTags", (translate(
            "PropertiesDialog", "Tag"), translate(
            "PropertiesDialog", "Value")), props.tags, self)
        meta_box = QGroupBox(translate("PropertiesDialog", "User metadata (x-amz-meta-…)"), self)
        QVBoxLayout(meta_box).addWidget(self.metadata)
        tag_box = QGroupBox(translate("PropertiesDialog", "Tags (at most 10)"), self)
        QVBoxLayout(tag_box).addWidget(self.tags)
        note = QLabel(translate(
            "PropertiesDialog",
            "Changing headers or metadata rewrites the object on the server (a server-side "
            "copy); its data and tags are kept."), self)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        note.setStyleSheet("color:palette(mid);")
        self.error = QLabel(self)
        self.error.setObjectName("propertiesError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b3261e;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(headers)
        layout.addWidget(meta_box, 1)
        layout.addWidget(tag_box, 1)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def collect(self) -> PropertyEdits:
        """The edits as entered; ConfigError when something would be refused."""
        edits = PropertyEdits(
            content_type=self.content_type.text().strip(),
            cache_control=self.cache_control.text().strip(),
            content_disposition=self.content_disposition.text().strip(),
            metadata=self.metadata.items(),
            tags=self.tags.items(),
        )
        validate_edits(edits)
        return edits

    def accept(self) -> None:
        try:
            self.edits = self.collect()
        except ConfigError as exc:
            self.error.setText(exc.user_text())
            self.error.show()
            return
        super().accept()
