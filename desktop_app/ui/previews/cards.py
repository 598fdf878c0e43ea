"""Centered message cards: loading / errors / refusals, and "too large to preview"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui.shell.i18n import translate


class MessageCard(QWidget):
    """A plain-text message in the middle of the pane, with optional Download/Open buttons."""

    download_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewMessage")
        self.label = QLabel(self)
        self.label.setObjectName("placeholderLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.download = QPushButton(translate("MessageCard", "Download…"), self)
        self.download.setObjectName("previewDownload")
        self.download.clicked.connect(self.download_requested)
        self.open = QPushButton(translate("MessageCard", "Open"), self)
        self.open.setObjectName("previewOpen")
        self.open.clicked.connect(self.open_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.download)
        buttons.addWidget(self.open)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.show_message("")

    def show_message(self, text: str, actions: bool = False) -> None:
        """Problems (with actions) in the normal text colour; placeholders dimmed."""
        self.label.setForegroundRole(QPalette.ColorRole.WindowText if actions
                                     else QPalette.ColorRole.PlaceholderText)
        self.label.setText(text)
        self.download.setVisible(actions)
        self.open.setVisible(actions)

    @property
    def text(self) -> str:
        return self.label.text()

    @property
    def has_actions(self) -> bool:
        return not self.download.isHidden()
