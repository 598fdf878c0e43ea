"""Fast checks of the Qt-free preview helpers: kinds, text decoding, CSV, ZIP index, SVG
sanitizing, metadata wire encoding and the preview cache."""

from __future__ import annotations

import io
import os
import zipfile
from datetime import datetime

import pytest

from desktop_app.core.mime import ViewKind, sniff, view_kind
from desktop_app.core.object_properties import (
    check_meta_key,
    check_tags,
    decode_meta_value,
    encode_meta_value,
)
from desktop_app.core.svg_safety import UnsafeSvg, sanitize_svg
from desktop_app.core.text_preview import decode_text, hex_dump, parse_csv, pretty_json
from desktop_app.core.types import ObjectStat
from desktop_app.core.zip_index import ZipFormatError, find_directory, parse_directory
from desktop_app.storage.preview_fetch import PreviewCache, PreviewData
from desktop_app.storage.sample_data import pdf_bytes, png_bytes


@pytest.mark.parametrize(
    ("head", "name", "kind"),
    [
        (png_bytes(4, 4), "x.txt", ViewKind.IMAGE),
        (b"\xff\xd8\xff\xe0" + b"\0" * 20, "photo", ViewKind.IMAGE),
        (b"GIF89a" + b"\0" * 20, "a.gif", ViewKind.IMAGE),
        (pdf_bytes("t", ["x"]), "doc", ViewKind.PDF),
        (b"PK\x03\x04" + b"\0" * 40, "a.docx", ViewKind.ZIP),
        (b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\0" * 30, "a.wav", ViewKind.AUDIO),
        (b"\x00\x00\x00\x18ftypmp42" + b"\0" * 30, "clip.mp4", ViewKind.VIDEO),
        (b"a,b\n1,2\n", "t.csv", ViewKind.CSV),
        (b"a\tb\n1\t2\n", "t.tsv", ViewKind.CSV),
        (b'{"a": 1}', "x.json", ViewKind.JSON),
        (b"# Title\n", "r.md", ViewKind.TEXT),
        (b"<html><script>x</script></html>", "p.html", ViewKind.TEXT),
        (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "d.svg", ViewKind.SVG),
        (b"BM" + bytes((0x00, 0xFF, 0x13, 0x80)) * 10, "noise.dat", ViewKind.HEX),
        (b"", "empty", ViewKind.TEXT),
    ],
)
def test_view_kind_from_bytes_and_name(head: bytes, name: str, kind: ViewKind) -> None:
    assert view_kind(sniff(head, name), name) is kind


def test_svg_name_on_non_svg_bytes_is_not_an_svg() -> None:
    assert view_kind(sniff(b"hello", "fake.svg"), "fake.svg") is ViewKind.TEXT


def test_decode_text_boms_and_fallbacks() -> None:
    assert decode_text("\ufeffhé".encode("utf-16-le")).text == "hé"
    assert decode_text("\ufeffhé".encode("utf-16-be")).encoding == "UTF-16"
    assert decode_text(b"\xef\xbb\xbfhi").text == "hi"
    assert decode_text("héllo".encode()).encoding == "UTF-8"
    assert decode_text("héllo".encode("latin-1")).text == "héllo"
    cut = "ab€".encode()[:-1]  # a character cut by the read cap
    assert decode_text(cut, truncated=True).text == "ab"
    assert decode_text(cut, truncated=False).encoding == "Latin-1"


def test_pretty_json() -> None:
    assert pretty_json('{"a":[1,2]}') == '{\n  "a": [\n    1,\n    2\n  ]\n}'
    assert pretty_json('{"a":') is None


def test_parse_csv_counts_sniffs_and_reports() -> None:
    table = parse_csv("a;b\n1;2\n3;4;5\n")
    assert table.delimiter == ";"
    assert table.header == ["a", "b"]
    assert table.rows == [["1", "2"], ["3", "4", "5"]]
    assert table.columns == 3
    assert table.errors
    big = parse_csv("h\n" + "x\n" * 20_000)
    assert len(big.rows) == 10_000
    assert big.more_rows
    cut = parse_csv("a,b\n1,2\n3,", truncated=True)
    assert cut.rows == [["1", "2"]]
    assert not cut.errors
    quoted = parse_csv('a,b\n"unterminated,1\n', "x.csv")
    assert quoted.errors


def test_hex_dump_layout() -> None:
    dump = hex_dump(b"ABC\x00" * 5)
    first = dump.splitlines()[0]
    assert first.startswith("00000000  41 42 43 00")
    assert first.endswith("ABC.ABC.ABC.ABC.")
    assert len(hex_dump(os.urandom(70_000)).splitlines()) == 4096


def _zip(count: int, comment: bytes = b"") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.comment = comment
        for i in range(count):
            archive.writestr(zipfile.ZipInfo(f"d/ü-{i}.txt", (2024, 5, 6, 7, 8, 10)), b"x" * i)
        archive.writestr("d/sub/", b"")
    return out.getvalue()


def test_zip_index_from_tail() -> None:
    data = _zip(5, comment=b"c" * 1000)
    directory, zip64 = find_directory(data[-70_000:], len(data))
    assert zip64 is None
    assert directory.entries == 6
    entries, more = parse_directory(data[directory.offset:directory.offset + directory.size])
    assert not more
    assert [e.name for e in entries][:2] == ["d/ü-0.txt", "d/ü-1.txt"]
    assert entries[3].size == 3
    assert entries[0].modified == datetime(2024, 5, 6, 7, 8, 10)
    assert entries[-1].is_dir
    limited, more = parse_directory(data[directory.offset:directory.offset + directory.size], 2)
    assert len(limited) == 2
    assert more
    with pytest.raises(ZipFormatError):
        find_directory(os.urandom(1000), 1000)


def test_svg_sanitizer_strips_everything_external() -> None:
    dirty = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
             b' onload="x()"><script>x()</script><a xlink:href="http://e/">t</a>'
             b'<use href="#ok"/><image href="data:image/png;base64,AAAA"/>'
             b'<rect style="fill:url(http://e/f)"/><rect fill="url(#grad)"/></svg>')
    clean = sanitize_svg(dirty)
    text = clean.data.decode()
    assert "script" not in text
    assert "onload" not in text
    assert "http://e" not in text
    assert "#ok" in text
    assert "data:image/png" in text
    assert "url(#grad)" in text
    for bad in (b"<!DOCTYPE svg><svg/>", b"<html/>", b"<svg"):
        with pytest.raises(UnsafeSvg):
            sanitize_svg(bad)


@pytest.mark.parametrize("value", ["plain", "Grüße 🌍", " padded ", "=?UTF-8?B?Zm9v?=",
                                   "line\nbreak", "", "tab\tinside"])
def test_metadata_values_round_trip_as_ascii(value: str) -> None:
    wire = encode_meta_value(value)
    assert wire.isascii()
    assert "\n" not in wire
    assert decode_meta_value(wire) == value


def test_metadata_decoding_of_other_writers() -> None:
    assert decode_meta_value("=?utf-8?q?Gr=C3=BC=C3=9Fe_Welt?=") == "Grüße Welt"
    assert decode_meta_value("=?UTF-8?B?!!!?=") == "=?UTF-8?B?!!!?="
    assert check_meta_key("author") is None
    assert check_meta_key("Autör")
    assert check_meta_key("two words")
    assert check_meta_key("")
    assert check_tags({f"k{i}": "v" for i in range(11)})
    assert check_tags({"a": "b&c"})
    assert check_tags({"projekt": "Grüße"}) is None


def _data(key: str, etag: str, content: bytes) -> PreviewData:
    from desktop_app.core.mime import PreviewKind

    stat = ObjectStat("b", key, len(content), etag, "", None)
    return PreviewData(stat, "text/plain", PreviewKind.TEXT, content, False)


def test_preview_cache_is_lru_bounded_and_keyed_by_etag() -> None:
    cache = PreviewCache(max_entries=2, max_bytes=1000)
    a, b, c = _data("a", "1", b"a" * 10), _data("b", "1", b"b"), _data("c", "1", b"c")
    cache.put(a)
    cache.put(b)
    assert cache.get(a.stat) is a  # a is now the most recent
    cache.put(c)
    assert cache.get(b.stat) is None
    assert len(cache) == 2
    assert cache.get(_data("a", "2", b"a" * 10).stat) is None  # new ETag: miss
    cache.put(_data("big", "1", b"x" * 600))  # over half the byte budget: not kept
    assert cache.get(_data("big", "1", b"x" * 600).stat) is None
    cache.invalidate("b", "a")
    assert cache.get(a.stat) is None


def test_stored_sha256_sources() -> None:
    import base64
    import hashlib

    from desktop_app.core.object_properties import stored_sha256

    digest = hashlib.sha256(b"x").digest()
    header = {"x-amz-checksum-sha256": base64.b64encode(digest).decode()}
    assert stored_sha256(header, {}) == digest.hex()
    assert stored_sha256({}, {"sha256": digest.hex().upper()}) == digest.hex()
    assert stored_sha256({}, {"sha256": "not a digest"}) == ""


def test_zip64_directory_is_found() -> None:
    from desktop_app.core.zip_index import parse_zip64_eocd

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for i in range(65_536):  # one more than a classic ZIP can count
            archive.writestr(zipfile.ZipInfo(f"{i}"), b"")
    data = out.getvalue()
    directory, zip64_at = find_directory(data[-70_000:], len(data))
    assert zip64_at is not None
    directory = parse_zip64_eocd(data[zip64_at:zip64_at + 56])
    assert directory.entries == 65_536
    entries, more = parse_directory(data[directory.offset:directory.offset + directory.size])
    assert more
    assert len(entries) == 20_000
    assert entries[0].name == "0"


def test_preview_limit_setting() -> None:
    from desktop_app.core.errors import ConfigError
    from desktop_app.core.preview_settings import PREVIEW_LIMIT_ENV, preview_limit

    assert preview_limit({}) == 20 * 1024 * 1024
    assert preview_limit({PREVIEW_LIMIT_ENV: "5"}) == 5 * 1024 * 1024
    for bad in ("0", "lots", "5000"):
        with pytest.raises(ConfigError, match=PREVIEW_LIMIT_ENV):
            preview_limit({PREVIEW_LIMIT_ENV: bad})
