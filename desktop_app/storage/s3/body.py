"""A GET body for transfers: read straight into the caller's buffer, its network failures
retryable, its connection given back to the pool when fully read."""

from __future__ import annotations

from http.client import HTTPException
from typing import Any

from urllib3.exceptions import HTTPError

from desktop_app.core.transfer_errors import TransientError


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
