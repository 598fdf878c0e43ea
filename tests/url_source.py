"""A web server on loopback that URL imports fetch from, with one path per behaviour:

- `/files/<name>`: the body with its length (Content-Type from `types`, none if absent),
  ranges honoured with an ETag (`ranges=False` ignores them);
- `/named`: a Content-Disposition with `filename*` (RFC 6266) and a plain fallback;
- `/hop/<n>`: a 302 to `/hop/<n-1>`, `/hop/0` is the body; `/to/<url>` a 302 to that URL
  (redirects set a cookie, which must never come back);
- `/nolength`: the body with no Content-Length (closed when done, HTTP/1.0 style);
- `/stall`: half the body, then nothing for `stall_s` (while `stalls` > 0);
- `/slow`: the body in 256 KiB pieces, `slow_s` apart.

Every request is recorded (method, path, headers) for the tests to check what was sent.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

_RANGE = re.compile(r"bytes=(\d+)-$")


class UrlSource:
    def __init__(self, body: bytes, tls: tuple[Path, Path] | None = None) -> None:
        """`tls`: (certificate, key) files to serve https instead of http."""
        self.body = body
        self.types: dict[str, str] = {}
        self.ranges = True
        self.stalls = 0
        self.stall_s = 3.0
        self.slow_s = 0.02
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self._lock = threading.Lock()
        source = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                with source._lock:
                    source.requests.append((self.command, self.path, dict(self.headers)))
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    source._answer(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        if tls is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(tls[0], tls[1])
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
            self.url = f"https://127.0.0.1:{self.port}"
        self.etag = '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"'
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _answer(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path
        if path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            if n > 0:
                return self._redirect(h, f"/hop/{n - 1}")
            return self._whole(h, "text/plain")
        if path.startswith("/to/"):
            return self._redirect(h, unquote(path[4:]))
        if path == "/named":
            return self._whole(h, "text/plain; charset=utf-8", {
                "Content-Disposition": "attachment; filename=\"resume.txt\"; "
                "filename*=UTF-8''..%2F..%2Fr%C3%A9sum%C3%A9%20final.txt"})
        if path == "/nolength":
            h.send_response(200)
            h.send_header("Connection", "close")
            h.end_headers()
            h.close_connection = True
            for i in range(0, len(self.body), 65536):
                h.wfile.write(self.body[i:i + 65536])
            return None
        if path == "/stall":
            if self.stalls > 0:
                self.stalls -= 1
                h.send_response(200)
                h.send_header("Content-Length", str(len(self.body)))
                h.send_header("Accept-Ranges", "bytes")
                h.send_header("ETag", self.etag)
                h.end_headers()
                h.wfile.write(self.body[:len(self.body) // 2])
                h.wfile.flush()
                time.sleep(self.stall_s)
                h.close_connection = True
                return None
            return self._whole(h, "")
        if path == "/slow":
            return self._whole(h, "", slow=True)
        name = unquote(path.split("?", 1)[0].rsplit("/", 1)[-1])
        return self._whole(h, self.types.get(name, ""))

    def _redirect(self, h: BaseHTTPRequestHandler, location: str) -> None:
        h.send_response(302)
        h.send_header("Location", location)
        h.send_header("Set-Cookie", "session=from-the-source; Path=/")
        h.send_header("Content-Length", "0")
        h.end_headers()

    def _whole(self, h: BaseHTTPRequestHandler, ctype: str,
               extra: dict[str, str] | None = None, slow: bool = False) -> None:
        start = 0
        match = _RANGE.match(h.headers.get("Range", ""))
        if self.ranges and match and h.headers.get("If-Range") == self.etag:
            start = int(match.group(1))
        data = self.body[start:]
        h.send_response(206 if start else 200)
        if ctype:
            h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(data)))
        if self.ranges:
            h.send_header("Accept-Ranges", "bytes")
            h.send_header("ETag", self.etag)
        if start:
            h.send_header("Content-Range", f"bytes {start}-{len(self.body) - 1}/"
                                           f"{len(self.body)}")
        for name, value in (extra or {}).items():
            h.send_header(name, value)
        h.end_headers()
        step = 256 * 1024
        for i in range(0, len(data), step):
            h.wfile.write(data[i:i + step])
            if slow:
                h.wfile.flush()
                time.sleep(self.slow_s)
