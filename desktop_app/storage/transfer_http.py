"""HTTP details of transfers that need no SDK: which keys the SDK's internal calls would
wrongly accept, which S3 codes are worth a retry, Retry-After, a response body whose
network failures become retryable errors, the CA file both HTTP stacks trust, whether
the server's port answers at all (the end of an outage), the refusal of every redirect, and
when an ETag is the MD5 of the bytes."""

from __future__ import annotations

import email.utils
import os
import re
import socket
import time
from collections.abc import Mapping
from http.client import HTTPException
from typing import Any
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3
from urllib3.exceptions import HTTPError

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import ConfigError, ServerError
from desktop_app.core.transfer_errors import TransientError


def ca_file(settings: ConnectionSettings) -> str:
    """The certificates a checked connection trusts: the profile's bundle, SSL_CERT_FILE,
    or certifi's (urllib3 for the SDK and aiohttp for small downloads use the same)."""
    return settings.ca_bundle or os.environ.get("SSL_CERT_FILE") or certifi.where()


def port_answers(settings: ConnectionSettings, timeout: float = 2.0) -> bool:
    """Whether the server's port accepts a TCP connection: the cheapest sign that an outage
    is over (no request is sent, so nothing is signed and nothing is logged there)."""
    try:
        with socket.create_connection((settings.host, settings.port), timeout=timeout):
            return True
    except OSError:
        return False


def check_upload_key(key: str) -> None:
    """The SDK's public calls refuse these; its internal ones (used here) do not."""
    if not key or any(part in (".", "..") for part in key.split("/")):
        raise ConfigError(
            f"Cannot upload to “{key}”: object names with “.” or “..” segments are not "
            "supported.", "Choose another name or folder.",
        )


TRANSIENT_CODES = frozenset(
    {"SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout", "Throttling"}
)


def retry_after_seconds(response: Any) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date), if any."""
    value = (getattr(response, "headers", None) or {}).get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class RetryableBody:
    """A GET body whose network failures leave as `TransientError` (a retry restarts it).

    Bytes are received straight into the caller's buffer through the standard library's
    response under urllib3's (`readinto`): urllib3's own `read` allocates a new buffer per
    call, and fresh memory for every MiB received cost more CPU than the download itself.
    The body is taken as sent (no Content-Encoding decoding), so what lands on disk is the
    object's bytes, which is what its SHA-256 describes.
    """

    def __init__(self, response: Any, key: str) -> None:
        self._response = response
        self._key = key
        raw = getattr(response, "_fp", None)
        self._raw = raw if callable(getattr(raw, "readinto", None)) else None

    def readinto(self, buffer: memoryview) -> int:
        try:
            if self._raw is None:
                data = self._response.read(len(buffer), decode_content=False)
                buffer[: len(data)] = data
                return len(data)
            return int(self._raw.readinto(buffer))
        except (HTTPError, HTTPException, OSError) as exc:
            raise TransientError(
                f"The connection broke while downloading “{self._key}” ({type(exc).__name__}).",
                "Check your network connection.",
            ) from None

    def close(self) -> None:
        """Give a fully read connection back to the pool; close one with bytes left unread.

        urllib3's `close` would close the connection even after a complete body, so every
        GET paid for a new TCP connection (half the time of a small-file download).
        """
        try:
            raw = self._raw
            if raw is None or not raw.isclosed():
                self._response.close()
            self._response.release_conn()
        except (HTTPError, OSError):
            pass


class RedirectRefused(ServerError):
    """A 3xx with a Location: never followed, so signed requests, SSE-C keys and the bytes we
    save all stay with the configured server."""

    title = "Redirect refused"


def is_redirect(status: int, location: str | None) -> bool:
    """A redirect to follow (a 304 Not Modified or a 3xx without a Location is none)."""
    return 300 <= status < 400 and status != 304 and bool(location)


def redirect_refused(location: str, requested: str) -> RedirectRefused:
    """The error for a redirect to `location` (relative to `requested`); it names the host
    and port only: the Location's path and query may hold a signature or a token."""
    try:
        parts = urlsplit(urljoin(requested, location))
        host, port = parts.hostname or "", parts.port
    except ValueError:
        host, port = "", None
    host = host[:100]
    where = (f"[{host}]" if ":" in host else host) or "another address"
    if port is not None:
        where = f"{where}:{port}"
    return RedirectRefused(
        f"The server answered with a redirect to {where}; the app never follows redirects, "
        "so that credentials and data go only to the server you configured.",
        "Check the endpoint address.",
    )


class NoRedirectPool(urllib3.PoolManager):
    """A pool that turns every redirect answer into `RedirectRefused` (its retries already
    never follow one; this makes the failure say what happened)."""

    def urlopen(  # type: ignore[override]  # the same signature as PoolManager's own
            self, method: str, url: str, redirect: bool = True, **kw: Any
    ) -> urllib3.BaseHTTPResponse:
        response = super().urlopen(method, url, redirect=False, **kw)
        location = response.headers.get("Location")
        if location and is_redirect(response.status, location):
            response.close()
            response.release_conn()
            raise redirect_refused(location, url)
        return response


_MD5_ETAG = re.compile(r"[0-9a-fA-F]{32}")
_SSE = "x-amz-server-side-encryption"


def etag_md5(etag: str, headers: Mapping[str, str]) -> str:
    """The MD5 of the object's bytes as its ETag gives it (lower case), or "".

    Only a single-part object's ETag is its MD5 (a multipart one ends in `-N`), and only when
    it is stored in plain or with SSE-S3 (`x-amz-server-side-encryption: AES256`): with SSE-C
    or SSE-KMS the ETag is not the MD5 of the plaintext. `headers` is the GET or HEAD answer's
    header mapping (any case)."""
    etag = etag.strip().strip('"')
    if not _MD5_ETAG.fullmatch(etag):
        return ""
    for name, value in headers.items():
        key = name.lower()
        if key.startswith(_SSE) and (key != _SSE or value.strip().upper() != "AES256"):
            return ""
    return etag.lower()
