"""Fast unit tests: key display and matching, the columnar row store."""

from __future__ import annotations

import sys
import unicodedata
from datetime import UTC, datetime

from desktop_app.core.keys import display_key, has_dot_segment, matches, name_matcher
from desktop_app.core.row_store import COL_MODIFIED, COL_NAME, COL_SIZE, COL_TYPE, RowStore
from desktop_app.core.types import FolderEntry, ObjectEntry


def test_display_key_escapes_controls_and_bidi_only() -> None:
    assert display_key("plain name+1%.txt") == "plain name+1%.txt"
    assert display_key("a\tb\nc\x7f") == "a\\x09b\\x0ac\\x7f"
    assert display_key("evil\u202egnp.exe") == "evil\\u202egnp.exe"
    assert display_key("zero\u200bwidth") == "zero\\u200bwidth"
    nfd = unicodedata.normalize("NFD", "é")
    assert display_key(nfd) == nfd  # combining marks are shown as they are
    assert display_key("日本語 ☃") == "日本語 ☃"


def test_dot_segments_and_matching() -> None:
    assert has_dot_segment("a/../b")
    assert has_dot_segment("./x")
    assert not has_dot_segment("a/..b/c.")
    assert matches(name_matcher("REPORT"), "my-report.pdf")
    assert matches(name_matcher("*.PDF"), "x.pdf")
    assert not matches(name_matcher("*.pdf"), "x.pdf.zip")
    assert matches(name_matcher("file-0[12]?"), "file-013")


def _objects(n: int) -> list[ObjectEntry]:
    when = datetime(2024, 1, 1, tzinfo=UTC)
    return [ObjectEntry(f"p/o{i:04d}.{'txt' if i % 2 else 'png'}", (i * 7) % 13,
                        when.replace(minute=i % 60), f"{i:032x}", "STANDARD")
            for i in range(n)]


def test_row_store_keeps_folders_first_in_every_order() -> None:
    rows = RowStore()
    objs = _objects(50)
    rows.add([FolderEntry("p/b/")], objs[:20])
    rows.set_sort(COL_SIZE, True)
    rows.add([FolderEntry("p/a/")], objs[20:])
    assert len(rows) == 52
    shown = [rows.entry(rows.view_row(r)) for r in range(len(rows))]
    assert all(isinstance(e, FolderEntry) for e in shown[:2])
    sizes = [e.size for e in shown[2:] if isinstance(e, ObjectEntry)]
    assert sizes == sorted(sizes, reverse=True)
    rows.set_sort(COL_TYPE, False)
    types = [rows.type_of(rows.view_row(r)) for r in range(2, 52)]
    assert types == sorted(types)
    rows.set_sort(COL_MODIFIED, False)
    rows.set_sort(COL_NAME, False)
    assert [rows.keys[rows.view_row(r)] for r in range(2)] == ["p/a/", "p/b/"]


def test_row_store_round_trips_entries_and_packs_etags() -> None:
    rows = RowStore()
    odd = ObjectEntry("p/multi", 5, None, "abc-3", "GLACIER")
    rows.add([], [*_objects(3), odd])
    assert rows.entry(0) == _objects(1)[0]
    assert rows.entry(3) == odd
    assert len(rows._etags) == 16 * 4  # MD5 ETags packed as 16 bytes a row


def test_row_store_filter() -> None:
    rows = RowStore()
    rows.add([FolderEntry("p/png-folder/")], _objects(10))
    rows.set_filter("*.png")
    assert len(rows) == 5
    rows.set_filter("png")
    assert len(rows) == 6
    rows.add([], [ObjectEntry("p/zz.png", 1, None, "")])
    assert len(rows) == 7
    assert rows.row_of_key("p/o0001.txt") == -1  # hidden by the filter
    rows.set_filter("")
    assert len(rows) == 12
    assert rows.row_of_key("p/png-folder/") == 0
    assert rows.row_of_key("p/o0001.txt") == 2
    assert rows.row_of_key("p/none") == -1


def test_row_store_is_small_per_row() -> None:
    rows = RowStore()
    rows.add([], _objects(10_000))
    per_row = (sum(sys.getsizeof(k) for k in rows.keys) + sys.getsizeof(rows.keys)
               + sys.getsizeof(rows.objects_view) + len(rows._etags) + 8 * 3 * 10_000) / 10_000
    assert per_row < 200  # bytes: about a key string plus a few machine words
