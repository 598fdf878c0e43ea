"""Bucket lifecycle: what a bucket holds, what emptying it did, object retention, and the
rule that a compliance retention can never be shortened (checked before anything is sent)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from desktop_app.core.errors import AppError

GOVERNANCE = "GOVERNANCE"
COMPLIANCE = "COMPLIANCE"
RETENTION_MODES = (GOVERNANCE, COMPLIANCE)


class BucketNotEmpty(AppError):
    """Deleting a bucket that still holds objects, versions or unfinished uploads."""

    title = "The bucket is not empty"

    def __init__(self, bucket: str, count: int | None = None, more: bool = False) -> None:
        if count is None:
            what = "still holds objects"
        else:
            what = f"still holds {count:,}{'+' if more else ''} object version(s) or uploads"
        super().__init__(
            f"The bucket “{bucket}” {what}, so it cannot be deleted.",
            "Use “Empty and delete” to remove everything in it first.",
        )
        self.bucket = bucket
        self.count = count


class RetentionRefused(AppError):
    """A retention change the rules of object lock forbid (refused before sending)."""

    title = "Retention cannot be changed"


@dataclass(frozen=True, slots=True)
class Retention:
    """An object version's retention: it cannot be deleted or overwritten before `until`.
    GOVERNANCE may be lifted by users allowed to bypass it; COMPLIANCE by nobody."""

    mode: str
    until: datetime

    def __post_init__(self) -> None:
        if self.mode not in RETENTION_MODES:
            raise ValueError(f"retention mode must be one of {RETENTION_MODES}")
        if self.until.tzinfo is None:
            raise ValueError("retention date must carry a time zone")

    def in_force(self, now: datetime | None = None) -> bool:
        return self.until > (now or datetime.now(UTC))


def retention_refusal(current: Retention | None, new: Retention | None,
                      now: datetime | None = None) -> str:
    """Why `current` may not become `new`, or "" when the server may be asked. Only a
    compliance retention in force is checked: the server would refuse with a bare
    "Access Denied", which tells the user nothing."""
    if current is None or current.mode != COMPLIANCE or not current.in_force(now):
        return ""
    until = f"{current.until:%Y-%m-%d %H:%M} UTC"
    if new is None:
        return f"It is under compliance retention until {until}; nobody can remove that."
    if new.mode != COMPLIANCE:
        return (f"It is under compliance retention until {until}; it cannot be changed "
                "to governance mode.")
    if new.until < current.until:
        return (f"It is under compliance retention until {until}; a compliance retention "
                "can be extended but never shortened.")
    return ""


@dataclass(frozen=True, slots=True)
class BucketUsage:
    """What a bucket holds, counted from a full listing of its versions."""

    objects: int = 0  # current objects (the latest version is not a delete marker)
    versions: int = 0  # every stored version, delete markers included
    delete_markers: int = 0
    size: int = 0  # bytes over all versions
    uploads: int = 0  # unfinished multipart uploads
    complete: bool = True  # False when the count was cancelled part way

    @property
    def empty(self) -> bool:
        return self.versions == 0 and self.uploads == 0


@dataclass(frozen=True, slots=True)
class HeldObject:
    """An object version that emptying could not remove, and why."""

    key: str
    version_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class EmptyReport:
    """The result of emptying a bucket."""

    removed: int = 0  # versions and delete markers removed
    total: int = 0  # versions and delete markers found
    uploads_aborted: int = 0
    held: tuple[HeldObject, ...] = ()
    cancelled: bool = False

    @property
    def finished(self) -> bool:
        """Nothing is left: the bucket can now be deleted."""
        return not self.cancelled and not self.held
