"""The job log: every long operation (statistics, cleanup, duplicates, bulk delete, copy and move,
empty bucket) as a record with state, progress, counts, times and per-item errors.

The last `JOB_LIMIT` jobs are kept in a JSON file in the data folder, written atomically, so the
log survives a restart; a job still "running" in the file when it is loaded was cut off by a quit
(or crash) and becomes "interrupted", never "done". Updates come from worker threads, so every
change goes through one lock; listeners are called after the lock is released with the job's id
(a UI marshals that onto its own thread). Cancel callbacks live only in memory; what a job needs
to run again (its place, filter and choices: never a secret) is kept in `params`, and the feature
that can run it registers a handler for its `params["rerun"]` (or its kind), so "Run again" works
after a restart too.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import json
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from desktop_app.core.profiles import write_atomically

JOBS_FILE = "jobs.json"
JOB_LIMIT = 200
ERROR_CAP = 500
FILE_VERSION = 1


class JobState(StrEnum):
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class JobError:
    item: str
    message: str


@dataclass
class Job:
    """One operation; `errors` keeps the first `ERROR_CAP`, `errors_dropped` counts the rest."""

    id: str
    kind: str
    title: str
    target: str = ""
    state: JobState = JobState.RUNNING
    done: int = 0
    total: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    started: float = 0.0
    ended: float | None = None
    message: str = ""
    errors: list[JobError] = field(default_factory=list)
    errors_dropped: int = 0
    # JSON values that let the feature run it again (place, filter, choices; no secret)
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def rerun_key(self) -> str:
        """The handler that runs it again: `params["rerun"]`, else the kind."""
        return str(self.params.get("rerun") or self.kind)

    @property
    def error_count(self) -> int:
        return len(self.errors) + self.errors_dropped

    def copy(self) -> Job:
        return dataclasses.replace(self, counts=dict(self.counts), errors=list(self.errors),
                                   params=dict(self.params))

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["state"] = self.state.value
        return data


def job_from_dict(data: Mapping[str, Any]) -> Job:
    """Raises ValueError/TypeError/KeyError on a malformed record (the caller skips it)."""
    ended = data.get("ended")
    return Job(
        id=str(data["id"]),
        kind=str(data["kind"]),
        title=str(data["title"]),
        target=str(data.get("target", "")),
        state=JobState(data["state"]),
        done=int(data.get("done", 0)),
        total=int(data.get("total", 0)),
        counts={str(k): int(v) for k, v in dict(data.get("counts", {})).items()},
        started=float(data.get("started", 0.0)),
        ended=None if ended is None else float(ended),
        message=str(data.get("message", "")),
        errors=[JobError(str(e["item"]), str(e["message"])) for e in data.get("errors", [])],
        errors_dropped=int(data.get("errors_dropped", 0)),
        params=dict(data.get("params") or {}),
    )


Listener = Callable[[str], None]
RerunHandler = Callable[[Job], None]


class JobLog:
    """Thread-safe list of jobs, newest last, persisted to `folder/jobs.json`."""

    def __init__(
        self,
        folder: Path | None,
        *,
        limit: int = JOB_LIMIT,
        error_cap: int = ERROR_CAP,
        clock: Callable[[], float] = time.time,
        handlers: dict[str, RerunHandler] | None = None,
    ) -> None:
        """`handlers`: by rerun key, how to run a finished job again (shared with the
        features that register into it, so they may register before the log exists)."""
        self.path = None if folder is None else folder / JOBS_FILE
        self._limit = limit
        self._error_cap = error_cap
        self._clock = clock
        self._lock = threading.RLock()
        self._jobs: dict[str, Job] = {}
        self._cancel: dict[str, Callable[[], None]] = {}
        self._rerun: dict[str, Callable[[], None]] = {}
        self.handlers: dict[str, RerunHandler] = {} if handlers is None else handlers
        self._listeners: list[Listener] = []
        self._serial = itertools.count()
        self.load_error = ""
        self._load()

    # -- reading --------------------------------------------------------------------------------

    def jobs(self) -> list[Job]:
        """Copies, oldest first."""
        with self._lock:
            return [job.copy() for job in self._jobs.values()]

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            job = self._jobs.get(job_id)
            return None if job is None else job.copy()

    def can_cancel(self, job_id: str) -> bool:
        with self._lock:
            job = self._jobs.get(job_id)
            return job is not None and job.state is JobState.RUNNING and job_id in self._cancel

    def can_rerun(self, job_id: str) -> bool:
        with self._lock:
            job = self._jobs.get(job_id)
            return job is not None and job.state is not JobState.RUNNING and (
                job_id in self._rerun or (bool(job.params) and job.rerun_key in self.handlers))

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Returns the unsubscribe function."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock, contextlib.suppress(ValueError):
                self._listeners.remove(listener)

        return unsubscribe

    # -- writing --------------------------------------------------------------------------------

    def start(
        self,
        kind: str,
        title: str,
        target: str = "",
        *,
        total: int = 0,
        cancel: Callable[[], None] | None = None,
        rerun: Callable[[], None] | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> str:
        """`rerun`: an in-memory way to run it again; `params`: the kept one (JSON values)."""
        job_id = f"{int(self._clock() * 1000):x}-{next(self._serial)}-{uuid.uuid4().hex[:6]}"
        with self._lock:
            job = Job(job_id, kind, title, target, total=total, started=self._clock(),
                      params=dict(params or {}))
            self._jobs[job_id] = job
            if cancel is not None:
                self._cancel[job_id] = cancel
            if rerun is not None:
                self._rerun[job_id] = rerun
            self._trim()
            self._save()
        self._notify(job_id)
        return job_id

    def progress(
        self,
        job_id: str,
        done: int,
        total: int | None = None,
        counts: Mapping[str, int] | None = None,
    ) -> None:
        """Frequent: kept in memory only; the file is written at start and end."""
        with self._lock:
            job = self._running(job_id)
            if job is None:
                return
            job.done = done
            if total is not None:
                job.total = total
            if counts is not None:
                job.counts.update(counts)
        self._notify(job_id)

    def add_error(self, job_id: str, item: str, message: str) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return
            if len(job.errors) < self._error_cap:
                job.errors.append(JobError(item, message))
            else:
                job.errors_dropped += 1
        self._notify(job_id)

    def finish(
        self,
        job_id: str,
        state: JobState = JobState.DONE,
        *,
        message: str = "",
        counts: Mapping[str, int] | None = None,
    ) -> None:
        """Ends a running job once; a second finish (e.g. done after cancelled) is ignored."""
        if state is JobState.RUNNING:
            raise ValueError("a job cannot finish as running")
        with self._lock:
            job = self._running(job_id)
            if job is None:
                return
            job.state, job.ended, job.message = state, self._clock(), message
            if counts is not None:
                job.counts.update(counts)
            self._cancel.pop(job_id, None)
            self._save()
        self._notify(job_id)

    def cancel(self, job_id: str) -> bool:
        """Calls the job's cancel callback (the operation then finishes as cancelled)."""
        with self._lock:
            callback = self._cancel.get(job_id) if self.can_cancel(job_id) else None
        if callback is None:
            return False
        callback()
        return True

    def rerun(self, job_id: str) -> bool:
        """Runs the job again: its kept params through the registered handler (so it works
        after a restart), else its in-memory callback."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or not self.can_rerun(job_id):
                return False
            handler = self.handlers.get(job.rerun_key) if job.params else None
            callback = self._rerun.get(job_id)
            job = job.copy()
        if handler is not None:
            handler(job)
        elif callback is not None:
            callback()
        return True

    # -- internals ------------------------------------------------------------------------------

    def _running(self, job_id: str) -> Job | None:
        job = self._jobs.get(job_id)
        return job if job is not None and job.state is JobState.RUNNING else None

    def _trim(self) -> None:
        while len(self._jobs) > self._limit:
            oldest = next(iter(self._jobs))
            del self._jobs[oldest]
            self._cancel.pop(oldest, None)
            self._rerun.pop(oldest, None)

    def _notify(self, job_id: str) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(job_id)

    def _save(self) -> None:
        if self.path is None:
            return
        text = json.dumps(
            {"version": FILE_VERSION, "jobs": [job.to_dict() for job in self._jobs.values()]},
            indent=1,
        )
        try:
            write_atomically(self.path, text)
        except OSError as exc:  # the log is a convenience: never break the operation itself
            self.load_error = f"The job log could not be saved ({exc.strerror or exc})."

    def _load(self) -> None:
        if self.path is None or not self.path.exists():
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            records = data["jobs"] if isinstance(data, dict) else []
        except (OSError, ValueError, KeyError) as exc:
            self.load_error = f"The job log {self.path} could not be read ({exc}); it starts empty."
            return
        changed = False
        for record in records if isinstance(records, list) else []:
            try:
                job = job_from_dict(record)
            except (ValueError, TypeError, KeyError):
                continue
            if job.state is JobState.RUNNING:
                job.state, job.ended, changed = JobState.INTERRUPTED, None, True
                job.message = "Interrupted when the app quit."
            self._jobs[job.id] = job
        self._trim()
        if changed:
            self._save()
