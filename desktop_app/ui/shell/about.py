"""Help → About and Help → Open log folder.

About names what a bug report needs: the versions of the app, Python, Qt and PySide6, the
minio SDK, the system, and the software of the connected server (its Server header, asked with
an unsigned HEAD on a worker, so the dialog opens at once and fills that line in when it comes).
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME, __version__
from desktop_app.core.errors import AppError
from desktop_app.storage.doctor_s3 import describe_server
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.s3.server_info import SDK_VERSION, server_header
from desktop_app.ui.shell import icons
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.menu_bar import MenuBar
from desktop_app.ui.shell.tasks import TaskRunner

StorageGetter = Callable[[], object | None]


def system_name() -> str:
    """"Debian GNU/Linux 12 (bookworm), Linux 6.1 x86_64" or the closest the system says."""
    try:
        pretty = platform.freedesktop_os_release().get("PRETTY_NAME", "")
    except OSError:
        pretty = ""
    kernel = f"{platform.system()} {platform.release()} {platform.machine()}".strip()
    return f"{pretty}, {kernel}" if pretty else kernel


def component_versions() -> list[tuple[str, str]]:
    """(component, version) pairs, for About and crash reports."""
    bundled = " (bundle)" if getattr(sys, "frozen", False) else ""
    return [
        (APP_NAME, __version__ + bundled),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("minio SDK", SDK_VERSION),
        ("System", system_name()),
    ]


def versions_text() -> str:
    return "\n".join(f"{name}: {version}" for name, version in component_versions())


class AboutDialog(QDialog):
    """Versions of everything involved, copyable as text for a bug report."""

    def __init__(self, parent: QWidget | None, runner: TaskRunner, storage: object | None,
                 log_folder: Path | None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{APP_NAME} {__version__}</h2>", self)
        icon = QLabel(self)
        icon.setPixmap(icons.app_icon().pixmap(64, 64))
        layout.addWidget(icon)
        layout.addWidget(title)
        blurb = QLabel(self.tr("A desktop client for MinIO and any S3-compatible object "
                               "store. Licensed under the Apache License 2.0."), self)
        blurb.setWordWrap(True)
        layout.addWidget(blurb)
        form = QFormLayout()
        self.rows: dict[str, QLabel] = {}
        for name, version in component_versions():
            self._row(form, name, version)
        self.server = self._row(form, self.tr("Server"), self.tr("not connected"))
        if log_folder is not None:
            self._row(form, self.tr("Log folder"), str(log_folder))
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("Copy versions"), self)
        copy.setObjectName("copyVersions")
        copy.setToolTip(self.tr("Copy these versions as text, for a bug report"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if isinstance(storage, MinioStorage):
            self.server.setText(self.tr("asking %1…").replace("%1", storage.endpoint_url))
            runner.submit(server_header, storage, on_success=self._server_answered,
                          on_error=self._server_failed, context=self)

    def _row(self, form: QFormLayout, name: str, value: str) -> QLabel:
        label = QLabel(value, self)
        label.setObjectName(f"about:{name}")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        label.setAccessibleName(name)
        form.addRow(name + ":", label)
        self.rows[name] = label
        return label

    def _server_answered(self, raw: str) -> None:
        self.server.setText(describe_server(raw) if raw
                            else self.tr("does not say (no Server header)"))

    def _server_failed(self, error: AppError) -> None:
        self.server.setText(error.user_text())

    def text(self) -> str:
        return "\n".join(f"{name}: {label.text()}" for name, label in self.rows.items())


def open_folder(folder: Path) -> bool:
    """Show `folder` in the desktop's file manager (made first, so there is one to show)."""
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class HelpActions:
    """Help → Open log folder and Help → About, added to the window's menu bar."""

    def __init__(self, menus: MenuBar, parent: QWidget, runner: TaskRunner,
                 active_storage: StorageGetter, log_folder: Path) -> None:
        self._parent, self._runner, self._storage = parent, runner, active_storage
        self.log_folder = log_folder
        self.dialog: AboutDialog | None = None
        self.open_log = QAction(translate("HelpActions", "Open &Log Folder"), parent)
        self.open_log.setObjectName("openLogFolder")
        self.open_log.setStatusTip(translate(
            "HelpActions", "Show the folder with the log files, to attach to a bug report"))
        self.open_log.triggered.connect(lambda: open_folder(self.log_folder))
        self.about = QAction(translate("HelpActions", "&About MinIO Desktop"), parent)
        self.about.setObjectName("about")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about.triggered.connect(self.show_about)
        menus.add("Help", self.open_log, "logs")
        menus.add("Help", self.about, "about")

    def show_about(self) -> AboutDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = AboutDialog(self._parent, self._runner, self._storage(), self.log_folder)
        self.dialog.show()
        return self.dialog
