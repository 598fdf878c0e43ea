"""Secrets in the real Secret Service (gnome-keyring under packaging/with-keyring.sh), refusal
of unsafe backends with a session-only fallback, and a timeout for a backend that hangs."""

from __future__ import annotations

import json
import threading

import keyring
import pytest
from keyring.backends import fail, null

from desktop_app.core.credentials import (
    SERVICE,
    Backend,
    KeyringTimeout,
    KeyringUnavailable,
    SecretStore,
    backend_problem,
)
from desktop_app.core.profiles import Secrets, new_profile_id
from tests.fake_keyrings import HangingKeyring


def test_suite_runs_on_the_real_secret_service() -> None:
    """Guards the whole suite: it must not pass on the null or fail backend by accident."""
    backend = keyring.get_keyring()
    assert type(backend).__module__ == "keyring.backends.SecretService", type(backend)
    assert backend_problem(backend) is None
    assert SecretStore().usable


def test_round_trip_move_and_delete_on_secret_service() -> None:
    store = SecretStore()
    pid, new_id = new_profile_id(), new_profile_id()
    secrets = Secrets("canary-SECRET-1234", "session-TOKEN-5678")
    store.save(pid, secrets)
    # Stored where another keyring client sees it: one JSON entry under our service name.
    raw = keyring.get_password(SERVICE, pid)
    assert raw is not None
    assert json.loads(raw) == {"secret_key": "canary-SECRET-1234",
                               "session_token": "session-TOKEN-5678"}
    fresh = SecretStore()
    assert fresh.load(pid) == secrets
    assert not fresh.is_session_only(pid)

    fresh.move(pid, new_id)
    assert fresh.load(pid) is None
    assert keyring.get_password(SERVICE, pid) is None
    assert SecretStore().load(new_id) == secrets

    fresh.delete(new_id)
    assert keyring.get_password(SERVICE, new_id) is None
    assert SecretStore().load(new_id) is None
    fresh.delete(new_id)  # deleting twice is harmless


def test_damaged_entry_is_reported() -> None:
    pid = new_profile_id()
    keyring.set_password(SERVICE, pid, "not json")
    with pytest.raises(KeyringUnavailable, match="damaged"):
        SecretStore().load(pid)
    SecretStore().delete(pid)


# The fakes below are plain classes, not KeyringBackend subclasses: subclasses register
# themselves with keyring and would join the real backend chain of the whole test session.
class PlaintextKeyring:
    """Stands in for keyrings.alt's plaintext file backend (priority 0.5, not installed)."""

    name = "fake plaintext"
    priority = 0.5
    stored: dict[tuple[str, str], str] = {}  # noqa: RUF012

    def get_password(self, service: str, username: str) -> str | None:
        return self.stored.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.stored.pop((service, username), None)


@pytest.mark.parametrize(("backend", "words"), [
    (fail.Keyring(), "No system keyring"),
    (null.Keyring(), "switched off"),
    (PlaintextKeyring(), "not encrypted"),
])
def test_unsafe_backends_are_refused_and_session_only_works(
    backend: Backend, words: str
) -> None:
    store = SecretStore(backend)
    assert not store.usable
    assert store.problem is not None
    assert words in store.problem
    pid = new_profile_id()
    secrets = Secrets("session-only-secret")
    with pytest.raises(KeyringUnavailable) as info:
        store.save(pid, secrets)
    assert "this session only" in info.value.user_text()
    store.save(pid, secrets, session_only=True)
    assert store.load(pid) == secrets
    assert store.is_session_only(pid)
    assert PlaintextKeyring.stored == {}  # nothing was written to the unsafe backend
    store.delete(pid)
    assert store.load(pid) is None
    assert SecretStore(backend).load(pid) is None  # memory only: a new store knows nothing



def test_hanging_backend_times_out_with_a_message() -> None:
    backend = HangingKeyring()
    store = SecretStore(backend, timeout=0.2)
    assert store.usable  # an unknown backend with a real priority is trusted
    try:
        with pytest.raises(KeyringTimeout) as info:
            store.load(new_profile_id())
        assert "did not answer" in info.value.user_text()
        assert "unlock" in info.value.user_text()
        with pytest.raises(KeyringTimeout):
            store.save(new_profile_id(), Secrets("hanging-secret"))
    finally:
        backend.release.set()


def test_low_priority_unknown_backend_is_refused() -> None:
    class Dubious(PlaintextKeyring):
        priority = 0.1  # type: ignore[assignment]

    Dubious.__name__ = "Dubious"
    store = SecretStore(Dubious())
    assert store.problem is not None
    assert "not a trusted secure store" in store.problem


def test_detect_finds_the_secret_service() -> None:
    store = SecretStore.detect()
    assert store.usable
    assert "SecretService" in store.backend_name


def test_detect_gives_up_on_a_hanging_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def hang() -> None:
        release.wait(60)

    monkeypatch.setattr(keyring, "get_keyring", hang)
    try:
        store = SecretStore.detect(timeout=0.2)
    finally:
        release.set()
    assert not store.usable
    assert store.problem is not None
    assert "did not answer" in store.problem
    store.save("p", Secrets("memory-only"), session_only=True)
    assert store.load("p") == Secrets("memory-only")
