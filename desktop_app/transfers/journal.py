"""The SQLite journal: the queue, every multipart upload's id and finished parts, and every
big download's temp file and how much of its front is saved.

Written as work happens (one row per item, one per finished part with its CRC), so after a
quit or a crash the queue comes back and a big upload or download continues where it was
instead of from zero. Finished items are deleted; the file stays small. One connection, guarded
by a lock, shared by the worker threads; WAL mode keeps commits cheap. A file written by an
older version gains the newer columns when opened.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.transfer_types import KnownSha256, PartInfo

_SCHEMA = """
CREATE TABLE IF NOT EXISTS server_facts (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    batch INTEGER NOT NULL,
    direction TEXT NOT NULL,
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    local_path TEXT NOT NULL,
    root TEXT,
    size INTEGER NOT NULL,
    etag TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    error TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS uploads (
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    upload_id TEXT NOT NULL,
    part_size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    algo TEXT NOT NULL DEFAULT '',
    crc TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS parts (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    etag TEXT NOT NULL,
    size INTEGER NOT NULL,
    checksum TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (item_id, number)
);
CREATE TABLE IF NOT EXISTS downloads (
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    temp_path TEXT NOT NULL,
    etag TEXT NOT NULL,
    size INTEGER NOT NULL,
    part_size INTEGER NOT NULL,
    device INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    saved INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS sha256_hints (
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hexdigest TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS batches (
    batch INTEGER PRIMARY KEY,
    conflict TEXT NOT NULL
);
"""


@dataclass(frozen=True, slots=True)
class ItemRecord:
    id: int
    batch: int
    direction: str
    bucket: str
    key: str
    local_path: str
    root: str | None
    size: int
    etag: str
    state: str
    error: str


# Columns added since the first schema: (table, column, declaration) for older files.
_ADDED = (
    ("uploads", "algo", "TEXT NOT NULL DEFAULT ''"),
    ("uploads", "crc", "TEXT NOT NULL DEFAULT ''"),
    ("parts", "checksum", "TEXT NOT NULL DEFAULT ''"),
)


@dataclass(frozen=True, slots=True)
class UploadRecord:
    """A multipart upload in progress. `algo` ("CRC64NVME") when the server checks a
    checksum per part (each part's value is journalled with it, ListParts does not say it);
    `crc`: the whole file's CRC64NVME sent as user metadata where the server keeps none;
    `sha256`: what uploads journalled before checksums (still resumable)."""

    upload_id: str
    part_size: int
    sha256: str
    size: int
    mtime_ns: int
    algo: str = ""
    crc: str = ""


@dataclass(frozen=True, slots=True)
class DownloadRecord:
    """A big download's temp file; `saved` bytes from its front are known to be on disk."""

    temp_path: str
    etag: str
    size: int
    part_size: int
    device: int
    inode: int
    saved: int = 0


class Journal:
    FILE_NAME = "transfers.sqlite3"

    def __init__(self, path: Path) -> None:
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(_SCHEMA)
        self._add_columns()

    def _add_columns(self) -> None:
        """A journal written by an older version gains the newer columns (empty values)."""
        for table, column, declaration in _ADDED:
            have = {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}
            if column not in have:
                self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")

    @property
    def durable(self) -> bool:
        """False for an in-memory journal: nothing it says survives the process."""
        return str(self.path) != ":memory:"

    @classmethod
    def memory(cls) -> Journal:
        """A journal that lives only as long as the engine (no file)."""
        return cls(Path(":memory:"))

    @classmethod
    def in_dir(cls, folder: Path) -> Journal:
        return cls(folder / cls.FILE_NAME)

    @classmethod
    def for_server(cls, folder: Path, endpoint_url: str, access_key: str) -> Journal:
        """One journal per server and key: a queue never resumes against another server."""
        return cls(cls.path_for_server(folder, endpoint_url, access_key))

    @staticmethod
    def path_for_server(folder: Path, endpoint_url: str, access_key: str) -> Path:
        digest = hashlib.sha256(f"{endpoint_url}|{access_key}".encode()).hexdigest()[:16]
        return folder / f"transfers-{digest}.sqlite3"

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- queue items ---------------------------------------------------------------------
    def add_items(self, rows: Iterable[tuple[int, str, str, str, str, str | None, int, str,
                                              str]]) -> list[int]:
        """Insert (batch, direction, bucket, key, local_path, root, size, etag, state) rows."""
        ids: list[int] = []
        with self._lock:
            self._db.execute("BEGIN")
            for row in rows:
                cur = self._db.execute(
                    "INSERT INTO items (batch, direction, bucket, key, local_path, root, size,"
                    " etag, state) VALUES (?,?,?,?,?,?,?,?,?)", row,
                )
                ids.append(int(cur.lastrowid or 0))
            self._db.execute("COMMIT")
        return ids

    def set_state(self, item_id: int, state: str, error: str = "") -> None:
        with self._lock:
            self._db.execute("UPDATE items SET state=?, error=? WHERE id=?",
                             (state, error, item_id))

    def set_local_path(self, item_id: int, local_path: str) -> None:
        with self._lock:
            self._db.execute("UPDATE items SET local_path=? WHERE id=?", (local_path, item_id))

    def remove(self, item_id: int) -> None:
        with self._lock:
            self._db.execute("DELETE FROM items WHERE id=?", (item_id,))

    def remove_many(self, item_ids: list[int]) -> None:
        """`remove` for each, in one transaction (one write to the file, not one each)."""
        if not item_ids:
            return
        with self._lock:
            self._db.execute("BEGIN")
            self._db.executemany("DELETE FROM items WHERE id=?", [(i,) for i in item_ids])
            self._db.execute("COMMIT")

    def fact(self, name: str, max_age_s: float, now: float | None = None) -> str | None:
        """What was learnt about the server as `name` at most `max_age_s` seconds ago."""
        with self._lock:
            row = self._db.execute("SELECT value, at FROM server_facts WHERE name=?",
                                   (name,)).fetchone()
        if row is None:
            return None
        age = (time.time() if now is None else now) - float(row[1])
        return str(row[0]) if 0 <= age <= max_age_s else None

    def set_fact(self, name: str, value: str, now: float | None = None) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO server_facts (name, value, at) "
                             "VALUES (?,?,?)", (name, value, time.time() if now is None else now))

    def set_batch_conflict(self, batch: int, policy: str) -> None:
        """A batch queued with its own conflict policy (a sync overwrites what it compared),
        kept so it still applies after a restart."""
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO batches (batch, conflict) VALUES (?,?)",
                             (batch, policy))

    def batch_conflicts(self) -> dict[int, str]:
        """The policies of batches that still have items (the others are dropped)."""
        with self._lock:
            self._db.execute("DELETE FROM batches WHERE batch NOT IN (SELECT batch FROM items)")
            rows = self._db.execute("SELECT batch, conflict FROM batches").fetchall()
        return {int(b): str(c) for b, c in rows}

    def last_batch(self) -> int:
        """The highest batch number in the journal: a new session numbers on from it."""
        with self._lock:
            (last,) = self._db.execute(
                "SELECT MAX(b) FROM (SELECT MAX(batch) AS b FROM items"
                " UNION ALL SELECT MAX(batch) FROM batches)").fetchone()
        return int(last or 0)

    def keep_sha256_hints(self, hints: Iterable[tuple[int, KnownSha256]]) -> None:
        """The SHA-256 an upload rule read for these items (see `KnownSha256`): a restart
        must not lose the rule's request for it."""
        with self._lock:
            self._db.executemany(
                "INSERT OR REPLACE INTO sha256_hints (item_id, size, mtime_ns, hexdigest)"
                " VALUES (?,?,?,?)",
                [(item, h.size, h.mtime_ns, h.hexdigest) for item, h in hints])

    def sha256_hints(self) -> dict[int, KnownSha256]:
        with self._lock:
            rows = self._db.execute(
                "SELECT item_id, size, mtime_ns, hexdigest FROM sha256_hints").fetchall()
        return {item: KnownSha256(size, mtime, digest) for item, size, mtime, digest in rows}

    def pending(self) -> list[ItemRecord]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, batch, direction, bucket, key, local_path, root, size, etag, state,"
                " error FROM items ORDER BY id"
            ).fetchall()
        return [ItemRecord(*row) for row in rows]

    # -- multipart uploads ---------------------------------------------------------------
    def upload_started(self, item_id: int, bucket: str, key: str, record: UploadRecord) -> None:
        with self._lock:
            self._db.execute("BEGIN")
            self._db.execute("DELETE FROM parts WHERE item_id=?", (item_id,))
            self._db.execute(
                "INSERT OR REPLACE INTO uploads (item_id, bucket, key, upload_id, part_size,"
                " sha256, size, mtime_ns, algo, crc) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (item_id, bucket, key, record.upload_id, record.part_size, record.sha256,
                 record.size, record.mtime_ns, record.algo, record.crc),
            )
            self._db.execute("UPDATE items SET key=? WHERE id=?", (key, item_id))
            self._db.execute("COMMIT")

    def upload_for(self, item_id: int) -> UploadRecord | None:
        with self._lock:
            row = self._db.execute(
                "SELECT upload_id, part_size, sha256, size, mtime_ns, algo, crc FROM uploads"
                " WHERE item_id=?", (item_id,),
            ).fetchone()
        return UploadRecord(*row) if row else None

    def forget_upload(self, item_id: int) -> None:
        with self._lock:
            self._db.execute("DELETE FROM uploads WHERE item_id=?", (item_id,))
            self._db.execute("DELETE FROM parts WHERE item_id=?", (item_id,))

    def part_done(self, item_id: int, part: PartInfo) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO parts (item_id, number, etag, size, checksum)"
                " VALUES (?,?,?,?,?)",
                (item_id, part.number, part.etag, part.size, part.checksum),
            )

    def parts(self, item_id: int) -> list[PartInfo]:
        with self._lock:
            rows = self._db.execute(
                "SELECT number, etag, size, checksum FROM parts WHERE item_id=? ORDER BY number",
                (item_id,),
            ).fetchall()
        return [PartInfo(*row) for row in rows]

    # -- downloads that can resume -------------------------------------------------------
    def download_started(self, item_id: int, record: DownloadRecord) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO downloads (item_id, temp_path, etag, size, part_size,"
                " device, inode, saved) VALUES (?,?,?,?,?,?,?,?)",
                (item_id, record.temp_path, record.etag, record.size, record.part_size,
                 record.device, record.inode, record.saved),
            )

    def download_saved(self, item_id: int, saved: int) -> None:
        with self._lock:
            self._db.execute("UPDATE downloads SET saved=? WHERE item_id=?", (saved, item_id))

    def download_for(self, item_id: int) -> DownloadRecord | None:
        with self._lock:
            row = self._db.execute(
                "SELECT temp_path, etag, size, part_size, device, inode, saved FROM downloads"
                " WHERE item_id=?", (item_id,),
            ).fetchone()
        return DownloadRecord(*row) if row else None

    def forget_download(self, item_id: int) -> None:
        with self._lock:
            self._db.execute("DELETE FROM downloads WHERE item_id=?", (item_id,))

    def kept_bytes(self, item_id: int, download: bool) -> int:
        """How much of an item is already done: a big download's saved front, or the bytes of
        a multipart upload's finished parts."""
        if download:
            record = self.download_for(item_id)
            return record.saved if record is not None else 0
        return sum(p.size for p in self.parts(item_id))
