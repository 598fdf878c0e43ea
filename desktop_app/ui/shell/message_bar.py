"""An in-window message strip for errors and notices: clear text, never a traceback, and
the window stays usable (no modal dialog for a failed listing)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from desktop_app.core.errors import AppError
from desktop_app.ui.shell.i18n import translate

_STYLES = {
    "error": "background:#fdecea; border:1px solid #e0a39c; color:#611a15;",
    "info": "background:#e8f1fb; border:1px solid #9cbfe0; color:#0d3c61;",
}


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self._title = QLabel(self)
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        self._title.setStyleSheet("font-weight:bold; border:none; background:transparent;")
        self._text = QLabel(self)
        self._text.setObjectName("messageText")
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._text.setStyleSheet("border:none; background:transparent;")
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(translate("MessageBar", "Dismiss"))
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self._title)
        layout.addWidget(self._text, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @property
    def text(self) -> str:
        return f"{self._title.text()} {self._text.text()}".strip()

    def show_error(self, error: AppError) -> None:
        self._show("error", error.title + ":", error.user_text())

    def show_info(self, text: str) -> None:
        self._show("info", "", text)

    def _show(self, kind: str, title: str, text: str) -> None:
        self.setStyleSheet(f"#messageBar {{{_STYLES[kind]} border-radius:4px;}}")
        self._title.setText(title)
        self._title.setVisible(bool(title))
        self._text.setText(text)
        self.show()
