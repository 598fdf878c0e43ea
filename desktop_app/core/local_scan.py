"""A local folder listed for a sync compare: every regular file below it, as S3-style keys.

Symbolic links are never followed (a link to `/` or to a parent would list the disk, or loop)
and are listed as skipped, like sockets, pipes and devices, with the reason, so the user sees
what was left out. Keys use '/' whatever the platform; a name that is not valid UTF-8 (Linux
allows any bytes) cannot become a key and is skipped too. `os.scandir` gives the entry type
without a system call, and `stat(follow_symlinks=False)` one call per file: ~1 µs an entry
here, so 100,000 files list in a fraction of a second.
"""

from __future__ import annotations

import os
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

MAX_KEY_BYTES = 1024  # S3's limit on a key, in UTF-8 bytes (prefix included)


class LocalEntry(NamedTuple):
    """One regular file: its key relative to the scanned folder ('/' separators)."""

    key: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something below the folder that is not synchronised, and why (shown to the user)."""

    key: str
    reason: str


@dataclass(slots=True)
class LocalTree:
    """The scan of one folder: files by key, and what was left out."""

    root: Path
    entries: dict[str, LocalEntry] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    complete: bool = True  # False when the scan was cancelled

    def path_of(self, key: str) -> Path:
        """The file a key stands for."""
        return self.root.joinpath(*key.split("/"))

    @property
    def total_bytes(self) -> int:
        return sum(e.size for e in self.entries.values())


SYMLINK = "symbolic link (not followed)"
SPECIAL = "not a regular file (socket, pipe or device)"
BAD_NAME = "name is not valid UTF-8, so it cannot be an object key"
TOO_LONG = "path too long for an object key (over 1024 bytes)"
UNREADABLE = "folder could not be read"


def scan_folder(root: Path, cancel: threading.Event | None = None,
                key_budget: int = MAX_KEY_BYTES) -> LocalTree:
    """Every regular file below `root`, without following symbolic links.

    `key_budget` is what is left of S3's 1024 bytes after the bucket prefix the keys go under.
    A folder that cannot be read is listed as skipped instead of failing the whole scan; a
    `root` that is missing or not a folder raises OSError (the caller says so)."""
    if not root.is_dir():
        raise NotADirectoryError(f"{root} is not a folder")
    tree = LocalTree(root)
    entries = tree.entries
    skipped = tree.skipped
    is_regular = stat.S_ISREG
    pending: list[tuple[str, str]] = [(os.fspath(root), "")]
    while pending:
        if cancel is not None and cancel.is_set():
            tree.complete = False
            return tree
        folder, base = pending.pop()
        try:
            with os.scandir(folder) as listing:
                items = list(listing)
        except OSError as error:
            skipped.append(Skipped(base.rstrip("/") or ".", f"{UNREADABLE}: {error.strerror}"))
            continue
        for item in items:
            key = base + item.name
            try:
                encoded = key.encode("utf-8")
            except UnicodeEncodeError:  # surrogate escapes of undecodable bytes
                skipped.append(Skipped(key.encode("utf-8", "replace").decode(), BAD_NAME))
                continue
            try:  # the entry's type comes with the listing: no system call but the stat
                if item.is_file(follow_symlinks=False):
                    if len(encoded) > key_budget:
                        skipped.append(Skipped(key, TOO_LONG))
                        continue
                    info = item.stat(follow_symlinks=False)
                    if is_regular(info.st_mode):
                        entries[key] = LocalEntry(key, info.st_size, info.st_mtime_ns)
                    else:  # replaced by something else since it was listed
                        skipped.append(Skipped(key, SPECIAL))
                elif item.is_dir(follow_symlinks=False):
                    pending.append((item.path, key + "/"))
                elif item.is_symlink():
                    skipped.append(Skipped(key, SYMLINK))
                else:
                    skipped.append(Skipped(key, SPECIAL))
            except OSError as error:  # removed while listed, or no permission
                skipped.append(Skipped(key, error.strerror or str(error)))
    return tree
