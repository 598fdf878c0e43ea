"""Signing a remembered shared link again ("Copy again" in the share center): for the time
it has left, never beyond its original expiry. Runs on a worker thread."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_app.core.errors import ConfigError
from desktop_app.core.share_history import LinkKind, SharedLink
from desktop_app.core.share_links import PostForm, example_content_type
from desktop_app.storage.protocol import Storage


def expired_error(link: SharedLink) -> ConfigError:
    when = link.expires.astimezone().strftime("%Y-%m-%d %H:%M")
    return ConfigError(f"This link expired on {when}.",
                       "Share the file again to make a new link.")


def sign_again(storage: Storage, link: SharedLink,
               now: datetime | None = None) -> tuple[str, PostForm | None]:
    """(the URL, the form for a POST link). Refused once the link has expired."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    left = link.time_left(now)
    if link.expired(now):
        raise expired_error(link)
    if link.kind is LinkKind.GET:
        return storage.presign_download(link.bucket, link.target, left, now,
                                        link.disposition or None), None
    if link.kind is LinkKind.PUT:
        return storage.presign_upload(link.bucket, link.target, link.content_type or
                                      example_content_type(link.post_limits()), left, now), None
    form = storage.presign_post(link.bucket, link.post_limits(), now + left)
    return form.url, form
