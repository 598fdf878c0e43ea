"""Small downloads on one asyncio thread: the fast lane for folders of many little files.

The threaded path costs about a millisecond of CPU per small file before a byte is saved,
mostly in handing the GIL between sixteen threads. Here one thread runs a loop with a few
dozen GETs in flight, and each finished body is checked and saved in one go: temp file
(O_EXCL, no symlink followed), fsync, rename, and one fsync per folder for the renames that
finished together.

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

from desktop_app.core.errors import AppError
from desktop_app.transfers.download import fsync_dir
from desktop_app.transfers.lane_loop import LaneHost, LaneLoop
from desktop_app.transfers.options import TransferOptions
from desktop_app.transfers.partial import PartialFile, commit_group, write_unsynced
from desktop_app.transfers.paths import ensure_parent_dirs
from desktop_app.transfers.state import Direction, Transfer
from desktop_app.transfers.verify import check_file_size, check_for
from desktop_app.transfers.writeback import write_all

if TYPE_CHECKING:
    from desktop_app.storage.object_fetch import Fetched

log = logging.getLogger(__name__)


class Fetcher(Protocol):
    async def get(self, bucket: str, key: str, if_match: str, max_size: int
                  ) -> Fetched | None: ...

    async def close(self) -> None: ...


class SmallDownloads(LaneLoop[tuple[Transfer, Path]]):
    def __init__(self, make_fetcher: Callable[[int], Fetcher], host: LaneHost,
                 workers: int, max_size: int) -> None:
        super().__init__(host, workers, "transfer-small")
        self.max_size = max_size
        try:
            self._fetcher: Fetcher | None = make_fetcher(self._workers)
        except Exception:  # e.g. an unreadable CA bundle: the threaded path will say so
            log.warning("Small downloads take the threaded path", exc_info=True)
            self._fetcher = None
        # Written, waiting for their folder's group to be flushed and renamed into place.
        self._synced: dict[Path, list[tuple[Transfer, PartialFile]]] = {}

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
        try:
            temp = await self._save(transfer, root)
        except Exception:
            log.debug("Small download of %s handed over", transfer.key, exc_info=True)
            temp = None
        if temp is None:
            self._host.lane_handover(transfer)
            return
        waiting = self._synced.setdefault(transfer.local_path.parent, [])
        waiting.append((transfer, temp))
        if len(waiting) == 1:  # after the callbacks already due: renames finished together
            asyncio.get_running_loop().call_soon(self._sync_folder,
                                                 transfer.local_path.parent)

    async def _save(self, transfer: Transfer, root: Path) -> PartialFile | None:
        """The written temp file (flushed and renamed with its folder's group, see
        `_sync_folder`), or None to hand the transfer over."""
        dest = transfer.local_path
        ensure_parent_dirs(root, dest)
        if os.path.lexists(dest):
            return None  # a conflict: the policy (or the user) decides on the threaded path
        if transfer.stop_event.is_set():
            return None  # paused or cancelled since it was taken: fetch nothing
        assert self._fetcher is not None
        got = await self._fetcher.get(transfer.bucket, transfer.key, transfer.etag,
                                      self.max_size)
        if got is None or (transfer.etag and got.etag and got.etag != transfer.etag):
            return None
        size = transfer.size
        if len(got.body) != size:  # not the object that was listed: not ours to save
            return None
        if transfer.cancel_event.is_set() or transfer.pause_event.is_set():
            return None
        check = check_for(got.sha256, got.md5, got.checksums)
        if not check.matches(got.body):
            return None  # damaged on the way: the threaded path retries and reports it
        if os.path.lexists(dest):
            return None
        body = got.body

        def write(fd: int) -> None:
            write_all(fd, body)  # in small slices: see writeback
            check_file_size(fd, size, transfer.name)  # the last word before the rename

        temp = write_unsynced(dest, write)
        transfer.verified_by = check.label
        return temp

    def _sync_folder(self, folder: Path) -> None:
        """The files written into `folder` so far are flushed together (one syncfs where an
        fsync each cost about 0.9 ms of CPU), renamed into place, and one fsync of the folder
        makes the renames durable; then they are done. It happens on the loop: handing
        flushes to helper threads cost more CPU than the waiting it saved."""
        waiting: list[tuple[Transfer, PartialFile]] = []
        for transfer, temp in self._synced.pop(folder, []):
            if os.path.lexists(transfer.local_path):  # appeared meanwhile: not ours to replace
                temp.discard()
                self._host.lane_handover(transfer)
            else:
                waiting.append((transfer, temp))
        errors = commit_group([(temp, t.local_path) for t, temp in waiting])
        fsync_dir(folder)
        for (transfer, _temp), error in zip(waiting, errors, strict=True):
            if error is not None:
                self._host.lane_handover(transfer)  # the threaded path words the error
                continue
            transfer.set_progress(transfer.size)
            try:
                self._host.lane_done(transfer)
            except AppError:
                log.exception("Finishing %s failed", transfer.key)

    async def _close_io(self) -> None:
        if self._fetcher is not None:
            await self._fetcher.close()


def lane_for(storage: object, options: TransferOptions, limited: bool,
             host: LaneHost) -> SmallDownloads | None:
    """The lane, when the storage can fetch this way and no bandwidth limit (`limited`) has
    to be shared with the threaded path."""
    make = getattr(storage, "object_fetcher", None)
    if make is None or limited or not options.small_lane:
        return None
    # Twice the files at once: for small files the wait is the round trip, not the bytes.
    return SmallDownloads(make, host, 2 * options.files_at_once, options.small_max)
