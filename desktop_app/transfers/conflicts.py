"""What to do when the destination exists: overwrite, skip, keep both, or skip if identical.

"Identical" means the same size and, for an upload, the same full-object CRC (CRC64NVME, CRC32
or CRC32C, kept by the server or as our `crc64nvme` metadata) or the same SHA-256 (`sha256`
metadata); for a download, a local file that passes the check the download itself would
(`verify.file_passes`: any CRC, SHA-256 or MD5 the object allows). An object with none is
never assumed identical (we would rather send the bytes again than skip a different file).
The local file's hashes are taken lazily: a big file is read for them only when an object of
its size is there to compare with, and only the kind of hash it carries.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from desktop_app.core.checksums import Algo, Crc, from_b64
from desktop_app.core.errors import NotFound
from desktop_app.core.transfer_types import SHA256_META, ObjectHead
from desktop_app.transfers.options import ConflictPolicy

READ_SIZE = 1024 * 1024
Ask = Callable[[int], ConflictPolicy]  # existing size -> the policy the user chose


@dataclass(frozen=True, slots=True)
class Conflict:
    """What the user is asked about: the destination exists already."""

    upload: bool
    name: str  # the key (uploads) or the local path (downloads)
    existing_size: int
    new_size: int
    batch: int


# (conflict, checkpoint) -> (policy, apply to the rest of the batch); runs on a worker thread.
Resolver = Callable[[Conflict, Callable[[], None]], tuple[ConflictPolicy, bool]]


def file_sha256(path: Path, check: Callable[[], None] | None = None) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(READ_SIZE):
            digest.update(chunk)
            if check is not None:
                check()
    return digest.hexdigest()


def file_crc(path: Path, algo: Algo = Algo.CRC64NVME,
             check: Callable[[], None] | None = None) -> Crc:
    """The CRC of a whole file, read once into one reused buffer."""
    crc = Crc(algo)
    buffer = bytearray(4 * READ_SIZE)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as handle:
        while got := handle.readinto(buffer):
            crc.update(view[:got])
            if check is not None:
                check()
    return crc


@dataclass(frozen=True)
class LocalBytes:
    """A local file's size and, on demand, its hashes (each computed at most once)."""

    size: int
    crc_of: Callable[[Algo], Crc]
    sha256_of: Callable[[], str]
    _crcs: dict[Algo, Crc] = field(default_factory=dict, repr=False)

    @classmethod
    def of_file(cls, path: Path, size: int, check: Callable[[], None] | None = None,
                crc: Crc | None = None) -> LocalBytes:
        local = cls(size, lambda algo: file_crc(path, algo, check),
                    functools.cache(lambda: file_sha256(path, check)))
        if crc is not None:
            local._crcs[crc.algo] = crc
        return local

    @classmethod
    def of_data(cls, data: bytes | memoryview, crc: Crc, sha256: str = "") -> LocalBytes:
        """Bytes held in memory for as long as this is asked; the SHA-256 is hashed only
        when an existing object can be compared by nothing else."""
        def crc_of(algo: Algo) -> Crc:
            computed = Crc(algo)
            computed.update(data)
            return computed

        local = cls(len(data), crc_of,
                    functools.cache(lambda: sha256 or hashlib.sha256(data).hexdigest()))
        local._crcs[crc.algo] = crc
        return local

    def crc(self, algo: Algo) -> Crc:
        if algo not in self._crcs:
            self._crcs[algo] = self.crc_of(algo)
        return self._crcs[algo]


def identical(existing: ObjectHead, local: LocalBytes) -> bool:
    """Same size and the same full-object CRC or SHA-256 (see the module docstring)."""
    if existing.size != local.size:
        return False
    for stored in existing.checksums:
        algo = stored.crc
        if algo is not None:
            value = from_b64(algo, stored.value)
            return value is not None and value == local.crc(algo).value
    sha256 = existing.metadata.get(SHA256_META, "")
    return bool(sha256) and sha256 == local.sha256_of()


def numbered(name: str, n: int) -> str:
    """`report.pdf` -> `report (1).pdf`; dot-files and names without suffix keep their form."""
    stem, dot, suffix = name.rpartition(".")
    if not stem:
        return f"{name} ({n})"
    return f"{stem} ({n}){dot}{suffix}"


def remote_target(
    stat: Callable[[str, str], ObjectHead], policy: ConflictPolicy, bucket: str, key: str,
    local: LocalBytes, ask: Ask | None = None,
) -> str | None:
    """The key to upload to, or None to skip; `stat` (a HEAD with checksum mode) raises
    `NotFound` for a free key."""
    if policy is ConflictPolicy.OVERWRITE:
        return key
    try:
        existing = stat(bucket, key)
    except NotFound:
        return key
    if policy is ConflictPolicy.ASK:
        policy = ask(existing.size) if ask is not None else ConflictPolicy.KEEP_BOTH
        if policy is ConflictPolicy.OVERWRITE:
            return key
    if policy is ConflictPolicy.SKIP:
        return None
    if policy is ConflictPolicy.SKIP_IF_IDENTICAL:
        return None if identical(existing, local) else key
    path = PurePosixPath(key)
    parent = "" if str(path.parent) == "." else f"{path.parent}/"
    for n in range(1, 10_000):
        candidate = f"{parent}{numbered(path.name, n)}"
        try:
            stat(bucket, candidate)
        except NotFound:
            return candidate
    return None


def local_target(
    policy: ConflictPolicy, dest: Path, size: int, same: Callable[[Path], bool] | None,
    ask: Ask | None = None,
) -> Path | None:
    """The file to write, or None to skip; `same` says whether a local file of the object's
    size already holds its bytes (the check the download itself would pass)."""
    if not os.path.lexists(dest) or policy is ConflictPolicy.OVERWRITE:
        return dest
    if policy is ConflictPolicy.ASK:
        existing = dest.lstat().st_size
        policy = ask(existing) if ask is not None else ConflictPolicy.KEEP_BOTH
        if policy is ConflictPolicy.OVERWRITE:
            return dest
    if policy is ConflictPolicy.SKIP:
        return None
    if policy is ConflictPolicy.SKIP_IF_IDENTICAL:
        if (same is not None and dest.is_file() and not dest.is_symlink()
                and dest.stat().st_size == size and same(dest)):
            return None
        return dest
    for n in range(1, 10_000):
        candidate = dest.with_name(numbered(dest.name, n))
        if not os.path.lexists(candidate):
            return candidate
    return None
