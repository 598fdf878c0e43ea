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

import ssl
from collections.abc import Callable
from dataclasses import dataclass

import aiohttp

from desktop_app.core.checksums import StoredChecksum, stored_checksums
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.transfer_types import SHA256_META
from desktop_app.storage.transfer_http import ca_file, etag_md5

CONNECT_TIMEOUT_S = 4.0
READ_TIMEOUT_S = 60.0
SHA256_HEADER = f"x-amz-meta-{SHA256_META}"


@dataclass(frozen=True, slots=True)
class Fetched:
    body: bytes
    etag: str
    sha256: str  # the `sha256` user metadata, lower case, "" when the object has none
    md5: str = ""  # the ETag when it is the MD5 of the bytes (see `etag_md5`), else ""
    checksums: tuple[StoredChecksum, ...] = ()  # what the GET's own headers say (no HEAD)


class ObjectFetcher:
    """Create and use on the loop's own thread (aiohttp sessions belong to one loop)."""

    def __init__(self, settings: ConnectionSettings, presign: Callable[[str, str], str],
                 connections: int) -> None:
        self._presign = presign
        self._ssl = ssl_for(settings)
        self._connections = connections
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._connections, ssl=self._ssl),
                timeout=aiohttp.ClientTimeout(sock_connect=CONNECT_TIMEOUT_S,
                                              sock_read=READ_TIMEOUT_S),
                auto_decompress=False,  # saved as stored: that is what the SHA-256 describes
                skip_auto_headers=("Accept-Encoding", "User-Agent"),
            )
        return self._session

    async def get(self, bucket: str, key: str, if_match: str, max_size: int) -> Fetched | None:
        """The whole object, or None when anything is out of the ordinary."""
        try:
            url = self._presign(bucket, key)
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

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


def ssl_for(settings: ConnectionSettings) -> ssl.SSLContext | bool:
    """The same trust as the adapter's urllib3 pool: the profile's CA bundle, or none."""
    if not settings.secure:
        return True  # plain http: no TLS is used at all
    if not settings.verify_tls:
        return False
    return ssl.create_default_context(cafile=ca_file(settings))
