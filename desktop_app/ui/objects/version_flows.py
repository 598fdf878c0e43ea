"""Versions actions: "Versions…" for one file and "Deleted files…" for the current folder.

Both open a `VersionsDialog` once the history is read; each restore, undelete or delete it
asks for is a flow of the dialog's own `FlowOwner` (closing the dialog cancels it), after
which the history is listed again so the dialog always shows what the server has. A bucket
without versioning is explained instead of showing an empty history.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.core.errors import AppError
from desktop_app.core.keys_text import shown_key
from desktop_app.core.types import ObjectEntry
from desktop_app.core.versions import ObjectVersion
from desktop_app.storage.protocol import Storage
from desktop_app.ui.objects.action_flows import ActionFlows
from desktop_app.ui.objects.flow_base import Place
from desktop_app.ui.objects.versions_dialog import VersionsDialog, deleted_keys
from desktop_app.ui.shell.flows import FlowOwner, run_browse
from desktop_app.ui.shell.i18n import translate


def _history(storage: Storage, bucket: str, prefix: str, exact: bool) -> list[ObjectVersion]:
    """Worker-side: the versions, or a clear error when the bucket keeps none."""
    versions = storage.list_versions(bucket, prefix, exact)
    if not exact:
        gone = deleted_keys(versions)
        versions = [v for v in versions if v.key in gone]
    if not versions and not storage.versioning_enabled(bucket):
        raise AppError(
            translate(
                "VersionFlows",
                "The bucket “{bucket}” does not keep versions, so there is no history to "
                "show.").format(
                bucket=bucket,
            ),
            translate(
                "VersionFlows",
                "Versioning is a bucket setting; ask the administrator to enable it."),
        )
    return versions


class VersionFlows(ActionFlows):
    versions_dialog: VersionsDialog | None = None

    def show_versions(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        storage, bucket, entries = ready
        entry = entries[0]
        if not isinstance(entry, ObjectEntry):
            self.show_deleted(entry.prefix)
            return
        self.flows.start(self._open_history(
            storage, bucket, entry.key, True, translate(
                "VersionFlows", "Versions of “{name}”").format(name=shown_key(entry.name)),
            translate(
                "VersionFlows",
                "Every stored version of {bucket}/{key}. Restoring copies an old version over "
                "the current one; nothing is lost.").format(
                bucket=shown_key(bucket),
                key=shown_key(entry.key),
            ),
            self.location()))

    def show_deleted(self, prefix: str | None = None) -> None:
        storage, (bucket, current) = self.storage(), self.location()
        if storage is None or not bucket:
            self.show_status(translate("VersionFlows", "Open a bucket first."))
            return
        folder = current if prefix is None else prefix
        self.flows.start(self._open_history(
            storage, bucket, folder, False,
            translate(
                "VersionFlows",
                "Deleted files in “{bucket}/{folder}”").format(
                bucket=shown_key(bucket),
                folder=shown_key(folder),
            ),
            translate(
                "VersionFlows",
                "Files deleted from this folder that the bucket still keeps. Select one and "
                "choose Undelete to bring it back."), (bucket, current)))

    async def _open_history(self, storage: Storage, bucket: str, prefix: str, exact: bool,
                            title: str, intro: str, place: Place) -> None:
        with self.flows.bound_to(place):
            versions = await run_browse(self.runner, _history, storage, bucket, prefix, exact)
        dialog = VersionsDialog(title, intro, versions, self.window)
        self.versions_dialog = dialog
        changes = FlowOwner(dialog, on_error=self.show_error)

        def change(busy: str, fn: Callable[..., Any], version: ObjectVersion) -> None:
            changes.start(self._change(dialog, busy, storage, bucket, prefix, exact, fn,
                                       version))

        dialog.restore_requested.connect(
            lambda v: change(translate("VersionFlows", "Restoring…"), storage.restore_version, v))
        dialog.undelete_requested.connect(
            lambda v: change(translate("VersionFlows", "Undeleting…"), storage.delete_version, v))
        dialog.delete_requested.connect(
            lambda v: change(translate(
                "VersionFlows", "Deleting the version…"), storage.delete_version, v))
        self.open_dialog(dialog)

    async def _change(self, dialog: VersionsDialog, busy: str, storage: Storage, bucket: str,
                      prefix: str, exact: bool, fn: Callable[..., Any],
                      version: ObjectVersion) -> None:
        """One change, then the history again, with what happened in the dialog's status."""
        dialog.set_busy(busy)
        try:
            await run_browse(self.runner, fn, bucket, version.key, version.version_id)
        except AppError as err:
            status = err.user_text()
        else:
            status = translate("VersionFlows", "Done.")
            self.after_change()
        versions = await run_browse(self.runner, storage.list_versions, bucket, prefix, exact)
        if not exact:
            gone = deleted_keys(versions)
            versions = [v for v in versions if v.key in gone]
        dialog.set_versions(versions, status)
