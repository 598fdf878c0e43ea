"""An in-window message strip for errors and notices: clear text, never a traceback, and
the window stays usable (no modal dialog for a failed listing)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from desktop_app.core.errors import AppError
from desktop_app.ui.shell.i18n import translate

# A feature's remedy for an error it knows: (button text, what the button does), or None.
Offer = Callable[[AppError], tuple[str, Callable[[], None]] | None]

# (background, border, text) per kind, for a light and a dark palette: the text colour is set
# on the labels too, which would otherwise take the palette's (light grey on pink when dark).
_COLOURS = {
    ("error", False): ("#fdecea", "#e0a39c", "#611a15"),
    ("info", False): ("#e8f1fb", "#9cbfe0", "#0d3c61"),
    ("error", True): ("#4a1f1c", "#8c3a33", "#ffd9d4"),
    ("info", True): ("#1b2f47", "#3d5f86", "#d8e7fb"),
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
        self.offers: list[Offer] = []  # features add theirs (e.g. "Enter encryption key…")
        self._action = QToolButton(self)
        self._action.setObjectName("messageAction")
        self._action.setAccessibleName(translate("MessageBar", "What to do about it"))
        self._action.hide()
        self._remedy: Callable[[], None] | None = None
        self._action.clicked.connect(self._run_remedy)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(translate("MessageBar", "Dismiss"))
        close.setAccessibleName(translate("MessageBar", "Dismiss"))
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self._title)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._action, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._kind = "info"
        self._dark: bool | None = None  # the palette the colours were chosen for
        self.hide()

    @property
    def text(self) -> str:
        return f"{self._title.text()} {self._text.text()}".strip()

    def show_error(self, error: AppError) -> None:
        self._show("error", error.title + ":", error.user_text())
        for offer in self.offers:
            remedy = offer(error)
            if remedy is not None:
                self._action.setText(remedy[0])
                self._action.setAccessibleName(remedy[0])
                self._remedy = remedy[1]
                self._action.show()
                break

    def show_info(self, text: str) -> None:
        self._show("info", "", text)

    def _run_remedy(self) -> None:
        remedy, self._remedy = self._remedy, None
        self.hide()
        if remedy is not None:
            remedy()

    def _show(self, kind: str, title: str, text: str) -> None:
        self._kind = kind
        self._style()
        self._title.setText(title)
        self._title.setVisible(bool(title))
        self._text.setText(text)
        self._action.hide()
        self._remedy = None
        self.show()

    @staticmethod
    def _palette_is_dark() -> bool:
        palette = QApplication.palette()
        return (palette.color(QPalette.ColorRole.Window).lightness()
                < palette.color(QPalette.ColorRole.WindowText).lightness())

    def _style(self) -> None:
        """Colours for the kind shown, in the light or dark variant of the palette."""
        dark = self._dark = self._palette_is_dark()
        background, border, text = _COLOURS[(self._kind, dark)]
        self.setStyleSheet(
            f"#messageBar {{background:{background}; border:1px solid {border}; "
            f"border-radius:4px;}} #messageBar QLabel, #messageBar QToolButton "
            f"{{color:{text};}}")

    def changeEvent(self, event: QEvent) -> None:
        """The theme changed while a message shows: its colours follow (only on a change
        between light and dark, as setting the sheet brings a palette change too)."""
        super().changeEvent(event)
        if (event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
                and self._dark is not None and self._dark != self._palette_is_dark()):
            self._style()
