"""A global token bucket: every chunk sent or received takes tokens; empty means wait.

One bucket is shared by all workers, so the limit holds for the whole engine. The clock and
sleep are injected, so tests check the arithmetic without waiting.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class TokenBucket:
    def __init__(
        self,
        rate: float,
        burst: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """`rate` bytes per second; `burst` bytes may pass at once (default: one second)."""
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.rate = float(rate)
        self.burst = float(burst if burst is not None else rate)
        self._clock = clock
        self._sleep = sleep
        self._tokens = self.burst
        self._stamp = clock()
        self._lock = threading.Lock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    def reserve(self, amount: int) -> float:
        """Take `amount` tokens (may go into debt); returns how long the caller must wait."""
        with self._lock:
            self._refill()
            self._tokens -= amount
            return 0.0 if self._tokens >= 0 else -self._tokens / self.rate

    def consume(self, amount: int) -> None:
        """Block until `amount` bytes may pass."""
        wait = self.reserve(amount)
        if wait > 0:
            self._sleep(wait)
