"""Hostile ListObjectsV2 answers and a tiny loopback server that sends them: what a real S3
server never does (entity declarations, character references, pages far larger than asked
for), so the listing path can be tested against the bytes a broken or malicious endpoint
would send."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from desktop_app.core.connection import ConnectionSettings

HEAD = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
        b"<Name>hostile</Name><Prefix></Prefix><MaxKeys>1000</MaxKeys>")
TAIL = b"</ListBucketResult>"


def entry(key: bytes, size: int = 1) -> bytes:
    """One `<Contents>` in the layout S3 servers use; `key` is raw XML text."""
    return (b"<Contents><Key>" + key + b"</Key><LastModified>2024-05-01T10:00:00.000Z"
            b"</LastModified><ETag>&quot;9dd4e461268c8034f5c8564e155c67a6&quot;</ETag><Size>"
            + str(size).encode() + b"</Size><StorageClass>STANDARD</StorageClass></Contents>")


def listing(*entries: bytes, truncated: bytes = b"false", extra: bytes = b"",
            prolog: bytes = b"") -> bytes:
    """A whole answer: optional prolog (after the XML declaration), then the entries."""
    head = HEAD.replace(b"\n", b"\n" + prolog) if prolog else HEAD
    return (head + b"<IsTruncated>" + truncated + b"</IsTruncated>" + extra + b"".join(entries)
            + TAIL)


# Nine levels of ten: expanded it would be 10^9 "lol"s. In the layout of a real answer.
BILLION_LAUGHS = listing(
    entry(b"&lol9;"),
    prolog=b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b"<!ENTITY lol%d \"%s\">" % (n, b"&lol%d;" % (n - 1) * 10 if n > 1
                                                   else b"&lol;" * 10) for n in range(1, 10))
    + b"]>\n",
)


def flood_chunks(keys: int, per_chunk: int = 1000) -> Iterator[bytes]:
    """A page of `keys` entries (about 324 bytes each, as a real flood was), made lazily."""
    yield listing().removesuffix(TAIL)
    for first in range(0, keys, per_chunk):
        yield b"".join(entry(b"flood/obj-%012d-%s" % (n, b"x" * 120))
                       for n in range(first, min(first + per_chunk, keys)))
    yield TAIL


@dataclass
class HostileServer:
    """What the server was asked and how much it got out before the client hung up."""

    port: int
    queries: list[dict[str, str]] = field(default_factory=list)
    bytes_sent: int = 0
    finished: threading.Event = field(default_factory=threading.Event)

    def settings(self) -> ConnectionSettings:
        return ConnectionSettings(
            name="hostile", host="127.0.0.1", port=self.port, secure=False,
            access_key="HOSTILEKEY", secret_key="hostile-secret-never-shown",
            region="us-east-1",
        )


Answer = Callable[[dict[str, str]], Iterable[bytes]]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        record = self.server.record
        query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
        record.queries.append(query)
        try:
            chunks = self.server.answer(query)
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            if self.server.declared_length is not None:
                self.send_header("Content-Length", str(self.server.declared_length))
            self.send_header("Connection", "close")  # no length: the body ends at close
            self.end_headers()
            for chunk in chunks:
                self.wfile.write(chunk)
                record.bytes_sent += len(chunk)
            self.wfile.flush()
        except OSError:  # the client hung up mid-body: that is what a bounded reader does
            pass
        finally:
            self.close_connection = True
            record.finished.set()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    record: HostileServer
    answer: Answer
    declared_length: int | None


@contextlib.contextmanager
def hostile_server(answer: Answer | bytes,
                   declared_length: int | None = None) -> Iterator[HostileServer]:
    """A loopback "S3 server" answering every GET with `answer` (bytes, or chunks made from
    the request's query); `declared_length` sends a Content-Length header."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.answer = (lambda _query: [answer]) if isinstance(answer, bytes) else answer
    server.declared_length = declared_length
    server.record = HostileServer(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.record
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
