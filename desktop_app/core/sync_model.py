"""Saved sync pairs and the state of their last run (no Qt, no network).

A pair joins a local folder with a bucket folder of one connection. Its state remembers, for
every key synchronised last time, what both sides were then (local size and mtime, the
object's size and ETag, the CRC64NVME when one was computed), so the next compare can tell
"changed here" from "changed there" from "changed on both sides" (a conflict) and "deleted
there since" from "new here". Each pair is one JSON file in `<data dir>/sync/`, written whole
to a temporary file and renamed, so a crash never leaves half a state behind.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

SYNC_FOLDER = "sync"
FORMAT = 1


class Direction(StrEnum):
    UPLOAD = "upload"  # make the bucket match the folder
    DOWNLOAD = "download"  # make the folder match the bucket
    TWO_WAY = "two-way"


class ConflictRule(StrEnum):
    NEWER_WINS = "newer-wins"
    KEEP_BOTH = "keep-both"
    ASK = "ask"


@dataclass(frozen=True, slots=True)
class SyncPair:
    """What the user saved: which folder with which bucket folder, and how."""

    local_folder: str
    connection_id: str
    bucket: str
    prefix: str = ""  # "" or ending in "/"
    direction: Direction = Direction.UPLOAD
    conflict_rule: ConflictRule = ConflictRule.ASK
    delete_on_other_side: bool = False  # opt-in; the run still asks to confirm
    watch: bool = False
    name: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> SyncPair:
        prefix = str(raw.get("prefix", ""))
        if prefix and not prefix.endswith("/"):
            prefix += "/"
        return cls(
            local_folder=str(raw["local_folder"]), connection_id=str(raw["connection_id"]),
            bucket=str(raw["bucket"]), prefix=prefix,
            direction=Direction(raw.get("direction", Direction.UPLOAD)),
            conflict_rule=ConflictRule(raw.get("conflict_rule", ConflictRule.ASK)),
            delete_on_other_side=bool(raw.get("delete_on_other_side", False)),
            watch=bool(raw.get("watch", False)), name=str(raw.get("name", "")),
            id=str(raw["id"]),
        )


class SyncedEntry(NamedTuple):
    """Both sides of one key as they were when it was last synchronised."""

    size: int
    mtime_ns: int  # the local file's
    etag: str  # the object's, without quotes
    crc: str = ""  # CRC64NVME (base64) of the bytes, when one was computed


@dataclass(slots=True)
class SyncState:
    """Per key, the last synchronised size/mtime/ETag/CRC; `finished` False while a run is
    under way (a run stopped by a quit is continued on the next start)."""

    entries: dict[str, SyncedEntry] = field(default_factory=dict)
    last_run: float = 0.0  # epoch seconds of the last completed run, 0 if never
    finished: bool = True
    # What the last run did ("uploaded", "downloaded", "deleted", "failed", ...), shown by
    # the saved pair; and the keys whose deletion the user confirmed for the run under way
    # (a run resumed after a quit deletes only those, never a fresh guess).
    summary: dict[str, int] = field(default_factory=dict)
    deletions: list[str] = field(default_factory=list)

    def record(self, key: str, entry: SyncedEntry) -> None:
        self.entries[key] = entry

    def forget(self, key: str) -> None:
        self.entries.pop(key, None)

    def to_json(self) -> dict[str, Any]:
        """Entries column by column: 100,000 keys load several times faster than as one
        small list each."""
        values = self.entries.values()
        return {"last_run": self.last_run, "finished": self.finished,
                "summary": self.summary, "deletions": self.deletions,
                "keys": list(self.entries), "sizes": [e.size for e in values],
                "mtimes": [e.mtime_ns for e in values], "etags": [e.etag for e in values],
                "crcs": [e.crc for e in values]}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> SyncState:
        """Raises ValueError or TypeError on anything but what `to_json` writes."""
        columns = tuple(raw.get(name, []) for name in ("keys", "sizes", "mtimes", "etags",
                                                          "crcs"))
        if not all(type(c) is list and len(c) == len(columns[0]) for c in columns):
            raise ValueError("sync state columns differ in length")
        for column, kind in zip(columns, (str, int, int, str, str), strict=True):
            if not all(type(v) is kind for v in column):
                raise TypeError("sync state holds a value of the wrong type")
        keys, sizes, mtimes, etags, crcs = columns
        entries = dict(zip(keys, map(SyncedEntry, sizes, mtimes, etags, crcs), strict=True))
        summary = {str(k): int(v) for k, v in raw.get("summary", {}).items()}
        deletions = [str(k) for k in raw.get("deletions", [])]
        return cls(entries, float(raw.get("last_run", 0.0)), bool(raw.get("finished", True)),
                   summary, deletions)


class PairStore:
    """The saved pairs of the app, each with its state, one file each."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / SYNC_FOLDER

    def _file(self, pair_id: str) -> Path:
        if not pair_id.isalnum():  # ids are uuid hex: nothing can point outside the folder
            raise ValueError(f"not a sync pair id: {pair_id!r}")
        return self.folder / f"{pair_id}.json"

    def pairs(self) -> list[SyncPair]:
        """Every readable saved pair, by name; a damaged file is left out (not deleted)."""
        found = []
        for path in sorted(self.folder.glob("*.json")):
            raw = _read(path)
            if raw is not None:
                try:
                    found.append(SyncPair.from_json(raw["pair"]))
                except (KeyError, TypeError, ValueError):
                    continue
        return sorted(found, key=lambda p: (p.name.casefold(), p.id))

    def get(self, pair_id: str) -> SyncPair | None:
        raw = _read(self._file(pair_id))
        try:
            return None if raw is None else SyncPair.from_json(raw["pair"])
        except (KeyError, TypeError, ValueError):
            return None

    def state(self, pair_id: str) -> SyncState:
        """The state of the last run; empty when there is none or it cannot be read (the
        next compare then decides by contents and times alone, never by a damaged file)."""
        raw = _read(self._file(pair_id))
        try:
            return SyncState() if raw is None else SyncState.from_json(raw.get("state", {}))
        except (KeyError, TypeError, ValueError):
            return SyncState()

    def save(self, pair: SyncPair, state: SyncState | None = None) -> None:
        """Write the pair (and its state; None keeps the saved one)."""
        if state is None:
            state = self.state(pair.id)
        _write(self._file(pair.id), {"format": FORMAT, "pair": pair.to_json(),
                                     "state": state.to_json()})

    def save_state(self, pair_id: str, state: SyncState) -> None:
        pair = self.get(pair_id)
        if pair is None:
            raise KeyError(f"no saved sync pair {pair_id}")
        self.save(pair, state)

    def delete(self, pair_id: str) -> None:
        self._file(pair_id).unlink(missing_ok=True)

    def rename(self, pair_id: str, name: str) -> None:
        pair = self.get(pair_id)
        if pair is not None:
            self.save(replace(pair, name=name))


def _read(path: Path) -> dict[str, Any] | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return raw if isinstance(raw, dict) and raw.get("format") == FORMAT else None


def _write(path: Path, raw: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(raw, out, separators=(",", ":"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
