"""The bucket side of a sync compare: the fast streaming listing, and CRCs on demand.

The listing is the statistics scan's (`stats_scan.iter_columns`): ListObjectsV2 pages of
1000 parsed straight into columns, the next page asked for while this one is read, so a
100,000-object prefix is ~100 requests; the first-level folders are streamed in parallel.
A stored full-object CRC64NVME is only had by a HEAD per object; `HeadCrc` fetches it for
the few multipart objects whose sizes match and whose ETag is no MD5 (core.sync_checksums).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from itertools import chain
from typing import Protocol

from desktop_app.core.checksums import Algo
from desktop_app.core.errors import AppError
from desktop_app.core.sync_compare import RemoteEntry, RemoteTree, remote_tree
from desktop_app.core.transfer_types import ObjectHead
from desktop_app.storage.listing_columns import ListingColumns
from desktop_app.storage.stats_scan import PageSource, iter_columns

STREAMS = 4  # folders listed at once


class HeadSource(Protocol):
    def head_checksums(self, bucket: str, key: str, if_match: str | None = None,
                       part_number: int = 0) -> ObjectHead: ...


def list_remote(storage: PageSource, bucket: str, prefix: str,
                cancel: threading.Event | None = None, streams: int = STREAMS) -> RemoteTree:
    """Every object below `bucket/prefix`, all depths, keys relative to `prefix`.

    The first level is listed with a delimiter; each of its folders is then streamed whole,
    `streams` at a time: a server answers a few listings at once faster than one long one
    (100,000 objects in 100 folders: 6.4 s one stream, 4.0 s four, on a busy 2-core host)."""
    if prefix and not prefix.endswith("/"):
        prefix += "/"
    top: list[ListingColumns] = []
    folders: list[str] = []
    for page in iter_columns(storage, bucket, prefix, cancel, "/"):
        top.append(page)
        folders.extend(page.prefixes)

    def whole(folder: str) -> list[ListingColumns]:
        return list(iter_columns(storage, bucket, folder, cancel))

    with ThreadPoolExecutor(max(1, streams), thread_name_prefix="sync-list") as pool:
        below = pool.map(whole, folders)
        pages = chain(top, chain.from_iterable(below))
        tree = remote_tree(bucket, prefix, pages)
    if cancel is not None and cancel.is_set():
        tree.complete = False
    return tree


class HeadCrc:
    """`RemoteCrc` for LocalChecksums: the object's full-object CRC64NVME (server-kept or in
    our metadata), pinned to the listed ETag; None when it has none or the HEAD fails (the
    compare then falls back to times, it never fails for one object)."""

    def __init__(self, storage: HeadSource, bucket: str, prefix: str) -> None:
        self.storage = storage
        self.bucket = bucket
        self.prefix = prefix

    def __call__(self, remote: RemoteEntry) -> str | None:
        try:
            head = self.storage.head_checksums(self.bucket, self.prefix + remote.key,
                                               if_match=remote.etag or None)
        except AppError:
            return None
        for stored in head.checksums:
            if stored.crc is Algo.CRC64NVME:
                return stored.value
        return None
