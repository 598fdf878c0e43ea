"""What proves that a download got the object's own bytes, and the words when it did not.

The size always: nothing is renamed into place with a byte count other than the object's.
Then the strongest check the object allows, and the row says which (`Check.label`):

1. a full-object CRC the server keeps (CRC64NVME, CRC32C, CRC32: what AWS SDKs, the AWS CLI
   and MinIO clients write by default, and our own uploads): each range worker checksums its
   own bytes and the ranges are combined in offset order, so it costs no second pass;
2. a COMPOSITE (`...-N`) CRC, checked per part, when the part boundaries are known (a
   one-part one always: its part is the whole object);
3. the `crc64nvme` user metadata we write where the server keeps no checksum itself;
4. a SHA-256 (our older `sha256` metadata, a seed service's, or the server's own), fed in
   order as the ranges complete;
5. the whole file's MD5 that rclone keeps with its multipart uploads (`md5chksum`), the same
   way; then a single-part object's MD5 ETag;
6. else the size only, shown as "unverified", never as verified.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from desktop_app.core.checksums import COMPOSITE, Algo, Crc, StoredChecksum, algo_named, crc_of
from desktop_app.core.transfer_errors import IntegrityError
from desktop_app.transfers.front import read_through

_HINT = "Nothing of it was kept; try again."  # (Retry in the queue, Open again)
UNVERIFIED = "unverified (size only)"
CRC = "CRC"


@dataclass(frozen=True, slots=True)
class Check:
    """What a download is checked against; `kind` is "" when only its size can be."""

    kind: str = ""  # "CRC", "SHA-256", "MD5" or ""
    expected: str = ""  # CRC: base64 as S3 sends it; SHA-256 and MD5: lower-case hex
    algo: Algo | None = None  # the CRC's algorithm
    part_ends: tuple[int, ...] = ()  # a composite CRC: where each part ends
    label: str = UNVERIFIED  # what the row shows: "CRC64NVME", "MD5 (ETag)", ...
    one_part: bool = False  # a composite of one part: the CRC of the whole object's CRC

    @property
    def crc(self) -> bool:
        return self.kind == CRC

    def whole_b64(self, total: Crc) -> str:
        """What the stored value must be for a whole object of CRC `total` (no part ends)."""
        if self.one_part:
            return crc_of(total.value.to_bytes(total.algo.width, "big"), total.algo).b64()
        return total.b64()

    def new(self) -> hashlib._Hash | None:
        """A fresh digest for a hash check (None for a CRC or nothing)."""
        make = _MAKERS.get(self.kind)
        return make() if make is not None else None

    def matches(self, data: bytes) -> bool:
        """Whether `data` (a whole object in memory) passes this check."""
        if self.crc:
            assert self.algo is not None
            if not self.part_ends:
                return self.whole_b64(crc_of(data, self.algo)) == self.expected
            view, start, pieces = memoryview(data), 0, {}
            for end in self.part_ends:
                pieces[start] = crc_of(view[start:end], self.algo)
                start = end
            return crc_matches(self, pieces, len(data))
        digest = self.new()
        if digest is None:
            return True
        digest.update(data)
        return digest.hexdigest() == self.expected


_MAKERS: dict[str, Callable[[], hashlib._Hash]] = {
    "SHA-256": hashlib.sha256,
    "MD5": lambda: hashlib.md5(usedforsecurity=False),
}


def check_for(sha256: str, md5: str, checksums: Iterable[StoredChecksum] = (),
              part_ends: tuple[int, ...] = (), md5_meta: str = "") -> Check:
    """The strongest check these allow (see the module's order). `part_ends` are a multipart
    object's part boundaries when the server revealed them (for a COMPOSITE CRC); `md5_meta`
    is the whole file's MD5 rclone keeps with a multipart upload (`md5chksum`, base64)."""
    stored = list(checksums)
    for item in stored:
        if item.source == "server" and item.crc is not None:
            return Check(CRC, item.value, item.crc, (), item.label())
    for item in stored:
        algo = algo_named(item.algo)
        if item.kind == COMPOSITE and algo is not None and item.parts == 1:
            return Check(CRC, item.value, algo, (), item.label(), one_part=True)
        if item.kind == COMPOSITE and algo is not None and item.parts \
                and len(part_ends) == item.parts:
            return Check(CRC, item.value, algo, part_ends, item.label())
    for item in stored:
        if item.source == "metadata" and item.crc is not None:
            return Check(CRC, item.value, item.crc, (), f"{item.algo} (metadata)")
    server_sha = next((_hex(i.value) for i in stored
                       if i.algo == "SHA256" and i.kind != COMPOSITE), "")
    if sha256 or server_sha:
        return Check("SHA-256", (sha256 or server_sha).lower(), label="SHA-256")
    rclone_md5 = _hex(md5_meta, 16)
    if rclone_md5:
        return Check("MD5", rclone_md5, label="MD5 (metadata)")
    if md5:
        return Check("MD5", md5.lower(), label="MD5 (ETag)")
    return Check()


def _hex(b64: str, width: int = 32) -> str:
    try:
        raw = base64.b64decode(b64.strip(), validate=True)
    except (binascii.Error, ValueError):
        return ""
    return raw.hex() if len(raw) == width else ""


def crc_matches(check: Check, pieces: Mapping[int, Crc], size: int) -> bool:
    """Whether the CRCs of the ranges (by offset) tile the object and combine to the stored
    value; for a composite one each part's CRC is combined from its pieces (a range's
    `RangeCrc` starts a new piece at every part end, so no piece crosses one) and the CRC of
    the parts' CRCs is compared."""
    assert check.algo is not None
    algo, ordered, pos = check.algo, sorted(pieces.items()), 0
    for offset, crc in ordered:
        if offset != pos:
            return False  # a hole or an overlap: not every byte was checked once
        pos += crc.length
    if pos != size:
        return False
    if not check.part_ends:
        total = Crc(algo)
        for _offset, crc in ordered:
            total = total.then(crc)
        return check.whole_b64(total) == check.expected
    parts: list[bytes] = []
    ends = iter(check.part_ends)
    end, current = next(ends), Crc(algo)
    for offset, crc in ordered:
        if offset + crc.length > end:
            return False
        current = current.then(crc)
        if offset + crc.length == end:
            parts.append(current.value.to_bytes(algo.width, "big"))
            end, current = next(ends, size + 1), Crc(algo)
    return len(parts) == len(check.part_ends) and \
        crc_of(b"".join(parts), algo).b64() == check.expected


class RangeCrc:
    """Checksums the bytes of one range as they are written, from `offset` on, starting a new
    piece at each part end of a composite check; `keep()` leaves the pieces in `pieces`
    (only once the whole range was written: a retried range starts over)."""

    __slots__ = ("_crc", "_done", "_ends", "_start", "algo", "pieces", "pos")

    def __init__(self, check: Check, offset: int, pieces: dict[int, Crc]) -> None:
        assert check.algo is not None
        self.algo = check.algo
        self.pieces = pieces
        self.pos = self._start = offset
        self._crc = Crc(self.algo)
        self._ends = [end for end in check.part_ends if end > offset]
        self._done: dict[int, Crc] = {}

    def update(self, data: memoryview) -> None:
        while self._ends and self.pos + len(data) >= self._ends[0]:
            take = self._ends.pop(0) - self.pos
            self._crc.update(data[:take])
            data = data[take:]
            self.pos += take
            self._done[self._start] = self._crc
            self._start, self._crc = self.pos, Crc(self.algo)
        if data:
            self._crc.update(data)
            self.pos += len(data)

    def keep(self) -> None:
        self.pieces.update(self._done)
        if self._crc.length:
            self.pieces[self._start] = self._crc


def file_passes(check: Check, path: str | os.PathLike[str], size: int,
                checkpoint: Callable[[], None] = lambda: None) -> bool:
    """Whether the local file at `path` already holds what `check` would accept from a
    download of `size` bytes ("skip if identical"): read once, at CRC or hash speed. An object
    with nothing to check by is never taken as identical."""
    if not check.kind:
        return False
    pieces: dict[int, Crc] = {}
    crc = RangeCrc(check, 0, pieces) if check.crc else None
    digest = None if crc is not None else check.new()
    feed = crc.update if crc is not None else digest.update if digest is not None else None
    assert feed is not None
    with open(path, "rb", buffering=0) as handle:
        if os.fstat(handle.fileno()).st_size != size:
            return False
        read_through(handle.fileno(), 0, size, checkpoint, feed)
    if crc is not None:
        crc.keep()
        return crc_matches(check, pieces, size)
    assert digest is not None
    return digest.hexdigest() == check.expected


def hash_mismatch(name: str, check: Check) -> IntegrityError:
    if check.kind == "SHA-256":
        what = "their SHA-256 does not match the one stored with the object"
    elif check.label == "MD5 (metadata)":
        what = "their MD5 does not match the one stored with the object"
    elif check.kind == "MD5":
        what = "their MD5 does not match the object's ETag"
    else:
        what = f"their {check.label} checksum does not match the one the server keeps"
    return IntegrityError(
        f"“{name}” arrived damaged: the bytes received differ from the object on the server "
        f"({what}).", _HINT)


def size_mismatch(name: str, got: int, size: int) -> IntegrityError:
    return IntegrityError(
        f"“{name}” arrived damaged: the bytes received differ from the object on the server "
        f"({got} bytes instead of {size}).", _HINT)


def check_file_size(fd: int, size: int, name: str) -> None:
    """The last check before a temp file is renamed into place."""
    got = os.fstat(fd).st_size
    if got != size:
        raise size_mismatch(name, got, size)
