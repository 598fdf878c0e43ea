"""Fetching just enough of an object to preview it: a stat, then one ranged read.

The kind of preview comes from the bytes (python-magic plus the name), not from the server's
Content-Type. Text reads at most TEXT_CAP bytes; images are read whole only up to IMAGE_CAP.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.mime import SNIFF_BYTES, PreviewKind, preview_kind, sniff
from desktop_app.core.types import ObjectStat
from desktop_app.storage.protocol import Storage

TEXT_CAP = 256 * 1024
IMAGE_CAP = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class PreviewData:
    stat: ObjectStat
    mime: str
    kind: PreviewKind
    content: bytes
    truncated: bool
    too_large: bool = False


def fetch_preview(storage: Storage, bucket: str, key: str) -> PreviewData:
    stat = storage.stat(bucket, key)
    head = storage.read_range(bucket, key, 0, min(stat.size, max(SNIFF_BYTES, TEXT_CAP)))
    mime = sniff(head, key)
    kind = preview_kind(mime)
    if kind is PreviewKind.IMAGE:
        if stat.size > IMAGE_CAP:
            return PreviewData(stat, mime, kind, b"", truncated=True, too_large=True)
        content = head
        if len(head) < stat.size:
            content = head + storage.read_range(bucket, key, len(head), stat.size - len(head))
        return PreviewData(stat, mime, kind, content, truncated=False)
    if kind is PreviewKind.TEXT:
        return PreviewData(stat, mime, kind, head[:TEXT_CAP], truncated=stat.size > TEXT_CAP)
    return PreviewData(stat, mime, kind, b"", truncated=True)
