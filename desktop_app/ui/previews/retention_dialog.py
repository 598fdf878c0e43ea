"""The dialog that changes one object's retention and legal hold (buckets with object lock).

Only collects and checks input; `object_lock.ObjectLockControl` sends it on the browse pool.
A compliance retention in force can only be extended: the choices that would shorten,
remove or weaken it are disabled, and a shorter date is refused here with the reason
(`core.buckets.retention_refusal`), before anything is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, Qt, QTimeZone
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.buckets import COMPLIANCE, GOVERNANCE, Retention, retention_refusal
from desktop_app.ui.shell.i18n import translate

MODES = (
    (QT_TRANSLATE_NOOP("RetentionDialog", "No retention"), ""),
    (QT_TRANSLATE_NOOP("RetentionDialog", "Governance"), GOVERNANCE),
    (QT_TRANSLATE_NOOP("RetentionDialog", "Compliance"), COMPLIANCE),
)


@dataclass(frozen=True, slots=True)
class LockState:
    """What object lock holds for an object; `enabled` False: the bucket has no lock."""

    enabled: bool
    retention: Retention | None = None
    legal_hold: bool = False


@dataclass(frozen=True, slots=True)
class LockChange:
    """What the dialog asks to change; `legal_hold` None and `set_retention` False keep."""

    legal_hold: bool | None = None
    set_retention: bool = False
    retention: Retention | None = None  # None with set_retention: remove it
    bypass_governance: bool = False

    @property
    def changes_anything(self) -> bool:
        return self.legal_hold is not None or self.set_retention


def retention_text(retention: Retention | None, now: datetime | None = None) -> str:
    if retention is None:
        return translate("RetentionDialog", "none")
    text = translate(
        "RetentionDialog",
        "{mode} until {until:%Y-%m-%d %H:%M} UTC").format(
        mode=translate("RetentionDialog", retention.mode.capitalize()),
        until=retention.until,
    )
    return text if retention.in_force(now) else translate(
        "RetentionDialog", "{text} (ended)").format(text=text)


def _utc(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


def _qt(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.utc())


def _note_label(parent: QWidget, name: str, style: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class RetentionDialog(QDialog):
    def __init__(self, key: str, state: LockState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retentionDialog")
        self.setWindowTitle(translate(
            "RetentionDialog",
            "Retention and legal hold of {name}").format(name=key.rsplit('/', 1)[-1]))
        self.setMinimumWidth(500)
        self._state = state
        self.change: LockChange | None = None
        current = state.retention

        self.legal_hold = QCheckBox(translate("RetentionDialog", "Legal hold on"), self)
        self.legal_hold.setObjectName("legalHold")
        self.legal_hold.setChecked(state.legal_hold)
        hold_note = _note_label(self, "legalHoldNote", "color:palette(mid);")
        hold_note.setText(translate(
            "RetentionDialog",
            "While on, this version cannot be deleted or overwritten, whatever its retention. It "
            "has no end date."))
        hold_box = QGroupBox(translate("RetentionDialog", "Legal hold"), self)
        hold_layout = QVBoxLayout(hold_box)
        hold_layout.addWidget(self.legal_hold)
        hold_layout.addWidget(hold_note)

        self.mode = QComboBox(self)
        self.mode.setObjectName("retentionMode")
        for label, mode in MODES:
            self.mode.addItem(translate("RetentionDialog", label), mode)
        self.mode.setCurrentIndex(self.mode.findData(current.mode if current else ""))
        self.until = QDateTimeEdit(self)
        self.until.setObjectName("retainUntil")
        self.until.setTimeZone(QTimeZone.utc())
        self.until.setDisplayFormat("yyyy-MM-dd HH:mm:ss 'UTC'")
        self.until.setCalendarPopup(True)
        default = current.until if current else datetime.now(UTC).replace(microsecond=0) \
            + timedelta(days=30)
        self.until.setDateTime(_qt(default))
        self.bypass = QCheckBox(translate(
            "RetentionDialog",
            "Bypass governance retention (your access key needs the right to do so)"), self)
        self.bypass.setObjectName("bypassGovernance")
        self.notice = _note_label(self, "retentionNotice", "color:palette(mid);")
        form = QFormLayout()
        form.addRow(translate("RetentionDialog", "Mode:"), self.mode)
        form.addRow(translate("RetentionDialog", "Retain until:"), self.until)
        ret_box = QGroupBox(translate("RetentionDialog", "Retention"), self)
        ret_layout = QVBoxLayout(ret_box)
        ret_layout.addLayout(form)
        ret_layout.addWidget(self.bypass)
        ret_layout.addWidget(self.notice)

        self.error = _note_label(self, "retentionError", "color:#b3261e;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel,
            self)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hold_box)
        layout.addWidget(ret_box)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self._compliance_lock()
        self.legal_hold.toggled.connect(self._refresh)
        self.mode.currentIndexChanged.connect(self._refresh)
        self.until.dateTimeChanged.connect(self._refresh)
        self._refresh()

    def _compliance_lock(self) -> None:
        """A compliance retention in force: only a later compliance date may be chosen."""
        current = self._state.retention
        if current is None or current.mode != COMPLIANCE or not current.in_force():
            self.notice.setText("")
            self.notice.hide()
            return
        model = self.mode.model()
        assert isinstance(model, QStandardItemModel)
        for mode in ("", GOVERNANCE):
            item = model.item(self.mode.findData(mode))
            item.setEnabled(False)
            item.setToolTip(translate(
                "RetentionDialog",
                "A compliance retention in force cannot be removed or weakened."))
        self.notice.setText(
            translate(
                "RetentionDialog",
                "This object is under compliance retention until {until:%Y-%m-%d %H:%M} UTC. "
                "Nobody can shorten or remove it, or switch it to governance mode; it can only "
                "be extended.").format(until=current.until))
        self.notice.show()

    def new_retention(self) -> Retention | None:
        mode = self.mode.currentData()
        if not mode:
            return None
        return Retention(mode=mode, until=_utc(self.until.dateTime()))

    @property
    def shortens_governance(self) -> bool:
        """The change lifts part of a governance retention in force: needs bypass."""
        current, new = self._state.retention, self.new_retention()
        if current is None or current.mode != GOVERNANCE or not current.in_force():
            return False
        return new is None or new.until < current.until

    def _refresh(self) -> None:
        self.until.setEnabled(bool(self.mode.currentData()))
        shortens = self.shortens_governance
        self.bypass.setVisible(shortens)
        if not shortens:
            self.bypass.setChecked(False)
        refusal = self.refusal()
        self.error.setText(translate(
            "RetentionDialog",
            "Cannot apply. {refusal}").format(refusal=refusal) if refusal else "")
        self.error.setVisible(bool(refusal))
        self.apply_button.setEnabled(not refusal and self.collect().changes_anything)

    def refusal(self) -> str:
        """Why the chosen retention cannot be applied, or "" (nothing is sent otherwise)."""
        current, new = self._state.retention, self.new_retention()
        if new is not None and new != current and not new.in_force():
            return translate("RetentionDialog", "The retain-until date must be in the future.")
        return retention_refusal(current, new)

    def collect(self) -> LockChange:
        hold = self.legal_hold.isChecked()
        new = self.new_retention()
        retention_changed = new != self._state.retention
        return LockChange(
            legal_hold=hold if hold != self._state.legal_hold else None,
            set_retention=retention_changed,
            retention=new,
            bypass_governance=retention_changed and self.bypass.isChecked(),
        )

    def accept(self) -> None:
        refusal = self.refusal()
        if refusal:
            self.error.setText(translate(
                "RetentionDialog", "Cannot apply. {refusal}").format(refusal=refusal))
            self.error.show()
            return
        self.change = self.collect()
        super().accept()
