"""The worker side of Clean up… (no Qt): the dry run streams the listing through the filter,
and the delete removes what it found, 1000 keys per request.

The dry run writes into a `DryRun` the dialog polls with a timer (no signal per object); its
matches are what the delete removes, so nothing listed after the user looked is touched. In
a versioned bucket the delete either leaves delete markers (plain deletes: the versions stay
and can be restored) or removes every version of the matched keys for good.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime

from desktop_app.core.cleanup import CleanupFilter
from desktop_app.core.errors import AppError
from desktop_app.core.types import ObjectEntry
from desktop_app.storage.bulk_ops import BulkReport, Failure, Progress, delete_keys
from desktop_app.storage.protocol import (
    MAX_DELETE_BATCH,
    BrowseStorage,
    ObjectStorage,
    VersionCleanupOps,
)
from desktop_app.ui.shell.i18n import translate


class DryRun:
    """Matches found so far, shared between the listing worker (writes) and the GUI (reads
    `take_new`, the totals, and cancels)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.cancel = threading.Event()
        self.matches: list[ObjectEntry] = []
        self._shown = 0
        self.scanned = 0
        self.size = 0

    @property
    def count(self) -> int:
        return len(self.matches)

    def add(self, scanned: int, found: Sequence[ObjectEntry]) -> None:
        with self._lock:
            self.scanned += scanned
            self.matches.extend(found)
            self.size += sum(o.size for o in found)

    def take_new(self) -> list[ObjectEntry]:
        """The matches added since the last call (for the table)."""
        with self._lock:
            new = self.matches[self._shown:]
            self._shown = len(self.matches)
        return new


def dry_run(storage: BrowseStorage, bucket: str, flt: CleanupFilter, now: datetime,
            run: DryRun) -> bool:
    """List every object below the filter's prefix and keep the matches in `run`; False when
    cancelled (what was found so far stays)."""
    accepts = flt.matcher(now)
    for page in storage.iter_listing(bucket, flt.prefix, recursive=True, cancel=run.cancel):
        run.add(len(page.objects), [o for o in page.objects if accepts(o)])
        if run.cancel.is_set():
            return False
    return not run.cancel.is_set()


def delete_matches(storage: ObjectStorage, bucket: str, matches: Sequence[ObjectEntry],
                   progress: Progress) -> BulkReport:
    """Plain deletes (in a versioned bucket each leaves a delete marker)."""
    return delete_keys(storage, bucket, matches, progress)


def delete_every_version(storage: VersionCleanupOps, bucket: str, prefix: str,
                         matches: Sequence[ObjectEntry], progress: Progress) -> BulkReport:
    """Remove every version and delete marker of the matched keys for good: one listing of
    the versions below `prefix`, then multi-deletes of 1000 versions. `done` counts keys
    whose versions all went."""
    wanted = {o.key for o in matches}
    sizes = {o.key: o.size for o in matches}
    progress.start(translate("CleanupWork", "Listing versions"), len(wanted), sum(sizes.values()))
    targets: list[tuple[str, str]] = []
    try:
        for version in storage.iter_versions_below(bucket, prefix):
            if progress.cancelled:
                break
            if version.key in wanted:
                targets.append((version.key, version.version_id))
    except AppError as err:
        return BulkReport(0, (Failure(prefix or bucket, err.user_text()),), False,
                          remaining=len(wanted))
    if progress.cancelled:
        return BulkReport(0, (), True, remaining=len(wanted))
    progress.start(translate("CleanupWork", "Deleting"), len(wanted), sum(sizes.values()))
    refused: dict[str, str] = {}
    pending = {key: 0 for key in wanted}
    for key, _ in targets:
        pending[key] += 1
    finished: set[str] = set()
    for first in range(0, len(targets), MAX_DELETE_BATCH):
        if progress.cancelled:
            rest = len(wanted) - len(finished) - len(refused)
            return _report(finished, refused, True, rest)
        batch = targets[first:first + MAX_DELETE_BATCH]
        try:
            failed = storage.delete_versions(bucket, batch)
        except AppError as err:
            for key, _ in batch:
                refused.setdefault(key, err.user_text())
            rest = len(wanted) - len(finished | refused.keys())
            return _report(finished, refused, False, rest)
        for key, version_id, reason in failed:
            refused.setdefault(key, f"version {version_id}: {reason}")
        for key, _ in batch:
            pending[key] -= 1
            if pending[key] == 0 and key not in refused:
                finished.add(key)
                progress.add(1, sizes.get(key, 0))
    return _report(finished, refused, False, 0)


def _report(finished: set[str], refused: dict[str, str], cancelled: bool,
            remaining: int) -> BulkReport:
    failures = tuple(Failure(key, reason) for key, reason in sorted(refused.items()))
    return BulkReport(len(finished), failures, cancelled, remaining=max(0, remaining))
