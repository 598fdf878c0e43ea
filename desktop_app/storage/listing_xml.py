"""Fast parsing of ListObjectsV2 answers (no SDK, no Qt), and the bounds one answer must keep.

The SDK's parser costs ~60 µs per object (namespaced `findtext` and `strptime` for every
field). We parse into columns (`listing_columns.py`, regex fast path) and fall back to one flat
ElementTree pass for unusual answers. Keys arrive URL-encoded (`encoding-type=url`) so control
characters cannot break the XML. What the server sends is not trusted: an answer declaring a
DOCTYPE is refused (no S3 server sends one, and its entities could expand to gigabytes), and
so is one larger than the page asked for (`max_keys` entries, `body_cap` bytes).
"""

from __future__ import annotations

import re
import sys
from array import array
from dataclasses import dataclass
from xml.etree import ElementTree

from urllib3 import BaseHTTPResponse

from desktop_app.core.errors import ServerError
from desktop_app.core.types import ObjectEntry
from desktop_app.storage.listing_columns import (
    ListingColumns,
    epoch,
    first_text,
    parse_columns,
    plain_markup,
)
from desktop_app.storage.listing_text import NotPlain, unquoted

_S3_NS = "{http://s3.amazonaws.com/doc/2006-03-01/}"
_SIZE = re.compile(r"[ \t\n]*[0-9]+[ \t\n]*")
_READ_FIELDS = ("Key", "Size", "ETag", "LastModified", "StorageClass")
_ENTRY_BYTES = 16 * 1024  # a 1,024-byte key URL-encoded is 3 KB; the other fields ~0.5 KB
_BODY_BYTES = 64 * 1024
_CHUNK = 1 << 20
_LIMITS_HINT = ("This server ignores the page limit (max-keys) that S3 clients rely on. Check "
                "that the endpoint is a real S3 server, or ask its administrator to fix it.")


@dataclass(frozen=True, slots=True)
class ParsedListing:
    """One ListObjectsV2 answer: objects, common prefixes, and whether more follow."""

    objects: tuple[ObjectEntry, ...]
    prefixes: tuple[str, ...]
    truncated: bool


def body_cap(max_keys: int) -> int:
    """The most bytes an answer of at most `max_keys` entries may take (4x the worst case of
    a real server)."""
    return _BODY_BYTES + max_keys * _ENTRY_BYTES


def read_capped(response: BaseHTTPResponse, cap: int, chunk: int = _CHUNK) -> bytes | None:
    """The whole body read in pieces of `chunk`, or None once it would pass `cap` bytes (or
    says it will): that connection is closed, not drained, so nothing past `cap` is read."""
    chunks: list[bytes] = []
    size = 0
    complete = False
    try:
        declared = str(response.headers.get("Content-Length") or "")
        if not (declared.isascii() and declared.isdigit() and int(declared) > cap):
            while size <= cap:
                piece = response.read(min(chunk, cap + 1 - size))
                if not piece:
                    complete = True
                    break
                chunks.append(piece)
                size += len(piece)
    finally:
        if not complete:
            response.close()
        response.release_conn()
    return b"".join(chunks) if complete else None


def read_listing_body(response: BaseHTTPResponse, max_keys: int) -> bytes:
    """The body of one listing answer, never read past `body_cap`: a server that ignores
    max-keys cannot make us hold more."""
    cap = body_cap(max_keys)
    body = read_capped(response, cap)
    if body is None:
        megabytes = f"{cap / 1e6:.0f} MB" if cap >= 1e6 else f"{cap // 1000} kB"
        raise ServerError(
            f"The server sent more than {megabytes} for one page of a folder listing that was "
            f"to hold at most {max_keys:,} entries; the page was refused rather than read "
            "whole.",
            _LIMITS_HINT,
        )
    return body


def next_token(data: bytes, max_keys: int) -> str | None:
    """The continuation token of a truncated answer, found without parsing the whole page
    (so the next page can be asked for while this one is parsed). A DOCTYPE or too many
    entries refuse the page here already; `parse_listing` checks the rest of it."""
    if not plain_markup(data):
        return _token_of(_tree(data), max_keys)
    _check_count(data.count(b"<Contents>") + data.count(b"<CommonPrefixes>"), max_keys)
    try:
        if first_text(data, b"IsTruncated").strip().lower() != "true":
            return None
        token = first_text(data, b"NextContinuationToken")
    except NotPlain:
        return _token_of(_tree(data), max_keys)
    if not token:
        raise _no_token()
    return token


def parse_listing(data: bytes, max_keys: int) -> ParsedListing:
    """Parse a ListObjectsV2 answer (the module docstring says why not the SDK's)."""
    columns = parse_listing_columns(data, max_keys)
    return ParsedListing(columns.entries(), columns.prefixes, columns.truncated)


def parse_listing_columns(data: bytes, max_keys: int) -> ListingColumns:
    """The answer as columns: the regex fast path, else ElementTree; refused when it holds
    more than the `max_keys` entries asked for."""
    fast = parse_columns(data)
    columns = fast if fast is not None else _parse_tree(data)
    _check_count(len(columns) + len(columns.prefixes), max_keys)
    return columns


def listing_stalled() -> ServerError:
    """The error for a server that sends the same page again instead of the next one."""
    return ServerError(
        "The server sent the same page of a folder listing again instead of the next one; "
        "listing stopped rather than go round forever.",
        "This server ignores the start-after or continuation token that S3 clients rely on. "
        "Check that the endpoint is a real S3 server, or ask its administrator to fix it.",
    )


def _check_count(entries: int, max_keys: int) -> None:
    if entries > max_keys:
        raise ServerError(
            f"The server sent {entries:,} entries in one page of a folder listing although at "
            f"most {max_keys:,} were asked for; the page was refused rather than shown in part.",
            _LIMITS_HINT,
        )


class DoctypeSeen(Exception):
    pass


class NoDoctype(ElementTree.TreeBuilder):
    """Stops expat at the start of a DOCTYPE, before any entity in it is declared."""

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise DoctypeSeen


def _tree(data: bytes) -> ElementTree.Element:
    """The answer as a tree (expat, any encoding), a DOCTYPE refused; root checked."""
    parser = ElementTree.XMLParser(target=NoDoctype())  # noqa: S314 - DOCTYPE refused
    try:
        parser.feed(data)
        root = parser.close()
    except DoctypeSeen:
        raise ServerError(
            "The server's answer to a folder listing declared a DOCTYPE (entity definitions), "
            "which S3 servers never send; it was refused unread.",
            "Check that the endpoint is a real S3 server (not a proxy or login page), or ask "
            "its administrator.",
        ) from None
    except ElementTree.ParseError as exc:
        raise _unreadable(str(exc)) from None
    if root.tag.removeprefix(_S3_NS) != "ListBucketResult":
        raise ServerError(
            f"The server answered a folder listing with “{root.tag.removeprefix(_S3_NS)[:40]}”.",
            "Check that the endpoint is an S3 server, and try again.",
        )
    return root


def _unreadable(why: str) -> ServerError:
    return ServerError(
        f"The server's folder listing could not be read ({why}).",
        "Check that the endpoint is an S3 server, and try again.",
    )


def _no_token() -> ServerError:
    return ServerError(
        "The server said the listing goes on but gave no continuation token.",
        "This server may not support ListObjectsV2; try another S3 server.",
    )


def _token_of(root: ElementTree.Element, max_keys: int) -> str | None:
    ns = _S3_NS if root.tag.startswith(_S3_NS) else ""
    entries = (f"{ns}Contents", f"{ns}CommonPrefixes")
    _check_count(sum(1 for child in root if child.tag in entries), max_keys)
    if (root.findtext(f"{ns}IsTruncated") or "").strip().lower() != "true":
        return None
    token = root.findtext(f"{ns}NextContinuationToken")
    if not token:
        raise _no_token()
    return token


def _parse_tree(data: bytes) -> ListingColumns:
    root = _tree(data)
    ns = _S3_NS if root.tag.startswith(_S3_NS) else ""
    cut = len(ns)
    encoded = (root.findtext(f"{ns}EncodingType") or "").strip().lower() == "url"
    columns = ListingColumns([], array("q"), array("d"), [], [], (), False)
    prefixes: list[str] = []
    for child in root:
        tag = child.tag[cut:]
        if tag == "Contents":
            fields: dict[str, str] = {}
            for field in child:
                name = field.tag[cut:]
                if name in _READ_FIELDS and (name in fields or len(field)):
                    raise _unreadable(f"an entry with two {name}s, or markup in one")
                fields[name] = field.text or ""
            if "Key" not in fields:
                raise _unreadable("an entry without a key")
            size = fields.get("Size") or "0"
            if not _SIZE.fullmatch(size):
                raise _unreadable(f"the size “{size[:20]}” is not a number")
            columns.keys.append(unquoted(fields["Key"]) if encoded else fields["Key"])
            columns.sizes.append(int(size))
            columns.times.append(epoch(fields.get("LastModified", "")))
            columns.etags.append(fields.get("ETag", "").strip('"'))
            columns.classes.append(sys.intern(fields.get("StorageClass", "")))
        elif tag == "CommonPrefixes":
            value = child.find(f"{ns}Prefix")
            if value is None or len(value):
                raise _unreadable("a folder without a name")
            text = value.text or ""
            prefixes.append(unquoted(text) if encoded else text)
    truncated = (root.findtext(f"{ns}IsTruncated") or "").strip().lower() == "true"
    return ListingColumns(
        columns.keys, columns.sizes, columns.times, columns.etags, columns.classes,
        tuple(prefixes), truncated,
    )
