"""A small S3 server on loopback that misbehaves on purpose, for the reliability suite.

It keeps buckets, objects and multipart uploads in memory, accepts any signature, and answers
the calls the app makes (ListBuckets, ListObjectsV2, HEAD, ranged GET with If-Match, PUT with
If-None-Match, the multipart calls). Single-part objects get their MD5 as ETag, as S3 gives
them; objects can carry `x-amz-meta-sha256` like the app's own uploads. A test then plans
misbehaviours per kind of request: a 307 redirect to another port that serves other bytes, a
body cut off, a body shorter or longer than the object behind a lying Content-Length, one
corrupted byte, a raw XML answer for a listing, an error status, or the object replaced
right after a GET. Every request is logged, so a test can see what went where and when.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from tests.hostile_s3_answers import NS, Data, S3Answers, Sized, Stored, Upload, error_xml, md5_etag

__all__ = ["NS", "HostileS3", "Misbehaviour", "Seen", "Sized", "Stored", "Upload"]
KINDS = ("buckets", "make_bucket", "location", "head_bucket", "list", "list_uploads",
         "head", "get", "put", "delete", "create", "part", "complete", "abort", "list_parts")
OTHER_BYTES = b"OTHER HOST SAYS HELLO "  # what the redirect target serves instead


@dataclass
class Misbehaviour:
    """What to do wrong: `kind` on requests of kind `on` (see KINDS), optionally only for
    `key`, `times` times (None: every time). Kinds: redirect, truncate, short, long, corrupt,
    raw (`body` as the answer), status (`status` + S3 error `code`), replace (after the GET is
    answered, the object gets `body` as its new bytes), checksum (a HEAD or whole GET sends
    its stored `x-amz-checksum-*` values as those of other bytes)."""

    kind: str
    on: str
    key: str | None = None
    times: int | None = None
    body: bytes = b""
    status: int = 500
    code: str = "InternalError"
    fired: int = 0


@dataclass
class Seen:
    """One request as it arrived (`seq` orders requests across both servers)."""

    seq: int
    server: str  # "s3" or "other"
    method: str
    kind: str
    path: str
    query: str
    headers: dict[str, str]
    body_size: int


class _Quiet(ThreadingHTTPServer):
    """Clients that hang up mid-answer are expected here: no traceback for them."""

    daemon_threads = True

    def handleerror_xml(self, request: object, client_address: object) -> None:
        pass


class HostileS3:
    """The fake server and its redirect target; `start()`, then `port` / `other_port`."""

    def __init__(self, clock_skew_limit_s: float | None = None) -> None:
        self.buckets: dict[str, dict[str, Stored]] = {}
        self.uploads: dict[str, Upload] = {}
        self.misbehaviours: list[Misbehaviour] = []
        self.seen: list[Seen] = []
        self.skew_limit = clock_skew_limit_s  # refuse requests signed this far off the clock
        self.lock = threading.RLock()
        self._seq = itertools.count(1)
        self._ids = itertools.count(1)
        self._main = _Quiet(("127.0.0.1", 0), _handler(self, "s3"))
        self._other = _Quiet(("127.0.0.1", 0), _handler(self, "other"))
        self._threads = [threading.Thread(target=s.serve_forever, daemon=True)
                         for s in (self._main, self._other)]

    @property
    def port(self) -> int:
        return int(self._main.server_address[1])

    @property
    def other_port(self) -> int:
        return int(self._other.server_address[1])

    def start(self) -> HostileS3:
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> None:
        for server in (self._main, self._other):
            server.shutdown()
            server.server_close()

    # -- what the test sets up and reads back -------------------------------------------
    def put(self, bucket: str, key: str, data: Data, sha256: bool = True,
            metadata: dict[str, str] | None = None, etag: str | None = None,
            checksums: dict[str, str] | None = None, part_size: int = 0) -> Stored:
        """Store an object; `sha256` adds the metadata the app's own uploads carry;
        `checksums` are the `x-amz-checksum-*` headers the server keeps for it, `part_size`
        that of a multipart object (see `Stored`)."""
        meta = dict(metadata or {})
        if sha256:
            meta["sha256"] = hashlib.sha256(data[0:len(data)]).hexdigest()
        stored = Stored(data, etag or md5_etag(data), meta, checksums=dict(checksums or {}),
                        part_size=part_size)
        with self.lock:
            self.buckets.setdefault(bucket, {})[key] = stored
        return stored

    def misbehave(self, *planned: Misbehaviour) -> None:
        with self.lock:
            self.misbehaviours.extend(planned)

    def mark(self) -> int:
        """A point in the request log: requests after it have a higher `seq`."""
        return next(self._seq)

    def requests(self, server: str = "s3", kind: str | None = None, after: int = 0
                 ) -> list[Seen]:
        with self.lock:
            return [s for s in self.seen if s.server == server and s.seq > after
                    and (kind is None or s.kind == kind)]

    def _take(self, kind: str, key: str) -> Misbehaviour | None:
        with self.lock:
            for plan in self.misbehaviours:
                if plan.on == kind and plan.key in (None, key) and (
                        plan.times is None or plan.fired < plan.times):
                    plan.fired += 1
                    return plan
        return None


def classify(method: str, key: str, query: dict[str, list[str]]) -> str:
    if method == "GET" and not key and "list-type" in query:
        return "list"
    table = {
        ("GET", False): ("location" if "location" in query else "list_uploads"
                         if "uploads" in query else "list"),
        ("HEAD", False): "head_bucket", ("PUT", False): "make_bucket",
        ("GET", True): "list_parts" if "uploadId" in query else "get",
        ("HEAD", True): "head", ("DELETE", True): "abort" if "uploadId" in query else "delete",
        ("PUT", True): "part" if "uploadId" in query else "put",
        ("POST", True): "create" if "uploads" in query else "complete",
    }
    return table.get((method, bool(key)), "unknown")


def _handler(fake: HostileS3, name: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def _serve(self) -> None:
            parts = urlsplit(self.path)
            query = parse_qs(parts.query, keep_blank_values=True)
            path = unquote(parts.path)
            bucket, _, key = path.lstrip("/").partition("/")
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            kind = "buckets" if not bucket else classify(self.command, key, query)
            with fake.lock:
                fake.seen.append(Seen(next(fake._seq), name, self.command, kind, path,
                                      parts.query, dict(self.headers.items()), len(body)))
            if name == "other":
                self._elsewhere(bucket, key)
                return
            if self._skewed(query):
                return
            plan = fake._take(kind, key)
            if plan is not None and plan.kind == "redirect":
                self._redirect(parts.path, parts.query)
            elif plan is not None and plan.kind == "status":
                self._send(plan.status, error_xml(plan.code, "Planned failure.", path))
            elif plan is not None and plan.kind == "raw":
                self._send(200, plan.body)
            else:
                S3Answers(self, fake, bucket, key, query, body, plan).answer(kind)

        do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _serve

        def _skewed(self, query: dict[str, list[str]]) -> bool:
            stamp = self.headers.get("X-Amz-Date") or (query.get("X-Amz-Date") or [""])[0]
            if fake.skew_limit is None or not stamp:
                return False
            signed = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            if abs(signed.timestamp() - time.time()) <= fake.skew_limit:
                return False
            self._send(403, error_xml("RequestTimeTooSkewed", "The difference between the "
                                   "request time and the server's time is too large."))
            return True

        def _redirect(self, path: str, query: str) -> None:
            where = f"http://127.0.0.1:{fake.other_port}{path}" + (f"?{query}" if query else "")
            body = b"" if self.command == "HEAD" else error_xml(
                "TemporaryRedirect", "Please re-send this request to the specified "
                f"temporary endpoint: 127.0.0.1:{fake.other_port}.")
            self._send(307, body, {"Location": where})

        def _elsewhere(self, bucket: str, key: str) -> None:
            """The other host: whatever was asked, 200 with its own bytes (as long as the
            object it stands in for, so a length check alone does not tell, and no ETag or
            checksum header that could give it away)."""
            with fake.lock:
                stored = fake.buckets.get(bucket, {}).get(key)
            size = len(stored.data) if stored is not None else len(OTHER_BYTES)
            data = (OTHER_BYTES * (size // len(OTHER_BYTES) + 1))[:size]
            self._send(200, data, content_type="application/octet-stream")

        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None,
                  content_type: str = "application/xml", length: int | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Date", formatdate(usegmt=True))
            self.send_header("x-amz-request-id", "H0ST1LE")
            for header, value in (headers or {}).items():
                self.send_header(header, value)
            self.send_header("Content-Length", str(len(body) if length is None else length))
            self.end_headers()
            if self.command != "HEAD":
                with contextlib.suppress(OSError):
                    self.wfile.write(body)

        def cut(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            """Promise the whole body, send half, hang up."""
            self.send_response(status)
            for header, value in headers.items():
                self.send_header(header, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(2)

    return Handler
