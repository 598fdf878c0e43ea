"""Errors specific to moving bytes; each carries user text like every `AppError`.

`TransientError` marks failures worth retrying (network drops, 5xx, SlowDown); it may carry
the server's Retry-After so the retry loop can honour it, and says when the server could not
be reached at all (an outage is waited out, not counted against the tries).
"""

from __future__ import annotations

from desktop_app.core.errors import AppError, ServerError


class TransientError(ServerError):
    """A failure that may well pass if the same request is sent again."""

    title = "Temporary server problem"

    def __init__(self, message: str, hint: str = "", retry_after: float | None = None,
                 outage: bool = False) -> None:
        super().__init__(message, hint)
        self.retry_after = retry_after
        self.outage = outage  # the server could not be reached at all: wait for it to return
        self.tries = 1  # set by the retry loop when it gives up: how often it was sent


class DestinationExists(AppError):
    """A conditional upload found the key taken (If-None-Match failed)."""

    title = "Already on the server"


class ObjectChanged(AppError):
    """The object was replaced while we were reading it (If-Match failed)."""

    title = "Changed on the server"


class IntegrityError(AppError):
    """The bytes that arrived do not hash to the SHA-256 the object carries."""

    title = "Verification failed"


class UnsafeKey(AppError):
    """A key that cannot be mapped to a file inside the chosen folder."""

    title = "Unsafe object name"


class LocalFileError(AppError):
    """The local disk refused (full, permissions, missing file...)."""

    title = "Local file problem"
