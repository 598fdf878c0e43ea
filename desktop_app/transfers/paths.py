"""Map object keys to files under the folder the user chose, and never anywhere else.

A key is a string chosen by whoever wrote the bucket. Keys with `..` or `.` segments, absolute
keys, backslashes, drive letters, NUL or control characters, empty segments or over-long names
are refused one by one with a reason the queue shows; the rest of the batch goes on. A key `a`
and a key `a/b` cannot both exist on disk: the file `a` is refused and reported.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from desktop_app.core.transfer_errors import LocalFileError, UnsafeKey

_DRIVE = re.compile(r"^[A-Za-z]:")
MAX_NAME_BYTES = 255


@dataclass(frozen=True, slots=True)
class Planned:
    """A key and where it goes; `reason` is set (and `path` None) when it is refused."""

    key: str
    path: Path | None
    reason: str = ""

    @property
    def is_dir(self) -> bool:
        return self.key.endswith("/")


def relative_parts(key: str, prefix: str = "") -> tuple[str, ...]:
    """The safe path segments of `key` below `prefix`; raises `UnsafeKey` with the reason."""
    if not key.startswith(prefix):
        raise UnsafeKey(f"“{key}” is not inside “{prefix}”.")
    rest = key[len(prefix):]
    shown = key.encode("unicode_escape").decode("ascii")
    if any(ord(c) < 32 or ord(c) == 127 for c in rest):
        raise UnsafeKey(f"“{shown}” contains control characters and cannot be saved as a file.")
    if "\\" in rest:
        raise UnsafeKey(f"“{key}” contains a backslash, which could escape the folder on "
                        "Windows; it was not downloaded.")
    if rest.startswith("/"):
        raise UnsafeKey(f"“{key}” is an absolute path; it was not downloaded.")
    if _DRIVE.match(rest):
        raise UnsafeKey(f"“{key}” starts with a drive letter; it was not downloaded.")
    segments = rest[:-1].split("/") if rest.endswith("/") else rest.split("/")
    if rest in ("", "/"):
        return ()
    for segment in segments:
        if segment in (".", ".."):
            raise UnsafeKey(f"“{key}” contains a “{segment}” segment, which would point "
                            "outside the chosen folder; it was not downloaded.")
        if segment == "":
            raise UnsafeKey(f"“{key}” contains an empty path segment (“//”); it was not "
                            "downloaded.")
        if len(segment.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
            raise UnsafeKey(f"A name in “{key}” is longer than the file system allows.")
    return tuple(segments)


def local_path(root: Path, key: str, prefix: str = "") -> Path:
    """Where `key` goes under `root`; guaranteed to stay inside `root`."""
    parts = relative_parts(key, prefix)
    target = root.joinpath(*parts) if parts else root
    base = os.path.normpath(os.path.abspath(root))
    full = os.path.normpath(os.path.abspath(target))
    if full != base and not full.startswith(base + os.sep):  # belt and braces
        raise UnsafeKey(f"“{key}” would be saved outside the chosen folder.")
    return target


def plan(root: Path, keys: Iterable[str], prefix: str = "") -> list[Planned]:
    """Map a batch of keys; refused ones carry a reason, collisions are reported."""
    planned: list[Planned] = []
    for key in keys:
        try:
            planned.append(Planned(key, local_path(root, key, prefix)))
        except UnsafeKey as exc:
            planned.append(Planned(key, None, exc.message))
    # Every parent directory of a file or folder marker must not also be a file.
    dirs: set[PurePosixPath] = set()
    for item in planned:
        if item.path is None:
            continue
        rel = PurePosixPath(*relative_parts(item.key, prefix)) if item.key != prefix else None
        if rel is None:
            continue
        dirs.update(rel.parents)
        if item.is_dir:
            dirs.add(rel)
    result: list[Planned] = []
    for item in planned:
        if item.path is not None and not item.is_dir:
            rel = PurePosixPath(*relative_parts(item.key, prefix))
            if rel in dirs:
                result.append(Planned(item.key, None, (
                    f"“{item.key}” is both a file and a folder in this bucket (there are "
                    f"objects under “{item.key}/”); the file was not downloaded."
                )))
                continue
        result.append(item)
    return result


def ensure_parent_dirs(root: Path, target: Path) -> None:
    """Create the folders between `root` and `target`, refusing to walk through symlinks."""
    rel = target.parent.relative_to(root)
    current = root
    for part in rel.parts:
        current = current / part
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            with contextlib.suppress(FileExistsError):
                os.mkdir(current, 0o755)
            info = os.lstat(current)
        except OSError as exc:
            raise LocalFileError(f"Cannot create the folder “{current}”: {exc.strerror}.") from None
        if stat.S_ISLNK(info.st_mode):
            raise UnsafeKey(f"“{current}” is a symbolic link; nothing is written through it.",
                            "Remove the link or choose another folder.")
        if not stat.S_ISDIR(info.st_mode):
            raise LocalFileError(f"“{current}” exists and is not a folder.",
                                 "Rename or remove it, then retry.")
