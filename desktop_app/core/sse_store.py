"""Encryption settings in the OS keyring: one entry per connection profile holding every
scope's setting (the connection's and each bucket's), since a keyring cannot list entries.

The entry is in its own service (`minio-desktop-encryption`), beside the profile's secret, and
goes through the same `SecretStore` (same refusal of plaintext backends, same timeouts). With
no usable keyring the settings live in memory for this session only; they are never written
anywhere else.
"""

from __future__ import annotations

import contextlib
import json
import threading

from keyring.errors import PasswordDeleteError

from desktop_app.core.credentials import SecretStore
from desktop_app.core.errors import ConfigError
from desktop_app.core.logging_setup import remember_secrets
from desktop_app.core.sse import Encryption

SERVICE = "minio-desktop-encryption"


class EncryptionStore:
    """Load, save and forget a profile's encryption settings."""

    def __init__(self, secrets: SecretStore) -> None:
        self._secrets = secrets
        self._session: dict[str, dict[str, Encryption]] = {}
        self._lock = threading.Lock()

    @property
    def problem(self) -> str | None:
        return self._secrets.problem

    def load(self, profile_id: str) -> dict[str, Encryption]:
        with self._lock:
            if profile_id in self._session:
                return dict(self._session[profile_id])
        if self._secrets.problem is not None:
            return {}
        backend = self._secrets.backend
        raw = self._secrets._call("read the encryption keys",
                                  lambda: backend.get_password(SERVICE, profile_id))
        if raw is None:
            return {}
        try:
            data = json.loads(raw)
            settings = {str(scope): Encryption.from_json(text) for scope, text in data.items()}
        except (ValueError, AttributeError, TypeError):
            raise ConfigError("The saved encryption keys of this connection are damaged.",
                              "Open Encryption keys… and set them again.") from None
        for setting in settings.values():
            if setting.key is not None:
                remember_secrets(setting.key.secrets())
        return settings

    def save(self, profile_id: str, settings: dict[str, Encryption],
             session_only: bool = False) -> None:
        """Store every scope's setting at once (an empty dict removes the entry)."""
        for setting in settings.values():
            if setting.key is not None:
                remember_secrets(setting.key.secrets())
        if session_only or self._secrets.problem is not None:
            if not session_only:
                self._secrets._require_usable()  # says why, offers session-only
            with self._lock:
                self._session[profile_id] = dict(settings)
            return
        backend = self._secrets.backend
        if not settings:
            self.forget(profile_id)
            return
        payload = json.dumps({scope: s.to_json() for scope, s in settings.items()})
        self._secrets._call("save the encryption keys",
                            lambda: backend.set_password(SERVICE, profile_id, payload))
        with self._lock:
            self._session.pop(profile_id, None)

    def forget(self, profile_id: str) -> None:
        with self._lock:
            self._session.pop(profile_id, None)
        if self._secrets.problem is not None:
            return
        backend = self._secrets.backend

        def remove() -> None:
            with contextlib.suppress(PasswordDeleteError):
                backend.delete_password(SERVICE, profile_id)

        self._secrets._call("delete the encryption keys", remove)
