"""The rows the queue shows: plain copies of transfers, and which of them a viewer lacks.

Both the engine and the window's mirror of an engine process answer "what changed since I
last looked" with `pick_changes`, so the two cannot drift apart.
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
