"""Transfer speeds for the queue: per running row, smoothed over the model's refreshes.

The engine reports bytes done, not rates; a rate is the change since the row's previous
report, smoothed so one slow tick does not make the ETA jump. A row silent for over a second
while running counts as standing still."""

from __future__ import annotations

import time

from desktop_app.transfers.rows import TransferView
from desktop_app.transfers.state import State

SMOOTHING = 0.3
SILENT_S = 1.0


class Speeds:
    def __init__(self) -> None:
        self.by_id: dict[int, float] = {}  # bytes per second of each running row
        self._last: dict[int, tuple[int, float]] = {}  # id -> (bytes done, when)

    def clear(self) -> None:
        self.by_id.clear()
        self._last.clear()

    def update(self, views: list[TransferView]) -> None:
        """Rows that changed this refresh; running rows not among them may have stalled."""
        now = time.monotonic()
        seen = set()
        for view in views:
            seen.add(view.id)
            if view.state is not State.RUNNING:
                self.by_id.pop(view.id, None)
                self._last.pop(view.id, None)
                continue
            last = self._last.get(view.id)
            self._last[view.id] = (view.done_bytes, now)
            if last is not None and now > last[1]:
                self._sample(view.id, (view.done_bytes - last[0]) / (now - last[1]))
        for tid in [t for t in self._last if t not in seen]:  # running but silent this tick
            _done, stamp = self._last[tid]
            if now - stamp > SILENT_S:
                self._sample(tid, 0.0)

    def _sample(self, tid: int, rate: float) -> None:
        old = self.by_id.get(tid)
        rate = max(0.0, rate)
        self.by_id[tid] = rate if old is None else old + SMOOTHING * (rate - old)
