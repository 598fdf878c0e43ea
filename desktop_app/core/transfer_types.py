"""Plain data the transfer engine exchanges with the storage adapter (no SDK types leak out).

Kept apart from `core/types.py` so the browsing types stay small; all are frozen and safe to
hand between threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from desktop_app.core.checksums import StoredChecksum

SHA256_META = "sha256"  # user metadata key holding the hex SHA-256 of the whole object


@dataclass(frozen=True, slots=True)
class KnownSha256:
    """The SHA-256 of a local file read before it was queued (an upload rule needed it), with
    the size and modification time the file had then. A multipart upload stores it only while
    the file still has both: it hashes nothing itself (that would take a second read)."""

    size: int
    mtime_ns: int  # 0: not known (the file changed while it was read)
    hexdigest: str

    def fits(self, size: int, mtime_ns: int) -> bool:
        return bool(self.mtime_ns) and (self.size, self.mtime_ns) == (size, mtime_ns)


@dataclass(frozen=True, slots=True)
class PartInfo:
    """One uploaded part of a multipart upload, as the server lists it."""

    number: int
    etag: str
    size: int
    checksum: str = ""  # the part's CRC64NVME (base64) when it was sent with one


@dataclass(frozen=True, slots=True)
class MultipartUploadInfo:
    """An unfinished multipart upload on the server (for resume and for clean-up)."""

    bucket: str
    key: str
    upload_id: str
    initiated: datetime | None
    size: int = 0  # sum of the parts already stored, when known


@dataclass(frozen=True, slots=True)
class RemoteObject:
    """A listed object under a prefix (recursive listing for folder downloads)."""

    key: str
    size: int
    etag: str


class BodyReader(Protocol):
    """The streaming body of a (ranged) GET."""

    def readinto(self, buffer: memoryview) -> int:
        """Fill `buffer` (fully unless the body ends); 0 at the end."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class ObjectBody:
    """An open GET: what the server says the whole object is, plus the body stream."""

    etag: str
    total_size: int
    content_length: int
    body: BodyReader
    metadata: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    md5: str = ""  # the ETag when it is the MD5 of the bytes (single-part, no SSE-C/KMS)
    # What the answer says the whole object's checksums are: a whole-object GET sent with
    # `x-amz-checksum-mode: ENABLED` carries them, a ranged one does not.
    checksums: tuple[StoredChecksum, ...] = field(default=(), hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class ObjectHead:
    """A HEAD with checksum mode: what a download is checked against, read before its ranges.

    Asked with a part number, `part_offset`/`part_length` are that part's place in the object
    (from Content-Range) and `parts_count` how many parts it has (0: not a multipart object,
    or the server does not say)."""

    etag: str
    size: int
    metadata: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    md5: str = ""
    checksums: tuple[StoredChecksum, ...] = field(default=(), hash=False, compare=False)
    parts_count: int = 0
    part_offset: int = 0
    part_length: int = 0
