"""The cleanup filter with an injected clock, and its conversion to a lifecycle rule (or the
reason it cannot be one)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop_app.core.bucket_settings import LifecycleRule, lifecycle_problems
from desktop_app.core.categories import Category
from desktop_app.core.cleanup import CleanupFilter, add_rule, to_lifecycle_rule
from desktop_app.core.types import ObjectEntry

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def obj(key: str, days_old: float = 0, size: int = 10) -> ObjectEntry:
    return ObjectEntry(key, size, NOW - timedelta(days=days_old), "etag")


def matched(flt: CleanupFilter, objects: list[ObjectEntry], now: datetime = NOW) -> list[str]:
    accepts = flt.matcher(now)
    return [o.key for o in objects if accepts(o)]


def test_age_is_measured_from_the_injected_now() -> None:
    objects = [obj("a", 10), obj("b", 30), obj("c", 31), obj("d", 400)]
    assert matched(CleanupFilter(older_than_days=30), objects) == ["c", "d"]
    # The same objects seen a year later are all older than 30 days.
    assert matched(CleanupFilter(older_than_days=30), objects, NOW + timedelta(days=365)) == [
        "a", "b", "c", "d"]
    # An object without a date is never taken for old.
    assert matched(CleanupFilter(older_than_days=0), [ObjectEntry("x", 1, None, "")]) == []


def test_glob_and_plain_name_match_the_name_only_case_insensitively() -> None:
    objects = [obj("logs/app.TMP"), obj("logs/app.tmp.keep"), obj("tmp/report.pdf"),
               obj("x/cache-1.bin")]
    assert matched(CleanupFilter(name_pattern="*.tmp"), objects) == ["logs/app.TMP"]
    assert matched(CleanupFilter(name_pattern="cache"), objects) == ["x/cache-1.bin"]
    assert matched(CleanupFilter(name_pattern="tmp"), objects) == ["logs/app.TMP",
                                                                    "logs/app.tmp.keep"]


def test_category_size_and_prefix_combine() -> None:
    objects = [obj("p/a.jpg", size=5), obj("p/b.png", size=500), obj("p/c.pdf", size=500),
               obj("q/d.jpg", size=500), obj("p/sub/e.JPEG", size=1000)]
    flt = CleanupFilter(prefix="p/", category=Category.IMAGES, min_size=100, max_size=1000)
    assert matched(flt, objects) == ["p/b.png", "p/sub/e.JPEG"]
    assert matched(CleanupFilter(max_size=5), objects) == ["p/a.jpg"]


def test_folder_markers_never_match() -> None:
    assert matched(CleanupFilter(), [obj("p/", 100), obj("p/x", 100)]) == ["p/x"]


def test_problems_name_what_is_wrong() -> None:
    assert CleanupFilter(older_than_days=5).problems() == []
    problems = CleanupFilter(older_than_days=-1, min_size=10, max_size=5).problems()
    assert any("between 0 and" in p for p in problems)
    assert any("smallest size is larger" in p for p in problems)
    assert CleanupFilter().is_everything
    assert not CleanupFilter(name_pattern="*.x").is_everything


def test_describe_says_the_filter_in_words() -> None:
    text = CleanupFilter(prefix="logs/", older_than_days=1, name_pattern="*.gz").describe()
    assert text == "Objects below “logs/”, last changed more than 1 day ago, named like “*.gz”"
    assert CleanupFilter().describe() == "Every object in the whole bucket"


def test_prefix_and_age_become_an_expiration_rule() -> None:
    rule = to_lifecycle_rule(CleanupFilter(prefix="logs/old/", older_than_days=90))
    assert rule == LifecycleRule(id="cleanup-logs-old-90d", prefix="logs/old/", expire_days=90)
    assert lifecycle_problems([rule]) == []
    whole = to_lifecycle_rule(CleanupFilter(older_than_days=7), rule_id="weekly")
    assert whole == LifecycleRule(id="weekly", prefix="", expire_days=7)


def test_what_s3_cannot_express_is_refused_with_each_reason() -> None:
    reason = to_lifecycle_rule(CleanupFilter(name_pattern="*.tmp", category=Category.VIDEO,
                                             min_size=1))
    assert isinstance(reason, str)
    assert reason.startswith("This cleanup cannot be a lifecycle rule: ")
    assert "needs “older than” of at least 1 day" in reason
    assert "not by name pattern" in reason
    assert "cannot tell file categories apart" in reason
    assert "size limits" in reason
    zero = to_lifecycle_rule(CleanupFilter(older_than_days=0))
    assert isinstance(zero, str)
    assert "at least 1 day" in zero


def test_added_rule_gets_a_free_id() -> None:
    first = LifecycleRule(id="cleanup-bucket-7d", expire_days=3)
    new = LifecycleRule(id="cleanup-bucket-7d", expire_days=7)
    rules = add_rule((first,), new)
    assert [r.id for r in rules] == ["cleanup-bucket-7d", "cleanup-bucket-7d-2"]
    assert rules[-1].expire_days == 7
