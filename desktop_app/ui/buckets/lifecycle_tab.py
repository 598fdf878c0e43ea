"""The Lifecycle tab: the bucket's lifecycle rules in a list, each enabled or disabled with
its checkbox, added, edited or removed with the rule editor, and the XML document that Apply
will send shown read-only below, so the user sees exactly what the server gets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.bucket_settings import LifecycleRule, lifecycle_problems
from desktop_app.core.keys_text import shown_key
from desktop_app.storage.protocol import BucketSettingsOps
from desktop_app.ui.buckets.lifecycle_rule_dialog import LifecycleRuleDialog
from desktop_app.ui.buckets.settings_tab_base import SettingTabBase
from desktop_app.ui.shell.i18n import translate

EXPLANATION = (QT_TRANSLATE_NOOP(
    "LifecycleTab", "Lifecycle rules let the server delete objects, old versions, leftover delete "
    "markers and unfinished uploads by itself once they reach a given age. A rule "
    "acts on the objects it applies to, within a day or so of them becoming due."))
NO_RULES_XML = QT_TRANSLATE_NOOP("LifecycleTab", "No rules: Apply removes the bucket's lifecycle "
                                                 "configuration.")
INVALID_XML = QT_TRANSLATE_NOOP("LifecycleTab", "The XML is shown once every rule is valid.")
COLUMNS = (
    QT_TRANSLATE_NOOP("LifecycleTab", "On"),
    QT_TRANSLATE_NOOP("LifecycleTab", "ID"),
    QT_TRANSLATE_NOOP("LifecycleTab", "Applies to"),
    QT_TRANSLATE_NOOP("LifecycleTab", "Does"))


def scope_text(rule: LifecycleRule) -> str:
    scope = translate(
        "LifecycleTab",
        "under “{prefix}”").format(prefix=shown_key(rule.prefix)) if rule.prefix else translate(
        "LifecycleTab", "whole bucket")
    if rule.tags:
        scope += translate(
            "LifecycleTab", ", tagged ") + ", ".join(f"{key}={value}" for key, value in rule.tags)
    return scope


def actions_text(rule: LifecycleRule) -> str:
    actions = []
    if rule.expire_days is not None:
        actions.append(translate(
            "LifecycleTab",
            "expire after {expire_days:,} days").format(expire_days=rule.expire_days))
    if rule.expire_date is not None:
        actions.append(translate(
            "LifecycleTab",
            "expire on {expire_date:%Y-%m-%d}").format(expire_date=rule.expire_date))
    if rule.noncurrent_days is not None:
        keep = (translate(
            "LifecycleTab",
            ", keep newest {noncurrent_keep}").format(noncurrent_keep=rule.noncurrent_keep)
                if rule.noncurrent_keep is not None else "")
        actions.append(translate(
            "LifecycleTab",
            "noncurrent versions after {noncurrent_days:,} days{keep}").format(
            noncurrent_days=rule.noncurrent_days,
            keep=keep,
        ))
    if rule.expired_delete_markers:
        actions.append(translate("LifecycleTab", "remove expired delete markers"))
    if rule.abort_uploads_days is not None:
        actions.append(translate(
            "LifecycleTab",
            "abort uploads after {abort_uploads_days:,} days").format(
            abort_uploads_days=rule.abort_uploads_days,
        ))
    actions.extend(translate(
        "LifecycleTab",
        "{other} (not editable here)").format(other=other) for other in rule.other_actions)
    return "; ".join(actions) or "nothing"


class LifecycleTab(SettingTabBase):
    title = QT_TRANSLATE_NOOP("BucketTabs", "Lifecycle")
    what = QT_TRANSLATE_NOOP("BucketTabs", "lifecycle configuration")

    def __init__(self, ops: BucketSettingsOps, bucket: str, parent: QWidget | None = None,
                 ) -> None:
        super().__init__(bucket, translate("LifecycleTab", EXPLANATION), parent)
        self.setObjectName("bucketLifecycleTab")
        self.ops = ops
        self.rules: list[LifecycleRule] = []
        self.editor: LifecycleRuleDialog | None = None
        self.table = QTableWidget(0, len(COLUMNS), self.body)
        self.table.setObjectName("lifecycleRules")
        self.table.setHorizontalHeaderLabels([translate("LifecycleTab", c) for c in COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemChanged.connect(self._enabled_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda *_: self.edit_selected())
        self.add_button = self._button("lifecycleAdd", translate(
            "LifecycleTab", "Add rule…"), self.add_rule)
        self.edit_button = self._button("lifecycleEdit", translate(
            "LifecycleTab", "Edit…"), self.edit_selected)
        self.remove_button = self._button("lifecycleRemove", translate(
            "LifecycleTab", "Remove"), self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.xml = QPlainTextEdit(self.body)
        self.xml.setObjectName("lifecycleXml")
        self.xml.setReadOnly(True)
        self.xml.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.xml.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(translate(
            "LifecycleTab", "What Apply will send (XML, read-only):"), self.body))
        layout.addWidget(self.xml, 3)
        self._selection_changed()

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self.body)
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        return button

    # -- the list ------------------------------------------------------------------------
    def _fill_table(self) -> None:
        blocked = self.table.blockSignals(True)
        try:
            self.table.setRowCount(0)
            for row, rule in enumerate(self.rules):
                self.table.insertRow(row)
                on = QTableWidgetItem()
                on.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                            | Qt.ItemFlag.ItemIsUserCheckable)
                on.setCheckState(Qt.CheckState.Checked if rule.enabled
                                 else Qt.CheckState.Unchecked)
                on.setToolTip(translate(
                    "LifecycleTab", "Untick to keep the rule without it acting."))
                self.table.setItem(row, 0, on)
                for column, text in enumerate(
                        (rule.id or translate(
                            "LifecycleTab",
                            "(rule {value})").format(value=row + 1), scope_text(rule),
                         actions_text(rule)), start=1):
                    item = QTableWidgetItem(text)
                    item.setToolTip(text)
                    self.table.setItem(row, column, item)
        finally:
            self.table.blockSignals(blocked)
        self.table.resizeRowsToContents()
        self._selection_changed()

    def _enabled_changed(self, item: QTableWidgetItem) -> None:
        row = item.row()
        if item.column() != 0 or not 0 <= row < len(self.rules):
            return
        enabled = item.checkState() == Qt.CheckState.Checked
        if self.rules[row].enabled != enabled:
            self.rules[row] = replace(self.rules[row], enabled=enabled)
            self._edited()

    def _selected_row(self) -> int | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return min(rows) if rows else None

    def _selection_changed(self) -> None:
        selected = self._selected_row() is not None
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)

    def add_rule(self) -> None:
        self._open_editor(None)

    def edit_selected(self) -> None:
        row = self._selected_row()
        if row is not None:
            self._open_editor(row)

    def remove_selected(self) -> None:
        row = self._selected_row()
        if row is not None:
            del self.rules[row]
            self._fill_table()
            self._edited()

    def _open_editor(self, row: int | None) -> None:
        others = [rule for index, rule in enumerate(self.rules) if index != row]
        editor = LifecycleRuleDialog(None if row is None else self.rules[row], others, self)
        self.editor = editor

        def accepted() -> None:
            rule = editor.rule()
            if row is None:
                self.rules.append(rule)
            else:
                self.rules[row] = rule
            self._fill_table()
            self.table.selectRow(len(self.rules) - 1 if row is None else row)
            self._edited()

        editor.accepted.connect(accepted)
        editor.finished.connect(editor.deleteLater)
        editor.open()

    # -- SettingTabBase ----------------------------------------------------------------------
    def _read(self) -> tuple[LifecycleRule, ...]:
        return self.ops.get_lifecycle(self.bucket)

    def _show(self, value: tuple[LifecycleRule, ...]) -> None:
        self.rules = list(value)
        self._fill_table()

    def _state(self) -> tuple[LifecycleRule, ...]:
        return tuple(self.rules)

    def _problems(self) -> list[str]:
        problems = lifecycle_problems(self.rules)
        if not self.rules:
            self.xml.setPlainText(translate("LifecycleTab", NO_RULES_XML))
        elif problems:
            self.xml.setPlainText(translate("LifecycleTab", INVALID_XML))
        else:
            self.xml.setPlainText(self.ops.lifecycle_xml(tuple(self.rules)))
        return problems

    def _send(self, state: tuple[LifecycleRule, ...]) -> None:
        self.ops.set_lifecycle(self.bucket, state)
