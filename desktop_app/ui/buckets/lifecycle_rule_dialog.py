"""The editor of one lifecycle rule: its id, which objects it applies to (prefix and tags) and
what it does to them, each action explained, checked against S3's rules while the user edits
(OK stays disabled while a problem remains, and the problem is named)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.bucket_settings import (
    MAX_KEEP_NEWEST,
    LifecycleRule,
    lifecycle_problems,
)
from desktop_app.ui.buckets.new_bucket_dialog import (
    ERROR_STYLE,
    NOTE_STYLE,
    fit_height,
    plain_label,
)
from desktop_app.ui.buckets.tags_tab import TagTable, duplicate_key_problems
from desktop_app.ui.shell.i18n import translate

MAX_DAYS = 100_000
FILTER_NOTE = (QT_TRANSLATE_NOOP(
    "LifecycleRuleDialog", "The rule applies to objects whose names start with the prefix and that "
                           "carry "
    "every tag listed; with neither, to the whole bucket."))
EXPIRE_NOTE = (QT_TRANSLATE_NOOP(
    "LifecycleRuleDialog", "Expiring deletes the current version of matching objects; in a "
                           "versioned "
    "bucket it leaves a delete marker and keeps the old version as noncurrent."))
NONCURRENT_NOTE = (QT_TRANSLATE_NOOP(
    "LifecycleRuleDialog", "In a versioned bucket, older (noncurrent) versions are removed the "
                           "given "
    "number of days after they were replaced, keeping the newest few if asked."))
MARKERS_NOTE = QT_TRANSLATE_NOOP(
    "LifecycleRuleDialog", "Removes delete markers that no longer hide any version.")
ABORT_NOTE = (QT_TRANSLATE_NOOP(
    "LifecycleRuleDialog", "Aborts multipart uploads that were started but never finished, freeing "
                           "the "
    "space their parts take."))


class _DaysOption:
    """A checkbox with a number next to it: the number counts only while ticked."""

    def __init__(self, parent: QWidget, name: str, text: str, unit: str, maximum: int,
                 ) -> None:
        self.check = QCheckBox(text, parent)
        self.check.setObjectName(f"{name}Check")
        self.spin = QSpinBox(parent)
        self.spin.setObjectName(f"{name}Value")
        self.spin.setRange(1, maximum)
        self.spin.setEnabled(False)
        self.unit = QLabel(unit, parent)
        self.check.toggled.connect(self.spin.setEnabled)

    def row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.check)
        row.addWidget(self.spin)
        row.addWidget(self.unit)
        row.addStretch(1)
        return row

    def value(self) -> int | None:
        return self.spin.value() if self.check.isChecked() else None

    def set_value(self, value: int | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.spin.setValue(value)


class LifecycleRuleDialog(QDialog):
    """Edit `rule` (a new one when None); `others` are the bucket's other rules, so a
    duplicate id is caught here. `rule()` gives the edited rule after OK."""

    def __init__(self, rule: LifecycleRule | None, others: Sequence[LifecycleRule] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lifecycleRuleDialog")
        self.setWindowTitle(translate(
            "LifecycleRuleDialog", "Edit lifecycle rule") if rule else translate(
            "LifecycleRuleDialog", "New lifecycle rule"))
        self.setMinimumWidth(560)
        self._others = tuple(others)
        self._original = rule or LifecycleRule()
        self.rule_id = QLineEdit(self)
        self.rule_id.setObjectName("lifecycleRuleId")
        self.rule_id.setPlaceholderText(translate(
            "LifecycleRuleDialog", "a name for the rule (optional)"))
        self.enabled = QCheckBox(translate(
            "LifecycleRuleDialog", "Enabled (a disabled rule is kept but does nothing)"), self)
        self.enabled.setObjectName("lifecycleRuleEnabled")
        self.prefix = QLineEdit(self)
        self.prefix.setObjectName("lifecycleRulePrefix")
        self.prefix.setPlaceholderText(translate(
            "LifecycleRuleDialog", "for example logs/ (empty: every object)"))
        scope = QGroupBox(translate("LifecycleRuleDialog", "Applies to"), self)
        self.tags = TagTable("lifecycleRuleTags", self._check, scope)
        self.tags.table.setMinimumHeight(90)
        self.tags.table.setMaximumHeight(130)
        scope_form = QFormLayout(scope)
        scope_form.addRow(plain_label(scope, "lifecycleFilterNote",
                                      translate("LifecycleRuleDialog", FILTER_NOTE), NOTE_STYLE))
        scope_form.addRow(translate("LifecycleRuleDialog", "Prefix:"), self.prefix)
        scope_form.addRow(translate("LifecycleRuleDialog", "Tags:"), self.tags)

        actions = QGroupBox(translate("LifecycleRuleDialog", "Actions"), self)
        self.expire_days = _DaysOption(actions, "lifecycleExpireDays",
                                       translate(
                                           "LifecycleRuleDialog",
                                           "Expire current versions after"), "days", MAX_DAYS)
        self.expire_on = QCheckBox(translate(
            "LifecycleRuleDialog", "Expire current versions on"), actions)
        self.expire_on.setObjectName("lifecycleExpireDateCheck")
        self.expire_date = QDateEdit(actions)
        self.expire_date.setObjectName("lifecycleExpireDateValue")
        self.expire_date.setCalendarPopup(True)
        self.expire_date.setDisplayFormat("yyyy-MM-dd")
        self.expire_date.setDate(QDate.currentDate().addYears(1))
        self.expire_date.setEnabled(False)
        self.expire_on.toggled.connect(self.expire_date.setEnabled)
        self.noncurrent_days = _DaysOption(actions, "lifecycleNoncurrentDays",
                                           translate(
                                               "LifecycleRuleDialog",
                                               "Remove noncurrent versions after"), "days",
                                           MAX_DAYS)
        self.noncurrent_keep = _DaysOption(actions, "lifecycleNoncurrentKeep",
                                           translate(
                                               "LifecycleRuleDialog",
                                               "but keep the newest"), "versions", MAX_KEEP_NEWEST)
        self.markers = QCheckBox(translate(
            "LifecycleRuleDialog", "Remove expired delete markers"), actions)
        self.markers.setObjectName("lifecycleDeleteMarkers")
        self.abort_days = _DaysOption(actions, "lifecycleAbortDays",
                                      translate(
                                          "LifecycleRuleDialog",
                                          "Abort unfinished uploads after"), "days", MAX_DAYS)
        date_row = QHBoxLayout()
        date_row.addWidget(self.expire_on)
        date_row.addWidget(self.expire_date)
        date_row.addStretch(1)
        act = QVBoxLayout(actions)
        for item in (self.expire_days.row(), date_row,
                     translate("LifecycleRuleDialog", EXPIRE_NOTE),
                     self.noncurrent_days.row(), self.noncurrent_keep.row(),
                     translate("LifecycleRuleDialog", NONCURRENT_NOTE),
                     self.markers, translate("LifecycleRuleDialog", MARKERS_NOTE),
                     self.abort_days.row(), translate("LifecycleRuleDialog", ABORT_NOTE)):
            if isinstance(item, str):
                note = plain_label(actions, "", item, NOTE_STYLE)
                note.setContentsMargins(24, 0, 0, 4)
                act.addWidget(note)
            elif isinstance(item, QHBoxLayout):
                act.addLayout(item)
            else:
                act.addWidget(item)

        self.problems = plain_label(self, "lifecycleRuleProblems", style=ERROR_STYLE)
        self.problems.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(translate("LifecycleRuleDialog", "ID:"), self.rule_id)
        form.addRow("", self.enabled)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scope)
        layout.addWidget(actions)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self._fill(self._original)
        for check in (self.expire_days.check, self.expire_on, self.noncurrent_days.check,
                      self.noncurrent_keep.check, self.markers, self.abort_days.check,
                      self.enabled):
            check.toggled.connect(self._check)
        for spin in (self.expire_days.spin, self.noncurrent_days.spin,
                     self.noncurrent_keep.spin, self.abort_days.spin):
            spin.valueChanged.connect(self._check)
        self.rule_id.textChanged.connect(self._check)
        self.prefix.textChanged.connect(self._check)
        self.expire_date.dateChanged.connect(self._check)
        self._check()
        fit_height(self)

    def _fill(self, rule: LifecycleRule) -> None:
        self.rule_id.setText(rule.id)
        self.enabled.setChecked(rule.enabled)
        self.prefix.setText(rule.prefix)
        self.tags.set_pairs(rule.tags)
        self.expire_days.set_value(rule.expire_days)
        self.expire_on.setChecked(rule.expire_date is not None)
        if rule.expire_date is not None:
            when = rule.expire_date
            self.expire_date.setDate(QDate(when.year, when.month, when.day))
        self.noncurrent_days.set_value(rule.noncurrent_days)
        self.noncurrent_keep.set_value(rule.noncurrent_keep)
        self.markers.setChecked(rule.expired_delete_markers)
        self.abort_days.set_value(rule.abort_uploads_days)

    def rule(self) -> LifecycleRule:
        """The rule as the controls say (what the server knows but the app cannot edit,
        such as transitions, stays attached, so saving it is refused rather than lost)."""
        when = self.expire_date.date()
        return LifecycleRule(
            id=self.rule_id.text(),
            enabled=self.enabled.isChecked(),
            prefix=self.prefix.text(),
            tags=self.tags.pairs(),
            expire_days=self.expire_days.value(),
            expire_date=(date(when.year(), when.month(), when.day())
                         if self.expire_on.isChecked() else None),
            noncurrent_days=self.noncurrent_days.value(),
            noncurrent_keep=self.noncurrent_keep.value(),
            expired_delete_markers=self.markers.isChecked(),
            abort_uploads_days=self.abort_days.value(),
            other_actions=self._original.other_actions,
        )

    def problem_list(self) -> list[str]:
        rule = self.rule()
        problems = duplicate_key_problems(rule.tags, translate("LifecycleRuleDialog", "Tag filter"))
        name = (translate(
            "LifecycleRuleDialog",
            "Rule “{id}”").format(
            id=rule.id,
        ) if rule.id else translate(
            "LifecycleRuleDialog", "Rule {value}").format(value=len(self._others) + 1)) + ": "
        for problem in lifecycle_problems((*self._others, rule)):
            if problem.startswith(name):  # about this rule, not the bucket's others
                text = problem.removeprefix(name)
                problems.append(text[:1].upper() + text[1:])
        return problems

    def _check(self, *_: object) -> None:
        problems = self.problem_list()
        self.problems.setText("\n".join(problems))
        shown = bool(problems)
        if shown != self.problems.isVisibleTo(self):
            self.problems.setVisible(shown)
            fit_height(self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problems)
        ok.setToolTip(problems[0] if problems else "")

