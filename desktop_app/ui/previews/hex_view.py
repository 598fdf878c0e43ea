"""Offset / hex / ASCII dump for files no other view understands (first 64 KB).

The dump is laid out for the pane's width: 16 bytes a line where that fits, else 8 (or 4 in a
very narrow pane), so the ASCII column is always in sight without a horizontal scroll."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from desktop_app.core.text_preview import hex_dump
from desktop_app.ui.previews.text_view import CodeView
from desktop_app.ui.shell.i18n import translate

CHOICES = (16, 8, 4)  # bytes per line, widest first


def line_chars(per_line: int) -> int:
    """Characters of one dump line: offset, hex bytes with a gap per 8, ASCII."""
    return 8 + 2 + 3 * per_line - 1 + (per_line - 1) // 8 + 2 + per_line


class HexView(CodeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, line_numbers=False)
        self.setObjectName("previewHex")
        self.setAccessibleName(translate("HexView", "Hex preview"))
        self._content = b""
        self.per_line = 16

    def show_bytes(self, content: bytes) -> None:
        """Dump `content` laid out for the current width (again whenever that changes)."""
        self._content = content
        self.per_line = self._fitting()
        self.setPlainText(hex_dump(content, per_line=self.per_line))

    def _fitting(self) -> int:
        """The most bytes a line that fit the visible width (scroll bar and margins off)."""
        room = self.viewport().width() - 2 * int(self.document().documentMargin()) - 2
        char = max(1, self.fontMetrics().horizontalAdvance("0"))
        return next((n for n in CHOICES if line_chars(n) * char <= room), CHOICES[-1])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._content and self._fitting() != self.per_line:
            self.show_bytes(self._content)
