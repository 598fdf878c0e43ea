"""Connection settings and reading them from the seed-style `MINIO_*` environment variables."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from desktop_app.core.errors import ConfigError

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass(frozen=True)
class ConnectionSettings:
    """Where and how to connect. Secrets are excluded from repr so they never reach a log."""

    name: str
    host: str
    port: int
    secure: bool
    access_key: str
    secret_key: str = field(repr=False)
    session_token: str | None = field(default=None, repr=False)
    region: str | None = None
    initial_bucket: str | None = None
    verify_tls: bool = True
    ca_bundle: str | None = None
    # "auto" (path style except on AWS), "path" or "virtual"; see `effective_addressing`.
    addressing_style: str = "auto"

    @property
    def endpoint(self) -> str:
        """`host:port` as the SDK wants it (IPv6 hosts in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def url(self) -> str:
        return f"{'https' if self.secure else 'http'}://{self.endpoint}"

    def secrets(self) -> tuple[str, ...]:
        return tuple(s for s in (self.secret_key, self.session_token) if s)


ADDRESSING_STYLES = ("auto", "path", "virtual")


def is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def is_aws_host(host: str) -> bool:
    lowered = host.lower().rstrip(".")
    return lowered == "amazonaws.com" or lowered.endswith((".amazonaws.com", ".amazonaws.com.cn"))


def resolve_addressing(style: str, host: str) -> Literal["path", "virtual"]:
    """Auto picks virtual-host style only for AWS hosts; IPs, localhost and every other
    server (MinIO, SeaweedFS, Ceph...) get path style, which they all support and which
    needs no wildcard DNS."""
    if style in ("path", "virtual"):
        return "path" if style == "path" else "virtual"
    bare = host.strip("[]").lower().rstrip(".")
    if is_ip_address(bare) or bare == "localhost" or bare.endswith(".localhost"):
        return "path"
    if "." not in bare:
        return "path"
    return "virtual" if is_aws_host(bare) else "path"


def effective_addressing(settings: ConnectionSettings) -> str:
    """"path" or "virtual" for these settings (see `resolve_addressing`)."""
    return resolve_addressing(settings.addressing_style, settings.host)


def parse_bool(value: str, variable: str) -> bool:
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(
        f"{variable} is set to {value!r}, which is not a yes/no value.",
        "Use true or false.",
    )


def parse_endpoint(raw: str, secure_hint: bool | None) -> tuple[str, int, bool]:
    """Accept `host`, `host:port` or a URL; return host, port and whether TLS is used."""
    text = raw.strip()
    if not text:
        raise ConfigError("The endpoint is empty.", "Give a host and port, like localhost:9000.")
    if "://" not in text:
        text = f"{'https' if secure_hint else 'http'}://{text}"
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        raise ConfigError(
            f"The endpoint {raw!r} uses the scheme {parts.scheme!r}.", "Use http:// or https://."
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ConfigError(
            f"The endpoint {raw!r} has a path; S3 endpoints are only a host and a port.",
            "Remove everything after the port, and give the bucket separately.",
        )
    if parts.username or parts.password:
        raise ConfigError(
            "The endpoint contains a user name or password.",
            "Put the access key and secret key in their own fields instead.",
        )
    host = parts.hostname
    if not host:
        raise ConfigError(f"The endpoint {raw!r} has no host name.", "Use host:port.")
    try:
        port = parts.port
    except ValueError as exc:
        raise ConfigError(f"The port in {raw!r} is not valid.", "Use a number 1-65535.") from exc
    # An explicit scheme wins over MINIO_SECURE; without one the flag chose it above.
    secure = parts.scheme == "https"
    return host, port or (443 if secure else 80), secure


def from_environ(environ: Mapping[str, str]) -> ConnectionSettings | None:
    """Settings from `MINIO_ENDPOINT` & co., or None when no endpoint is configured."""
    raw_endpoint = environ.get("MINIO_ENDPOINT", "").strip()
    if not raw_endpoint:
        return None
    secure_raw = environ.get("MINIO_SECURE")
    secure_hint = None if secure_raw is None else parse_bool(secure_raw, "MINIO_SECURE")
    host, port, secure = parse_endpoint(raw_endpoint, secure_hint)
    access_key = environ.get("MINIO_ACCESS_KEY", "")
    secret_key = environ.get("MINIO_SECRET_KEY", "")
    if not access_key or not secret_key:
        raise ConfigError(
            "MINIO_ENDPOINT is set but MINIO_ACCESS_KEY or MINIO_SECRET_KEY is missing.",
            "Set both keys, or unset MINIO_ENDPOINT to use the local sandbox.",
        )
    return ConnectionSettings(
        name=host,
        host=host,
        port=port,
        secure=secure,
        access_key=access_key,
        secret_key=secret_key,
        region=environ.get("MINIO_REGION") or None,
        initial_bucket=environ.get("MINIO_BUCKET_NAME") or None,
    )
