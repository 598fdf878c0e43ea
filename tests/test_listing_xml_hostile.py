"""The listing parser reads exactly what an XML parser reads, and refuses what no S3 server
sends: entity declarations (DOCTYPE) and pages larger than asked for. Unit tests on crafted
answers, compared with ElementTree, and the real fetch path against a hostile loopback server.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from urllib.parse import unquote_plus
from xml.etree import ElementTree

import pytest

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import AppError, ServerError
from desktop_app.storage.listing_columns import parse_columns
from desktop_app.storage.listing_xml import (
    _parse_tree,
    next_token,
    parse_listing,
    parse_listing_columns,
)
from desktop_app.storage.s3 import MinioStorage
from tests.hostile_listing import (
    BILLION_LAUGHS,
    TAIL,
    entry,
    flood_chunks,
    hostile_server,
    listing,
)

NS = "{http://s3.amazonaws.com/doc/2006-03-01/}"

# Raw XML text put where a key, a folder prefix and a continuation token go.
TRICKY = [
    b"plain", b"&#128;", b"&#x80;", b"&#x9F;", b"&#159;", b"&amp;lt;", b"&#38;lt;",
    b"&lt;&gt;&amp;&quot;&apos;", b"a>b", b"&#x26;#60;",
    b"<![CDATA[a<b&amp;c]]>", b"<![CDATA[x]]]]><![CDATA[>y]]>", b"<![CDATA[</Key>]]>",
    b"a]]>b", b"a<!-- note -->b", b"a<?pi x?>b",
    b"&#xD800;", b"&#55296;", b"&#xDFFF;", b"&#0;", b"&#x1F;", b"&#xFFFE;", b"&#xFFFF;",
    b"&#x10FFFF;", b"&#x110000;", b"&#9;&#xA;&#xD;", b"&#00065;", b"&#x0041;", b"&#X41;",
    b"&#65", b"&# 65;", b"&euro;", b"&nbsp;", b"&lol9;", b"&;", b"a & b",
    b"  spaced  ", b"\t", b"line\nbreak", b"a\r\nb\rc", b"&#13;&#10;", b"&#xd;\r",
    b"a\x01b", b"\x7f", b"\xc2\x80", b"\xc2\x85", b"\xef\xbf\xbe", b"\xed\xa0\x80", b"\xff",
    b"caf\xc3\xa9", b"e\xcc\x81", b"\xf0\x9f\x98\x80",
    b"a%2Bb+c", b"%E2%82%AC", b"%80", b"%C3%A9&#x25;41", b"100%", b"%2",
]


def _document(raw: bytes, encoded: bool) -> bytes:
    extra = b"<EncodingType>url</EncodingType>" if encoded else b""
    return listing(
        entry(b"first"), entry(raw),
        truncated=b"true",
        extra=extra + b"<NextContinuationToken>" + raw + b"</NextContinuationToken>"
        + b"<CommonPrefixes><Prefix>" + raw + b"</Prefix></CommonPrefixes>",
    )


Reading = tuple[list[str], list[str], bool, str | None]


def _reference(doc: bytes) -> Reading | None:
    """Keys, prefixes, truncation and token as a conforming XML parser reads them; None when
    it refuses the document (or a key is missing, or its URL encoding is not UTF-8)."""
    try:
        root = ElementTree.fromstring(doc)  # noqa: S314 - test documents, no DOCTYPE
    except ElementTree.ParseError:
        return None
    encoded = (root.findtext(f"{NS}EncodingType") or "").strip().lower() == "url"
    raw_keys = [c.findtext(f"{NS}Key") for c in root.findall(f"{NS}Contents")]
    raw_prefixes = [c.findtext(f"{NS}Prefix") for c in root.findall(f"{NS}CommonPrefixes")]
    if None in raw_keys or None in raw_prefixes:
        return None
    try:
        keys = [unquote_plus(k, errors="strict") if encoded else k
                for k in raw_keys if k is not None]
        prefixes = [unquote_plus(p, errors="strict") if encoded else p
                    for p in raw_prefixes if p is not None]
    except UnicodeDecodeError:
        return None
    truncated = (root.findtext(f"{NS}IsTruncated") or "").strip().lower() == "true"
    token = root.findtext(f"{NS}NextContinuationToken") if truncated else None
    return keys, prefixes, truncated, token


@pytest.mark.parametrize("encoded", [False, True], ids=["plain", "url"])
@pytest.mark.parametrize("raw", TRICKY, ids=[repr(t)[2:-1] for t in TRICKY])
def test_keys_read_exactly_as_an_xml_parser_reads_them(raw: bytes, encoded: bool) -> None:
    doc = _document(raw, encoded)
    expected = _reference(doc)
    if expected is None:
        with pytest.raises(ServerError):
            parse_listing_columns(doc, 10)
        return
    keys, prefixes, truncated, token = expected
    columns = parse_listing_columns(doc, 10)
    assert columns.keys == keys
    assert columns.prefixes == tuple(prefixes)
    assert columns.truncated == truncated
    assert columns.etags == ["9dd4e461268c8034f5c8564e155c67a6"] * 2
    assert next_token(doc, 10) == token
    fast = parse_columns(doc)
    assert fast is None or fast == columns  # the fast path never differs: it declines
    assert _parse_tree(doc) == columns


ODD_DOCUMENTS = {
    "control character in the name": listing(entry(b"k")).replace(b"hostile", b"ho\x02st"),
    "bad reference in the name": listing(entry(b"k")).replace(b"hostile", b"&#0;"),
    "latin-1 declared": listing(entry(b"caf\xe9")).replace(b"UTF-8", b"ISO-8859-1"),
    "utf-16": listing(entry(b"caf\xc3\xa9")).decode().replace("UTF-8", "UTF-16")
    .encode("utf-16"),
    "utf-8 byte order mark": b"\xef\xbb\xbf" + listing(entry(b"k")),
    "junk after the root": listing(entry(b"k")) + b"<x/>",
    "comment after the root": listing(entry(b"k")) + b"<!-- <Contents><Key>z</Key> -->",
    "comment hiding an entry": listing(entry(b"k"), extra=b"<!--" + entry(b"ghost") + b"-->"),
    "unclosed key": listing(entry(b"k")).replace(b"</Key>", b"</Ke>"),
    "empty contents": listing(entry(b"k"), b"<Contents/>"),
    "contents without a key": listing(
        entry(b"k"), b"<Contents><Size>1</Size><LastModified>x</LastModified><ETag>e</ETag>"
        b"<Key2>k</Key2></Contents>"),
    "truncated in capitals": listing(entry(b"k"), truncated=b" True "),
    "truncated by reference": listing(entry(b"k"), truncated=b"&#116;rue"),
    "encoding type by reference": listing(
        entry(b"a%2Fb"), extra=b"<EncodingType>&#117;rl</EncodingType>"),
    "time by reference": listing(entry(b"k")).replace(b"<LastModified>2", b"<LastModified>&#50;"),
}


@pytest.mark.parametrize("doc", ODD_DOCUMENTS.values(), ids=ODD_DOCUMENTS.keys())
def test_odd_documents_read_as_an_xml_parser_reads_them(doc: bytes) -> None:
    expected = _reference(doc)
    if expected is None:
        with pytest.raises(ServerError):
            parse_listing_columns(doc, 10)
        return
    columns = parse_listing_columns(doc, 10)
    assert (columns.keys, list(columns.prefixes), columns.truncated) == expected[:3]
    assert not any(math.isnan(t) for t in columns.times)
    assert _parse_tree(doc) == columns
    fast = parse_columns(doc)
    assert fast is None or fast == columns


def _assert_refused_doctype(exc: AppError) -> None:
    assert "DOCTYPE" in exc.message
    assert "S3 servers never" in exc.message
    assert "real S3 server" in exc.hint


DOCTYPES = {
    "billion laughs": BILLION_LAUGHS,
    "external": listing(entry(b"&x;"), prolog=b'<!DOCTYPE x SYSTEM "file:///etc/passwd">\n'),
    "empty": listing(entry(b"k"), prolog=b"<!DOCTYPE ListBucketResult>\n"),
    "utf-16": BILLION_LAUGHS.decode().replace("UTF-8", "UTF-16").encode("utf-16"),
    "namespace prefix": b'<!DOCTYPE s3:L [<!ENTITY e "v">]><s3:ListBucketResult xmlns:s3="'
    b'http://s3.amazonaws.com/doc/2006-03-01/"><s3:Contents><s3:Key>&e;</s3:Key></s3:Contents>'
    b"</s3:ListBucketResult>",
}


@pytest.mark.parametrize("doc", DOCTYPES.values(), ids=DOCTYPES.keys())
def test_a_doctype_is_refused_never_expanded(doc: bytes) -> None:
    for read in (parse_listing_columns, parse_listing, next_token):
        with pytest.raises(ServerError) as caught:
            read(doc, 1000)
        _assert_refused_doctype(caught.value)
    with pytest.raises(ServerError) as caught:  # the strict fallback on its own, too
        _parse_tree(doc)
    _assert_refused_doctype(caught.value)


def _keys(n: int) -> list[bytes]:
    return [entry(b"k%04d" % i) for i in range(n)]


def test_a_page_larger_than_asked_for_is_refused() -> None:
    assert len(parse_listing_columns(listing(*_keys(10)), 10)) == 10
    folders = [b"<CommonPrefixes><Prefix>d%d/</Prefix></CommonPrefixes>" % i for i in range(6)]
    for doc in (listing(*_keys(11)), listing(*_keys(5), *folders)):
        for read in (parse_listing_columns, parse_listing, next_token):
            with pytest.raises(ServerError) as caught:
                read(doc, 10)
            assert "11 entries" in caught.value.message
            assert "at most 10" in caught.value.message
            assert "ignores" in caught.value.hint


# -- through the real fetch path, against a hostile loopback server -------------------------
def _storage(settings: ConnectionSettings) -> MinioStorage:
    return MinioStorage(settings)


def test_character_references_reach_the_app_as_the_key_they_name() -> None:
    body = listing(entry(b"&#128;"), entry(b"&#x9F;"), entry(b"a\r\nb"))
    with hostile_server(body) as server:
        storage = _storage(server.settings())
        try:
            page = storage.list_page("bucket", "", None, 1000)
            streamed = [o.key for p in storage.iter_listing("bucket") for o in p.objects]
        finally:
            storage.close()
    assert [o.key for o in page.objects] == ["\x80", "\x9f", "a\nb"]
    assert streamed == ["\x80", "\x9f", "a\nb"]


def test_entity_declarations_are_refused_with_a_message() -> None:
    with hostile_server(BILLION_LAUGHS) as server:
        storage = _storage(server.settings())
        try:
            with pytest.raises(ServerError) as shown:
                storage.list_page("bucket", "", None, 1000)
            _assert_refused_doctype(shown.value)
            with pytest.raises(ServerError) as streamed:
                list(storage.iter_listing("bucket"))
            _assert_refused_doctype(streamed.value)
        finally:
            storage.close()
    assert len(server.queries) == 2  # nothing was asked ahead for a refused page


FLOOD_KEYS = 185_185  # 60 MB, where 1,000 keys were asked for


def _flood(_query: dict[str, str]) -> Iterable[bytes]:
    return flood_chunks(FLOOD_KEYS)


@pytest.mark.parametrize("declared", [False, True], ids=["until-close", "content-length"])
def test_a_flood_is_refused_without_reading_it_all(declared: bool) -> None:
    size = sum(len(c) for c in flood_chunks(FLOOD_KEYS))
    with hostile_server(_flood, size if declared else None) as server:
        storage = _storage(server.settings())
        try:
            with pytest.raises(ServerError) as caught:
                storage.list_page("bucket", "", None, 1000)
            storage.close()
            assert server.finished.wait(60)
        finally:
            storage.close()
    assert server.queries[0]["max-keys"] == "1000"
    assert "more than" in caught.value.message
    assert "1,000" in caught.value.message
    assert "ignores" in caught.value.hint
    assert server.bytes_sent < size // 2  # the reader stopped and hung up


def test_more_keys_than_asked_for_are_refused_through_the_fetch_path() -> None:
    with hostile_server(listing(*_keys(50))) as server:
        storage = _storage(server.settings())
        try:
            with pytest.raises(ServerError) as caught:
                storage.list_page("bucket", "", None, 10)
        finally:
            storage.close()
    assert server.queries[0]["max-keys"] == "10"
    assert "50 entries" in caught.value.message
    assert "at most 10" in caught.value.message


def test_the_flood_helper_makes_the_page_it_claims() -> None:
    chunks = list(flood_chunks(3, per_chunk=2))
    assert chunks[-1] == TAIL
    assert len(parse_listing_columns(b"".join(chunks), 3)) == 3


@pytest.mark.parametrize("raw", [b"plain", b"&#128;", b"&#x9F;", b"&amp;lt;", b"a\r\nb\rc",
                                 b"&#13;&#10;", b"\xc2\x80", b"caf\xc3\xa9", b"a%2Bb+c"])
def test_plain_answers_stay_on_the_fast_path(raw: bytes) -> None:
    for encoded in (False, True):
        doc = _document(raw, encoded)
        assert parse_columns(doc) == parse_listing_columns(doc, 10)


def test_a_truncated_answer_without_a_token_is_refused() -> None:
    for token in (b"", b"<NextContinuationToken></NextContinuationToken>",
                  b"<NextContinuationToken><![CDATA[]]></NextContinuationToken>"):
        with pytest.raises(ServerError, match="no continuation token"):
            next_token(listing(entry(b"k"), truncated=b"true", extra=token), 10)


def test_a_server_sending_the_same_page_again_is_stopped() -> None:
    page = listing(*_keys(10), truncated=b"true",
                   extra=b"<NextContinuationToken>again</NextContinuationToken>")
    with hostile_server(page) as server:
        storage = _storage(server.settings())
        try:
            first = storage.list_page("bucket", "", None, 10)
            assert first.next_start_after == "k0009"
            with pytest.raises(ServerError, match="same page") as caught:
                storage.list_page("bucket", "", "k0009", 10)
            assert "start-after" in caught.value.hint
            pages: list[object] = []
            with pytest.raises(ServerError, match="same page"):
                _take(storage.iter_listing("bucket"), pages, 3)
        finally:
            storage.close()
    assert len(pages) == 1


def _take(pages: Iterable[object], into: list[object], most: int) -> None:
    """Collect pages, failing (instead of going on forever) past `most`."""
    for page in pages:
        into.append(page)
        if len(into) > most:
            pytest.fail("the same page was listed again and again")
