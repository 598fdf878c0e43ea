"""CSV/TSV as a table: the first 10,000 rows, with counts and any parse errors shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.text_preview import CsvTable
from desktop_app.ui.shell.i18n import translate

_Index = QModelIndex | QPersistentModelIndex


class CsvModel(QAbstractTableModel):
    """Cells are returned as display strings; Qt item views never interpret them as HTML."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = CsvTable([], [], ",", 0, False)

    def set_table(self, table: CsvTable) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._table.columns

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:  # no tooltips: they may render rich text
            return None
        row = self._table.rows[index.row()]
        return row[index.column()] if index.column() < len(row) else ""

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        header = self._table.header
        return header[section] if section < len(header) else translate(
            "CsvModel", "Column {value}").format(value=section + 1)


class TableView(QWidget):
    validate_requested = Signal()  # "Validate…": check the whole file, not only these rows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewTable")
        self.model = CsvModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(translate("TableView", "Table preview"))
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(110)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.summary = QLabel(self)
        self.summary.setObjectName("tableSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.errors = QLabel(self)
        self.errors.setObjectName("tableErrors")
        self.errors.setTextFormat(Qt.TextFormat.PlainText)
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color:#b3261e;")
        self.validate_button = QPushButton(translate("TableView", "Validate…"), self)
        self.validate_button.setObjectName("validateCsvButton")
        self.validate_button.setToolTip(translate(
            "TableView", "Check every row of the whole file, with the results in the Jobs panel"))
        self.validate_button.clicked.connect(self.validate_requested)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.validate_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.errors)

    def set_table(self, table: CsvTable) -> None:
        self.model.set_table(table)
        delimiter = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "bar"}.get(
            table.delimiter, repr(table.delimiter))
        more = translate("TableView", " (the file has more; not shown)") if table.more_rows else ""
        self.summary.setText(translate(
            "TableView",
            "{rows:,} rows × {columns} columns · separated by {delimiter}{more}").format(
            rows=len(table.rows),
            columns=table.columns,
            delimiter=delimiter,
            more=more,
        ))
        self.errors.setText("\n".join(table.errors))
        self.errors.setVisible(bool(table.errors))
