"""Tiny loopback servers for doctor cases a real S3 server cannot be made to show: a clock
far off, a region it insists on, a TLS port with an expired certificate, a port that accepts
connections and never answers, and one whose connection queue is full (connects time out)."""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

_ERROR = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code>'
    "<Message>{message}</Message>{extra}<RequestId>F4KE</RequestId></Error>"
)


_BUCKETS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult><Owner><ID>fake</ID>'
    "</Owner><Buckets></Buckets></ListAllMyBucketsResult>"
)


class _S3ErrorHandler(BaseHTTPRequestHandler):
    """Anonymous requests get AccessDenied; signed ones get the server's chosen error, or an
    empty bucket list when it has none."""

    server: _FakeS3

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _answer(self, body: bool) -> None:
        fake = self.server
        if "Authorization" in self.headers and fake.signed_error is None:
            status, payload = 200, _BUCKETS.encode()
        else:
            if "Authorization" in self.headers and fake.signed_error is not None:
                status, code, message, extra = fake.signed_error
            else:
                status, code, message, extra = 403, "AccessDenied", "Access Denied.", ""
            payload = _ERROR.format(code=code, message=message, extra=extra).encode()
        self.send_response_only(status)
        self.send_header("Server", "FakeS3/1.0")
        self.send_header("Date", formatdate(fake.clock(), usegmt=True))
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("x-amz-request-id", "F4KE")
        self.end_headers()
        if body:
            self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _FakeS3(ThreadingHTTPServer):
    daemon_threads = True
    signed_error: tuple[int, str, str, str] | None

    skew_s = 0.0

    def clock(self) -> float:
        return time.time() + self.skew_s


@contextlib.contextmanager
def fake_s3(
    signed_error: tuple[int, str, str, str] | None, skew_s: float = 0.0
) -> Iterator[int]:
    """An HTTP server on loopback answering like S3 would in a given failure; yields its port."""
    server = _FakeS3(("127.0.0.1", 0), _S3ErrorHandler)
    server.signed_error = signed_error
    server.skew_s = skew_s
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@contextlib.contextmanager
def tls_listener(cert: Path, key: Path) -> Iterator[int]:
    """A TLS port that completes handshakes with the given certificate, then hangs up."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _addr = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                with contextlib.suppress(OSError, ssl.SSLError):
                    context.wrap_socket(conn, server_side=True).close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(5)
        listener.close()


@contextlib.contextmanager
def silent_listener() -> Iterator[int]:
    """Accepts TCP connections (the kernel does) but never reads or answers."""
    listener = socket.create_server(("127.0.0.1", 0), backlog=8)
    try:
        yield listener.getsockname()[1]
    finally:
        listener.close()


@contextlib.contextmanager
def full_backlog() -> Iterator[int]:
    """A port whose connection queue is full: the kernel drops new SYNs, so a connect hangs
    exactly as it does for a dead or firewalled host."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    filler = socket.create_connection(("127.0.0.1", port), timeout=2)
    try:
        yield port
    finally:
        filler.close()
        listener.close()
