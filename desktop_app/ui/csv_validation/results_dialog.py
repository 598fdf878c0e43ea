"""The result of validating one CSV: counts, the columns with their checks, the first errors
by line, and the two ways out: export every error, or keep these checks for the folder."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.csv_checks import ColumnKind, ColumnRule, CsvSchema
from desktop_app.core.csv_validate import KIND_LABELS, CsvReport
from desktop_app.core.humanize import human_size
from desktop_app.ui.shell.i18n import translate

_DELIMITERS = {",": QT_TRANSLATE_NOOP("CsvResultsDialog", "comma"),
               ";": QT_TRANSLATE_NOOP("CsvResultsDialog", "semicolon"),
               "\t": QT_TRANSLATE_NOOP("CsvResultsDialog", "tab"),
               "|": QT_TRANSLATE_NOOP("CsvResultsDialog", "bar")}
# The core's problem labels (csv_validate.KIND_LABELS) and column kinds (csv_checks.ColumnKind),
# plain English there, for the translator.
_PROBLEMS = (
    QT_TRANSLATE_NOOP("CsvProblems", "Wrong number of fields"),
    QT_TRANSLATE_NOOP("CsvProblems", "Quote never closed"),
    QT_TRANSLATE_NOOP("CsvProblems", "Stray quote"),
    QT_TRANSLATE_NOOP("CsvProblems", "Text after a closing quote"),
    QT_TRANSLATE_NOOP("CsvProblems", "Undecodable bytes"),
    QT_TRANSLATE_NOOP("CsvProblems", "Line too long"),
    QT_TRANSLATE_NOOP("CsvProblems", "Required value missing"),
    QT_TRANSLATE_NOOP("CsvProblems", "Not a whole number"),
    QT_TRANSLATE_NOOP("CsvProblems", "Not a number"),
    QT_TRANSLATE_NOOP("CsvProblems", "Not a date"),
    QT_TRANSLATE_NOOP("CsvProblems", "Not an e-mail address"),
    QT_TRANSLATE_NOOP("CsvProblems", "Not a phone number"),
)
_KINDS = (
    QT_TRANSLATE_NOOP("CsvColumnKinds", "text"),
    QT_TRANSLATE_NOOP("CsvColumnKinds", "integer"),
    QT_TRANSLATE_NOOP("CsvColumnKinds", "decimal"),
    QT_TRANSLATE_NOOP("CsvColumnKinds", "date"),
    QT_TRANSLATE_NOOP("CsvColumnKinds", "email"),
    QT_TRANSLATE_NOOP("CsvColumnKinds", "phone"),
)


def problem_label(kind: str) -> str:
    """The label of a kind of problem in the language shown."""
    return translate("CsvProblems", KIND_LABELS.get(kind, kind))


def summary_text(report: CsvReport) -> str:
    """One line: rows × columns, errors, how the file was read."""
    if report.fatal:
        return report.fatal
    errors = report.total_errors
    verdict = translate("CsvResultsDialog", "no problems found") if not errors else (
        translate("CsvResultsDialog", "1 problem") if errors == 1 else translate(
            "CsvResultsDialog", "{count} problems").format(count=f"{errors:,}"))
    text = translate("CsvResultsDialog", "{rows} rows × {columns} columns, {verdict}").format(
        rows=f"{report.rows:,}", columns=len(report.header), verdict=verdict)
    if not report.complete:
        text += translate(
            "CsvResultsDialog", " (stopped before the end: the counts cover what was read)")
    return text


class CsvResultsDialog(QDialog):
    """The Type and Required of each column can be changed here: "Check again" validates with
    those choices, "Save as schema" keeps them for the folder."""

    export_requested = Signal()
    save_schema_requested = Signal()
    check_again_requested = Signal()

    def __init__(self, name: str, place: str, report: CsvReport,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvResultsDialog")
        self.setWindowTitle(translate("CsvResultsDialog", "Validation of {name}").format(name=name))
        self.resize(760, 560)
        self.report = report
        headline = QLabel(summary_text(report), self)
        headline.setObjectName("csvSummary")
        headline.setTextFormat(Qt.TextFormat.PlainText)
        headline.setWordWrap(True)
        font = headline.font()
        font.setBold(True)
        headline.setFont(font)
        named = _DELIMITERS.get(report.delimiter)
        delimiter = translate("CsvResultsDialog", named) if named else repr(report.delimiter)
        details = QLabel(translate(
            "CsvResultsDialog", "{size} read · {lines} lines · {encoding} · separated by "
            "{delimiter}").format(size=human_size(report.bytes_read), lines=f"{report.lines:,}",
                                  encoding=report.encoding, delimiter=delimiter), self)
        details.setTextFormat(Qt.TextFormat.PlainText)
        self.counts = QLabel(self._counts_text(), self)
        self.counts.setObjectName("csvErrorCounts")
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setWordWrap(True)
        self.columns = self._columns_table()
        self.columns.setAccessibleName(translate("CsvResultsDialog", "Columns and their checks"))
        self.errors = self._errors_table()
        self.errors.setAccessibleName(translate("CsvResultsDialog", "Errors by line"))
        self.export_button = QPushButton(translate("CsvResultsDialog", "Export all errors…"), self)
        self.export_button.setObjectName("csvExportErrors")
        self.export_button.setEnabled(report.total_errors > 0)
        self.export_button.clicked.connect(self.export_requested)
        self.schema_button = QPushButton(translate(
            "CsvResultsDialog", "Save as schema for this folder…"), self)
        self.schema_button.setObjectName("csvSaveSchema")
        self.schema_button.setToolTip(translate(
            "CsvResultsDialog", "CSV files uploaded to {place} are then checked with these "
            "columns").format(place=place))
        self.schema_button.setEnabled(bool(report.columns))
        self.schema_button.clicked.connect(self.save_schema_requested)
        self.again_button = QPushButton(translate("CsvResultsDialog", "Check again"), self)
        self.again_button.setObjectName("csvCheckAgain")
        self.again_button.setToolTip(translate(
            "CsvResultsDialog", "Validate the file again with the types and required columns "
            "chosen above"))
        self.again_button.setEnabled(bool(report.columns))
        self.again_button.clicked.connect(self.check_again_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.schema_button)
        row.addWidget(self.again_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(details)
        layout.addWidget(self.counts)
        layout.addWidget(QLabel(translate(
            "CsvResultsDialog", "Columns (choose a type or untick Required to change the "
            "checks)"), self))
        layout.addWidget(self.columns, 2)
        shown = len(report.first_errors)
        title = translate("CsvResultsDialog", "Errors") if shown == report.total_errors else (
            translate("CsvResultsDialog", "First {shown} of {total} errors").format(
                shown=shown, total=f"{report.total_errors:,}"))
        layout.addWidget(QLabel(title, self))
        layout.addWidget(self.errors, 3)
        layout.addLayout(row)

    def _counts_text(self) -> str:
        parts = [f"{problem_label(kind)}: {count:,}"
                 for kind, count in sorted(self.report.error_counts.items(),
                                           key=lambda item: -item[1])]
        return " · ".join(parts)

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _fill(self, table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))

    def _columns_table(self) -> QTableWidget:
        table = self._table("csvColumns", [
            translate("CsvResultsDialog", "Column"), translate("CsvResultsDialog", "Type"),
            translate("CsvResultsDialog", "Required"), translate("CsvResultsDialog", "Empty"),
            translate("CsvResultsDialog", "Invalid"), translate("CsvResultsDialog", "Checks")])
        inferred = translate("CsvResultsDialog", "inferred from the first rows")
        chosen = translate("CsvResultsDialog", "chosen")
        self._fill(table, [[c.rule.name, "", "", f"{c.empty:,}", f"{c.invalid:,}",
                            inferred if c.inferred else chosen]
                           for c in self.report.columns])
        self.kind_boxes: list[QComboBox] = []
        self.required_items: list[QTableWidgetItem] = []
        for row, column in enumerate(self.report.columns):
            box = QComboBox(table)
            box.setAccessibleName(translate(
                "CsvResultsDialog", "Type of {column}").format(column=column.rule.name))
            for kind in ColumnKind:
                box.addItem(translate("CsvColumnKinds", kind.value), kind)
            box.setCurrentIndex(list(ColumnKind).index(column.rule.kind))
            table.setCellWidget(row, 1, box)
            self.kind_boxes.append(box)
            required = QTableWidgetItem()
            required.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            required.setCheckState(Qt.CheckState.Checked if column.rule.required
                                   else Qt.CheckState.Unchecked)
            table.setItem(row, 2, required)
            self.required_items.append(required)
        return table

    def chosen_schema(self) -> CsvSchema:
        """The checks as shown in the columns table now (the user's choices)."""
        rules = tuple(
            ColumnRule(column.rule.name, ColumnKind(self.kind_boxes[row].currentData()),
                       self.required_items[row].checkState() == Qt.CheckState.Checked)
            for row, column in enumerate(self.report.columns))
        return replace(self.report.schema, columns=rules)

    def _errors_table(self) -> QTableWidget:
        table = self._table("csvErrors", [
            translate("CsvResultsDialog", "Line"), translate("CsvResultsDialog", "Column"),
            translate("CsvResultsDialog", "Problem"), translate("CsvResultsDialog", "Value"),
            translate("CsvResultsDialog", "Details")])
        self._fill(table, [[f"{i.line:,}", i.column_name or (str(i.column) if i.column else ""),
                            problem_label(i.kind), i.value, i.message]
                           for i in self.report.first_errors])
        return table
