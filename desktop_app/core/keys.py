"""Showing object keys exactly but safely, and matching them in filters and searches.

A key is any UTF-8 string up to 1024 bytes: it may hold control characters or bidi
overrides that would make a file name look like another ("invoice\u202egnp.exe"). We escape
those visibly and leave everything else alone (NFC and NFD forms stay distinct, as on the
server). Keys with `.`/`..` segments cannot be addressed through the SDK; we flag them.
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from functools import lru_cache

# Bidi embeddings/overrides/isolates and marks, zero-width and line/paragraph separators.
_INVISIBLE = frozenset(
    "\u061c\u200b\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\ufeff"
)

DOT_SEGMENT_WARNING = (
    "This key has a “.” or “..” path segment. It is listed as the server stores it, but it "
    "cannot be opened, downloaded or changed from here: the S3 library refuses such keys, and "
    "saved to disk it could point outside the chosen folder."
)


def _escape_char(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def needs_escape(char: str) -> bool:
    return char in _INVISIBLE or unicodedata.category(char) == "Cc"


def display_key(text: str) -> str:
    """`text` with control characters and bidi/invisible marks shown as `\\xNN`/`\\uNNNN`."""
    if text.isprintable() and not any(c in _INVISIBLE for c in text):
        return text
    return "".join(_escape_char(c) if needs_escape(c) else c for c in text)


def has_dot_segment(key: str) -> bool:
    return any(part in (".", "..") for part in key.split("/"))


def is_glob(pattern: str) -> bool:
    return any(c in pattern for c in "*?[")


@lru_cache(maxsize=64)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(fnmatch.translate(pattern.casefold()), re.DOTALL)


def name_matcher(pattern: str) -> re.Pattern[str] | str:
    """What `matches` needs: a compiled glob, or the case-folded substring."""
    return _glob_regex(pattern) if is_glob(pattern) else pattern.casefold()


def matches(matcher: re.Pattern[str] | str, name: str) -> bool:
    """Case-insensitive: a glob must match the whole name, a plain text anywhere in it."""
    folded = name.casefold()
    if isinstance(matcher, str):
        return matcher in folded
    return matcher.match(folded) is not None
