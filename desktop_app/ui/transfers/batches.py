"""Book-keeping behind the transfer queue model: a batch's rows and running totals, and the
rows that came from the engine but wait for their turn to be shown.

Byte totals are plain Python ints: one 6 GiB file is past what a C `int` holds, so they never
go through a Qt type of fixed width (see `TransferQueueModel.overall_changed`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from desktop_app.transfers.rows import TransferView
from desktop_app.transfers.state import Direction, State
from desktop_app.ui.shell.i18n import translate

# (failed, active, paused, unfinished) by state value (a str lookup: Enum's own hash is Python
# code, and this runs for every changed row: 10,000 of them when a big batch is paused).
_SHARES = {
    State.QUEUED.value: (0, 1, 0, 1), State.RUNNING.value: (0, 1, 0, 1),
    State.RETRYING.value: (0, 1, 0, 1), State.PAUSED.value: (0, 0, 1, 1),
    State.FAILED.value: (1, 0, 0, 0), State.DONE.value: (0, 0, 0, 0),
}
_NOTHING = (0, 0, 0, 0, 0, 0)  # skipped and cancelled rows count for nothing


def counts(view: TransferView) -> tuple[int, int, int, int, int, int]:
    """A row's share of its batch: size, done, failed, active, paused, unfinished."""
    shares = _SHARES.get(view.state._value_)
    if shares is None:
        return _NOTHING
    size = view.size
    done = size if view.state is State.DONE else min(view.done_bytes, size)
    return (size, done, *shares)


@dataclass
class Batch:
    number: int
    direction: Direction
    rows: list[TransferView] = field(default_factory=list)
    totals: list[int] = field(default_factory=lambda: [0, 0, 0, 0, 0, 0])
    uploads: bool = False
    was_open: bool = False

    def add(self, view: TransferView) -> None:
        self.totals = [t + c for t, c in zip(self.totals, counts(view), strict=True)]

    def replace(self, old: TransferView, new: TransferView) -> None:
        """Totals follow a row from its `old` copy to its `new` one."""
        before, after = counts(old), counts(new)
        if before[0] == after[0] and before[2:] == after[2:]:  # only its progress moved
            self.totals[1] += after[1] - before[1]
            return
        self.totals = [t + n - o for t, o, n in zip(self.totals, before, after, strict=True)]

    @property
    def size(self) -> int:
        return self.totals[0]

    @property
    def done(self) -> int:
        return self.totals[1]

    @property
    def failed(self) -> int:
        return self.totals[2]

    @property
    def active(self) -> int:
        return self.totals[3]

    def state_text(self) -> str:
        if self.active:
            return translate("Batch", "Running")
        if self.totals[4]:
            return translate("Batch", "Paused")
        if self.failed:
            return translate("Batch", "{failed} failed").format(failed=self.failed)
        return translate("Batch", "Done") if (self.totals[5] == 0 and any(
            r.state is State.DONE for r in self.rows[:50])) or self.done else translate(
                "Batch", "Finished")


class Arrivals:
    """Rows the engine reported that the view does not show yet, in engine order.

    Inserting 10,000 rows at once held the GUI thread for a few hundred milliseconds; the
    model shows them a slice at a time instead, and a row that changes while it waits here
    is updated in place (its latest copy is the one shown)."""

    def __init__(self) -> None:
        self._views: dict[int, TransferView] = {}
        self._per_batch: Counter[int] = Counter()

    def __len__(self) -> int:
        return len(self._views)

    def add(self, views: list[TransferView]) -> None:
        for view in views:
            self._views[view.id] = view
            self._per_batch[view.batch] += 1

    def update(self, view: TransferView) -> bool:
        """Keep the newer copy of a waiting row; False when it is not waiting here."""
        if view.id not in self._views:
            return False
        self._views[view.id] = view
        return True

    def take(self, count: int) -> list[TransferView]:
        """The next `count` rows (at most), removed from here."""
        views = list(islice(self._views.values(), count))
        for view in views:
            del self._views[view.id]
            self._per_batch[view.batch] -= 1
            if not self._per_batch[view.batch]:
                del self._per_batch[view.batch]
        return views

    def holds(self, batch: int) -> bool:
        """Rows of `batch` still wait: the batch is not over whatever its shown rows say."""
        return batch in self._per_batch

    def waiting(self, batch: int) -> int:
        return self._per_batch.get(batch, 0)

    def ids(self, batch: int | None = None) -> list[int]:
        """Waiting transfer ids (of one batch, or all)."""
        if batch is None:
            return list(self._views)
        if batch not in self._per_batch:
            return []
        return [v.id for v in self._views.values() if v.batch == batch]

    def clear(self) -> None:
        self._views.clear()
        self._per_batch.clear()
