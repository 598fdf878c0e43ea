"""The history of shared links, kept WITHOUT their signatures.

Each entry says what was shared (connection, bucket, key or prefix, GET/PUT/POST, content
type, size limits), for whom (a free note), when and until when. A link can be copied again:
it is signed anew for the time it has left, never beyond its original expiry, so the file in
the data folder never holds anything that opens a bucket. Written atomically as JSON.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

from desktop_app.core.paths import data_dir
from desktop_app.core.profiles import write_atomically
from desktop_app.core.share_links import PostLimits

log = logging.getLogger(__name__)

FILE_NAME = "share_history.json"
_VERSION = 1
MAX_ENTRIES = 500  # the oldest are dropped beyond this


class LinkKind(Enum):
    GET = "GET"  # download link
    PUT = "PUT"  # upload of one fixed key with one content type
    POST = "POST"  # upload form: keys under a prefix, size and type limits


@dataclass(frozen=True, slots=True)
class SharedLink:
    """One shared link as remembered: everything needed to sign it again, no signature."""

    id: str
    connection: str  # the connection (profile) id it was signed with
    bucket: str
    target: str  # the key (GET, PUT) or key prefix (POST)
    kind: LinkKind
    created: datetime
    expires: datetime
    note: str = ""  # for whom, free text
    content_type: str = ""  # PUT: the fixed type; POST: the allowed prefix
    min_size: int = 0  # POST only
    max_size: int | None = None  # POST only
    disposition: str = ""  # GET: the response-content-disposition asked for ("" = default)

    def time_left(self, now: datetime) -> timedelta:
        """How long a link signed now may live: up to the original expiry, whole seconds."""
        return timedelta(seconds=max(0, int((self.expires - now).total_seconds())))

    def expired(self, now: datetime) -> bool:
        return self.time_left(now) < timedelta(seconds=1)

    def post_limits(self) -> PostLimits:
        return PostLimits(self.target, self.content_type, self.min_size, self.max_size)


def new_link(
    connection: str, bucket: str, target: str, kind: LinkKind, created: datetime,
    expires: datetime, **details: Any,
) -> SharedLink:
    return SharedLink(secrets.token_hex(8), connection, bucket, target, kind,
                      created.astimezone(UTC), expires.astimezone(UTC), **details)


def history_path(environ: Mapping[str, str]) -> Path:
    return data_dir(environ) / FILE_NAME


def _to_json(link: SharedLink) -> dict[str, Any]:
    values = asdict(link)
    values["kind"] = link.kind.value
    values["created"] = link.created.isoformat()
    values["expires"] = link.expires.isoformat()
    return values


def _from_json(values: Mapping[str, Any]) -> SharedLink:
    """One entry; ValueError/KeyError/TypeError for anything malformed."""
    max_size = values.get("max_size")
    if max_size is not None and not isinstance(max_size, int):
        raise TypeError("max_size")
    texts = {name: values.get(name, "") for name in (
        "id", "connection", "bucket", "target", "note", "content_type", "disposition")}
    if not all(isinstance(text, str) for text in texts.values()):
        raise TypeError("a text field")
    created = datetime.fromisoformat(str(values["created"]))
    expires = datetime.fromisoformat(str(values["expires"]))
    if created.tzinfo is None or expires.tzinfo is None:
        raise ValueError("times without a zone")
    return SharedLink(
        kind=LinkKind(values["kind"]), created=created, expires=expires,
        min_size=int(values.get("min_size", 0)), max_size=max_size, **texts)


class ShareHistory:
    """The entries in `path`, newest first; every change is saved at once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._links: list[SharedLink] = self._load()

    def _load(self) -> list[SharedLink]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as err:
            log.warning("share history unreadable, starting empty: %s", err)
            return []
        links: list[SharedLink] = []
        entries = data.get("links", []) if isinstance(data, dict) else []
        for values in entries if isinstance(entries, list) else []:
            try:
                links.append(_from_json(values))
            except (KeyError, ValueError, TypeError, AttributeError) as err:
                log.warning("skipped a malformed share history entry: %s", err)
        return links

    def links(self) -> list[SharedLink]:
        return list(self._links)

    def get(self, link_id: str) -> SharedLink | None:
        return next((link for link in self._links if link.id == link_id), None)

    def add(self, link: SharedLink) -> None:
        self._links = [link, *self._links][:MAX_ENTRIES]
        self._save()

    def set_note(self, link_id: str, note: str) -> None:
        self._links = [replace(link, note=note) if link.id == link_id else link
                       for link in self._links]
        self._save()

    def remove(self, link_id: str) -> None:
        self._links = [link for link in self._links if link.id != link_id]
        self._save()

    def remove_expired(self, now: datetime) -> int:
        kept = [link for link in self._links if not link.expired(now)]
        dropped = len(self._links) - len(kept)
        self._links = kept
        self._save()
        return dropped

    def _save(self) -> None:
        text = json.dumps({"version": _VERSION, "links": [_to_json(link) for link in
                                                            self._links]}, indent=1)
        write_atomically(self.path, text + "\n")


def countdown(link: SharedLink, now: datetime) -> str:
    """The time left as "3 d 04:05:06" (or "04:05:06" under a day), or "expired"."""
    if link.expired(now):
        return "expired"
    seconds = int(link.time_left(now).total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    return f"{days} d {clock}" if days else clock
