"""Secrets in the OS keyring, one entry per profile, service `minio-desktop`.

The entry's user name is the profile id and its password a small JSON object
(`secret_key`, `session_token`). A backend that is not a real secure store - keyring's `fail`
and `null` backends, keyrings.alt's plaintext files - is refused: the caller is told why and may
keep the secret in memory for this session only; it is never written anywhere else.

Every keyring call runs on its own daemon thread and is abandoned after `timeout` seconds, so a
locked or hanging backend (a Secret Service waiting for an unlock prompt) cannot freeze the
caller. The UI calls this API from worker threads as well (TaskRunner).
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Callable
from typing import Protocol, TypeVar

import keyring
from keyring.backends import fail
from keyring.errors import KeyringError, PasswordDeleteError

from desktop_app.core.errors import AppError
from desktop_app.core.profiles import Secrets

log = logging.getLogger(__name__)

SERVICE = "minio-desktop"
DEFAULT_TIMEOUT_S = 5.0
_T = TypeVar("_T")

# Backends known to keep secrets encrypted by the OS; anything else needs a closer look.
_SECURE_MODULES = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
)
_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class Backend(Protocol):
    """What we use of a keyring backend (`keyring.backend.KeyringBackend` has it)."""

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


class KeyringUnavailable(AppError):
    title = "The system keyring cannot be used"


class KeyringTimeout(KeyringUnavailable):
    title = "The system keyring does not answer"


def _describe(backend: Backend) -> str:
    name = getattr(backend, "name", "") or type(backend).__name__
    return f"{name} ({type(backend).__module__})"


def _effective_backend(backend: Backend) -> Backend | None:
    """The backend that will actually store a password (the first one of a chainer)."""
    children = getattr(backend, "backends", None)
    if type(backend).__module__ == "keyring.backends.chainer" and children is not None:
        return children[0] if children else None
    return backend


def backend_problem(backend: Backend) -> str | None:
    """Why `backend` is not a safe place for secrets, in plain words; None when it is."""
    effective = _effective_backend(backend)
    if effective is None:
        return "No system keyring was found on this computer, so secrets cannot be saved."
    module = type(effective).__module__
    cls = type(effective).__name__
    if module.startswith(_REFUSED_MODULES) or "plaintext" in cls.lower():
        if module == "keyring.backends.fail":
            return ("No system keyring was found on this computer (such as GNOME Keyring or "
                    "KWallet), so secrets cannot be saved safely.")
        if module == "keyring.backends.null":
            return "The keyring is switched off (null backend), so secrets cannot be saved."
        return (f"The configured keyring ({_describe(effective)}) stores secrets in a file "
                "that is not encrypted, so this app will not use it.")
    if module.startswith(_SECURE_MODULES):
        return None
    try:
        priority = float(getattr(effective, "priority", 0))
    except Exception:  # a backend's priority may raise when it cannot run here
        priority = 0.0
    if priority < 1:
        return (f"The configured keyring ({_describe(effective)}) is not a trusted secure "
                "store, so secrets cannot be saved.")
    return None


class SecretStore:
    """The keyring for profile secrets, with a memory-only fallback for this session."""

    def __init__(
        self, backend: Backend | None = None, timeout: float = DEFAULT_TIMEOUT_S
    ) -> None:
        self.backend = backend if backend is not None else keyring.get_keyring()
        self.timeout = timeout
        self.problem = backend_problem(self.backend)
        self._session: dict[str, Secrets] = {}
        self._lock = threading.Lock()

    @classmethod
    def detect(cls, timeout: float = DEFAULT_TIMEOUT_S) -> SecretStore:
        """The store over the system keyring; if finding it hangs (a D-Bus service that does
        not answer), a session-only store that says why."""
        found: list[Backend] = []

        def find() -> None:
            try:
                found.append(keyring.get_keyring())
            except Exception:  # a broken keyring configuration
                log.warning("Finding the system keyring failed", exc_info=True)
                found.append(fail.Keyring())  # type: ignore[no-untyped-call]

        worker = threading.Thread(target=find, name="keyring-detect", daemon=True)
        worker.start()
        worker.join(timeout)
        if found:
            return cls(found[0], timeout)
        store = cls(fail.Keyring(), timeout)  # type: ignore[no-untyped-call]
        store.problem = (f"The system keyring did not answer within {timeout:g} s, so "
                         "secrets cannot be saved right now.")
        return store

    @property
    def usable(self) -> bool:
        return self.problem is None

    @property
    def backend_name(self) -> str:
        return _describe(self.backend)

    # -- calls with a timeout ------------------------------------------------------------
    def _call(self, what: str, fn: Callable[[], _T]) -> _T:
        outcome: dict[str, object] = {}

        def run() -> None:
            try:
                outcome["value"] = fn()
            except BaseException as exc:
                outcome["error"] = exc

        worker = threading.Thread(target=run, name="keyring-call", daemon=True)
        worker.start()
        worker.join(self.timeout)
        if worker.is_alive():
            raise KeyringTimeout(
                f"The system keyring did not answer within {self.timeout:g} s while trying to "
                f"{what}.",
                "It may be locked and waiting for a password: unlock it, then try again.",
            )
        error = outcome.get("error")
        if isinstance(error, KeyringError):
            log.warning("Keyring call failed: %s", type(error).__name__)
            raise KeyringUnavailable(
                f"The system keyring refused to {what} ({type(error).__name__}).",
                "Check that the keyring is unlocked, or keep the secret for this session only.",
            ) from None
        if isinstance(error, BaseException):
            log.warning("Keyring call failed unexpectedly: %s", type(error).__name__)
            raise KeyringUnavailable(
                f"The system keyring failed to {what} ({type(error).__name__}).",
                "Try again; if it keeps failing, keep the secret for this session only.",
            ) from None
        return outcome.get("value")  # type: ignore[return-value]

    def _require_usable(self) -> None:
        if self.problem is not None:
            raise KeyringUnavailable(
                self.problem, "You can keep the secret for this session only (not saved)."
            )

    # -- the API -------------------------------------------------------------------------
    def save(self, profile_id: str, secrets: Secrets, session_only: bool = False) -> None:
        """Store in the keyring, or (when asked) in memory until the app quits."""
        if session_only:
            with self._lock:
                self._session[profile_id] = secrets
            return
        self._require_usable()
        payload = json.dumps(
            {"secret_key": secrets.secret_key, "session_token": secrets.session_token}
        )
        self._call("save the secret",
                   lambda: self.backend.set_password(SERVICE, profile_id, payload))
        with self._lock:
            self._session.pop(profile_id, None)

    def load(self, profile_id: str) -> Secrets | None:
        """The secrets for a profile: this session's memory first, then the keyring."""
        with self._lock:
            if profile_id in self._session:
                return self._session[profile_id]
        if self.problem is not None:
            return None
        raw = self._call("read the secret",
                         lambda: self.backend.get_password(SERVICE, profile_id))
        if raw is None:
            return None
        try:
            data = json.loads(raw)
            secret = data["secret_key"]
            token = data.get("session_token")
            if not isinstance(secret, str) or not isinstance(token, str | None):
                raise TypeError
        except (ValueError, TypeError, KeyError):
            raise KeyringUnavailable(
                "The saved secret for this connection is damaged.",
                "Edit the connection and type the secret key again.",
            ) from None
        return Secrets(secret, token or None)

    def is_session_only(self, profile_id: str) -> bool:
        with self._lock:
            return profile_id in self._session

    def delete(self, profile_id: str) -> None:
        """Forget a profile's secrets everywhere; a missing entry is fine."""
        with self._lock:
            self._session.pop(profile_id, None)
        if self.problem is not None:
            return

        def remove() -> None:
            with contextlib.suppress(PasswordDeleteError):  # nothing stored: already gone
                self.backend.delete_password(SERVICE, profile_id)

        self._call("delete the secret", remove)

    def move(self, old_id: str, new_id: str) -> None:
        """Move a profile's entry to a new id (write the new one before deleting the old)."""
        secrets = self.load(old_id)
        if secrets is None:
            return
        session_only = self.is_session_only(old_id)
        self.save(new_id, secrets, session_only=session_only)
        self.delete(old_id)
