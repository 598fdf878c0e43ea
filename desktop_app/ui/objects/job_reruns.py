"""Run again, from the Jobs panel, of a bulk delete, a copy or a move of selected objects.

The job keeps the connection (by id), the bucket, the folder it was started in and the names
selected (at most `MAX_KEPT_ITEMS`: a bigger selection is not kept and cannot run again). Run
again shows that folder, looks the names up again (what has gone since is left out, folders are
counted afresh by the flow) and re-opens the same question: the delete confirmation, or the
destination dialog filled with the earlier destination, then the usual collision question.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from desktop_app.core.errors import AppError
from desktop_app.core.jobs import Job
from desktop_app.core.types import FolderEntry, ObjectEntry
from desktop_app.storage.protocol import Storage
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.flows import run_browse
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.job_rerun import connection_for

MAX_KEPT_ITEMS = 1000
Entry = FolderEntry | ObjectEntry


class _Flows(Protocol):
    """What of ActionFlows a rerun uses (a Protocol: action_flows imports this module)."""

    flows: Any

    def connection_choices(self) -> list[tuple[str, str]]: ...
    def storage_of(self, conn_id: str) -> Storage | None: ...
    def show_status(self, text: str) -> None: ...
    async def _delete(self, storage: Storage, bucket: str, entries: list[Entry],
                      place: tuple[str, str]) -> None: ...
    async def _ask_destination(self, storage: Storage, bucket: str, entries: list[Entry],
                               place: tuple[str, str], move: bool,
                               preset: tuple[str, str, str] | None = None) -> None: ...


def _conn_of(flows: _Flows, storage: Storage | None) -> tuple[str, str]:
    """(id, name) of the open connection holding `storage`, ("", "") when none does."""
    for conn_id, name in flows.connection_choices():
        if storage is not None and flows.storage_of(conn_id) is storage:
            return conn_id, name
    return "", ""


def job_params(flows: _Flows, storage: Storage, bucket: str, prefix: str,
               names: Sequence[str], dst_storage: Storage | None = None,
               **more: Any) -> dict[str, Any]:
    """What a delete/copy/move job keeps to run again; {} (no Run again) for a selection
    too big to keep or a connection that is not among the open ones."""
    conn, name = _conn_of(flows, storage)
    if not conn or len(names) > MAX_KEPT_ITEMS:
        return {}
    params = {"conn": conn, "connection": name, "bucket": bucket, "prefix": prefix,
              "items": list(names), **more}
    if dst_storage is not None:
        params["dst_conn"] = _conn_of(flows, dst_storage)[0] or conn
    return params


def still_there(storage: Storage, bucket: str, names: Sequence[str]) -> list[Entry]:
    """Runs on a worker: the kept names as entries (one HEAD per file), without the files
    that are gone."""
    entries: list[Entry] = []
    for name in names:
        if name.endswith("/"):
            entries.append(FolderEntry(name))
            continue
        try:
            stat = storage.stat(bucket, name)
        except AppError:
            continue  # gone (or unreadable): not part of the run any more
        entries.append(ObjectEntry(name, stat.size, stat.last_modified, stat.etag))
    return entries


class ObjectReruns:
    """Registers the handlers of the "delete", "copy" and "move" jobs of object actions."""

    def __init__(self, flows: _Flows, context: WindowContext) -> None:
        self.actions, self.context = flows, context
        for kind in ("delete", "copy", "move"):
            context.job_handlers[kind] = self.run_again

    def run_again(self, job: Job) -> None:
        entry = connection_for(self.context, job.params)
        if entry is not None:
            self.actions.flows.start(self._again(job, entry.conn_id, entry.storage))

    async def _again(self, job: Job, conn_id: str, storage: Storage) -> None:
        p = job.params
        bucket, prefix = str(p["bucket"]), str(p.get("prefix", ""))
        names = [str(n) for n in p.get("items", [])]
        if self.context.active_connection() != conn_id:
            self.context.activate_connection(conn_id)
        self.context.open_location(bucket, prefix)  # the question is about this folder
        entries = await run_browse(self.context.runner, still_there, storage, bucket, names)
        if not entries:
            self.actions.show_status(
                translate(
                    "ObjectReruns",
                    "None of the {names:,} items of that job is in “{bucket}” any more.").format(
                    names=len(names),
                    bucket=bucket,
                ))
            return
        if job.kind == "delete":
            await self.actions._delete(storage, bucket, entries, (bucket, prefix))
            return
        preset = (str(p.get("dst_conn") or conn_id), str(p.get("dst_bucket", bucket)),
                  str(p.get("dst_prefix", "")))
        await self.actions._ask_destination(storage, bucket, entries, (bucket, prefix),
                                            job.kind == "move", preset)
