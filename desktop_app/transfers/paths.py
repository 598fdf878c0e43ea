"""Map object keys to files under the folder the user chose, and never anywhere else.

A key is a string chosen by whoever wrote the bucket. Keys with `..` or `.` segments (also
spelled with fullwidth or leader dots, which NFKC-normalising tools turn into real ones),
absolute keys, backslashes, drive letters, control characters, empty segments or over-long
names are refused one by one with a reason naming the key; the rest of the batch goes on.
Every batch is planned as a whole: a key `a` and a key `a/b` cannot both exist on disk (the
file `a` is refused), and two names that differ only in their Unicode normal form (`é` as one
character or as `e` + accent) are one name on macOS, so the second is refused rather than
overwriting the first.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.errors import AppError
from desktop_app.core.keys_text import shown_key
from desktop_app.core.transfer_errors import LocalFileError, UnsafeKey

_DRIVE = re.compile(r"^[A-Za-z]:")
_SEPARATORS = re.compile(r"[/\\]")
MAX_NAME_BYTES = 255
ANOTHER_FOLDER = "Download it on its own into another folder to get it."


@dataclass(frozen=True, slots=True)
class Planned:
    """A key and where it goes; `reason` is set (and `path` None) when it is refused."""

    key: str
    path: Path | None
    reason: str = ""

    @property
    def is_dir(self) -> bool:
        return self.key.endswith("/")


@dataclass(frozen=True, slots=True)
class Mapped:
    """A key and its path segments below the target (None, with a reason, when refused)."""

    key: str
    parts: tuple[str, ...] | None
    reason: str = ""

    @property
    def is_dir(self) -> bool:
        return self.key.endswith("/")


def parent_prefix(key: str) -> str:
    """The prefix of the folder `key` is listed in (`a/b/` -> `a/`); only one trailing slash
    belongs to the key itself, so the folder `a//` (empty name) lives in `a/`."""
    stem = key[:-1] if key.endswith("/") else key
    head, slash, _name = stem.rpartition("/")
    return head + slash


def relative_parts(key: str, prefix: str = "") -> tuple[str, ...]:
    """The safe path segments of `key` below `prefix`; raises `UnsafeKey` with the reason.
    Printable ASCII skips the per-character Unicode work (a tenth of the time spent planning
    a folder of many small files): it has no control characters and is its own NFKC form."""
    plain = key.isascii() and key.isprintable()
    shown = key if plain else shown_key(key)
    if not key.startswith(prefix):
        raise UnsafeKey(f"“{shown}” is not inside “{shown_key(prefix)}”.")
    rest = key[len(prefix):]
    if not plain and any(unicodedata.category(c) == "Cc" for c in rest):
        raise UnsafeKey(f"“{shown}” contains control characters and cannot be saved as a file.")
    if "\\" in rest:
        raise UnsafeKey(f"“{shown}” contains a backslash, which could escape the folder on "
                        "Windows; it was not downloaded.")
    if rest.startswith("/"):
        raise UnsafeKey(f"“{shown}” is an absolute path; it was not downloaded.")
    if _DRIVE.match(rest):
        raise UnsafeKey(f"“{shown}” starts with a drive letter; it was not downloaded.")
    if rest in ("", "/"):
        return ()
    segments = rest[:-1].split("/") if rest.endswith("/") else rest.split("/")
    for segment in segments:
        if segment in (".", ".."):
            raise UnsafeKey(f"“{shown}” contains a “{segment}” segment, which would point "
                            "outside the chosen folder; it was not downloaded.")
        if segment == "":
            raise UnsafeKey(f"“{shown}” contains an empty path segment (“//”); it was not "
                            "downloaded.")
        if len(segment.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
            raise UnsafeKey(f"A name in “{shown}” is longer than the file system allows.")
    if not plain:
        _refuse_lookalikes(rest, shown)
    return tuple(segments)


def _refuse_lookalikes(rest: str, shown: str) -> None:
    """Fullwidth dots and slashes (`．．／`) are plain letters here, but NFKC (used by some
    file systems, sync tools and archivers) turns them into `../`: refuse them as such."""
    compat = unicodedata.normalize("NFKC", rest)
    if compat == rest:
        return
    if (compat.startswith(("/", "\\")) or _DRIVE.match(compat)
            or any(s in (".", "..") for s in _SEPARATORS.split(compat))):
        raise UnsafeKey(f"“{shown}” contains characters that some systems read as “..”, “/” "
                        "or a drive letter (such as fullwidth “．” or “／”), which could point "
                        "outside the chosen folder; it was not downloaded.")


def _inside(root: Path, parts: tuple[str, ...], key: str) -> Path:
    target = root.joinpath(*parts) if parts else root
    base = os.path.normpath(os.path.abspath(root))
    full = os.path.normpath(os.path.abspath(target))
    if full != base and not full.startswith(base + os.sep):  # belt and braces
        raise UnsafeKey(f"“{shown_key(key)}” would be saved outside the chosen folder.")
    return target


def local_path(root: Path, key: str, prefix: str = "") -> Path:
    """Where `key` goes under `root`; guaranteed to stay inside `root`."""
    return _inside(root, relative_parts(key, prefix), key)


def map_keys(pairs: Iterable[tuple[str, str]]) -> list[Mapped]:
    """Map a batch of (key, prefix) pairs, each key below its own prefix, in their order.

    Unsafe keys are refused one by one; then the batch is checked as a whole, comparing
    names in NFC form: a file whose name a folder needs is refused, and of two files with one
    name the one whose key sorts first is kept (the same one whatever the listing order).
    """
    mapped: list[Mapped] = []
    for key, prefix in pairs:
        try:
            mapped.append(Mapped(key, relative_parts(key, prefix)))
        except UnsafeKey as exc:
            mapped.append(Mapped(key, None, exc.message))
    folders: dict[tuple[str, ...], str] = {}  # every folder the batch needs -> a key needing it
    files: dict[tuple[str, ...], int] = {}  # each file name -> the index of the one kept
    for index, item in enumerate(mapped):
        if item.parts is None:
            continue
        name = _folded(item.parts)
        for depth in range(1, len(name) + (1 if item.is_dir else 0)):
            folders.setdefault(name[:depth], item.key)
        if not item.is_dir:
            kept = files.setdefault(name, index)
            if item.key < mapped[kept].key:
                files[name] = index
    result: list[Mapped] = []
    for index, item in enumerate(mapped):
        if item.parts is not None and not item.is_dir:
            name = _folded(item.parts)
            if name in folders:
                item = Mapped(item.key, None, _file_and_folder(item.key, folders[name]))
            elif files[name] != index:
                first = mapped[files[name]]
                item = Mapped(item.key, None,
                              _twins(item.key, first.key, item.parts == first.parts))
        result.append(item)
    return result


def _folded(parts: tuple[str, ...]) -> tuple[str, ...]:
    if "".join(parts).isascii():  # already NFC
        return parts
    return tuple(unicodedata.normalize("NFC", p) for p in parts)


def _file_and_folder(key: str, needing: str) -> str:
    shown = shown_key(key)
    why = (f"there are objects under “{shown}/”" if needing.startswith(f"{key}/") else
           f"“{shown_key(needing)}” needs a folder of that name, written in another Unicode form")
    return (f"“{shown}” is both a file and a folder in this bucket ({why}); a folder on disk "
            "cannot have the name of a file beside it, so the file was not downloaded. "
            f"{ANOTHER_FOLDER}")


def _twins(key: str, kept: str, same_spelling: bool) -> str:
    shown = shown_key(key)
    if key == kept:
        return f"“{shown}” is listed twice; it is downloaded once."
    if same_spelling:
        return (f"“{shown}” and “{shown_key(kept)}” would be saved as the same file; this one "
                f"was not downloaded rather than overwrite the other. {ANOTHER_FOLDER}")
    escaped = key.encode("ascii", "backslashreplace").decode("ascii")
    return (f"“{shown}” ({escaped}) and “{shown_key(kept)}” are the same name written in two "
            "Unicode forms (an accent as part of the letter or as a separate mark); macOS "
            "and some network drives store them as one file, so this one was not downloaded "
            f"rather than overwrite the other. {ANOTHER_FOLDER}")


def beside_folders(files: Iterable[str], folders: Iterable[str]) -> list[str]:
    """The keys of `files` that a folder of `folders` has as its name (`dup` beside `dup/`,
    NFC-compared): selected together, they are planned apart, so the caller leaves the files
    out and names them with `files_beside_folders`."""
    names = {unicodedata.normalize("NFC", f) for f in folders}
    return [k for k in files if unicodedata.normalize("NFC", f"{k}/") in names]


def files_beside_folders(keys: list[str]) -> AppError:
    """What the user reads about files left out by `beside_folders`."""
    names = ", ".join(f"“{shown_key(k)}”" for k in keys[:3])
    if len(keys) > 3:
        names += f" and {len(keys) - 3} more"
    one = len(keys) == 1
    error = AppError(
        f"{names} {'was' if one else 'were'} not downloaded: the bucket has a file and a "
        "folder of that name, and a folder on disk cannot have the name of a file beside it.",
        f"Download the file{'' if one else 's'} on {'its' if one else 'their'} own into "
        "another folder.",
    )
    error.title = "A file and a folder share a name"
    return error


def plan(root: Path, keys: Iterable[str], prefix: str = "") -> list[Planned]:
    """Map a batch of keys below `prefix` to paths under `root`; refused ones carry a reason,
    collisions are reported."""
    planned: list[Planned] = []
    for item in map_keys((key, prefix) for key in keys):
        if item.parts is None:
            planned.append(Planned(item.key, None, item.reason))
            continue
        try:
            planned.append(Planned(item.key, _inside(root, item.parts, item.key)))
        except UnsafeKey as exc:
            planned.append(Planned(item.key, None, exc.message))
    return planned


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
