"""What anyone on the network can do with a bucket right now, as measured by unsigned
requests (the policy says what should happen; this is what the server actually does)."""

from __future__ import annotations

from dataclasses import dataclass

PROBE_NAME = ".minio-desktop-anonymous-write-probe-"


@dataclass(frozen=True)
class AccessCheck:
    """One unsigned request: `allowed` is None when it could not be tried (`answer` says
    why); `answer` is the server's own reply (status, error code and message)."""

    action: str  # "list", "read" or "write"
    allowed: bool | None
    answer: str
    target: str = ""  # the prefix listed or the key read/written

    @property
    def verdict(self) -> str:
        return {True: "allowed", False: "refused", None: "not tried"}[self.allowed]


@dataclass(frozen=True)
class AnonymousAccess:
    bucket: str
    list: AccessCheck
    read: AccessCheck
    write: AccessCheck
    probe_left: str = ""  # a probe key that could not be removed again (normally "")

    def summary(self) -> str:
        """One line per action, for the properties view and the logs."""
        lines = []
        for check in (self.list, self.read, self.write):
            where = f" “{check.target}”" if check.target else ""
            lines.append(f"Anonymous {check.action}{where}: {check.verdict} ({check.answer})")
        if self.probe_left:
            lines.append(f"The probe object “{self.probe_left}” could not be removed; "
                         "delete it by hand.")
        return "\n".join(lines)


def probe_key(prefix: str, token: str) -> str:
    """The key of the write probe: below `prefix`, named so nobody mistakes it for data."""
    return f"{prefix}{PROBE_NAME}{token}"
