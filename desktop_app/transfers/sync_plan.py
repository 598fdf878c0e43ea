"""What a sync does with a compare: the uploads, downloads, deletions and keep-both copies.

Nothing moves here; `sync_run` carries the plan out through the transfer queue. The rules:

- Upload (make the bucket match the folder): only-here and different files are uploaded;
  only-there objects are deleted only when deletion is opted in.
- Download (make the folder match the bucket): the mirror image.
- Two-way: new files go to the other side; a different file goes the way of the side that
  changed (or is newer); a file deleted on one side since the last sync is deleted on the
  other only when deletion is opted in, else it is copied back (nothing is lost by default).
- Conflicts (changed on both sides since the last sync): in one-way directions the
  direction decides, unless the rule is "ask". Two-way: newer wins (a tie is asked), keep
  both (the bucket's version is kept under a new name on both sides, the folder's keeps the
  name), or ask. `decisions` holds what the user answered, per key.
- Name clashes (case or Unicode twins) are never transferred: they would make a duplicate.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from desktop_app.core.local_scan import LocalEntry
from desktop_app.core.sync_compare import Comparison, Group, Item, RemoteEntry, Side, Why
from desktop_app.core.sync_model import ConflictRule, Direction, SyncPair
from desktop_app.transfers.partial import TEMP_PREFIX, TEMP_SUFFIX

COPY_MARK = "bucket copy"  # `report (bucket copy).pdf`: the bucket's version, kept beside


class Resolution(StrEnum):
    """The user's answer for one conflict."""

    HERE = "here"  # keep the folder's version
    THERE = "there"  # keep the bucket's version
    BOTH = "both"
    SKIP = "skip"


@dataclass(frozen=True, slots=True)
class KeepBoth:
    """A conflict kept both ways: the bucket's version is copied (on the server) to
    `new_key` and downloaded there, then the folder's version is uploaded under `key`."""

    key: str
    new_key: str
    local: LocalEntry
    remote: RemoteEntry


@dataclass(slots=True)
class SyncPlan:
    """Keys are relative to the pair's folder and prefix."""

    uploads: list[LocalEntry] = field(default_factory=list)
    downloads: list[RemoteEntry] = field(default_factory=list)
    delete_remote: list[RemoteEntry] = field(default_factory=list)
    delete_local: list[LocalEntry] = field(default_factory=list)
    keep_both: list[KeepBoth] = field(default_factory=list)
    record: list[Item] = field(default_factory=list)  # the same on both sides: remembered
    undecided: list[Item] = field(default_factory=list)  # conflicts left to the user
    left: list[Item] = field(default_factory=list)  # name clashes: never transferred
    kept: list[str] = field(default_factory=list)  # on one side only; deleting is off

    @property
    def transfers(self) -> int:
        return len(self.uploads) + len(self.downloads) + 2 * len(self.keep_both)

    @property
    def deletions(self) -> int:
        return len(self.delete_remote) + len(self.delete_local)

    @property
    def deletion_bytes(self) -> int:
        return sum(e.size for e in self.delete_remote) + sum(e.size for e in self.delete_local)

    @property
    def upload_bytes(self) -> int:
        return sum(e.size for e in self.uploads) + sum(k.local.size for k in self.keep_both)

    @property
    def download_bytes(self) -> int:
        return sum(e.size for e in self.downloads) + sum(k.remote.size for k in self.keep_both)

    @property
    def empty(self) -> bool:
        return not (self.transfers or self.deletions or self.record)

    def confirmed_deletions(self) -> list[str]:
        """The deletions as the state keeps them for a resumed run ("there:"/"here:" key)."""
        return [f"there:{e.key}" for e in self.delete_remote] + \
            [f"here:{e.key}" for e in self.delete_local]


def make_plan(comparison: Comparison, pair: SyncPair,
              decisions: Mapping[str, Resolution] | None = None, delete: bool | None = None,
              allowed_deletions: Collection[str] | None = None) -> SyncPlan:
    """The plan of one run. `delete` overrides the pair's opt-in; `allowed_deletions` (a
    resumed run) limits deletions to those the user confirmed before."""
    plan = SyncPlan()
    answers = decisions or {}
    deleting = pair.delete_on_other_side if delete is None else delete
    up, down = pair.direction is Direction.UPLOAD, pair.direction is Direction.DOWNLOAD
    two_way = pair.direction is Direction.TWO_WAY
    taken = {item.key for item in comparison.items()}

    def may_delete(side: str, key: str) -> bool:
        return deleting and (allowed_deletions is None or f"{side}:{key}" in allowed_deletions)

    groups = comparison.groups
    for item in groups[Group.ONLY_LOCAL]:
        assert item.local is not None
        if _temporary(item.key):
            continue  # a download in progress into the folder
        gone_there = item.why is Why.DELETED_THERE
        if (down or (two_way and gone_there)) and may_delete("here", item.key):
            plan.delete_local.append(item.local)
        elif not down:
            plan.uploads.append(item.local)
        else:
            plan.kept.append(item.key)
    for item in groups[Group.ONLY_REMOTE]:
        assert item.remote is not None
        gone_here = item.why is Why.DELETED_HERE
        if (up or (two_way and gone_here)) and may_delete("there", item.key):
            plan.delete_remote.append(item.remote)
        elif not up:
            plan.downloads.append(item.remote)
        else:
            plan.kept.append(item.key)
    plan.record.extend(i for i in groups[Group.SAME] if i.why is not Why.UNCHANGED)
    plan.left.extend(groups[Group.NAME_CLASHES])
    for item in groups[Group.DIFFERENT]:
        if up or (two_way and item.newer is Side.HERE):
            _send(plan, item, Side.HERE)
        elif down or item.newer is Side.THERE:
            _send(plan, item, Side.THERE)
        else:  # two-way, different bytes, and nothing tells which is newer
            _conflict(plan, item, pair, answers.get(item.key), taken)
    for item in groups[Group.CONFLICTS]:
        _conflict(plan, item, pair, answers.get(item.key), taken)
    return plan


def _temporary(key: str) -> bool:
    name = key.rpartition("/")[2]
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)


def _send(plan: SyncPlan, item: Item, winner: Side) -> None:
    if winner is Side.HERE:
        assert item.local is not None
        plan.uploads.append(item.local)
    else:
        assert item.remote is not None
        plan.downloads.append(item.remote)


def _conflict(plan: SyncPlan, item: Item, pair: SyncPair, answer: Resolution | None,
              taken: set[str]) -> None:
    rule = pair.conflict_rule
    two_way = pair.direction is Direction.TWO_WAY
    if answer is None:
        if rule is ConflictRule.ASK:
            plan.undecided.append(item)
            return
        if not two_way:
            answer = Resolution.HERE if pair.direction is Direction.UPLOAD else Resolution.THERE
        elif rule is ConflictRule.KEEP_BOTH:
            answer = Resolution.BOTH
        elif item.newer is None:  # newer wins, but the times tie
            plan.undecided.append(item)
            return
        else:
            answer = Resolution.HERE if item.newer is Side.HERE else Resolution.THERE
    if answer is Resolution.SKIP:
        return
    if answer is Resolution.BOTH and two_way:
        assert item.local is not None
        assert item.remote is not None
        new_key = copy_name(item.key, taken)
        taken.add(new_key)
        plan.keep_both.append(KeepBoth(item.key, new_key, item.local, item.remote))
        return
    if answer is Resolution.BOTH:  # one-way: the direction's side keeps the name
        answer = Resolution.HERE if pair.direction is Direction.UPLOAD else Resolution.THERE
    if (answer is Resolution.HERE and pair.direction is Direction.DOWNLOAD) or (
            answer is Resolution.THERE and pair.direction is Direction.UPLOAD):
        return  # keeping the target's version in a one-way sync: nothing to move
    _send(plan, item, Side.HERE if answer is Resolution.HERE else Side.THERE)


def copy_name(key: str, taken: Collection[str]) -> str:
    """`docs/report.pdf` -> `docs/report (bucket copy).pdf`, numbered when that is taken."""
    folder, slash, name = key.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    if not stem:  # no suffix, or a dot-file
        stem, dot, suffix = name, "", ""
    for n in range(1, 1000):
        mark = COPY_MARK if n == 1 else f"{COPY_MARK} {n}"
        candidate = f"{folder}{slash}{stem} ({mark}){dot}{suffix}"
        if candidate not in taken:
            return candidate
    raise ValueError(f"no free name beside {key!r}")
