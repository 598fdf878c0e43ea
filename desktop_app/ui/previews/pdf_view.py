"""PDF pages through QtPdf (in package PySide6-Addons), one page at a time, painted on white.

QPdfDocument renders onto a transparent image; we composite each page on white so dark
themes do not show black text on a dark background. Pages render at the pane's width.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.shell.i18n import translate

MAX_RENDER_SIDE = 3000


class PdfView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPdf")
        self._document: QPdfDocument | None = None
        self._buffer: QBuffer | None = None
        self._page = 0
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pdfPageLabel")
        self.page_label.setTextFormat(Qt.TextFormat.PlainText)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prev = QToolButton(self)
        self.prev.setText("◀")
        self.prev.setToolTip(translate("PdfView", "Previous page"))
        self.prev.clicked.connect(lambda: self.go_to(self._page - 1))
        self.next = QToolButton(self)
        self.next.setText("▶")
        self.next.setToolTip(translate("PdfView", "Next page"))
        self.next.clicked.connect(lambda: self.go_to(self._page + 1))
        self.page_image = QLabel(self)
        self.page_image.setObjectName("pdfPage")
        self.page_image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.scroll = QScrollArea(self)
        self.scroll.setAccessibleName(translate("PdfView", "PDF pages"))
        self.scroll.setWidget(self.page_image)
        self.scroll.setWidgetResizable(False)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.prev)
        bar.addWidget(self.page_label, 1)
        bar.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(bar)

    def load(self, content: bytes) -> str:
        """Open the document; returns an error text, or "" when it opened."""
        self.clear()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(content))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._document = QPdfDocument(self)
        self._document.load(self._buffer)
        status = self._document.status()
        if status != QPdfDocument.Status.Ready or self._document.pageCount() < 1:
            error = self._document.error()
            self.clear()
            if error == QPdfDocument.Error.IncorrectPassword:
                return translate(
                    "PdfView", "This PDF is protected by a password; download it to open it.")
            return translate("PdfView", "This PDF could not be opened (damaged or unsupported).")
        self._page = 0
        self._render()
        return ""

    def clear(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document.deleteLater()
            self._document = None
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self.page_image.clear()
        self.page_label.clear()

    @property
    def page_count(self) -> int:
        return self._document.pageCount() if self._document is not None else 0

    @property
    def page(self) -> int:
        return self._page

    def go_to(self, page: int) -> None:
        if self._document is None:
            return
        self._page = max(0, min(page, self.page_count - 1))
        self._render()

    def rendered_page(self) -> QImage:
        pixmap = self.page_image.pixmap()
        return pixmap.toImage() if pixmap is not None else QImage()

    def _render(self) -> None:
        document = self._document
        if document is None:
            return
        points = document.pagePointSize(self._page)
        # Leave room for the vertical scroll bar, so no horizontal one is ever needed.
        room = self.scroll.width() - self.scroll.verticalScrollBar().sizeHint().width() - 8
        width = max(100, min(MAX_RENDER_SIDE, room))
        scale = width / max(1.0, points.width())
        size = QSize(width, max(1, min(MAX_RENDER_SIDE, round(points.height() * scale))))
        rendered = document.render(self._page, size)
        page = QImage(size, QImage.Format.Format_RGB32)
        page.fill(Qt.GlobalColor.white)
        painter = QPainter(page)
        painter.drawImage(0, 0, rendered)
        painter.end()
        self.page_image.setPixmap(QPixmap.fromImage(page))
        self.page_image.resize(size)
        self.page_label.setText(translate(
            "PdfView",
            "Page {value} of {page_count}").format(
            value=self._page + 1,
            page_count=self.page_count,
        ))
        self.prev.setEnabled(self._page > 0)
        self.next.setEnabled(self._page < self.page_count - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._document is not None and event.oldSize().width() != event.size().width():
            self._render()
