"""The object's properties under the preview: plain-text, selectable, rows only when present.

The first four rows come from the preview's stat at once; the rest (storage class, version,
headers, user metadata, tags, stored checksums, retention, legal hold) arrive from a second call.
In a bucket with object lock, retention and legal hold are read once more as they stand
(`show_lock`), shown even when there is none, and "Retention and legal hold…" changes them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.humanize import human_size, human_time
from desktop_app.core.object_properties import ObjectProperties, checksums_text
from desktop_app.core.types import ObjectStat
from desktop_app.ui.previews.retention_dialog import LockState, retention_text
from desktop_app.ui.shell.i18n import translate

BASIC_FIELDS = (
    QT_TRANSLATE_NOOP("PropertiesPanel", "Size"),
    QT_TRANSLATE_NOOP("PropertiesPanel", "Content type"),
    QT_TRANSLATE_NOOP("PropertiesPanel", "ETag"),
    QT_TRANSLATE_NOOP("PropertiesPanel", "Last modified"))
EXTRA_FIELDS = (
    QT_TRANSLATE_NOOP("PropertiesPanel", "Storage class"),
    QT_TRANSLATE_NOOP("PropertiesPanel", "Version ID"),
    QT_TRANSLATE_NOOP("PropertiesPanel", "Cache-Control"),
    QT_TRANSLATE_NOOP("PropertiesPanel", "Content-Disposition"),
    QT_TRANSLATE_NOOP("PropertiesPanel", "Content-Encoding"),
    QT_TRANSLATE_NOOP("PropertiesPanel", "Content-Language"),
    QT_TRANSLATE_NOOP("PropertiesPanel", "SHA-256"),
    QT_TRANSLATE_NOOP("PropertiesPanel", "Checksums"),
    QT_TRANSLATE_NOOP("PropertiesPanel", "Retention"),
    QT_TRANSLATE_NOOP("PropertiesPanel", "Legal hold"),
    QT_TRANSLATE_NOOP("PropertiesPanel", "Encryption"),
    QT_TRANSLATE_NOOP("PropertiesPanel", "Metadata"),
    QT_TRANSLATE_NOOP("PropertiesPanel", "Tags"))


def size_text(size: int) -> str:
    return translate(
        "PropertiesPanel", "{size} ({size2:,} bytes)").format(size=human_size(size), size2=size)


class _Body(QFrame):
    """Keeps its height at what the wrapped rows need, so the scroll area scrolls them
    instead of squeezing them."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

    def refit(self) -> None:
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.heightForWidth(self.width())
            if needed != self.minimumHeight():
                self.setMinimumHeight(needed)


class _Status(QLabel):
    """Takes a row only while it has something to say."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))


class PropertiesPanel(QWidget):
    edit_requested = Signal()
    lock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesPanel")
        self.properties: ObjectProperties | None = None
        self.lock: LockState | None = None
        body = self._body = _Body()
        self._form = QFormLayout(body)
        self._form.setContentsMargins(0, 0, 4, 0)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._fields: dict[str, QLabel] = {}
        for name in BASIC_FIELDS + EXTRA_FIELDS:
            value = QLabel(body)
            value.setObjectName(f"meta{name.replace(' ', '').replace('-', '')}")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self._fields[name] = value
            self._form.addRow(translate("PropertiesPanel", "{name}:").format(
                name=translate("PropertiesPanel", name)), value)
        scroll = QScrollArea(self)
        scroll.setAccessibleName(translate("PropertiesPanel", "Properties"))
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(110)
        self.status = _Status(self)
        self.status.setObjectName("propertiesStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color:palette(mid);")
        self.status.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.edit_button = QPushButton(translate("PropertiesPanel", "Edit properties…"), self)
        self.edit_button.setObjectName("editProperties")
        self.edit_button.clicked.connect(self.edit_requested)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        title = QLabel(translate("PropertiesPanel", "Properties"), self)
        title.setStyleSheet("font-weight:bold;")
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.edit_button)
        self.lock_button = QPushButton(translate("PropertiesPanel", "Retention…"), self)
        self.lock_button.setObjectName("editRetention")
        self.lock_button.setToolTip(translate(
            "PropertiesPanel", "Retention and legal hold (object lock)"))
        self.lock_button.clicked.connect(self.lock_requested)
        head.addWidget(self.lock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.status)  # own row: an error's reason needs the full width
        layout.addWidget(scroll)
        self.clear()

    def clear(self) -> None:
        self.properties = None
        self.lock = None
        self.lock_button.hide()
        for value in self._fields.values():
            value.setText("")
        for name in EXTRA_FIELDS:
            self._form.setRowVisible(self._fields[name], False)
        self.status.setText("")
        self.edit_button.setEnabled(False)

    def show_stat(self, stat: ObjectStat, detected: str = "") -> None:
        self._fields["Size"].setText(size_text(stat.size))
        shown = stat.content_type or "(none)"
        if detected and detected != stat.content_type:
            shown += translate(
                "PropertiesPanel", "  (detected: {detected})").format(detected=detected)
        self._fields["Content type"].setText(shown)
        self._fields["ETag"].setText(stat.etag)
        self._fields["Last modified"].setText(human_time(stat.last_modified))

    def show_properties(self, props: ObjectProperties) -> None:
        self.properties = props
        detected = self._fields["Content type"].text().partition("  (detected: ")[2]
        self._fields["Size"].setText(size_text(props.size))
        shown = props.content_type or "(none)"
        if detected:
            shown += translate(
                "PropertiesPanel", "  (detected: {detected}").format(detected=detected)
        self._fields["Content type"].setText(shown)
        self._fields["ETag"].setText(props.etag)
        self._fields["Last modified"].setText(human_time(props.last_modified))
        retention = ""
        if props.retention_mode:
            retention = translate(
                "PropertiesPanel",
                "{retention_mode} until {retain_until}").format(
                retention_mode=props.retention_mode,
                retain_until=props.retain_until,
            )
        values = {
            "Storage class": props.storage_class,
            "Version ID": props.version_id or "",
            "Cache-Control": props.cache_control,
            "Content-Disposition": props.content_disposition,
            "Content-Encoding": props.content_encoding,
            "Content-Language": props.content_language,
            "SHA-256": props.sha256,
            "Checksums": checksums_text(props.checksums),
            "Retention": retention,
            "Legal hold": props.legal_hold,
            "Encryption": props.encryption,
            "Metadata": "\n".join(f"{k}: {v}" for k, v in sorted(props.metadata.items())),
            "Tags": "\n".join(f"{k} = {v}" for k, v in sorted(props.tags.items())),
        }
        for name, text in values.items():
            self._fields[name].setText(text)
            self._form.setRowVisible(self._fields[name], bool(text))
        self.edit_button.setEnabled(True)
        if self.lock is not None:
            self.show_lock(self.lock)
        self._body.refit()

    def show_lock(self, state: LockState) -> None:
        """What object lock holds now (read separately; outranks the stat's headers)."""
        if not state.enabled:
            return
        self.lock = state
        hold = (translate("PropertiesPanel", "on") if state.legal_hold
                else translate("PropertiesPanel", "off"))
        for name, text in (("Retention", retention_text(state.retention)), ("Legal hold", hold)):
            self._fields[name].setText(text)
            self._form.setRowVisible(self._fields[name], True)
        self.lock_button.show()
        self.lock_button.setEnabled(True)
        self._body.refit()

    def values(self) -> dict[str, str]:
        return {name: label.text() for name, label in self._fields.items()
                if name in BASIC_FIELDS or label.text()}
