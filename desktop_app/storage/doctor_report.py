"""What the connection doctor hands back: frozen findings, one per layer, in a fixed order."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from desktop_app.core.connection import ConnectionSettings


class Status(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Check:
    """One finding: `key` is stable (for code and tests), the rest is for people."""

    key: str
    name: str
    status: Status
    message: str
    fix: str = ""


# Keys in the order the checks run and are shown, with the names people see.
CHECK_NAMES = {
    "dns": "Server name (DNS)",
    "tcp": "Network connection",
    "tls": "Secure connection (TLS)",
    "http": "HTTP answer",
    "server": "Server software",
    "clock": "Clock",
    "credentials": "Access key and secret key",
    "region": "Region",
    "addressing": "Bucket addressing",
}


@dataclass(frozen=True)
class DoctorReport:
    endpoint: str
    checks: tuple[Check, ...]
    elapsed: float

    def check(self, key: str) -> Check:
        return next(c for c in self.checks if c.key == key)

    @property
    def ok(self) -> bool:
        return all(c.status != Status.FAIL for c in self.checks)

    @property
    def problems(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.status == Status.FAIL)

    def summary(self) -> str:
        if not self.problems:
            return f"All checks passed for {self.endpoint}."
        first = self.problems[0]
        return f"{first.name}: {first.message}"

    def as_text(self) -> str:
        """The whole report as plain text, fit for pasting into a support request."""
        lines = [f"Connection check for {self.endpoint} ({self.elapsed:.1f} s)"]
        for c in self.checks:
            lines.append(f"[{c.status.value}] {c.name}: {c.message}")
            if c.fix:
                lines.append(f"    What to do: {c.fix}")
        return "\n".join(lines)


class Recorder(Protocol):
    """The part of a running doctor that the check helpers need."""

    @property
    def settings(self) -> ConnectionSettings: ...

    def left(self, floor: float = 0.05) -> float: ...

    def add(self, key: str, status: Status, message: str, fix: str = "") -> None: ...

    def has(self, key: str) -> bool: ...

    def get(self, key: str) -> Check | None: ...


@dataclass(frozen=True)
class ProbeAnswer:
    """What one signed doctor request got back (texts already scrubbed of secrets)."""

    ok: bool
    code: str = ""
    message: str = ""
    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""
    bucket_names: tuple[str, ...] = ()
    bucket_exists: bool | None = None
    elapsed: float = 0.0
