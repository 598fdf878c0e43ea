"""Icons for rows and actions: the app's own SVGs (crisp at any DPI, drawn in the palette's text
colour so they follow light and dark themes) and the desktop theme's icons for file types."""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from PySide6.QtCore import QMimeDatabase, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from desktop_app.core.mime import type_label

APP_ICON = "app"


@cache
def svg_source(name: str) -> bytes:
    """The SVG text of icon `name` from the package data (`resources/icons/<name>.svg`)."""
    return (resources.files("desktop_app.resources") / "icons" / f"{name}.svg").read_bytes()


SIZES = (16, 24, 32, 48, 64, 128, 256)  # told to whoever asks (window icons on X11 do)


class _SvgIconEngine(QIconEngine):
    """Renders one SVG at whatever size and pixel ratio is asked; with `tint`,
    `currentColor` becomes the palette's text colour (greyed for disabled actions), read at
    paint time; without, the drawing keeps its own colours (the app icon)."""

    def __init__(self, name: str, tint: bool = True) -> None:
        super().__init__()
        self._name = name
        self._tint = tint

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        if not self._tint:
            return _renderer(self._name, "")
        group = (QPalette.ColorGroup.Disabled if mode is QIcon.Mode.Disabled
                 else QPalette.ColorGroup.Active)
        color = QApplication.palette().color(group, QPalette.ColorRole.WindowText).name()
        return _renderer(self._name, color)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        self._renderer(mode).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), pixmap.size()), mode, state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal,
                       state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        return [QSize(side, side) for side in SIZES]

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._name, self._tint)

    def key(self) -> str:
        return "minio-desktop-svg"


@lru_cache(maxsize=256)
def _renderer(name: str, color: str) -> QSvgRenderer:
    source = svg_source(name)
    return QSvgRenderer(source.replace(b"currentColor", color.encode()) if color else source)


@cache
def svg_icon(name: str) -> QIcon:
    """The app's icon `name` (a file in resources/icons) as a scalable QIcon."""
    return QIcon(_SvgIconEngine(name, tint=name != APP_ICON))  # the app icon: full colour


def app_icon() -> QIcon:
    return svg_icon(APP_ICON)


def folder_icon() -> QIcon:
    return svg_icon('folder')


def file_icon() -> QIcon:
    return svg_icon('file')


def bucket_icon() -> QIcon:
    return svg_icon('bucket')


def up_icon() -> QIcon:
    return svg_icon('up')


def refresh_icon() -> QIcon:
    return svg_icon('refresh')


def warning_icon() -> QIcon:
    return svg_icon('warning')


def back_icon() -> QIcon:
    return svg_icon('back')


def forward_icon() -> QIcon:
    return svg_icon('forward')


def search_icon() -> QIcon:
    return svg_icon('search')


@lru_cache(maxsize=512)
def _icon_for_suffix(suffix: str) -> QIcon:
    mime = QMimeDatabase().mimeTypeForFile(f"x.{suffix}", QMimeDatabase.MatchMode.MatchExtension)
    if mime.isDefault():
        return file_icon()
    return QIcon.fromTheme(mime.iconName(), QIcon.fromTheme(mime.genericIconName(), file_icon()))


def warm_up() -> None:
    """Load the MIME databases now (~0.1 s), not on the first row of the first listing."""
    _icon_for_suffix("txt")
    type_label("x.txt")


def type_icon(key: str) -> QIcon:
    """The desktop theme's icon for the file's type (by extension), else a plain file icon."""
    name = key.rsplit("/", 1)[-1]
    suffix = name.rpartition(".")[2].lower() if "." in name else ""
    return _icon_for_suffix(suffix) if suffix else file_icon()
