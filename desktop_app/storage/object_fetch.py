"""Whole small objects fetched on an asyncio loop (aiohttp), many at once from one thread.

A thread per small file spends more CPU handing Python's GIL between threads than on the
file itself: with a thousand 64 KiB objects, the threaded path made about 150 futex calls per
file. One event loop with a pool of keep-alive connections does the same GETs without that.

The fetcher only knows the happy path: a 200 with the whole body. Anything else (an error
status, a redirect, a dropped connection, a body larger than asked for) comes back as `None`,
and the caller takes the threaded path, which has the retries and turns errors into messages.
A redirect is never followed: a presigned URL replayed to another host would hand it the
signature, and its answer would be saved as our object. The requests are presigned by the
storage adapter, so no signing code lives here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from yarl import URL

from desktop_app.core.checksums import StoredChecksum, stored_checksums
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.transfer_types import SHA256_META
from desktop_app.storage.loop_session import LoopSession
from desktop_app.storage.transfer_http import etag_md5

SHA256_HEADER = f"x-amz-meta-{SHA256_META}"


@dataclass(frozen=True, slots=True)
class Fetched:
    body: bytes
    etag: str
    sha256: str  # the `sha256` user metadata, lower case, "" when the object has none
    md5: str = ""  # the ETag when it is the MD5 of the bytes (see `etag_md5`), else ""
    checksums: tuple[StoredChecksum, ...] = ()  # what the GET's own headers say (no HEAD)


class ObjectFetcher(LoopSession):
    """Create and use on the loop's own thread (aiohttp sessions belong to one loop)."""

    def __init__(self, settings: ConnectionSettings, presign: Callable[[str, str], str],
                 connections: int) -> None:
        super().__init__(settings, connections,
                         auto_decompress=False,  # saved as stored: what the checksums describe
                         skip_auto_headers=("Accept-Encoding", "User-Agent"))
        self._presign = presign

    async def get(self, bucket: str, key: str, if_match: str, max_size: int) -> Fetched | None:
        """The whole object, or None when anything is out of the ordinary."""
        try:
            # Already encoded and signed: yarl takes it as it is (no second quoting pass).
            url = URL(self._presign(bucket, key), encoded=True)
            headers = {"If-Match": f'"{if_match}"'} if if_match else {}
            async with self._open().get(url, headers=headers,
                                        allow_redirects=False) as response:
                if response.status != 200:
                    return None
                length = response.content_length
                if length is None or length > max_size:
                    return None
                body = await response.read()
                if len(body) != length:
                    return None
                etag = (response.headers.get("ETag") or "").strip('"')
                return Fetched(body, etag, (response.headers.get(SHA256_HEADER) or "").lower(),
                               etag_md5(etag, response.headers), tuple(stored_checksums(
                                   {k.lower(): v for k, v in response.headers.items()})))
        except Exception:
            return None
