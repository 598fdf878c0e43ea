"""Decide what a file is from its first bytes plus its name, never from a server's say-so.

libmagic alone misreads some data (random bytes come back as image/x-tga, short headers as
text/plain), so its answer is cross-checked against a few exact signatures and the extension.
`view_kind` then picks which preview renders it; every kind is safe for hostile input.
"""

from __future__ import annotations

import mimetypes
from enum import Enum
from functools import lru_cache
from typing import Any

SNIFF_BYTES = 8192


class PreviewKind(Enum):
    """Coarse family (kept for callers that only need text / picture / other)."""

    TEXT = "text"
    IMAGE = "image"
    OTHER = "other"


class ViewKind(Enum):
    """Which preview view shows a file."""

    TEXT = "text"
    JSON = "json"
    CSV = "csv"
    IMAGE = "image"
    SVG = "svg"
    PDF = "pdf"
    AUDIO = "audio"
    VIDEO = "video"
    ZIP = "zip"
    HEX = "hex"


IMAGE_TYPES = {
    "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/x-ms-bmp",
    "image/tiff", "image/vnd.microsoft.icon", "image/x-icon",
}
# The Qt image plugin name for each accepted picture type (the reader is told, never guesses).
QT_IMAGE_FORMATS = {
    "image/png": "png", "image/jpeg": "jpeg", "image/gif": "gif", "image/webp": "webp",
    "image/bmp": "bmp", "image/x-ms-bmp": "bmp", "image/tiff": "tiff",
    "image/vnd.microsoft.icon": "ico", "image/x-icon": "ico",
}
_TEXT_APPS = {
    "application/json", "application/xml", "application/javascript", "application/x-empty",
    "application/x-yaml", "application/toml", "application/csv", "application/x-sh",
    "application/x-ndjson",
}
_ZIP_TYPES = {
    "application/zip", "application/java-archive", "application/epub+zip",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
}
_AUDIO_SUFFIXES = (".mp3", ".wav", ".ogg", ".oga", ".opus", ".flac", ".m4a", ".aac")
_VIDEO_SUFFIXES = (".mp4", ".m4v", ".webm", ".mkv", ".mov", ".ogv", ".avi")
_CSV_SUFFIXES = (".csv", ".tsv", ".tab")
_JSON_SUFFIXES = (".json", ".geojson", ".har", ".ipynb")

# Exact signatures checked before libmagic (which answers text/plain for some of them).
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"%PDF-", 0, "application/pdf"),
    (b"PK\x03\x04", 0, "application/zip"),
    (b"PK\x05\x06", 0, "application/zip"),
    (b"OggS", 0, "audio/ogg"),
    (b"fLaC", 0, "audio/flac"),
    (b"ID3", 0, "audio/mpeg"),
    (b"\x1aE\xdf\xa3", 0, "video/webm"),
)


@lru_cache(maxsize=1)
def _magic() -> Any | None:
    try:
        import magic
    except ImportError:  # libmagic missing: fall back to names and byte checks
        return None
    return magic.Magic(mime=True)


def _signature(head: bytes, name: str) -> str:
    for magic_bytes, offset, mime in _SIGNATURES:
        if head[offset:offset + len(magic_bytes)] == magic_bytes:
            return mime
    lower = name.lower()
    # BMP and ICO have weak signatures: accept them only with a matching extension.
    if head.startswith(b"BM") and lower.endswith(".bmp") and len(head) >= 26:
        return "image/bmp"
    if head.startswith(b"\x00\x00\x01\x00") and lower.endswith((".ico", ".cur")):
        return "image/vnd.microsoft.icon"
    return ""


def sniff(head: bytes, name: str) -> str:
    """Best MIME type for content starting with `head` stored under `name`."""
    guessed_by_name = mimetypes.guess_type(name)[0] or ""
    signed = _signature(head, name)
    if signed:
        return signed
    detector = _magic()
    detected = ""
    if detector is not None:
        try:
            detected = str(detector.from_buffer(head[:SNIFF_BYTES]))
        except Exception:  # libmagic can fail on odd input; the name still helps
            detected = ""
    if detected in IMAGE_TYPES:
        return detected
    if detected.startswith("image/") and detected != "image/svg+xml" \
            and not guessed_by_name.startswith("image/"):
        # Unconfirmed image guesses (like image/x-tga for noise) are not trusted.
        detected = "application/octet-stream"
    if detected.startswith("text/") or detected in _TEXT_APPS:
        if guessed_by_name == "image/svg+xml" and b"<svg" in head[:SNIFF_BYTES]:
            return guessed_by_name
        return guessed_by_name if guessed_by_name.startswith("text/") else detected
    if detected and detected != "application/octet-stream":
        return detected
    if looks_like_text(head):
        return guessed_by_name if guessed_by_name.startswith("text/") else "text/plain"
    return detected or "application/octet-stream"


def looks_like_text(head: bytes) -> bool:
    if not head:
        return True
    if b"\x00" in head[:SNIFF_BYTES]:
        return head.startswith((b"\xff\xfe", b"\xfe\xff"))
    try:
        head[:SNIFF_BYTES].decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        return exc.start >= min(len(head), SNIFF_BYTES) - 4
    return True


def preview_kind(mime: str) -> PreviewKind:
    if mime in IMAGE_TYPES:
        return PreviewKind.IMAGE
    if mime.startswith("text/") or mime in _TEXT_APPS:
        return PreviewKind.TEXT
    return PreviewKind.OTHER


def view_kind(mime: str, name: str) -> ViewKind:
    """The view for a sniffed type; the name only refines text (CSV, JSON) and media."""
    lower = name.lower()
    if mime in IMAGE_TYPES:
        return ViewKind.IMAGE
    if mime == "image/svg+xml":
        return ViewKind.SVG
    if mime == "application/pdf":
        return ViewKind.PDF
    if mime in _ZIP_TYPES:
        return ViewKind.ZIP
    if mime.startswith("audio/") or (mime == "application/ogg" and lower.endswith(".ogg")):
        return ViewKind.VIDEO if lower.endswith(_VIDEO_SUFFIXES) else ViewKind.AUDIO
    if mime.startswith("video/"):
        return ViewKind.AUDIO if lower.endswith(_AUDIO_SUFFIXES) else ViewKind.VIDEO
    if preview_kind(mime) is PreviewKind.TEXT:
        if lower.endswith(_CSV_SUFFIXES) or mime in ("text/csv", "application/csv",
                                                      "text/tab-separated-values"):
            return ViewKind.CSV
        if lower.endswith(_JSON_SUFFIXES) or mime == "application/json":
            return ViewKind.JSON
        return ViewKind.TEXT
    return ViewKind.HEX


def type_label(name: str, is_folder: bool = False) -> str:
    """A short type column text from the name alone (listings carry no content)."""
    if is_folder:
        return "Folder"
    guessed = mimetypes.guess_type(name)[0]
    if guessed:
        return guessed
    suffix = name.rsplit(".", 1)[-1] if "." in name else ""
    return f"{suffix.upper()} file" if suffix else "File"
