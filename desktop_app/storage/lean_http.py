"""A lean HTTP/1.1 client for the small-file lanes: keep-alive connections on one asyncio
loop, one request at a time on each, the answer parsed by httptools (llhttp, the parser
behind Node.js and uvicorn).

Why not aiohttp, which the lanes used before: for a thousand 64 KiB GETs from one loop,
aiohttp spent 0.34-0.45 CPU-s of the client against 0.14-0.22 for a bare protocol that only
writes the request and feeds the answer to the parser (same server, same requests,
alternated runs); per file that was most of what the small-download lane cost beyond what
s5cmd costs in all. The lanes need little of what aiohttp offers: no cookies, no
redirects (never followed: a signed request replayed to another host would hand it our
signature), no proxies, no compression (bodies are saved as stored).

Only the happy path is known here. Anything out of the ordinary (no connection, a broken or
unparsable answer, a body over the caller's limit, a read that stalls) gives `None` and the
connection is dropped; the caller then takes the threaded path, which has the retries and
words the errors. A GET on a kept-alive connection that the server closed meanwhile is sent
once more on a fresh one: that is how keep-alive goes, not a failure.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import httptools

KEEP_IDLE_S = 15.0  # an idle connection older than this is closed, not reused
MAX_HEAD = 64 * 1024  # bytes an answer may take before its headers end (S3's take ~1 KiB)
_OWN_HEADERS = frozenset({"host", "content-length"})


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    headers: dict[str, str]  # names in lower case
    body: bytes


class _Connection(asyncio.Protocol):
    """One connection; `exchange` sends a request and waits for its whole answer."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._parser = httptools.HttpResponseParser(self)
        self._transport: asyncio.Transport | None = None
        self._waiter: asyncio.Future[Answer | None] | None = None
        self._headers: dict[str, str] = {}
        self._body: list[bytes] = []
        self._got = 0
        self._max_body = 0
        self._answered = False  # a byte of the current answer arrived
        self._head = 0  # bytes of the current answer received until its headers ended
        self._head_done = False
        self._broken = False  # set in a parser callback (they must not raise)
        self._timer: asyncio.TimerHandle | None = None
        self.last = loop.time()
        self.closed = False
        self.reusable = True

    # -- asyncio's side --
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        self.last = self._loop.time()
        if self._waiter is None:  # nothing was asked: not an HTTP peer we can trust
            self.close()
            return
        self._answered = True
        if not self._head_done:
            self._head += len(data)
            if self._head > MAX_HEAD + self._max_body:  # headers without end: not S3
                self._broken = True
        try:
            if not self._broken:
                self._parser.feed_data(data)
        except httptools.HttpParserError:
            self._broken = True
        if self._broken:
            self._finish(None)
            self.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self._finish(None)

    # -- httptools' side (callbacks must not raise) --
    def on_header(self, name: bytes, value: bytes) -> None:
        self._headers[name.decode("latin-1").lower()] = value.decode("latin-1")

    def on_headers_complete(self) -> None:
        self._head_done = True
        length = self._headers.get("content-length", "0")
        if not length.isdigit() or int(length) > self._max_body:
            self._broken = True

    def on_body(self, body: bytes) -> None:
        self._got += len(body)
        if self._got > self._max_body:  # a chunked answer, say, longer than allowed
            self._broken = True
        else:
            self._body.append(body)

    def on_message_complete(self) -> None:
        if self._broken:
            return
        self.reusable = self._parser.should_keep_alive()
        self._finish(Answer(self._parser.get_status_code(), self._headers,
                            b"".join(self._body)))

    # -- the pool's side --
    async def exchange(self, head: bytes, body: bytes | None, max_body: int,
                       read_timeout: float) -> Answer | None:
        transport = self._transport
        if transport is None or self.closed:
            return None
        self._headers, self._body, self._got = {}, [], 0
        self._max_body, self._answered, self._broken = max_body, False, False
        self._head, self._head_done = 0, False
        self.reusable = False  # until a whole answer says otherwise
        waiter: asyncio.Future[Answer | None] = self._loop.create_future()
        self._waiter = waiter
        self.last = self._loop.time()
        transport.write(head)
        if body:
            transport.write(body)
        self._timer = self._loop.call_later(read_timeout, self._check_stall, read_timeout)
        try:
            return await waiter
        finally:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._waiter is waiter:
                self._waiter = None

    @property
    def answered(self) -> bool:
        return self._answered

    def close(self) -> None:
        self.closed = True
        if self._transport is not None:
            self._transport.abort()
        self._finish(None)

    def _check_stall(self, read_timeout: float) -> None:
        """Nothing read for `read_timeout` seconds: give up; else look again later."""
        quiet = self._loop.time() - self.last
        if quiet >= read_timeout:
            self.close()
        elif self._waiter is not None:
            self._timer = self._loop.call_later(read_timeout - quiet, self._check_stall,
                                                read_timeout)

    def _finish(self, answer: Answer | None) -> None:
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(answer)


@dataclass(frozen=True, slots=True)
class _Origin:
    host: str
    port: int
    host_header: str


class LeanPool:
    """At most `limit` requests at once over kept-alive connections. Create and use on one
    loop (its thread); `tls` is None for plain http."""

    def __init__(self, limit: int, tls: ssl.SSLContext | None, connect_timeout: float,
                 read_timeout: float) -> None:
        self._tls = tls
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._limit = asyncio.Semaphore(limit)
        self._idle: dict[str, list[_Connection]] = {}
        self._busy: set[_Connection] = set()
        self._origins: dict[str, _Origin | None] = {}

    async def request(self, method: str, url: str, headers: Mapping[str, str],
                      body: bytes | None, max_body: int) -> Answer | None:
        """The whole answer of `method` on `url` (signed and encoded already), or None."""
        scheme, _, rest = url.partition("://")
        netloc, _, path = rest.partition("/")
        origin = self._origin(scheme, netloc)
        head = _head(method, "/" + path, origin, headers, body) if origin else None
        if origin is None or head is None:
            return None
        async with self._limit:
            for _attempt in range(2):
                reused, conn = self._take_idle(netloc)
                if conn is None:
                    conn = await self._connect(origin)
                    if conn is None:
                        return None
                self._busy.add(conn)
                try:
                    answer = await conn.exchange(head, body, max_body, self._read_timeout)
                finally:
                    self._busy.discard(conn)
                if answer is not None and conn.reusable and not conn.closed:
                    self._idle.setdefault(netloc, []).append(conn)
                else:
                    conn.close()
                if answer is not None or not reused or conn.answered or method != "GET":
                    return answer
                # A kept-alive connection the server had closed: once more on a fresh one.
        return None

    async def close(self) -> None:
        for conns in self._idle.values():
            for conn in conns:
                conn.close()
        self._idle.clear()
        for conn in list(self._busy):
            conn.close()

    def _origin(self, scheme: str, netloc: str) -> _Origin | None:
        """Where `netloc` is (parsed once); None for a scheme this pool does not speak."""
        if netloc not in self._origins:
            origin = None
            if scheme == ("https" if self._tls is not None else "http"):
                try:
                    parts = urlsplit(f"{scheme}://{netloc}")
                    port = parts.port or (443 if self._tls is not None else 80)
                    if parts.hostname:
                        origin = _Origin(parts.hostname, port, netloc)
                except ValueError:
                    origin = None
            self._origins[netloc] = origin
        return self._origins[netloc]

    def _take_idle(self, netloc: str) -> tuple[bool, _Connection | None]:
        idle = self._idle.get(netloc)
        now = asyncio.get_running_loop().time()
        while idle:
            conn = idle.pop()  # the most recently used: the least likely to be closed
            if not conn.closed and now - conn.last < KEEP_IDLE_S:
                return True, conn
            conn.close()
        return False, None

    async def _connect(self, origin: _Origin) -> _Connection | None:
        loop = asyncio.get_running_loop()
        try:
            _transport, conn = await asyncio.wait_for(loop.create_connection(
                lambda: _Connection(loop), origin.host, origin.port, ssl=self._tls,
                server_hostname=origin.host if self._tls is not None else None),
                self._connect_timeout)
        except (TimeoutError, OSError, ValueError):  # ssl's errors are OSErrors
            return None
        return conn


def _head(method: str, target: str, origin: _Origin, headers: Mapping[str, str],
          body: bytes | None) -> bytes | None:
    """The request line and headers; None when a part could split or bend the request
    (a line break in a header value, a space in the target, a character beyond Latin-1).
    Host and Content-Length are this function's to write (a signer may have them too)."""
    lines = [f"{method} {target} HTTP/1.1", f"Host: {origin.host_header}"]
    lines.extend(f"{name}: {value}" for name, value in headers.items()
                 if name.lower() not in _OWN_HEADERS)
    if body is not None:
        lines.append(f"Content-Length: {len(body)}")
    if " " in target or any("\r" in line or "\n" in line for line in lines):
        return None
    try:
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    except UnicodeEncodeError:
        return None
