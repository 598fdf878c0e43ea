"""Small uploads on one asyncio thread: the fast lane for folders of many little files.

The threaded path's single PUT costs about two milliseconds of CPU per small file, most of it
the SDK building the request (urllib3, signing) and the GIL handed between sixteen threads.
Here one thread runs a loop with a few dozen PUTs in flight (`storage.object_put`), each the
request the threaded path would send: the file read once, its CRC64NVME (checked by the
server, BadDigest otherwise) and, when an upload rule asked, its SHA-256 (`sha256` metadata,
see `upload.sha256_meta`) computed in that pass, the content
type guessed the same way, and `If-None-Match: *` when the batch's listing says the key is
free (the server refuses the PUT if someone took it since).

The lane only walks the happy path: the first attempt of a file whose key is known to be free
(or whose batch overwrites), to a server already known to keep checksums. It never asks the
network anything else on its loop: while a batch's listing or the server's checksum answer is
unknown, one file of the batch (the scout) goes to the threaded path, which asks them with
its retries, and the others wait for the answers (if it ends without them, they all go the
threaded way). Any other answer than 200 (a taken key,
a refusal, a damaged body, a server error, a redirect, no answer), a file that is not its
listed size, a pause or a cancel: the transfer is handed, still running, to the threaded path,
which does it again from the start with its retries, questions and error messages.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from typing import Literal, Protocol

from desktop_app.core.checksums import Algo, crc_of
from desktop_app.core.errors import AppError
from desktop_app.core.mime import SNIFF_BYTES
from desktop_app.storage.object_put import PutRequest
from desktop_app.transfers.context import Context
from desktop_app.transfers.lane_bytes import LANE_BYTES, LaneBytes
from desktop_app.transfers.lane_loop import LaneHost, LaneLoop, PerTurn
from desktop_app.transfers.options import ConflictPolicy
from desktop_app.transfers.state import Direction, State, Transfer
from desktop_app.transfers.upload import content_type_for, sha256_meta

log = logging.getLogger(__name__)
CRC = Algo.CRC64NVME
UPLOAD_FACTOR = 4  # PUTs in flight per file the threaded path runs at once
SCOUT_POLL_S = 0.005  # first wait for a scout's answers; doubled up to SCOUT_POLL_MAX_S
SCOUT_POLL_MAX_S = 0.02  # a longer sleep outlasted the answer by up to that much
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
# A scout in these states has learnt what it will for now.
_SCOUT_GONE = frozenset({State.FAILED, State.CANCELLED, State.DONE, State.SKIPPED, State.PAUSED,
                         State.RETRYING})
Verdict = Literal["put", "put-if-absent", "threaded", "unknown"]


class Putter(Protocol):
    async def put(self, request: PutRequest, body: bytes) -> int: ...

    async def close(self) -> None: ...


class SmallUploads(LaneLoop[Transfer]):
    def __init__(self, make_putter: Callable[[int], Putter], host: LaneHost, ctx: Context,
                 checksums_kept: Callable[[], bool | None], workers: int,
                 max_size: int, max_bytes: int = LANE_BYTES) -> None:
        super().__init__(host, workers, "transfer-small-up")
        self.max_size = max_size
        self._ctx = ctx
        self._checksums_kept = checksums_kept
        try:
            self._putter: Putter | None = make_putter(self._workers)
        except Exception:  # e.g. an unreadable CA bundle: the threaded path will say so
            log.warning("Small uploads take the threaded path", exc_info=True)
            self._putter = None
        self._scouts: dict[int, Transfer] = {}  # by batch: who asks the threaded path first
        self.sent = 0  # files this lane stored (the rest went the threaded way)
        self._stored = PerTurn[Transfer](self._report_stored)  # not yet reported done
        self._buckets: dict[str, asyncio.Event] = {}  # set once a bucket's first PUT answered
        self._bytes = LaneBytes(max(max_bytes, max_size))  # of the files being sent

    def takes(self, transfer: Transfer) -> bool:
        """Small uploads of files, first attempt only (a retry takes the long way)."""
        return (self._putter is not None and transfer.direction is Direction.UPLOAD
                and transfer.size <= self.max_size and not transfer.key.endswith("/")
                and transfer.attempts == 0 and not self._closing)

    def _transfer_of(self, item: Transfer) -> Transfer:
        return item

    async def _handle(self, item: Transfer) -> None:
        transfer = item
        verdict = await self._route(transfer)
        if not self._host.lane_begin(transfer):
            return  # paused or cancelled while it waited
        stored = False
        if verdict != "threaded":
            pilot = await self._first_into(transfer.bucket)
            held = await self._bytes.take(transfer.size)  # the file's bytes, read whole
            try:
                stored = await self._send(transfer, verdict == "put-if-absent")
            except Exception:
                log.debug("Small upload of %s handed over", transfer.key, exc_info=True)
            finally:
                self._bytes.give(held)
                if pilot is not None:
                    pilot.set()
        if not stored:
            self._host.lane_handover(transfer)
            return
        self.sent += 1
        transfer.verified_by = CRC.value  # the server checked our CRC64NVME on arrival
        transfer.set_progress(transfer.size)
        self._stored.add(transfer)  # reported done once per turn, in one journal write

    def _report_stored(self, stored: list[Transfer]) -> None:
        try:
            self._host.lane_done_all(stored)
        except AppError:
            log.exception("Finishing %d uploads failed", len(stored))

    async def _first_into(self, bucket: str) -> asyncio.Event | None:
        """The first PUT of the lane into `bucket` goes alone (the returned event, to set
        once it is answered); the others wait for its answer. A server may prepare a bucket
        on its first write: SeaweedFS takes a fifth of a second to grow a bucket's first
        volumes, and dozens of first writes at once grew more of them than one does (1000
        small files into a new bucket: 2.5 s and 2.0 server CPU-s, against 1.9 s and 1.7
        after one PUT). Elsewhere this costs one round trip per bucket and run."""
        opened = self._buckets.get(bucket)
        if opened is None:
            self._buckets[bucket] = pilot = asyncio.Event()
            return pilot
        if not opened.is_set():
            await opened.wait()
        return None

    def _verdict(self, transfer: Transfer) -> Verdict:
        """What the answers known so far allow, without asking the network."""
        kept = self._checksums_kept()
        if kept is False:  # the CRC goes into the metadata: the threaded path's way
            return "threaded"
        ctx = self._ctx
        verdict: Verdict = "put"
        if ctx.conflict_for(transfer) is not ConflictPolicy.OVERWRITE:
            known = ctx.remote_keys.get(transfer.batch)
            if known is None or known.bucket != transfer.bucket:
                return "threaded"  # no listing for this batch: a HEAD decides
            absent = known.listed_absent(transfer.key)
            if absent is None:
                return "unknown"
            if not absent:
                return "threaded"  # taken: the conflict policy decides
            verdict = "put-if-absent"
        return "unknown" if kept is None else verdict

    async def _route(self, transfer: Transfer) -> Verdict:
        """The verdict; while it is unknown, the batch's scout runs the threaded way and the
        others wait for what it learns. A scout that ends or stops with the answers still
        unknown (a listing or a probe refused), or waits to retry (the server is in trouble:
        each row should say so), leaves the waiting files to the threaded path."""
        delay = SCOUT_POLL_S
        while (verdict := self._verdict(transfer)) == "unknown":
            if self._closing or transfer.stop_event.is_set():
                return "threaded"
            scout = self._scouts.setdefault(transfer.batch, transfer)
            if scout is transfer or scout.state in _SCOUT_GONE or scout.stop_event.is_set():
                return "threaded"
            await asyncio.sleep(delay)
            delay = min(2 * delay, SCOUT_POLL_MAX_S)
        self._scouts.pop(transfer.batch, None)
        return verdict

    async def _send(self, transfer: Transfer, if_absent: bool) -> bool:
        """One PUT of the file as it is now; True when the server stored it."""
        if transfer.stop_event.is_set():
            return False  # paused or cancelled since it was taken: send nothing
        path = transfer.local_path
        flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)
        if not self._ctx.options.follow_symlinks:
            flags |= _NOFOLLOW
        fd = os.open(path, flags)
        try:
            # One byte more than listed tells a file that grew; asking for the lane's
            # largest size instead made every read allocate a megabyte and shrink it.
            data = os.read(fd, transfer.size + 1)
        finally:
            os.close(fd)
        if len(data) != transfer.size:
            return False  # changed since it was listed: the threaded path sends what is there
        crc = crc_of(data, CRC)
        request = PutRequest(
            transfer.bucket, transfer.key, len(data),
            content_type_for(path.name, lambda: data[:SNIFF_BYTES]),
            sha256_meta(transfer, data), crc, if_absent)
        assert self._putter is not None
        status = await self._putter.put(request, data)
        return status == 200

    async def _close_io(self) -> None:
        self._stored.flush()
        if self._putter is not None:
            await self._putter.close()


def upload_lane_for(storage: object, ctx: Context, limited: bool,
                    host: LaneHost) -> SmallUploads | None:
    """The lane, when the storage can send this way and no bandwidth limit (`limited`) has to
    be shared with the threaded path."""
    make = getattr(storage, "object_putter", None)
    kept = getattr(storage, "checksums_known_kept", None)
    options = ctx.options
    if make is None or kept is None or limited or not options.small_lane:
        return None
    # For small files the wait is the round trip, not the bytes: many PUTs at once, within
    # a byte budget. (1000 x 64 KiB on 2 cores, alternated runs: 0.88-0.91 of s5cmd's speed
    # with 32 in flight, 0.95-0.99 with 64, 0.93-0.96 with 128.)
    return SmallUploads(make, host, ctx, kept, UPLOAD_FACTOR * options.files_at_once,
                        options.small_max)
