"""Before a ranged download: what it is checked against, and how its ranges are cut.

One HEAD with `x-amz-checksum-mode: ENABLED` gives the object's stored checksums (a ranged
GET carries none). A COMPOSITE checksum is a CRC of the parts' CRCs, so it can only be
checked when the part boundaries are known (each range then checksums every part it holds
apart); they are only asked for when no full-object CRC makes them moot: from
GetObjectAttributes (a request per 1000 parts), else from a HEAD per part number
(Content-Range), asked on the part pool. A server that reveals neither leaves the check to
the next thing the object allows.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable

from desktop_app.core.checksums import COMPOSITE
from desktop_app.core.errors import AppError, Cancelled
from desktop_app.core.transfer_errors import ObjectChanged
from desktop_app.core.transfer_types import SHA256_META, ObjectBody, ObjectHead
from desktop_app.transfers.context import Context, run_parts
from desktop_app.transfers.options import part_ranges
from desktop_app.transfers.state import Transfer
from desktop_app.transfers.verify import Check, check_for

log = logging.getLogger(__name__)
RCLONE_MD5_META = "md5chksum"  # rclone's base64 MD5 of a file it uploaded in parts
MAX_PART_HEADS = 10_000  # S3's limit on parts: every composite object can be checked


def head(ctx: Context, transfer: Transfer) -> ObjectHead:
    """The object's HEAD with its stored checksums, pinned to the listed ETag if any."""
    return ctx.with_retry(transfer, lambda: ctx.storage.head_checksums(
        transfer.bucket, transfer.key, transfer.etag or None))


def part_ends(ctx: Context, transfer: Transfer, info: ObjectHead) -> tuple[int, ...]:
    """Where each part of a multipart object ends, when its checksum is COMPOSITE and no
    full-object CRC is there (else nothing to cut at): () when the server does not say."""
    if any(c.source == "server" and c.crc is not None for c in info.checksums):
        return ()
    composite = next((c for c in info.checksums if c.kind == COMPOSITE and c.parts), None)
    if composite is None or composite.parts > MAX_PART_HEADS:
        return ()
    count = composite.parts
    if count == 1:
        return (info.size,)
    listed = ends_of(ctx.with_retry(transfer, lambda: ctx.storage.part_sizes(
        transfer.bucket, transfer.key, transfer.etag or None)), count, info.size)
    if listed:
        return listed
    spans: dict[int, tuple[int, int]] = {}

    def ask(number: int) -> Callable[[], None]:
        def job() -> None:
            part = ctx.with_retry(transfer, lambda: ctx.storage.head_checksums(
                transfer.bucket, transfer.key, transfer.etag or None, number))
            spans[number] = (part.part_offset, part.part_length)
        return job

    try:
        run_parts(ctx, transfer, [ask(n) for n in range(1, count + 1)])
    except (Cancelled, ObjectChanged):
        raise
    except AppError as exc:  # e.g. a server that refuses partNumber: the next check then
        log.info("The parts of %s could not be read (%s); its composite checksum cannot be "
                 "checked", transfer.key, exc.user_text().splitlines()[0])
        return ()
    ends: list[int] = []
    pos = 0
    for number in range(1, count + 1):
        offset, length = spans.get(number, (-1, 0))
        if offset != pos or length <= 0:
            log.info("The server does not give the parts of %s; its composite checksum "
                     "cannot be checked", transfer.key)
            return ()
        pos += length
        ends.append(pos)
    return tuple(ends) if pos == info.size else ()


def ends_of(sizes: tuple[int, ...] | None, count: int, total: int) -> tuple[int, ...]:
    """Where each part ends, from the listed part sizes, if they are the `count` parts the
    composite checksum names and add up to the object's size; else ()."""
    if sizes is None or len(sizes) != count or sum(sizes) != total:
        return ()
    return tuple(itertools.accumulate(sizes))


def ranges(size: int, part_size: int) -> list[tuple[int, int]]:
    """(offset, length) of each ranged GET: `part_size` pieces. A composite checksum's part
    boundaries do not cut them: each range's `verify.RangeCrc` starts a new piece at every
    part end inside it, so boto3's 1 GiB in 8 MiB parts takes 32 ranged GETs, not 128."""
    return [(offset, length) for _n, offset, length in part_ranges(size, part_size)] \
        or [(0, 0)]


def check_of_head(info: ObjectHead, cuts: tuple[int, ...]) -> Check:
    return check_for(info.metadata.get(SHA256_META, ""), info.md5, info.checksums, cuts,
                     info.metadata.get(RCLONE_MD5_META, ""))


def check_of_body(first: ObjectBody, cuts: tuple[int, ...] = ()) -> Check:
    return check_for(first.metadata.get(SHA256_META, ""), first.md5, first.checksums, cuts,
                     first.metadata.get(RCLONE_MD5_META, ""))


def head_of(first: ObjectBody) -> ObjectHead:
    """What a whole-object GET's own headers say, as a HEAD would (for `part_ends`)."""
    return ObjectHead(first.etag, first.total_size, first.metadata, first.md5, first.checksums)
