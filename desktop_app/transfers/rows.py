"""The rows the queue shows: plain copies of transfers, and which of them a viewer lacks.

Both the engine and the window's mirror of an engine process answer "what changed since I
last looked" with `pick_changes`, so the two cannot drift apart. Between the two processes a
row travels as a plain tuple (`encode`, `decode`): unpickling a `TransferView` itself cost the
window's process about 21 us a row (a `Path` rebuilt, a per-field `__setstate__`, two enum
look-ups), a tuple about 0.4 us, and `decode` keeps the path object a row already had.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from desktop_app.transfers.state import Direction, State, Transfer


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed since the caller's last look (see `TransferEngine.changes`)."""

    generation: int
    reset: bool
    new: list[TransferView]
    changed: list[TransferView]


@dataclass(frozen=True, slots=True)
class TransferView:
    """A copy of one row for the UI, taken under no lock the worker holds for long."""

    id: int
    batch: int
    direction: Direction
    bucket: str
    key: str
    local_path: Path
    name: str
    size: int
    done_bytes: int
    state: State
    error: str
    phase: str = ""
    denied: bool = False  # failed because the server refused access
    verified_by: str = ""  # how a done transfer's bytes were checked (see Transfer)
    source: str = ""  # a URL import's link


R = TypeVar("R")


def pick_changes(order: Sequence[int], rows: Mapping[int, R], dirty: set[int], known: int,
                 generation: int, current: int, limit: int) -> tuple[bool, list[R], list[R]]:
    """(reset, new, changed) for a caller who knows the first `known` rows of `order` as of
    `generation`: a stale generation gets the first `limit` rows again; otherwise the rows
    added since (up to `limit`) and the `dirty` ones it already has."""
    if generation != current:
        return True, [rows[i] for i in order[:limit]], []
    new_ids = order[known:known + limit]
    fresh = set(new_ids)
    return (False, [rows[i] for i in new_ids],
            [rows[i] for i in dirty if i in rows and i not in fresh])


def view_of(t: Transfer) -> TransferView:
    return TransferView(t.id, t.batch, t.direction, t.bucket, t.key, t.local_path, t.name,
                        t.size, t.done_bytes, t.state, t.error, t.phase, t.denied,
                        t.verified_by, t.source)


# A row on the wire: TransferView's fields in order, the enums as their values, the path as str.
RawRow = tuple[int, int, str, str, str, str, str, int, int, str, str, str, bool, str, str]
_DIRECTIONS = {d.value: d for d in Direction}
_STATES = {s.value: s for s in State}


def encode(view: TransferView) -> RawRow:
    """`view` as plain values: cheap to pickle and to unpickle."""
    return (view.id, view.batch, view.direction._value_, view.bucket, view.key,
            str(view.local_path), view.name, view.size, view.done_bytes, view.state._value_,
            view.error, view.phase, view.denied, view.verified_by, view.source)


def decode(raw: RawRow, old: TransferView | None = None) -> TransferView:
    """The row `encode` made; `old`, the copy held so far, lends its path when unchanged."""
    (tid, batch, direction, bucket, key, path, name, size, done, state, error, phase, denied,
     verified_by, source) = raw
    local = old.local_path if old is not None and str(old.local_path) == path else Path(path)
    return TransferView(tid, batch, _DIRECTIONS[direction], bucket, key, local, name, size,
                        done, _STATES[state], error, phase, denied, verified_by, source)
