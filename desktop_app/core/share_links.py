"""Upload links as the receiver uses them: expiry rules, a ready `curl` command and a minimal
HTML form. Pure functions, so the texts are tested without a server or Qt.

A link can never outlive what signed it: SigV4 refuses signatures older than seven days, and
a link signed with temporary credentials (a session token) dies with that session. Profiles
keep the token but not when it ends, so for those links we can only warn, not check.
"""

from __future__ import annotations

import html
import shlex
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop_app.core.links import MAX_LINK_EXPIRY, MIN_LINK_EXPIRY

FILE_FIELD = "file"
UPLOADED_NAME = "${filename}"  # S3 puts the uploaded file's own name here


@dataclass(frozen=True, slots=True)
class PostLimits:
    """What a POST policy allows: keys under `key_prefix`, a size range in bytes (no upper
    bound when `max_size` is None) and a Content-Type starting with `content_type_prefix`
    ("" allows any)."""

    key_prefix: str
    content_type_prefix: str = ""
    min_size: int = 0
    max_size: int | None = None


@dataclass(frozen=True, slots=True)
class PostForm:
    """Where to POST and the signed fields, in the order they must be sent (file last)."""

    url: str
    fields: tuple[tuple[str, str], ...]


def upload_expiry_problem(
    expires: timedelta, temporary: bool, credentials_expire: datetime | None,
    now: datetime,
) -> str | None:
    """Why an upload or download link cannot be valid for `expires`, or None."""
    if expires < MIN_LINK_EXPIRY:
        return "A link must be valid for at least one second."
    if expires > MAX_LINK_EXPIRY:
        return ("Links can be valid for at most 7 days: S3 signatures (SigV4) are refused by "
                "the server after that. Choose 7 days or less.")
    if temporary and credentials_expire is not None and now + expires > credentials_expire:
        when = credentials_expire.astimezone().strftime("%Y-%m-%d %H:%M")
        return (f"This connection's temporary credentials end at {when}; a link signed with "
                "them stops working then. Choose a shorter time.")
    return None


def temporary_note(temporary: bool, credentials_expire: datetime | None) -> str | None:
    """What to tell about temporary credentials whose end the app does not know."""
    if temporary and credentials_expire is None:
        return ("This connection uses temporary credentials (a session token) and the app "
                "does not know when they end: the link stops working then, perhaps sooner "
                "than the time chosen.")
    return None


def curl_put(url: str, content_type: str, local_name: str = "FILE") -> str:
    """The command that uploads a local file through a presigned PUT."""
    return " ".join((
        "curl", "-sS", "--fail-with-body", "-X", "PUT", "-H",
        shlex.quote(f"Content-Type: {content_type}"),
        "--upload-file", shlex.quote(local_name), shlex.quote(url),
    ))


def form_fields(form: PostForm, limits: PostLimits, content_type: str) -> list[tuple[str, str]]:
    """Every field but the file, in the order S3 wants them: key and Content-Type first,
    then the signed policy fields."""
    return [("key", limits.key_prefix + UPLOADED_NAME), ("Content-Type", content_type),
            *form.fields]


def example_content_type(limits: PostLimits) -> str:
    """A Content-Type the policy accepts, for the examples: the prefix itself when it is a
    whole type, else the prefix followed by a placeholder to replace."""
    prefix = limits.content_type_prefix
    if not prefix:
        return "application/octet-stream"
    if "/" in prefix and not prefix.endswith("/"):
        return prefix
    return prefix + ("TYPE" if prefix.endswith("/") else "/TYPE")


def curl_post(form: PostForm, limits: PostLimits, content_type: str,
              local_name: str = "FILE") -> str:
    """`curl -F` with every field in order and the file last (S3 ignores fields after it)."""
    parts = ["curl", "-sS", "--fail-with-body"]
    for name, value in form_fields(form, limits, content_type):
        parts += ["-F", shlex.quote(f"{name}={value}")]
    parts += ["-F", shlex.quote(f"{FILE_FIELD}=@{local_name}"), shlex.quote(form.url)]
    return " ".join(parts)


def html_form(form: PostForm, limits: PostLimits, content_type: str, title: str) -> str:
    """A page with one file field that uploads within the policy; saved and sent to the
    person who uploads. The Content-Type is a visible field when the policy leaves a choice."""
    rows = []
    for name, value in form_fields(form, limits, content_type):
        shown = name == "Content-Type" and value != limits.content_type_prefix
        kind = "text" if shown else "hidden"
        label = "<label>Content type: " if shown else ""
        end = "</label><br>" if shown else ""
        rows.append(f'  {label}<input type="{kind}" name="{html.escape(name)}" '
                    f'value="{html.escape(value)}">{end}')
    fields = "\n".join(rows)
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title></head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n"
        f'<form action="{html.escape(form.url)}" method="post" '
        'enctype="multipart/form-data">\n'
        f"{fields}\n"
        f'  <input type="file" name="{FILE_FIELD}"><br>\n'
        '  <input type="submit" value="Upload">\n'
        "</form>\n</body></html>\n"
    )
