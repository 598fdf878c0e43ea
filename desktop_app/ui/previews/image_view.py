"""A picture scaled to fit, with zoom; animated GIF/WebP play through QMovie.

The QImage was decoded on a worker under an allocation limit. Animations are re-read here by
QMovie from the same bytes (already checked for size by the worker). The canvas paints the
picture scaled at paint time, so the fit is always right for the pane's current size.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QMovie, QPainter, QPaintEvent, QPixmap
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

ZOOM_STEPS = (0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 8.0)


class _Canvas(QWidget):
    """Paints the current frame centered, scaled by `factor()` (fit or fixed zoom)."""

    def __init__(self, view: ImageView) -> None:
        super().__init__()
        self.setObjectName("previewImage")
        self._view = view
        self._scaled: tuple[int, QSize, QPixmap] | None = None  # smooth scaling is slow

    def _frame_at(self, frame: QPixmap, size: QSize) -> QPixmap:
        if frame.size() == size:
            return frame
        cached = self._scaled
        if cached is None or cached[0] != frame.cacheKey() or cached[1] != size:
            scaled = frame.scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            cached = self._scaled = (frame.cacheKey(), size, scaled)
        return cached[2]

    def paintEvent(self, event: QPaintEvent) -> None:
        frame = self._view.frame()
        if frame is None or frame.isNull():
            return
        factor = self._view.zoom
        size = QSize(max(1, round(frame.width() * factor)),
                     max(1, round(frame.height() * factor)))
        target = QRect((self.width() - size.width()) // 2, (self.height() - size.height()) // 2,
                       size.width(), size.height())
        painter = QPainter(self)
        if self._view.animated:  # frames change: scale while painting
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, factor < 1.0)
            painter.drawPixmap(target, frame)
        else:
            painter.drawPixmap(target.topLeft(), self._frame_at(frame, size))
        painter.end()


class ImageView(QWidget):
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewImageView")
        self._pixmap: QPixmap | None = None
        self._movie: QMovie | None = None
        self._movie_buffer: QBuffer | None = None
        self._zoom: float | None = None  # None: fit to the area
        self.canvas = _Canvas(self)
        self.scroll = QScrollArea(self)
        self.scroll.setAccessibleName(translate("ImageView", "Picture"))
        self.scroll.setWidget(self.canvas)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.info = QLabel(self)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setObjectName("imageInfo")
        self.info.setWordWrap(True)
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.info, 1)
        for text, tip, slot in (("−", translate(
            "ImageView", "Zoom out"), self.zoom_out), ("+", translate(
            "ImageView", "Zoom in"), self.zoom_in),
                                ("1:1", translate("ImageView", "Actual size"), self.actual_size),
                                (translate(
                                    "ImageView", "Fit"), translate(
                                    "ImageView", "Fit to the pane"), self.fit)):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(bar)

    # -- content ---------------------------------------------------------------------------
    def set_image(self, image: QImage, info: str, animation: bytes | None = None,
                  fmt: str = "") -> None:
        self.clear()
        self._pixmap = QPixmap.fromImage(image)
        self._zoom = None
        if animation is not None:
            self._movie_buffer = QBuffer(self)
            self._movie_buffer.setData(QByteArray(animation))
            self._movie_buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self._movie = QMovie(self._movie_buffer, fmt.encode(), self)
            self._movie.setCacheMode(QMovie.CacheMode.CacheNone)
            self._movie.frameChanged.connect(lambda _n: self.canvas.update())
            self._movie.start()
        self.info.setText(info)
        self._apply()

    def clear(self) -> None:
        if self._movie is not None:
            self._movie.stop()
            self._movie.deleteLater()
            self._movie = None
        if self._movie_buffer is not None:
            self._movie_buffer.close()
            self._movie_buffer.deleteLater()
            self._movie_buffer = None
        self._pixmap = None
        self.info.clear()
        self.canvas.update()

    def frame(self) -> QPixmap | None:
        if self._movie is not None:
            current = self._movie.currentPixmap()
            if not current.isNull():
                return current
        return self._pixmap

    @property
    def has_image(self) -> bool:
        return self._pixmap is not None

    @property
    def animated(self) -> bool:
        return self._movie is not None

    @property
    def zoom(self) -> float:
        return self._zoom if self._zoom is not None else self._fit_factor()

    # -- zoom ------------------------------------------------------------------------------
    def zoom_in(self) -> None:
        current = self.zoom
        self._zoom = next((z for z in ZOOM_STEPS if z > current + 1e-6), ZOOM_STEPS[-1])
        self._apply()

    def zoom_out(self) -> None:
        current = self.zoom
        self._zoom = next((z for z in reversed(ZOOM_STEPS) if z < current - 1e-6),
                          ZOOM_STEPS[0])
        self._apply()

    def actual_size(self) -> None:
        self._zoom = 1.0
        self._apply()

    def fit(self) -> None:
        self._zoom = None
        self._apply()

    def _fit_factor(self) -> float:
        if self._pixmap is None or self._pixmap.isNull():
            return 1.0
        area = self.scroll.viewport().size() if self._zoom is not None else self.canvas.size()
        return min(1.0, area.width() / max(1, self._pixmap.width()),
                   area.height() / max(1, self._pixmap.height()))

    def displayed_size(self) -> QSize:
        if self._pixmap is None:
            return QSize()
        factor = self.zoom
        return QSize(round(self._pixmap.width() * factor), round(self._pixmap.height() * factor))

    def _apply(self) -> None:
        if self._zoom is None:
            self.scroll.setWidgetResizable(True)
        elif self._pixmap is not None:
            self.scroll.setWidgetResizable(False)
            size = self.displayed_size()
            viewport = self.scroll.viewport().size()
            self.canvas.resize(size.expandedTo(viewport))
        self.canvas.update()
        self.zoom_changed.emit(self.zoom)
