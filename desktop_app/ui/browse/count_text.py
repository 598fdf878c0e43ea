"""The status bar's count of the file table: the rows shown and, while the name or category
filter hides some, how many of the loaded ones that is and which filter does it."""

from __future__ import annotations

from desktop_app.core.categories import Category
from desktop_app.ui.shell.i18n import translate


def count_text(shown: int, loaded: int, pattern: str = "",
               category: Category | None = None) -> str:
    """"340 items", or "12 of 340 items shown (filter: Images, “cat”)"."""
    filters = [translate("Categories", category.label)] if category is not None else []
    if pattern.strip():
        filters.append(f"“{pattern.strip()}”")
    if not filters:
        return translate("CountText", "{count:,} item(s)", "", loaded).format(count=loaded)
    return translate(
        "CountText", "{shown:,} of {loaded:,} item(s) shown (filter: {filters})", "", loaded,
    ).format(shown=shown, loaded=loaded, filters=", ".join(filters))
