"""A plain, safe download of a few objects (Open, Download to…) until the transfer engine
takes over: stream with `If-Match`, write to an O_EXCL temp file next to the target, check
that it holds the object's size, then link it into place without overwriting anything. The
whole selection is planned at once by `paths.map_keys`: a key that would map outside the
chosen folder, or a file beside a folder of its name, is refused by name and the rest goes on;
folders are made without following links, and a local file in a folder's way fails only the
items inside it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.errors import AppError, Cancelled
from desktop_app.core.types import FolderEntry, ObjectEntry
from desktop_app.storage.bulk_ops import BulkReport, Failure, Progress, walk
from desktop_app.storage.protocol import Storage
from desktop_app.transfers.paths import ensure_parent_dirs, map_keys, parent_prefix, relative_parts
from desktop_app.transfers.verify import size_mismatch

__all__ = ["DownloadPlan", "download", "parent_prefix", "plan_download"]


@dataclass(frozen=True, slots=True)
class DownloadPlan:
    """(object, path relative to the target folder) to save, and the keys refused, why."""

    items: list[tuple[ObjectEntry, str]] = field(default_factory=list)
    refused: list[Failure] = field(default_factory=list)


def plan_download(
    storage: Storage, bucket: str, items: Sequence[FolderEntry | ObjectEntry], progress: Progress
) -> DownloadPlan:
    """Folders keep their own name: each key is mapped below its item's parent folder."""
    progress.start("Listing")
    objects: list[ObjectEntry] = []
    pairs: list[tuple[str, str]] = []
    for item in items:
        if isinstance(item, ObjectEntry):
            listed: Sequence[ObjectEntry] = [item]
            base = parent_prefix(item.key)
        else:
            listed = list(walk(storage, bucket, item.prefix, progress))
            base = parent_prefix(item.prefix)
        objects.extend(listed)
        pairs.extend((obj.key, base) for obj in listed)
    plan = DownloadPlan()
    for obj, mapped in zip(objects, map_keys(pairs), strict=True):
        if mapped.parts is None:
            plan.refused.append(Failure(obj.key, mapped.reason))
        else:
            plan.items.append((obj, "/".join(mapped.parts) + ("/" if mapped.is_dir else "")))
    return plan


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


def _fetch(storage: Storage, bucket: str, obj: ObjectEntry, root: Path, final: Path,
           progress: Progress) -> Path:
    ensure_parent_dirs(root, final)
    fd, temp_name = tempfile.mkstemp(dir=final.parent, prefix=".", suffix=".part")
    temp = Path(temp_name)
    try:
        got = 0
        with os.fdopen(fd, "wb") as out:
            for chunk in storage.iter_chunks(bucket, obj.key, obj.etag or None):
                progress.check()
                out.write(chunk)
                got += len(chunk)
                progress.add(0, len(chunk))
            if obj.etag and got != obj.size:  # pinned to the listed object: its size is known
                raise size_mismatch(obj.name, got, obj.size)
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
    progress: Progress, refused: Sequence[Failure] = (),
) -> tuple[BulkReport, list[Path]]:
    """Save `planned` under `target`; `refused` (from the plan) opens the list of failures."""
    progress.start("Downloading", len(planned), sum(o.size for o, _ in planned))
    saved: list[Path] = []
    failures: list[Failure] = list(refused)
    for index, (obj, relative) in enumerate(planned):
        if progress.cancelled:
            return BulkReport(len(saved), tuple(failures), True,
                              remaining=len(planned) - index), saved
        try:
            final = target.joinpath(*relative_parts(relative))
            if relative.endswith("/"):  # a folder marker: just the folder
                ensure_parent_dirs(target, final / "x")
            else:
                saved.append(_fetch(storage, bucket, obj, target, final, progress))
        except Cancelled:
            return BulkReport(len(saved), tuple(failures), True,
                              remaining=len(planned) - index), saved
        except AppError as err:
            failures.append(Failure(obj.key, err.user_text()))
        except OSError as err:
            failures.append(Failure(obj.key, f"could not write {final}: {err.strerror}"))
        progress.add(1)
    return BulkReport(len(saved), tuple(failures)), saved
