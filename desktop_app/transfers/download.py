"""Download one object with our own path (not the SDK's `fget_object`).

Parallel ranged GETs pinned with `If-Match` on the ETag (a replaced object fails clearly
instead of mixing versions), written with pwrite into a temp file created with
O_CREAT|O_EXCL|O_NOFOLLOW next to the destination, verified while written (its size always,
then the strongest check the object allows: a stored CRC each range checksums for itself,
else its SHA-256 or MD5 ETag; see `verify`), fsynced, then atomically renamed over the
destination. Bytes that fail the check are fetched once more from zero before it fails. A
failure or a cancel removes the temp file and leaves an existing destination untouched; a
pause or a quit keeps a big download's temp file, and the next run continues from its saved
front.
"""

from __future__ import annotations

import errno
import logging
import os
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

from desktop_app.core.checksums import Crc
from desktop_app.core.errors import Cancelled
from desktop_app.core.transfer_errors import (
    IntegrityError,
    LocalFileError,
    ObjectChanged,
    TransientError,
)
from desktop_app.core.transfer_types import ObjectBody, ObjectHead
from desktop_app.transfers import download_plan
from desktop_app.transfers.conflicts import local_target
from desktop_app.transfers.context import Context, run_parts
from desktop_app.transfers.front import DownloadFront, crc_of_file, hash_file
from desktop_app.transfers.journal import DownloadRecord
from desktop_app.transfers.options import part_size_for
from desktop_app.transfers.partial import PartialFile, remove_recorded
from desktop_app.transfers.paths import ensure_parent_dirs
from desktop_app.transfers.state import Paused, State, Transfer
from desktop_app.transfers.verify import (
    Check,
    RangeCrc,
    check_file_size,
    crc_matches,
    file_passes,
    hash_mismatch,
    size_mismatch,
)
from desktop_app.transfers.writeback import Writeback, write_at

log = logging.getLogger(__name__)


def download(ctx: Context, transfer: Transfer, root: Path) -> None:
    """Run the download of `transfer` into `transfer.local_path` (inside `root`).

    A big download paused, or cut off by a quit or a crash, keeps its temp file and continues
    from the saved front of it (the journal says how far); the bytes before it are hashed
    again from disk, so the check at the end still covers the whole file.
    """
    dest = transfer.local_path
    ensure_parent_dirs(root, dest if not transfer.key.endswith("/") else dest / "x")
    if transfer.key.endswith("/"):
        return  # a folder marker: the folder now exists
    resume = _recorded(ctx, transfer)
    try:
        try:
            _download(ctx, transfer, dest, resume)
        except IntegrityError as exc:
            # Damaged on the way, or a kept front that lost bytes to a power cut (it is not
            # flushed when the check covers it): once more from zero, in a fresh temp file.
            log.warning("Download of %s failed its check, fetching it again: %s",
                        transfer.key, exc.user_text().splitlines()[0])
            resume = None
            _download(ctx, transfer, dest, None)
    except BaseException as exc:
        if resume is not None and not _worth_keeping(exc, transfer):
            _drop_record(ctx, transfer)  # e.g. the object changed: the kept bytes are stale
        raise
    if resume is not None:
        _drop_record(ctx, transfer)  # skipped by the conflict policy, say


def _download(ctx: Context, transfer: Transfer, dest: Path, resume: DownloadRecord | None
              ) -> None:
    size = transfer.size
    preferred = ctx.options.download_part_size
    info: ObjectHead | None = None
    cuts: tuple[int, ...] = ()
    if resume is not None or size > part_size_for(size, preferred):
        # Ranged: ranged GETs carry no checksum, so one HEAD asks for it first.
        info = download_plan.head(ctx, transfer)
        if (transfer.etag and info.etag and info.etag != transfer.etag) or (
                resume is not None and info.size != resume.size):
            raise _changed(transfer)
        if transfer.etag and info.size != size:
            raise size_mismatch(transfer.name, info.size, size)
        transfer.etag = info.etag or transfer.etag  # every GET is pinned to what was HEADed
        size = info.size
        cuts = download_plan.part_ends(ctx, transfer, info)
    part_size = resume.part_size if resume is not None else part_size_for(size, preferred)
    layout = download_plan.ranges(size, part_size)
    start, first_len = 0, (None if size <= part_size else layout[0][1])
    if resume is not None:
        start = resume.saved if resume.saved < resume.size else layout[-1][0]
        found = [length for offset, length in layout if offset == start]
        start, first_len = (start, found[0]) if found else (0, layout[0][1])
    first = ctx.with_retry(transfer, lambda: ctx.storage.open_object(
        transfer.bucket, transfer.key, start, first_len, transfer.etag or None))
    if (transfer.etag and first.etag and first.etag != transfer.etag) or (
            resume is not None and first.total_size != resume.size):
        first.body.close()
        raise _changed(transfer)
    _check_first(transfer, first, start, first_len)
    transfer.etag = first.etag or transfer.etag
    transfer.size = size = first.total_size
    if info is None:  # one whole GET: its own headers carry the checksums
        cuts = download_plan.part_ends(ctx, transfer, download_plan.head_of(first))
    check = download_plan.check_of_head(info, cuts) if info is not None else \
        download_plan.check_of_body(first, cuts)
    ask = ctx.asker(transfer, False, str(dest), size)
    proven: list[str] = []  # what showed the local file to hold the object's bytes

    def same(path: Path) -> bool:
        if file_passes(check, path, size, transfer.checkpoint):
            proven.append(check.label)
        return bool(proven)

    try:
        target = local_target(ctx.conflict_for(transfer), dest, size, same, ask)
        if target is None:
            # Short: the queue's Details column shows about 40 characters, the proof last.
            transfer.transition(State.SKIPPED, f"Skipped: identical ({proven[0]})." if proven
                                else "Skipped: the file already exists.")
            return
        try:
            temp = PartialFile.for_download(target.parent, ctx.journal, transfer.journal_id,
                                            transfer.etag, size, part_size)
        except OSError as exc:
            raise _local_error(exc, target) from None
        try:
            done = min(temp.saved, start)
            transfer.set_progress(done)
            _fill(ctx, transfer, temp, first, start, done, layout, check)
            check_file_size(temp.fd, size, transfer.name)  # the last word before the rename
            temp.commit(target)
        except BaseException as exc:
            if temp.resumable and _worth_keeping(exc, transfer):
                temp.keep()
            else:
                temp.discard()
            if isinstance(exc, OSError):
                raise _local_error(exc, target) from None
            raise
    finally:
        first.body.close()
    fsync_dir(target.parent)
    if target != dest:
        transfer.local_path = target
    transfer.verified_by = check.label
    transfer.set_progress(size)


def _check_first(transfer: Transfer, first: ObjectBody, start: int, asked: int | None) -> None:
    """The first answer is for this object's size (pinned by its ETag, the listed size is
    the object's) and is the range asked for (or the whole object, from the start)."""
    total = first.total_size
    if transfer.etag and total != transfer.size:
        first.body.close()
        raise size_mismatch(transfer.name, total, transfer.size)
    wanted = total - start if asked is None else min(asked, total - start)
    if first.content_length != wanted and not (start == 0 and first.content_length == total):
        first.body.close()
        raise size_mismatch(transfer.name, first.content_length, wanted)


def _recorded(ctx: Context, transfer: Transfer) -> DownloadRecord | None:
    """The journal's record of this download's kept temp file, if it is for this object."""
    if ctx.journal is None or transfer.journal_id is None:
        return None
    record = ctx.journal.download_for(transfer.journal_id)
    if record is None or (transfer.etag and transfer.etag != record.etag):
        return None
    transfer.etag = record.etag  # pinned: a replaced object fails instead of mixing versions
    return record


def _drop_record(ctx: Context, transfer: Transfer) -> None:
    if ctx.journal is not None and transfer.journal_id is not None:
        remove_recorded(ctx.journal, transfer.journal_id)


def _worth_keeping(exc: BaseException, transfer: Transfer) -> bool:
    """A pause or a quit keeps the temp file; a failure or a cancel removes it (also a
    cancel that came while a paused worker was unwinding)."""
    if transfer.cancel_event.is_set():
        return False
    if isinstance(exc, Paused):
        return True
    return transfer.pause_event.is_set() and not isinstance(
        exc, (Cancelled, IntegrityError, ObjectChanged, LocalFileError, OSError))


def _fill(ctx: Context, transfer: Transfer, temp: PartialFile, first: ObjectBody,
          start: int, done: int, layout: list[tuple[int, int]], check: Check) -> None:
    """Write every byte of the object from `done` on into the temp file, then check it.

    `first` is the open response for the range at `start`. A CRC check: every range worker
    checksums its own bytes as it writes them, and the ranges' CRCs are combined in offset
    order at the end (bytes kept from an earlier run are checksummed again from disk first).
    A SHA-256 or MD5 check: one stream is hashed as it arrives; with several ranges a
    `DownloadFront` rereads each next finished range in order. Several ranges all run in
    parallel (the first response included), and the front also starts the writeback and
    moves the journal's saved front as the file fills up front to back.
    """
    fd = temp.fd
    size = layout[-1][0] + layout[-1][1]  # ranges() always gives one, (0, 0) when empty
    single = start == 0 and first.content_length == size
    pieces: dict[int, Crc] = {}  # offset -> CRC of the range there (a CRC check)
    inline = check.new() if single else None
    front = None if single else DownloadFront(
        fd, size, check.new(),
        # Any check rereads or re-checksums the kept front on resume: a hole left by a power
        # cut is caught there, so the front is not flushed for the journal.
        partial(temp.mark_saved, flush=not check.kind) if temp.resumable else None,
        ctx.options.resume_step,
        ctx.options.resume_interval_s)
    if done and check.crc:
        assert check.algo is not None
        for offset, length in layout:
            if offset + length <= done:
                pieces[offset] = crc_of_file(fd, offset, length, check.algo, transfer)
    if front is not None and done:
        front.complete(0, done)
    rest = [] if single else [(offset, length) for offset, length in layout
                              if offset >= done and offset != start]

    def first_part() -> None:
        nonlocal inline
        length = first.content_length
        crc = RangeCrc(check, start, pieces) if check.crc else None
        feed = crc.update if crc is not None else inline.update if inline else None
        try:
            _copy(ctx, transfer, fd, first, start, length, feed,
                  Writeback(fd, start) if single else None)
            if crc is not None:
                crc.keep()
        except TransientError:
            first.body.close()
            if inline is not None:  # the retry starts over: hash the whole file at the end
                inline = None
            _range(ctx, transfer, fd, start, length, None, check, pieces)
        finally:
            first.body.close()
        if front is not None:
            front.complete(start, length)

    jobs = [first_part] + [
        partial(_range, ctx, transfer, fd, offset, length, front, check, pieces)
        for offset, length in rest
    ]
    try:
        if rest:
            run_parts(ctx, transfer, jobs)
        else:  # one stream: no hand-off to the part pool (many small files stay cheap)
            first_part()
    except BaseException:
        if front is not None:
            front.stop()
        raise
    finally:
        first.body.close()
    actual = front.finish() if front is not None else None
    if check.crc:
        if not crc_matches(check, pieces, size):
            raise hash_mismatch(transfer.name, check)
    elif check.kind:
        if inline is not None:
            actual = inline.hexdigest()
        elif actual is None:
            actual = hash_file(fd, size, transfer, check)
        if actual != check.expected:
            raise hash_mismatch(transfer.name, check)


def _range(ctx: Context, transfer: Transfer, fd: int, offset: int, length: int,
           front: DownloadFront | None, check: Check, pieces: dict[int, Crc]) -> None:
    """One ranged GET, retried from its start (its progress is given back first); with a
    CRC check it checksums the bytes it writes and leaves the CRC in `pieces`."""

    def attempt() -> None:
        body = ctx.storage.open_object(transfer.bucket, transfer.key, offset, length,
                                       transfer.etag or None)
        try:
            if body.etag and transfer.etag and body.etag != transfer.etag:
                raise _changed(transfer)
            if body.content_length != length:  # e.g. the Range ignored: not these bytes
                raise size_mismatch(transfer.name, body.content_length, length)
            crc = RangeCrc(check, offset, pieces) if check.crc else None
            _copy(ctx, transfer, fd, body, offset, length,
                  crc.update if crc is not None else None)
            if crc is not None:
                crc.keep()
        finally:
            body.body.close()

    ctx.with_retry(transfer, attempt)
    if front is not None:
        front.complete(offset, length)


def _copy(ctx: Context, transfer: Transfer, fd: int, body: ObjectBody, offset: int,
          length: int, feed: Callable[[memoryview], object] | None,
          writeback: Writeback | None = None) -> int:
    """Stream `length` bytes from `body` to `fd` at `offset`, each chunk also given to `feed`
    (a CRC or a hash) right after it is written; returns the bytes written.

    Under a bandwidth limit each chunk is paid for before it is read, so a pause or a
    cancel during the wait reads nothing more."""
    done = 0
    view = _buffer(ctx.options.chunk_size)
    try:
        while done < length:
            transfer.checkpoint()
            want = min(len(view), length - done)
            ctx.throttle(transfer, want)
            n = body.body.readinto(view[:want])
            if not n:
                raise TransientError(
                    f"The server ended the download of “{transfer.name}” early.",
                    "Check your network connection.",
                )
            write_at(fd, view[:n], offset + done)  # in small slices: see writeback
            if feed is not None:
                feed(view[:n])
            done += n
            if writeback is not None:
                writeback.wrote(offset + done)
            transfer.add_progress(n)
    except BaseException:
        transfer.add_progress(-done)  # progress steps back: the range will start over
        raise
    return done


_buffers = threading.local()


def _buffer(size: int) -> memoryview:
    """This thread's receive buffer, kept between ranges and files (no fresh memory per read)."""
    view: memoryview | None = getattr(_buffers, "view", None)
    if view is None or len(view) != size:
        view = memoryview(bytearray(size))
        _buffers.view = view
    return view


def _changed(transfer: Transfer) -> ObjectChanged:
    return ObjectChanged(
        f"“{transfer.key}” was replaced on the server while it was being downloaded "
        "(precondition failed: the ETag no longer matches).",
        "Download it again to get the new version.",
    )


def _local_error(exc: OSError, target: Path) -> LocalFileError:
    if exc.errno == errno.ENOSPC:
        return LocalFileError(
            f"The disk is full: “{target.name}” could not be saved in “{target.parent}”.",
            "Free some space and retry; an existing file was left untouched.",
        )
    if exc.errno == errno.ELOOP:
        return LocalFileError(f"“{target}” is a symbolic link; nothing is written through it.")
    return LocalFileError(
        f"Cannot save “{target.name}” in “{target.parent}”: {exc.strerror}.",
        "Check the folder's permissions and free space.",
    )


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
