"""A cap on upload bytes held in memory at once, across all workers.

Parts and small files are read into memory to be sent; without a cap, 16 workers each holding
a 16 MiB file would cost 256 MiB. A request larger than the cap still runs, alone.
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
                self._cond.notify_all()

    @property
    def used(self) -> int:
        with self._cond:
            return self._used
