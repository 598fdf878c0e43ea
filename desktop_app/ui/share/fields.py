"""Small input widgets the share center's tabs share: how long a link lives, and a
read-only box for a command or link with a Copy button."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.shell.i18n import translate


def note_label(parent: QWidget, name: str, color: str = "") -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if color:
        label.setStyleSheet(f"color:{color};")
    return label


class ExpiryPicker(QWidget):
    """An amount and a unit (minutes, hours, days); `changed` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount = QSpinBox(self)
        self.amount.setObjectName("expiryAmount")
        self.amount.setRange(1, 100_000)
        self.amount.setValue(1)
        self.amount.setAccessibleName(translate("ShareCenter", "How long the link works"))
        self.unit = QComboBox(self)
        self.unit.setObjectName("expiryUnit")
        for text, delta in ((translate("ShareCenter", "minutes"), timedelta(minutes=1)),
                            (translate("ShareCenter", "hours"), timedelta(hours=1)),
                            (translate("ShareCenter", "days"), timedelta(days=1))):
            self.unit.addItem(text, delta)
        self.unit.setCurrentIndex(2)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.amount)
        row.addWidget(self.unit)
        row.addStretch(1)
        self.amount.valueChanged.connect(lambda _v: self.changed.emit())
        self.unit.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def set(self, amount: int, unit_index: int) -> None:
        self.unit.setCurrentIndex(unit_index)
        self.amount.setValue(amount)

    def value(self) -> timedelta:
        unit = self.unit.currentData()
        assert isinstance(unit, timedelta)
        return unit * self.amount.value()


class OutputBox(QWidget):
    """A monospaced read-only text (a link, a command) and a button copying it."""

    def __init__(self, name: str, copy_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName(name)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setMaximumHeight(110)
        self.copy_button = QPushButton(copy_text, self)
        self.copy_button.setObjectName(name + "Copy")
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy_button)
        self.buttons = row
        layout.addLayout(row)

    def show_text(self, text: str) -> None:
        self.text.setPlainText(text)
        self.copy_button.setEnabled(bool(text))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
