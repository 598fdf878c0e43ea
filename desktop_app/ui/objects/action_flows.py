"""The long object actions as `async def` flows: ask, work, then report (those steps, and
the hooks the window fills in, are `FlowBase` in flow_base.py).

delete:     [count folders] -> confirm -> multi-object delete -> report
copy/move:  destination -> plan (list + collisions) -> [ask collisions] -> copy [-> delete]
open:       download to a private temp folder -> open with the desktop's default app
download:   choose folder -> the transfer queue (or, without one, a sequential download)

Every flow is a task of `self.flows`. Closing the window cancels them all; the questions and
plans about the folder on screen (`bound_to`) are also cancelled when the user opens another
folder, so no stale confirmation or plan lands. Work the user confirmed runs on; a cancelled
flow tells its worker to stop at the next request. Dialogs and progress windows are kept in
`active_dialog` / `active_progress`, which is also how tests drive them without `exec()`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from desktop_app.core.errors import AppError
from desktop_app.core.keys_text import shown_key
from desktop_app.core.types import FolderEntry, ObjectEntry
from desktop_app.storage.bulk_copy import (
    Collision,
    CopyPlan,
    copy_items,
    plan_copy,
    resolve,
)
from desktop_app.storage.bulk_ops import BulkReport, Expanded, Progress, delete_expanded, expand
from desktop_app.storage.protocol import Storage
from desktop_app.transfers.simple_download import download, parent_prefix, plan_download
from desktop_app.ui.objects.copy_move_dialog import CollisionDialog, DestinationDialog, NameDialog
from desktop_app.ui.objects.delete_dialog import DeleteDialog
from desktop_app.ui.objects.flow_base import Entry, FlowBase, Place, key_of
from desktop_app.ui.objects.job_reruns import job_params
from desktop_app.ui.objects.properties_dialog import PropertiesDialog, folder_fields, object_fields
from desktop_app.ui.shell.flows import run_browse
from desktop_app.ui.shell.i18n import translate

MAX_OPEN_AT_ONCE = 10


class ActionFlows(FlowBase):
    """Base of `ObjectActions`: everything that talks to the server in bulk."""

    # -- delete --------------------------------------------------------------------------
    def delete_selected(self) -> None:
        ready = self._ready()
        if ready is not None:
            self.flows.start(self._delete(*ready, self.location()))

    async def _delete(self, storage: Storage, bucket: str, entries: list[Entry],
                      place: Place) -> None:
        names = [key_of(e) for e in entries]
        objects = [e for e in entries if isinstance(e, ObjectEntry)]
        with self.flows.bound_to(place):
            if len(objects) == len(entries):
                expanded = Expanded(tuple(objects))
            else:
                expanded = await self.run_job(
                    translate("ActionFlows", "Counting what will be deleted"),
                    lambda p: expand(storage, bucket, entries, p))
            if self.confirm_delete and not await self.ask(
                    DeleteDialog(bucket, names, expanded, self.window)):
                return
        report = await self.run_job(
            translate(
                "ActionFlows", "Deleting"), lambda p: delete_expanded(storage, bucket, expanded, p),
            logged=("delete", f"{bucket}/{place[1]}"),
            params=job_params(self, storage, bucket, place[1], names))
        self.report(report, translate("ActionFlows", "Deleted"), translate("ActionFlows", "Delete"))

    # -- copy, move, rename --------------------------------------------------------------
    def copy_to(self) -> None:
        self._copy_or_move(move=False)

    def move_to(self) -> None:
        self._copy_or_move(move=True)

    def _copy_or_move(self, move: bool) -> None:
        ready = self._ready()
        if ready is not None:
            self.flows.start(self._ask_destination(*ready, self.location(), move))

    async def _ask_destination(self, storage: Storage, bucket: str, entries: list[Entry],
                               place: Place, move: bool,
                               preset: tuple[str, str, str] | None = None) -> None:
        """`preset`: (connection, bucket, folder) chosen before (Run again)."""
        home = self.active_connection()
        dialog = DestinationDialog(move, len(entries), self.bucket_names(), bucket, place[1],
                                   self.window, self.connection_choices(), home,
                                   self.bucket_names_of)
        if preset is not None:
            dialog.set_connection(preset[0])
            dialog.set_destination(preset[1], preset[2])
        with self.flows.bound_to(place):
            if not await self.ask(dialog):
                return
        conn = dialog.destination_connection()
        dst_bucket, dst_prefix = dialog.destination()
        target = self.storage_of(conn) if conn and conn != home else None
        if conn and conn != home and target is None:
            self.show_status(translate("ActionFlows", "That connection was closed meanwhile."))
            return
        await self.copy_entries(storage, bucket, entries, dst_bucket, dst_prefix, move, place,
                                dst_storage=target)

    def rename(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        storage, bucket, entries = ready
        if len(entries) != 1:
            self.show_status(translate("ActionFlows", "Select a single item to rename."))
            return
        self.flows.start(self._rename(storage, bucket, entries[0], self.location()))

    async def _rename(self, storage: Storage, bucket: str, entry: Entry, place: Place) -> None:
        dialog = NameDialog(translate(
            "ActionFlows", "Rename"), translate(
            "ActionFlows", "New name for “{name}”:").format(name=shown_key(entry.name)), entry.name,
                            self.window)
        with self.flows.bound_to(place):
            if not await self.ask(dialog):
                return
        name = dialog.name()
        if name != entry.name:
            await self.copy_entries(storage, bucket, [entry], bucket,
                                    parent_prefix(key_of(entry)), True, place, new_name=name)

    async def copy_entries(self, storage: Storage, src_bucket: str, entries: Sequence[Entry],
                           dst_bucket: str, dst_prefix: str, move: bool, place: Place,
                           new_name: str | None = None,
                           dst_storage: Storage | None = None) -> None:
        """Plan, ask about collisions, then copy (and delete the sources for a move).
        `dst_storage`: another open connection (bytes stream through this process)."""
        with self.flows.bound_to(place):
            plan = await self.run_job(
                translate("ActionFlows", "Preparing"),
                lambda p: plan_copy(storage, src_bucket, entries, dst_bucket, dst_prefix, p,
                                    new_name, dst_storage))
            policy = await self._collision_policy(plan)
            if policy is None:
                return
        threshold, part = self.multipart_threshold, self.part_size
        target = dst_storage if dst_storage is not None else storage

        def work(progress: Progress) -> BulkReport:
            todo, skipped = resolve(plan, policy, target)
            return copy_items(storage, plan, todo, progress, move, skipped, threshold, part,
                              dst_storage)

        report = await self.run_job(translate(
            "ActionFlows", "Moving") if move else translate(
            "ActionFlows", "Copying"), work,
                                    logged=("move" if move else "copy",
                                            f"{src_bucket} → {dst_bucket}/{dst_prefix}"),
                                    params=None if new_name else job_params(
                                        self, storage, src_bucket, place[1],
                                        [key_of(e) for e in entries], dst_storage or storage,
                                        dst_bucket=dst_bucket, dst_prefix=dst_prefix))
        self.report(report, translate(
            "ActionFlows", "Moved") if move else translate(
            "ActionFlows", "Copied"), translate(
            "ActionFlows", "Move") if move else translate(
            "ActionFlows", "Copy"))

    async def _collision_policy(self, plan: CopyPlan) -> Collision | None:
        """What to do with objects already at the destination; None: the user cancelled."""
        # Folder markers that exist already are no conflict: the folders simply merge.
        if not any(not c.dst_key.endswith("/") for c in plan.collisions):
            return Collision.OVERWRITE
        dialog = CollisionDialog(plan, self.window)
        return dialog.choice if await self.ask(dialog) else None

    # -- open, download, properties ------------------------------------------------------
    def open_selected(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        storage, bucket, entries = ready
        objects = [e for e in entries if isinstance(e, ObjectEntry)]
        if not objects:
            first = entries[0]
            if isinstance(first, FolderEntry):
                self.open_folder(first.prefix)
            return
        if len(objects) > MAX_OPEN_AT_ONCE:
            self.show_status(translate(
                "ActionFlows",
                "Opening the first {MAX_OPEN_AT_ONCE} of {objects} files; use Download to… for "
                "more.").format(MAX_OPEN_AT_ONCE=MAX_OPEN_AT_ONCE, objects=len(objects)))
            objects = objects[:MAX_OPEN_AT_ONCE]
        if self._temp_root is None:
            self._temp_root = Path(tempfile.mkdtemp(prefix="minio-desktop-open-"))
        target = Path(tempfile.mkdtemp(dir=self._temp_root))
        self.flows.start(self._open(storage, bucket, objects, target))

    async def _open(self, storage: Storage, bucket: str, objects: list[ObjectEntry],
                    target: Path) -> None:
        planned = [(o, o.name) for o in objects]
        report, saved = await self.run_job(
            translate(
                "ActionFlows", "Opening"), lambda p: download(storage, bucket, planned, target, p))
        for path in saved:
            self.opened.append(path)
            if not self.open_file(path):
                self.show_error(AppError(
                    translate(
                        "ActionFlows",
                        "No application could open “{name}”.").format(name=path.name),
                    translate(
                        "ActionFlows", "Use Download to… and open it from your file manager."),
                ))
        if report.failures:
            self.report(report, translate(
                "ActionFlows", "Opened"), translate(
                "ActionFlows", "Open"), changed=False)

    def download_selected(self) -> None:
        if self._ready() is not None:
            self.choose_folder(self.download_to)

    def download_to(self, folder: Path) -> None:
        """Hand the selection to the transfer queue (parallel, verified, resumable); the
        simple sequential download below is only for a storage the engine cannot drive."""
        if self.queue_download(folder):
            return
        ready = self._ready()
        if ready is not None:
            self.flows.start(self._download(*ready, folder))

    async def _download(self, storage: Storage, bucket: str, entries: list[Entry],
                        folder: Path) -> None:
        def work(progress: Progress) -> BulkReport:
            plan = plan_download(storage, bucket, entries, progress)
            return download(storage, bucket, plan.items, folder, progress, plan.refused)[0]

        report = await self.run_job(translate("ActionFlows", "Downloading"), work)
        self.report(report, translate(
            "ActionFlows", "Downloaded"), translate(
            "ActionFlows", "Download"), changed=False)

    def show_properties(self) -> None:
        ready = self._ready()
        if ready is not None:
            self.flows.start(self._properties(*ready, self.location()))

    async def _properties(self, storage: Storage, bucket: str, entries: list[Entry],
                          place: Place) -> None:
        entry = entries[0]
        with self.flows.bound_to(place):
            if isinstance(entry, ObjectEntry):
                stat = await run_browse(self.runner, storage.stat, bucket, entry.key)
                fields = object_fields(stat)
            else:
                expanded = await self.run_job(
                    translate(
                        "ActionFlows", "Counting"), lambda p: expand(storage, bucket, [entry], p))
                fields = folder_fields(bucket, entry.prefix, expanded)
        self.open_dialog(PropertiesDialog(translate(
            "ActionFlows", "Properties"), fields, self.window))
