"""Fetching just enough of an object to preview it, never more than a cap.

One stat, one ranged read of the head (at most 256 KB), and only then, depending on what the
bytes say the file is: the rest of a picture or PDF (only when the whole object fits the
cap), or the tail and table of contents of a ZIP. Audio and video are not read at all: the
player streams them from a short-lived presigned URL. The kind comes from the bytes
(python-magic plus the name), never from the server's Content-Type.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta

from desktop_app.core.errors import Cancelled
from desktop_app.core.mime import PreviewKind, ViewKind, preview_kind, sniff, view_kind
from desktop_app.core.preview_settings import DEFAULT_PREVIEW_LIMIT
from desktop_app.core.text_preview import HEX_BYTES, TEXT_BYTES
from desktop_app.core.types import ObjectStat
from desktop_app.core.zip_index import (
    TAIL_BYTES,
    ZipEntry,
    ZipFormatError,
    find_directory,
    parse_directory,
    parse_zip64_eocd,
)
from desktop_app.storage.protocol import BrowseStorage

PREVIEW_CAP = DEFAULT_PREVIEW_LIMIT  # default; MINIO_DESKTOP_PREVIEW_LIMIT_MB changes it
TEXT_CAP = TEXT_BYTES  # kept for older callers
IMAGE_CAP = PREVIEW_CAP
MEDIA_LINK_LIFETIME = timedelta(hours=2)
_WHOLE_FILE_VIEWS = {ViewKind.IMAGE, ViewKind.SVG, ViewKind.PDF}


@dataclass(frozen=True, slots=True)
class PreviewData:
    stat: ObjectStat
    mime: str
    kind: PreviewKind
    content: bytes
    truncated: bool
    too_large: bool = False
    view: ViewKind = ViewKind.HEX
    zip_entries: tuple[ZipEntry, ...] = ()
    zip_more: bool = False
    problem: str = ""  # why the view cannot show the file, in user words
    media_url: str = field(default="", repr=False)  # presigned: never logged
    bytes_read: int = 0


class PreviewCache:
    """A small thread-safe LRU of recent previews, keyed by object and ETag.

    A hit still costs one stat (to learn the ETag), so an overwritten object is never shown
    stale. Bounded by entry count and by total bytes held.
    """

    def __init__(self, max_entries: int = 24, max_bytes: int = 64 * 1024 * 1024) -> None:
        self._items: OrderedDict[tuple[str, str, str, int], PreviewData] = OrderedDict()
        self._max_entries = max_entries
        self._max_bytes = max_bytes
        self._bytes = 0
        self._lock = threading.Lock()

    @staticmethod
    def _key(stat: ObjectStat) -> tuple[str, str, str, int]:
        return stat.bucket, stat.key, stat.etag, stat.size

    def get(self, stat: ObjectStat) -> PreviewData | None:
        with self._lock:
            data = self._items.get(self._key(stat))
            if data is not None:
                self._items.move_to_end(self._key(stat))
            return data

    def put(self, data: PreviewData) -> None:
        if data.media_url or len(data.content) > self._max_bytes // 2:
            return  # links expire; very big previews would evict everything else
        with self._lock:
            key = self._key(data.stat)
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old.content)
            self._items[key] = data
            self._bytes += len(data.content)
            while self._items and (len(self._items) > self._max_entries
                                   or self._bytes > self._max_bytes):
                _key, evicted = self._items.popitem(last=False)
                self._bytes -= len(evicted.content)

    def invalidate(self, bucket: str, key: str) -> None:
        with self._lock:
            for item in [k for k in self._items if k[0] == bucket and k[1] == key]:
                self._bytes -= len(self._items.pop(item).content)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


def fetch_preview(
    storage: BrowseStorage,
    bucket: str,
    key: str,
    cap: int = PREVIEW_CAP,
    cache: PreviewCache | None = None,
    cancel: threading.Event | None = None,
) -> PreviewData:
    """Worker-side: the bytes a preview needs; never reads more than `cap` bytes.

    `cancel` is checked before each read: a selection the user already left stops early
    (raising Cancelled) instead of finishing a 20 MB read nobody will see.
    """
    def check() -> None:
        if cancel is not None and cancel.is_set():
            raise Cancelled("The preview was cancelled (another file was selected).")

    check()
    stat = storage.stat(bucket, key)
    if cache is not None:
        hit = cache.get(stat)
        if hit is not None:
            return hit
    data = _fetch(storage, stat, cap, check)
    if cache is not None:
        cache.put(data)
    return data


def _fetch(storage: BrowseStorage, stat: ObjectStat, cap: int,
           check: Callable[[], None]) -> PreviewData:
    bucket, key, size = stat.bucket, stat.key, stat.size
    check()
    head = storage.read_range(bucket, key, 0, min(size, TEXT_BYTES, cap))
    mime = sniff(head, key)
    base = PreviewData(stat, mime, preview_kind(mime), b"", True, view=view_kind(mime, key),
                       bytes_read=len(head))
    view = base.view
    if view in _WHOLE_FILE_VIEWS:
        if size > cap:
            return replace(base, too_large=True)
        rest = b""
        if len(head) < size:
            check()
            rest = storage.read_range(bucket, key, len(head), size - len(head))
        return replace(base, content=head + rest, truncated=False,
                       bytes_read=len(head) + len(rest))
    if view in (ViewKind.TEXT, ViewKind.JSON, ViewKind.CSV):
        return replace(base, content=head, truncated=size > len(head))
    if view is ViewKind.ZIP:
        check()
        return _fetch_zip(storage, base, head, cap)
    if view in (ViewKind.AUDIO, ViewKind.VIDEO):
        encryption = getattr(storage, "encryption", None)
        if encryption is not None and encryption.key_for(bucket) is not None:
            # The player fetches a presigned link, which cannot carry the customer key.
            return replace(base, content=head[:HEX_BYTES], truncated=size > HEX_BYTES,
                           problem="Media in this bucket is read with a customer key, which "
                                   "the player's link cannot carry, so it cannot be streamed: "
                                   "download the file to play it.")
        return replace(base, media_url=storage.presign_get(bucket, key, MEDIA_LINK_LIFETIME))
    return replace(base, content=head[:HEX_BYTES], truncated=size > HEX_BYTES)


def _fetch_zip(storage: BrowseStorage, base: PreviewData, head: bytes, cap: int) -> PreviewData:
    """Tail (end record), maybe the ZIP64 record, then the central directory; within cap."""
    bucket, key, size = base.stat.bucket, base.stat.key, base.stat.size
    used = len(head)

    def read(offset: int, length: int) -> bytes:
        nonlocal used
        if offset + length <= len(head):
            return head[offset:offset + length]
        if used + length > cap:
            raise ZipFormatError("its table of contents is larger than the preview limit")
        used += length
        return storage.read_range(bucket, key, offset, length)

    try:
        tail_len = min(size, TAIL_BYTES)
        tail = read(size - tail_len, tail_len)
        directory, zip64_at = find_directory(tail, size)
        if zip64_at is not None:
            directory = parse_zip64_eocd(read(zip64_at, 56))
        if directory.offset + directory.size > size:
            raise ZipFormatError("the table of contents points past the end of the file")
        entries, more = parse_directory(read(directory.offset, directory.size))
    except ZipFormatError as exc:
        return replace(base, view=ViewKind.HEX, content=head[:HEX_BYTES], bytes_read=used,
                       problem=f"Cannot list this archive: {exc}.")
    return replace(base, truncated=False, zip_entries=tuple(entries), zip_more=more,
                   bytes_read=used)
