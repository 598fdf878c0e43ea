"""Wake transfers that wait out an outage as soon as the server answers again.

During an outage each waiting transfer sleeps a backoff of up to `RetryPolicy.max_delay`
(20 s by default) between tries, so when the Wi-Fi came back a batch sat idle for up to that
long. Here one thread, running only while some transfer waits, asks every `interval` seconds
whether the server's port accepts a connection (cheap: no request, no credentials), and
when it does, every waiter tries again at once. If the answer is wrong (a port that accepts
but a server that still fails), the tries fail again and the waits start over: at most one
round of requests per `interval`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

SLICE_S = 0.5  # how often a waiter looks whether the server is back


class ServerWatch:
    def __init__(self, reachable: Callable[[], bool], interval: float = 2.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._reachable = reachable
        self._interval = interval
        self._clock = clock
        self._lock = threading.Lock()
        self._waiters = 0
        self._answered = 0  # how many probes found the server answering
        self._thread: threading.Thread | None = None

    def wait(self, seconds: float, stop: threading.Event) -> None:
        """Sleep up to `seconds`; return early when `stop` is set or the server answers."""
        with self._lock:
            self._waiters += 1
            seen = self._answered
            if self._thread is None:
                self._thread = threading.Thread(target=self._probe, name="transfer-watch",
                                                daemon=True)
                self._thread.start()
        try:
            deadline = self._clock() + seconds
            while (left := deadline - self._clock()) > 0:
                if stop.wait(min(SLICE_S, left)) or self._answered != seen:
                    return
        finally:
            with self._lock:
                self._waiters -= 1

    def _probe(self) -> None:
        while True:
            time.sleep(self._interval)
            with self._lock:
                if self._waiters == 0:
                    self._thread = None
                    return
            try:
                answers = self._reachable()
            except Exception:
                answers = False
            if answers:
                with self._lock:
                    self._answered += 1
