"""Object actions for the file table: QActions with shortcuts, a context menu and a toolbar.

Built by the main window with its `WindowContext` and the table widget, so the table knows
nothing about them. Every action works on the current multi-selection, read through the
model's ENTRY_ROLE (so it keeps working behind a sort/filter proxy). Shortcuts only fire while
the table has focus: Delete typed into the address bar never deletes objects.

The link actions live here (quick, no progress needed); the bulk ones in `ActionFlows`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QTableView, QToolBar

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import AppError
from desktop_app.core.jobs import JobLog
from desktop_app.core.keys_text import shown_key
from desktop_app.core.links import Disposition, content_disposition, object_url, s3_uri
from desktop_app.core.types import FolderEntry, ObjectEntry
from desktop_app.storage.protocol import Storage
from desktop_app.ui.objects.copy_move_dialog import NameDialog
from desktop_app.ui.objects.flow_base import Entry, key_of
from desktop_app.ui.objects.job_reruns import ObjectReruns
from desktop_app.ui.objects.presign_dialog import PresignDialog
from desktop_app.ui.objects.version_flows import VersionFlows
from desktop_app.ui.shell import icons
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.flows import run_browse
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.roles import ENTRY_ROLE

_SEL = "selection"  # enabled with any selection
_ONE = "one"  # exactly one item
_FILES = "files"  # at least one file (not only folders)
_ALWAYS = "always"


def make_links(
    storage: Storage, bucket: str, keys: list[str], expires: timedelta,
    mode: Disposition,
) -> tuple[list[str], datetime, list[tuple[str, AppError]]]:
    """Worker-side: one presigned GET per key, all issued now. A key that cannot be signed
    (say, with a `..` segment) is reported and the others still get their links."""
    issued = datetime.now(UTC).replace(microsecond=0)
    links: list[str] = []
    failed: list[tuple[str, AppError]] = []
    for key in keys:
        try:
            links.append(storage.presign_download(
                bucket, key, expires, issued, content_disposition(mode, key)))
        except AppError as err:
            if not links and len(failed) == 2:  # three in a row: not the keys - give up
                raise
            failed.append((key, err))
    if not links and failed:
        raise failed[0][1]
    return links, issued + expires, failed


class ObjectActions(VersionFlows):
    """`table` shows the context's listing; `refresh_action` joins the context menu;
    `queue_download(folder)` hands the selection to the transfer queue (False: no queue for
    this connection, so the simple sequential download runs)."""

    def __init__(self, context: WindowContext, table: QTableView, refresh_action: QAction,
                 queue_download: Callable[[Path], bool] | None = None) -> None:
        super().__init__(context.window, context.runner)
        self.context = context
        self.table = table
        self.refresh_action = refresh_action
        self._queue_download = queue_download
        self.last_links: list[str] = []
        self.last_valid_until: datetime | None = None
        self._rules: list[tuple[QAction, str]] = []
        # (menu, bucket, folder prefix) -> more actions for a folder (set by the main window)
        self.folder_menu_actions: Callable[[QMenu, str, str], list[QAction]] | None = None
        # Actions for the selected files (bucket, files), e.g. Validate… of a CSV.
        self.file_menu_actions: Callable[[QMenu, str, list[ObjectEntry]], list[QAction]] | None \
            = None
        # Shown beside "Copy presigned link" (the Share center), and told of every batch of
        # links that dialog made: (bucket, keys, issued, valid until, disposition).
        self.link_actions: list[QAction] = []
        self.links_made: Callable[[str, list[str], datetime, datetime, Disposition], None] \
            | None = None
        self._build_actions()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        context.on_close(self.cancel_all)
        self.reruns = ObjectReruns(self, context)  # Run again of deletes, copies, moves
        context.listing.location_changed.connect(self.location_shown)  # leaving drops questions
        self._watched: object = None
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.layoutChanged, context.listing.loading_changed):
            signal.connect(self.update_enabled)
        self.update_enabled()

    # -- actions -------------------------------------------------------------------------
    def _action(self, name: str, text: str, slot: object, rule: str,
                shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self.context.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self._rules.append((action, rule))
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        mod = Qt.KeyboardModifier
        self.action_open = self._action("actionOpen", translate(
            "ObjectActions", "Open"), self.open_selected, _FILES,
                                        key(mod.ControlModifier | Qt.Key.Key_O))
        self.action_download = self._action("actionDownload", translate(
            "ObjectActions", "Download to…"),
                                            self.download_selected, _SEL)
        self.action_presign = self._action(
            "actionCopyPresignedLink", translate(
                "ObjectActions", "Copy presigned link…"), self.copy_presigned_link, _FILES,
            key(mod.ControlModifier | mod.ShiftModifier | Qt.Key.Key_L))
        self.action_s3_uri = self._action(
            "actionCopyS3Uri", translate("ObjectActions", "Copy S3 URI"), self.copy_s3_uris, _SEL,
            key(mod.ControlModifier | mod.ShiftModifier | Qt.Key.Key_C))
        self.action_url = self._action("actionCopyUrl", translate(
            "ObjectActions", "Copy URL"), self.copy_urls, _SEL)
        self.action_rename = self._action("actionRename", translate(
            "ObjectActions", "Rename…"), self.rename, _ONE,
                                          key(Qt.Key.Key_F2))
        self.action_copy_to = self._action("actionCopyTo", translate(
            "ObjectActions", "Copy to…"), self.copy_to, _SEL)
        self.action_move_to = self._action("actionMoveTo", translate(
            "ObjectActions", "Move to…"), self.move_to, _SEL)
        self.action_delete = self._action("actionDelete", translate(
            "ObjectActions", "Delete…"), self.delete_selected, _SEL,
                                          key(key.StandardKey.Delete))
        self.action_new_folder = self._action(
            "actionNewFolder", translate("ObjectActions", "New folder…"), self.new_folder, _ALWAYS,
            key(mod.ControlModifier | mod.ShiftModifier | Qt.Key.Key_N))
        self.action_versions = self._action("actionVersions", translate(
            "ObjectActions", "Versions…"), self.show_versions,
                                            _ONE)
        self.action_show_deleted = self._action("actionShowDeleted", translate(
            "ObjectActions", "Deleted files…"),
                                                self.show_deleted, _ALWAYS)
        self.action_properties = self._action(
            "actionProperties", translate(
                "ObjectActions", "Properties"), self.show_properties, _ONE,
            key(mod.AltModifier | Qt.Key.Key_Return))
        for action, name in (
            (self.action_new_folder, "new-folder"),
            (self.action_download, "download"),
            (self.action_open, "open"),
            (self.action_presign, "link"),
            (self.action_delete, "delete"),
            (self.action_properties, "properties"),
        ):
            action.setIcon(icons.svg_icon(name))
        self._describe()
        window = self.context.window
        toolbar = QToolBar(translate("ObjectActions", "Objects"), window)
        toolbar.setObjectName("objectsToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.action_new_folder, self.action_download, self.action_presign,
                       self.action_delete):
            toolbar.addAction(action)
        window.addToolBarBreak()  # a row of its own, so the address bar keeps its width
        window.addToolBar(toolbar)
        self.toolbar = toolbar

    def _describe(self) -> None:
        """What each action does, as its tooltip and status tip (screen readers read it as
        the button's description)."""
        tips = (
            (self.action_open, translate(
                "ObjectActions", "Download to a temporary folder and open with the default app")),
            (self.action_download, translate(
                "ObjectActions", "Save the selected files and folders on this computer")),
            (self.action_presign, translate(
                "ObjectActions", "Copy a link anyone can download the file with, for a time")),
            (self.action_s3_uri, translate(
                "ObjectActions", "Copy s3://bucket/key of the selection")),
            (self.action_url, translate("ObjectActions", "Copy the plain URL of the selection")),
            (self.action_rename, translate("ObjectActions", "Give the selected item another name")),
            (self.action_copy_to, translate(
                "ObjectActions", "Copy the selection to another folder, bucket or connection")),
            (self.action_move_to, translate(
                "ObjectActions", "Move the selection to another folder, bucket or connection")),
            (self.action_delete, translate(
                "ObjectActions", "Delete the selected files and folders from the server")),
            (self.action_new_folder, translate(
                "ObjectActions", "Make a folder in the folder shown")),
            (self.action_versions, translate(
                "ObjectActions", "Show the stored versions of the selected file")),
            (self.action_show_deleted, translate(
                "ObjectActions", "Show deleted files the bucket still keeps")),
            (self.action_properties, translate(
                "ObjectActions", "Size, type, checksums and metadata of the selection")),
        )
        for action, tip in tips:
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def build_menu(self) -> QMenu:
        """The context menu for the current selection (built fresh each time)."""
        self.update_enabled()
        menu = QMenu(self.table)
        menu.setObjectName("objectContextMenu")
        groups: list[list[QAction]] = [
            [self.action_open, self.action_download],
            [self.action_presign, *self.link_actions, self.action_s3_uri, self.action_url],
            [self.action_rename, self.action_copy_to, self.action_move_to, self.action_delete],
            [self.action_new_folder, self.refresh_action],
            [self.action_versions, self.action_properties],
        ]
        selected = self.selected_entries()
        if not selected:
            groups = [[self.action_new_folder, self.refresh_action],
                      [self.action_show_deleted]]
        folder = self._menu_folder(selected)
        if folder is not None and self.folder_menu_actions is not None:
            extra = self.folder_menu_actions(menu, self.context.listing.bucket, folder)
            groups += [extra] if extra else []
        files = [e for e in selected if isinstance(e, ObjectEntry)]
        if files and self.file_menu_actions is not None:
            extra = self.file_menu_actions(menu, self.context.listing.bucket, files)
            groups += [extra] if extra else []
        for group in groups:
            if not menu.isEmpty():
                menu.addSeparator()
            menu.addActions(group)
        return menu

    def _menu_folder(self, selected: list[Entry]) -> str | None:
        """The folder the extra actions are for: the one folder selected, or (nothing
        selected) the folder shown."""
        if not self.context.listing.bucket:
            return None
        if not selected:
            return self.context.listing.prefix
        if len(selected) == 1 and isinstance(selected[0], FolderEntry):
            return selected[0].prefix
        return None

    def _show_menu(self, pos: QPoint) -> None:
        menu = self.build_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def update_enabled(self, *_args: object) -> None:
        selection = self.table.selectionModel()
        if selection is not None and selection is not self._watched:
            # (again whenever the table got a new model, e.g. a sort/filter proxy)
            self._watched = selection
            selection.selectionChanged.connect(self.update_enabled)
        entries = self.selected_entries()
        connected = self.storage() is not None and bool(self.location()[0])
        has_file = any(isinstance(e, ObjectEntry) for e in entries)
        for action, rule in self._rules:
            allowed = {
                _ALWAYS: True, _SEL: bool(entries), _ONE: len(entries) == 1, _FILES: has_file,
            }[rule]
            action.setEnabled(connected and allowed)

    # -- hooks for ActionFlows -----------------------------------------------------------
    def storage(self) -> Storage | None:
        return self.context.active_storage()

    def job_log(self) -> JobLog | None:
        return self.context.jobs()

    def location(self) -> tuple[str, str]:
        listing = self.context.listing
        return listing.bucket, listing.prefix

    def selected_entries(self) -> list[Entry]:
        selection = self.table.selectionModel()
        if selection is None:
            return []
        entries: list[Entry] = []
        for index in sorted(selection.selectedRows(), key=lambda i: i.row()):
            item = index.data(ENTRY_ROLE)
            if isinstance(item, FolderEntry | ObjectEntry):
                entries.append(item)
        return entries

    def show_error(self, err: AppError) -> None:
        self.context.show_error(err)

    def show_status(self, text: str) -> None:
        self.context.window.statusBar().showMessage(text, 8000)

    def after_change(self) -> None:
        self.context.listing.refresh()

    def open_folder(self, prefix: str) -> None:
        self.context.open_location(self.location()[0], prefix)

    def queue_download(self, folder: Path) -> bool:
        return self._queue_download is not None and self._queue_download(folder)

    def bucket_names(self) -> list[str]:
        return self.context.tree.bucket_names()  # of the active connection

    def connection_choices(self) -> list[tuple[str, str]]:
        return [(c.conn_id, c.name) for c in self.context.connections.all()]

    def active_connection(self) -> str:
        return self.context.active_connection() or ""

    def storage_of(self, conn_id: str) -> Storage | None:
        entry = self.context.connections.get(conn_id)
        return entry.storage if entry is not None else None

    def bucket_names_of(self, conn_id: str) -> list[str]:
        return self.context.tree.bucket_names(conn_id)

    # -- links ---------------------------------------------------------------------------
    def _clipboard(self, lines: list[str], what: str) -> None:
        QGuiApplication.clipboard().setText("\n".join(lines))
        self.show_status(translate(
            "ObjectActions", "Copied {what} to the clipboard.").format(what=what))

    def copy_s3_uris(self) -> None:
        bucket, _ = self.location()
        entries = self.selected_entries()
        if bucket and entries:
            lines = [s3_uri(bucket, key_of(e)) for e in entries]
            count = len(lines)
            self._clipboard(lines, translate(
                "ObjectActions", "{count} S3 URI(s)", "", count).format(count=count))

    def copy_urls(self) -> None:
        storage, (bucket, _) = self.storage(), self.location()
        entries = self.selected_entries()
        if storage is not None and bucket and entries:
            lines = [object_url(storage.endpoint_url, bucket, key_of(e)) for e in entries]
            count = len(lines)
            self._clipboard(lines, translate(
                "ObjectActions", "{count} URL(s)", "", count).format(count=count))

    def _temporary_credentials(self) -> bool:
        settings = getattr(self.storage(), "settings", None)
        return isinstance(settings, ConnectionSettings) and bool(settings.session_token)

    def copy_presigned_link(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        storage, bucket, entries = ready
        keys = [e.key for e in entries if isinstance(e, ObjectEntry)]
        if not keys:
            self.show_status(translate("ObjectActions", "Folders have no link; select files."))
            return
        self.flows.start(self._presign(storage, bucket, keys, self.location()))

    async def _presign(self, storage: Storage, bucket: str, keys: list[str],
                       place: tuple[str, str]) -> None:
        dialog = PresignDialog(len(keys), self._temporary_credentials(), None, self.context.window)
        encryption = getattr(storage, "encryption", None)
        if encryption is not None and encryption.key_for(bucket) is not None:
            dialog.explain_customer_key()
        with self.flows.bound_to(place):
            if not await self.ask(dialog):
                return
        expires, mode = dialog.expires(), dialog.chosen_disposition()
        result = await run_browse(self.runner, make_links, storage, bucket, keys, expires, mode)
        self._links_ready(result)
        if self.links_made is not None:
            failed = {key for key, _ in result[2]}
            self.links_made(bucket, [k for k in keys if k not in failed],
                            result[1] - expires, result[1], mode)

    def _links_ready(
        self, result: tuple[list[str], datetime, list[tuple[str, AppError]]]
    ) -> None:
        links, valid_until, failed = result
        self.last_links, self.last_valid_until = links, valid_until
        until = valid_until.astimezone().strftime("%Y-%m-%d %H:%M")
        count = len(links)
        what = translate("ObjectActions", "{count} presigned link(s)", "", count).format(
            count=count)
        self._clipboard(links, translate(
            "ObjectActions", "{what} (valid until {until})").format(what=what, until=until))
        if failed:
            names = ", ".join(f"“{shown_key(key)}”" for key, _ in failed[:5])
            more = translate(
                "ObjectActions",
                " and {value} more").format(value=len(failed) - 5) if len(failed) > 5 else ""
            self.show_error(AppError(
                translate(
                    "ObjectActions",
                    "{links} links were copied, but {names}{more} got none: {message}").format(
                    links=len(links),
                    names=names,
                    more=more,
                    message=failed[0][1].message,
                ),
                failed[0][1].hint,
            ))

    # -- new folder ----------------------------------------------------------------------
    def new_folder(self) -> None:
        storage, (bucket, prefix) = self.storage(), self.location()
        if storage is None or not bucket:
            self.show_status(translate("ObjectActions", "Open a bucket first."))
            return
        self.flows.start(self._new_folder(storage, bucket, prefix))

    async def _new_folder(self, storage: Storage, bucket: str, prefix: str) -> None:
        dialog = NameDialog(
            translate(
                "ObjectActions",
                "New folder"), translate(
                "ObjectActions",
                "Name of the new folder in “{bucket}/{prefix}”:").format(
                bucket=bucket,
                prefix=shown_key(prefix),
            ),
            translate("ObjectActions", "New folder"), self.context.window)
        with self.flows.bound_to((bucket, prefix)):
            if not await self.ask(dialog):
                return
        key = f"{prefix}{dialog.name()}/"
        await run_browse(self.runner, storage.put_stream, bucket, key, io.BytesIO(b""), 0)
        self._folder_created(key)

    def _folder_created(self, key: str) -> None:
        self.show_status(translate(
            "ObjectActions", "Created the folder “{key}”.").format(key=shown_key(key)))
        self.after_change()
