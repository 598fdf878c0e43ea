"""The Statistics window's plain parts: progress in words, months without changes shown
as zero bars, and the folder a listed object opens."""

from __future__ import annotations

from desktop_app.core.categories import Category
from desktop_app.core.stats import StatsAccumulator, Tally
from desktop_app.storage.stats_scan import ScanProgress
from desktop_app.ui.insight.stats_adapter import progress_text, scope_text, view_of
from desktop_app.ui.insight.stats_view import folder_of


def test_progress_names_the_bucket_only_while_a_connection_is_scanned() -> None:
    assert progress_text(ScanProgress(1, 5, "b")) == "1 object so far, 5 B"
    assert progress_text(ScanProgress(12_000, 2048, "photos", 1, 3)) == \
        "Bucket 2 of 3 (photos): 12,000 objects so far, 2.0 KiB"


def test_quiet_months_are_zero_bars_and_unknown_stays_last() -> None:
    acc = StatsAccumulator("b/", "b")
    acc.add("a.jpg", 10, 1_700_000_000.0)  # 2023-11
    acc.add("b.jpg", 20, 1_709_300_000.0)  # 2024-03
    acc.add("c.jpg", 5, None)
    view = view_of(acc.result(), "b/", "b")
    assert [(m.label, m.size) for m in view.months] == [
        ("2023-11", 10), ("2023-12", 0), ("2024-01", 0), ("2024-02", 0), ("2024-03", 20),
        ("unknown", 5)]
    assert [(c.label, c.count, c.size) for c in view.categories] == [
        (Category.IMAGES.label, 3, 35)]
    assert view.largest[0].bucket == "b"


def test_only_categories_with_objects_are_drawn() -> None:
    stats = StatsAccumulator("b/", "b").result()
    assert stats.by_category[Category.OTHER] == Tally()
    view = view_of(stats, "b/", "b")
    assert (view.count, view.categories, view.months, view.largest) == (0, (), (), ())


def test_places_in_words_and_folders_of_keys() -> None:
    assert scope_text("Local", "", "") == "all buckets of Local"
    assert scope_text("Local", "b", "x/y/") == "b/x/y/"
    assert folder_of("x/y/z.txt") == "x/y/"
    assert folder_of("top.txt") == ""
