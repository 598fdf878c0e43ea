"""Versions actions: "Versions…" for one file and "Deleted files…" for the current folder.

Both open a `VersionsDialog`; its requests run on a worker, then the history is listed again
so the dialog always shows what the server has. A bucket without versioning is explained
instead of showing an empty history.
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
from desktop_app.ui.objects.versions_dialog import VersionsDialog, deleted_keys

Lister = Callable[[], list[ObjectVersion]]


def _history(storage: Storage, bucket: str, prefix: str, exact: bool) -> list[ObjectVersion]:
    """Worker-side: the versions, or a clear error when the bucket keeps none."""
    versions = storage.list_versions(bucket, prefix, exact)
    if not exact:
        gone = deleted_keys(versions)
        versions = [v for v in versions if v.key in gone]
    if not versions and not storage.versioning_enabled(bucket):
        raise AppError(
            f"The bucket “{bucket}” does not keep versions, so there is no history to show.",
            "Versioning is a bucket setting; ask the administrator to enable it.",
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
        self._open_history(storage, bucket, entry.key, True,
                           f"Versions of “{shown_key(entry.name)}”",
                           f"Every stored version of {shown_key(bucket)}/{shown_key(entry.key)}. "
                           "Restoring copies an old version over the current one; nothing "
                           "is lost.")

    def show_deleted(self, prefix: str | None = None) -> None:
        storage, (bucket, current) = self.storage(), self.location()
        if storage is None or not bucket:
            self.show_status("Open a bucket first.")
            return
        folder = current if prefix is None else prefix
        self._open_history(storage, bucket, folder, False,
                           f"Deleted files in “{shown_key(bucket)}/{shown_key(folder)}”",
                           "Files deleted from this folder that the bucket still keeps. "
                           "Select one and choose Undelete to bring it back.")

    def _open_history(self, storage: Storage, bucket: str, prefix: str, exact: bool,
                      title: str, intro: str) -> None:
        def shown(versions: list[ObjectVersion]) -> None:
            dialog = VersionsDialog(title, intro, versions, self.window)
            self.versions_dialog = dialog
            reload = self._reloader(storage, bucket, prefix, exact, dialog)
            dialog.restore_requested.connect(lambda v: self._change(
                dialog, "Restoring…", reload, storage.restore_version, bucket, v.key,
                v.version_id))
            dialog.undelete_requested.connect(lambda v: self._change(
                dialog, "Undeleting…", reload, storage.delete_version, bucket, v.key,
                v.version_id))
            dialog.delete_requested.connect(lambda v: self._change(
                dialog, "Deleting the version…", reload, storage.delete_version, bucket, v.key,
                v.version_id))
            self.open_dialog(dialog)

        self.runner.submit(_history, storage, bucket, prefix, exact, on_success=shown,
                           on_error=self.show_error, context=self)

    def _reloader(self, storage: Storage, bucket: str, prefix: str, exact: bool,
                  dialog: VersionsDialog) -> Callable[[str], None]:
        def reload(status: str) -> None:
            self.runner.submit(
                storage.list_versions, bucket, prefix, exact,
                on_success=lambda versions: dialog.set_versions(
                    versions if exact else
                    [v for v in versions if v.key in deleted_keys(versions)], status),
                on_error=self.show_error, context=dialog,
            )
        return reload

    def _change(self, dialog: VersionsDialog, busy: str, reload: Callable[[str], None],
                fn: Callable[..., Any], *args: Any) -> None:
        dialog.set_busy(busy)

        def done(_result: object) -> None:
            reload("Done.")
            self.after_change()

        def failed(err: AppError) -> None:
            reload(err.user_text())

        self.runner.submit(fn, *args, on_success=done, on_error=failed, context=dialog)
