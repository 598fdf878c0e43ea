"""Keyring backends that misbehave, for tests of the app's timeouts."""

from __future__ import annotations

import threading


class HangingKeyring:
    """A locked keyring waiting for an unlock prompt nobody answers."""

    name = "fake hanging"
    priority = 5

    def __init__(self) -> None:
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait(60)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait(60)

    def delete_password(self, service: str, username: str) -> None:
        self.release.wait(60)
