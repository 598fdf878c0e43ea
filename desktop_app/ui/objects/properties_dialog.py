"""Properties of one object (its stat) or one folder (count and size below it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from desktop_app.core.humanize import human_size, human_time
from desktop_app.core.keys_text import shown_key
from desktop_app.core.links import s3_uri
from desktop_app.core.types import ObjectStat
from desktop_app.storage.bulk_ops import Expanded


def object_fields(stat: ObjectStat) -> list[tuple[str, str]]:
    fields = [
        ("Name", shown_key(stat.key.rsplit("/", 1)[-1])),
        ("Key", shown_key(stat.key)),
        ("S3 URI", shown_key(s3_uri(stat.bucket, stat.key))),
        ("Size", f"{human_size(stat.size)} ({stat.size:,} bytes)"),
        ("Content type", stat.content_type or "(none)"),
        ("Last modified", human_time(stat.last_modified)),
        ("ETag", stat.etag),
    ]
    if stat.version_id:
        fields.append(("Version", stat.version_id))
    fields.extend((f"Metadata: {k}", shown_key(v)) for k, v in sorted(stat.metadata.items()))
    return fields


def folder_fields(bucket: str, prefix: str, expanded: Expanded) -> list[tuple[str, str]]:
    return [
        ("Folder", shown_key(prefix)),
        ("S3 URI", shown_key(s3_uri(bucket, prefix))),
        ("Objects inside", f"{expanded.count:,}"),
        ("Total size", f"{human_size(expanded.total_size)} ({expanded.total_size:,} bytes)"),
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
