"""A cap on upload bytes held in memory at once, across all workers, and the part buffers.

Parts and small files are read into memory to be sent; without a cap, 16 workers each holding
a 16 MiB file would cost 256 MiB. A request larger than the cap still runs, alone.

Part buffers are lent and reused (`buffer`): a fresh 8 MiB buffer per part paid a page fault
for every 4 KiB of it on the first write and an munmap when freed, about a fifth of a 1 GiB
upload's CPU time in a profile here (`exc_page_fault` under `pread`, `__munmap`). Spare
buffers are let go as soon as nothing is held, so memory still goes back to the system
between transfers, and spares never take more than the cap.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class ByteBudget:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._used = 0
        self._cond = threading.Condition()
        self._spares: list[bytearray] = []

    @contextmanager
    def hold(self, amount: int, check: Callable[[], None] | None = None) -> Iterator[None]:
        """Block until `amount` fits (calling `check` while waiting, to honour a cancel)."""
        with self._cond:
            while self._used and self._used + amount > self.limit:
                self._cond.wait(0.2)
                if check is not None:
                    check()
            self._used += amount
        try:
            yield
        finally:
            with self._cond:
                self._used -= amount
                if not self._used:
                    self._spares.clear()
                self._cond.notify_all()

    @contextmanager
    def buffer(self, size: int, check: Callable[[], None] | None = None
               ) -> Iterator[memoryview]:
        """`hold(size)` and lend a writable buffer of exactly `size` bytes for that time
        (reused by later holders: keep no reference to it afterwards)."""
        with self.hold(size, check):
            block = self._take(size)
            try:
                yield memoryview(block)[:size]
            finally:
                self._give(block)

    def _take(self, size: int) -> bytearray:
        with self._cond:
            fits = [b for b in self._spares if size <= len(b)]
            if fits:
                block = min(fits, key=len)
                self._spares.remove(block)
                return block
        return bytearray(size)

    def _give(self, block: bytearray) -> None:
        with self._cond:  # still held: `hold` lets the spares go once nothing is
            if sum(map(len, self._spares)) + len(block) <= self.limit:
                self._spares.append(block)

    @property
    def spare_bytes(self) -> int:
        with self._cond:
            return sum(map(len, self._spares))

    @property
    def used(self) -> int:
        with self._cond:
            return self._used
