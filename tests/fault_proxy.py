"""A tiny HTTP proxy in front of the real server that injects planned faults once each:
a connection reset, a truncated body, a body with one byte flipped ("corrupt"; on the way to
the server: "corrupt-request"), or a 503 SlowDown with Retry-After; and an outage:
`go_down()` cuts every open connection and refuses new ones until `come_back()`."""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOW_DOWN = (b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code>'
             b"<Message>Please reduce your request rate.</Message></Error>")


@dataclass
class Fault:
    kind: str  # "reset", "truncate", "corrupt", "corrupt-request", "503", or "lost" (done
    # upstream, answer dropped)
    matches: Callable[[str, str, dict[str, str]], bool]  # (method, path, headers)
    fired: bool = False


class FaultProxy:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.faults: list[Fault] = []
        self.fired: list[str] = []
        self.connections = 0  # client connections accepted (reuse keeps this low)
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def setup(self) -> None:
                super().setup()
                with proxy._lock:
                    proxy.connections += 1
                    proxy._open.add(self.connection)

            def finish(self) -> None:
                with proxy._lock:
                    proxy._open.discard(self.connection)
                with contextlib.suppress(OSError):
                    super().finish()

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k: v for k, v in self.headers.items()}
                fault = proxy._take(self.command, self.path, headers)
                if fault == "reset":
                    self.close_connection = True
                    self.connection.close()
                    return
                if fault == "503":
                    self.send_response(503)
                    self.send_header("Content-Type", "application/xml")
                    self.send_header("Retry-After", "1")
                    self.send_header("Content-Length", str(len(SLOW_DOWN)))
                    self.end_headers()
                    self.wfile.write(SLOW_DOWN)
                    return
                if fault == "corrupt-request" and body:  # damaged on the way to the server
                    middle = len(body) // 2
                    body = body[:middle] + bytes([body[middle] ^ 1]) + body[middle + 1:]
                conn = http.client.HTTPConnection(upstream_host, upstream_port, timeout=30)
                try:
                    conn.request(self.command, self.path, body=body or None, headers=headers)
                    resp = conn.getresponse()
                    data = resp.read()
                    if fault == "lost":  # the server did it; the client never hears
                        self.close_connection = True
                        self.connection.close()
                        return
                    if fault == "corrupt" and data:  # headers (ETag, length) stay true
                        middle = len(data) // 2
                        data = data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1:]
                    self.send_response(resp.status)
                    for key, value in resp.getheaders():
                        if key.lower() not in ("transfer-encoding", "connection",
                                               "content-length"):
                            self.send_header(key, value)
                    # A HEAD answer has no body but names the object's length.
                    length = resp.getheader("Content-Length") if self.command == "HEAD" \
                        else None
                    self.send_header("Content-Length", length or str(len(data)))
                    self.end_headers()
                    if fault == "truncate" and len(data) > 1:
                        self.wfile.write(data[: len(data) // 2])
                        self.wfile.flush()
                        self.close_connection = True
                        self.connection.close()
                        return
                    if self.command != "HEAD":
                        self.wfile.write(data)
                finally:
                    conn.close()

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle

        self._handler = Handler
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self.port = 0
        self._listen()

    def _listen(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def go_down(self) -> None:
        """Like a network cut: open connections break, new ones are refused."""
        self.stop()
        with self._lock:
            cut, self._open = list(self._open), set()
        for conn in cut:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def come_back(self) -> None:
        self._listen()
        self.start()

    def _take(self, method: str, path: str, headers: dict[str, str]) -> str:
        with self._lock:
            for fault in self.faults:
                if not fault.fired and fault.matches(method, path, headers):
                    fault.fired = True
                    self.fired.append(fault.kind)
                    return fault.kind
        return ""

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
