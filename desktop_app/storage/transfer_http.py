"""HTTP details of transfers that need no SDK: which keys the SDK's internal calls would
wrongly accept, which S3 codes are worth a retry, Retry-After, and a response body whose
network failures become retryable errors."""

from __future__ import annotations

import email.utils
import time
from typing import Any

from urllib3.exceptions import HTTPError

from desktop_app.core.errors import ConfigError
from desktop_app.core.transfer_errors import TransientError


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
    """A GET body whose network failures leave as `TransientError` (a retry restarts it)."""

    def __init__(self, response: Any, key: str) -> None:
        self._response = response
        self._key = key

    def read(self, size: int) -> bytes:
        try:
            return bytes(self._response.read(size))
        except (HTTPError, OSError) as exc:
            raise TransientError(
                f"The connection broke while downloading “{self._key}” ({type(exc).__name__}).",
                "It will be retried; check your network if it keeps failing.",
            ) from None

    def close(self) -> None:
        try:
            self._response.close()
            self._response.release_conn()
        except (HTTPError, OSError):
            pass
