"""Finding objects with the same bytes without downloading any of them.

Two objects can only be equal when their sizes are, so the listing alone sorts a million
objects into size groups and the server is asked (one HEAD each) only about objects that share
a size with another. Within such a group objects are compared by the strongest hash both
carry: a stored SHA-256 (this app's `sha256` metadata or S3's full-object checksum), a SHA-1
checksum, the ETag when it is the MD5 of a single-part object, then CRC checksums. A weaker
hash never joins two objects whose stronger hashes differ (a crafted MD5 collision stays
apart). Objects of a shared size that carry no comparable hash are counted as unverified and
never reported as duplicates: deleting on a size match alone would lose data.

Those objects can then be compared by reading them (the user is told first how many bytes that
reads): `reading_plan` names the objects of such size groups to read (one copy of a group
already proven), `hash_by_reading` streams each through SHA-256 (the READ kind, strongest of all,
being the bytes themselves) and groups those sizes again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from typing import Protocol, runtime_checkable

from desktop_app.core.errors import AppError
from desktop_app.core.types import ObjectEntry

# Strongest first: the order in which hashes decide.
READ = "SHA-256 of the bytes read"  # computed here from the bytes: proves more than any stored hash
KINDS: tuple[str, ...] = (READ, "SHA-256", "SHA-1", "MD5", "CRC64NVME", "CRC32C", "CRC32")
HELD_SIZES = 100_000  # distinct sizes held before a second listing bounds memory (~40 MB)
HEAD_WORKERS = 8  # HEADs in flight at once: enough to hide loopback latency, polite to a server


@dataclass(frozen=True, slots=True)
class StoredHashes:
    """The hashes the server keeps for one object's whole content, by kind (lower-case)."""

    values: dict[str, str] = field(default_factory=dict)

    def strongest(self) -> tuple[str, str] | None:
        for kind in KINDS:
            if kind in self.values:
                return kind, self.values[kind]
        return None


@runtime_checkable
class HashSource(Protocol):
    """A storage that can say which whole-object hashes it keeps (one HEAD)."""

    def stored_hashes(self, bucket: str, key: str) -> StoredHashes: ...


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Objects with the same bytes; `kind` names the hash that proved it."""

    size: int
    kind: str
    entries: tuple[ObjectEntry, ...]
    # what the server said of each copy (by key) when compared: a copy is deleted only
    # while it still says the same
    hashes: dict[str, StoredHashes] = field(default_factory=dict, compare=False, hash=False)

    @property
    def freeable(self) -> int:
        """Bytes freed by keeping one copy."""
        return self.size * (len(self.entries) - 1)


@dataclass(frozen=True, slots=True)
class DuplicateReport:
    groups: tuple[DuplicateGroup, ...]
    scanned: int  # objects listed
    asked: int  # HEAD requests made
    unverified: int  # objects sharing a size with another but carrying no comparable hash
    cancelled: bool = False
    # size groups holding two objects with no hash kind in common, with what each carried:
    # what reading could still decide
    pending: tuple[tuple[int, tuple[tuple[ObjectEntry, StoredHashes], ...]], ...] = ()
    unread: tuple[tuple[str, str], ...] = ()  # (key, why) of objects that could not be read

    @property
    def freeable(self) -> int:
        return sum(group.freeable for group in self.groups)

    @property
    def extra_count(self) -> int:
        return sum(len(group.entries) - 1 for group in self.groups)


class Keep(Enum):
    OLDEST = "oldest"
    NEWEST = "newest"


_EARLIEST = datetime.min.replace(tzinfo=UTC)


def kept(group: DuplicateGroup, keep: Keep) -> ObjectEntry:
    """The copy to keep: the oldest or newest by last change, ties broken by key."""
    def order(entry: ObjectEntry) -> tuple[datetime, str]:
        return entry.last_modified or _EARLIEST, entry.key
    if keep is Keep.OLDEST:
        return min(group.entries, key=order)
    newest = max(entry.last_modified or _EARLIEST for entry in group.entries)
    return min((e for e in group.entries if (e.last_modified or _EARLIEST) == newest),
               key=lambda e: e.key)


def extras(group: DuplicateGroup, keep: Keep) -> tuple[ObjectEntry, ...]:
    """Every copy but the one kept."""
    keeper = kept(group, keep)
    return tuple(entry for entry in group.entries if entry is not keeper)


def _counting(entries: Iterable[ObjectEntry], cancel: threading.Event | None,
              tick: Callable[[], None]) -> Iterator[ObjectEntry]:
    """The objects worth comparing (no folder markers, no empty objects: nothing to free),
    stopping on Cancel; `tick` hears of every object listed."""
    for entry in entries:
        if cancel is not None and cancel.is_set():
            return
        tick()
        if entry.size > 0 and not entry.key.endswith("/"):
            yield entry


def _one_pass(entries: Iterable[ObjectEntry], limit: int | None,
              ) -> tuple[dict[int, list[ObjectEntry]], dict[int, ObjectEntry], bool]:
    """Shared sizes, the sizes seen once, and whether `limit` distinct sizes were passed
    (then the caller stops holding objects and lists again)."""
    first: dict[int, ObjectEntry] = {}
    shared: dict[int, list[ObjectEntry]] = {}
    for entry in entries:
        group = shared.get(entry.size)
        if group is not None:
            group.append(entry)
            continue
        earlier = first.pop(entry.size, None)
        if earlier is None:
            first[entry.size] = entry
            if limit is not None and len(first) > limit:
                return shared, first, True
        else:
            shared[entry.size] = [earlier, entry]
    return shared, first, False


class _SizeMarks:
    """Which sizes were seen once and which at least twice, in two fixed bit sets (4 MiB in
    all, whatever the number of objects); a clash only adds a candidate, never loses one."""

    BITS = 1 << 24

    def __init__(self) -> None:
        self.once = bytearray(self.BITS // 8)
        self.twice = bytearray(self.BITS // 8)

    def add(self, size: int, times: int = 1) -> None:
        bit = hash(size) & (self.BITS - 1)
        byte, mask = bit >> 3, 1 << (bit & 7)
        if times > 1 or self.once[byte] & mask:
            self.twice[byte] |= mask
        self.once[byte] |= mask

    def shared(self, size: int) -> bool:
        bit = hash(size) & (self.BITS - 1)
        return bool(self.twice[bit >> 3] & (1 << (bit & 7)))


def size_groups(listing: Callable[[], Iterable[ObjectEntry]],
                cancel: threading.Event | None = None,
                progress: Callable[[str, int, int], None] | None = None,
                limit: int = HELD_SIZES,
                ) -> tuple[dict[int, list[ObjectEntry]], int]:
    """Objects that share a size with another, by size, and how many objects were listed.

    One pass holds the first object of each size until a second arrives. Past `limit`
    distinct sizes (a big bucket of unique files) it stops holding objects, only marks sizes
    in fixed bit sets, and lists a second time for the candidates: memory stays bounded at
    the cost of a second listing. `progress` hears ("listing", n, 0), then, on a second
    pass, ("relisting", n, total)."""
    seen = 0

    def listed() -> None:
        nonlocal seen
        seen += 1
        if progress is not None and (seen < 1000 or seen % 1000 == 0):
            progress("listing", seen, 0)

    stream = _counting(listing(), cancel, listed)
    shared, first, overflow = _one_pass(stream, limit)
    if not overflow:
        return shared, seen
    marks = _SizeMarks()
    for size in first:
        marks.add(size)
    for size in shared:
        marks.add(size, times=2)
    first.clear()
    shared.clear()
    for entry in stream:
        marks.add(entry.size)
    total, again = seen, 0

    def relisted() -> None:
        nonlocal again
        again += 1
        if progress is not None and (again % 1000 == 0 or again == total):
            progress("relisting", again, total)

    candidates = (e for e in _counting(listing(), cancel, relisted) if marks.shared(e.size))
    shared, _, _ = _one_pass(candidates, None)
    return shared, seen


def group_by_hash(size: int, members: Sequence[tuple[ObjectEntry, StoredHashes]],
                  ) -> tuple[list[DuplicateGroup], int]:
    """Same-size objects joined where a hash they both carry agrees and no stronger hash they
    both carry differs; also the number of members with no hash at all."""
    parent = list(range(len(members)))
    proof: dict[int, str] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def conflict(a: StoredHashes, b: StoredHashes, below: str) -> bool:
        for kind in KINDS[:KINDS.index(below)]:
            if kind in a.values and kind in b.values and a.values[kind] != b.values[kind]:
                return True
        return False

    for kind in KINDS:
        seen: dict[str, int] = {}
        for i, (_, hashes) in enumerate(members):
            value = hashes.values.get(kind)
            if value is None:
                continue
            j = seen.setdefault(value, i)
            if j == i or conflict(members[i][1], members[j][1], kind):
                continue
            ri, rj = root(i), root(j)
            if ri != rj:
                parent[ri] = rj
                proof.setdefault(rj, proof.pop(ri, kind))
    joined: dict[int, list[int]] = {}
    for i in range(len(members)):
        joined.setdefault(root(i), []).append(i)
    groups = [
        DuplicateGroup(size, proof.get(r, ""),
                       tuple(sorted((members[i][0] for i in idx), key=lambda e: e.key)),
                       {members[i][0].key: members[i][1] for i in idx})
        for r, idx in joined.items() if len(idx) > 1
    ]
    unverified = sum(1 for _, hashes in members if not hashes.values)
    return groups, unverified


def find_duplicates(
    listing: Callable[[], Iterable[ObjectEntry]],
    hashes_of: Callable[[str], StoredHashes],
    cancel: threading.Event | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    workers: int = HEAD_WORKERS,
    limit: int = HELD_SIZES,
) -> DuplicateReport:
    """Duplicate groups below a listing, largest saving first.

    `listing()` streams the objects (called again for a second pass in a bucket with more
    than `limit` distinct sizes). `hashes_of(key)` asks the server (a HEAD), called only for
    objects in same-size groups and from up to `workers` threads. `progress(phase, done,
    total)` reports "listing" (objects seen, total 0), maybe "relisting", then "comparing"
    (objects asked of the server, of how many).
    """
    shared, seen = size_groups(listing, cancel, progress, limit)
    todo = [entry for group in shared.values() for entry in group]
    found: dict[str, StoredHashes] = {}
    stopped = cancel is not None and cancel.is_set()
    if not stopped and todo:
        with ThreadPoolExecutor(max(1, workers), thread_name_prefix="dup-head") as pool:
            def ask(entry: ObjectEntry) -> tuple[str, StoredHashes]:
                if cancel is not None and cancel.is_set():
                    return entry.key, StoredHashes()
                return entry.key, hashes_of(entry.key)
            for done, (key, hashes) in enumerate(pool.map(ask, todo), start=1):
                found[key] = hashes
                if progress is not None:
                    progress("comparing", done, len(todo))
        stopped = cancel is not None and cancel.is_set()
    groups: list[DuplicateGroup] = []
    unverified = 0
    pending: list[tuple[int, tuple[tuple[ObjectEntry, StoredHashes], ...]]] = []
    if not stopped:
        for size, members in shared.items():
            pairs = [(e, found[e.key]) for e in members]
            made, lacking = group_by_hash(size, pairs)
            groups.extend(made)
            unverified += lacking
            if undecided(size, pairs):
                pending.append((size, tuple(pairs)))
    groups.sort(key=lambda g: (-g.freeable, g.entries[0].key))
    return DuplicateReport(tuple(groups), seen, len(found), unverified, stopped, tuple(pending))


def _disjoint_kinds(kind_sets: Iterable[frozenset[str]]) -> bool:
    """Whether two of these (objects' hash kinds) have no kind in common."""
    seen: dict[frozenset[str], int] = {}
    for kinds in kind_sets:
        seen[kinds] = seen.get(kinds, 0) + 1
    if seen.get(frozenset(), 0) > 1:
        return True
    sets = list(seen)
    return any(not a & b for n, a in enumerate(sets) for b in sets[n + 1:])


def undecided(size: int, members: Sequence[tuple[ObjectEntry, StoredHashes]],
              ) -> list[list[int]]:
    """The sets of members already proven equal (single objects too) that share no hash kind
    with some other such set: no stored hash can say whether those are equal. Sets are
    compared by the kinds any of their members carries; there are few distinct kind sets,
    so this stays cheap in a large group."""
    if not _disjoint_kinds(frozenset(h.values) for _, h in members):
        return []  # every two objects share a kind: the hashes decided everything
    groups, _ = group_by_hash(size, members)
    index = {entry.key: i for i, (entry, _) in enumerate(members)}
    parts = [[index[e.key] for e in g.entries] for g in groups]
    grouped = {i for part in parts for i in part}
    parts += [[i] for i in range(len(members)) if i not in grouped]
    by_kinds: dict[frozenset[str], list[int]] = {}
    for n, part in enumerate(parts):
        kinds = frozenset(k for i in part for k in members[i][1].values)
        by_kinds.setdefault(kinds, []).append(n)
    marked: set[int] = set()
    sets = list(by_kinds.items())
    for n, (kinds, which) in enumerate(sets):
        if not kinds and len(which) > 1:
            marked.update(which)  # two without any hash
        for other, other_which in sets[n + 1:]:
            if not kinds & other:
                marked.update(which)
                marked.update(other_which)
    return [parts[n] for n in sorted(marked)]


def reading_plan(report: DuplicateReport) -> list[ObjectEntry]:
    """The objects to read to decide what stored hashes could not: one object of each
    undecided set (the others of a set are proven to hold the same bytes)."""
    plan: list[ObjectEntry] = []
    for size, members in report.pending:
        for part in undecided(size, members):
            plan.append(min((members[i][0] for i in part), key=lambda e: e.key))
    return plan


Reader = Callable[[ObjectEntry, Callable[[int], None]], "str | None"]


def hash_by_reading(report: DuplicateReport, read: Reader,
                    cancel: threading.Event | None = None,
                    progress: Callable[[str, int, int], None] | None = None,
                    workers: int = 4) -> DuplicateReport:
    """The report with its pending size groups decided by reading `reading_plan(report)`.

    `read(entry, tick)` streams one object through SHA-256 and returns the hex digest (or
    None when stopped by Cancel), calling `tick(n)` for every n bytes; an AppError is that
    object's failure (kept in `unread`, the object left unverified). `progress("reading",
    bytes read, bytes to read)`. On Cancel, what was read so far still counts."""
    plan = reading_plan(report)
    total = sum(e.size for e in plan)
    done = [0]
    lock = threading.Lock()

    def tick(n: int) -> None:
        with lock:
            done[0] += n
            now = done[0]
        if progress is not None:
            progress("reading", now, total)

    def one(entry: ObjectEntry) -> tuple[ObjectEntry, str | None, str]:
        if cancel is not None and cancel.is_set():
            return entry, None, ""
        try:
            return entry, read(entry, tick), ""
        except AppError as exc:  # gone, refused, replaced meanwhile: said per object
            return entry, None, exc.message

    digests: dict[str, str] = {}
    unread: list[tuple[str, str]] = list(report.unread)
    if progress is not None:
        progress("reading", 0, total)
    with ThreadPoolExecutor(max(1, workers), thread_name_prefix="dup-read") as pool:
        for entry, digest, why in pool.map(one, plan):
            if digest is not None:
                digests[entry.key] = digest
            elif why:
                unread.append((entry.key, why))
    decided = {size for size, _ in report.pending}
    groups = [g for g in report.groups if g.size not in decided]
    pending: list[tuple[int, tuple[tuple[ObjectEntry, StoredHashes], ...]]] = []
    unverified = report.unverified
    for size, members in report.pending:
        unverified -= sum(1 for _, h in members if not h.values)
        read_members = tuple(
            (e, StoredHashes({**h.values, READ: digests[e.key]}) if e.key in digests else h)
            for e, h in members)
        made, lacking = group_by_hash(size, read_members)
        groups.extend(made)
        unverified += lacking
        if undecided(size, read_members):
            pending.append((size, read_members))
    groups.sort(key=lambda g: (-g.freeable, g.entries[0].key))
    return DuplicateReport(tuple(groups), report.scanned, report.asked, unverified,
                           report.cancelled, tuple(pending), tuple(unread))
