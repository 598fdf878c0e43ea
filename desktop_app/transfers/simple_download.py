"""A plain, safe download of a few objects (Open, Download to…) until the transfer engine
takes over: stream with `If-Match`, write to an O_EXCL temp file next to the target, then
link it into place without overwriting anything. A key never maps outside the chosen folder:
`.`/`..`/empty segments are refused per key and reported."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from desktop_app.core.errors import AppError, Cancelled
from desktop_app.core.types import FolderEntry, ObjectEntry
from desktop_app.storage.bulk_ops import BulkReport, Failure, Progress, walk
from desktop_app.storage.protocol import Storage


def parent_prefix(key: str) -> str:
    head = key.rstrip("/").rpartition("/")[0]
    return f"{head}/" if head else ""


def plan_download(
    storage: Storage, bucket: str, items: Sequence[FolderEntry | ObjectEntry], progress: Progress
) -> list[tuple[ObjectEntry, str]]:
    """(object, path relative to the target folder); folders keep their own name."""
    progress.start("Listing")
    planned: list[tuple[ObjectEntry, str]] = []
    for item in items:
        if isinstance(item, ObjectEntry):
            planned.append((item, item.name))
            continue
        base = parent_prefix(item.prefix)
        planned.extend((obj, obj.key[len(base):]) for obj in walk(storage, bucket, item.prefix,
                                                                   progress))
    return planned


def safe_relative(relative: str) -> list[str] | None:
    """Path segments, or None when the key cannot be a file name here."""
    parts = relative.rstrip("/").split("/")
    if any(p in ("", ".", "..") or "\x00" in p or os.sep in p for p in parts):
        return None
    return parts


def _free_name(path: Path) -> Path:
    if not path.exists():
        return path
    stem, suffix = path.stem, path.suffix
    n = 1
    while True:
        candidate = path.with_name(f"{stem} ({n}){suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def _fetch(storage: Storage, bucket: str, obj: ObjectEntry, final: Path,
           progress: Progress) -> Path:
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=final.parent, prefix=".", suffix=".part")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in storage.iter_chunks(bucket, obj.key, obj.etag or None):
                progress.check()
                out.write(chunk)
                progress.add(0, len(chunk))
            out.flush()
            os.fsync(out.fileno())
        while True:
            target = _free_name(final)
            try:
                os.link(temp, target)  # never replaces a file that appeared meanwhile
            except FileExistsError:
                continue
            return target
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def download(
    storage: Storage, bucket: str, planned: Sequence[tuple[ObjectEntry, str]], target: Path,
    progress: Progress,
) -> tuple[BulkReport, list[Path]]:
    progress.start("Downloading", len(planned), sum(o.size for o, _ in planned))
    saved: list[Path] = []
    failures: list[Failure] = []
    for index, (obj, relative) in enumerate(planned):
        if progress.cancelled:
            return BulkReport(len(saved), tuple(failures), True,
                              remaining=len(planned) - index), saved
        parts = safe_relative(relative)
        if parts is None:
            failures.append(Failure(obj.key, "the key has “.”, “..” or empty path segments, "
                                             "so it cannot be saved as a file safely"))
            continue
        final = target.joinpath(*parts)
        if relative.endswith("/"):  # a folder marker: just the folder
            final.mkdir(parents=True, exist_ok=True)
            progress.add(1)
            continue
        try:
            saved.append(_fetch(storage, bucket, obj, final, progress))
        except Cancelled:
            return BulkReport(len(saved), tuple(failures), True,
                              remaining=len(planned) - index), saved
        except AppError as err:
            failures.append(Failure(obj.key, err.user_text()))
        except OSError as err:
            failures.append(Failure(obj.key, f"could not write {final}: {err.strerror}"))
        progress.add(1)
    return BulkReport(len(saved), tuple(failures)), saved
