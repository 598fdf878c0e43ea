"""Checksums for the sync compare, read only for the keys that need them.

The listing gives each object's ETag; for a single-part upload without SSE-KMS/SSE-C that is
the hex MD5 of its bytes, so the local MD5 is compared with it (no request). A multipart ETag
(`<hex>-<parts>`) is not an MD5 of the bytes; such objects are compared by their full-object
CRC64NVME when `remote_crc` can fetch it (one HEAD each, only for equal-size candidates; the
local CRC64NVME is then computed), else by times. A file that changed size or vanished since
the scan answers None: the compare falls back to times rather than guess.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

from desktop_app.core.checksums import Algo, Crc
from desktop_app.core.local_scan import LocalEntry
from desktop_app.core.sync_compare import RemoteEntry

CHUNK = 1 << 20
_MD5 = re.compile(r"[0-9a-fA-F]{32}")

# Given an object, its full-object CRC64NVME (base64) or None (no such checksum, or no access).
RemoteCrc = Callable[[RemoteEntry], str | None]


def md5_etag(etag: str) -> bool:
    """Whether an ETag can be the MD5 of the object's bytes (a single-part upload)."""
    return len(etag) == 32 and _MD5.fullmatch(etag) is not None


class LocalChecksums:
    """The `ChecksumSource` of a local folder (thread safe: nothing shared is written)."""

    def __init__(self, root: Path, remote_crc: RemoteCrc | None = None) -> None:
        self.root = root
        self.remote_crc = remote_crc
        self._base = os.fspath(root) + os.sep
        self._sep = None if os.sep == "/" else os.sep

    def wants(self, remote: RemoteEntry) -> bool:
        return md5_etag(remote.etag) or (self.remote_crc is not None and "-" in remote.etag)

    def same_bytes(self, local: LocalEntry, remote: RemoteEntry) -> bool | None:
        key = local.key if self._sep is None else local.key.replace("/", self._sep)
        path = self._base + key  # joined as text: a Path per file costs more than its MD5
        if md5_etag(remote.etag):
            digest = local_md5(path, local.size)
            return None if digest is None else digest == remote.etag.lower()
        if self.remote_crc is None:
            return None
        wanted = self.remote_crc(remote)
        if wanted is None:
            return None
        crc = local_crc64(path, local.size)
        return None if crc is None else crc == wanted


def local_md5(path: str | Path, size: int) -> str | None:
    """Hex MD5 of a file; None when it cannot be read or is no longer `size` bytes."""
    digest = hashlib.md5(usedforsecurity=False)
    return digest.hexdigest() if _feed(path, size, digest.update) else None


def local_crc64(path: str | Path, size: int) -> str | None:
    """Base64 CRC64NVME of a file (the wire form S3 uses); None as for `local_md5`."""
    crc = Crc(Algo.CRC64NVME)
    return crc.b64() if _feed(path, size, crc.update) else None


def _feed(path: str | Path, size: int, update: Callable[[bytes], None]) -> bool:
    """Read the file through `update`; plain descriptors, as most files are a few KiB."""
    seen = 0
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        while chunk := os.read(handle, CHUNK):
            update(chunk)
            seen += len(chunk)
    except OSError:
        return False
    finally:
        os.close(handle)
    return seen == size
