"""Upload one file: a single PUT below the threshold, parallel multipart above it.

Memory stays bounded: a part is read from disk (pread) by the worker that sends it. The
SHA-256 of the whole file goes into the user metadata (`sha256`) so any later download can be
verified; for multipart uploads it is computed in a streaming pass before the upload starts,
because S3 takes metadata only when the upload is created. Multipart progress is journalled
part by part; a restart lists the parts on the server and sends only the missing ones.
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path

from desktop_app.core.errors import AppError, Cancelled, NotFound
from desktop_app.core.mime import SNIFF_BYTES, sniff
from desktop_app.core.transfer_errors import DestinationExists, LocalFileError
from desktop_app.core.transfer_types import SHA256_META, PartInfo
from desktop_app.core.types import ObjectStat
from desktop_app.transfers.conflicts import file_sha256, remote_target
from desktop_app.transfers.context import Context, run_parts
from desktop_app.transfers.journal import UploadRecord
from desktop_app.transfers.options import ConflictPolicy, part_ranges, part_size_for
from desktop_app.transfers.state import CHECKSUMMING, Paused, State, Transfer

FOLDER_CONTENT_TYPE = "application/x-directory"


def upload(ctx: Context, transfer: Transfer) -> None:
    """Run the upload of `transfer` to the end (raises on failure, cancel or pause)."""
    if transfer.key.endswith("/"):
        ctx.with_retry(transfer, lambda: ctx.storage.put_bytes(
            transfer.bucket, transfer.key, b"", FOLDER_CONTENT_TYPE, {}))
        return
    path = transfer.local_path
    try:
        info = os.stat(path, follow_symlinks=ctx.options.follow_symlinks)
    except OSError as exc:
        raise LocalFileError(f"Cannot read “{path}”: {exc.strerror}.",
                             "Check that the file still exists.") from None
    transfer.size = info.st_size
    if info.st_size < ctx.options.multipart_threshold:
        _single(ctx, transfer, path)
    else:
        _multipart(ctx, transfer, path, info.st_mtime_ns)


def content_type_for(name: str, head: Callable[[], bytes]) -> str:
    """The extension when it names a type (cheap, and what browsers and S3 tools use);
    otherwise libmagic on the first bytes. `head` is only read when needed."""
    guessed = mimetypes.guess_type(name)[0]
    return guessed or sniff(head(), name)


def _content_type(path: Path) -> str:
    def head() -> bytes:
        with open(path, "rb") as handle:
            return handle.read(SNIFF_BYTES)

    return content_type_for(path.name, head)


def _resolve_key(ctx: Context, transfer: Transfer, sha256: str) -> bool:
    """Apply the conflict policy; False means skip (the row says why)."""
    ask = ctx.asker(transfer, True, transfer.key, transfer.size)
    def head(bucket: str, key: str) -> ObjectStat:
        return ctx.with_retry(transfer, lambda: ctx.storage.head(bucket, key))

    target = remote_target(head, ctx.options.conflict, transfer.bucket, transfer.key,
                           transfer.size, sha256, ask)
    if target is None:
        transfer.transition(State.SKIPPED, "Skipped: it already exists on the server.")
        return False
    transfer.key = target
    return True


def _single(ctx: Context, transfer: Transfer, path: Path) -> None:
    with ctx.budget.hold(transfer.size, transfer.checkpoint):
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise LocalFileError(f"Cannot read “{path}”: {exc.strerror}.") from None
        transfer.checkpoint()
        transfer.size = len(data)
        sha256 = hashlib.sha256(data).hexdigest()
        content_type = content_type_for(path.name, lambda: data[:SNIFF_BYTES])
        meta = {SHA256_META: sha256}
        if not _put_if_absent(ctx, transfer, data, content_type, meta):
            if not _resolve_key(ctx, transfer, sha256):
                return
            ctx.send(transfer, len(data), lambda: ctx.with_retry(
                transfer, lambda: ctx.storage.put_bytes(
                    transfer.bucket, transfer.key, data, content_type, meta)))
    transfer.set_progress(len(data))


def _put_if_absent(ctx: Context, transfer: Transfer, data: bytes, content_type: str,
                   meta: dict[str, str]) -> bool:
    """The fast way past the conflict check: the batch's listing says the key is free, so
    send it at once, on the condition that it still is. False: decide as usual."""
    known = ctx.remote_keys.get(transfer.batch)
    if ctx.options.conflict is ConflictPolicy.OVERWRITE or known is None \
            or known.bucket != transfer.bucket or not known.surely_absent(transfer.key):
        return False
    try:
        ctx.send(transfer, len(data), lambda: ctx.with_retry(
            transfer, lambda: ctx.storage.put_bytes(
                transfer.bucket, transfer.key, data, content_type, meta, if_absent=True)))
    except DestinationExists:
        # Taken since the listing, or by this very upload: a PUT whose answer was lost on
        # the way is refused when it is sent again. The same bytes there mean it arrived.
        return _arrived(ctx, transfer, len(data), meta[SHA256_META])
    return True


def _multipart(ctx: Context, transfer: Transfer, path: Path, mtime_ns: int) -> None:
    size = transfer.size
    journal, item = ctx.journal, transfer.journal_id
    record = journal.upload_for(item) if journal is not None and item is not None else None
    done: dict[int, PartInfo] = {}
    if record is not None and (record.size, record.mtime_ns) == (size, mtime_ns):
        done = _finished_parts(ctx, transfer, record)
        if not done and not _upload_exists(ctx, transfer, record.upload_id):
            record = None
    elif record is not None:  # the file changed since: the old parts are useless
        _abort_quietly(ctx, transfer, record.upload_id)
        record = None
    if record is None:
        transfer.set_phase(CHECKSUMMING)  # a 20 GB file takes a while to hash
        try:
            sha256 = file_sha256(path, transfer.checkpoint)
        finally:
            transfer.set_phase("")
        if not _resolve_key(ctx, transfer, sha256):
            return
        part_size = part_size_for(size, ctx.options.part_size)
        upload_id = ctx.with_retry(transfer, lambda: ctx.storage.create_multipart(
            transfer.bucket, transfer.key, _content_type(path), {SHA256_META: sha256}))
        record = UploadRecord(upload_id, part_size, sha256, size, mtime_ns)
        if journal is not None and item is not None:
            journal.upload_started(item, transfer.bucket, transfer.key, record)
    upload_id = record.upload_id
    ranges = part_ranges(size, record.part_size)
    transfer.set_progress(sum(p.size for p in done.values()))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        def send(number: int, offset: int, length: int) -> None:
            with ctx.budget.hold(length, transfer.checkpoint):
                data = os.pread(fd, length, offset)
                if len(data) != length:
                    raise LocalFileError(f"“{path}” got shorter while it was being uploaded.",
                                         "Retry once the file is no longer being written.")
                etag = ctx.send(transfer, length, lambda: ctx.with_retry(
                    transfer, lambda: ctx.storage.upload_part(
                        transfer.bucket, transfer.key, upload_id, number, data)))
            part = PartInfo(number, etag, length)
            done[number] = part
            if journal is not None and item is not None:
                journal.part_done(item, part)

        jobs = [partial(send, n, o, ln) for n, o, ln in ranges if n not in done]
        try:
            run_parts(ctx, transfer, jobs)
        except Cancelled:
            _abort_quietly(ctx, transfer, upload_id)
            raise
        except Paused:
            raise
        except AppError:
            raise  # kept: a retry by hand continues from the finished parts
    finally:
        os.close(fd)
    parts = [done[n] for n, _o, _l in ranges]
    _unchanged_or_abort(ctx, transfer, path, size, mtime_ns, upload_id)
    try:
        ctx.with_retry(transfer, lambda: ctx.storage.complete_multipart(
            transfer.bucket, transfer.key, upload_id, parts))
    except NotFound:
        if not _arrived(ctx, transfer, size, record.sha256):
            raise
        # An earlier try completed it and its answer was lost: the retry found no upload.
    if journal is not None and item is not None:
        journal.forget_upload(item)


def _arrived(ctx: Context, transfer: Transfer, size: int, sha256: str) -> bool:
    """The object on the server has these bytes (its size and stored SHA-256)."""
    try:
        there = ctx.with_retry(transfer, lambda: ctx.storage.head(transfer.bucket,
                                                                  transfer.key))
    except NotFound:
        return False
    return there.size == size and there.metadata.get(SHA256_META) == sha256


def _unchanged_or_abort(ctx: Context, transfer: Transfer, path: Path, size: int,
                        mtime_ns: int, upload_id: str) -> None:
    """The SHA-256 was taken before the parts were read: a file written meanwhile would be
    stored with a wrong checksum, so such an upload is aborted instead of completed."""
    try:
        info = os.stat(path)
    except OSError:
        info = None
    if info is None or (info.st_size, info.st_mtime_ns) != (size, mtime_ns):
        _abort_quietly(ctx, transfer, upload_id)
        raise LocalFileError(f"“{path}” changed while it was being uploaded.",
                             "Retry once the file is no longer being written.")


def _finished_parts(ctx: Context, transfer: Transfer, record: UploadRecord) -> dict[int, PartInfo]:
    """Parts the server holds for this upload with the size we expect (ListParts is truth)."""
    try:
        listed = ctx.with_retry(transfer, lambda: ctx.storage.list_parts(
            transfer.bucket, transfer.key, record.upload_id))
    except NotFound:
        return {}
    expected = {n: ln for n, _o, ln in part_ranges(record.size, record.part_size)}
    return {p.number: p for p in listed if expected.get(p.number) == p.size}


def _upload_exists(ctx: Context, transfer: Transfer, upload_id: str) -> bool:
    try:
        ctx.storage.list_parts(transfer.bucket, transfer.key, upload_id)
    except AppError:
        return False
    return True


def _abort_quietly(ctx: Context, transfer: Transfer, upload_id: str) -> None:
    with contextlib.suppress(AppError):  # else the maintenance view can still abort it
        ctx.with_retry(transfer, lambda: ctx.storage.abort_multipart(
            transfer.bucket, transfer.key, upload_id))
    if ctx.journal is not None and transfer.journal_id is not None:
        ctx.journal.forget_upload(transfer.journal_id)
