"""S3 additional checksums (CRC64NVME, CRC32, CRC32C): running values, combination, wire form.

A CRC of A||B is computed from crc(A), crc(B) and len(B), so parallel parts and ranges each
checksum their own bytes in their own worker and the results are combined in offset order: one
pass over the data, no ordering between workers. `awscrt` does the arithmetic (SIMD, and it
releases the GIL above a few KiB), except CRC32's running value: awscrt takes the fast path for
it only on AVX-512 machines and spends 0.44-0.52 CPU-s per GiB elsewhere (an AMD EPYC with
AVX2 and carry-less multiply), where ISA-L (`isal`) takes 0.09-0.11, also without the GIL.
CRC32 is what boto3 and the other AWS SDKs store by default, so most downloads of their
objects pay it. This module only names the algorithms, keeps the running state and converts
to and from the base64 big-endian form S3 sends in `x-amz-checksum-*`.

SHA-256 cannot be combined like this; it stays for content identity (duplicates), not for
checking transfers.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from awscrt import checksums as _crt
from isal import isal_zlib

# The user-metadata key that carries a CRC64NVME where the server keeps no checksum itself.
CRC64_META = "crc64nvme"
CHECKSUM_MODE = {"x-amz-checksum-mode": "ENABLED"}
FULL_OBJECT = "FULL_OBJECT"
COMPOSITE = "COMPOSITE"

_Buffer = bytes | bytearray | memoryview


class Algo(StrEnum):
    """The CRCs S3 can keep as a full-object checksum (the ones that combine)."""

    CRC64NVME = "CRC64NVME"
    CRC32 = "CRC32"
    CRC32C = "CRC32C"

    @property
    def header(self) -> str:
        """`x-amz-checksum-crc64nvme` and so on."""
        return f"x-amz-checksum-{self.value.lower()}"

    @property
    def width(self) -> int:
        """Bytes in the big-endian wire form."""
        return 8 if self is Algo.CRC64NVME else 4


_UPDATE: dict[Algo, Callable[[_Buffer, int], int]] = {
    Algo.CRC64NVME: _crt.crc64nvme,
    Algo.CRC32: isal_zlib.crc32,
    Algo.CRC32C: _crt.crc32c,
}
_COMBINE: dict[Algo, Callable[[int, int, int], int]] = {
    Algo.CRC64NVME: _crt.combine_crc64nvme,
    Algo.CRC32: _crt.combine_crc32,
    Algo.CRC32C: _crt.combine_crc32c,
}


def algo_named(name: str) -> Algo | None:
    """`Algo` from `crc64nvme`, `CRC32C`, ... or None for anything else (SHA1, SHA256...)."""
    try:
        return Algo(name.strip().upper())
    except ValueError:
        return None


class Crc:
    """A running CRC over bytes fed in order (one part, one range, or a whole file)."""

    __slots__ = ("_update", "algo", "length", "value")

    def __init__(self, algo: Algo = Algo.CRC64NVME, value: int = 0, length: int = 0) -> None:
        self.algo = algo
        self.value = value
        self.length = length
        self._update = _UPDATE[algo]

    def update(self, data: _Buffer) -> None:
        self.value = self._update(data, self.value)
        self.length += len(data)

    def then(self, other: Crc) -> Crc:
        """The CRC of this one's bytes followed by `other`'s."""
        if other.algo is not self.algo:
            raise ValueError("cannot combine CRCs of different algorithms")
        return Crc(self.algo, combine(self.algo, self.value, other.value, other.length),
                   self.length + other.length)

    def b64(self) -> str:
        return to_b64(self.algo, self.value)


def crc_of(data: _Buffer, algo: Algo = Algo.CRC64NVME) -> Crc:
    crc = Crc(algo)
    crc.update(data)
    return crc


def combine(algo: Algo, first: int, second: int, second_length: int) -> int:
    """crc(A||B) from crc(A), crc(B) and len(B)."""
    if second_length == 0:
        return first
    return _COMBINE[algo](first, second, second_length)


def combine_in_order(algo: Algo, pieces: Iterable[Crc]) -> Crc:
    """The CRC of the pieces' bytes laid end to end (pieces given in offset order)."""
    total = Crc(algo)
    for piece in pieces:
        total = total.then(piece)
    return total


def to_b64(algo: Algo, value: int) -> str:
    """The form S3 sends: base64 of the big-endian value."""
    return base64.b64encode(value.to_bytes(algo.width, "big")).decode("ascii")


def from_b64(algo: Algo, text: str) -> int | None:
    """The value of a header's base64 text, or None when it is not one of this algorithm."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(raw) != algo.width:
        return None
    return int.from_bytes(raw, "big")


@dataclass(frozen=True, slots=True)
class StoredChecksum:
    """One checksum the server (or the object's metadata) keeps for an object.

    `kind` is FULL_OBJECT or COMPOSITE; `parts` is the N of a composite `...-N` value."""

    algo: str  # "CRC64NVME", "CRC32", "CRC32C", "SHA256", "SHA1"
    kind: str
    value: str  # base64 as sent, without any "-N"
    parts: int = 0
    source: str = "server"  # "server" (x-amz-checksum-*) or "metadata" (x-amz-meta-crc64nvme)

    @property
    def crc(self) -> Algo | None:
        """The combinable algorithm, when this is a full-object CRC."""
        return algo_named(self.algo) if self.kind == FULL_OBJECT else None

    def label(self) -> str:
        """How the queue and Properties name it: "CRC64NVME", "CRC32C (composite, 4 parts)"."""
        if self.kind == COMPOSITE:
            return f"{self.algo} (composite, {self.parts} part{'s' if self.parts != 1 else ''})"
        return self.algo


_ALGOS = ("crc64nvme", "crc32c", "crc32", "sha256", "sha1")


def stored_checksums(headers: dict[str, str]) -> list[StoredChecksum]:
    """The checksums in a HEAD or GET answer (header names in lower case), strongest first.

    `x-amz-checksum-<alg>` values come with `x-amz-checksum-type` (a `-N` suffix also marks a
    composite one); the `crc64nvme` user metadata is what we write where the server keeps none."""
    found: list[StoredChecksum] = []
    declared = headers.get("x-amz-checksum-type", "").strip().upper()
    for name in _ALGOS:
        text = headers.get(f"x-amz-checksum-{name}", "").strip()
        if not text:
            continue
        value, _, count = text.partition("-")
        parts = int(count) if count.isdigit() else 0
        kind = COMPOSITE if (parts or declared == COMPOSITE) else FULL_OBJECT
        found.append(StoredChecksum(name.upper(), kind, value, parts))
    meta = headers.get(f"x-amz-meta-{CRC64_META}", "").strip()
    if meta and from_b64(Algo.CRC64NVME, meta) is not None:
        found.append(StoredChecksum("CRC64NVME", FULL_OBJECT, meta, source="metadata"))
    return found
