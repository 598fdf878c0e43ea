"""The upload rules editor: one form for a connection's rules or one bucket's override.

Saving writes upload_rules.json through the task runner; unchecking "Check uploads against
rules" removes the rule set (for a bucket: its uploads follow the connection's rules again).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.categories import Category
from desktop_app.core.upload_rules import (
    FileFacts,
    Naming,
    OnDuplicate,
    UploadRules,
    target_key,
)
from desktop_app.ui.shell.i18n import translate

MB = 1024 * 1024
_EXAMPLE_SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def naming_labels() -> dict[Naming, str]:
    return {
        Naming.KEEP: translate("UploadRulesEditor", "Keep the name"),
        Naming.DATE: translate("UploadRulesEditor", "In a folder per day: {date}/{name}"),
        Naming.TIMESTAMP: translate("UploadRulesEditor", "Time first: {timestamp}_{name}"),
        Naming.UUID: translate("UploadRulesEditor", "Random: {uuid}{ext}"),
        Naming.SHA256: translate("UploadRulesEditor", "By content: {sha256}{ext}"),
    }


def duplicate_labels() -> dict[OnDuplicate, str]:
    return {
        OnDuplicate.UPLOAD: translate("UploadRulesEditor", "Upload anyway (no check)"),
        OnDuplicate.SKIP: translate("UploadRulesEditor", "Skip the file"),
        OnDuplicate.ASK: translate("UploadRulesEditor", "Ask before uploading"),
    }


class UploadRulesEditor(QDialog):
    """`rules` is the current set (None: no rules yet); `saved` carries the new set or None."""

    saved = Signal(object)

    def __init__(self, where: str, rules: UploadRules | None, inherited: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uploadRulesEditor")
        self.setWindowTitle(translate("UploadRulesEditor", "Upload rules"))
        start = rules or UploadRules()
        intro = QLabel(where, self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.enabled = QCheckBox(translate(
            "UploadRulesEditor", "Check uploads against these rules before sending"), self)
        self.enabled.setObjectName("rulesEnabled")
        self.enabled.setChecked(rules is not None and not inherited)
        self.form_box = QGroupBox(self)
        form = QFormLayout(self.form_box)
        self.max_size = QSpinBox(self.form_box)
        self.max_size.setObjectName("rulesMaxSize")
        self.max_size.setRange(0, 10_000_000)
        self.max_size.setSuffix(translate("UploadRulesEditor", " MB"))
        self.max_size.setSpecialValueText(translate("UploadRulesEditor", "No limit"))
        self.max_size.setValue((start.max_size + MB - 1) // MB)
        form.addRow(translate("UploadRulesEditor", "Largest file:"), self.max_size)
        kinds = QWidget(self.form_box)
        grid = QGridLayout(kinds)
        grid.setContentsMargins(0, 0, 0, 0)
        self.kind_boxes: dict[Category, QCheckBox] = {}
        for n, category in enumerate(Category):
            box = QCheckBox(translate("Categories", category.label), kinds)
            box.setObjectName(f"rulesKind{category.name}")
            box.setChecked(category.name in start.allowed)
            grid.addWidget(box, n // 3, n % 3)
            self.kind_boxes[category] = box
        form.addRow(translate("UploadRulesEditor", "Allowed kinds:"), kinds)
        self.types = QLineEdit(", ".join(a for a in start.allowed
                                         if a not in Category.__members__), self.form_box)
        self.types.setObjectName("rulesTypes")
        self.types.setPlaceholderText(translate(
            "UploadRulesEditor", "e.g. application/pdf, image/*"))
        form.addRow(translate("UploadRulesEditor", "Also these types:"), self.types)
        form.addRow(QLabel(translate(
            "UploadRulesEditor", "Kinds are judged by the content (first bytes), checked against "
            "the name; none ticked and no type allows every kind."),
                           self.form_box))
        self.disguised = QCheckBox(translate(
            "UploadRulesEditor", "Refuse programs named as another kind (a .pdf that is an "
            "executable)"), self.form_box)
        self.disguised.setObjectName("rulesRefuseDisguised")
        self.disguised.setChecked(start.refuse_disguised)
        form.addRow(self.disguised)
        self.naming = QComboBox(self.form_box)
        self.naming.setObjectName("rulesNaming")
        for scheme, label in naming_labels().items():
            self.naming.addItem(label, scheme)
        self.naming.setCurrentIndex(list(Naming).index(start.naming))
        form.addRow(translate("UploadRulesEditor", "Name of each file:"), self.naming)
        self.folders = QCheckBox(translate(
            "UploadRulesEditor", "Put each file in a folder for its kind (images/, documents/, "
            "…)"), self.form_box)
        self.folders.setObjectName("rulesCategoryFolders")
        self.folders.setChecked(start.category_folders)
        form.addRow(self.folders)
        self.duplicate = QComboBox(self.form_box)
        self.duplicate.setObjectName("rulesOnDuplicate")
        for choice, label in duplicate_labels().items():
            self.duplicate.addItem(label, choice)
        self.duplicate.setCurrentIndex(list(OnDuplicate).index(start.on_duplicate))
        form.addRow(translate("UploadRulesEditor", "Same content already there:"), self.duplicate)
        self.example = QLabel(self.form_box)
        self.example.setObjectName("rulesExample")
        self.example.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(translate("UploadRulesEditor", "Example:"), self.example)
        self.problem = QLabel(self)
        self.problem.setObjectName("rulesProblem")
        self.problem.setStyleSheet("color: palette(highlight);")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.enabled)
        layout.addWidget(self.form_box)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        for signal in (self.naming.currentIndexChanged, self.folders.toggled,
                       self.enabled.toggled):
            signal.connect(self._update)
        self._update()

    def rules(self) -> UploadRules | None:
        """The set the form describes, or None when rules are switched off."""
        if not self.enabled.isChecked():
            return None
        allowed = [c.name for c, box in self.kind_boxes.items() if box.isChecked()]
        allowed += [t.strip().lower() for t in self.types.text().split(",") if t.strip()]
        return UploadRules(
            max_size=self.max_size.value() * MB, allowed=tuple(allowed),
            refuse_disguised=self.disguised.isChecked(), naming=self.naming.currentData(),
            category_folders=self.folders.isChecked(), on_duplicate=self.duplicate.currentData())

    def _update(self) -> None:
        self.form_box.setEnabled(self.enabled.isChecked())
        rules = self.rules() or UploadRules()
        facts = FileFacts(0, b"%PDF-", "application/pdf", _EXAMPLE_SHA)
        key = target_key(rules, "", "report.pdf", facts, datetime.now(UTC),
                         lambda: "3f2b8c1e9d4a4f6b8e2a1c7d5b9e0f12")
        self.example.setText(f"report.pdf → {key.replace(_EXAMPLE_SHA, _EXAMPLE_SHA[:12] + '…')}")

    def _save(self) -> None:
        wrong = [t.strip() for t in self.types.text().split(",")
                 if t.strip() and "/" not in t.strip()]
        if wrong and self.enabled.isChecked():
            self.problem.setText(translate(
                "UploadRulesEditor", "“{entry}” is not a type: write types like application/pdf or "
                "image/*, or tick a kind above.").format(entry=wrong[0]))
            self.problem.show()
            return
        self.saved.emit(self.rules())
        self.accept()
