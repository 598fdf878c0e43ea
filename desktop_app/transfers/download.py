"""Download one object with our own path (not the SDK's `fget_object`).

Parallel ranged GETs pinned with `If-Match` on the ETag (a replaced object fails clearly
instead of mixing versions), written with pwrite into a temp file created with
O_CREAT|O_EXCL|O_NOFOLLOW next to the destination, verified against the object's `sha256`
metadata when it has one, fsynced, then atomically renamed over the destination. Any failure,
cancel or pause removes the temp file and leaves an existing destination untouched.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import itertools
import os
import secrets
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

from desktop_app.core.transfer_errors import (
    IntegrityError,
    LocalFileError,
    ObjectChanged,
    TransientError,
)
from desktop_app.core.transfer_types import SHA256_META, ObjectBody
from desktop_app.transfers.conflicts import local_target
from desktop_app.transfers.context import Context, run_parts
from desktop_app.transfers.options import part_ranges, part_size_for
from desktop_app.transfers.paths import ensure_parent_dirs
from desktop_app.transfers.state import State, Transfer
from desktop_app.transfers.writeback import MIN_STEP, start_writeback

HASH_READ = 1024 * 1024
TEMP_PREFIX = ".minio-desktop-"
TEMP_SUFFIX = ".part"
_OPEN_FLAGS = (os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_CLOEXEC", 0))


_temp_stem = secrets.token_hex(6)  # per process: no random draw (a syscall) per file
_temp_serial = itertools.count(1)


def _temp_path(folder: Path) -> Path:
    """A fresh temp name in `folder`; O_EXCL on create catches any clash."""
    return folder / f"{TEMP_PREFIX}{_temp_stem}-{next(_temp_serial)}{TEMP_SUFFIX}"


def replace_via_temp(target: Path, fill: Callable[[int], None]) -> None:
    """Write `target` through a fresh temp file beside it: `fill(fd)`, fsync, atomic rename.

    On any failure the temp file is removed and an existing `target` is left untouched.
    OSErrors pass through as they are (the caller words them); the folder is not fsynced.
    """
    temp = _temp_path(target.parent)
    fd = os.open(temp, _OPEN_FLAGS, 0o644)
    try:
        try:
            fill(fd)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        _unlink_quietly(temp)
        raise


def download(ctx: Context, transfer: Transfer, root: Path) -> None:
    """Run the download of `transfer` into `transfer.local_path` (inside `root`)."""
    dest = transfer.local_path
    ensure_parent_dirs(root, dest if not transfer.key.endswith("/") else dest / "x")
    if transfer.key.endswith("/"):
        return  # a folder marker: the folder now exists
    size = transfer.size
    part_size = part_size_for(size, ctx.options.download_part_size)
    first_len = None if size <= part_size else part_size
    first = ctx.with_retry(transfer, lambda: ctx.storage.open_object(
        transfer.bucket, transfer.key, 0, first_len, transfer.etag or None))
    if transfer.etag and first.etag and first.etag != transfer.etag:
        first.body.close()
        raise _changed(transfer)
    transfer.etag = first.etag or transfer.etag
    transfer.size = size = first.total_size
    expected_sha = first.metadata.get(SHA256_META, "").lower()
    ask = ctx.asker(transfer, False, str(dest), size)
    try:
        target = local_target(ctx.options.conflict, dest, size, expected_sha or None, ask)
    except BaseException:
        first.body.close()
        raise
    if target is None:
        first.body.close()
        transfer.transition(State.SKIPPED, "Skipped: the file already exists.")
        return
    try:
        replace_via_temp(target, lambda fd: _fill(ctx, transfer, fd, first, size, part_size,
                                                  expected_sha))
    except OSError as exc:
        raise _local_error(exc, target) from None
    finally:
        first.body.close()
    fsync_dir(target.parent)
    if target != dest:
        transfer.local_path = target
    transfer.set_progress(size)


def _fill(ctx: Context, transfer: Transfer, fd: int, first: ObjectBody, size: int,
          part_size: int, expected_sha: str) -> None:
    """Write every byte of the object into `fd`, then check the hash.

    One stream: hashed as it arrives. Several ranges: all run in parallel (the already open
    first response included) and an `OrderedHash` hashes the file front to back as soon as
    each next range is complete, so little is left to hash at the end.
    """
    single = first.content_length == size
    inline = hashlib.sha256() if single and expected_sha else None
    ordered = OrderedHash(fd, size) if not single and expected_sha else None
    ranges = part_ranges(size, part_size) if size else []
    rest = [] if single else ranges[1:]

    def first_part() -> None:
        nonlocal inline
        try:
            _copy(ctx, transfer, fd, first, 0, first.content_length, inline)
        except TransientError:
            first.body.close()
            if inline is not None:  # the retry starts over: hash the whole file at the end
                inline = None
            _range(ctx, transfer, fd, 0, first.content_length, None)
        finally:
            first.body.close()
        if ordered is not None:
            ordered.complete(0, first.content_length)

    jobs = [first_part] + [
        partial(_range, ctx, transfer, fd, offset, length, ordered)
        for _n, offset, length in rest
    ]
    try:
        if rest:
            run_parts(ctx, transfer, jobs)
        else:  # one stream: no hand-off to the part pool (many small files stay cheap)
            first_part()
    except BaseException:
        if ordered is not None:
            ordered.stop()
        raise
    finally:
        first.body.close()
    if expected_sha:
        if inline is not None:
            actual = inline.hexdigest()
        elif ordered is not None:
            actual = ordered.finish()
        else:
            actual = _hash_fd(fd, size, transfer)
        if actual != expected_sha:
            raise IntegrityError(
                f"“{transfer.name}” arrived damaged: its SHA-256 does not match the one "
                "stored with the object.",
                "The partial file was removed; retry the download.",
            )


class OrderedHash:
    """SHA-256 of a file whose ranges complete in any order, hashed front to back.

    A thread of its own follows the front of the file (re-reading it from the page cache
    into one reused buffer), so the part workers never stop downloading to hash and little is
    left at the end. Behind it, the hashed bytes are handed to the kernel for writing out, so
    the final fsync has little left to wait for.
    """

    def __init__(self, fd: int, size: int) -> None:
        self._fd = fd
        self._size = size
        self._digest = hashlib.sha256()
        self._cursor = 0
        self._done: dict[int, int] = {}
        self._cond = threading.Condition()
        self._stopped = False
        self._error: BaseException | None = None
        self._view = memoryview(bytearray(HASH_READ))  # reused: no fresh memory per read
        self._synced = 0
        self._thread = threading.Thread(target=self._run, name="transfer-hash", daemon=True)
        self._thread.start()

    def complete(self, offset: int, length: int) -> None:
        with self._cond:
            self._done[offset] = length
            self._cond.notify()

    def _run(self) -> None:
        try:
            while self._cursor < self._size:
                with self._cond:
                    while self._cursor not in self._done and not self._stopped:
                        self._cond.wait()
                    if self._stopped:
                        return
                    length = self._done.pop(self._cursor)
                self._hash(self._cursor, self._cursor + length)
                self._cursor += length
        except BaseException as exc:  # reported by finish()
            self._error = exc

    def _hash(self, pos: int, end: int) -> None:
        view = self._view
        while pos < end:
            n = os.preadv(self._fd, [view[: min(len(view), end - pos)]], pos)
            if not n:
                raise LocalFileError("The downloaded file got shorter while being checked.")
            self._digest.update(view[:n])
            pos += n
        if end - self._synced >= MIN_STEP or end == self._size:
            start_writeback(self._fd, self._synced, end)
            self._synced = end

    def stop(self) -> None:
        """End the thread early (failure or cancel)."""
        with self._cond:
            self._stopped = True
            self._cond.notify()
        self._thread.join()

    def finish(self) -> str:
        self._thread.join()
        if self._error is not None:
            raise self._error
        if self._cursor != self._size:
            raise LocalFileError("Not every part of the download was checked.")
        return self._digest.hexdigest()


def _range(ctx: Context, transfer: Transfer, fd: int, offset: int, length: int,
           ordered: OrderedHash | None) -> None:
    """One ranged GET, retried from its start (its progress is given back first)."""

    def attempt() -> None:
        body = ctx.storage.open_object(transfer.bucket, transfer.key, offset, length,
                                       transfer.etag or None)
        try:
            if body.etag and transfer.etag and body.etag != transfer.etag:
                raise _changed(transfer)
            _copy(ctx, transfer, fd, body, offset, length, None)
        finally:
            body.body.close()

    ctx.with_retry(transfer, attempt)
    if ordered is not None:
        ordered.complete(offset, length)


def _copy(ctx: Context, transfer: Transfer, fd: int, body: ObjectBody, offset: int,
          length: int, digest: hashlib._Hash | None) -> int:
    """Stream `length` bytes from `body` to `fd` at `offset`; returns the bytes written."""
    done = 0
    view = _buffer(ctx.options.chunk_size)
    try:
        while done < length:
            transfer.checkpoint()
            n = body.body.readinto(view[: min(len(view), length - done)])
            if not n:
                raise TransientError(
                    f"The server ended the download of “{transfer.name}” early.",
                    "It will be retried.",
                )
            ctx.throttle(n)
            chunk = view[:n]
            pos = offset + done
            while chunk:
                written = os.pwrite(fd, chunk, pos)
                chunk, pos = chunk[written:], pos + written
            if digest is not None:
                digest.update(view[:n])
            done += n
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


def _hash_fd(fd: int, size: int, transfer: Transfer) -> str:
    digest = hashlib.sha256()
    view = memoryview(bytearray(HASH_READ))
    offset = 0
    while offset < size:
        transfer.checkpoint()
        n = os.preadv(fd, [view[: min(len(view), size - offset)]], offset)
        if not n:
            break
        digest.update(view[:n])
        offset += n
    return digest.hexdigest()


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


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


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
