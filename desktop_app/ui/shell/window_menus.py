"""Every action of the toolbars and context menus in the menu bar, with standard shortcuts.

The features build their actions (objects/, browse/, transfers/, the tree's bucket menu);
this places them in File, Edit, View, Go, Bucket, Transfers and Help, and adds the few that
only a menu needs (upload files or a folder, select all, columns, full screen, close, quit).
The Bucket menu follows the place shown: the active connection's bucket (or the connection
itself when no bucket is open) and, inside a folder, the folder's entries.

Actions that act on the table's selection keep their shortcut bound to the table (Delete in
the address bar never deletes objects) and their enabled state follows the selection; the
menu shows both.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMenu,
    QToolBar,
)

from desktop_app.core.row_store import COL_NAME
from desktop_app.ui.browse.controls import BrowseControls
from desktop_app.ui.browse.object_table import ObjectTable
from desktop_app.ui.objects.actions import ObjectActions
from desktop_app.ui.shell import icons
from desktop_app.ui.shell.command_palette import palette_action
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.location_menus import LocationMenus
from desktop_app.ui.shell.menu_bar import MenuBar
from desktop_app.ui.transfers.controller import TransferController
from desktop_app.ui.transfers.queue import TransferQueue

Key = QKeySequence.StandardKey


def standard(key: Key, usual: str) -> list[QKeySequence]:
    """The platform's keys for `key`, `usual` first (e.g. Ctrl+W before Ctrl+F4); `usual`
    alone where the platform has none (Quit has no standard key outside GNOME and KDE)."""
    first = QKeySequence(usual)
    return [first, *(k for k in QKeySequence.keyBindings(key) if k != first)]


def _action(parent: QObject, name: str, text: str, slot: Callable[[], object],
            shortcuts: list[QKeySequence] | None = None) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setShortcuts(shortcuts or [])
    action.triggered.connect(lambda _checked=False: slot())
    return action


class WindowMenus(QObject):
    """Fills `menus` from the window's features; keeps the Bucket menu on the shown place."""

    def __init__(self, menus: MenuBar, context: WindowContext, *, table: ObjectTable,
                 objects: ObjectActions, browse: BrowseControls, transfers: TransferController,
                 queue: TransferQueue, places: LocationMenus, navigation: list[QAction],
                 diagnose: QAction, docks: list[QDockWidget],
                 active_changed: SignalInstance) -> None:
        window = context.window
        super().__init__(window)
        self.menus, self.context, self.table = menus, context, table
        self.transfers, self.places = transfers, places
        self._folder_menu: QMenu | None = None
        self._build_file(objects)
        self._build_edit(objects, browse)
        self._build_view(window, docks, navigation[1], objects)
        for action in (browse.action_back, browse.action_forward, navigation[0]):
            menus.add("Go", action, "history")
        menus.add("Go", browse.action_edit_address, "location")
        for action in queue.actions_by_name.values():
            menus.add("Transfers", action, "queue")
        menus.add("Transfers", transfers.action_unfinished, "uploads")
        diagnose.setText(translate("WindowMenus", "Diagnose connection…"))
        menus.add("Help", diagnose, "diagnose")
        self.action_palette, self.palette = palette_action(window, menus.entries)
        menus.add("View", self.action_palette, "palette")
        context.listing.location_changed.connect(self.update_places)
        active_changed.connect(self.update_places)
        self.update_places()

    # -- File ----------------------------------------------------------------------------
    def _build_file(self, objects: ObjectActions) -> None:
        window, menus = self.context.window, self.menus
        objects.action_open.setShortcuts(standard(Key.Open, "Ctrl+O"))
        self.action_upload = _action(
            window, "actionUploadFiles", translate("WindowMenus", "Upload files…"),
            self.upload_files, [QKeySequence("Ctrl+U")])
        self.action_upload.setIcon(icons.svg_icon("upload"))
        self.action_upload_folder = _action(
            window, "actionUploadFolder", translate("WindowMenus", "Upload folder…"),
            self.upload_folder)
        for action in (objects.action_open, objects.action_download, self.action_upload,
                       self.action_upload_folder):
            menus.add("File", action, "open")
        menus.add("File", objects.action_new_folder, "new")
        menus.add("File", objects.action_properties, "info")
        menus.add("File", objects.action_versions, "info")
        self.action_close = _action(
            window, "actionCloseWindow", translate("WindowMenus", "Close window"), window.close,
            standard(Key.Close, "Ctrl+W"))
        self.action_quit = _action(window, "actionQuit", translate("WindowMenus", "Quit"),
                                   QApplication.closeAllWindows,
                                   standard(Key.Quit, "Ctrl+Q"))
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
        menus.add("File", self.action_close, "quit")
        menus.add("File", self.action_quit, "quit")

    def _target_folder(self) -> tuple[str, str] | None:
        bucket, prefix = self.context.listing.bucket, self.context.listing.prefix
        if not bucket:
            self.context.show_info(translate(
                "WindowMenus", "Open a bucket first: uploads go into the folder shown."))
            return None
        return bucket, prefix

    def upload_files(self) -> None:
        """Upload files picked in a dialog into the folder shown (as a drop would)."""
        target = self._target_folder()
        if target is None:
            return
        names, _filter = QFileDialog.getOpenFileNames(
            self.context.window, translate("WindowMenus", "Upload files"))
        if names:
            self.transfers.upload([Path(n) for n in names], *target)

    def upload_folder(self) -> None:
        """Upload a folder (and everything below it) into the folder shown."""
        target = self._target_folder()
        if target is None:
            return
        name = QFileDialog.getExistingDirectory(
            self.context.window, translate("WindowMenus", "Upload folder"))
        if name:
            self.transfers.upload([Path(name)], *target)

    # -- Edit ----------------------------------------------------------------------------
    def _build_edit(self, objects: ObjectActions, browse: BrowseControls) -> None:
        menus = self.menus
        # Ctrl+C copies the selection's S3 URIs (the older Ctrl+Shift+C still works).
        objects.action_s3_uri.setShortcuts(
            [*standard(Key.Copy, "Ctrl+C"), *objects.action_s3_uri.shortcuts()])
        for action in (objects.action_s3_uri, objects.action_url, objects.action_presign):
            menus.add("Edit", action, "clipboard")
        objects.action_delete.setShortcuts(standard(Key.Delete, "Del"))
        for action in (objects.action_rename, objects.action_copy_to, objects.action_move_to,
                       objects.action_delete):
            menus.add("Edit", action, "change")
        self.action_select_all = _action(self.context.window, "actionSelectAll",
                                         translate("WindowMenus", "Select all"),
                                         self.select_all, standard(Key.SelectAll, "Ctrl+A"))
        self.action_select_all.setShortcutContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.action_select_all)  # the key only while the table has focus
        menus.add("Edit", self.action_select_all, "select")
        menus.add("Edit", browse.action_filter, "find")
        menus.add("Edit", browse.action_search, "find")

    def select_all(self) -> None:
        self.table.selectAll()
        self.table.setFocus()

    # -- View ----------------------------------------------------------------------------
    def _build_view(self, window: QMainWindow, docks: list[QDockWidget], refresh: QAction,
                    objects: ObjectActions) -> None:
        menus = self.menus
        for dock in docks:
            menus.add("View", self._dock_action(dock), "panels")
        for bar in window.findChildren(QToolBar):
            if bar.parent() is window:  # not the transfer panel's own row of buttons
                toggle = bar.toggleViewAction()
                toggle.setText(translate("WindowMenus", "{name} toolbar").format(
                    name=bar.windowTitle()))
                menus.add("View", toggle, "toolbars")
        self.columns_menu = QMenu(translate("WindowMenus", "Columns"), menus.menu("View"))
        self.columns_menu.setObjectName("columnsMenu")
        self.columns_menu.aboutToShow.connect(self._fill_columns)
        self._fill_columns()
        menus.add_menu("View", self.columns_menu, "columns")
        menus.add("View", objects.action_show_deleted, "columns")
        menus.add("View", refresh, "refresh")
        self.action_full_screen = _action(window, "actionFullScreen",
                                          translate("WindowMenus", "Full screen"),
                                          self.toggle_full_screen, standard(Key.FullScreen, "F11"))
        self.action_full_screen.setCheckable(True)
        menus.add("View", self.action_full_screen, "refresh")

    def _dock_action(self, dock: QDockWidget) -> QAction:
        """A closable panel's show/hide toggle; a panel that is always there (Transfers,
        Jobs) gets "Show …", which brings its tab to the front."""
        if dock.features() & QDockWidget.DockWidgetFeature.DockWidgetClosable:
            return dock.toggleViewAction()

        def bring_forward() -> None:
            dock.show()
            dock.raise_()
            dock.widget().setFocus()

        name = dock.objectName()
        text = translate("WindowMenus", "Show {panel}").format(panel=dock.windowTitle().lower())
        return _action(self.context.window, f"actionShow{name[:1].upper()}{name[1:]}", text,
                       bring_forward)

    def _fill_columns(self) -> None:
        """One checkable entry per column, ticked where shown (as the header's own menu)."""
        header, model = self.table.horizontalHeader(), self.table.model()
        self.columns_menu.clear()
        for column in range(model.columnCount()):
            title = model.headerData(column, Qt.Orientation.Horizontal)
            action = self.columns_menu.addAction(str(title))
            action.setObjectName(f"actionColumn{column}")
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != COL_NAME)
            action.toggled.connect(
                lambda shown, c=column: self.table.set_column_visible(c, shown))

    def toggle_full_screen(self) -> None:
        window = self.context.window
        window.showNormal() if window.isFullScreen() else window.showFullScreen()
        self.action_full_screen.setChecked(window.isFullScreen())

    # -- Bucket --------------------------------------------------------------------------
    def update_places(self, *_args: object) -> None:
        """The Bucket menu for the bucket shown (or the connection when none is open), and
        "This folder" inside a folder; the upload actions need a bucket."""
        bucket_menu = self.menus.menu("Bucket")
        bucket, prefix = self.context.listing.bucket, self.context.listing.prefix
        conn_id = self.context.active_connection()
        self.action_upload.setEnabled(bool(bucket))
        self.action_upload_folder.setEnabled(bool(bucket))
        actions = self.places.bucket_menu(bucket_menu, conn_id, bucket) if conn_id else []
        self.menus.set_section("Bucket", "bucket", actions)
        old, self._folder_menu = self._folder_menu, None
        folder: list[QAction] = []
        if conn_id and bucket and prefix:
            menu = self._folder_menu = QMenu(translate("WindowMenus", "This folder"), bucket_menu)
            menu.setObjectName("thisFolderMenu")
            menu.addActions(self.places.folder_menu(menu, bucket, prefix))
            folder = [menu.menuAction()] if not menu.isEmpty() else []
        self.menus.set_section("Bucket", "folder", folder)
        if old is not None:
            old.deleteLater()
