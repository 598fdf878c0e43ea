"""Copy one object between two connections (two servers, or two accounts on one), without Qt.

A server-side copy cannot cross servers, so the bytes pass through this process: small
objects in one read (no temp file), big ones streamed from `iter_chunks` straight into
`put_stream` with their known length, so memory stays at a chunk plus one upload part whatever
the size. Content type and user metadata are read first (one HEAD) and written again; the
download is pinned to that ETag, so a source replaced half-way fails instead of mixing.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

from desktop_app.storage.protocol import Storage

# Up to this size an object is read whole into memory; above it, streamed.
SMALL_OBJECT = 8 << 20
CHUNK = 1 << 20


class ChunkReader(io.RawIOBase):
    """A read-only file over an iterator of byte chunks; `check()` runs before each chunk
    (it raises to cancel) and `on_bytes(n)` after each (progress)."""

    def __init__(self, chunks: Iterator[bytes], check: Callable[[], None] | None = None,
                 on_bytes: Callable[[int], None] | None = None) -> None:
        super().__init__()
        self._chunks = chunks
        self._check = check
        self._on_bytes = on_bytes
        self._buffer = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        parts: list[bytes] = []
        wanted = size if size is not None and size >= 0 else None
        have = 0
        while wanted is None or have < wanted:
            if not self._buffer:
                if self._done:
                    break
                if self._check is not None:
                    self._check()
                try:
                    self._buffer = next(self._chunks)
                except StopIteration:
                    self._done = True
                    break
                if self._on_bytes is not None:
                    self._on_bytes(len(self._buffer))
            take = self._buffer if wanted is None else self._buffer[: wanted - have]
            self._buffer = self._buffer[len(take):]
            parts.append(take)
            have += len(take)
        return b"".join(parts)

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        closer = getattr(self._chunks, "close", None)
        if closer is not None:
            closer()  # a generator left half-read releases its connection
        super().close()


def stream_copy(
    src: Storage, src_bucket: str, src_key: str,
    dst: Storage, dst_bucket: str, dst_key: str,
    check: Callable[[], None] | None = None,
    small_limit: int = SMALL_OBJECT,
    on_bytes: Callable[[int], None] | None = None,
) -> int:
    """Copy one object from `src` to `dst`, keeping content type and user metadata; returns
    the number of bytes copied."""
    stat = src.stat(src_bucket, src_key)
    content_type = stat.content_type or "application/octet-stream"
    metadata = dict(stat.metadata) or None
    chunks = src.iter_chunks(src_bucket, src_key, if_match=stat.etag or None, chunk_size=CHUNK)
    reader = ChunkReader(chunks, check, on_bytes)
    try:
        if stat.size <= small_limit:
            data = reader.read()
            dst.put_stream(dst_bucket, dst_key, io.BytesIO(data), len(data), content_type,
                           metadata)
            return len(data)
        dst.put_stream(dst_bucket, dst_key, reader, stat.size, content_type, metadata)  # type: ignore[arg-type]
        return stat.size
    finally:
        reader.close()
