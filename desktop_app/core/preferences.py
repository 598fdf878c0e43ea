"""The user's preferences: one typed value, kept in `settings.json` in the config folder.

Preferences are what the user chooses (transfer limits, preview limit, theme, language...);
window layout (`view.ini`) is state the app remembers by itself and stays where it is.

Older versions kept transfer settings in `transfers.json` and the preview limit in the
environment variable `MINIO_DESKTOP_PREVIEW_LIMIT_MB`. A `transfers.json` found in the config
folder is merged into `settings.json` and moved aside (`transfers.json.migrated`), so there is
one file to look at; the variable is taken in when `settings.json` is first written, and
still overrides the preview limit for a run where it is set (like `MINIO_ENDPOINT`).

Reading never fails as a whole: a value that is missing, of the wrong type or out of range
keeps its default and is named in `Loaded.problems`, so one typo does not reset the rest.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from desktop_app.core.profiles import write_atomically

FILE_NAME = "settings.json"
LEGACY_TRANSFERS = "transfers.json"
PREVIEW_LIMIT_ENV = "MINIO_DESKTOP_PREVIEW_LIMIT_MB"
FORMAT_VERSION = 1
POOL_SIZE = 32  # the S3 adapter's HTTP connection pool: files + parts must fit in it

CONFLICTS = ("ask", "overwrite", "skip", "keep-both", "skip-if-identical")
VERIFICATIONS = ("checksum", "size")  # hash-check every transfer, or compare sizes only
THEMES = ("system", "light", "dark")

# (low, high) for every whole-number setting; the dialog uses the same ranges.
RANGES: dict[str, tuple[int, int]] = {
    "files_at_once": (1, POOL_SIZE - 1),
    "parts_per_file": (1, 64),
    "part_size_mib": (5, 5120),
    "bandwidth_limit_mib_s": (0, 100_000),
    "wait_for_server_min": (0, 7 * 24 * 60),
    "preview_limit_mib": (1, 1024),
}


@dataclass(frozen=True)
class TransferPrefs:
    """How the transfer engine works; 0 bandwidth means no limit."""

    files_at_once: int = 16
    parts_per_file: int = 4
    part_size_mib: int = 8
    bandwidth_limit_mib_s: int = 0
    conflict: str = "ask"
    verification: str = "checksum"
    wait_for_server_min: int = 30


@dataclass(frozen=True)
class Confirmations:
    """Questions the user may turn off."""

    delete: bool = True  # ask before deleting objects and folders
    quit_with_transfers: bool = True  # ask before quitting while transfers still run


@dataclass(frozen=True)
class Preferences:
    transfers: TransferPrefs = field(default_factory=TransferPrefs)
    preview_limit_mib: int = 20
    download_folder: str = ""  # where Download… starts; "" = the user's Downloads folder
    confirmations: Confirmations = field(default_factory=Confirmations)
    theme: str = "system"  # "system" follows the desktop's light/dark scheme
    language: str = ""  # "" = the system's language; else a code such as "de"
    notifications: bool = True  # a desktop notification when a batch ends in the background

    @property
    def preview_limit(self) -> int:
        return self.preview_limit_mib * 1024 * 1024


@dataclass(frozen=True)
class Loaded:
    """What `load` found: the preferences, what was wrong, and what was taken over."""

    preferences: Preferences
    problems: tuple[str, ...] = ()
    migrated: tuple[str, ...] = ()
    env_preview_limit: int | None = None  # MiB from the environment, for this run only

    def problem_text(self) -> str:
        return " ".join(self.problems)


def settings_path(folder: Path) -> Path:
    return folder / FILE_NAME


# -- checking values ---------------------------------------------------------------------
def _check(name: str, value: Any, default: Any, where: str, problems: list[str]) -> Any:
    """`value` when it is valid for setting `name`, else `default` (and a problem noted)."""
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        problems.append(f"“{name}” in {where} must be true or false.")
        return default
    if isinstance(default, int):
        low, high = RANGES[name]
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        problems.append(f"“{name}” in {where} must be a whole number from {low} to {high}.")
        return default
    choices = {"conflict": CONFLICTS, "verification": VERIFICATIONS, "theme": THEMES}.get(name)
    if choices is not None:
        if value in choices:
            return value
        problems.append(f"“{name}” in {where} must be one of: {', '.join(choices)}.")
        return default
    if isinstance(value, str) and "\x00" not in value and len(value) < 4096:
        return value
    problems.append(f"“{name}” in {where} must be text.")
    return default


def _merge(obj: Any, data: Mapping[str, Any], where: str, problems: list[str]) -> Any:
    """A copy of the dataclass `obj` with the known keys of `data` applied (checked)."""
    changes: dict[str, Any] = {}
    for f in fields(obj):
        if f.name not in data:
            continue
        current, value = getattr(obj, f.name), data[f.name]
        if hasattr(current, "__dataclass_fields__"):
            if isinstance(value, dict):
                changes[f.name] = _merge(current, value, where, problems)
            else:
                problems.append(f"“{f.name}” in {where} must be an object.")
        else:
            changes[f.name] = _check(f.name, value, current, where, problems)
    return replace(obj, **changes)


def validate(prefs: Preferences) -> list[str]:
    """What is wrong with `prefs` (e.g. built by the dialog); empty when all is valid."""
    problems: list[str] = []
    _merge(Preferences(), asdict(prefs), "the preferences", problems)
    return problems


# -- reading and writing -----------------------------------------------------------------
def _read_json(path: Path, problems: list[str]) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        problems.append(f"The settings in {path} cannot be read ({exc}); the defaults are "
                        "used. Fix the file, or save the preferences to replace it.")
        return None
    if not isinstance(data, dict):
        problems.append(f"The settings in {path} must be a JSON object; the defaults are used.")
        return None
    return data


def _env_preview_limit(environ: Mapping[str, str], problems: list[str]) -> int | None:
    raw = environ.get(PREVIEW_LIMIT_ENV, "").strip()
    if not raw:
        return None
    low, high = RANGES["preview_limit_mib"]
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if low <= value <= high:
        return value
    problems.append(f"{PREVIEW_LIMIT_ENV} is “{raw}”, not a whole number of MiB from {low} to "
                    f"{high}. Fix or unset it; the saved preview limit is used meanwhile.")
    return None


def load(folder: Path, environ: Mapping[str, str] | None = None) -> Loaded:
    """The saved preferences (defaults where nothing is saved), after taking over the old
    files: a `transfers.json` is merged in and moved aside, and a first start takes the
    preview limit from the environment. Writes `settings.json` when anything was taken over."""
    environ = environ if environ is not None else {}
    problems: list[str] = []
    migrated: list[str] = []
    path = settings_path(folder)
    first = not path.exists()
    data = _read_json(path, problems)
    prefs = Preferences()
    if data is not None:
        version = data.get("version", FORMAT_VERSION)
        if isinstance(version, int) and version > FORMAT_VERSION:
            problems.append(f"{path} was written by a newer version of the app (format "
                            f"{version}); settings this version knows are used, and saving "
                            "keeps only those.")
        prefs = _merge(prefs, data, str(path), problems)
    env_limit = _env_preview_limit(environ, problems)
    if first and env_limit is not None:
        prefs = replace(prefs, preview_limit_mib=env_limit)
        migrated.append(PREVIEW_LIMIT_ENV)
    legacy = folder / LEGACY_TRANSFERS
    legacy_data = _read_json(legacy, problems) if legacy.exists() else None
    if legacy.exists():
        known = {f.name for f in fields(TransferPrefs)}
        unknown = sorted(set(legacy_data or {}) - known)
        if unknown:
            problems.append(f"{legacy} has settings this version does not know: "
                            f"{', '.join(unknown)}.")
        where = f"{legacy} (now in {FILE_NAME})"
        transfers = _merge(prefs.transfers, legacy_data or {}, where, problems)
        prefs = replace(prefs, transfers=transfers)
        migrated.append(LEGACY_TRANSFERS)
    if migrated:
        try:
            save(folder, prefs)
            if legacy.exists():
                os.replace(legacy, legacy.with_name(LEGACY_TRANSFERS + ".migrated"))
        except OSError as exc:
            problems.append(f"The settings could not be written to {path} ({exc.strerror}). "
                            "Check the folder's permissions.")
    return Loaded(prefs, tuple(problems), tuple(migrated), env_limit)


def to_json(prefs: Preferences) -> str:
    data = {"version": FORMAT_VERSION, **asdict(prefs)}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def save(folder: Path, prefs: Preferences) -> None:
    """Write atomically (a crash leaves the old or the new file); ValueError if invalid."""
    problems = validate(prefs)
    if problems:
        raise ValueError(" ".join(problems))
    write_atomically(settings_path(folder), to_json(prefs))
