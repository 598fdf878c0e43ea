"""A picture scaled to fit, with zoom; animated GIF/WebP play through QMovie.

The QImage was decoded on a worker under an allocation limit. Animations are re-read here by
QMovie from the same bytes (already checked for size by the worker).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage, QMovie, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEPS = (0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 8.0)


class ImageView(QWidget):
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewImageView")
        self._pixmap: QPixmap | None = None
        self._movie: QMovie | None = None
        self._movie_buffer: QBuffer | None = None
        self._zoom: float | None = None  # None: fit to the area
        self.label = QLabel(self)
        self.label.setObjectName("previewImage")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.label)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.info = QLabel(self)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setObjectName("imageInfo")
        self.info.setStyleSheet("color:palette(mid);")
        bar.addWidget(self.info, 1)
        for text, tip, slot in (("−", "Zoom out", self.zoom_out), ("+", "Zoom in", self.zoom_in),
                                ("1:1", "Actual size", self.actual_size),
                                ("Fit", "Fit to the pane", self.fit)):
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
            self.label.setMovie(self._movie)
            self._movie.start()
        self.info.setText(info)
        self._apply()

    def clear(self) -> None:
        if self._movie is not None:
            self._movie.stop()
            self.label.setMovie(None)  # type: ignore[arg-type]
            self._movie.deleteLater()
            self._movie = None
        if self._movie_buffer is not None:
            self._movie_buffer.close()
            self._movie_buffer.deleteLater()
            self._movie_buffer = None
        self._pixmap = None
        self.label.clear()
        self.info.clear()

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
        area = self.scroll.viewport().size()
        return min(1.0, area.width() / max(1, self._pixmap.width()),
                   area.height() / max(1, self._pixmap.height()))

    def _apply(self) -> None:
        if self._pixmap is None:
            return
        factor = self.zoom
        target = QSize(max(1, round(self._pixmap.width() * factor)),
                       max(1, round(self._pixmap.height() * factor)))
        self.scroll.setWidgetResizable(self._zoom is None)
        if self._movie is not None:
            self._movie.setScaledSize(target)
        else:
            self.label.setPixmap(self._pixmap.scaled(
                target, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        if self._zoom is not None:
            self.label.resize(target)
        self.zoom_changed.emit(factor)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._zoom is None:
            self._apply()
