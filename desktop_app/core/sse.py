"""Server-side encryption settings: a customer key (SSE-C) or server-managed keys (SSE-S3).

A customer key is 32 bytes the server never stores: every request that writes or reads the
object's bytes (PUT, each multipart part, GET, ranged GET, HEAD, the source and the target of a
copy) must carry it, in base64, with its MD5. Lose the key and the object cannot be read by
anyone. The key is kept only in the keyring (`EncryptionStore`), per connection or per bucket,
and every value of it is handed to the log filter so it never reaches a log line.

SSE-C needs HTTPS: the key travels in a header. Over http it is refused (`https_problem`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from desktop_app.core.errors import AppError, ConfigError
from desktop_app.core.logging_setup import remember_secrets

KEY_BYTES = 32
ALGORITHM = "AES256"
_PREFIX = "x-amz-server-side-encryption-customer-"
_COPY_PREFIX = "x-amz-copy-source-server-side-encryption-customer-"
SSE_HEADER = "x-amz-server-side-encryption"
CONNECTION_SCOPE = ""  # the scope name of a connection-wide setting (buckets use their name)


class Mode(Enum):
    """How new uploads are encrypted."""

    NONE = "none"
    CUSTOMER = "sse-c"  # our key, sent with every request
    SERVER = "sse-s3"  # the server's own keys (x-amz-server-side-encryption: AES256)


@dataclass(frozen=True)
class CustomerKey:
    """A 256-bit SSE-C key; its bytes stay out of repr so they never reach a log."""

    raw: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.raw) != KEY_BYTES:
            raise ConfigError(
                f"An encryption key must be exactly {KEY_BYTES} bytes (256 bits); this one "
                f"is {len(self.raw)}.", "Paste the whole key, as base64 (44 characters).")

    @classmethod
    def generate(cls) -> CustomerKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    @classmethod
    def from_base64(cls, text: str) -> CustomerKey:
        """A pasted key: base64 of 32 bytes (spaces and line breaks ignored)."""
        cleaned = "".join(text.split())
        try:
            raw = base64.b64decode(cleaned, validate=True)
        except (binascii.Error, ValueError):
            raise ConfigError("The key is not valid base64.",
                              "Paste the key exactly as it was given (44 characters, "
                              "ending in “=”).") from None
        return cls(raw)

    @property
    def b64(self) -> str:
        return base64.b64encode(self.raw).decode("ascii")

    @property
    def md5_b64(self) -> str:
        return base64.b64encode(hashlib.md5(self.raw, usedforsecurity=False).digest()).decode(
            "ascii")

    @property
    def fingerprint(self) -> str:
        """A short name for the key (from its MD5, which servers echo anyway): lets a user
        tell keys apart without showing one."""
        return hashlib.md5(self.raw, usedforsecurity=False).hexdigest()[:8]

    def secrets(self) -> tuple[str, ...]:
        """Every text form of the key, for the log filter."""
        return (self.b64, self.raw.hex())

    def headers(self) -> dict[str, str]:
        """The headers of a request that writes or reads the object's bytes."""
        return {f"{_PREFIX}algorithm": ALGORITHM, f"{_PREFIX}key": self.b64,
                f"{_PREFIX}key-MD5": self.md5_b64}

    def copy_source_headers(self) -> dict[str, str]:
        """The headers naming the key of a copy's source object."""
        return {f"{_COPY_PREFIX}algorithm": ALGORITHM, f"{_COPY_PREFIX}key": self.b64,
                f"{_COPY_PREFIX}key-MD5": self.md5_b64}


@dataclass(frozen=True)
class Encryption:
    """One scope's setting: the mode for new uploads and, for SSE-C, the key."""

    mode: Mode = Mode.NONE
    key: CustomerKey | None = field(default=None, repr=False)

    def to_json(self) -> str:
        return json.dumps({"mode": self.mode.value, "key": self.key.b64 if self.key else None})

    @classmethod
    def from_json(cls, text: str) -> Encryption:
        try:
            data = json.loads(text)
            mode = Mode(data["mode"])
            key = CustomerKey.from_base64(data["key"]) if data.get("key") else None
        except (ValueError, KeyError, TypeError, ConfigError):
            raise ConfigError("The saved encryption setting is damaged.",
                              "Open Encryption keys… and set the key again.") from None
        if mode is Mode.CUSTOMER and key is None:
            raise ConfigError("The saved encryption setting has no key.",
                              "Open Encryption keys… and set the key again.")
        return cls(mode, key)


def server_headers(mode: Mode) -> dict[str, str]:
    """The upload header of server-managed encryption (nothing for the others)."""
    return {SSE_HEADER: ALGORITHM} if mode is Mode.SERVER else {}


def https_problem(secure: bool) -> str | None:
    """Why a customer key cannot be used on this connection; None over HTTPS."""
    if secure:
        return None
    return ("Customer-key encryption needs an HTTPS connection: over http the key would "
            "travel in the clear with every request.")


class EncryptionKeys:
    """The settings in force for one connection, by scope (a bucket, or the connection).

    Thread-safe; picklable (a copy travels to the transfer process over its pipe, never
    through a file or the environment)."""

    def __init__(self, settings: Mapping[str, Encryption] | None = None) -> None:
        self._lock = threading.Lock()
        self._by_scope: dict[str, Encryption] = {}
        self.replace(settings or {})

    def __getstate__(self) -> dict[str, Encryption]:
        with self._lock:
            return dict(self._by_scope)

    def __setstate__(self, state: dict[str, Encryption]) -> None:
        self._lock = threading.Lock()
        self._by_scope = dict(state)

    def __repr__(self) -> str:
        return f"EncryptionKeys(scopes={sorted(self._by_scope)!r})"  # never the keys

    def set(self, scope: str, setting: Encryption | None) -> None:
        """Put one scope's setting in force (None removes it); its key is cut from the log
        from now on."""
        if setting is not None and setting.key is not None:
            remember_secrets(setting.key.secrets())
        with self._lock:
            if setting is None or (setting.mode is Mode.NONE and setting.key is None):
                self._by_scope.pop(scope, None)
            else:
                self._by_scope[scope] = setting

    def replace(self, settings: Mapping[str, Encryption]) -> None:
        remember_secrets(s for v in settings.values() if v.key for s in v.key.secrets())
        with self._lock:
            self._by_scope = dict(settings)

    def snapshot(self) -> dict[str, Encryption]:
        with self._lock:
            return dict(self._by_scope)

    def for_bucket(self, bucket: str) -> Encryption:
        """The bucket's own setting, else the connection's, else none."""
        with self._lock:
            return self._by_scope.get(bucket) or self._by_scope.get(CONNECTION_SCOPE) \
                or Encryption()

    def key_for(self, bucket: str) -> CustomerKey | None:
        """The customer key reads of `bucket` send (a key is sent even when new uploads use
        another mode: objects written earlier may need it)."""
        return self.for_bucket(bucket).key

    def all_secrets(self) -> Iterable[str]:
        with self._lock:
            settings = list(self._by_scope.values())
        for setting in settings:
            if setting.key is not None:
                yield from setting.key.secrets()


class CustomerKeyNeeded(AppError):
    """An object encrypted with a customer key that this request did not carry (or carried
    another one). The UI offers "Enter encryption key…" on it."""

    title = "Encrypted object"

    def __init__(self, message: str, hint: str, bucket: str, key: str,
                 wrong_key: bool) -> None:
        super().__init__(message, hint)
        self.bucket = bucket
        self.key = key
        self.wrong_key = wrong_key

    def __reduce__(self) -> tuple[type[CustomerKeyNeeded], tuple[str, str, str, str, bool]]:
        """Whole across the transfer process's pipe (the UI offers the key on it)."""
        return (type(self), (self.message, self.hint, self.bucket, self.key, self.wrong_key))


_KEY_HINT = ("Enter the key it was uploaded with: Encryption keys… in the Bucket menu or the "
             "bucket's right-click menu.")


def key_needed(bucket: str, key: str, had_key: bool) -> CustomerKeyNeeded:
    name = f"“{key}”" if key else "This object"
    if had_key:
        return CustomerKeyNeeded(
            f"{name} is encrypted with a customer key, and not with the key set for "
            f"“{bucket}” (or you may not read it).",
            _KEY_HINT,
            bucket, key, wrong_key=True)
    return CustomerKeyNeeded(
        f"{name} is encrypted with a customer key, which the server does not keep: it can "
        "be read only with that key.",
        _KEY_HINT,
        bucket, key, wrong_key=False)


def customer_key_error(code: str, status: int, message: str, bucket: str, key: str,
                       had_key: bool) -> CustomerKeyNeeded | None:
    """The refusal of a request on an SSE-C object, told as such; None for anything else.

    What servers answer (SeaweedFS 4.48 checked by tests/test_sse.py; AWS alike): a GET
    without the key, 400 InvalidArgument "...must provide the customer key"; a HEAD without
    it, a bare 400 (no body, so no message); a wrong key, 403 AccessDenied."""
    if not key:
        return None
    lowered = message.lower()
    if status == 400 and "customer" in lowered and ("key" in lowered or "encrypt" in lowered):
        return key_needed(bucket, key, had_key)
    if status == 400 and code == "BadRequest" and lowered.strip(" .") in ("", "bad request"):
        return key_needed(bucket, key, had_key)  # a HEAD: the answer has no body
    if status == 403 and code == "AccessDenied" and had_key:
        return key_needed(bucket, key, had_key=True)
    return None


def describe_encryption(headers: Mapping[str, str]) -> str:
    """How an object is stored, from its HEAD headers (lower-case names); "" when in plain."""
    if headers.get(f"{_PREFIX}algorithm"):
        return f"Customer key (SSE-C, {headers[f'{_PREFIX}algorithm']})"
    value = headers.get(SSE_HEADER, "").strip()
    if value.upper() == ALGORITHM:
        return "SSE-S3 (AES256)"
    if value.lower().startswith("aws:kms"):
        kms_key = headers.get("x-amz-server-side-encryption-aws-kms-key-id", "")
        return f"SSE-KMS ({kms_key})" if kms_key else "SSE-KMS"
    return value
