"""Compare a local folder with a bucket folder: what is only here, only there, the same,
different, changed on both sides (conflicts) or a name twin (no Qt, no network; nothing moves).

Decision for a key on both sides, in order (each result says why):
1. With the state of the last sync: a side is "changed" when its (size, mtime) or its (size,
   ETag) differs from what was recorded then. Neither changed: same, nothing is read. One
   changed: different, newer on that side. Both changed: a conflict.
2. Sizes differ: different.
3. Equal sizes and a checksum on both sides: the listing carries no checksums, only the ETag,
   and the ETag of a single-part, unencrypted upload is the MD5 of its bytes; so for such
   objects the local MD5 is computed (only for these candidates, in parallel) and compared.
   Multipart objects may keep a full-object CRC64NVME, which needs one HEAD each; a
   `ChecksumSource` may ask for it, and only then is the local CRC64NVME computed. A checksum
   that agrees turns "changed" (1) or "times differ" (4) into same; one that differs confirms it.
4. No checksum to compare: the modification times, the object's LastModified against the
   file's mtime, equal within `tolerance_s` (2 s by default: FAT and SMB keep 2 s steps).

Case and Unicode-normalisation twins (`Café` NFC on one side, NFD on the other; `a.txt`
beside `A.txt`) would become a second object or a clobbered file; they are grouped as
name clashes instead of only-here/only-there, so a sync never duplicates them.
"""

from __future__ import annotations

import math
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple, Protocol

from desktop_app.core.local_scan import LocalEntry, LocalTree, Skipped
from desktop_app.core.sync_model import SyncedEntry, SyncState

DEFAULT_TOLERANCE_S = 2.0
BATCH_FILES = 64  # checksums asked per worker task


class RemoteEntry(NamedTuple):
    """One object below the pair's prefix (`key` relative to it)."""

    key: str
    size: int
    mtime: float  # LastModified, epoch seconds; NaN when the server sent none
    etag: str  # without quotes


@dataclass(slots=True)
class RemoteTree:
    """The listing of `bucket/prefix` (all depths) by relative key."""

    bucket: str
    prefix: str
    entries: dict[str, RemoteEntry] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    complete: bool = True

    @property
    def total_bytes(self) -> int:
        return sum(e.size for e in self.entries.values())


class ColumnPage(Protocol):
    """A page of the fast listing (storage.listing_columns.ListingColumns fits)."""

    @property
    def keys(self) -> list[str]: ...
    @property
    def sizes(self) -> Sequence[int]: ...
    @property
    def times(self) -> Sequence[float]: ...
    @property
    def etags(self) -> list[str]: ...


UNSAFE_KEY = "key cannot be a local file name ('.', '..', an empty part or a NUL)"


def remote_tree(bucket: str, prefix: str, pages: Iterable[ColumnPage]) -> RemoteTree:
    """Build the tree from listing pages of `prefix` (keys come with the prefix). Folder
    markers (keys ending in '/') are folders, not files; keys that could not be written as a
    file below the folder (`a/../b`, `a//b`) are skipped with the reason."""
    tree = RemoteTree(bucket, prefix)
    entries = tree.entries
    cut = len(prefix)
    for page in pages:
        for key, size, stamp, etag in zip(page.keys, page.sizes, page.times, page.etags,
                                          strict=True):
            rel = key[cut:]
            if not rel or rel.endswith("/"):
                continue
            if not _safe(rel):
                tree.skipped.append(Skipped(rel, UNSAFE_KEY))
                continue
            entries[rel] = RemoteEntry(rel, size, stamp, etag.strip('"'))
    return tree


def _safe(key: str) -> bool:
    if "\0" in key or key.startswith("/"):
        return False
    if "//" not in key and "." not in key:
        return True
    return all(part not in ("", ".", "..") for part in key.split("/"))


class Group(StrEnum):
    ONLY_LOCAL = "only_local"
    ONLY_REMOTE = "only_remote"
    SAME = "same"
    DIFFERENT = "different"
    CONFLICTS = "conflicts"
    NAME_CLASHES = "name_clashes"


class Why(StrEnum):
    NEW_HERE = "new here"
    NEW_THERE = "new there"
    DELETED_HERE = "deleted here since the last sync"
    DELETED_THERE = "deleted there since the last sync"
    UNCHANGED = "unchanged since the last sync"
    SAME_CHECKSUM = "same checksum"
    SAME_TIME = "same size, times within tolerance"
    SIZE = "size differs"
    CHECKSUM = "checksum differs"
    NEWER_HERE = "newer here"
    NEWER_THERE = "newer there"
    CHANGED_BOTH = "changed on both sides since the last sync"
    CASE_TWIN = "differs only in upper/lower case from another name"
    UNICODE_TWIN = "differs only in Unicode normalisation (NFC/NFD) from another name"


class Side(StrEnum):
    HERE = "here"  # the local folder
    THERE = "there"  # the bucket


class Item(NamedTuple):
    """One key's verdict. `newer` says which side changed (or is newer by time) for
    different and conflicting keys; `twins` are the other names of a name clash."""

    key: str
    group: Group
    why: Why
    local: LocalEntry | None
    remote: RemoteEntry | None
    newer: Side | None = None
    twins: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        """The bytes this key stands for (the local file's when it has one)."""
        if self.local is not None:
            return self.local.size
        return self.remote.size if self.remote is not None else 0


@dataclass(slots=True)
class Comparison:
    """Every key in exactly one group, plus how the verdicts were reached."""

    groups: dict[Group, list[Item]] = field(default_factory=lambda: {g: [] for g in Group})
    tolerance_s: float = DEFAULT_TOLERANCE_S
    checksummed: int = 0  # how many files were read to compare checksums
    complete: bool = True  # False when cancelled, or a side's scan was incomplete

    def count(self, group: Group) -> int:
        return len(self.groups[group])

    def bytes(self, group: Group) -> int:
        return sum(item.size for item in self.groups[group])

    def items(self) -> Iterable[Item]:
        for group in Group:
            yield from self.groups[group]


class ChecksumSource(Protocol):
    """Reads checksums on demand. `same_bytes` answers True (same bytes), False (different)
    or None (no checksum both sides have, or a file could not be read): then times decide.
    Called from worker threads."""

    def wants(self, remote: RemoteEntry) -> bool:
        """Whether a checksum can be had for this object without reading it (cheap)."""
        ...

    def same_bytes(self, local: LocalEntry, remote: RemoteEntry) -> bool | None: ...


def compare(local: LocalTree, remote: RemoteTree, last: SyncState | None,
            tolerance_s: float = DEFAULT_TOLERANCE_S, *,
            checksums: ChecksumSource | None = None, workers: int = 8,
            cancel: threading.Event | None = None) -> Comparison:
    """Group every key of both trees (see the module text for the rules). Without
    `checksums` nothing is read: equal sizes are then decided by the state and times."""
    result = Comparison(tolerance_s=tolerance_s, complete=local.complete and remote.complete)
    out = result.groups
    same, different = out[Group.SAME], out[Group.DIFFERENT]
    states = last.entries if last is not None else {}
    here, there = local.entries, remote.entries
    clashing = _name_clashes(here, there)
    pending: list[_Pending] = []
    wants = checksums.wants if checksums is not None else None
    for key, lentry in here.items():
        rentry = there.get(key)
        if rentry is None:
            if key in clashing:
                out[Group.NAME_CLASHES].append(_clash(key, lentry, None, clashing[key]))
            else:
                why = Why.DELETED_THERE if key in states else Why.NEW_HERE
                out[Group.ONLY_LOCAL].append(Item(key, Group.ONLY_LOCAL, why, lentry, None))
            continue
        synced = states.get(key)
        if synced is None:  # the common first compare, kept short
            if lentry.size != rentry.size:
                different.append(Item(key, Group.DIFFERENT, Why.SIZE, lentry, rentry,
                                      _newer(lentry, rentry, tolerance_s)))
                continue
        elif (lentry.size == synced.size and lentry.mtime_ns == synced.mtime_ns
              and rentry.size == synced.size and rentry.etag == synced.etag):
            same.append(Item(key, Group.SAME, Why.UNCHANGED, lentry, rentry))
            continue
        job = _Pending(lentry, rentry, synced)
        if wants is not None and lentry.size == rentry.size and wants(rentry):
            pending.append(job)
        else:
            item = job.verdict(None, tolerance_s)
            out[item.group].append(item)
    for key, rentry in there.items():
        if key in here:
            continue
        if key in clashing:
            out[Group.NAME_CLASHES].append(_clash(key, None, rentry, clashing[key]))
            continue
        why = Why.DELETED_HERE if key in states else Why.NEW_THERE
        out[Group.ONLY_REMOTE].append(Item(key, Group.ONLY_REMOTE, why, None, rentry))
    if pending and checksums is not None:
        result.checksummed = _settle(pending, checksums, out, tolerance_s, workers, cancel)
        if cancel is not None and cancel.is_set():
            result.complete = False
    return result


class _Pending(NamedTuple):
    """A key on both sides that neither sizes nor the state settled."""

    local: LocalEntry
    remote: RemoteEntry
    synced: SyncedEntry | None

    def verdict(self, same_bytes: bool | None, tolerance_s: float) -> Item:
        """The verdict given what the checksums said (None: no checksum compared)."""
        lentry, rentry, synced = self
        key = lentry.key
        if same_bytes:
            return Item(key, Group.SAME, Why.SAME_CHECKSUM, lentry, rentry)
        newer = _newer(lentry, rentry, tolerance_s)
        if synced is not None:
            changed_here = (lentry.size, lentry.mtime_ns) != (synced.size, synced.mtime_ns)
            changed_there = (rentry.size, rentry.etag) != (synced.size, synced.etag)
            if changed_here and changed_there:
                return Item(key, Group.CONFLICTS, Why.CHANGED_BOTH, lentry, rentry, newer)
            if changed_here:
                return Item(key, Group.DIFFERENT, Why.NEWER_HERE, lentry, rentry, Side.HERE)
            return Item(key, Group.DIFFERENT, Why.NEWER_THERE, lentry, rentry, Side.THERE)
        if lentry.size != rentry.size:
            return Item(key, Group.DIFFERENT, Why.SIZE, lentry, rentry, newer)
        if same_bytes is False:
            return Item(key, Group.DIFFERENT, Why.CHECKSUM, lentry, rentry, newer)
        if newer is None:
            return Item(key, Group.SAME, Why.SAME_TIME, lentry, rentry)
        why = Why.NEWER_HERE if newer is Side.HERE else Why.NEWER_THERE
        return Item(key, Group.DIFFERENT, why, lentry, rentry, newer)


def _newer(lentry: LocalEntry, rentry: RemoteEntry, tolerance_s: float) -> Side | None:
    """Which side has the later modification time, beyond the tolerance (None: a tie)."""
    if math.isnan(rentry.mtime):
        return None
    delta = lentry.mtime_ns / 1e9 - rentry.mtime
    if delta > tolerance_s:
        return Side.HERE
    if delta < -tolerance_s:
        return Side.THERE
    return None


def _settle(pending: list[_Pending], checksums: ChecksumSource,
            out: dict[Group, list[Item]], tolerance_s: float, workers: int,
            cancel: threading.Event | None) -> int:
    """Compare the checksums of the pending keys in parallel (hashing releases the GIL),
    in batches: a small file hashes faster than a thread pool hands over one task; returns
    how many were read."""
    def batch(jobs: list[_Pending]) -> list[bool | None]:
        answers: list[bool | None] = []
        for job in jobs:
            if cancel is not None and cancel.is_set():
                answers.append(None)
            else:
                answers.append(checksums.same_bytes(job.local, job.remote))
        return answers

    size = max(1, min(BATCH_FILES, len(pending) // (4 * max(1, workers))))
    batches = [pending[i:i + size] for i in range(0, len(pending), size)]
    read = 0
    with ThreadPoolExecutor(max(1, workers), thread_name_prefix="sync-sum") as pool:
        for jobs, answers in zip(batches, pool.map(batch, batches), strict=True):
            for job, answer in zip(jobs, answers, strict=True):
                read += answer is not None
                item = job.verdict(answer, tolerance_s)
                out[item.group].append(item)
    return read


# -- name twins -------------------------------------------------------------------------------
def fold(key: str) -> str:
    """The form two names share when a file system would take them for the same file."""
    if key.isascii():
        return key.lower()
    return unicodedata.normalize("NFC", key).casefold()


def _name_clashes(here: dict[str, LocalEntry],
                  there: dict[str, RemoteEntry]) -> dict[str, tuple[str, ...]]:
    """Every key that shares its folded form with another, different key (on either side),
    with those other keys."""
    first: dict[str, str] = {}
    groups: dict[str, set[str]] = {}
    for keys in (here, there):
        for key in keys:
            folded = key.lower() if key.isascii() else fold(key)
            seen = first.setdefault(folded, key)
            if seen != key:
                groups.setdefault(folded, {seen}).add(key)
    clashes: dict[str, tuple[str, ...]] = {}
    for members in groups.values():
        for key in members:
            clashes[key] = tuple(sorted(members - {key}))
    return clashes


def _clash(key: str, lentry: LocalEntry | None, rentry: RemoteEntry | None,
           twins: tuple[str, ...]) -> Item:
    nfc = unicodedata.normalize("NFC", key)
    unicode_twin = any(unicodedata.normalize("NFC", t) == nfc for t in twins)
    why = Why.UNICODE_TWIN if unicode_twin else Why.CASE_TWIN
    return Item(key, Group.NAME_CLASHES, why, lentry, rentry, None, twins)

