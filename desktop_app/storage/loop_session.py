"""The aiohttp session both small-file lanes use: one pool of keep-alive connections on one
event loop, with the same trust as the adapter's urllib3 pool and no redirect ever followed
(each request passes `allow_redirects=False`)."""

from __future__ import annotations

import ssl
from typing import Any

import aiohttp

from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.transfer_http import ca_file

CONNECT_TIMEOUT_S = 4.0
READ_TIMEOUT_S = 60.0


def ssl_for(settings: ConnectionSettings) -> ssl.SSLContext | bool:
    """The same trust as the adapter's urllib3 pool: the profile's CA bundle, or none."""
    if not settings.secure:
        return True  # plain http: no TLS is used at all
    if not settings.verify_tls:
        return False
    return ssl.create_default_context(cafile=ca_file(settings))


class LoopSession:
    """Create and use on the loop's own thread (aiohttp sessions belong to one loop); the
    session opens on first use with `session_options` (what the lane needs beyond the pool)."""

    def __init__(self, settings: ConnectionSettings, connections: int,
                 **session_options: Any) -> None:
        self._ssl = ssl_for(settings)
        self._connections = connections
        self._options = session_options
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._connections, ssl=self._ssl),
                timeout=aiohttp.ClientTimeout(sock_connect=CONNECT_TIMEOUT_S,
                                              sock_read=READ_TIMEOUT_S),
                **self._options,
            )
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
