"""A watched sync folder: new and changed files are uploaded once they have settled.

`watchdog` reports what the file system does (inotify on Linux); a file written slowly
fires many events, so nothing is sent on an event: a file is sent once its size and time
have stayed the same for `settle_s` seconds (a file still being written is never sent
half-done, and a burst of 500 files goes as a few batches rather than 500). Each batch goes
through the transfer queue like any sync upload and is recorded in the pair's state, so the
next compare knows it is synced. A file already recorded with the same size and time (one a
sync just downloaded) is not sent back; temporary files of downloads in progress are never
sent; nor is a case or Unicode twin of a name already there (the bucket is listed once when
watching begins). Upload rules of the target (`rules`) may refuse a file or give it another
key; a file under another key is uploaded but not recorded (it is not the folder's mirror).
"""

from __future__ import annotations

import logging
import os
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from desktop_app.core.errors import AppError
from desktop_app.core.local_scan import LocalEntry
from desktop_app.core.sync_compare import fold
from desktop_app.core.sync_model import PairStore, SyncPair, SyncState
from desktop_app.storage.sync_listing import list_remote
from desktop_app.transfers.options import ConflictPolicy
from desktop_app.transfers.partial import TEMP_PREFIX, TEMP_SUFFIX
from desktop_app.transfers.sync_jobs import ResumeStorage
from desktop_app.transfers.sync_plan import SyncPlan
from desktop_app.transfers.sync_run import PairLock, SyncEngine, SyncRun

log = logging.getLogger(__name__)
DEFAULT_SETTLE_S = 2.0
CLASH = ("Not uploaded: it differs only in upper/lower case or Unicode form from “{twin}”, "
         "which would make a duplicate.")

# (path, key relative to the pair) -> (the key to upload to, relative to the pair's prefix,
# and "") or ("", why it is refused)
RuleCheck = Callable[[Path, str], tuple[str, str]]


@dataclass(slots=True)
class WatchNews:
    """What the watcher did, for the status bar."""

    sent: int = 0  # files uploaded since watching began
    bytes: int = 0
    last: str = ""  # the key of the last one
    waiting: int = 0  # files seen and not settled yet
    refused: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


class _Events(FileSystemEventHandler):
    def __init__(self, seen: Callable[[str], None]) -> None:
        self.seen = seen

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("deleted", "opened", "closed_no_write"):
            return
        path = event.dest_path if event.event_type == "moved" else event.src_path
        self.seen(os.fsdecode(path))


class FolderWatch:
    def __init__(self, pair: SyncPair, engine: SyncEngine, storage: ResumeStorage,
                 store: PairStore | None, state: SyncState, settle_s: float = DEFAULT_SETTLE_S,
                 rules: RuleCheck | None = None,
                 on_news: Callable[[WatchNews], None] | None = None) -> None:
        self.pair = pair
        self.engine = engine
        self.storage = storage
        self.store = store
        self.state = state
        self.settle_s = settle_s
        self.rules = rules
        self.on_news = on_news
        self.root = Path(pair.local_folder)
        self.news = WatchNews()
        self._lock = threading.Lock()
        self._seen: dict[str, tuple[int, int, float] | None] = {}  # path -> size, mtime, since
        self._runs: list[SyncRun] = []
        self._folded: dict[str, str] | None = None
        self._stop = threading.Event()
        self._observer = Observer()
        self._thread = threading.Thread(target=self._loop, name="sync-watch", daemon=True)

    def start(self) -> None:
        """Begin watching (raises OSError when the folder cannot be watched)."""
        self._observer.schedule(_Events(self._saw), str(self.root), recursive=True)
        self._observer.start()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._observer.stop()
        if self._observer.is_alive():
            self._observer.join(5)
        if self._thread.is_alive():
            self._thread.join(5)

    @property
    def busy(self) -> bool:
        """Files seen and not sent yet, or sent and not landed yet."""
        with self._lock:
            return bool(self._seen or self._runs)

    def _saw(self, path: str) -> None:
        name = os.path.basename(path)
        if name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX):
            return
        with self._lock:
            self._seen[path] = None

    # -- the settling loop ---------------------------------------------------------------
    def _names(self) -> dict[str, str]:
        """The bucket's keys below the pair by folded form, listed once when watching begins
        (and kept up to date with what is sent), so a case or Unicode twin of an object is
        never uploaded beside it."""
        if self._folded is None:
            try:
                listed = list_remote(self.storage, self.pair.bucket, self.pair.prefix,
                                     self._stop).entries
            except AppError as exc:  # the server is away: only the state's names then
                log.warning("Watching %s: the bucket could not be listed: %s", self.root,
                            exc.message)
                listed = {}
            with PairLock.of(self.pair.id):
                known = [*listed, *self.state.entries]
            self._folded = {fold(key): key for key in known}
        return self._folded

    def _loop(self) -> None:
        step = max(0.05, min(0.5, self.settle_s / 4))
        self._names()
        while not self._stop.wait(step):
            try:
                ready = self._settled()
                if ready:
                    self._send(ready)
                self._follow()
            except Exception:  # a bug must not end watching silently
                log.exception("Watching %s failed a round", self.root)

    def _settled(self) -> list[LocalEntry]:
        now = time.monotonic()
        ready: list[LocalEntry] = []
        with self._lock:
            paths = list(self._seen.items())
        for path, last in paths:
            try:
                info = os.lstat(path)
            except OSError:
                self._drop(path)  # gone again (a temporary file, a quick rename)
                continue
            if not stat.S_ISREG(info.st_mode):
                self._drop(path)  # a link, a pipe: never followed, never sent
                continue
            mark = (info.st_size, info.st_mtime_ns)
            if last is None or (last[0], last[1]) != mark:
                with self._lock:
                    self._seen[path] = (*mark, now)
                continue
            if now - last[2] < self.settle_s:
                continue
            self._drop(path)
            key = self._key(path)
            if key is not None:
                ready.append(LocalEntry(key, *mark))
        with self._lock:
            self.news.waiting = len(self._seen)
        return ready

    def _drop(self, path: str) -> None:
        with self._lock:
            self._seen.pop(path, None)

    def _key(self, path: str) -> str | None:
        try:
            rel = Path(path).relative_to(self.root)
        except ValueError:
            return None
        key = "/".join(rel.parts)
        try:
            key.encode("utf-8")
        except UnicodeEncodeError:
            return None
        with PairLock.of(self.pair.id):
            synced = self.state.entries.get(key)
        try:
            info = os.lstat(path)
        except OSError:
            return None
        if synced is not None and (synced.size, synced.mtime_ns) == (info.st_size,
                                                                     info.st_mtime_ns):
            return None  # what the last sync left here (a download): nothing new
        return key

    def _send(self, ready: list[LocalEntry]) -> None:
        mirrored: list[LocalEntry] = []
        other: list[tuple[Path, str, int]] = []
        names = self._names()
        for entry in ready:
            path = self.root.joinpath(*entry.key.split("/"))
            twin = names.setdefault(fold(entry.key), entry.key)
            if twin != entry.key:
                self.news.refused.append((entry.key, CLASH.format(twin=twin)))
                continue
            if self.rules is not None:
                target, why = self.rules(path, entry.key)
                if why:
                    self.news.refused.append((entry.key, why))
                    continue
                if target != entry.key:
                    other.append((path, self.pair.prefix + target, entry.size))
                    continue
            mirrored.append(entry)
        if other:
            self.engine.upload_files(self.pair.bucket, other, ConflictPolicy.OVERWRITE)
            self._count(len(other), sum(size for _p, _k, size in other), other[-1][1])
        if mirrored:
            run = SyncRun(self.pair, SyncPlan(uploads=mirrored), self.engine, self.storage,
                          self.store, self.state, mark_run=False)
            run.start()
            with self._lock:
                self._runs.append(run)
        self._tell()

    def _follow(self) -> None:
        with self._lock:
            runs = list(self._runs)
        for run in runs:
            if run.poll():
                with self._lock:
                    self._runs.remove(run)
                out = run.outcome
                self.news.failed.extend(out.failed)
                last = run.plan.uploads[-1].key if run.plan.uploads else ""
                self._count(out.uploaded, out.bytes, last)
                self._tell()

    def _count(self, files: int, size: int, last: str) -> None:
        self.news.sent += files
        self.news.bytes += size
        if files:
            self.news.last = last

    def _tell(self) -> None:
        if self.on_news is not None:
            self.on_news(self.news)
