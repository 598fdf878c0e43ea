"""The connection pool both small-file lanes use: keep-alive connections on one event loop
(see lean_http), with the same trust as the adapter's urllib3 pool, and no redirect ever
followed (a 3xx is an answer like any other, which the lanes do not take)."""

from __future__ import annotations

import ssl
from collections.abc import Mapping

from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.lean_http import Answer, LeanPool
from desktop_app.storage.transfer_http import ca_file

CONNECT_TIMEOUT_S = 4.0
READ_TIMEOUT_S = 60.0


def tls_for(settings: ConnectionSettings) -> ssl.SSLContext | None:
    """The same trust as the adapter's urllib3 pool: the profile's CA bundle, none when the
    profile turns checking off, and no TLS at all for plain http."""
    if not settings.secure:
        return None
    if not settings.verify_tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    return ssl.create_default_context(cafile=ca_file(settings))


class LoopSession:
    """Create and use on the loop's own thread: the pool's connections belong to its loop.
    Building it fails (and the lane takes nothing) when the CA bundle cannot be read."""

    def __init__(self, settings: ConnectionSettings, connections: int) -> None:
        self._pool = LeanPool(connections, tls_for(settings), CONNECT_TIMEOUT_S,
                              READ_TIMEOUT_S)

    async def _request(self, method: str, url: str, headers: Mapping[str, str],
                       body: bytes | None, max_body: int) -> Answer | None:
        return await self._pool.request(method, url, headers, body, max_body)

    async def close(self) -> None:
        await self._pool.close()
