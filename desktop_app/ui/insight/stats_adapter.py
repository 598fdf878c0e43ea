"""Between the statistics engine and the window: one computation (cached result or a fresh
streaming scan, run on a worker) turned into the rows the window draws.

`compute` runs off the GUI thread, so it touches no widget: progress goes out through the
callable it is given (the flow turns it into a queued signal).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.humanize import human_size
from desktop_app.core.stats import StorageStats, Tally
from desktop_app.storage.stats_scan import ScanProgress, load_cached, save_cached, scan
from desktop_app.ui.insight.stats_view import Exporter, Listed, Share, StatsView
from desktop_app.ui.shell.i18n import translate


@dataclass(frozen=True)
class Computation:
    storage: Any
    connection: str
    bucket: str  # "" for every bucket of the connection
    prefix: str
    fresh: bool  # Recompute: skip the cache
    cancel: threading.Event
    progress: Callable[[str], None]  # what was counted so far, in words
    cache_dir: Path | None = None  # the data folder; None keeps nothing
    tally: Callable[[int, int], None] | None = None  # objects and bytes so far (the job log)


@dataclass(frozen=True)
class Outcome:
    view: StatsView
    exporters: dict[str, Exporter]
    cancelled: bool  # Cancel pressed: the view holds what was counted until then


def scope_text(connection: str, bucket: str, prefix: str) -> str:
    """The window title's place: "bucket/prefix", or every bucket of the connection."""
    if not bucket:
        return translate(
            "StatsAdapter", "all buckets of {connection}").format(connection=connection)
    return f"{bucket}/{prefix}"


def _shares(table: dict[str, Tally], drop_empty: bool = True) -> tuple[Share, ...]:
    return tuple(Share(label, t.count, t.size) for label, t in table.items()
                 if t.count or not drop_empty)


def _month_shares(by_month: dict[str, Tally]) -> tuple[Share, ...]:
    """Every month from the first to the last, quiet months as zero (a gap in the bars
    would hide that nothing changed then); "unknown" stays last."""
    dated = sorted(m for m in by_month if m[:4].isdigit())
    if not dated:
        return _shares(by_month)
    year, month = int(dated[0][:4]), int(dated[0][5:7])
    shares: list[Share] = []
    while f"{year:04d}-{month:02d}" <= dated[-1]:
        label = f"{year:04d}-{month:02d}"
        tally = by_month.get(label, Tally())
        shares.append(Share(label, tally.count, tally.size))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    rest = [Share(m, t.count, t.size) for m, t in by_month.items() if not m[:4].isdigit()]
    return (*shares, *rest)


def view_of(stats: StorageStats, scope: str, bucket: str) -> StatsView:
    """The rows the window draws from one engine result."""
    return StatsView(
        scope=scope, count=stats.objects.count, size=stats.objects.size,
        categories=tuple(Share(c.label, t.count, t.size)
                         for c, t in stats.by_category.items() if t.count),
        storage_classes=_shares(dict(stats.by_storage_class)),
        months=_month_shares(dict(stats.by_month)),
        largest=tuple(Listed(r.bucket or bucket, r.key, r.size, r.last_modified,
                             r.storage_class) for r in stats.largest),
        oldest=tuple(Listed(r.bucket or bucket, r.key, r.size, r.last_modified,
                            r.storage_class) for r in stats.oldest),
        versions=stats.versions.count, version_size=stats.versions.size,
        delete_markers=stats.delete_markers, uploads=stats.uploads.count,
        upload_size=stats.uploads.size, computed_at=stats.computed_at,
        versioned=stats.versioned, bucket=bucket,
    )


def outcome_of(stats: StorageStats, job: Computation, connection_name: str = "") -> Outcome:
    scope = scope_text(connection_name or job.connection, job.bucket, job.prefix)
    return Outcome(view_of(stats, scope, job.bucket),
                   {"csv": stats.to_csv, "json": stats.to_json}, not stats.complete)


def progress_text(step: ScanProgress) -> str:
    """"12,000 objects so far, 3.1 GiB", with the bucket while a connection is scanned."""
    text = translate(
        "StatsAdapter",
        "{objects:,} object(s) so far, {size}", "", step.objects).format(
        objects=step.objects,
        size=human_size(step.size),
    )
    if step.buckets > 1:
        text = translate(
            "StatsAdapter",
            "Bucket {value} of {buckets} ({bucket}): {text}").format(
            value=step.buckets_done + 1,
            buckets=step.buckets,
            bucket=step.bucket,
            text=text,
        )
    return text


def running_totals(tally: Callable[[int, int], None] | None) -> Callable[[ScanProgress], None]:
    """Steps of a scan turned into objects and bytes counted so far: a connection's scan
    counts each bucket from zero, so the buckets done are added to the one under way."""
    done = [0, 0, 0]  # objects and bytes of the buckets done, and how many buckets that is
    last = [0, 0]

    def step(progress: ScanProgress) -> None:
        if progress.buckets_done != done[2]:  # the next bucket: its counts start again
            done[0], done[1], done[2] = (done[0] + last[0], done[1] + last[1],
                                         progress.buckets_done)
        last[0], last[1] = progress.objects, progress.size
        if tally is not None:
            tally(done[0] + progress.objects, done[1] + progress.size)

    return step


def compute(job: Computation) -> Outcome:
    """Runs on a worker: the kept result unless `fresh`, else the scan (versions counted
    where a bucket keeps them), kept when it ran to the end."""
    if not job.fresh and job.cache_dir is not None:
        kept = load_cached(job.cache_dir, job.connection, job.bucket, job.prefix)
        if kept is not None:
            return outcome_of(kept, job)
    add_up = running_totals(job.tally)

    def step(progress: ScanProgress) -> None:
        job.progress(progress_text(progress))
        add_up(progress)

    stats = scan(job.storage, job.bucket, job.prefix, step, job.cancel)
    if job.cache_dir is not None:
        save_cached(job.cache_dir, job.connection, job.bucket, job.prefix, stats)
    return outcome_of(stats, job)
