"""Decide what a file is from its first bytes plus its name, never from a server's say-so.

libmagic alone misreads some random data (e.g. as image/x-tga), so its answer is checked
against the extension for the kinds we render.
"""

from __future__ import annotations

import mimetypes
from enum import Enum
from functools import lru_cache
from typing import Any

SNIFF_BYTES = 8192


class PreviewKind(Enum):
    TEXT = "text"
    IMAGE = "image"
    OTHER = "other"


_IMAGE_TYPES = {
    "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/x-ms-bmp",
    "image/tiff", "image/vnd.microsoft.icon", "image/x-icon",
}
_TEXT_APPS = {
    "application/json", "application/xml", "application/javascript", "application/x-empty",
    "application/x-yaml", "application/toml", "application/csv", "application/x-sh",
}


@lru_cache(maxsize=1)
def _magic() -> Any | None:
    try:
        import magic
    except ImportError:  # libmagic missing: fall back to names and byte checks
        return None
    return magic.Magic(mime=True)


def sniff(head: bytes, name: str) -> str:
    """Best MIME type for content starting with `head` stored under `name`."""
    guessed_by_name = mimetypes.guess_type(name)[0] or ""
    detector = _magic()
    detected = ""
    if detector is not None:
        try:
            detected = str(detector.from_buffer(head[:SNIFF_BYTES]))
        except Exception:  # libmagic can fail on odd input; the name still helps
            detected = ""
    if detected in _IMAGE_TYPES:
        return detected
    if detected.startswith("image/") and not guessed_by_name.startswith("image/"):
        # Unconfirmed image guesses (like image/x-tga for noise) are not trusted.
        detected = "application/octet-stream"
    if detected.startswith("text/") or detected in _TEXT_APPS:
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
    if mime in _IMAGE_TYPES:
        return PreviewKind.IMAGE
    if mime.startswith("text/") or mime in _TEXT_APPS:
        return PreviewKind.TEXT
    return PreviewKind.OTHER


def type_label(name: str, is_folder: bool = False) -> str:
    """A short type column text from the name alone (listings carry no content)."""
    if is_folder:
        return "Folder"
    guessed = mimetypes.guess_type(name)[0]
    if guessed:
        return guessed
    suffix = name.rsplit(".", 1)[-1] if "." in name else ""
    return f"{suffix.upper()} file" if suffix else "File"
