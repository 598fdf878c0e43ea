"""Connection profiles (never their secrets) and the versioned JSON file that keeps them.

A `Profile` is what the user typed in the connection manager minus the secret key and session
token, which live in the OS keyring (`core/credentials.py`). The file is written atomically and
never silently dropped: a corrupt or newer-format file is moved to a side file and reported.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal, get_args

from desktop_app.core.connection import ConnectionSettings, parse_endpoint, resolve_addressing
from desktop_app.core.errors import ConfigError

AddressingStyle = Literal["auto", "path", "virtual"]
ADDRESSING_STYLES: tuple[str, ...] = get_args(AddressingStyle)
PROFILES_FILE = "profiles.json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Secrets:
    """What goes to the keyring; excluded from repr so it never reaches a log."""

    secret_key: str = field(repr=False)
    session_token: str | None = field(default=None, repr=False)

    def values(self) -> tuple[str, ...]:
        return tuple(s for s in (self.secret_key, self.session_token) if s)


@dataclass(frozen=True)
class Profile:
    """One saved connection. No secrets: `has_session_token` only says one is in the keyring."""

    id: str
    name: str
    endpoint: str
    access_key: str
    region: str = ""
    addressing_style: AddressingStyle = "auto"
    verify_tls: bool = True
    ca_bundle: str = ""
    allow_invalid_certs: bool = False
    has_session_token: bool = False

    @property
    def insecure_tls(self) -> bool:
        """True when certificates are not checked (either flag says so)."""
        return self.allow_invalid_certs or not self.verify_tls

    def with_changes(self, **changes: Any) -> Profile:
        return replace(self, **changes)


def new_profile_id() -> str:
    return uuid.uuid4().hex


def normalize_endpoint(raw: str) -> str:
    """`scheme://host:port` for what the user typed; raises ConfigError with user text.

    Without a scheme we assume https - the safe default for a server on the network.
    """
    host, port, secure = parse_endpoint(raw, secure_hint=None if "://" in raw else True)
    if not 1 <= port <= 65535:
        raise ConfigError(f"The port {port} is out of range.", "Use a number 1-65535.")
    shown = f"[{host}]" if ":" in host else host
    return f"{'https' if secure else 'http'}://{shown}:{port}"


def endpoint_problem(raw: str) -> str | None:
    """A message for the form while the user types; None when the endpoint is fine."""
    try:
        normalize_endpoint(raw)
    except ConfigError as exc:
        return exc.user_text()
    return None


def to_settings(profile: Profile, secrets: Secrets) -> ConnectionSettings:
    """The settings the storage adapter needs, with the secrets joined in at the last moment."""
    host, port, secure = parse_endpoint(profile.endpoint, secure_hint=True)
    return ConnectionSettings(
        name=profile.name,
        host=host,
        port=port,
        secure=secure,
        access_key=profile.access_key,
        secret_key=secrets.secret_key,
        session_token=secrets.session_token or None,
        region=profile.region or None,
        verify_tls=not profile.insecure_tls,
        ca_bundle=profile.ca_bundle or None,
        addressing_style=resolve_addressing(profile.addressing_style, host),
    )


class ProfileFileError(ConfigError):
    """The saved connections could not be read; the file was kept in `backup`."""

    title = "Saved connections could not be read"

    def __init__(self, message: str, hint: str, backup: Path | None) -> None:
        super().__init__(message, hint)
        self.backup = backup


def _profile_from_json(raw: Any) -> Profile:
    if not isinstance(raw, dict):
        raise ValueError("a profile entry is not an object")
    known = {f.name: f for f in fields(Profile)}
    values = {k: v for k, v in raw.items() if k in known}  # unknown keys: from a newer minor
    for name in ("id", "name", "endpoint", "access_key"):
        if not isinstance(values.get(name), str) or (not values[name] and name != "access_key"):
            raise ValueError(f"a profile has no valid {name!r}")
    for name in ("region", "ca_bundle"):
        if not isinstance(values.get(name, ""), str):
            raise ValueError(f"a profile has an invalid {name!r}")
    for name in ("verify_tls", "allow_invalid_certs", "has_session_token"):
        if not isinstance(values.get(name, False), bool):
            raise ValueError(f"a profile has an invalid {name!r}")
    if values.get("addressing_style", "auto") not in ADDRESSING_STYLES:
        raise ValueError("a profile has an unknown addressing style")
    return Profile(**values)


def write_atomically(path: Path, text: str) -> None:
    """Temp file in the same folder, fsync, rename: a crash leaves the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class ProfileStore:
    """The profiles file under the config dir, plus the set of profiles open last time."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / PROFILES_FILE
        self._profiles: dict[str, Profile] = {}
        self.open_ids: list[str] = []

    # -- reading -------------------------------------------------------------------------
    def load(self) -> None:
        """Read the file. On a bad file: move it aside, start empty, raise ProfileFileError."""
        self._profiles, self.open_ids = {}, []
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except OSError as exc:
            raise ProfileFileError(
                f"The saved connections in {self.path} could not be read ({exc.strerror}).",
                "Check the file's permissions.",
                None,
            ) from exc
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or not isinstance(data.get("version"), int):
                raise ValueError("no format version")
            version = data["version"]
        except ValueError:
            backup = self._move_aside("corrupt")
            raise ProfileFileError(
                "The saved connections file is damaged and could not be read.",
                f"It was kept as {backup}; the connections list starts empty. "
                "Add your connections again or repair that file.",
                backup,
            ) from None
        if version > FORMAT_VERSION:
            backup = self._move_aside(f"v{version}")
            raise ProfileFileError(
                f"The saved connections were written by a newer version of the app "
                f"(format {version}; this version reads format {FORMAT_VERSION}).",
                f"They were kept unchanged as {backup}; update the app to use them again.",
                backup,
            )
        try:
            profiles = [_profile_from_json(p) for p in data.get("profiles", [])]
            open_ids = [str(i) for i in data.get("open", []) if isinstance(i, str)]
        except (ValueError, TypeError) as exc:
            backup = self._move_aside("corrupt")
            raise ProfileFileError(
                f"The saved connections file is damaged ({exc}).",
                f"It was kept as {backup}; the connections list starts empty.",
                backup,
            ) from None
        self._profiles = {p.id: p for p in profiles}
        self.open_ids = [i for i in open_ids if i in self._profiles]

    def _move_aside(self, reason: str) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"{self.path.name}.{reason}-{stamp}")
        counter = 1
        while backup.exists():
            backup = self.path.with_name(f"{self.path.name}.{reason}-{stamp}-{counter}")
            counter += 1
        os.replace(self.path, backup)
        return backup

    # -- the list ------------------------------------------------------------------------
    @property
    def profiles(self) -> list[Profile]:
        return sorted(self._profiles.values(), key=lambda p: p.name.casefold())

    def get(self, profile_id: str) -> Profile | None:
        return self._profiles.get(profile_id)

    def find_by_name(self, name: str) -> Profile | None:
        wanted = name.strip().casefold()
        return next((p for p in self._profiles.values() if p.name.casefold() == wanted), None)

    def unique_name(self, base: str) -> str:
        """`base`, or `base (2)`, `base (3)`... whichever is free."""
        name, counter = base, 2
        while self.find_by_name(name) is not None:
            name, counter = f"{base} ({counter})", counter + 1
        return name

    def put(self, profile: Profile) -> None:
        self._profiles[profile.id] = profile

    def remove(self, profile_id: str) -> None:
        self._profiles.pop(profile_id, None)
        self.open_ids = [i for i in self.open_ids if i != profile_id]

    def set_open(self, profile_ids: list[str]) -> None:
        """Remember which profiles were open, to reopen them on the next start."""
        self.open_ids = [i for i in dict.fromkeys(profile_ids) if i in self._profiles]

    # -- writing -------------------------------------------------------------------------
    def serialize(self) -> str:
        data = {
            "version": FORMAT_VERSION,
            "profiles": [asdict(p) for p in self.profiles],
            "open": self.open_ids,
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def save(self) -> None:
        write_atomically(self.path, self.serialize())

    def copy(self) -> ProfileStore:
        """A staged copy: the GUI changes it, a worker writes it, then it replaces the old."""
        twin = ProfileStore(self.path.parent)
        twin._profiles = dict(self._profiles)
        twin.open_ids = list(self.open_ids)
        return twin

    def adopt(self, staged: ProfileStore) -> None:
        """Take over the content of a staged copy once it has been written."""
        self._profiles = dict(staged._profiles)
        self.open_ids = list(staged.open_ids)


def coerce_style(value: str) -> AddressingStyle:
    """Map foreign spellings (mc's on/off, rclone's booleans) to our addressing styles."""
    lowered = value.strip().lower()
    if lowered in ("path", "on", "true", "1", "yes"):
        return "path"
    if lowered in ("virtual", "off", "false", "0", "no", "dns", "virtual-host"):
        return "virtual"
    return "auto"
