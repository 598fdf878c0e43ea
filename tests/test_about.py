"""Help → About names the versions of the app, Qt, PySide6, the SDK and the connected server
(a real SeaweedFS, which says its version in the Server header); Help → Open log folder
opens the log folder in the file manager."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from desktop_app.ui.shell.about import AboutDialog, component_versions
from desktop_app.ui.shell.tasks import TaskRunner
from tests.conftest import WindowFactory


def help_action(window: object, name: str) -> QAction:
    menu = window.menus.menu("Help")  # type: ignore[attr-defined]
    return next(a for a in menu.actions() if a.objectName() == name)


@pytest.mark.real_server
def test_about_names_every_version_and_the_servers_software(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        tmp_path: Path) -> None:
    app_environ["MINIO_DESKTOP_LOG_DIR"] = str(tmp_path / "logs")
    window = make_window(app_environ)
    qtbot.waitUntil(lambda: window.tree_model.rowCount() > 0, timeout=10_000)
    help_action(window, "about").trigger()
    dialog = window.findChild(AboutDialog, "aboutDialog")
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: "SeaweedFS" in dialog.server.text(), timeout=10_000)
    assert dialog.server.text().startswith("SeaweedFS 4.")  # the server's own version
    rows = {name: label.text() for name, label in dialog.rows.items()}
    assert rows["MinIO Desktop"] == "0.1.0"
    assert rows["PySide6"] == "6.11.3"
    assert rows["Qt"].startswith("6.11")
    assert rows["minio SDK"] == "7.2.20"
    assert rows["Log folder"] == str(tmp_path / "logs")
    dialog.findChild(QObject, "copyVersions").click()
    copied = QGuiApplication.clipboard().text()
    assert "minio SDK: 7.2.20" in copied
    assert "Server: SeaweedFS" in copied
    dialog.grab().save(str(tmp_path / "about.png"))
    dialog.close()


def test_about_without_a_connection_says_so(qtbot: QtBot) -> None:
    runner = TaskRunner()
    dialog = AboutDialog(None, runner, None, None)
    qtbot.addWidget(dialog)
    assert dialog.server.text() == "not connected"
    assert "Log folder" not in dialog.rows
    assert [name for name, _ in component_versions()][:5] == [
        "MinIO Desktop", "Python", "Qt", "PySide6", "minio SDK"]
    runner.shutdown()


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_open_log_folder_opens_the_log_folder(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        tmp_path: Path) -> None:
    app_environ["MINIO_DESKTOP_LOG_DIR"] = str(tmp_path / "my-logs")
    window = make_window(app_environ)
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        help_action(window, "openLogFolder").trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in opened.urls] == [str(tmp_path / "my-logs")]
    assert (tmp_path / "my-logs").is_dir()  # made, so the file manager has one to show
