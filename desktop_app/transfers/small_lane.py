"""Small downloads on one asyncio thread: the fast lane for folders of many little files.

The threaded path costs about a millisecond of CPU per small file before a byte is saved,
mostly in handing the GIL between sixteen threads. Here one thread runs a loop with a few
dozen GETs in flight and checks each body as it arrives; one writer thread saves them (temp
file, O_EXCL, no symlink followed; one flush and one folder fsync per round of renames: see
`lane_commit`), so no request waits on the disk.

The lane only walks the happy path. An existing destination (a conflict to decide), an
error status or a redirect, a dropped connection, a body that is not the listed size or does
not match its stored checksum (the CRC in the GET's own headers, asked for with
`x-amz-checksum-mode`; else its SHA-256 or MD5 ETag: see `verify`), a pause or a cancel:
the transfer is handed, still running, to the threaded path, which does it again from the
start with its retries, questions and error messages. So the behaviour the user sees is the
threaded path's.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from desktop_app.transfers.lane_bytes import LANE_BYTES, LaneBytes
from desktop_app.transfers.lane_commit import Committer, Fetched
from desktop_app.transfers.lane_loop import CLOSE_GRACE_S, LaneHost, LaneLoop, PerTurn
from desktop_app.transfers.options import TransferOptions
from desktop_app.transfers.paths import ensure_parent_dirs
from desktop_app.transfers.state import Direction, Transfer
from desktop_app.transfers.verify import check_for

if TYPE_CHECKING:
    from desktop_app.storage.object_fetch import Fetched as Got

log = logging.getLogger(__name__)
DOWNLOAD_FACTOR = 4  # requests in flight per file the threaded path runs at once


class Fetcher(Protocol):
    async def get(self, bucket: str, key: str, if_match: str, max_size: int
                  ) -> Got | None:
        """The whole object, or None (also for an ETag other than `if_match`)."""

    async def close(self) -> None: ...


class SmallDownloads(LaneLoop[tuple[Transfer, Path]]):
    def __init__(self, make_fetcher: Callable[[int], Fetcher], host: LaneHost,
                 workers: int, max_size: int, max_bytes: int = 0) -> None:
        super().__init__(host, workers, "transfer-small")
        self.max_size = max_size
        try:
            self._fetcher: Fetcher | None = make_fetcher(self._workers)
        except Exception:  # e.g. an unreadable CA bundle: the threaded path will say so
            log.warning("Small downloads take the threaded path", exc_info=True)
            self._fetcher = None
        # The bytes of the files being fetched and of the bodies waiting for the writer
        # thread (see lane_commit): memory stays bounded however slow the disk is.
        self._bytes = LaneBytes(max(max_bytes, max_size))
        self._committer = Committer(host, self._saved)
        self._handing = PerTurn[Fetched](self._committer.put)  # checked, for the writer

    def takes(self, transfer: Transfer) -> bool:
        """Small downloads of plain objects, first attempt only (a retry takes the long way)."""
        return (self._fetcher is not None and transfer.direction is Direction.DOWNLOAD
                and transfer.size <= self.max_size
                and not transfer.key.endswith("/") and transfer.attempts == 0
                and not self._closing)

    def _transfer_of(self, item: tuple[Transfer, Path]) -> Transfer:
        return item[0]

    async def _handle(self, item: tuple[Transfer, Path]) -> None:
        transfer, root = item
        if self._host.lane_begin(transfer):
            await self._one(transfer, root)

    async def _one(self, transfer: Transfer, root: Path) -> None:
        held = await self._bytes.take(transfer.size)
        try:
            fetched = await self._fetch(transfer, root)
        except Exception:
            log.debug("Small download of %s handed over", transfer.key, exc_info=True)
            fetched = None
        if fetched is None:
            self._bytes.give(held)
            self._host.lane_handover(transfer)
            return
        # To the writer once per turn of the loop (waking it for each body cost more than
        # the body's own check); its bytes are given back once it is saved.
        self._handing.add(fetched)

    def _saved(self, size: int) -> None:
        """On the writer's thread: bodies of `size` bytes in all are off the lane's hands."""
        loop = self._loop
        if loop is not None:
            loop.call_soon_threadsafe(self._bytes.give, size)

    async def _fetch(self, transfer: Transfer, root: Path) -> Fetched | None:
        """The checked body, or None to hand the transfer over."""
        dest = transfer.local_path
        ensure_parent_dirs(root, dest)
        if os.path.lexists(dest):
            return None  # a conflict: the policy (or the user) decides on the threaded path
        if transfer.stop_event.is_set():
            return None  # paused or cancelled since it was taken: fetch nothing
        assert self._fetcher is not None
        got = await self._fetcher.get(transfer.bucket, transfer.key, transfer.etag,
                                      self.max_size)  # None too for another ETag than listed
        if got is None:
            return None
        if len(got.body) != transfer.size:  # not the object that was listed: not ours
            return None
        if transfer.cancel_event.is_set() or transfer.pause_event.is_set():
            return None
        check = check_for(got.sha256, got.md5, got.checksums)
        if not check.matches(got.body):
            return None  # damaged on the way: the threaded path retries and reports it
        return Fetched(transfer, got.body, check.label)

    async def _close_io(self) -> None:
        if self._fetcher is not None:
            await self._fetcher.close()
        # What was fetched is saved (or handed over) before the lane says it is closed.
        self._handing.flush()
        await asyncio.get_running_loop().run_in_executor(
            None, self._committer.close, CLOSE_GRACE_S)


def lane_for(storage: object, options: TransferOptions, limited: bool,
             host: LaneHost) -> SmallDownloads | None:
    """The lane, when the storage can fetch this way and no bandwidth limit (`limited`) has
    to be shared with the threaded path."""
    make = getattr(storage, "object_fetcher", None)
    if make is None or limited or not options.small_lane:
        return None
    # For small files the wait is the round trip, not the bytes: many requests at once,
    # within a byte budget. (1000 x 64 KiB on 2 cores, one series: 0.63-0.65 of s5cmd's
    # speed with 32 in flight, 0.77-0.85 with 64, 0.95 with 128; alternated A/B runs later
    # could not tell 32 from 128 apart in this machine's noise.)
    return SmallDownloads(make, host, DOWNLOAD_FACTOR * options.files_at_once,
                          options.small_max, LANE_BYTES)
