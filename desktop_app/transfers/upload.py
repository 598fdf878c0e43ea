"""Upload one file: a single PUT below the threshold, parallel multipart above it.

Every upload carries a CRC64NVME the server checks: a single PUT sends it with the bytes; a
multipart upload is created as a FULL_OBJECT CRC64NVME one, each part's worker computes its
part's CRC while it has the bytes in hand (one pass, no read ahead of the upload), the values
combined in part order go with Complete, and a HEAD afterwards must report that same value.
A part damaged on the way is refused (BadDigest) and sent again. Where the server keeps no
checksums (`keeps_checksums`, asked once per connection) the CRC goes into the user metadata
(`crc64nvme`) instead; S3 takes metadata only when an upload starts, so there a multipart file
is read once for it first (at CRC speed, about 20 GiB/s, the only such pass left).

SHA-256 (`sha256` metadata) is stored only when an upload rule read it (content-addressed
names, duplicate checks): a single PUT hashes the bytes it holds, a multipart upload stores the
rule's value while the file is unchanged. Otherwise an upload's identity is its full-object
CRC64NVME, which the conflict check and the duplicate finder compare like a SHA-256.

Memory stays bounded: a part is read from disk (pread) by the worker that sends it. Multipart
progress is journalled part by part with each part's CRC; a restart lists the parts on the
server and sends only the missing ones.
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from desktop_app.core.checksums import CRC64_META, Algo, Crc, combine_in_order, crc_of, from_b64
from desktop_app.core.errors import AppError, Cancelled, NotFound
from desktop_app.core.mime import SNIFF_BYTES, sniff
from desktop_app.core.transfer_errors import DestinationExists, IntegrityError, LocalFileError
from desktop_app.core.transfer_types import SHA256_META, ObjectHead, PartInfo
from desktop_app.transfers.conflicts import LocalBytes, file_crc, identical, remote_target
from desktop_app.transfers.context import Context, run_parts
from desktop_app.transfers.journal import UploadRecord
from desktop_app.transfers.options import ConflictPolicy, part_ranges, part_size_for
from desktop_app.transfers.state import CHECKSUMMING, Paused, State, Transfer

CRC = Algo.CRC64NVME

FOLDER_CONTENT_TYPE = "application/x-directory"
SAME_THERE = "Skipped: identical on the server."
LENT_MIN = 1 << 20  # smaller files: a fresh read costs little (see `_whole_file`)


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


def _resolve_key(ctx: Context, transfer: Transfer, local: LocalBytes) -> bool:
    """Apply the conflict policy; False means skip (the row says why)."""
    asker = ctx.asker(transfer, True, transfer.key, transfer.size)
    chosen = [ctx.conflict_for(transfer)]  # and the user's answer, when asked

    def ask(existing_size: int) -> ConflictPolicy:
        chosen.append(asker(existing_size))
        return chosen[-1]

    def head(bucket: str, key: str) -> ObjectHead:
        return ctx.with_retry(transfer, lambda: ctx.storage.head_checksums(bucket, key))

    target = remote_target(head, chosen[0], transfer.bucket, transfer.key, local, ask)
    if target is None:
        # "Skip if identical" skips only what it proved identical
        transfer.transition(State.SKIPPED, SAME_THERE
                            if chosen[-1] is ConflictPolicy.SKIP_IF_IDENTICAL
                            else "Skipped: it already exists on the server.")
        return False
    transfer.key = target
    return True


def _keeps_checksums(ctx: Context, transfer: Transfer) -> bool:
    return ctx.with_retry(transfer, lambda: ctx.storage.keeps_checksums(transfer.bucket))


@contextlib.contextmanager
def _whole_file(ctx: Context, transfer: Transfer, path: Path) -> Iterator[bytes | memoryview]:
    """The file's bytes for the time of its single PUT, held against the byte budget. From
    `LENT_MIN` on they go into a buffer the budget lends and reuses, as parts do: a fresh one
    paid a page fault per 4 KiB and an munmap. Whatever the file holds when read is sent; its
    size may differ from the listing's."""
    size = transfer.size
    if size < LENT_MIN:
        with ctx.budget.hold(size, transfer.checkpoint):
            yield _read_all(path)
        return
    # One byte more than expected: a file that grew since it was listed shows it.
    with ctx.budget.buffer(size + 1, transfer.checkpoint) as room:
        try:
            with open(path, "rb", buffering=0) as handle:
                got = 0
                while got < len(room) and (step := handle.readinto(room[got:])):
                    got += step
        except OSError as exc:
            raise LocalFileError(f"Cannot read “{path}”: {exc.strerror}.") from None
        yield room[:got] if got <= size else _read_all(path)


def _read_all(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise LocalFileError(f"Cannot read “{path}”: {exc.strerror}.") from None


def _single(ctx: Context, transfer: Transfer, path: Path) -> None:
    with _whole_file(ctx, transfer, path) as data:
        transfer.checkpoint()
        transfer.size = len(data)
        crc = crc_of(data, CRC)
        content_type = content_type_for(path.name, lambda: bytes(data[:SNIFF_BYTES]))
        meta = sha256_meta(transfer, data)
        checksum: Crc | None = crc
        if not _keeps_checksums(ctx, transfer):
            meta[CRC64_META], checksum = crc.b64(), None
        local = LocalBytes.of_data(data, crc, meta.get(SHA256_META, ""))

        def put(if_absent: bool = False) -> str:
            return ctx.storage.put_bytes(transfer.bucket, transfer.key, data, content_type,
                                         meta, if_absent=if_absent, checksum=checksum)

        if not _put_if_absent(ctx, transfer, local, put):
            if not _resolve_key(ctx, transfer, local):
                return
            ctx.send(transfer, len(data), lambda: ctx.with_retry(transfer, put))
    transfer.verified_by = _checked_by(ctx, checksum is not None)
    transfer.set_progress(len(data))


def sha256_meta(transfer: Transfer, data: bytes | memoryview) -> dict[str, str]:
    """`sha256` metadata for a single PUT's bytes, only when an upload rule asked for the
    file's SHA-256 (content-addressed names, duplicate checks): hashing every PUT cost 0.8
    CPU-s per GiB, and the CRC64NVME every upload carries already identifies the bytes for
    "skip if identical", duplicates and downloads. Hashed from the bytes sent, not taken
    from the rule's read, so a file changed since cannot get a stale value."""
    if transfer.known_sha256 is None:
        return {}
    return {SHA256_META: hashlib.sha256(data).hexdigest()}


def _put_if_absent(ctx: Context, transfer: Transfer, local: LocalBytes,
                   put: Callable[[bool], str]) -> bool:
    """The fast way past the conflict check: the batch's listing says the key is free, so
    send it at once, on the condition that it still is. False: decide as usual."""
    known = ctx.remote_keys.get(transfer.batch)
    if ctx.conflict_for(transfer) is ConflictPolicy.OVERWRITE or known is None \
            or known.bucket != transfer.bucket or not known.surely_absent(transfer.key):
        return False
    try:
        ctx.send(transfer, local.size, lambda: ctx.with_retry(
            transfer, lambda: put(True)))
    except DestinationExists:
        # Taken since the listing, or by this very upload: a PUT whose answer was lost on
        # the way is refused when it is sent again. The same bytes there mean it arrived.
        return _arrived(ctx, transfer, local)
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
        record = _start_multipart(ctx, transfer, path, mtime_ns)
        if record is None:
            return
    checked = record.algo == CRC.value
    upload_id = record.upload_id
    ranges = part_ranges(size, record.part_size)
    transfer.set_progress(sum(p.size for p in done.values()))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        def send(number: int, offset: int, length: int) -> None:
            # A lent buffer, reused part after part: a fresh one per part cost a page fault
            # per 4 KiB of it (see budget).
            with ctx.budget.buffer(length, transfer.checkpoint) as data:
                if os.preadv(fd, [data], offset) != length:
                    raise LocalFileError(f"“{path}” got shorter while it was being uploaded.",
                                         "Retry once the file is no longer being written.")
                crc = crc_of(data, CRC)  # this worker's part, while the bytes are at hand
                etag = ctx.send(transfer, length, lambda: ctx.with_retry(
                    transfer, lambda: ctx.storage.upload_part(
                        transfer.bucket, transfer.key, upload_id, number, data,
                        checksum=crc if checked else None)))
            part = PartInfo(number, etag, length, crc.b64())
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
    whole = _combined(parts)
    _unchanged_or_abort(ctx, transfer, path, size, mtime_ns, upload_id)
    if record.crc and (whole is None or whole.b64() != record.crc):
        # The metadata value was read before the parts: the file changed in between.
        _abort_quietly(ctx, transfer, upload_id)
        raise LocalFileError(f"“{path}” changed while it was being uploaded.",
                             "Retry once the file is no longer being written.")
    local = LocalBytes.of_file(path, size, crc=whole)
    try:
        ctx.with_retry(transfer, lambda: ctx.storage.complete_multipart(
            transfer.bucket, transfer.key, upload_id, parts,
            checksum=whole if checked else None))
    except NotFound:
        if not _arrived(ctx, transfer, local, record.sha256):
            raise
        # An earlier try completed it and its answer was lost: the retry found no upload.
    if journal is not None and item is not None:
        journal.forget_upload(item)
    if checked and whole is not None:
        _check_stored(ctx, transfer, whole)
    transfer.verified_by = _checked_by(ctx, checked)


def _checked_by(ctx: Context, crc: bool) -> str:
    """What the server checked the bytes against on arrival (the row's "verified by"):
    our CRC64NVME, or else the SDK's payload hash (signed SHA-256 over http, MD5 over
    https)."""
    if crc:
        return CRC.value
    return "MD5" if ctx.storage.endpoint_url.startswith("https:") else "SHA-256"


def _start_multipart(ctx: Context, transfer: Transfer, path: Path,
                     mtime_ns: int) -> UploadRecord | None:
    """Resolve the key and create the upload; None when the conflict policy skips it."""
    keeps = _keeps_checksums(ctx, transfer)
    meta: dict[str, str] = {}
    known = transfer.known_sha256
    if known is not None and known.fits(transfer.size, mtime_ns):
        meta[SHA256_META] = known.hexdigest  # an upload rule read it: no second read here
    whole: Crc | None = None
    if not keeps:  # the value must be in the metadata, which S3 takes only now
        transfer.set_phase(CHECKSUMMING)
        try:
            whole = file_crc(path, CRC, transfer.checkpoint)
        finally:
            transfer.set_phase("")
        meta[CRC64_META] = whole.b64()
    if not _resolve_key(ctx, transfer, LocalBytes.of_file(path, transfer.size,
                                                          transfer.checkpoint, whole)):
        return None
    part_size = part_size_for(transfer.size, ctx.options.part_size)
    algo = CRC if keeps else None
    upload_id = ctx.with_retry(transfer, lambda: ctx.storage.create_multipart(
        transfer.bucket, transfer.key, _content_type(path), meta, checksum=algo))
    record = UploadRecord(upload_id, part_size, "", transfer.size, mtime_ns,
                          algo.value if algo else "", whole.b64() if whole else "")
    if ctx.journal is not None and transfer.journal_id is not None:
        ctx.journal.upload_started(transfer.journal_id, transfer.bucket, transfer.key, record)
    return record


def _combined(parts: list[PartInfo]) -> Crc | None:
    """The whole object's CRC from the parts' (None when a part's value is unknown: parts
    journalled before checksums)."""
    pieces: list[Crc] = []
    for part in parts:
        value = from_b64(CRC, part.checksum) if part.checksum else None
        if value is None:
            return None
        pieces.append(Crc(CRC, value, part.size))
    return combine_in_order(CRC, pieces)


def _check_stored(ctx: Context, transfer: Transfer, whole: Crc) -> None:
    """The server must now report the CRC64NVME the parts combine to."""
    head = ctx.with_retry(transfer, lambda: ctx.storage.head_checksums(
        transfer.bucket, transfer.key))
    stored = next((c for c in head.checksums if c.crc is CRC and c.source == "server"), None)
    if stored is not None and from_b64(CRC, stored.value) == whole.value \
            and head.size == whole.length:
        return
    reported = stored.value if stored is not None else "none"
    raise IntegrityError(
        f"“{transfer.key}” was uploaded, but the server reports the CRC64NVME {reported} "
        f"where the file's is {whole.b64()}.",
        "Upload it again; if this repeats, the server is not storing what it receives.")


def _arrived(ctx: Context, transfer: Transfer, local: LocalBytes, sha256: str = "") -> bool:
    """The object on the server has these bytes (its size and a stored CRC or SHA-256;
    `sha256`: what an upload journalled before checksums recorded)."""
    try:
        there = ctx.with_retry(transfer, lambda: ctx.storage.head_checksums(transfer.bucket,
                                                                            transfer.key))
    except NotFound:
        return False
    if sha256 and there.size == local.size:
        return there.metadata.get(SHA256_META) == sha256
    return identical(there, local)


def _unchanged_or_abort(ctx: Context, transfer: Transfer, path: Path, size: int,
                        mtime_ns: int, upload_id: str) -> None:
    """Parts are read over minutes: a file written meanwhile would be stored as a mix of old
    and new bytes (each part's own CRC cannot see that), so such an upload is aborted."""
    try:
        info = os.stat(path)
    except OSError:
        info = None
    if info is None or (info.st_size, info.st_mtime_ns) != (size, mtime_ns):
        _abort_quietly(ctx, transfer, upload_id)
        raise LocalFileError(f"“{path}” changed while it was being uploaded.",
                             "Retry once the file is no longer being written.")


def _finished_parts(ctx: Context, transfer: Transfer, record: UploadRecord) -> dict[int, PartInfo]:
    """Parts the server holds for this upload with the size we expect (ListParts is truth),
    with their CRCs from the journal; a part whose CRC is not known there is sent again."""
    try:
        listed = ctx.with_retry(transfer, lambda: ctx.storage.list_parts(
            transfer.bucket, transfer.key, record.upload_id))
    except NotFound:
        return {}
    journal, item = ctx.journal, transfer.journal_id
    known = {p.number: p for p in journal.parts(item)} \
        if journal is not None and item is not None else {}
    expected = {n: ln for n, _o, ln in part_ranges(record.size, record.part_size)}
    finished: dict[int, PartInfo] = {}
    for part in listed:
        if expected.get(part.number) != part.size:
            continue
        mine = known.get(part.number)
        checksum = mine.checksum if mine is not None and mine.etag == part.etag else ""
        if record.algo and not checksum:
            continue
        finished[part.number] = PartInfo(part.number, part.etag, part.size, checksum)
    return finished


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
