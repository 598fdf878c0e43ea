"""Bucket properties, read-only for now: versioning, object lock, default encryption, tags
and lifecycle rules, each in words. A setting the server does not implement is shown greyed
out with the server's own answer, so the user sees what this server can do and what not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.bucket_settings import (
    SSE_KMS,
    VERSIONING_ENABLED,
    VERSIONING_SUSPENDED,
    BucketEncryption,
    LifecycleRule,
    ObjectLockConfig,
)
from desktop_app.core.errors import AppError, NotSupportedByServer
from desktop_app.core.keys_text import shown_key
from desktop_app.storage.protocol import BucketSettingsOps
from desktop_app.ui.buckets.new_bucket_dialog import NOTE_STYLE, fit_height, plain_label
from desktop_app.ui.shell.flows import run_browse
from desktop_app.ui.shell.tasks import TaskRunner

T = TypeVar("T")
TITLES = ("Versioning", "Object lock", "Encryption", "Tags", "Lifecycle")


@dataclass(frozen=True)
class Section:
    title: str
    text: str
    available: bool = True  # False: the server lacks it (or could not be asked)


def versioning_text(state: str) -> str:
    if state == VERSIONING_ENABLED:
        return "On: every change or delete keeps the previous version."
    if state == VERSIONING_SUSPENDED:
        return "Suspended: versions kept so far stay; new changes replace the current one."
    return "Off (never turned on)."


def object_lock_text(config: ObjectLockConfig) -> str:
    if not config.enabled:
        return "Off. Object lock can only be turned on when a bucket is created."
    if config.mode is None:
        return "On, with no default retention for new objects."
    span = (f"{config.years:,} year(s)" if config.years else f"{config.days or 0:,} day(s)")
    return f"On: new objects are kept under {config.mode.lower()} retention for {span}."


def encryption_text(encryption: BucketEncryption | None) -> str:
    if encryption is None:
        return "None: new objects are stored as they are sent."
    if encryption.algorithm == SSE_KMS:
        return f"SSE-KMS with the key “{encryption.kms_key_id or 'default'}”."
    return "SSE-S3: the server encrypts new objects with its own keys."


def tags_text(tags: dict[str, str]) -> str:
    if not tags:
        return "No tags."
    return "\n".join(f"{key} = {value}" for key, value in sorted(tags.items()))


def rule_text(index: int, rule: LifecycleRule) -> str:
    name = f"“{rule.id}”" if rule.id else f"Rule {index + 1}"
    scope = f"objects under “{shown_key(rule.prefix)}”" if rule.prefix else "the whole bucket"
    if rule.tags:
        scope += " tagged " + ", ".join(f"{k}={v}" for k, v in rule.tags)
    actions = []
    if rule.expire_days is not None:
        actions.append(f"expire after {rule.expire_days:,} day(s)")
    if rule.expire_date is not None:
        actions.append(f"expire on {rule.expire_date:%Y-%m-%d}")
    if rule.noncurrent_days is not None:
        actions.append(f"remove older versions after {rule.noncurrent_days:,} day(s)")
    if rule.noncurrent_keep is not None:
        actions.append(f"keep the newest {rule.noncurrent_keep:,} older version(s)")
    if rule.expired_delete_markers:
        actions.append("remove lone delete markers")
    if rule.abort_uploads_days is not None:
        actions.append(f"abort unfinished uploads after {rule.abort_uploads_days:,} day(s)")
    state = "" if rule.enabled else " (disabled)"
    return f"{name}{state}: {scope}: {', '.join(actions) or 'no action'}."


def lifecycle_text(rules: tuple[LifecycleRule, ...]) -> str:
    if not rules:
        return "No rules."
    return "\n".join(rule_text(i, rule) for i, rule in enumerate(rules))


async def _section(runner: TaskRunner, title: str, read: Callable[[str], T], bucket: str,
                   describe: Callable[[T], str]) -> Section:
    try:
        value = await run_browse(runner, read, bucket)
    except NotSupportedByServer as err:
        return Section(title, f"Not supported by this server: {err.user_text()}", False)
    except AppError as err:
        return Section(title, f"Could not be read: {err.user_text()}", False)
    return Section(title, describe(value))


async def load_sections(runner: TaskRunner, ops: BucketSettingsOps,
                        bucket: str) -> list[Section]:
    """Each setting in turn (one failing does not hide the others)."""
    return [
        await _section(runner, "Versioning", ops.get_versioning, bucket, versioning_text),
        await _section(runner, "Object lock", ops.get_object_lock, bucket, object_lock_text),
        await _section(runner, "Encryption", ops.get_bucket_encryption, bucket,
                       encryption_text),
        await _section(runner, "Tags", ops.get_bucket_tags, bucket, tags_text),
        await _section(runner, "Lifecycle", ops.get_lifecycle, bucket, lifecycle_text),
    ]


class BucketPropertiesDialog(QDialog):
    def __init__(self, bucket: str, connection: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bucketPropertiesDialog")
        self.setWindowTitle(f"Properties of {bucket}")
        self.setMinimumWidth(500)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for title in TITLES:
            label = plain_label(self, f"bucketProperty{title.replace(' ', '')}", "Reading…")
            self.values[title] = label
            form.addRow(f"{title}:", label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self, "bucketPropertiesTarget",
                                     f"The bucket “{bucket}” on {connection}."))
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_height(self)

    def set_sections(self, sections: list[Section]) -> None:
        for section in sections:
            label = self.values[section.title]
            label.setText(section.text)
            label.setStyleSheet("" if section.available else NOTE_STYLE)
        fit_height(self)
