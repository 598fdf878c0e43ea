"""Bounded exponential backoff with full jitter, honouring the server's Retry-After.

The clock's `sleep` and the random source are injected, so tests run instantly and
deterministically. Only `TransientError` is retried: a 4xx, a changed object or a local disk
problem fails at once with its own message.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from desktop_app.core.transfer_errors import TransientError

T = TypeVar("T")
Sleep = Callable[[float], None]


@dataclass
class RetryPolicy:
    attempts: int = 5  # total tries, the first included
    base_delay: float = 0.5
    max_delay: float = 20.0
    max_retry_after: float = 60.0
    rng: random.Random = field(default_factory=random.Random)

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
        cancel: threading.Event | None = None,
    ) -> T:
        """Run `fn`, retrying transient failures; the last failure is raised as is."""
        attempt = 1
        while True:
            try:
                return fn()
            except TransientError as exc:
                if attempt >= self.attempts or (cancel is not None and cancel.is_set()):
                    raise
                wait = self.delay(attempt, exc)
                if on_retry is not None:
                    on_retry(attempt, exc, wait)
                sleep(wait)
                attempt += 1


def event_sleep(event: threading.Event) -> Sleep:
    """A sleep that wakes early when `event` is set (a cancel must not wait out a backoff)."""

    def sleep(seconds: float) -> None:
        event.wait(seconds)

    return sleep
