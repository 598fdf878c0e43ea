"""A byte budget for one asyncio loop: how many bytes of small files a lane may hold at once.

The lanes keep many requests in flight (the wait for a small file is the round trip, not
its bytes); the download lane also holds the bodies it fetched until the writer has saved
them, the upload lane each file it reads whole until its PUT is answered. Counting
requests alone would let a folder of 1 MiB files hold a hundred megabytes; counting bytes
lets a hundred 64 KiB files run at once and keeps a folder of larger ones to a few dozen.
First come, first served: a big file waiting is not overtaken by small ones forever.
"""

from __future__ import annotations

import asyncio
from collections import deque

LANE_BYTES = 16 * 1024 * 1024  # a lane's bodies in flight or waiting to be written, at most


class LaneBytes:
    """Use on the loop's thread only (`give` from elsewhere through `call_soon_threadsafe`)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self._waiting: deque[tuple[int, asyncio.Future[None]]] = deque()

    async def take(self, size: int) -> int:
        """Wait until `size` bytes (at most the whole budget) are free, and hold them;
        returns what was taken, which `give` hands back."""
        size = min(max(size, 0), self.limit)
        if not self._waiting and self.used + size <= self.limit:
            self.used += size
            return size
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((size, waiter))
        await waiter  # (counted in `used` by the `give` that woke it)
        return size

    def give(self, size: int) -> None:
        self.used -= size
        while self._waiting and self.used + self._waiting[0][0] <= self.limit:
            wanted, waiter = self._waiting.popleft()
            if not waiter.done():  # a waiter cancelled meanwhile (the lane closing) holds none
                self.used += wanted
                waiter.set_result(None)
