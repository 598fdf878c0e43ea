"""Joins "import from a URL" to the window: File → Upload from URL…, and Ctrl+V on the file
table with a web link on the clipboard, both opening the same dialog; the import is queued on
the shown connection's transfer engine (its checks and download run there)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.core.errors import AppError
from desktop_app.ui.shell import icons
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.menu_bar import MenuBar
from desktop_app.ui.transfers.controller import TransferController
from desktop_app.ui.transfers.url_import_dialog import UrlImportDialog, is_web_link


class UrlImportActions(QObject):
    def __init__(self, context: WindowContext, transfers: TransferController, menus: MenuBar,
                 table: QWidget) -> None:
        super().__init__(context.window)
        self.context, self.transfers = context, transfers
        self.dialog: UrlImportDialog | None = None
        self.action = QAction(translate("UrlImportActions", "Upload from URL…"), context.window)
        self.action.setObjectName("actionUploadFromUrl")
        self.action.setIcon(icons.svg_icon("upload"))
        self.action.setStatusTip(translate(
            "UrlImportActions", "Download a file from a web link straight into the folder shown"))
        self.action.triggered.connect(lambda: self.open())
        menus.add("File", self.action, "open")
        self.paste_action = QAction(translate("UrlImportActions", "Paste link to import"), table)
        self.paste_action.setObjectName("actionPasteUrl")
        self.paste_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Paste))
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.paste_action.triggered.connect(self.paste)
        table.addAction(self.paste_action)

    def paste(self) -> None:
        """Ctrl+V on the table: a web link on the clipboard opens the import dialog."""
        text = QApplication.clipboard().text().strip()
        if is_web_link(text):
            self.open(text)
        else:
            self.context.show_info(translate(
                "UrlImportActions", "The clipboard holds no web link to import."))

    def open(self, url: str = "") -> UrlImportDialog | None:
        bucket, prefix = self.context.listing.bucket, self.context.listing.prefix
        if not bucket:
            self.context.show_info(translate(
                "UrlImportActions", "Open a bucket first: the import goes into the folder shown."))
            return None
        if self.dialog is not None:
            self.dialog.close()
        dialog = self.dialog = UrlImportDialog(bucket, prefix, url, self.context.window)
        dialog.accepted.connect(lambda: self._queue(dialog))
        dialog.open()
        return dialog

    def _queue(self, dialog: UrlImportDialog) -> None:
        engine = self.transfers.engine
        if engine is None:
            self.context.show_info(translate(
                "UrlImportActions", "Not connected yet: nothing was imported."))
            return
        request = dialog.request()
        self.context.show_info(translate(
            "UrlImportActions", "Import of {link} queued.").format(link=request.shown))
        self.context.runner.submit(
            engine.import_urls, dialog.bucket, [request],
            on_success=lambda _ids: self.transfers.queue.queue_model.refresh(),
            on_error=self._failed, context=self, long_running=True)

    def _failed(self, error: AppError) -> None:
        self.context.show_error(error)


def install_url_import(context: WindowContext, transfers: TransferController, menus: MenuBar,
                       table: QWidget) -> UrlImportActions:
    return UrlImportActions(context, transfers, menus, table)
