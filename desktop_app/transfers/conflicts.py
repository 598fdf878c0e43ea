"""What to do when the destination exists: overwrite, skip, keep both, or skip if identical.

"Identical" means same size and same SHA-256; an object without a `sha256` is never assumed
identical (we would rather send the bytes again than skip a different file).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from desktop_app.core.errors import NotFound
from desktop_app.core.transfer_types import SHA256_META
from desktop_app.core.types import ObjectStat
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


def numbered(name: str, n: int) -> str:
    """`report.pdf` -> `report (1).pdf`; dot-files and names without suffix keep their form."""
    stem, dot, suffix = name.rpartition(".")
    if not stem:
        return f"{name} ({n})"
    return f"{stem} ({n}){dot}{suffix}"


def remote_target(
    stat: Callable[[str, str], ObjectStat], policy: ConflictPolicy, bucket: str, key: str,
    size: int, sha256: str, ask: Ask | None = None,
) -> str | None:
    """The key to upload to, or None to skip; `stat` raises `NotFound` for a free key."""
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
        same = existing.size == size and existing.metadata.get(SHA256_META, "") == sha256
        return None if same else key
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
    policy: ConflictPolicy, dest: Path, size: int, sha256: str | None, ask: Ask | None = None
) -> Path | None:
    """The file to write, or None to skip."""
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
        if (sha256 and dest.is_file() and not dest.is_symlink()
                and dest.stat().st_size == size and file_sha256(dest) == sha256):
            return None
        return dest
    for n in range(1, 10_000):
        candidate = dest.with_name(numbered(dest.name, n))
        if not os.path.lexists(candidate):
            return candidate
    return None
