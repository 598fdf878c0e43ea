"""An object's properties (what the panel shows and the dialog edits) and the wire encoding
of user-metadata values.

HTTP headers carry ASCII only, and S3 servers (SeaweedFS here) reject raw non-ASCII values
in signed headers. Like AWS's own console we send such values RFC 2047 encoded
(`=?UTF-8?B?<base64>?=`) and decode them for display. To round-trip exactly, values that would
otherwise be changed on the way (leading/trailing spaces, control characters, or text that
itself looks like an encoded word) are encoded too.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from datetime import datetime

from desktop_app.core.checksums import COMPOSITE, StoredChecksum

_ENCODED_WORD = re.compile(r"=\?([A-Za-z0-9_-]+)\?([BbQq])\?([^?\s]*)\?=")
_TOKEN = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")
MAX_TAGS = 10
_TAG_PUNCTUATION = set(" +-=._:/@")


@dataclass(frozen=True, slots=True)
class ObjectProperties:
    bucket: str
    key: str
    size: int
    etag: str
    content_type: str
    last_modified: datetime | None
    storage_class: str = ""
    version_id: str | None = None
    cache_control: str = ""
    content_disposition: str = ""
    content_encoding: str = ""
    content_language: str = ""
    metadata: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    tags: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    sha256: str = ""
    checksums: tuple[StoredChecksum, ...] = ()  # what the server (or our metadata) keeps
    retention_mode: str = ""
    retain_until: str = ""
    legal_hold: str = ""
    encryption: str = ""  # how the server stores it (see `core.sse.describe_encryption`)


@dataclass(frozen=True, slots=True)
class PropertyEdits:
    """What the properties dialog asks to change; None means keep as is."""

    content_type: str | None = None
    cache_control: str | None = None
    content_disposition: str | None = None
    metadata: dict[str, str] | None = None
    tags: dict[str, str] | None = None

    @property
    def changes_headers(self) -> bool:
        return any(v is not None for v in (self.content_type, self.cache_control,
                                           self.content_disposition, self.metadata))


def encode_meta_value(value: str) -> str:
    """The header-safe form of a user-metadata value."""
    safe = (
        value.isascii()
        and value == value.strip(" \t")
        and all(0x20 <= ord(c) < 0x7F for c in value)
        and not _ENCODED_WORD.search(value)
    )
    if safe:
        return value
    return "=?UTF-8?B?" + base64.b64encode(value.encode("utf-8")).decode("ascii") + "?="


def decode_meta_value(value: str) -> str:
    """The text a user meant, for values written by us or by other RFC 2047 writers."""
    match = _ENCODED_WORD.fullmatch(value.strip())
    if not match:
        return value
    charset, mode, payload = match.groups()
    try:
        raw = base64.b64decode(payload, validate=True) if mode in "Bb" else _q_decode(payload)
        return raw.decode(charset)
    except (binascii.Error, LookupError, UnicodeDecodeError, ValueError):
        return value


def _q_decode(payload: str) -> bytes:
    out = bytearray()
    i = 0
    while i < len(payload):
        char = payload[i]
        if char == "_":
            out.append(0x20)
        elif char == "=" and i + 2 < len(payload) + 1:
            out.append(int(payload[i + 1:i + 3], 16))
            i += 2
        else:
            out += char.encode("ascii")
        i += 1
    return bytes(out)


def check_meta_key(key: str) -> str | None:
    """Why a user-metadata name cannot be used, or None when it is fine."""
    if not key:
        return "A metadata name cannot be empty."
    if not _TOKEN.match(key):
        return (f"The metadata name “{key}” may only use ASCII letters, digits and "
                "- _ . ! # $ % & ' * + ^ ` | ~ (no spaces or accents).")
    return None


def check_tags(tags: dict[str, str]) -> str | None:
    """Why a tag set would be refused by S3, or None."""
    if len(tags) > MAX_TAGS:
        return f"An object can have at most {MAX_TAGS} tags."
    for key, value in tags.items():
        if not key or len(key) > 128:
            return "A tag name must be 1 to 128 characters long."
        if len(value) > 256:
            return f"The value of tag “{key}” is longer than 256 characters."
        for text in (key, value):
            bad = sorted({c for c in text if not (c.isalnum() or c in _TAG_PUNCTUATION)})
            if bad:
                return (f"Tag “{key}”: S3 tags may only hold letters, digits, spaces and "
                        f"+ - = . _ : / @ (not {' '.join(bad)}).")
    return None


def stored_sha256(headers: dict[str, str], metadata: dict[str, str]) -> str:
    """The SHA-256 the server or the uploader stored, as hex, or "".

    S3 returns an additional checksum as base64 (`x-amz-checksum-sha256`); uploaders that
    cannot use S3 checksums often keep a hex digest in user metadata instead.
    """
    encoded = headers.get("x-amz-checksum-sha256", "").split("-", 1)[0]
    if encoded:
        try:
            raw = base64.b64decode(encoded, validate=True)
        except binascii.Error:
            return encoded
        return raw.hex() if len(raw) == 32 else encoded
    for name in ("sha256", "content-sha256", "x-sha256"):
        value = metadata.get(name, "").strip().lower()
        if len(value) == 64 and all(c in "0123456789abcdef" for c in value):
            return value
    return ""


def checksums_text(checksums: tuple[StoredChecksum, ...]) -> str:
    """One line per stored checksum: algorithm, type and value as the server sends it, e.g.
    "CRC64NVME, full object: RXy0lWEYIi8=" or "CRC32, composite of 3 parts: Kgz8dA==-3"."""
    lines = []
    for item in checksums:
        if item.kind == COMPOSITE:
            kind = f"composite of {item.parts} parts" if item.parts else "composite"
            value = f"{item.value}-{item.parts}" if item.parts else item.value
        else:
            kind, value = "full object", item.value
        where = " (user metadata)" if item.source == "metadata" else ""
        lines.append(f"{item.algo}, {kind}{where}: {value}")
    return "\n".join(lines)
