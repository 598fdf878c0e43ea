"""HTTP details of transfers that need no SDK: which keys the SDK's internal calls would
wrongly accept, which S3 codes are worth a retry, Retry-After, a response body whose
network failures become retryable errors, the CA file both HTTP stacks trust, and whether
the server's port answers at all (the end of an outage)."""

from __future__ import annotations

import email.utils
import os
import socket
import time
from http.client import HTTPException
from typing import Any

import certifi
from urllib3.exceptions import HTTPError

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import ConfigError
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
                "It will be retried; check your network if it keeps failing.",
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
