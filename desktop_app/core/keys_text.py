"""Showing a key in a dialog: exact, but control characters and bidirectional overrides
made visible, so a crafted name cannot disguise itself (`evil\u202etxt.exe`)."""

from __future__ import annotations

import unicodedata


def shown_key(key: str) -> str:
    out: list[str] = []
    for char in key:
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Zl", "Zp") or char == "\ufffd":
            out.append(f"\\u{ord(char):04x}" if ord(char) > 0xFF else f"\\x{ord(char):02x}")
        else:
            out.append(char)
    return "".join(out)
