"""Import from a URL: the body streamed from the source straight into the bucket.

No temporary file: up to `multipart_threshold` bytes are held to decide; a body that ends
before that is one PUT (with its CRC64NVME, like a small upload), anything longer or of
unknown size becomes a FULL_OBJECT CRC64NVME multipart upload fed part by part as the bytes
arrive (the part being read plus at most `IN_FLIGHT` being sent), checked against the
server's CRC at the end like our uploads.

Pause, retry and resume: the row's `ImportJob` remembers the open multipart upload, its
parts and the source's validator (strong ETag or Last-Modified, only when it says
`Accept-Ranges: bytes`). Then a resume or an automatic retry after a stall asks for the rest
with `Range` + `If-Range` and continues after the last finished part; a source that ignores
ranges or changed meanwhile answers 200, and the import starts again from zero (the old upload
aborted). A cancel or a final failure aborts the multipart upload: no object and no unfinished
upload is left behind. Imports are not journalled: after a restart they are gone, and the
engine's shutdown aborts a paused one's upload.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field

from desktop_app.core import url_safety
from desktop_app.core.checksums import CRC64_META, Crc, crc_of
from desktop_app.core.errors import AppError, Cancelled
from desktop_app.core.humanize import human_size
from desktop_app.core.mime import SNIFF_BYTES, sniff
from desktop_app.core.transfer_errors import TransientError
from desktop_app.core.transfer_types import PartInfo
from desktop_app.core.url_safety import LookupFailed, Resolver, without_query
from desktop_app.transfers.conflicts import LocalBytes
from desktop_app.transfers.context import STOP_POLL_S, Context
from desktop_app.transfers.options import part_size_for
from desktop_app.transfers.state import Paused, Transfer
from desktop_app.transfers.upload import (
    CRC,
    _check_stored,
    _checked_by,
    _combined,
    _keeps_checksums,
    _resolve_key,
)
from desktop_app.transfers.url_fetch import (
    READ_TIMEOUT,
    Fetched,
    SourceError,
    SourceTrouble,
    content_range_start,
    content_type,
    fetch,
    name_for,
    validator,
    with_extension,
)

READ_SIZE = 256 * 1024
IN_FLIGHT = 2  # parts of one import on their way to the server while the next is read
Inflight = deque[tuple[Future[PartInfo], int]]  # (part being sent, its size)


@dataclass(frozen=True, slots=True)
class UrlImport:
    """What the user asked for (picklable: it crosses to the engine process)."""

    url: str
    prefix: str = ""  # the folder it goes into
    name: str = ""  # the object name; "" = from Content-Disposition or the URL's path
    limit: int = 0  # the most bytes accepted; 0 = no limit
    allow_local: bool = False  # loopback/private addresses allowed for this import
    read_timeout: float = READ_TIMEOUT

    @property
    def shown(self) -> str:
        """The URL without its query (signed links keep their secrets there)."""
        return without_query(self.url)


@dataclass
class ImportJob:
    """One row's import, kept across pauses and retries (in memory only)."""

    request: UrlImport
    resolver: Resolver = url_safety.system_resolver
    upload_id: str = ""
    validator: str = ""
    length: int | None = None
    part_size: int = 0
    checked: bool = False
    parts: list[PartInfo] = field(default_factory=list)
    queued: int = 0  # bytes handed to parts so far (sent or on their way)

    @property
    def offset(self) -> int:
        """Bytes of the body in finished parts."""
        return sum(p.size for p in self.parts)


class _Spent(Exception):
    """A storage error whose own retries are used up: not retried again from the source."""

    def __init__(self, error: TransientError) -> None:
        super().__init__(error.message)
        self.error = error


def run_import(ctx: Context, transfer: Transfer, job: ImportJob) -> None:
    """Run the import of `transfer` to the end (raises on failure, cancel or pause)."""

    def attempt() -> None:
        try:
            _attempt(ctx, transfer, job)
        except (SourceTrouble, LookupFailed):
            raise  # retried by `with_retry`: resumed by Range where the source allows
        except TransientError as exc:
            raise _Spent(exc) from None

    try:
        ctx.with_retry(transfer, attempt)
    except Paused:
        if not job.validator:  # no way to continue: start again from zero on resume
            discard(ctx, transfer, job)
        transfer.set_progress(job.offset)
        raise
    except _Spent as spent:
        discard(ctx, transfer, job)
        raise spent.error from None
    except BaseException:
        discard(ctx, transfer, job)
        raise


def discard(ctx: Context, transfer: Transfer, job: ImportJob) -> None:
    """Abort the open multipart upload, if any (cancel, failure, a source that changed)."""
    upload_id, job.upload_id = job.upload_id, ""
    job.parts.clear()
    if upload_id:
        with contextlib.suppress(AppError):
            ctx.storage.abort_multipart(transfer.bucket, transfer.key, upload_id)


def _attempt(ctx: Context, transfer: Transfer, job: ImportJob) -> None:
    request = job.request
    resume = (job.offset, job.validator) if job.upload_id and job.validator \
        and job.offset else None
    if job.upload_id and resume is None:
        discard(ctx, transfer, job)
    transfer.checkpoint()
    fetched = fetch(request.url, request.allow_local, job.resolver, resume,
                    request.read_timeout)
    done = threading.Event()
    threading.Thread(target=_abort_on_stop, args=(transfer, fetched, done), daemon=True,
                     name=f"url-import-{transfer.id}").start()
    try:
        if resume is not None:
            if fetched.response.status == 206 and content_range_start(fetched) == job.offset:
                transfer.set_progress(job.offset)
                job.queued = job.offset
                _stream(ctx, transfer, job, fetched.chunks(READ_SIZE), bytearray())
                return
            discard(ctx, transfer, job)  # changed, or ranges ignored: from zero
        if fetched.response.status != 200:
            raise SourceError(f"“{request.shown}” answered {fetched.response.status} to a "
                              "request for the whole file.")
        _fresh(ctx, transfer, job, fetched)
    finally:
        done.set()
        fetched.close()


def _abort_on_stop(transfer: Transfer, fetched: Fetched, done: threading.Event) -> None:
    """Wait for a pause or a cancel while the body is read, and cut the connection then."""
    while not done.is_set():
        if transfer.stop_event.wait(STOP_POLL_S):
            if not done.is_set():
                fetched.abort()
            return


def _fresh(ctx: Context, transfer: Transfer, job: ImportJob, fetched: Fetched) -> None:
    request = job.request
    length = fetched.length
    if request.limit and length is not None and length > request.limit:
        raise _too_big(request, length)
    transfer.size = length or 0
    transfer.set_progress(0)
    job.length, job.validator, job.parts, job.queued = length, validator(fetched), [], 0
    chunks = fetched.chunks(READ_SIZE)
    buffer = bytearray()
    threshold = ctx.options.multipart_threshold
    ended = True
    for data in chunks:
        _take(ctx, transfer, job, buffer, data)
        if len(buffer) >= threshold:
            ended = False
            break
    transfer.checkpoint()  # a stop may have cut the body: never store it as if it ended
    head = bytes(buffer[:SNIFF_BYTES])
    name = request.name or name_for(fetched)
    ctype = content_type(fetched, head, name, sniff)
    if not request.name:
        name = with_extension(name, ctype)
    transfer.key = f"{request.prefix}{name}"
    if ended:
        _short_length(job, len(buffer))
        _single(ctx, transfer, bytes(buffer), ctype)
        return
    if not _resolve_key(ctx, transfer, _unknown_bytes()):
        return
    job.checked = _keeps_checksums(ctx, transfer)
    job.part_size = part_size_for(max(length or 0, request.limit), ctx.options.part_size)
    job.upload_id = ctx.with_retry(transfer, lambda: ctx.storage.create_multipart(
        transfer.bucket, transfer.key, ctype, {}, checksum=CRC if job.checked else None))
    _stream(ctx, transfer, job, chunks, buffer)


def _unknown_bytes() -> LocalBytes:
    """Bytes not read yet: an existing object never counts as identical to them (so "skip
    if identical" replaces it)."""
    def unknown(*_args: object) -> Crc:
        raise AssertionError("not known before the import")

    return LocalBytes(-1, unknown, lambda: "")


def _take(ctx: Context, transfer: Transfer, job: ImportJob, buffer: bytearray,
          data: bytes) -> None:
    """One piece of the body into `buffer`: counted, limited, paced, stoppable."""
    transfer.checkpoint()
    received = job.queued + len(buffer) + len(data)
    if job.request.limit and received > job.request.limit:
        raise SourceError(
            f"“{job.request.shown}” sent more than the limit of "
            f"{human_size(job.request.limit)}; the import stopped and nothing was kept.",
            "Raise the size limit if you expect a file this big.")
    ctx.throttle(transfer, len(data))
    buffer += data
    transfer.add_progress(len(data))


def _stream(ctx: Context, transfer: Transfer, job: ImportJob, chunks: Iterator[bytes],
            buffer: bytearray) -> None:
    """Parts out of `buffer` and the rest of the body, then Complete and the CRC check.

    A part is sent on the part pool while the next one is read (`IN_FLIGHT` at most), so
    the source and the server work at the same time; parts are recorded in order."""
    inflight: Inflight = deque()
    try:
        while True:
            while len(buffer) >= job.part_size:
                _send(ctx, transfer, job, inflight, bytes(buffer[:job.part_size]))
                del buffer[:job.part_size]
            data = next(chunks, None)
            if data is None:
                break
            _take(ctx, transfer, job, buffer, data)
        transfer.checkpoint()  # as in `_fresh`: a cut body is not an ended one
        _short_length(job, job.queued + len(buffer))
        if buffer or not (job.parts or inflight):
            _send(ctx, transfer, job, inflight, bytes(buffer))
    except BaseException:
        _settle(job, inflight, quiet=True)  # what arrived in order stays for a resume
        raise
    _settle(job, inflight)
    whole = _combined(job.parts)
    upload_id = job.upload_id
    ctx.with_retry(transfer, lambda: ctx.storage.complete_multipart(
        transfer.bucket, transfer.key, upload_id, list(job.parts),
        checksum=whole if job.checked else None))
    job.upload_id = ""
    transfer.size = whole.length if whole is not None else job.offset
    if job.checked and whole is not None:
        _check_stored(ctx, transfer, whole)
    transfer.verified_by = _checked_by(ctx, job.checked)
    transfer.set_progress(transfer.size)


def _send(ctx: Context, transfer: Transfer, job: ImportJob,
          inflight: Inflight, data: bytes) -> None:
    """Queue one part; first wait for the oldest when `IN_FLIGHT` are already on their way
    (its failure is raised here)."""
    while len(inflight) >= IN_FLIGHT:
        job.parts.append(inflight.popleft()[0].result())
    number = len(job.parts) + len(inflight) + 1
    inflight.append((ctx.part_executor.submit(_part, ctx, transfer, job, number, data),
                     len(data)))
    job.queued += len(data)


def _settle(job: ImportJob, inflight: Inflight, quiet: bool = False) -> None:
    """Wait for every part on its way; those that arrived in order are recorded (a resume
    continues after them); the first failure is raised unless `quiet`."""
    gap = False
    error: BaseException | None = None
    while inflight:
        future, _size = inflight.popleft()
        try:
            part = future.result()
        except BaseException as exc:
            gap, error = True, error or exc
            continue
        if not gap:
            job.parts.append(part)
    if error is not None and not quiet:
        raise error


def _part(ctx: Context, transfer: Transfer, job: ImportJob, number: int,
          data: bytes) -> PartInfo:
    """Send one part (a part handed over is sent even if a pause comes meanwhile: it is
    kept for the resume)."""
    crc = crc_of(data, CRC)
    upload_id = job.upload_id
    etag = ctx.with_retry(transfer, lambda: ctx.storage.upload_part(
        transfer.bucket, transfer.key, upload_id, number, data,
        checksum=crc if job.checked else None))
    return PartInfo(number, etag, len(data), crc.b64())


def _single(ctx: Context, transfer: Transfer, data: bytes, ctype: str) -> None:
    crc = crc_of(data, CRC)
    if not _resolve_key(ctx, transfer, LocalBytes.of_data(data, crc)):
        return
    meta: dict[str, str] = {}
    checksum: Crc | None = crc
    if not _keeps_checksums(ctx, transfer):
        meta[CRC64_META], checksum = crc.b64(), None
    transfer.checkpoint()
    ctx.with_retry(transfer, lambda: ctx.storage.put_bytes(
        transfer.bucket, transfer.key, data, ctype, meta, checksum=checksum))
    transfer.size = len(data)
    transfer.verified_by = _checked_by(ctx, checksum is not None)
    transfer.set_progress(len(data))


def _short_length(job: ImportJob, received: int) -> None:
    if job.length is not None and received != job.length:
        raise SourceTrouble(f"“{job.request.shown}” sent {received} bytes where it announced "
                            f"{job.length}.")


def _too_big(request: UrlImport, length: int) -> SourceError:
    return SourceError(
        f"“{request.shown}” is {human_size(length)}, more than the limit of "
        f"{human_size(request.limit)}; nothing was downloaded.",
        "Raise the size limit if you expect a file this big.")


__all__ = ["Cancelled", "ImportJob", "UrlImport", "discard", "run_import"]
