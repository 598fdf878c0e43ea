"""Text of a listing answer decoded exactly as an XML parser decodes it (no SDK, no Qt).

`html.unescape` is not XML: it knows some 2,000 entity names and reads `&#128;`–`&#159;` as
Windows-1252 (`&#128;` becomes "€"), so a key would reach the app as another key. XML knows
five names and numeric references to legal characters, turns CR LF and lone CR into LF, and
everything else is an error. The fast path decodes only answers whose prolog `utf8_prolog`
accepts; on anything else it raises `NotPlain`, and the caller reads the answer with expat
(ElementTree) instead, which reports any error.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_plus

from desktop_app.core.errors import ServerError

_REF = re.compile(r"&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));")
_NAMED = {"lt": "<", "gt": ">", "quot": '"', "apos": "'", "amp": "&"}  # `amp` last
# Characters XML 1.0 forbids raw (surrogates cannot come out of a strict UTF-8 decode).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DECLARATION = re.compile(
    rb"<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(['\"])1\.[0-9]+\1"
    rb"(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(['\"])(?i:utf-8)\2)?"
    rb"(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(['\"])(?:yes|no)\3)?[ \t\r\n]*\?>"
)
_BOM = b"\xef\xbb\xbf"


class NotPlain(Exception):
    """The fast path cannot be sure what an XML parser reads here; parse with expat."""


def legal_char(code: int) -> bool:
    """XML 1.0's `Char` production: what a character reference may name."""
    return (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF)


def checked_text(raw: bytes) -> str:
    """`xml_text` of an answer expat has not checked: raw characters XML forbids, or `]]>`,
    raise `NotPlain` too."""
    text = xml_text(raw)
    if _ILLEGAL.search(text) or b"]]>" in raw:
        raise NotPlain
    return text


def xml_text(raw: bytes) -> str:
    """The character data between two tags (no markup inside) of an answer expat found
    well-formed, as expat gives it: line ends normalised, references decoded."""
    try:
        text = raw.decode()
    except UnicodeDecodeError:
        raise NotPlain from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" not in text:
        return text
    if "&#" not in text:  # names only (an ETag's quotes): C-speed replaces, `&amp;` last
        if text.count("&") != sum(text.count(f"&{name};") for name in _NAMED):
            raise NotPlain
        for name, char in _NAMED.items():
            text = text.replace(f"&{name};", char)
        return text
    pieces: list[str] = []
    done = 0
    for found in _REF.finditer(text):
        before = text[done:found.start()]
        if "&" in before:
            raise NotPlain
        pieces.append(before)
        name, decimal, hexadecimal = found.groups()
        if name:
            pieces.append(_NAMED[name])
        else:
            code = int(decimal) if decimal else int(hexadecimal, 16)
            if not legal_char(code):
                raise NotPlain
            pieces.append(chr(code))
        done = found.end()
    if "&" in text[done:]:
        raise NotPlain
    pieces.append(text[done:])
    return "".join(pieces)


def unquoted(text: str) -> str:
    """A key or prefix the server URL-encoded (`encoding-type=url`), as the key it names.
    Strict: bytes that are not UTF-8 would otherwise become U+FFFD, i.e. another key."""
    if "%" not in text and "+" not in text:
        return text
    try:
        return unquote_plus(text, errors="strict")
    except UnicodeDecodeError:
        raise ServerError(
            "The server sent a folder listing with a URL-encoded name that is not UTF-8 text, "
            "which no S3 key can be.",
            "Check that the endpoint is an S3 server, and try again.",
        ) from None


def utf8_prolog(data: bytes) -> int | None:
    """Where the markup after the XML declaration starts, when the answer is UTF-8 and its
    prolog has no processing instruction, comment or DOCTYPE; else None."""
    start = len(_BOM) if data.startswith(_BOM) else 0
    if b"\x00" in data[:4] or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 or UTF-32
    if data.startswith(b"<?xml", start):
        declared = _DECLARATION.match(data, start)
        return None if declared is None else declared.end()
    return start
