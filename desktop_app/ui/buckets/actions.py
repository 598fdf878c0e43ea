"""The bucket actions of the tree's context menu: New bucket…, Delete bucket…, Properties…
and Refresh, and the New bucket flow.

The main window hands `menu_actions` to the tree view (browse imports nothing of this
feature) and the bucket tree's model as a `BucketList`. Every flow is a task of
`self.flows`, cancelled when the window closes; the dialog on screen is `active_dialog`,
which is also how tests drive it.
"""

from __future__ import annotations

from typing import Protocol

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu

from desktop_app.core.errors import AppError, NotSupportedByServer
from desktop_app.core.jobs import Job
from desktop_app.storage.open_connections import OpenConnection
from desktop_app.storage.protocol import BucketLifecycleOps, BucketSettingsOps
from desktop_app.ui.buckets.delete_flow import DeleteBucketFlow
from desktop_app.ui.buckets.new_bucket_dialog import NewBucketDialog, NewBucketRequest
from desktop_app.ui.buckets.properties_dialog import BucketPropertiesDialog
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.flows import FlowOwner, run_browse
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.job_rerun import connection_for, place_params

COMING_SOON = QT_TRANSLATE_NOOP("Actions", "Coming soon")


class BucketList(Protocol):
    """The bucket tree's model as this feature needs it: list a connection's buckets again."""

    def reload(self, conn_id: str | None = None) -> None: ...


def create_bucket(ops: BucketLifecycleOps, request: NewBucketRequest) -> None:
    """Runs on a worker: the one call that creates the bucket with its settings."""
    ops.make_bucket(request.name, region=request.region, object_lock=request.object_lock,
                    versioning=request.versioning)


class BucketActions(QObject):
    def __init__(self, context: WindowContext, tree: BucketList) -> None:
        super().__init__(context.window)
        self.setObjectName("bucketActions")
        self.context = context
        self.tree = tree
        self.flows = FlowOwner(self, on_error=context.show_error)
        self.active_dialog: QDialog | None = None
        context.on_close(self.flows.cancel_all)
        context.job_handlers["empty-bucket"] = self.run_again

    # -- the menu ------------------------------------------------------------------------
    def menu_actions(self, menu: QMenu, conn_id: str, bucket: str) -> list[QAction]:
        """For a connection root (`bucket` ""): New bucket…, Refresh; for a bucket also
        Delete bucket… and Properties… (disabled, saying so, where the storage has no
        bucket settings)."""
        actions = [self._action(menu, translate("BucketActions", "New bucket…"), "actionNewBucket",
                                lambda: self.new_bucket(conn_id))]
        if bucket:
            actions.append(self._action(menu, translate(
                "BucketActions", "Delete bucket…"), "actionDeleteBucket",
                                        lambda: self.delete_bucket(conn_id, bucket)))
            properties = self._action(menu, translate(
                "BucketActions", "Properties…"), "actionBucketProperties",
                                      lambda: self.properties(conn_id, bucket))
            if not isinstance(self._storage(conn_id), BucketSettingsOps):
                properties.setEnabled(False)
                properties.setToolTip(translate("Actions", COMING_SOON))
            actions.append(properties)
        actions.append(self._action(menu, translate(
            "BucketActions", "Refresh"), "actionRefreshBuckets",
                                    lambda: self.tree.reload(conn_id)))
        menu.setToolTipsVisible(True)
        return actions

    @staticmethod
    def _action(menu: QMenu, text: str, name: str, slot: object) -> QAction:
        action = QAction(text, menu)
        action.setObjectName(name)
        if callable(slot):
            action.triggered.connect(lambda *_: slot())
        return action

    def _storage(self, conn_id: str) -> object:
        entry = self.context.connections.get(conn_id)
        return entry.storage if entry is not None else None

    def _connection(self, conn_id: str) -> tuple[OpenConnection, BucketLifecycleOps] | None:
        entry = self.context.connections.get(conn_id)
        if entry is None:
            return None
        if not isinstance(entry.storage, BucketLifecycleOps):
            self.context.show_error(AppError(
                translate(
                    "BucketActions",
                    "The connection “{name}” cannot create or delete buckets.").format(
                    name=entry.name,
                ),
                translate("BucketActions", "Use a connection to an S3 server.")))
            return None
        return entry, entry.storage

    def _show(self, dialog: QDialog) -> None:
        self.active_dialog = dialog

    # -- new bucket ----------------------------------------------------------------------
    def new_bucket(self, conn_id: str) -> None:
        found = self._connection(conn_id)
        if found is not None:
            self.flows.start(self._new_bucket(conn_id, *found))

    async def _new_bucket(self, conn_id: str, entry: OpenConnection,
                          ops: BucketLifecycleOps) -> None:
        region = entry.settings.region or "" if entry.settings is not None else ""
        dialog = NewBucketDialog(entry.name, region, self.context.window)
        self._show(dialog)
        lacking: NotSupportedByServer | None = None
        try:
            while True:
                request = await dialog.next_request()
                if request is None:
                    return
                try:
                    await run_browse(self.context.runner, create_bucket, ops, request)
                except NotSupportedByServer as err:  # created, without what the server lacks
                    lacking = err
                except AppError as err:
                    dialog.show_refusal(err)  # taken, not allowed…: try another name
                    continue
                dialog.done(QDialog.DialogCode.Accepted.value)
                break
        finally:
            if shiboken6.isValid(dialog):
                if dialog.isVisible():
                    dialog.reject()
                dialog.deleteLater()
        self.context.activate_connection(conn_id)
        self.tree.reload(conn_id)
        self.context.open_location(request.name, "")  # selected once the tree lists it
        if lacking is not None:
            self.context.show_error(lacking)
        else:
            self.context.show_info(translate(
                "BucketActions", "Created the bucket “{name}”.").format(name=request.name))

    def run_again(self, job: Job) -> None:
        """Run again of an emptying (Jobs panel): the same question, the name typed again."""
        if connection_for(self.context, job.params) is not None:
            self.delete_bucket(str(job.params["conn"]), str(job.params["bucket"]))

    # -- delete bucket -------------------------------------------------------------------
    def delete_bucket(self, conn_id: str, bucket: str) -> None:
        found = self._connection(conn_id)
        if found is not None:
            self.flows.start(self._delete_bucket(conn_id, bucket, *found))

    async def _delete_bucket(self, conn_id: str, bucket: str, entry: OpenConnection,
                             ops: BucketLifecycleOps) -> None:
        flow = DeleteBucketFlow(self.context.runner, ops, self.context.window, self._show,
                                self.context.jobs())
        flow.params = place_params(self.context, conn_id, bucket)
        outcome = await flow.run(bucket, entry.name)
        if outcome.deleted:
            self.tree.reload(conn_id)
            shown = self.context.listing.bucket == bucket
            if shown and self.context.active_connection() == conn_id:
                rest = [n for n in self.context.tree.bucket_names(conn_id) if n != bucket]
                self.context.open_location(rest[0] if rest else "", "")
        if outcome.message:
            self.context.show_info(outcome.message)

    # -- properties ----------------------------------------------------------------------
    def properties(self, conn_id: str, bucket: str) -> None:
        entry = self.context.connections.get(conn_id)
        if entry is not None and isinstance(entry.storage, BucketSettingsOps):
            self.flows.start(self._properties(bucket, entry.name, entry.storage))

    async def _properties(self, bucket: str, connection: str, storage: object) -> None:
        dialog = BucketPropertiesDialog(bucket, connection, storage, self.context.runner,
                                        self.context.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._show(dialog)
        dialog.open()
        await dialog.load()
