"""Find connections the user already has in other tools and turn them into profile candidates.

Sources: `mc` aliases (`~/.mc/config.json`), rclone S3 remotes (`rclone.conf`), AWS CLI
profiles (`~/.aws/credentials` + `~/.aws/config`) and the seed-style `MINIO_*` variables.
Each reader returns candidates (a Profile plus its Secrets, to be moved into the keyring by the
caller) and plain-words notes about what it skipped. Paths are parameters so tests can point
them at sample files; nothing here writes anything.
"""

from __future__ import annotations

import configparser
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.connection import from_environ
from desktop_app.core.errors import ConfigError
from desktop_app.core.profiles import (
    Profile,
    Secrets,
    coerce_style,
    new_profile_id,
    normalize_endpoint,
)

_PLACEHOLDERS = {"", "YOUR-ACCESS-KEY-HERE", "YOUR-SECRET-KEY-HERE"}


@dataclass(frozen=True)
class Candidate:
    """One connection found elsewhere; `origin` says where, for the import list."""

    profile: Profile
    secrets: Secrets
    origin: str


@dataclass
class ImportResult:
    source: str
    candidates: list[Candidate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the dialog: how many were found and what was skipped."""
        count = len(self.candidates)
        found = f"{count} connection{'s' if count != 1 else ''} found in {self.source}."
        return " ".join([found, *self.notes])


def _candidate(name: str, endpoint: str, access_key: str, secret_key: str, origin: str,
               *, token: str = "", region: str = "", style: str = "auto") -> Candidate:
    profile = Profile(
        id=new_profile_id(),
        name=name,
        endpoint=normalize_endpoint(endpoint),
        access_key=access_key,
        region=region,
        addressing_style=coerce_style(style),
        has_session_token=bool(token),
    )
    return Candidate(profile, Secrets(secret_key, token or None), origin)


def _aws_endpoint(region: str) -> str:
    if not region or region == "us-east-1":
        return "https://s3.amazonaws.com"
    suffix = ".cn" if region.startswith("cn-") else ""
    return f"https://s3.{region}.amazonaws.com{suffix}"


# -- mc --------------------------------------------------------------------------------------
def default_mc_config(home: Path, environ: Mapping[str, str]) -> Path:
    if folder := environ.get("MC_CONFIG_DIR"):
        return Path(folder) / "config.json"
    return home / ".mc" / "config.json"


def from_mc(path: Path) -> ImportResult:
    result = ImportResult(f"mc ({path})")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        result.notes.append("The file does not exist.")
        return result
    except (OSError, ValueError) as exc:
        result.notes.append(f"The file could not be read ({type(exc).__name__}).")
        return result
    aliases = (data.get("aliases") or data.get("hosts") or {}) if isinstance(data, dict) else {}
    if not isinstance(aliases, dict):
        result.notes.append("It has no aliases.")
        return result
    skipped: list[str] = []
    for alias, entry in aliases.items():
        if not isinstance(entry, dict):
            continue
        access, secret = str(entry.get("accessKey", "")), str(entry.get("secretKey", ""))
        if access in _PLACEHOLDERS or secret in _PLACEHOLDERS:
            skipped.append(alias)
            continue
        try:
            result.candidates.append(_candidate(
                alias, str(entry.get("url", "")), access, secret, f"mc alias {alias}",
                token=str(entry.get("sessionToken", "") or ""),
                style={"on": "path", "off": "virtual"}.get(str(entry.get("path", "auto")),
                                                           "auto"),
            ))
        except ConfigError as exc:
            result.notes.append(f"Alias “{alias}” skipped: {exc.message}")
    if skipped:
        result.notes.append(f"Skipped without keys: {', '.join(sorted(skipped))}.")
    return result


# -- rclone ----------------------------------------------------------------------------------
def default_rclone_config(home: Path, environ: Mapping[str, str]) -> Path:
    if explicit := environ.get("RCLONE_CONFIG"):
        return Path(explicit)
    base = Path(environ["XDG_CONFIG_HOME"]) if environ.get("XDG_CONFIG_HOME") else (
        home / ".config")
    return base / "rclone" / "rclone.conf"


def _read_ini(path: Path, result: ImportResult) -> configparser.RawConfigParser | None:
    parser = configparser.RawConfigParser(default_section="\0none")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        result.notes.append("The file does not exist.")
        return None
    except (OSError, UnicodeDecodeError) as exc:
        result.notes.append(f"The file could not be read ({type(exc).__name__}).")
        return None
    if "RCLONE_ENCRYPT_V0:" in text:
        result.notes.append("The file is encrypted; decrypt it with rclone first.")
        return None
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as exc:
        result.notes.append(f"The file is not a valid settings file ({type(exc).__name__}).")
        return None
    return parser


def from_rclone(path: Path) -> ImportResult:
    result = ImportResult(f"rclone ({path})")
    parser = _read_ini(path, result)
    if parser is None:
        return result
    for remote in parser.sections():
        section = parser[remote]
        if section.get("type", "").strip() != "s3":
            continue
        access = section.get("access_key_id", "").strip()
        secret = section.get("secret_access_key", "").strip()
        if not access or not secret:
            reason = "uses env_auth" if section.get("env_auth", "") == "true" else "has no keys"
            result.notes.append(f"Remote “{remote}” skipped: it {reason}.")
            continue
        region = section.get("region", "").strip()
        endpoint = section.get("endpoint", "").strip()
        if not endpoint:
            endpoint = _aws_endpoint(region)
        # rclone's force_path_style defaults to true.
        path_style = section.get("force_path_style", "true").strip().lower() != "false"
        try:
            result.candidates.append(_candidate(
                remote, endpoint, access, secret, f"rclone remote {remote}",
                token=section.get("session_token", "").strip(), region=region,
                style="path" if path_style else "auto",
            ))
        except ConfigError as exc:
            result.notes.append(f"Remote “{remote}” skipped: {exc.message}")
    return result


# -- AWS CLI ---------------------------------------------------------------------------------
def default_aws_files(home: Path, environ: Mapping[str, str]) -> tuple[Path, Path]:
    credentials = environ.get("AWS_SHARED_CREDENTIALS_FILE") or home / ".aws" / "credentials"
    config = environ.get("AWS_CONFIG_FILE") or home / ".aws" / "config"
    return Path(credentials), Path(config)


def _nested(value: str) -> dict[str, str]:
    """The indented sub-settings of an AWS config key such as `s3 =`."""
    pairs: dict[str, str] = {}
    for line in value.splitlines():
        key, sep, val = line.partition("=")
        if sep:
            pairs[key.strip()] = val.strip()
    return pairs


def from_aws(credentials_path: Path, config_path: Path) -> ImportResult:
    result = ImportResult(f"AWS ({credentials_path})")
    creds = _read_ini(credentials_path, result)
    if creds is None:
        return result
    config = configparser.RawConfigParser(default_section="\0none")
    try:
        config.read_string(config_path.read_text(encoding="utf-8"), source=str(config_path))
    except (OSError, UnicodeDecodeError, configparser.Error):
        config = configparser.RawConfigParser(default_section="\0none")  # optional file
    for name in creds.sections():
        section = creds[name]
        access = section.get("aws_access_key_id", "").strip()
        secret = section.get("aws_secret_access_key", "").strip()
        if not access or not secret:
            result.notes.append(f"Profile “{name}” skipped: it has no keys.")
            continue
        conf_name = name if name == "default" else f"profile {name}"
        conf = config[conf_name] if config.has_section(conf_name) else {}
        s3 = _nested(conf.get("s3", ""))
        region = conf.get("region", "").strip() or s3.get("region", "")
        endpoint = (s3.get("endpoint_url") or conf.get("endpoint_url", "").strip()
                    or _aws_endpoint(region))
        try:
            result.candidates.append(_candidate(
                f"aws {name}", endpoint, access, secret, f"AWS profile {name}",
                token=section.get("aws_session_token", "").strip(), region=region,
                style=s3.get("addressing_style", "auto"),
            ))
        except ConfigError as exc:
            result.notes.append(f"Profile “{name}” skipped: {exc.message}")
    return result


# -- environment -----------------------------------------------------------------------------
def from_env(environ: Mapping[str, str]) -> ImportResult:
    result = ImportResult("the MINIO_* environment variables")
    try:
        settings = from_environ(environ)
    except ConfigError as exc:
        result.notes.append(exc.user_text())
        return result
    if settings is None:
        result.notes.append("MINIO_ENDPOINT is not set.")
        return result
    result.candidates.append(_candidate(
        settings.host, settings.url, settings.access_key, settings.secret_key,
        "MINIO_* environment", region=settings.region or "",
    ))
    return result


def import_all(home: Path, environ: Mapping[str, str]) -> list[ImportResult]:
    """Every source at its usual place, for the dialog's "Import" button."""
    credentials, config = default_aws_files(home, environ)
    return [
        from_mc(default_mc_config(home, environ)),
        from_rclone(default_rclone_config(home, environ)),
        from_aws(credentials, config),
        from_env(environ),
    ]
