"""Turn dropped files and folders into upload entries (key, path, size).

Folders are walked recursively and keep their tree; an empty folder becomes a `name/` marker
object. Symbolic links are not followed unless asked (a link could point anywhere, or loop);
they and special files (sockets, pipes, devices) become skipped rows with the reason.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class UploadEntry:
    key: str
    path: Path
    size: int
    problem: str = ""  # set when the entry is shown but not uploaded


def _key_text(name: str) -> str | None:
    """Names that are not valid Unicode (undecodable bytes) cannot become keys."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return name


def scan_upload(paths: Iterable[Path], prefix: str, follow_symlinks: bool = False
                ) -> Iterator[UploadEntry]:
    for path in paths:
        yield from _entry(Path(path), prefix, follow_symlinks)


def _entry(path: Path, prefix: str, follow: bool) -> Iterator[UploadEntry]:
    name = _key_text(path.name)
    if name is None:
        yield UploadEntry(prefix + repr(path.name), path, 0,
                          f"“{path}” has a name that is not valid text; it was not uploaded.")
        return
    try:
        info = os.stat(path, follow_symlinks=follow)
    except OSError as exc:
        yield UploadEntry(prefix + name, path, 0, f"Cannot read “{path}”: {exc.strerror}.")
        return
    if stat.S_ISLNK(info.st_mode):
        yield UploadEntry(prefix + name, path, 0,
                          f"“{path}” is a symbolic link; links are not followed.")
    elif stat.S_ISDIR(info.st_mode):
        yield from _folder(path, f"{prefix}{name}/", follow)
    elif stat.S_ISREG(info.st_mode):
        yield UploadEntry(prefix + name, path, info.st_size)
    else:
        yield UploadEntry(prefix + name, path, 0,
                          f"“{path}” is not a regular file (device, pipe or socket).")


def _folder(folder: Path, key_prefix: str, follow: bool) -> Iterator[UploadEntry]:
    try:
        children = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield UploadEntry(key_prefix, folder, 0, f"Cannot open “{folder}”: {exc.strerror}.")
        return
    if not children:
        yield UploadEntry(key_prefix, folder, 0)  # keep the empty folder as a marker
        return
    for child in children:
        yield from _entry(Path(child.path), key_prefix, follow)
