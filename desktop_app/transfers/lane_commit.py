"""The small-download lane's writer: one thread that saves what the loop fetched.

Writing a file, flushing it and renaming it into place are system calls that wait on the
disk. On the loop's thread every such wait held up every request in flight (a profile of a
thousand 64 KiB downloads had that thread busy for the whole run, a third of it on files).
Here one thread takes all the bodies that are waiting, writes each to a temp file, flushes
them with one `syncfs`, renames them, makes the renames durable with one fsync per folder
and tells the engine they are done, in one journal transaction. The longer a flush takes,
the more bodies the next round takes at once, so a slow disk means fewer flushes, not a
longer queue.

It walks the happy path like the lane: a destination that appeared meanwhile, a pause or a
cancel, a file that cannot be written: the transfer is handed to the threaded path.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop_app.core.errors import AppError
from desktop_app.transfers.download import fsync_dir
from desktop_app.transfers.partial import PartialFile, commit_group, write_unsynced
from desktop_app.transfers.state import Transfer
from desktop_app.transfers.verify import check_file_size
from desktop_app.transfers.writeback import write_all

log = logging.getLogger(__name__)


class CommitHost(Protocol):
    """The engine's side (see `lane_loop.LaneHost`)."""

    def lane_handover(self, transfer: Transfer) -> None: ...

    def lane_done_all(self, transfers: list[Transfer]) -> None: ...


@dataclass(frozen=True, slots=True)
class Fetched:
    """A checked body, waiting to be saved as `transfer.local_path`."""

    transfer: Transfer
    body: bytes
    verified_by: str


class Committer:
    """Started with the first body; `saved(n)` is called (on this thread) after each round
    with the bytes of the bodies it took, so the lane can fetch that many more."""

    def __init__(self, host: CommitHost, saved: Callable[[int], None],
                 name: str = "transfer-small-write") -> None:
        self._host = host
        self._saved = saved
        self._name = name
        self._queue: queue.SimpleQueue[list[Fetched] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def put(self, items: list[Fetched]) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name=self._name,
                                                daemon=True)
                self._thread.start()
        self._queue.put(items)

    def close(self, timeout: float) -> None:
        """Save what is waiting, then stop (for at most `timeout` seconds)."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            self._queue.put(None)
            thread.join(timeout)

    def _serve(self) -> None:
        while True:
            handed = [self._queue.get()]
            while not self._queue.empty():  # everything that came meanwhile: one round
                handed.append(self._queue.get_nowait())
            stop = None in handed
            taken = [item for items in handed if items is not None for item in items]
            try:
                self._save_all(taken)
            except Exception:  # never leave a transfer running with nobody on it
                log.exception("Saving small downloads failed")
                for item in taken:
                    if not item.transfer.state.finished:
                        self._host.lane_handover(item.transfer)
            finally:
                if taken:
                    self._saved(sum(len(item.body) for item in taken))
            if stop:
                return

    def _save_all(self, items: list[Fetched]) -> None:
        folders: dict[Path, list[tuple[Transfer, PartialFile]]] = {}
        for item in items:
            temp = self._write(item)
            if temp is None:
                self._host.lane_handover(item.transfer)
            else:
                folders.setdefault(item.transfer.local_path.parent, []).append(
                    (item.transfer, temp))
        for folder, written in folders.items():
            self._commit(folder, written)

    @staticmethod
    def _write(item: Fetched) -> PartialFile | None:
        """The body in a temp file beside its destination, or None to hand it over."""
        transfer, body = item.transfer, item.body
        if transfer.cancel_event.is_set() or transfer.pause_event.is_set():
            return None
        dest = transfer.local_path
        if os.path.lexists(dest):
            return None  # appeared meanwhile: the conflict policy decides, on the other path
        size = len(body)

        def write(fd: int) -> None:
            write_all(fd, body)  # in small slices: see writeback
            check_file_size(fd, size, transfer.name)  # the last word before the rename

        try:
            temp = write_unsynced(dest, write)
        except (OSError, AppError):
            log.debug("Writing %s handed over", dest, exc_info=True)
            return None
        transfer.verified_by = item.verified_by
        return temp

    def _commit(self, folder: Path, written: list[tuple[Transfer, PartialFile]]) -> None:
        """One flush for the folder's files, the renames, one fsync of the folder (the
        renames are durable before any of them is reported done)."""
        waiting: list[tuple[Transfer, PartialFile]] = []
        for transfer, temp in written:
            if os.path.lexists(transfer.local_path):  # not ours to replace
                temp.discard()
                self._host.lane_handover(transfer)
            else:
                waiting.append((transfer, temp))
        errors = commit_group([(temp, t.local_path) for t, temp in waiting])
        fsync_dir(folder)
        done: list[Transfer] = []
        for (transfer, _temp), error in zip(waiting, errors, strict=True):
            if error is not None:
                self._host.lane_handover(transfer)  # the threaded path words the error
            else:
                transfer.set_progress(transfer.size)
                done.append(transfer)
        if done:
            self._host.lane_done_all(done)
