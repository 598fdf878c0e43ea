"""Columnar storage for one folder's listing: small per row, sortable, filterable.

A folder can hold a million objects, so a row is not an object: keys sit in one list, sizes
and times in typed arrays, MD5 ETags packed into 16 bytes of one bytearray, storage classes
interned. About 150 bytes a row (the key string dominates). The *view* is two lists of row
numbers - folders first, then objects - kept sorted by the chosen column and filtered by the
name filter and the kind-of-file filter; new pages are merged in (timsort merges two sorted
runs in linear time).
"""

from __future__ import annotations

import math
import re
import sys
from array import array
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from desktop_app.core.categories import Category, category_of
from desktop_app.core.keys import matches, name_matcher
from desktop_app.core.type_names import type_text, type_tip
from desktop_app.core.types import FolderEntry, ObjectEntry

COL_NAME, COL_SIZE, COL_TYPE, COL_MODIFIED, COL_CLASS, COL_ETAG = range(6)
_NO_TIME = math.nan
_MD5 = re.compile(r"[0-9a-fA-F]{32}")


def _pack_md5s(etags: list[str]) -> bytes | None:
    """All the ETags as 16 bytes each, or None unless every one is a plain MD5 in hex."""
    if not all(len(e) == 32 for e in etags):
        return None
    try:
        packed = bytes.fromhex("".join(etags))
    except ValueError:
        return None
    return packed if len(packed) == 16 * len(etags) else None  # fromhex skips spaces


def _name_of(key: str) -> str:
    return key.rstrip("/").rsplit("/", 1)[-1]


class RowStore:
    """Rows in arrival order; `view_row(i)` maps a shown row to a stored one."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.is_folder = bytearray()
        self.sizes = array("q")
        self.times = array("d")
        self.classes: list[str] = []
        self._etags = bytearray()
        self._odd_etags: dict[int, str] = {}
        self._types: list[str] = []  # filled only while sorting by type
        # content types the server stated (a HEAD, e.g. for the preview), by row: few
        self.stored_types: dict[int, str] = {}
        self.folders_view = array("q")  # row numbers, not a list: 8 bytes instead of ~36
        self.objects_view = array("q")
        self.sort_column = COL_NAME
        self.descending = False
        self._matcher: re.Pattern[str] | str | None = None
        self._category: Category | None = None  # objects of other categories hidden

    # -- filling -------------------------------------------------------------------------
    def add(self, folders: Iterable[FolderEntry], objects: Sequence[ObjectEntry]) -> None:
        first = len(self.keys)
        for folder in folders:
            self._append(folder.prefix, True, 0, None, "", "")
        middle = len(self.keys)
        self._add_objects(objects)
        self.folders_view = self._merge(self.folders_view, range(first, middle))
        self.objects_view = self._merge(self.objects_view, range(middle, len(self.keys)))

    def add_columns(
        self, folders: Sequence[str], keys: list[str], sizes: array[int], times: array[float],
        etags: list[str], classes: list[str],
    ) -> None:
        """Add a page that arrives as columns (see storage/listing_columns.py)."""
        first = len(self.keys)
        for prefix in folders:
            self._append(prefix, True, 0, None, "", "")
        middle = len(self.keys)
        packed = _pack_md5s(etags)
        if packed is None:
            for key, size, stamp, etag, klass in zip(keys, sizes, times, etags, classes,
                                                     strict=True):
                row = len(self.keys)
                self._append(key, False, size, None, etag, klass)
                self.times[row] = stamp
        else:
            self.keys.extend(keys)
            self.is_folder.extend(bytes(len(keys)))
            self.sizes.extend(sizes)
            self.times.extend(times)
            self.classes.extend(classes)
            self._etags += packed
        self.folders_view = self._merge(self.folders_view, range(first, middle))
        self.objects_view = self._merge(self.objects_view, range(middle, len(self.keys)))

    def _add_objects(self, objects: Sequence[ObjectEntry]) -> None:
        """Column by column: a few C-level loops instead of one Python call per row."""
        packed = _pack_md5s([o.etag for o in objects])
        if packed is None:  # not all plain MD5s: the slow, exact way
            for o in objects:
                self._append(o.key, False, o.size, o.last_modified, o.etag, o.storage_class)
            return
        count = len(objects)
        self.keys.extend(o.key for o in objects)
        self.is_folder.extend(bytes(count))
        self.sizes.extend(o.size for o in objects)
        self.times.extend(
            _NO_TIME if o.last_modified is None else o.last_modified.timestamp() for o in objects
        )
        self.classes.extend(sys.intern(o.storage_class) for o in objects)
        self._etags += packed

    def _append(
        self, key: str, folder: bool, size: int, when: datetime | None, etag: str, klass: str
    ) -> None:
        row = len(self.keys)
        self.keys.append(key)
        self.is_folder.append(folder)
        self.sizes.append(size)
        self.times.append(when.timestamp() if when is not None else _NO_TIME)
        self.classes.append(sys.intern(klass))
        if _MD5.fullmatch(etag):
            self._etags += bytes.fromhex(etag)
        else:  # multipart ("…-3"), empty (folders), or another server's format
            self._etags += bytes(16)
            self._odd_etags[row] = etag

    def __len__(self) -> int:
        return len(self.folders_view) + len(self.objects_view)

    @property
    def stored(self) -> int:
        return len(self.keys)

    # -- reading -------------------------------------------------------------------------
    def view_row(self, row: int) -> int:
        folders = len(self.folders_view)
        return self.folders_view[row] if row < folders else self.objects_view[row - folders]

    def row_of_key(self, key: str) -> int:
        """The shown row holding `key` (hidden by the filter or absent: -1)."""
        try:
            stored = self.keys.index(key)
        except ValueError:
            return -1
        try:
            if self.is_folder[stored]:
                return self.folders_view.index(stored)
            return len(self.folders_view) + self.objects_view.index(stored)
        except ValueError:
            return -1

    def etag(self, i: int) -> str:
        odd = self._odd_etags.get(i)
        if odd is not None:
            return odd
        return self._etags[i * 16:(i + 1) * 16].hex()

    def modified(self, i: int) -> datetime | None:
        stamp = self.times[i]
        return None if math.isnan(stamp) else datetime.fromtimestamp(stamp, UTC)

    def entry(self, i: int) -> FolderEntry | ObjectEntry:
        if self.is_folder[i]:
            return FolderEntry(prefix=self.keys[i])
        return ObjectEntry(
            key=self.keys[i], size=self.sizes[i], last_modified=self.modified(i),
            etag=self.etag(i), storage_class=self.classes[i],
        )

    def type_of(self, i: int) -> str:
        """A readable type: the stored one once known, else guessed from the name."""
        if self.is_folder[i]:
            return "Folder"
        return type_text(_name_of(self.keys[i]), self.stored_types.get(i))

    def type_tip(self, i: int) -> str:
        """The MIME type, and whether it is stored on the server or guessed."""
        return "" if self.is_folder[i] else type_tip(_name_of(self.keys[i]),
                                                      self.stored_types.get(i))

    def set_stored_type(self, i: int, content_type: str) -> None:
        self.stored_types[i] = content_type
        if i < len(self._types):
            self._types[i] = self.type_of(i)

    # -- sorting and filtering -----------------------------------------------------------
    def set_sort(self, column: int, descending: bool) -> None:
        self.sort_column, self.descending = column, descending
        self.folders_view = self._sorted(self.folders_view)
        self.objects_view = self._sorted(self.objects_view)

    def _sorted(self, view: array[int]) -> array[int]:
        return array("q", sorted(view, key=self._sort_key(), reverse=self.descending))

    def set_filter(self, pattern: str, category: Category | None = None) -> None:
        """Show rows whose name matches `pattern`; with `category`, only objects of that
        category (folders stay, they may hold some)."""
        self._matcher = name_matcher(pattern) if pattern else None
        self._category = category
        rows = [i for i in range(len(self.keys)) if self._visible(i)]
        self.folders_view = array("q", (i for i in rows if self.is_folder[i]))
        self.objects_view = array("q", (i for i in rows if not self.is_folder[i]))
        self.set_sort(self.sort_column, self.descending)

    def _visible(self, i: int) -> bool:
        if self._category is not None and not self.is_folder[i] \
                and category_of(self.keys[i]) is not self._category:
            return False
        return self._matcher is None or matches(self._matcher, _name_of(self.keys[i]))

    def _merge(self, view: array[int], new: Sequence[int]) -> array[int]:
        """`view` plus the visible rows of `new`, in the current order. Sorting two sorted
        runs is a linear merge for timsort; S3's key order needs no sort at all."""
        if not new:
            return view
        unfiltered = self._matcher is None and self._category is None
        view.extend(new if unfiltered else [i for i in new if self._visible(i)])
        if self.sort_column == COL_NAME and not self.descending:
            return view
        return self._sorted(view)

    def _sort_key(self) -> Callable[[int], Any]:
        column = self.sort_column
        if column == COL_SIZE:
            return self.sizes.__getitem__
        if column == COL_MODIFIED:
            times = self.times
            return lambda i: -math.inf if math.isnan(times[i]) else times[i]
        if column == COL_CLASS:
            return lambda i: (self.classes[i], self.keys[i])
        if column == COL_ETAG:
            return self.etag
        if column == COL_TYPE:
            types = self._types
            while len(types) < len(self.keys):
                types.append(self.type_of(len(types)))
            return lambda i: (types[i], self.keys[i])
        return self.keys.__getitem__
