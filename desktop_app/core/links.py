"""Links to objects: S3 URIs, plain URLs, presigned-link expiry rules and download headers.

Pure functions so the rules (the SigV4 seven-day limit, RFC 6266 file names) are tested
without a server or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from urllib.parse import quote

MAX_LINK_EXPIRY = timedelta(days=7)
MIN_LINK_EXPIRY = timedelta(seconds=1)
PRESETS: tuple[tuple[str, timedelta], ...] = (
    ("1 hour", timedelta(hours=1)),
    ("1 day", timedelta(days=1)),
    ("7 days (the maximum)", timedelta(days=7)),
)


class Disposition(Enum):
    """What a browser does with the link: the server's default, show it, or save it."""

    DEFAULT = "default"
    INLINE = "inline"
    ATTACHMENT = "attachment"


def s3_uri(bucket: str, key: str) -> str:
    return f"s3://{bucket}/{key}"


def object_url(endpoint_url: str, bucket: str, key: str) -> str:
    """The plain (unsigned, path-style) URL; it only works for publicly readable objects."""
    return f"{endpoint_url.rstrip('/')}/{quote(bucket, safe='')}/{quote(key, safe='/~')}"


def expiry_problem(expires: timedelta) -> str | None:
    """Why an expiry cannot be used, or None when it is fine."""
    if expires < MIN_LINK_EXPIRY:
        return "A link must be valid for at least one second."
    if expires > MAX_LINK_EXPIRY:
        return (
            "Links can be valid for at most 7 days: S3 signatures (SigV4) are refused by the "
            "server after that. Choose 7 days or less."
        )
    return None


@dataclass(frozen=True, slots=True)
class CredentialWarning:
    text: str


def credential_warning(
    temporary: bool, valid_until: datetime, credentials_expire: datetime | None = None
) -> CredentialWarning | None:
    """Links signed with temporary credentials die with the session that signed them."""
    if not temporary:
        return None
    if credentials_expire is None:
        return CredentialWarning(
            "This connection uses temporary credentials (a session token). The link stops "
            "working when that session ends, which may be sooner than the time above."
        )
    if credentials_expire < valid_until:
        when = credentials_expire.astimezone().strftime("%Y-%m-%d %H:%M")
        return CredentialWarning(
            f"The temporary credentials of this connection expire at {when}, before the "
            "chosen time: the link stops working then."
        )
    return None


def content_disposition(mode: Disposition, key: str) -> str | None:
    """The `response-content-disposition` value for a link, with an RFC 6266 file name."""
    if mode is Disposition.DEFAULT:
        return None
    name = key.rstrip("/").rsplit("/", 1)[-1] or "download"
    ascii_name = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "_" for c in name)
    value = f'{mode.value}; filename="{ascii_name}"'
    if ascii_name != name:
        value += f"; filename*=UTF-8''{quote(name, safe='')}"
    return value


def human_duration(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    if seconds >= 3600:
        return f"{seconds / 3600:.1f} hours"
    return f"{seconds} seconds"
