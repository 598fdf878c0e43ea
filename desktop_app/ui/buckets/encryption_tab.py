"""The Encryption tab: the default encryption of new objects (none, SSE-S3 or SSE-KMS with a
key id), with what each means and the warning that SSE-KMS needs a KMS on the server."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.bucket_settings import (
    SSE_KMS,
    SSE_S3,
    BucketEncryption,
    encryption_problems,
)
from desktop_app.storage.protocol import BucketSettingsOps
from desktop_app.ui.buckets.settings_tab_base import SettingTabBase
from desktop_app.ui.shell.i18n import translate

EXPLANATION = (QT_TRANSLATE_NOOP(
    "EncryptionTab", "The default encryption applies to objects uploaded from now on; objects "
    "already stored keep the encryption they were stored with."))
NONE_NOTE = QT_TRANSLATE_NOOP(
    "EncryptionTab", "New objects are stored as they are sent, unless an upload asks for "
                     "encryption.")
SSE_S3_NOTE = QT_TRANSLATE_NOOP(
    "EncryptionTab", "The server encrypts new objects with keys it creates and keeps itself.")
KMS_NOTE = (QT_TRANSLATE_NOOP(
    "EncryptionTab", "The server encrypts new objects with the named key of its key management "
    "service (KMS). The server must have a KMS configured with that key: otherwise "
    "it may accept this setting and then refuse every upload to the bucket."))

State = tuple[str, str]  # (algorithm or "", key id)


class EncryptionTab(SettingTabBase):
    title = QT_TRANSLATE_NOOP("BucketTabs", "Encryption")
    what = QT_TRANSLATE_NOOP("BucketTabs", "default encryption")

    def __init__(self, ops: BucketSettingsOps, bucket: str, parent: QWidget | None = None,
                 ) -> None:
        super().__init__(bucket, translate("EncryptionTab", EXPLANATION), parent)
        self.setObjectName("bucketEncryptionTab")
        self.ops = ops
        self.choices = QButtonGroup(self)
        self._notes: list[tuple[QRadioButton, QWidget]] = []
        self.none = self._choice("bucketEncryptionNone", translate(
            "EncryptionTab", "None"), translate("EncryptionTab", NONE_NOTE))
        self.sse_s3 = self._choice("bucketEncryptionSseS3", translate(
            "EncryptionTab", "SSE-S3 (keys managed by the server)"),
            translate("EncryptionTab", SSE_S3_NOTE))
        self.sse_kms = self._choice("bucketEncryptionSseKms", translate(
            "EncryptionTab", "SSE-KMS (a key of the server's KMS)"),
            translate("EncryptionTab", KMS_NOTE))
        self.key_id = QLineEdit(self.body)
        self.key_id.setObjectName("bucketEncryptionKeyId")
        self.key_id.setPlaceholderText(translate(
            "EncryptionTab", "the key's id or ARN in the server's KMS"))
        self.key_id.textChanged.connect(self._edited)
        key_row = QFormLayout()
        key_row.setContentsMargins(24, 0, 0, 0)
        key_row.addRow(translate("EncryptionTab", "KMS key id:"), self.key_id)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        for button, note in self._notes:
            layout.addWidget(button)
            layout.addWidget(note)
        layout.addLayout(key_row)
        layout.addStretch(1)
        self.none.setChecked(True)
        self.choices.buttonToggled.connect(self._toggled)
        self._toggled()

    def _choice(self, name: str, text: str, note: str) -> QRadioButton:
        button = QRadioButton(text, self.body)
        button.setObjectName(name)
        self.choices.addButton(button)
        label = self.note(self.body, f"{name}Note", note)
        label.setContentsMargins(24, 0, 0, 0)
        self._notes.append((button, label))
        return button

    def _toggled(self, *_: object) -> None:
        self.key_id.setEnabled(self.sse_kms.isChecked())
        self._edited()

    def _read(self) -> BucketEncryption | None:
        return self.ops.get_bucket_encryption(self.bucket)

    def _show(self, value: BucketEncryption | None) -> None:
        if value is None:
            self.none.setChecked(True)
            self.key_id.setText("")
        elif value.algorithm == SSE_KMS:
            self.sse_kms.setChecked(True)
            self.key_id.setText(value.kms_key_id)
        else:
            self.sse_s3.setChecked(True)
            self.key_id.setText("")
        self.key_id.setEnabled(self.sse_kms.isChecked())

    def _state(self) -> State:
        if self.sse_kms.isChecked():
            return (SSE_KMS, self.key_id.text())
        return (SSE_S3, "") if self.sse_s3.isChecked() else ("", "")

    def _problems(self) -> list[str]:
        algorithm, key = self._state()
        return encryption_problems(BucketEncryption(algorithm, key)) if algorithm else []

    def _send(self, state: State) -> None:
        algorithm, key = state
        self.ops.set_bucket_encryption(
            self.bucket, BucketEncryption(algorithm, key) if algorithm else None)
