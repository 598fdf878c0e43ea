"""A minimal hostile S3 object server on loopback: it answers HEAD and GET (with ranges) for
any path with one object's bytes, and can misbehave in one planned way:

- "redirect": every request gets a 307 to `redirect_port` (with a signed-looking query);
- "flip": the body has one byte flipped while the ETag stays the real MD5;
- "short-close": the right Content-Length, half the bytes, then the connection is closed;
- "short-length": a 200 with only the first `SHORT` bytes and a Content-Length that says so.

No signature is checked: the tests only care what the client does with the answers.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SHORT = 24
SECRET_QUERY = "X-Amz-Credential=leaky&X-Amz-Signature=0123456789abcdef"
_RANGE = re.compile(r"bytes=(\d+)-(\d*)$")


class ObjectServer:
    def __init__(self, body: bytes, mode: str = "ok", redirect_port: int = 0,
                 etag: str | None = None) -> None:
        self.body = body
        self.mode = mode
        self.redirect_port = redirect_port
        self.etag = hashlib.md5(body, usedforsecurity=False).hexdigest() if etag is None else etag
        self.requests: list[tuple[str, str]] = []  # (method, path with query)
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_HEAD(self) -> None:
                server._answer(self, with_body=False)

            def do_GET(self) -> None:
                server._answer(self, with_body=True)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def served(self) -> bytes:
        """The bytes this server hands out as the object (one flipped in "flip" mode)."""
        if self.mode != "flip" or not self.body:
            return self.body
        middle = len(self.body) // 2
        return self.body[:middle] + bytes([self.body[middle] ^ 0x01]) + self.body[middle + 1:]

    def _answer(self, handler: BaseHTTPRequestHandler, with_body: bool) -> None:
        with self._lock:
            self.requests.append((handler.command, handler.path))
        if self.mode == "redirect":
            path = handler.path.split("?", 1)[0]
            handler.send_response(307)
            handler.send_header("Location", f"http://127.0.0.1:{self.redirect_port}{path}"
                                            f"?{SECRET_QUERY}")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        data, status, content_range = self.served(), 200, ""
        found = _RANGE.match(handler.headers.get("Range", ""))
        if found and self.mode != "short-length":
            start = int(found.group(1))
            end = min(int(found.group(2) or len(data) - 1), len(data) - 1)
            status, content_range = 206, f"bytes {start}-{end}/{len(data)}"
            data = data[start:end + 1]
        if self.mode == "short-length":
            data = data[:SHORT]
        handler.send_response(status)
        handler.send_header("Content-Type", "application/octet-stream")
        handler.send_header("Last-Modified", "Wed, 01 Jan 2025 00:00:00 GMT")
        handler.send_header("Accept-Ranges", "bytes")
        if self.etag:
            handler.send_header("ETag", f'"{self.etag}"')
        if content_range:
            handler.send_header("Content-Range", content_range)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        if not with_body:
            return
        if self.mode == "short-close":
            handler.wfile.write(data[: len(data) // 2])
            handler.wfile.flush()
            handler.close_connection = True
            with contextlib.suppress(OSError):
                handler.connection.shutdown(2)
            return
        handler.wfile.write(data)

    def start(self) -> ObjectServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
