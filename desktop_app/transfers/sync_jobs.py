"""The slow steps of a sync, each run on a worker thread: compare a pair, and resume a run a
quit interrupted (compare again, plan with the deletions confirmed then, queue).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Protocol, cast

from desktop_app.core.local_scan import scan_folder
from desktop_app.core.sync_checksums import LocalChecksums
from desktop_app.core.sync_compare import DEFAULT_TOLERANCE_S, Comparison, compare
from desktop_app.core.sync_model import PairStore, SyncPair, SyncState
from desktop_app.storage.stats_scan import PageSource
from desktop_app.storage.sync_listing import HeadCrc, HeadSource, list_remote
from desktop_app.transfers.rows import TransferView
from desktop_app.transfers.state import Direction as Way
from desktop_app.transfers.state import State
from desktop_app.transfers.sync_plan import make_plan
from desktop_app.transfers.sync_run import SyncEngine, SyncRun, SyncStorage


class CompareStorage(PageSource, HeadSource, Protocol):
    """What a compare asks of the server: the listing, and a HEAD for a stored CRC."""


def compare_pair(pair: SyncPair, storage: CompareStorage, state: SyncState | None,
                 cancel: threading.Event | None = None,
                 tolerance_s: float = DEFAULT_TOLERANCE_S) -> Comparison:
    """Both sides listed and grouped (see core.sync_compare). Raises OSError when the
    folder is missing, AppError when the bucket cannot be listed."""
    root = Path(pair.local_folder)
    budget = 1024 - len(pair.prefix.encode("utf-8"))
    here = scan_folder(root, cancel, key_budget=budget)
    there = list_remote(storage, pair.bucket, pair.prefix, cancel)
    checksums = LocalChecksums(root, HeadCrc(storage, pair.bucket, pair.prefix))
    return compare(here, there, state, tolerance_s, checksums=checksums, cancel=cancel)


class ResumeStorage(CompareStorage, SyncStorage, Protocol):
    """Everything a sync asks of the server (MinioStorage has all of it)."""


def sync_storage(storage: object) -> ResumeStorage | None:
    """`storage` when it can drive a sync (the S3 adapter), else None."""
    wanted = ("list_v2_raw", "head_checksums", "delete_many", "copy_object")
    return cast(ResumeStorage, storage) if all(hasattr(storage, n) for n in wanted) else None


def resume_pair(pair: SyncPair, storage: ResumeStorage, engine: SyncEngine,
                store: PairStore, state: SyncState) -> SyncRun:
    """Continue a run a quit interrupted: a fresh compare (what landed before the quit is
    the same now), deletions limited to those confirmed for it, conflicts to ask left for
    the user, and the rows the journal brought back let finish first (a paused one is
    adopted by the run rather than queued again)."""
    wait_for_restored(pair, engine)
    comparison = compare_pair(pair, storage, state)
    plan = make_plan(comparison, pair, allowed_deletions=set(state.deletions))
    run = SyncRun(pair, plan, engine, storage, store, state)
    run.start()
    return run


MOVING = frozenset({State.QUEUED, State.RUNNING, State.RETRYING})


def wait_for_restored(pair: SyncPair, engine: SyncEngine, cancel: threading.Event | None = None,
                      interval: float = 0.2) -> None:
    """Until no row of this pair moves: a compare while they land would plan them again."""
    root = Path(pair.local_folder)

    def ours(view: TransferView) -> bool:
        if view.bucket != pair.bucket or not view.key.startswith(pair.prefix):
            return False
        return view.direction is Way.UPLOAD or view.local_path.is_relative_to(root)

    while any(v.state in MOVING and ours(v) for v in engine.snapshot()):
        if cancel is not None and cancel.wait(interval):
            return
        if cancel is None:
            time.sleep(interval)
