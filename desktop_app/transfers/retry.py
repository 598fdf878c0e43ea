"""Bounded exponential backoff with full jitter, honouring the server's Retry-After.

The clock, `sleep` and the random source are injected, so tests run instantly and
deterministically. Only `TransientError` is retried: a 4xx, a changed object or a local disk
problem fails at once with its own message.

An outage (the server cannot be reached at all: Wi-Fi gone, laptop lid closed, server
restarting) is not counted against the tries: the request is tried again every
`max_delay` seconds at most, for up to `outage_s` of unbroken outage. So a batch left running
does not fail file by file during a ten-minute network drop; it goes on when the server is back.
A server that has just come back often answers 500 for a few seconds while it finds its data
again (SeaweedFS: "volume not found"): for `warmup_s` after any transfer last saw the outage,
such answers are waited out the same way instead of using up the tries.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from desktop_app.core.transfer_errors import TransientError
from desktop_app.transfers.state import Flag

T = TypeVar("T")
Sleep = Callable[[float], None]


@dataclass
class RetryPolicy:
    attempts: int = 5  # total tries, the first included
    base_delay: float = 0.5
    max_delay: float = 20.0
    max_retry_after: float = 60.0
    outage_s: float = 30 * 60.0  # how long an unreachable server is waited for
    warmup_s: float = 30.0  # after an outage, server errors for this long belong to it
    rng: random.Random = field(default_factory=random.Random)
    clock: Callable[[], float] = time.monotonic
    # When any call of this policy (one per engine) last found the server unreachable.
    _outage_seen: float | None = field(default=None, init=False, repr=False, compare=False)

    def _warming_up(self, now: float) -> bool:
        seen = self._outage_seen
        return self.outage_s > 0 and seen is not None and now - seen < self.warmup_s

    def delay(self, attempt: int, error: TransientError) -> float:
        """Seconds to wait before try number `attempt + 1` (attempt counts from 1)."""
        if error.retry_after is not None:
            return min(error.retry_after, self.max_retry_after)
        ceiling = min(self.max_delay, self.base_delay * (2 ** (attempt - 1)))
        return self.rng.uniform(0, ceiling)

    def call(
        self,
        fn: Callable[[], T],
        sleep: Sleep,
        on_retry: Callable[[int, TransientError, float], None] | None = None,
        cancel: Flag | threading.Event | None = None,
    ) -> T:
        """Run `fn`, retrying transient failures; the last failure is raised as is, with
        the number of tries in its `tries`.

        `on_retry` gets the number of the try that failed (outages counted too)."""
        attempt = 1  # tries that count: outages do not
        failures = 0
        outage_since: float | None = None
        while True:
            try:
                return fn()
            except TransientError as exc:
                failures += 1
                exc.tries = failures  # what the row says if this is the last one
                if cancel is not None and cancel.is_set():
                    raise
                now = self.clock()
                if exc.outage and self.outage_s > 0:  # 0: an outage is an ordinary failure
                    self._outage_seen = now
                    outage_since = now if outage_since is None else outage_since
                    if now - outage_since >= self.outage_s:
                        raise
                    wait = self.delay(min(failures, 32), exc)
                elif self._warming_up(now):  # the server is back but not ready yet
                    wait = self.delay(min(failures, 32), exc)
                else:
                    outage_since = None
                    if attempt >= self.attempts:
                        raise
                    wait = self.delay(attempt, exc)
                    attempt += 1
                if on_retry is not None:
                    on_retry(failures, exc, wait)
                sleep(wait)


def event_sleep(event: threading.Event) -> Sleep:
    """A sleep that wakes early when `event` is set (a cancel must not wait out a backoff)."""

    def sleep(seconds: float) -> None:
        event.wait(seconds)

    return sleep
