"""The download side of a URL import: one GET, redirects followed by hand, each hop checked.

urllib3 (already a dependency through the S3 SDK) is used at the connection-pool level, so
nothing is implicit: no proxy from the environment (and so no proxy credentials), no cookie
jar, no Authorization header, no automatic redirects or retries. Each hop is checked by
`url_safety` and the TCP connection goes to the address that was checked (Host header and TLS
server name carry the name; the certificate is verified against it), which closes DNS
rebinding. At most `MAX_REDIRECTS` redirects; never to another scheme than http(s), never from
https down to http.
"""

from __future__ import annotations

import contextlib
import mimetypes
import re
import socket
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

import urllib3
from urllib3.exceptions import (
    HTTPError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from desktop_app.core import url_safety
from desktop_app.core.errors import AppError
from desktop_app.core.transfer_errors import TransientError
from desktop_app.core.url_safety import Resolver, Target, UnsafeUrl, without_query

MAX_REDIRECTS = 5
READ_TIMEOUT = 30.0  # seconds without a byte before the source counts as stalled
CONNECT_TIMEOUT = 15.0
USER_AGENT = "MinIO-Desktop (URL import)"
_REDIRECTS = {301, 302, 303, 307, 308}
_GENERIC_TYPES = {"", "application/octet-stream", "binary/octet-stream",
                  "application/x-download", "application/download", "application/unknown"}
_TYPE = re.compile(r"^[\w.+-]+/[\w.+-]+$")
_EXT_NAME = re.compile(r"(?:^|;)\s*filename\*\s*=\s*([^;]*)", re.IGNORECASE)
_PLAIN_NAME = re.compile(r'(?:^|;)\s*filename\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)', re.IGNORECASE)
MAX_NAME = 200


class SourceError(AppError):
    """The source refused or answered something that cannot be imported (not retried)."""

    title = "Import failed"


class SourceTrouble(TransientError):
    """The source stalled, cut the connection or answered 5xx/429: worth another try."""


@dataclass
class Fetched:
    """An open answer: the body is read from `response`; `close()` when done."""

    response: urllib3.BaseHTTPResponse
    target: Target
    pool: urllib3.HTTPConnectionPool
    redirects: int = 0
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def length(self) -> int | None:
        text = self.headers.get("content-length", "")
        return int(text) if text.isdigit() else None

    def abort(self) -> None:
        """Cut the connection from another thread: a read blocked on a silent source ends
        at once (a pause or a cancel need not wait for the read timeout)."""
        conn = getattr(self.response, "connection", None)
        sock = getattr(conn, "sock", None)
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.response.release_conn()
        self.response.close()
        self.pool.close()

    def chunks(self, size: int) -> Iterator[bytes]:
        """The body in pieces of up to `size`; stalls and cuts become `SourceTrouble`."""
        while True:
            try:
                data = self.response.read1(size) if hasattr(self.response, "read1") \
                    else self.response.read(size)
            except ReadTimeoutError:
                raise SourceTrouble(
                    f"“{self.target.host}” stopped sending data (nothing for "
                    f"{_seconds(self.pool.timeout)}).", "The server may be overloaded; the "
                    "import is tried again.") from None
            except (ProtocolError, HTTPError, OSError) as exc:
                raise SourceTrouble(f"The connection to “{self.target.host}” was cut "
                                    f"({type(exc).__name__}).") from None
            if not data:
                return
            yield data


def _seconds(timeout: object) -> str:
    read = getattr(timeout, "read_timeout", None)
    return f"{read:g} s" if isinstance(read, (int, float)) else "too long"


def fetch(url: str, allow_local: bool, resolver: Resolver = url_safety.system_resolver,
          byte_range: tuple[int, str] | None = None, read_timeout: float = READ_TIMEOUT,
          ) -> Fetched:
    """GET `url`, following up to `MAX_REDIRECTS` checked redirects; a 2xx answer comes back
    open. `byte_range` (offset, validator) asks for the rest of a body (If-Range)."""
    target = url_safety.check(url, allow_local, resolver)
    for hop in range(MAX_REDIRECTS + 1):
        fetched = _get(target, byte_range, read_timeout)
        fetched.redirects = hop
        status = fetched.response.status
        if status not in _REDIRECTS:
            return _accept(fetched)
        location = fetched.headers.get("location", "")
        fetched.close()
        if hop == MAX_REDIRECTS:
            raise SourceError(f"“{without_query(url)}” redirects more than {MAX_REDIRECTS} "
                              "times; the import stopped there.",
                              "Open the link in a browser to find where it really leads.")
        target = url_safety.redirect(target.url, location, allow_local, resolver)
    raise AssertionError("unreachable")


def _get(target: Target, byte_range: tuple[int, str] | None,
         read_timeout: float) -> Fetched:
    headers = {"Host": target.host_header, "User-Agent": USER_AGENT, "Accept": "*/*",
               "Accept-Encoding": "identity"}
    if byte_range is not None:
        headers["Range"] = f"bytes={byte_range[0]}-"
        headers["If-Range"] = byte_range[1]
    timeout = urllib3.Timeout(connect=CONNECT_TIMEOUT, read=read_timeout)
    last: Exception | None = None
    for address in target.addresses:  # the checked ones, never the name again
        pool: urllib3.HTTPConnectionPool
        if target.scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                address, target.port, timeout=timeout, retries=False, maxsize=1,
                cert_reqs="CERT_REQUIRED", assert_hostname=target.host,
                server_hostname=target.host)
        else:
            pool = urllib3.HTTPConnectionPool(address, target.port, timeout=timeout,
                                              retries=False, maxsize=1)
        try:
            response = pool.urlopen("GET", target.path, headers=headers, redirect=False,
                                    retries=False, preload_content=False,
                                    decode_content=False, assert_same_host=False)
        except NewConnectionError as exc:
            pool.close()
            last = exc
            continue
        except SSLError as exc:
            pool.close()
            raise SourceError(f"The secure connection to “{target.host}” failed: {exc}.",
                              "The site's certificate does not match its name or is not "
                              "trusted on this computer; check the link.") from None
        except ReadTimeoutError:
            pool.close()
            raise SourceTrouble(f"“{target.host}” did not answer within {read_timeout:g} s."
                                ) from None
        except (HTTPError, OSError) as exc:
            pool.close()
            raise SourceTrouble(f"Could not reach “{target.host}” ({type(exc).__name__})."
                                ) from None
        lowered = {k.lower(): v for k, v in response.headers.items()}
        return Fetched(response, target, pool, headers=lowered)
    raise SourceTrouble(f"Could not connect to “{target.host}” ({type(last).__name__}).",
                        "Check the link and the network.")


def _accept(fetched: Fetched) -> Fetched:
    status = fetched.response.status
    if status in (200, 206):
        return fetched
    reason = fetched.response.reason or ""
    where = without_query(fetched.target.url)
    fetched.close()
    if status == 429 or status >= 500:
        after = fetched.headers.get("retry-after", "")
        raise SourceTrouble(f"“{fetched.target.host}” answered {status} {reason}.".strip(),
                            retry_after=float(after) if after.isdigit() else None)
    raise SourceError(f"“{where}” answered {status} {reason}.".replace(" .", "."),
                      "Check the link: it may need a login or have expired.")


def content_range_start(fetched: Fetched) -> int | None:
    """Where a 206's body starts (`Content-Range: bytes 100-199/200`)."""
    match = re.match(r"bytes (\d+)-\d+/(\d+|\*)$", fetched.headers.get("content-range", ""))
    return int(match.group(1)) if match else None


def validator(fetched: Fetched) -> str:
    """What an If-Range may use to resume this body: a strong ETag or Last-Modified; "" when
    the source does not say it serves ranges."""
    if fetched.headers.get("accept-ranges", "").lower() != "bytes":
        return ""
    etag = fetched.headers.get("etag", "")
    if etag and not etag.startswith("W/"):
        return etag
    return fetched.headers.get("last-modified", "")


def content_type(fetched: Fetched, head: bytes, name: str,
                 sniff: Callable[[bytes, str], str]) -> str:
    """The answer's Content-Type when it names one; else what the first bytes are."""
    raw = fetched.headers.get("content-type", "")
    main = raw.split(";", 1)[0].strip().lower()
    if main not in _GENERIC_TYPES and _TYPE.match(main):
        return raw.strip()
    return sniff(head, name)


def name_for(fetched: Fetched, fallback_type: str = "") -> str:
    """The name from Content-Disposition (RFC 6266, `filename*` first), else from the last
    segment of the URL's path with an extension for `fallback_type` when it has none;
    sanitized; "download" when neither gives one."""
    name = disposition_name(fetched.headers.get("content-disposition", ""))
    if name:
        return name
    return with_extension(name_from_url(fetched.target.url, ""), fallback_type) or "download"


def with_extension(name: str, ctype: str) -> str:
    """`name` with the usual extension of `ctype` added when it has none."""
    if name and "." not in name and ctype:
        name += mimetypes.guess_extension(ctype.split(";")[0].strip()) or ""
    return name


def disposition_name(header: str) -> str:
    """The sanitized file name of a Content-Disposition header: RFC 6266's `filename*`
    (RFC 8187 `charset'lang'%xx`) when present and decodable, else `filename`."""
    extended = _EXT_NAME.search(header)
    if extended:
        charset, _lang, encoded = [*extended.group(1).strip().split("'", 2), "", ""][:3]
        try:
            name = clean_name(unquote(encoded, encoding=charset or "utf-8", errors="strict"))
        except (LookupError, UnicodeDecodeError):
            name = ""
        if name:
            return name
    plain = _PLAIN_NAME.search(header)
    if not plain:
        return ""
    value = plain.group(1).strip()
    if value.startswith('"') and value.endswith('"') and len(value) >= 2:
        value = re.sub(r"\\(.)", r"\1", value[1:-1])
    return clean_name(value)


def name_from_url(url: str, fallback: str = "download") -> str:
    """The last segment of the URL's path, decoded and sanitized (`fallback` if none)."""
    return clean_name(PurePosixPath(unquote(urlsplit(url).path)).name) or fallback


def clean_name(name: str) -> str:
    """A file name safe as the last part of a key: no folders, no control characters, no
    "."/".." or leading dots, at most `MAX_NAME` characters (the extension kept)."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    name = name.lstrip(".").strip()
    if len(name) > MAX_NAME:
        _stem, dot, ext = name.rpartition(".")
        keep = ext if dot and len(ext) <= 16 else ""
        name = name[:MAX_NAME - len(keep) - 1].rstrip() + (f".{keep}" if keep else "")
    return name


__all__ = ["MAX_REDIRECTS", "Fetched", "SourceError", "SourceTrouble", "UnsafeUrl", "fetch"]
