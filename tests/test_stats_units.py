"""The statistics accumulator: exact tallies, bounded top lists, versions, exports, cache."""

from __future__ import annotations

import csv
import io
import json
import math
import random
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.core.categories import Category
from desktop_app.core.stats import TOP, UNKNOWN_MONTH, StatsAccumulator, StorageStats, Tally
from desktop_app.storage.stats_scan import forget_cached, load_cached, save_cached

JAN = datetime(2024, 1, 15, tzinfo=UTC)
MAR = datetime(2024, 3, 2, tzinfo=UTC)


def sample() -> StorageStats:
    acc = StatsAccumulator(scope="photos/", bucket="b")
    acc.add("a/cat.jpg", 100, JAN)
    acc.add("a/dog.PNG", 50, MAR, "GLACIER")
    acc.add("report.pdf", 7, MAR)
    acc.add("notes", 3, JAN, "", "text/plain")  # no extension: the content type tells
    acc.add("blob", 1, None)
    acc.add("a/", 0, JAN)  # a folder marker is not a file
    acc.add_upload(11)
    return acc.result()


def test_tallies_by_category_class_and_month() -> None:
    stats = sample()
    assert stats.objects == Tally(5, 161)
    assert stats.by_category[Category.IMAGES] == Tally(2, 150)
    assert stats.by_category[Category.DOCUMENTS] == Tally(1, 7)
    assert stats.by_category[Category.CODE_TEXT] == Tally(1, 3)
    assert stats.by_category[Category.OTHER] == Tally(1, 1)
    assert stats.by_category[Category.VIDEO] == Tally()
    assert stats.by_storage_class == {"GLACIER": Tally(1, 50), "STANDARD": Tally(4, 111)}
    assert list(stats.by_month.items()) == [
        ("2024-01", Tally(2, 103)), ("2024-03", Tally(2, 57)), (UNKNOWN_MONTH, Tally(1, 1)),
    ]
    assert stats.uploads == Tally(1, 11)
    assert [r.key for r in stats.largest] == ["a/cat.jpg", "a/dog.PNG", "report.pdf",
                                              "notes", "blob"]
    assert [r.key for r in stats.oldest][:2] == ["a/cat.jpg", "notes"]
    assert "blob" not in {r.key for r in stats.oldest}  # no time, not among the oldest
    assert stats.largest[1].storage_class == "GLACIER"
    assert stats.largest[0].bucket == "b"


def test_top_lists_stay_bounded_and_exact_over_many_pages() -> None:
    rng = random.Random(7)
    rows = [(f"k{i:06d}.bin", rng.randrange(10**9), 1.5e9 + rng.randrange(10**8))
            for i in range(25_000)]
    acc = StatsAccumulator(bucket="b")
    for start in range(0, len(rows), 1000):
        page = rows[start:start + 1000]
        acc.add_page([r[0] for r in page], [r[1] for r in page], [r[2] for r in page],
                     [""] * len(page))
    stats = acc.result()
    assert stats.objects == Tally(25_000, sum(r[1] for r in rows))
    expect_largest = sorted(rows, key=lambda r: r[1], reverse=True)[:TOP]
    assert [r.key for r in stats.largest] == [r[0] for r in expect_largest]
    expect_oldest = sorted(rows, key=lambda r: r[2])[:TOP]
    assert [r.key for r in stats.oldest] == [r[0] for r in expect_oldest]
    assert len(acc._largest) == TOP
    assert len(acc._oldest) == TOP
    assert len(acc._groups) <= 12 * 4  # bounded by months, not by objects


def test_nan_times_go_to_unknown_month() -> None:
    acc = StatsAccumulator()
    acc.add_page(["x.txt", "y.txt"], [1, 2], [math.nan, JAN.timestamp()], ["", ""])
    stats = acc.result()
    assert stats.by_month == {"2024-01": Tally(1, 2), UNKNOWN_MONTH: Tally(1, 1)}
    assert [r.key for r in stats.oldest] == ["y.txt"]


def test_versions_and_delete_markers_are_counted_apart() -> None:
    acc = StatsAccumulator()
    acc.add_version("a.txt", 10, MAR, is_latest=True, is_delete_marker=False)
    acc.add_version("a.txt", 8, JAN, is_latest=False, is_delete_marker=False)
    acc.add_version("b.txt", 0, MAR, is_latest=True, is_delete_marker=True)
    acc.add_version("b.txt", 5, JAN, is_latest=False, is_delete_marker=False)
    stats = acc.result()
    assert stats.versioned
    assert stats.objects == Tally(1, 10)
    assert stats.versions == Tally(2, 13)
    assert stats.delete_markers == 1


def test_json_round_trip_keeps_everything() -> None:
    stats = sample()
    again = StorageStats.from_json(stats.to_json())
    assert again == stats
    assert json.loads(stats.to_json())["by_category"]["IMAGES"] == [2, 150]


def test_csv_lists_sections_and_defuses_formulas() -> None:
    acc = StatsAccumulator(bucket="b")
    acc.add("=HYPERLINK(1).txt", 5, JAN)
    rows = list(csv.reader(io.StringIO(acc.result().to_csv())))
    assert rows[0] == ["section", "name", "count", "bytes", "last_modified"]
    assert ["category", "Code and text", "1", "5", ""] in rows
    largest = [r for r in rows if r[0] == "largest"]
    assert largest == [["largest", "b/=HYPERLINK(1).txt", "1", "5", JAN.isoformat()]]
    assert not any(cell.startswith("=") for row in rows for cell in row)


def test_cache_keeps_complete_results_per_scope(tmp_path: Path) -> None:
    stats = sample()
    assert load_cached(tmp_path, "conn", "b", "photos/") is None
    save_cached(tmp_path, "conn", "b", "photos/", stats)
    assert load_cached(tmp_path, "conn", "b", "photos/") == stats
    assert load_cached(tmp_path, "conn", "b", "") is None
    assert load_cached(tmp_path, "other", "b", "photos/") is None
    forget_cached(tmp_path, "conn", "b", "photos/")
    assert load_cached(tmp_path, "conn", "b", "photos/") is None
    partial = StatsAccumulator().result(complete=False)
    save_cached(tmp_path, "conn", "b", "x/", partial)
    assert load_cached(tmp_path, "conn", "b", "x/") is None


def test_damaged_cache_file_is_ignored(tmp_path: Path) -> None:
    save_cached(tmp_path, "conn", "b", "", sample())
    (kept,) = (tmp_path / "statistics").iterdir()
    kept.write_text('{"scope": ["conn", "b", ""], "stats": {"scope": 1}}')
    assert load_cached(tmp_path, "conn", "b", "") is None
    kept.write_bytes(b"\xff\x00")
    assert load_cached(tmp_path, "conn", "b", "") is None
