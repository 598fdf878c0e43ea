"""Whole small objects sent on an asyncio loop: the small-upload lane's PUTs.

The SDK builds each request in Python over urllib3, and a thread per file hands the GIL
around: for a thousand 64 KiB files that was most of the client's CPU. One event loop with
a pool of keep-alive connections sends the same PUTs for less.

Only the happy path is known here: the answer is a status (200: stored), or 0 when the
request did not get one (a dropped connection, a timeout). Anything but 200 sends the file
back to the threaded path, which retries and turns errors into messages. A redirect is never
followed: the signed request replayed to another host would hand it our signature. The
requests are signed by the storage adapter (`sign`), so no signing code lives here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.core.checksums import Crc
from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.loop_session import LoopSession

log = logging.getLogger(__name__)
ERROR_BODY_MAX = 64 * 1024  # an error's XML is read (so the connection is kept) up to this


@dataclass(frozen=True, slots=True)
class PutRequest:
    """One single PUT as the threaded path's `put_bytes` sends it."""

    bucket: str
    key: str
    length: int
    content_type: str
    metadata: dict[str, str]
    checksum: Crc  # the server checks the body against it (BadDigest otherwise)
    if_absent: bool  # `If-None-Match: *`: refused (412) when the key is taken


# (request) -> (URL, headers including Authorization); raises when it cannot be signed.
Signer = Callable[[PutRequest], tuple[str, dict[str, str]]]


class ObjectPutter(LoopSession):
    """Create and use on the loop's own thread (see LoopSession)."""

    def __init__(self, settings: ConnectionSettings, sign: Signer, connections: int) -> None:
        super().__init__(settings, connections)
        self._sign = sign

    async def put(self, request: PutRequest, body: bytes) -> int:
        """The answer's status (200: stored), or 0 when there was none."""
        if len(body) != request.length:
            return 0
        try:
            url, headers = self._sign(request)
            # An error's XML is read too (up to ERROR_BODY_MAX), so the connection can
            # serve the next PUT; a longer answer counts as none.
            answer = await self._request("PUT", url, headers, body, ERROR_BODY_MAX)
            if answer is None:
                log.debug("Small upload of %s got no whole answer", request.key)
                return 0
            if answer.status != 200:
                log.debug("Small upload of %s answered %s", request.key, answer.status)
            return answer.status
        except Exception:
            log.debug("Small upload of %s got no answer", request.key, exc_info=True)
            return 0
