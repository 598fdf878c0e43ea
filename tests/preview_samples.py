"""Sample files of every kind the preview pane knows, generated here (Qt writes the pictures
and the PDF; the GIF, bomb PNG, WAV and ZIP are built byte by byte or with the stdlib)."""

from __future__ import annotations

import io
import json
import math
import struct
import wave
import zipfile
import zlib

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter

from desktop_app.storage.sample_data import png_bytes


def qt_image_bytes(fmt: str, width: int = 64, height: int = 48, quality: int = -1) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7bd5"))
    painter = QPainter(image)
    painter.fillRect(QRect(0, 0, width // 2, height // 2), QColor("#f5a623"))
    painter.fillRect(QRect(width // 2, height // 2, width // 2, height // 2), QColor("#2ecc71"))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt, quality), fmt
    buffer.close()
    return bytes(data.data())


def noisy_jpeg(target_bytes: int) -> bytes:
    """A photo-like JPEG of roughly `target_bytes` (noise compresses badly)."""
    import random

    rng = random.Random(7)
    side = int(math.sqrt(target_bytes / 0.9))  # noise at q90: ~0.9 byte per pixel
    image = QImage(side, side, QImage.Format.Format_RGB32)
    row = bytearray(side * 4)
    for y in range(side):
        row[:] = rng.randbytes(side * 4)
        line = image.scanLine(y)
        line[: side * 4] = bytes(row)  # type: ignore[index]
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "jpeg", 90)
    return bytes(data.data())


def gif_bytes(colours: list[tuple[int, int, int]], side: int = 2) -> bytes:
    """An animated GIF, one solid `side`x`side` frame per colour (LZW codes kept at 3 bits
    by a clear code after every two pixels)."""
    palette = b"".join(bytes(c) for c in colours[:4]).ljust(12, b"\0")
    out = bytearray(b"GIF89a" + struct.pack("<HHBBB", side, side, 0xF1, 0, 0) + palette)
    out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"  # loop forever
    for index in range(len(colours[:4])):
        out += b"\x21\xf9\x04\x00" + struct.pack("<H", 20) + b"\x00\x00"  # 0.2 s per frame
        out += b"\x2c" + struct.pack("<HHHHB", 0, 0, side, side, 0)
        codes: list[int] = []
        for pixel in range(side * side):
            if pixel % 2 == 0:
                codes.append(4)  # clear
            codes.append(index)
        codes.append(5)  # end
        bits = 0
        nbits = 0
        packed = bytearray()
        for code in codes:
            bits |= code << nbits
            nbits += 3
            while nbits >= 8:
                packed.append(bits & 0xFF)
                bits >>= 8
                nbits -= 8
        if nbits:
            packed.append(bits & 0xFF)
        out += b"\x02"
        for start in range(0, len(packed), 255):
            block = packed[start:start + 255]
            out += bytes([len(block)]) + block
        out += b"\x00"
    return bytes(out + b"\x3b")


def bomb_png(width: int = 30_000, height: int = 30_000) -> bytes:
    """A valid PNG header claiming a huge picture, followed by a tiny (short) IDAT."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\0" * 4096)) + chunk(b"IEND", b""))


def pdf_pages(pages: int = 10) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15))
    writer.setResolution(72)
    painter = QPainter(writer)
    font = QFont("DejaVu Sans")
    font.setPointSize(28)
    painter.setFont(font)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.drawText(QPoint(40, 80), f"Page {page + 1} of {pages}")
        painter.fillRect(QRect(40, 120, 200, 120), QColor("#3a7bd5"))
        painter.setPen(Qt.GlobalColor.black)
        painter.drawText(QPoint(40, 300), "MinIO Desktop preview test")
    painter.end()
    buffer.close()
    return bytes(data.data())


def wav_bytes(seconds: float = 2.0, rate: int = 8000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(rate)
        frames = b"".join(struct.pack("<h", int(8000 * math.sin(i / 6)))
                          for i in range(int(seconds * rate)))
        sound.writeframes(frames)
    return out.getvalue()


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in entries.items():
            archive.writestr(name, body)
    return out.getvalue()


CSV_TEXT = "name,size,colour\n" + "".join(f"item {i},{i * 10},blue\n" for i in range(1, 51))
TSV_TEXT = "a\tb\tc\n1\t2\t3\n4\t5\t6\n"
JSON_TEXT = json.dumps({"name": "demo", "items": [1, 2, 3], "nested": {"ok": True}})
MARKDOWN_TEXT = "# Title\n\nSome *text* and ![remote](http://127.0.0.1:9/x.png)\n"
CLEAN_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80">'
             b'<rect width="120" height="80" fill="#3a7bd5"/>'
             b'<circle cx="60" cy="40" r="25" fill="#f5a623"/></svg>')


def hostile_svg(url: str) -> bytes:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="100" height="100" onload="fetch(\'{url}\')">'
        f'<script>fetch("{url}")</script>'
        f'<style>@import url({url}/css); .x {{ fill: url({url}/fill) }}</style>'
        f'<image xlink:href="{url}/img.png" width="50" height="50"/>'
        f'<image href="file:///etc/passwd" width="50" height="50"/>'
        f'<foreignObject width="10" height="10"><iframe src="{url}"/></foreignObject>'
        '<rect width="100" height="100" fill="#2ecc71"/><rect class="x" width="40" height="40"/>'
        '<circle cx="50" cy="50" r="20" fill="#f5a623"/></svg>'
    ).encode()


def hostile_html(url: str) -> bytes:
    return (f'<html><body><img src="{url}/x.png"><script>fetch("{url}")</script>'
            f'<iframe src="{url}"></iframe></body></html>').encode()


__all__ = ["CLEAN_SVG", "png_bytes"]


def mp4_bytes(path: str, frames: int = 20, fps: int = 10) -> bytes:
    """A small MPEG-4 video of changing colours, encoded with PyAV (test-only dependency)."""
    import colorsys

    import av

    width, height = 160, 120
    with av.open(path, mode="w") as out:
        stream = out.add_stream("mpeg4", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for index in range(frames):
            hue = (index * 18 % 360) / 360
            red, green, blue = (int(c * 255) for c in colorsys.hsv_to_rgb(hue, 0.8, 0.9))
            frame = av.VideoFrame(width, height, "rgb24")
            plane = frame.planes[0]
            row = bytes((red, green, blue)) * width + bytes(plane.line_size - 3 * width)
            plane.update(row * height)
            for packet in stream.encode(frame.reformat(format="yuv420p")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    with open(path, "rb") as handle:
        return handle.read()
