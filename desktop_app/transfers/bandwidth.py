"""A global token bucket: every chunk sent or received takes tokens; empty means wait.

One bucket is shared by all workers, so the limit holds for the whole engine. A wait ends
early when the transfer's stop event is set (a pause or a cancel must not sit out a wait of
seconds, then send what it had paid for), and the stopped reservation is given back. The
clock, `sleep` and `wait` are injected, so tests check the arithmetic without waiting.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

Wait = Callable[[threading.Event, float], bool]  # True: the event was set before the time


def _event_wait(event: threading.Event, seconds: float) -> bool:
    return event.wait(seconds)


class TokenBucket:
    def __init__(
        self,
        rate: float,
        burst: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        wait: Wait = _event_wait,
    ) -> None:
        """`rate` bytes per second; `burst` bytes may pass at once (default: one second)."""
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.rate = float(rate)
        self.burst = float(burst if burst is not None else rate)
        self._clock = clock
        self._sleep = sleep
        self._wait = wait
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

    def refund(self, amount: int) -> None:
        """Give back tokens taken for bytes that will not move (the wait was stopped)."""
        with self._lock:
            self._refill()
            self._tokens = min(self.burst, self._tokens + amount)

    def consume(self, amount: int, stop: threading.Event | None = None) -> bool:
        """Block until `amount` bytes may pass; False, with the tokens given back, when
        `stop` is set first (or already was)."""
        if stop is not None and stop.is_set():
            return False
        wait = self.reserve(amount)
        if wait <= 0:
            return True
        if stop is None:
            self._sleep(wait)
            return True
        if self._wait(stop, wait):
            self.refund(amount)
            return False
        return True
