"""Offset / hex / ASCII dump for files no other view understands (first 64 KB)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.ui.previews.text_view import CodeView


class HexView(CodeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, line_numbers=False)
        self.setObjectName("previewHex")
