"""The finished front of a download whose ranges complete in any order, and rereads from disk.

A thread of its own follows the front of the file as each next range completes: for a
SHA-256 or MD5 check (which must be fed in order) it hashes it, re-reading from the page
cache into one reused buffer, so the part workers never stop to hash (a CRC check needs
none of this: each worker checksums its own range as it writes it). It hands the front to
the kernel for writing out (so the closing fsync has little left to wait for), and reports
how far the front is every `save_step` bytes, but not more often than every `save_interval`
seconds: a resumable download's journal flushes the file before it records
that, and on this kind of machine a flush every 64 MiB cost a tenth of a 1 GiB download's
speed; once every two seconds costs nothing measurable and loses at most that much on a crash.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop_app.core.checksums import Algo, Crc
from desktop_app.core.transfer_errors import LocalFileError
from desktop_app.transfers.state import Transfer
from desktop_app.transfers.writeback import MIN_STEP, start_writeback

if TYPE_CHECKING:
    from desktop_app.transfers.verify import Check

HASH_READ = 1024 * 1024


class DownloadFront:
    def __init__(self, fd: int, size: int, digest: hashlib._Hash | None,
                 on_saved: Callable[[int], None] | None = None, save_step: int = 0,
                 save_interval: float = 0.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._fd = fd
        self._size = size
        self._digest = digest
        self._on_saved = on_saved
        self._save_step = max(save_step, 1)
        self._save_interval = save_interval
        self._clock = clock
        self._saved_at = clock()
        self._cursor = 0
        self._done: dict[int, int] = {}
        self._cond = threading.Condition()
        self._stopped = False
        self._error: BaseException | None = None
        self._view = memoryview(bytearray(HASH_READ if digest is not None else 0))
        self._written = 0  # the writeback was started up to here
        self._saved = 0  # reported to `on_saved` up to here
        self._thread = threading.Thread(target=self._run, name="transfer-front", daemon=True)
        self._thread.start()

    def complete(self, offset: int, length: int) -> None:
        """Bytes [offset, offset + length) are written."""
        with self._cond:
            self._done[offset] = length
            self._cond.notify()

    def _run(self) -> None:
        try:
            while self._cursor < self._size:
                with self._cond:
                    while self._cursor not in self._done and not self._stopped:
                        self._cond.wait()
                    if self._stopped:
                        return
                    length = self._done.pop(self._cursor)
                end = self._cursor + length
                if self._digest is not None:
                    self._hash(self._cursor, end)
                self._advance(end)
                self._cursor = end
        except BaseException as exc:  # reported by finish()
            self._error = exc

    def _hash(self, pos: int, end: int) -> None:
        assert self._digest is not None
        view = self._view
        while pos < end:
            n = os.preadv(self._fd, [view[: min(len(view), end - pos)]], pos)
            if not n:
                raise LocalFileError("The downloaded file got shorter while being checked.")
            self._digest.update(view[:n])
            pos += n

    def _advance(self, end: int) -> None:
        if end - self._written >= MIN_STEP or end == self._size:
            start_writeback(self._fd, self._written, end)
            self._written = end
        if self._on_saved is not None and end < self._size \
                and end - self._saved >= self._save_step \
                and self._clock() - self._saved_at >= self._save_interval:
            self._on_saved(end)
            self._saved, self._saved_at = end, self._clock()

    def stop(self) -> None:
        """End the thread early (failure, cancel or pause)."""
        with self._cond:
            self._stopped = True
            self._cond.notify()
        self._thread.join()

    def finish(self) -> str | None:
        """The SHA-256 once every range is in (None when nothing was hashed)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        if self._cursor != self._size:
            raise LocalFileError("Not every part of the download was checked.")
        return self._digest.hexdigest() if self._digest is not None else None


def read_through(fd: int, offset: int, length: int, checkpoint: Callable[[], None],
                 feed: Callable[[memoryview], object]) -> None:
    """Bytes [offset, offset + length) of `fd`, a reused buffer at a time, given to `feed`;
    `checkpoint` may raise (pause, cancel) between reads."""
    view = memoryview(bytearray(min(HASH_READ, max(length, 1))))
    end = offset + length
    while offset < end:
        checkpoint()
        n = os.preadv(fd, [view[: min(len(view), end - offset)]], offset)
        if not n:
            raise LocalFileError("The downloaded file got shorter while being checked.")
        feed(view[:n])
        offset += n


def crc_of_file(fd: int, offset: int, length: int, algo: Algo, transfer: Transfer) -> Crc:
    """The CRC of bytes already in the file (the kept front of a resumed download)."""
    crc = Crc(algo)
    read_through(fd, offset, length, transfer.checkpoint, crc.update)
    return crc


def hash_file(fd: int, size: int, transfer: Transfer, check: Check) -> str:
    """The whole file's hash, read back (a single stream whose GET had to be retried)."""
    digest = check.new()
    assert digest is not None
    read_through(fd, 0, size, transfer.checkpoint, digest.update)
    return digest.hexdigest()
