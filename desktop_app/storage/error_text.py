"""What S3 and network failures mean to a user: an `AppError` with what happened and what to
do. Kept apart from the SDK adapter (which catches the exceptions) so the wording lives in one
small place; texts carry names and endpoints only, never credentials."""

from __future__ import annotations

from collections.abc import Callable

from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from desktop_app.core.errors import (
    AccessDenied,
    AlreadyExists,
    AppError,
    AuthFailed,
    ConnectionFailed,
    NotFound,
    ServerError,
    ServerUnreachable,
)


def s3_error(code: str, message: str, action: str, where: str, access_key: str,
             bucket: str, key: str) -> AppError:
    """The error for an S3 error `code`; `message` must already be redacted."""
    if code == "NoSuchBucket":
        return NotFound(
            f"The bucket “{bucket}” does not exist on {where}.",
            "Check the bucket name, or pick another bucket.",
        )
    if code in ("NoSuchKey", "NoSuchObject", "NoSuchVersion"):
        return NotFound(
            f"“{key}” no longer exists in “{bucket}”.",
            "It may have been deleted or renamed; refresh the folder (F5).",
        )
    if code == "NoSuchUpload":
        return NotFound(
            f"The upload of “{key}” is no longer on the server (completed or aborted).",
            "Retry the upload.",
        )
    if code == "InvalidAccessKeyId":
        return AuthFailed(
            f"The server at {where} does not know the access key “{access_key}”.",
            "Check the access key in the connection settings.",
        )
    if code == "SignatureDoesNotMatch":
        return AuthFailed(
            f"The server at {where} rejected the secret key for access key “{access_key}”.",
            "Check the secret key in the connection settings.",
        )
    if code == "RequestTimeTooSkewed":
        return AuthFailed(
            "The server rejected the request because this computer's clock is wrong.",
            "Set the system clock to the correct time (enable network time sync).",
        )
    if code in ("AccessDenied", "AllAccessDisabled"):
        return AccessDenied(
            f"The server refused to let you {action}.",
            "Ask the administrator for access, or use a key with more rights.",
        )
    if code in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
        return AlreadyExists(f"A bucket named “{bucket}” already exists.", "Choose another name.")
    return ServerError(
        f"The server could not {action}: {message or code or 'unknown error'} "
        f"({code or 'no error code'}).",
        "Try again; if it keeps failing, check the server's logs.",
    )


def network_error(exc: BaseException, action: str, where: str, host: str,
                  clean: Callable[[str], str]) -> AppError:
    """The error for a urllib3/socket failure; `clean` redacts any text taken from it."""
    reason: BaseException = exc
    if isinstance(exc, MaxRetryError) and exc.reason is not None:
        reason = exc.reason
    if isinstance(reason, NameResolutionError):
        return ServerUnreachable(
            f"The server name “{host}” could not be found (DNS).",
            "Check the spelling of the endpoint and your network connection.",
        )
    if isinstance(reason, SSLError):
        return ConnectionFailed(
            f"A secure (TLS) connection to {where} could not be set up.",
            "Check the certificate settings, or whether the server uses http instead.",
        )
    # urllib3's NewConnectionError subclasses ConnectTimeoutError: test refusals first.
    refused = isinstance(reason, ConnectionRefusedError) or (
        isinstance(reason, NewConnectionError)
        and isinstance(reason.__context__, ConnectionRefusedError)
    )
    if refused:
        return ServerUnreachable(
            f"The server at {where} refused the connection.",
            "Check that the server is running and the port is right.",
        )
    timed_out = isinstance(reason, ReadTimeoutError | TimeoutError) or (
        isinstance(reason, ConnectTimeoutError) and not isinstance(reason, NewConnectionError)
    )
    if timed_out:
        return ServerUnreachable(
            f"The server at {where} did not answer in time while trying to {action}.",
            "Check that the server is running and that no firewall blocks the port.",
        )
    if isinstance(reason, ProtocolError | ConnectionError):
        return ServerUnreachable(
            f"The connection to {where} broke while trying to {action}.",
            "Check your network and try again.",
        )
    cause = reason.__context__ if isinstance(reason, NewConnectionError) else reason
    return ServerUnreachable(
        f"Could not {action} on {where}: {clean(str(cause or reason))[:200]}.",
        "Check the endpoint and your network connection.",
    )
