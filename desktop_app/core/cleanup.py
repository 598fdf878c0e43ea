"""What "Clean up…" removes: a filter over listed objects (age, name pattern, category, size,
below a prefix), and the same filter as a lifecycle rule where S3 can express it.

The clock is passed in (`matcher(now)`), so a dry run, the delete that follows it and the
tests agree on what "older than 30 days" meant at that moment. The filter reads only what a
listing gives (key, size, last change): a million objects are checked without a request each.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from desktop_app.core.bucket_settings import MAX_PREFIX, LifecycleRule
from desktop_app.core.categories import Category, category_of
from desktop_app.core.keys import matches, name_matcher
from desktop_app.core.types import ObjectEntry

MAX_DAYS = 36500


@dataclass(frozen=True)
class CleanupFilter:
    """Every given condition must hold (None or "" leaves it out). `older_than_days`: last
    changed more than that many days before `now`; `name_pattern`: a glob (`*.tmp`) or plain
    text, case-insensitive, on the name (not the folders above it); sizes inclusive, in
    bytes; `prefix`: the folder looked below (the whole bucket when "")."""

    prefix: str = ""
    older_than_days: int | None = None
    name_pattern: str = ""
    category: Category | None = None
    min_size: int | None = None
    max_size: int | None = None

    def problems(self) -> list[str]:
        """What makes the filter unusable, one sentence each (empty: fine)."""
        found: list[str] = []
        days = self.older_than_days
        if days is not None and not 0 <= days <= MAX_DAYS:
            found.append(f"The age must be between 0 and {MAX_DAYS} days (it is {days}).")
        for label, size in (("smallest", self.min_size), ("largest", self.max_size)):
            if size is not None and size < 0:
                found.append(f"The {label} size cannot be negative.")
        if (self.min_size is not None and self.max_size is not None
                and self.min_size > self.max_size):
            found.append("The smallest size is larger than the largest size; nothing would "
                         "match.")
        return found

    @property
    def is_everything(self) -> bool:
        """No condition at all: every object below the prefix would go."""
        return (self.older_than_days is None and not self.name_pattern.strip()
                and self.category is None and self.min_size is None and self.max_size is None)

    def matcher(self, now: datetime) -> Callable[[ObjectEntry], bool]:
        """A fast test for one listed object, with the age measured from `now`. Folder
        markers (keys ending in "/") never match: they hold nothing to clean up."""
        cutoff = now - timedelta(days=self.older_than_days) \
            if self.older_than_days is not None else None
        pattern = name_matcher(self.name_pattern.strip()) if self.name_pattern.strip() else None
        category, low, high, prefix = self.category, self.min_size, self.max_size, self.prefix

        def accepts(obj: ObjectEntry) -> bool:
            key = obj.key
            if key.endswith("/") or not key.startswith(prefix):
                return False
            if low is not None and obj.size < low:
                return False
            if high is not None and obj.size > high:
                return False
            if cutoff is not None and (obj.last_modified is None
                                       or obj.last_modified >= cutoff):
                return False
            if pattern is not None and not matches(pattern, key.rsplit("/", 1)[-1]):
                return False
            return category is None or category_of(key) is category

        return accepts

    def describe(self) -> str:
        """The filter in one plain sentence, for the confirmation and the report."""
        parts: list[str] = []
        if self.older_than_days is not None:
            days = self.older_than_days
            parts.append(f"last changed more than {days} day{'' if days == 1 else 's'} ago")
        if self.name_pattern.strip():
            parts.append(f"named like “{self.name_pattern.strip()}”")
        if self.category is not None:
            parts.append(f"in the category {self.category.value}")
        if self.min_size is not None:
            parts.append(f"of at least {self.min_size:,} bytes")
        if self.max_size is not None:
            parts.append(f"of at most {self.max_size:,} bytes")
        where = f"below “{self.prefix}”" if self.prefix else "in the whole bucket"
        if not parts:
            return f"Every object {where}"
        return f"Objects {where}, " + ", ".join(parts)


def to_lifecycle_rule(flt: CleanupFilter, rule_id: str = "") -> LifecycleRule | str:
    """The filter as a lifecycle rule that expires what it matches, or the reason S3 cannot
    express it (a lifecycle rule chooses objects by prefix and acts by age only)."""
    reasons: list[str] = []
    if flt.older_than_days is None or flt.older_than_days < 1:
        reasons.append("a lifecycle rule removes objects by age, so it needs “older than” "
                       "of at least 1 day")
    if flt.name_pattern.strip():
        reasons.append("lifecycle rules choose objects by folder (prefix) and tags, not by "
                       "name pattern")
    if flt.category is not None:
        reasons.append("lifecycle rules cannot tell file categories apart")
    if flt.min_size is not None or flt.max_size is not None:
        reasons.append("size limits in lifecycle rules are not understood by every S3 "
                       "server, so this app does not write them")
    if len(flt.prefix) > MAX_PREFIX:
        reasons.append(f"the folder path is longer than the {MAX_PREFIX} characters a rule "
                       "allows")
    if reasons:
        return ("This cleanup cannot be a lifecycle rule: " + "; ".join(reasons) + ". "
                "Run it by hand instead, or keep only the folder and the age.")
    assert flt.older_than_days is not None
    return LifecycleRule(id=rule_id or default_rule_id(flt), prefix=flt.prefix,
                         expire_days=flt.older_than_days)


_UNSAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")


def default_rule_id(flt: CleanupFilter) -> str:
    """A readable, unique-enough id: `cleanup-<folder>-<days>d`."""
    where = _UNSAFE_ID.sub("-", flt.prefix.strip("/"))[:180] or "bucket"
    return f"cleanup-{where}-{flt.older_than_days}d"


def add_rule(rules: tuple[LifecycleRule, ...], rule: LifecycleRule) -> tuple[LifecycleRule, ...]:
    """The bucket's rules with `rule` appended; an id already taken gets a number after it."""
    taken = {r.id for r in rules}
    rule_id, n = rule.id, 2
    while rule_id in taken:
        rule_id, n = f"{rule.id}-{n}", n + 1
    return (*rules, replace(rule, id=rule_id))
