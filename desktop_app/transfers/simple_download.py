"""A plain, safe download of a few objects (Open, Download to…) until the transfer engine
takes over: stream with `If-Match`, write to an O_EXCL temp file next to the target, check
it as the engine does (the object's size, then the strongest check it allows: see
`transfers.verify`; the whole GET asks for the stored checksums), then link it into place
without overwriting anything. Bytes that fail the check are fetched once more; failing again,
the item fails with the reason and nothing of it is kept.

The whole selection is planned at once by `paths.map_keys`: a key that would map outside the
chosen folder, or a file beside a folder of its name, is refused by name and the rest goes on;
folders are made without following links, and a local file in a folder's way fails only the
items inside it."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from desktop_app.core.checksums import COMPOSITE, Crc
from desktop_app.core.errors import AppError, Cancelled
from desktop_app.core.transfer_errors import IntegrityError, ObjectChanged, TransientError
from desktop_app.core.transfer_types import ObjectBody, ObjectHead
from desktop_app.core.types import FolderEntry, ObjectEntry
from desktop_app.storage.bulk_ops import BulkReport, Failure, Progress, walk
from desktop_app.storage.protocol import Storage
from desktop_app.transfers.download_plan import MAX_PART_HEADS, check_of_body, ends_of
from desktop_app.transfers.paths import ensure_parent_dirs, map_keys, parent_prefix, relative_parts
from desktop_app.transfers.verify import (
    RangeCrc,
    crc_matches,
    hash_mismatch,
    size_mismatch,
)

__all__ = ["DownloadPlan", "download", "parent_prefix", "plan_download"]
log = logging.getLogger(__name__)
_CHUNK = 1 << 20


@runtime_checkable
class ChecksummedReads(Protocol):
    """The reads of `TransferStorage` a checked download needs (every S3 connection has
    them; a storage without them is checked by its size only)."""

    def open_object(self, bucket: str, key: str, offset: int = 0, length: int | None = None,
                    if_match: str | None = None) -> ObjectBody: ...

    def head_checksums(self, bucket: str, key: str, if_match: str | None = None,
                       part_number: int = 0) -> ObjectHead: ...


@runtime_checkable
class ListsParts(Protocol):
    """A storage that lists a multipart object's part sizes in one request per 1000 parts
    (else a HEAD per part gives them)."""

    def part_sizes(self, bucket: str, key: str, etag: str | None = None
                   ) -> tuple[int, ...] | None: ...


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
    if not isinstance(storage, ChecksummedReads):
        return _save(final, progress, lambda write: _stream(storage, bucket, obj, write))
    try:
        return _save(final, progress, lambda write: _checked(storage, bucket, obj, write))
    except (IntegrityError, TransientError) as exc:
        # Damaged or cut off on the way: once more from zero, as the transfer queue does.
        log.warning("Download of %s failed, fetching it again: %s", obj.key,
                    exc.user_text().splitlines()[0])
        return _save(final, progress, lambda write: _checked(storage, bucket, obj, write))


def _save(final: Path, progress: Progress,
          fill: Callable[[Callable[[memoryview], None]], None]) -> Path:
    """A temp file next to `final` filled (and checked) by `fill`, linked into place under a
    free name; on any failure it is removed and the bytes counted for it are taken back."""
    fd, temp_name = tempfile.mkstemp(dir=final.parent, prefix=".", suffix=".part")
    temp = Path(temp_name)
    got = 0
    try:
        with os.fdopen(fd, "wb") as out:
            def write(chunk: memoryview) -> None:
                nonlocal got
                progress.check()
                out.write(chunk)
                got += len(chunk)
                progress.add(0, len(chunk))
            try:
                fill(write)
            except BaseException:
                progress.add(0, -got)
                raise
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


def _stream(storage: Storage, bucket: str, obj: ObjectEntry,
            write: Callable[[memoryview], None]) -> None:
    """A storage without checksummed reads: the bytes as they come, then their count."""
    got = 0
    for chunk in storage.iter_chunks(bucket, obj.key, obj.etag or None):
        write(memoryview(chunk))
        got += len(chunk)
    if obj.etag and got != obj.size:  # pinned to the listed object: its size is known
        raise size_mismatch(obj.name, got, obj.size)


def _checked(storage: ChecksummedReads, bucket: str, obj: ObjectEntry,
             write: Callable[[memoryview], None]) -> None:
    """One whole GET (it carries the stored checksums), checked while it is written."""
    first = storage.open_object(bucket, obj.key, 0, None, obj.etag or None)
    try:
        size = first.total_size
        if obj.etag and size != obj.size:
            raise size_mismatch(obj.name, size, obj.size)
        if first.content_length != size:
            raise size_mismatch(obj.name, first.content_length, size)
        check = check_of_body(first, _part_ends(storage, bucket, obj.key, first))
        pieces: dict[int, Crc] = {}
        crc = RangeCrc(check, 0, pieces) if check.crc else None
        digest = check.new()
        got = 0
        for chunk in _chunks(first):
            write(chunk)
            if crc is not None:
                crc.update(chunk)
            elif digest is not None:
                digest.update(chunk)
            got += len(chunk)
        if got != size:
            raise size_mismatch(obj.name, got, size)
        if crc is not None:
            crc.keep()
            if not crc_matches(check, pieces, size):
                raise hash_mismatch(obj.name, check)
        elif digest is not None and digest.hexdigest() != check.expected:
            raise hash_mismatch(obj.name, check)
        log.debug("Downloaded %s, verified by %s", obj.key, check.label)
    finally:
        first.body.close()


def _chunks(first: ObjectBody) -> Iterator[memoryview]:
    """The body in pieces of up to 1 MiB, read into one buffer (each piece is written and
    checked before the next is read)."""
    view = memoryview(bytearray(_CHUNK))
    while True:
        n = first.body.readinto(view)
        if n <= 0:
            return
        yield view[:n]


def _part_ends(storage: ChecksummedReads, bucket: str, key: str, first: ObjectBody
               ) -> tuple[int, ...]:
    """Where each part ends, for a COMPOSITE checksum with no full-object CRC beside it (the
    listed part sizes, else a HEAD per part number, as the engine asks); () when the server
    does not say."""
    if any(c.source == "server" and c.crc is not None for c in first.checksums):
        return ()
    composite = next((c for c in first.checksums if c.kind == COMPOSITE and c.parts), None)
    if composite is None or not 1 < composite.parts <= MAX_PART_HEADS:
        return ()  # one part is the whole object: checked without its boundaries
    ends: list[int] = []
    pos = 0
    try:
        if isinstance(storage, ListsParts):
            listed = ends_of(storage.part_sizes(bucket, key, first.etag or None),
                             composite.parts, first.total_size)
            if listed:
                return listed
        for number in range(1, composite.parts + 1):
            part = storage.head_checksums(bucket, key, first.etag or None, number)
            if part.part_offset != pos or part.part_length <= 0:
                return ()
            pos += part.part_length
            ends.append(pos)
    except ObjectChanged:
        raise
    except AppError as exc:  # e.g. a server that refuses partNumber: the next check then
        log.info("The parts of %s could not be read (%s); its composite checksum cannot be "
                 "checked", key, exc.user_text().splitlines()[0])
        return ()
    return tuple(ends) if pos == first.total_size else ()


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
