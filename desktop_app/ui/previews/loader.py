"""Worker-side half of a preview: fetch the bytes, then decode them into what a view shows.

Runs on a browse-pool thread. It builds only thread-safe values (QImage, str, plain data),
never widgets. Pictures are checked against a pixel budget *before* decoding, so a 30000 x
30000 "decompression bomb" is refused from its header alone.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

from desktop_app.core.mime import QT_IMAGE_FORMATS, ViewKind
from desktop_app.core.svg_safety import UnsafeSvg, sanitize_svg
from desktop_app.core.text_preview import CsvTable, decode_text, hex_dump, parse_csv, pretty_json
from desktop_app.storage.preview_fetch import PREVIEW_CAP, PreviewCache, PreviewData, fetch_preview
from desktop_app.storage.protocol import BrowseStorage
from desktop_app.ui.shell.i18n import translate

IMAGE_ALLOCATION_LIMIT_MB = 256
MAX_PIXELS = 50_000_000  # about 200 MB as 32-bit RGBA
SVG_MAX_SIDE = 2048
PREVIEW_SIDE = 1600  # big photos are decoded at a fraction of their size, not below this


@dataclass(frozen=True, slots=True)
class LoadedPreview:
    data: PreviewData
    image: QImage | None = None
    animated: bool = False
    text: str = ""
    encoding: str = ""
    table: CsvTable | None = None
    problem: str = ""
    notes: str = ""


def load_preview(storage: BrowseStorage, bucket: str, key: str, cap: int = PREVIEW_CAP,
                 cache: PreviewCache | None = None,
                 cancel: threading.Event | None = None) -> LoadedPreview:
    data = fetch_preview(storage, bucket, key, cap, cache, cancel)
    if data.problem:
        return LoadedPreview(data, text=hex_dump(data.content), problem=data.problem)
    if data.too_large:
        return LoadedPreview(data)
    view = data.view
    if view is ViewKind.IMAGE:
        return _load_image(data)
    if view is ViewKind.SVG:
        return _load_svg(data)
    if view in (ViewKind.TEXT, ViewKind.JSON, ViewKind.CSV):
        decoded = decode_text(data.content, data.truncated)
        if view is ViewKind.CSV:
            table = parse_csv(decoded.text, key, data.truncated)
            return LoadedPreview(data, table=table, encoding=decoded.encoding)
        text = decoded.text
        if view is ViewKind.JSON and not data.truncated:
            text = pretty_json(text) or text
        return LoadedPreview(data, text=text, encoding=decoded.encoding)
    if view is ViewKind.HEX:
        return LoadedPreview(data, text=hex_dump(data.content))
    return LoadedPreview(data)


def image_reader(content: bytes, fmt: str) -> tuple[QImageReader, QBuffer]:
    """A reader told the format (never guessing), with Qt's allocation limit set."""
    buffer = QBuffer()
    buffer.setData(QByteArray(content))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, fmt.encode())
    reader.setAllocationLimit(IMAGE_ALLOCATION_LIMIT_MB)
    return reader, buffer


def _load_image(data: PreviewData) -> LoadedPreview:
    fmt = QT_IMAGE_FORMATS.get(data.mime, "")
    reader, _buffer = image_reader(data.content, fmt)
    size = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        return LoadedPreview(data, problem=(
            translate(
                "Loader",
                "This picture claims to be {width:,} × {height:,} pixels; decoding it could "
                "exhaust memory, so it is not previewed (possible decompression bomb). Download "
                "it to open it in an image editor.").format(
                width=size.width(),
                height=size.height(),
            )))
    animated = reader.supportsAnimation() and reader.imageCount() > 1
    reduced = _reduced_size(size) if fmt == "jpeg" else None
    if reduced is not None:
        reader.setScaledSize(reduced)  # libjpeg decodes at 1/2, 1/4 or 1/8 directly: fast
    image = reader.read()
    if image.isNull():
        return LoadedPreview(data, problem=(
            translate(
                "Loader",
                "This picture could not be decoded ({errorString}). It may be damaged, or too "
                "large to preview.").format(errorString=reader.errorString())))
    notes = translate(
        "Loader",
        "{width} × {height} px").format(
        width=size.width(),
        height=size.height(),
    ) if size.isValid() else \
        translate(
            "Loader", "{width} × {height} px").format(width=image.width(), height=image.height())
    if reduced is not None:
        notes += translate(
            "Loader",
            " (previewed at {width} × {height})").format(width=image.width(), height=image.height())
    return LoadedPreview(data, image=image, animated=animated, notes=notes)


def _reduced_size(size: QSize) -> QSize | None:
    """A 1/2, 1/4 or 1/8 size still at least PREVIEW_SIDE on the long side, if any."""
    if not size.isValid():
        return None
    longest = max(size.width(), size.height())
    for denominator in (8, 4, 2):
        if longest // denominator >= PREVIEW_SIDE:
            return QSize(size.width() // denominator, size.height() // denominator)
    return None


def _load_svg(data: PreviewData) -> LoadedPreview:
    try:
        clean = sanitize_svg(data.content)
    except UnsafeSvg as exc:
        return LoadedPreview(data, problem=translate(
            "Loader", "This SVG is not shown because {exc}.").format(exc=exc))
    renderer = QSvgRenderer(QByteArray(clean.data))
    if not renderer.isValid():
        return LoadedPreview(data, problem=translate(
            "Loader", "This SVG could not be rendered (invalid drawing)."))
    size = renderer.defaultSize()
    if size.isEmpty():
        size = QSize(512, 512)
    size = size.scaled(SVG_MAX_SIDE, SVG_MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio) \
        if max(size.width(), size.height()) > SVG_MAX_SIDE else size
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    notes = translate("Loader", "Rendered as a static picture")
    if clean.removed:
        notes += translate("Loader", "; removed for safety: ") + ", ".join(clean.removed)
    return LoadedPreview(data, image=image, notes=notes)
