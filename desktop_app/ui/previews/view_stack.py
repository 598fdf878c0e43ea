"""The preview pane's views, one shown at a time: a message card (with Download / Open), text,
table, image, hex and zip listing, and the PDF and media views created on first use (QtPdf is
optional, QtMultimedia is big). `show_loaded` picks the view for a loaded preview and fills it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QStackedWidget, QWidget

from desktop_app.core.humanize import human_size
from desktop_app.core.mime import QT_IMAGE_FORMATS, ViewKind
from desktop_app.core.text_preview import HEX_BYTES
from desktop_app.ui.previews.cards import MessageCard
from desktop_app.ui.previews.hex_view import HexView
from desktop_app.ui.previews.image_view import ImageView
from desktop_app.ui.previews.loader import LoadedPreview
from desktop_app.ui.previews.table_view import TableView
from desktop_app.ui.previews.text_view import CodeView
from desktop_app.ui.previews.zip_view import ZipView
from desktop_app.ui.shell.i18n import translate


class ViewStack(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = MessageCard(self)
        self.text_view = CodeView(self)
        self.text_view.setObjectName("previewText")
        self.text_view.setAccessibleName(translate("PreviewPane", "Text preview"))
        self.table_view = TableView(self)
        self.image_view = ImageView(self)
        self.hex_view = HexView(self)
        self.zip_view = ZipView(self)
        self.pdf_view: Any = None  # created on first use (QtPdf is optional)
        self.media_view: Any = None  # created on first use (QtMultimedia is big)
        for widget in (self.card, self.text_view, self.table_view, self.image_view,
                       self.hex_view, self.zip_view):
            self.addWidget(widget)

    @property
    def shown_text(self) -> str:
        """What the text view shows (empty when another view is active)."""
        return self.text_view.toPlainText() if self.currentWidget() is self.text_view else ""

    @property
    def message(self) -> str:
        return self.card.text if self.currentWidget() is self.card else ""

    @property
    def showing_image(self) -> bool:
        return self.currentWidget() is self.image_view and self.image_view.has_image

    def show_message(self, text: str, actions: bool = False) -> None:
        self.image_view.clear()
        if self.pdf_view is not None:
            self.pdf_view.clear()
        self.text_view.clear()
        self.card.show_message(text, actions)
        self.setCurrentWidget(self.card)

    def show_loaded(self, loaded: LoadedPreview, cap: int) -> str | None:
        """Show `loaded` in the view for its kind; its subtitle, or None when the message card
        tells why there is no preview (too large for `cap`, or a problem decoding it)."""
        data = loaded.data
        view = data.view
        if data.too_large:
            self.show_message(
                translate(
                    "PreviewPane",
                    "This file is too large to preview ({size}; the preview limit is "
                    "{cap}).").format(
                    size=human_size(data.stat.size),
                    cap=human_size(cap),
                ), actions=True)
            return None
        if loaded.problem and view is not ViewKind.HEX:
            self.show_message(loaded.problem, actions=True)
            return None
        subtitle = ""
        if view in (ViewKind.TEXT, ViewKind.JSON):
            self.text_view.setPlainText(loaded.text)
            self.setCurrentWidget(self.text_view)
            subtitle = f"{data.mime} · {loaded.encoding}"
            if data.truncated:
                subtitle += translate(
                    "PreviewPane",
                    " · first {human_size} shown").format(human_size=human_size(len(data.content)))
        elif view is ViewKind.CSV and loaded.table is not None:
            self.table_view.set_table(loaded.table)
            self.setCurrentWidget(self.table_view)
            subtitle = f"{data.mime} · {loaded.encoding}"
        elif view in (ViewKind.IMAGE, ViewKind.SVG) and loaded.image is not None:
            animation = data.content if loaded.animated else None
            self.setCurrentWidget(self.image_view)
            self.image_view.set_image(loaded.image, loaded.notes, animation,
                                      QT_IMAGE_FORMATS.get(data.mime, ""))
            subtitle = data.mime + (translate(
                "PreviewPane", " · animated") if loaded.animated else "")
        elif view is ViewKind.PDF:
            subtitle = self._show_pdf(data.content)
        elif view in (ViewKind.AUDIO, ViewKind.VIDEO):
            self._show_media(data.media_url, view is ViewKind.VIDEO)
            subtitle = translate(
                "PreviewPane", "{mime} · streamed from the server").format(mime=data.mime)
        elif view is ViewKind.ZIP:
            self.zip_view.set_entries(data.zip_entries, data.zip_more)
            self.setCurrentWidget(self.zip_view)
            subtitle = translate("PreviewPane", "{mime} · table of contents").format(mime=data.mime)
        else:
            self.hex_view.show_bytes(loaded.data.content[:HEX_BYTES])
            self.setCurrentWidget(self.hex_view)
            subtitle = loaded.problem or (
                translate(
                    "PreviewPane",
                    "{mime} · no preview for this kind of file; first {human_size} in hex").format(
                    mime=data.mime,
                    human_size=human_size(len(data.content)),
                ))
        return subtitle

    def _show_pdf(self, content: bytes) -> str:
        try:
            from desktop_app.ui.previews.pdf_view import PdfView
        except ImportError:
            self.show_message(translate(
                "PreviewPane",
                "PDF preview needs the PySide6-Addons package, which is not installed. Download "
                "the file to open it."), actions=True)
            return ""
        if self.pdf_view is None:
            self.pdf_view = PdfView(self)
            self.addWidget(self.pdf_view)
        self.setCurrentWidget(self.pdf_view)
        error = self.pdf_view.load(content)
        if error:
            self.show_message(error, actions=True)
            return ""
        pages = self.pdf_view.page_count
        return translate("PreviewPane", "PDF · {page_count} page(s)", "", pages).format(
            page_count=pages)

    def _show_media(self, url: str, video: bool) -> None:
        from desktop_app.ui.previews.media_view import MediaView

        if self.media_view is None:
            self.media_view = MediaView(self)
            self.addWidget(self.media_view)
        self.setCurrentWidget(self.media_view)
        self.media_view.play_url(url, video)
