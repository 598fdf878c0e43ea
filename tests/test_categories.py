"""Categories of files: by extension, by stored content type, by first bytes; and the
category filter of the row store and of search criteria."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop_app.core.categories import (
    EXTENSION_CATEGORY,
    Category,
    category_by_name,
    category_of,
    category_of_type,
)
from desktop_app.core.row_store import RowStore
from desktop_app.core.search import SearchCriteria
from desktop_app.core.types import FolderEntry, ObjectEntry

C = Category


@pytest.mark.parametrize(("key", "expected"), [
    ("photos/2024/IMG_0001.JPG", C.IMAGES),
    ("a.jpeg", C.IMAGES), ("logo.svg", C.IMAGES), ("shot.heic", C.IMAGES),
    ("scan.png", C.IMAGES), ("raw/DSC1.nef", C.IMAGES),
    ("report.pdf", C.DOCUMENTS), ("letter.DOCX", C.DOCUMENTS), ("slides.pptx", C.DOCUMENTS),
    ("book.epub", C.DOCUMENTS), ("notes.odt", C.DOCUMENTS),
    ("sales.xlsx", C.SPREADSHEETS_DATA), ("data/x.csv", C.SPREADSHEETS_DATA),
    ("t.parquet", C.SPREADSHEETS_DATA), ("events.jsonl", C.SPREADSHEETS_DATA),
    ("app.sqlite", C.SPREADSHEETS_DATA), ("calc.ods", C.SPREADSHEETS_DATA),
    ("song.mp3", C.AUDIO), ("take.FLAC", C.AUDIO), ("memo.m4a", C.AUDIO), ("v.opus", C.AUDIO),
    ("clip.mp4", C.VIDEO), ("movie.MKV", C.VIDEO), ("film.mov", C.VIDEO),
    ("stream/seg-001.ts", C.VIDEO), ("w.webm", C.VIDEO),
    ("backup.zip", C.ARCHIVES), ("logs.tar.gz", C.ARCHIVES), ("x.7z", C.ARCHIVES),
    ("pkg.whl", C.ARCHIVES), ("disk.iso", C.ARCHIVES), ("d.zst", C.ARCHIVES),
    ("main.py", C.CODE_TEXT), ("README.md", C.CODE_TEXT), ("app.log", C.CODE_TEXT),
    ("conf.yaml", C.CODE_TEXT), ("data.json", C.CODE_TEXT), ("index.html", C.CODE_TEXT),
    ("src/lib.rs", C.CODE_TEXT), ("Makefile", C.CODE_TEXT), ("docs/LICENSE", C.CODE_TEXT),
    ("blob.bin", C.OTHER), ("noextension", C.OTHER), ("weird.xyz123", C.OTHER),
])
def test_category_by_extension(key: str, expected: Category) -> None:
    assert category_of(key) is expected


def test_ambiguous_and_odd_names() -> None:
    # Only the last extension counts; a dot in a folder name is not an extension.
    assert category_of("photo.jpg.zip") is C.ARCHIVES
    assert category_of("archive.zip.txt") is C.CODE_TEXT
    assert category_of("v1.2/notes") is C.OTHER
    assert category_of("v1.2/") is C.OTHER
    # A hidden name is not an extension; a trailing dot is no extension either.
    assert category_of(".bashrc") is C.OTHER
    assert category_of("name.") is C.OTHER
    assert category_by_name("x.unknownext") is None
    # Every table entry is lower case (the lookup lowers the extension).
    assert all(ext == ext.lower() and "." not in ext for ext in EXTENSION_CATEGORY)
    assert {c.label for c in Category} >= {"Spreadsheets and data", "Code and text", "Images"}


def test_extension_wins_over_content_type_and_bytes() -> None:
    assert category_of("a.png", "application/pdf", b"%PDF-1.7") is C.IMAGES


def test_content_type_when_the_name_says_nothing() -> None:
    assert category_of("upload-123", "image/webp") is C.IMAGES
    assert category_of("x", "application/pdf") is C.DOCUMENTS
    assert category_of("x", "text/csv; charset=utf-8") is C.SPREADSHEETS_DATA
    assert category_of("x", "TEXT/PLAIN") is C.CODE_TEXT
    assert category_of("x", "application/vnd.api+json") is C.CODE_TEXT
    assert category_of("x", "video/mp4") is C.VIDEO
    assert category_of("x", "audio/mpeg") is C.AUDIO
    assert category_of("x", "application/gzip") is C.ARCHIVES
    assert category_of("x", "application/octet-stream") is C.OTHER
    assert category_of_type("binary/octet-stream") is None
    assert category_of_type("") is None


def test_first_bytes_when_name_and_type_say_nothing() -> None:
    assert category_of("blob", "", b"\x89PNG\r\n\x1a\n" + bytes(32)) is C.IMAGES
    assert category_of("blob", "application/octet-stream", b"%PDF-1.4\n") is C.DOCUMENTS
    assert category_of("blob", "", b"PK\x03\x04" + bytes(40)) is C.ARCHIVES
    assert category_of("blob", "", b"hello, plain words\n") is C.CODE_TEXT
    assert category_of("blob", "", bytes(range(256)) * 4) is C.OTHER


def _obj(key: str) -> ObjectEntry:
    return ObjectEntry(key=key, size=1, last_modified=datetime(2024, 1, 1, tzinfo=UTC),
                       etag="0" * 32)


def _shown(rows: RowStore) -> list[str]:
    return [rows.keys[rows.view_row(i)] for i in range(len(rows))]


def test_row_store_category_filter_keeps_folders_and_new_pages() -> None:
    rows = RowStore()
    rows.add([FolderEntry("p/sub/")], [_obj("p/a.jpg"), _obj("p/b.pdf"), _obj("p/c.png")])
    rows.set_filter("", C.IMAGES)
    assert _shown(rows) == ["p/sub/", "p/a.jpg", "p/c.png"]
    rows.add([FolderEntry("p/zz/")], [_obj("p/d.txt"), _obj("p/e.gif")])  # a later page
    assert _shown(rows) == ["p/sub/", "p/zz/", "p/a.jpg", "p/c.png", "p/e.gif"]
    rows.set_filter("c*", C.IMAGES)  # name and kind together
    assert _shown(rows) == ["p/c.png"]
    rows.set_filter("", C.OTHER)
    assert _shown(rows) == ["p/sub/", "p/zz/"]
    rows.set_filter("", None)
    assert len(rows) == 7


def test_search_criteria_category() -> None:
    assert SearchCriteria(category=C.VIDEO).accepts(_obj("a/b/clip.MP4"))
    assert not SearchCriteria(category=C.VIDEO).accepts(_obj("a/b/clip.mp3"))
    assert SearchCriteria("clip", category=C.AUDIO).accepts(_obj("a/clip.mp3"))
    assert not SearchCriteria("other", category=C.AUDIO).accepts(_obj("a/clip.mp3"))
    assert SearchCriteria(category=C.OTHER).accepts(_obj("a/blob"))
