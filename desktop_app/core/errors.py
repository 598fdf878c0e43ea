"""Errors that carry text fit for a user: what happened, and what to do about it.

Every layer raises these (never SDK exceptions), so the UI can show any failure the same way.
The texts are built from names and endpoints only, never from credentials or signed URLs.
"""

from __future__ import annotations


class AppError(Exception):
    """Base error; `message` says what happened, `hint` what the user can do."""

    title = "Something went wrong"

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def user_text(self) -> str:
        return f"{self.message} {self.hint}".strip()


class ConfigError(AppError):
    title = "Configuration problem"


class ConnectionFailed(AppError):
    title = "Cannot reach the server"


class ServerUnreachable(ConnectionFailed):
    """No answer at all (network down, name not found, refused, timed out, cut off): unlike
    a TLS mismatch, this may well pass by itself, so transfers wait for the server."""


class AuthFailed(AppError):
    title = "Sign-in failed"


class AccessDenied(AppError):
    title = "Access denied"


class NotFound(AppError):
    title = "Not found"


class AlreadyExists(AppError):
    title = "Already exists"


class ServerError(AppError):
    title = "The server reported an error"


class Cancelled(AppError):
    title = "Cancelled"


class SandboxError(AppError):
    title = "Local sandbox problem"


class NotSupportedByServer(AppError):
    """The server does not implement a setting; the text carries its own answer, so the UI
    can show that part disabled and say why."""

    title = "Not supported by this server"
