"""The Object lock tab: the default retention new objects get (governance or compliance, for
days or years, or none), each mode explained. A bucket created without object lock shows why
it cannot have one, with the controls disabled."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.bucket_settings import (
    COMPLIANCE,
    GOVERNANCE,
    MAX_RETENTION_DAYS,
    ObjectLockConfig,
    object_lock_not_enabled,
    retention_problems,
)
from desktop_app.storage.protocol import BucketSettingsOps
from desktop_app.ui.buckets.settings_tab_base import SettingTabBase
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

EXPLANATION = (QT_TRANSLATE_NOOP(
    "LockTab", "Object lock keeps object versions from being deleted or overwritten until "
    "their retention ends. The default retention below is given to every new "
    "object version; objects already stored keep their own."))
NONE_NOTE = QT_TRANSLATE_NOOP(
    "LockTab", "New objects get no retention unless an upload asks for one.")
GOVERNANCE_NOTE = (QT_TRANSLATE_NOOP(
    "LockTab", "Governance: nobody can delete a kept version, except users with the "
    "special permission to bypass governance retention."))
COMPLIANCE_NOTE = (QT_TRANSLATE_NOOP(
    "LockTab", "Compliance: nobody can delete a kept version or shorten its retention "
    "until it ends, not even the account's administrator. Choose it with care."))
DAYS, YEARS = "days", "years"

State = tuple[str | None, int | None, int | None]  # mode, days, years


class ObjectLockTab(SettingTabBase):
    title = QT_TRANSLATE_NOOP("BucketTabs", "Object lock")
    what = QT_TRANSLATE_NOOP("BucketTabs", "default retention")

    def __init__(self, ops: BucketSettingsOps, bucket: str, parent: QWidget | None = None,
                 ) -> None:
        super().__init__(bucket, translate("LockTab", EXPLANATION), parent)
        self.setObjectName("bucketObjectLockTab")
        self.ops = ops
        self.choices = QButtonGroup(self)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.none = self._choice(layout, "bucketLockNone", translate(
            "ObjectLockTab", "No default retention"), translate("LockTab", NONE_NOTE))
        self.governance = self._choice(layout, "bucketLockGovernance", translate(
            "ObjectLockTab", "Governance"),
                                       translate("LockTab", GOVERNANCE_NOTE))
        self.compliance = self._choice(layout, "bucketLockCompliance", translate(
            "ObjectLockTab", "Compliance"),
                                       translate("LockTab", COMPLIANCE_NOTE))
        self.period = QSpinBox(self.body)
        self.period.setObjectName("bucketLockPeriod")
        self.period.setRange(1, MAX_RETENTION_DAYS)
        self.period.setValue(30)
        self.unit = QComboBox(self.body)
        self.unit.setObjectName("bucketLockUnit")
        self.unit.addItems([DAYS, YEARS])
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("ObjectLockTab", "Keep new objects for"), self.body))
        row.addWidget(self.period)
        row.addWidget(self.unit)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.none.setChecked(True)
        self.choices.buttonToggled.connect(self._toggled)
        self.period.valueChanged.connect(self._edited)
        self.unit.currentIndexChanged.connect(self._edited)
        self._toggled()

    def _choice(self, layout: QVBoxLayout, name: str, text: str, note: str) -> QRadioButton:
        button = QRadioButton(text, self.body)
        button.setObjectName(name)
        self.choices.addButton(button)
        label = self.note(self.body, f"{name}Note", note)
        label.setContentsMargins(24, 0, 0, 0)
        layout.addWidget(button)
        layout.addWidget(label)
        return button

    def _toggled(self, *_: object) -> None:
        has_period = not self.none.isChecked()
        self.period.setEnabled(has_period)
        self.unit.setEnabled(has_period)
        self._edited()

    async def load(self, runner: TaskRunner) -> None:
        await super().load(runner)
        if self.available and not self._lock_enabled:
            self._unavailable(object_lock_not_enabled(self.bucket).user_text())

    _lock_enabled = False

    def _read(self) -> ObjectLockConfig:
        return self.ops.get_object_lock(self.bucket)

    def _show(self, value: ObjectLockConfig) -> None:
        self._lock_enabled = value.enabled
        if value.mode is None:
            self.none.setChecked(True)
        else:
            (self.compliance if value.mode == COMPLIANCE else self.governance).setChecked(True)
            self.period.setValue(value.years or value.days or 1)
            self.unit.setCurrentText(YEARS if value.years else DAYS)
        self._toggled()

    def _state(self) -> State:
        if self.none.isChecked():
            return (None, None, None)
        mode = COMPLIANCE if self.compliance.isChecked() else GOVERNANCE
        if self.unit.currentText() == YEARS:
            return (mode, None, self.period.value())
        return (mode, self.period.value(), None)

    def _problems(self) -> list[str]:
        return retention_problems(*self._state())

    def _send(self, state: State) -> None:
        self.ops.set_default_retention(self.bucket, *state)
