"""Properties of one object (its stat) or one folder (count and size below it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from desktop_app.core.humanize import human_size, human_time
from desktop_app.core.keys_text import shown_key
from desktop_app.core.links import s3_uri
from desktop_app.core.types import ObjectStat
from desktop_app.storage.bulk_ops import Expanded
from desktop_app.ui.shell.i18n import translate


def object_fields(stat: ObjectStat) -> list[tuple[str, str]]:
    fields = [
        (translate("PropertiesDialog", "Name"), shown_key(stat.key.rsplit("/", 1)[-1])),
        (translate("PropertiesDialog", "Key"), shown_key(stat.key)),
        (translate("PropertiesDialog", "S3 URI"), shown_key(s3_uri(stat.bucket, stat.key))),
        (translate(
            "PropertiesDialog", "Size"), translate(
            "PropertiesDialog",
            "{size} ({size2:,} bytes)").format(size=human_size(stat.size), size2=stat.size)),
        (translate("PropertiesDialog", "Content type"), stat.content_type or "(none)"),
        (translate("PropertiesDialog", "Last modified"), human_time(stat.last_modified)),
        (translate("PropertiesDialog", "ETag"), stat.etag),
    ]
    if stat.version_id:
        fields.append((translate("PropertiesDialog", "Version"), stat.version_id))
    fields.extend((translate(
        "PropertiesDialog",
        "Metadata: {k}").format(k=k), shown_key(v)) for k, v in sorted(stat.metadata.items()))
    return fields


def folder_fields(bucket: str, prefix: str, expanded: Expanded) -> list[tuple[str, str]]:
    return [
        (translate("PropertiesDialog", "Folder"), shown_key(prefix)),
        (translate("PropertiesDialog", "S3 URI"), shown_key(s3_uri(bucket, prefix))),
        (translate("PropertiesDialog", "Objects inside"), f"{expanded.count:,}"),
        (translate(
            "PropertiesDialog",
            "Total size"), translate(
            "PropertiesDialog",
            "{total_size} ({total_size2:,} bytes)").format(
            total_size=human_size(expanded.total_size),
            total_size2=expanded.total_size,
        )),
    ]


class PropertiesDialog(QDialog):
    def __init__(self, title: str, fields: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesDialog")
        self.setWindowTitle(title)
        self.fields = dict(fields)
        form = QFormLayout(self)
        for name, value in fields:
            label = QLabel(value, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            form.addRow(f"{name}:", label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(480)
