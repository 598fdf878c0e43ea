"""One running app per user and config folder: a second launch brings the first window forward
and exits, instead of opening a second window (and a second sandbox on the same data).

The first instance listens on a local socket named after the user and the config folder (so
a test or a second profile with its own MINIO_DESKTOP_CONFIG_DIR runs beside it); a later
launch connects, says "raise" and leaves. A socket left behind by a crashed instance answers
nobody: it is removed and taken over.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from desktop_app.core.paths import config_dir

CONNECT_TIMEOUT_MS = 1000  # a local socket answers at once; a hung first instance does not
REQUEST = b"raise\n"


def socket_path(environ: Mapping[str, str]) -> str:
    """Per user (the runtime folder is the user's own, else the uid is in the name) and per
    config folder."""
    folder = str(config_dir(environ).resolve())
    digest = hashlib.sha256(folder.encode()).hexdigest()[:16]
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    base = Path(runtime) if runtime and Path(runtime).is_dir() else Path(tempfile.gettempdir())
    return str(base / f"minio-desktop-{os.getuid()}-{digest}.sock")


class SingleInstance(QObject):
    """The first instance's listener; `activated` when a later launch asks to be raised."""

    activated = Signal()

    def __init__(self, server: QLocalServer) -> None:
        super().__init__()
        self.server = server
        server.setParent(self)
        server.newConnection.connect(self._accept)

    @staticmethod
    def claim(name: str) -> SingleInstance | None:
        """Become the running instance, or (None) ask the running one to come forward.

        Runs before any window exists, so its short waits on a local socket block nothing."""
        if ask_running(name):
            return None
        server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            QLocalServer.removeServer(name)  # stale: left by an instance that died
            server.listen(name)  # (if even this fails, run anyway, unguarded)
        return SingleInstance(server)

    def _accept(self) -> None:
        while (client := self.server.nextPendingConnection()) is not None:
            client.readyRead.connect(self._read)
            client.disconnected.connect(client.deleteLater)
            self._read_from(client)

    def _read(self) -> None:
        client = self.sender()
        if isinstance(client, QLocalSocket):
            self._read_from(client)

    def _read_from(self, client: QLocalSocket) -> None:
        if client.bytesAvailable() and bytes(client.readAll().data()).startswith(
                REQUEST.strip()):
            self.activated.emit()

    def close(self) -> None:
        self.server.close()


def ask_running(name: str) -> bool:
    """Ask the instance listening on `name` to come forward; False when none answers. Needs
    no QApplication, so the command line asks before it loads the rest of the app."""
    probe = QLocalSocket()
    probe.connectToServer(name)
    if not probe.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    probe.write(REQUEST)
    probe.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    probe.disconnectFromServer()
    return True


def bring_forward(window: QWidget) -> None:
    """Show the window on top: restored if minimised, raised and given focus (the window
    manager may only flag it as wanting attention)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
