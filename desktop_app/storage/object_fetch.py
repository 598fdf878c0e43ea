"""Whole small objects fetched on an asyncio loop, many at once from one thread.

A thread per small file spends more CPU handing Python's GIL between threads than on the
file itself: with a thousand 64 KiB objects, the threaded path made about 150 futex calls per
file. One event loop with a pool of keep-alive connections does the same GETs without that.

The fetcher only knows the happy path: a 200 with the whole body. Anything else (an error
status, a redirect, a dropped connection, a body larger than asked for) comes back as `None`,
and the caller takes the threaded path, which has the retries and turns errors into messages.
A redirect is never followed: a signed request replayed to another host would hand it the
signature, and its answer would be saved as our object. The requests are signed by the
storage adapter, so no signing code lives here.

No `If-Match` is sent: the answer's ETag is compared with the one asked for instead, and a
different one (or none) hands the file to the threaded path (whose `If-Match` then says the object
changed). SeaweedFS looks the object up once more for a conditional GET, a fifth of the extra
server time our small GETs cost against s5cmd's in its profile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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
    """Create and use on the loop's own thread (see LoopSession). No Accept-Encoding is
    sent, so the body comes as stored: what its checksums describe."""

    def __init__(self, settings: ConnectionSettings,
                 sign: Callable[[str, str], tuple[str, dict[str, str]]],
                 connections: int) -> None:
        super().__init__(settings, connections)
        self._sign = sign

    async def get(self, bucket: str, key: str, if_match: str, max_size: int) -> Fetched | None:
        """The whole object, or None when anything is out of the ordinary (also an ETag
        other than `if_match`, when given)."""
        try:
            url, headers = self._sign(bucket, key)
            answer = await self._request("GET", url, headers, None, max_size)
            if answer is None or answer.status != 200:
                return None
            found = answer.headers
            if found.get("content-length") != str(len(answer.body)):  # chunked, say
                return None
            etag = found.get("etag", "").strip('"')
            if if_match and etag != if_match:
                return None
            return Fetched(answer.body, etag, found.get(SHA256_HEADER, "").lower(),
                           etag_md5(etag, found), tuple(stored_checksums(found)))
        except Exception:
            return None
