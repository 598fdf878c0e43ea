"""What "search below this folder" looks for: a name pattern plus optional size/date bounds
and a kind of file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from desktop_app.core.categories import Category, category_of
from desktop_app.core.keys import matches, name_matcher
from desktop_app.core.types import ObjectEntry


@dataclass(frozen=True)
class SearchCriteria:
    """Name: substring, or a glob (`*.jpg`) matched against the whole name; case-insensitive.
    Bounds are inclusive; None means unbounded (any category too)."""

    pattern: str = ""
    min_size: int | None = None
    max_size: int | None = None
    modified_after: datetime | None = None
    modified_before: datetime | None = None
    category: Category | None = None
    _matcher: re.Pattern[str] | str | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_matcher", name_matcher(self.pattern) if self.pattern else None)

    def accepts(self, obj: ObjectEntry) -> bool:
        if self._matcher is not None and not matches(self._matcher, obj.name):
            return False
        if self.category is not None and category_of(obj.key) is not self.category:
            return False
        if self.min_size is not None and obj.size < self.min_size:
            return False
        if self.max_size is not None and obj.size > self.max_size:
            return False
        when = obj.last_modified
        if self.modified_after is not None and (when is None or when < self.modified_after):
            return False
        return not (
            self.modified_before is not None and (when is None or when > self.modified_before)
        )
