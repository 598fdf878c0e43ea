"""SDK and urllib3 failures leave the adapter as our `AppError`s with user-facing text
(`storage.error_text` holds the wording); transfers also learn what is worth a retry."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from minio.error import InvalidResponseError, S3Error
from minio.error import ServerError as MinioServerError
from urllib3.exceptions import HTTPError

from desktop_app.core.errors import (
    AppError,
    ConfigError,
    ConnectionFailed,
    ServerError,
    ServerUnreachable,
)
from desktop_app.core.sse import customer_key_error
from desktop_app.core.transfer_errors import ObjectChanged, TransientError
from desktop_app.storage.error_text import network_error, s3_error
from desktop_app.storage.s3.base import S3Base

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


class S3Errors(S3Base):
    """The translation every SDK call runs inside (`with self._errors(action, ...)`)."""

    @contextmanager
    def _errors(
        self, action: str, bucket: str = "", key: str = "", empty_range_ok: bool = False
    ) -> Iterator[None]:
        try:
            yield
        except AppError:
            raise
        except S3Error as exc:
            if empty_range_ok and exc.code == "InvalidRange":
                return
            self._raise_s3(exc, action, bucket, key)
        except (MinioServerError, InvalidResponseError) as exc:
            raise ServerError(
                f"The server at {self.endpoint_url} gave an unexpected answer when trying to "
                f"{action} ({self._clean(str(exc))[:200]}).",
                "Check that the endpoint is an S3 server, and try again later.",
            ) from None
        except (HTTPError, OSError) as exc:
            raise self._network_error(exc, action) from None
        except ValueError as exc:
            raise ConfigError(f"Cannot {action}: {self._clean(str(exc))}.") from None

    def _raise_s3(self, exc: S3Error, action: str, bucket: str, key: str) -> NoReturn:
        status = getattr(exc.response, "status", 0) or 0
        had_key = getattr(self, "_had_key", lambda _bucket: False)(bucket)
        needed = customer_key_error(exc.code or "", status, exc.message or "", bucket, key,
                                    had_key)
        if needed is not None:
            raise needed from None
        raise s3_error(
            exc.code or "", self._clean(exc.message or ""), action, self.endpoint_url,
            self._settings.access_key, bucket, key,
        ) from None

    def _network_error(self, exc: BaseException, action: str) -> AppError:
        return network_error(exc, action, self.endpoint_url, self._settings.host, self._clean)

    @contextmanager
    def _transfer_errors(self, action: str, bucket: str = "", key: str = "") -> Iterator[None]:
        """Like `_errors`, but marks retryable failures and If-Match failures."""
        try:
            with self._errors(action, bucket=bucket, key=key):
                try:
                    yield
                except S3Error as exc:
                    status = getattr(exc.response, "status", 0) or 0
                    code = exc.code or ""
                    if code == "PreconditionFailed" or status == 412:
                        raise object_changed(key) from None
                    if status >= 500 or code in TRANSIENT_CODES:
                        raise TransientError(
                            f"The server could not {action} right now ({code or status}).",
                            "Wait a little, or check that the server is healthy.",
                            retry_after=retry_after_seconds(exc.response),
                        ) from None
                    raise
                except MinioServerError as exc:
                    if exc.status_code == 412:
                        raise object_changed(key) from None
                    if exc.status_code >= 500:
                        raise TransientError(
                            f"The server could not {action} right now "
                            f"(HTTP {exc.status_code}).",
                            "Wait a little, or check that the server is healthy.",
                        ) from None
                    raise
        except ConnectionFailed as exc:
            raise TransientError(exc.message, exc.hint,
                                 outage=isinstance(exc, ServerUnreachable)) from None


def object_changed(key: str) -> ObjectChanged:
    return ObjectChanged(
        f"“{key}” was replaced on the server while it was being "
        "downloaded (precondition failed: the ETag no longer matches).",
        "Download it again to get the new version.",
    )
