"""What the feature controllers may use of the main window, named and typed.

The main window builds one `WindowContext` and hands it, with the few widgets each needs, to
the browse controls, the object actions and the transfer controller; `app.py` hands a
`ConnectionHost` to the connections controller. No feature imports the window class, so the
window can import every feature without an import circle, and what a feature reaches for is
listed here (a test can fake it with plain callables).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QModelIndex, SignalInstance
from PySide6.QtWidgets import QMainWindow

from desktop_app.core.errors import AppError
from desktop_app.core.jobs import JobLog, RerunHandler
from desktop_app.core.types import FolderEntry, ObjectEntry
from desktop_app.storage.open_connections import OpenConnections
from desktop_app.storage.protocol import Storage
from desktop_app.ui.shell.tasks import TaskRunner


class FolderListing(Protocol):
    """The file table's model as features see it (browse's `ObjectTableModel`)."""

    @property
    def bucket(self) -> str: ...
    @property
    def prefix(self) -> str: ...
    @property
    def loading_changed(self) -> SignalInstance: ...
    @property
    def location_changed(self) -> SignalInstance: ...  # (bucket, prefix) on every set_location
    def entry(self, row: int) -> FolderEntry | ObjectEntry: ...
    def refresh(self) -> None: ...


class ConnectionTree(Protocol):
    """The bucket tree's model as features see it (browse's `BucketTreeModel`)."""

    def bucket_names(self, conn_id: str | None = None) -> list[str]: ...
    def location(self, index: QModelIndex) -> tuple[str, str] | None: ...
    def connection_of(self, index: QModelIndex) -> str | None: ...


@dataclass(frozen=True)
class WindowContext:
    """The main window's services for the controllers of browse/, objects/ and transfers/."""

    window: QMainWindow  # parent of their dialogs, actions, toolbars and docks
    runner: TaskRunner
    listing: FolderListing
    tree: ConnectionTree
    connections: OpenConnections
    show_error: Callable[[AppError], None]
    show_info: Callable[[str], None]
    active_storage: Callable[[], Storage | None]  # None while no connection is open
    active_connection: Callable[[], str | None]
    activate_connection: Callable[[str], None]
    open_location: Callable[[str, str], None]  # (bucket, prefix)
    check_server: Callable[[], None]  # ask now whether the active server answers
    on_close: Callable[[Callable[[], None]], None]  # run this when the window closes
    # The job log (Jobs panel) long operations report to; None before the data folder is known.
    jobs: Callable[[], JobLog | None] = lambda: None
    # How each feature runs a logged job again ("Run again"), by rerun key: shared with the log.
    job_handlers: dict[str, RerunHandler] = field(default_factory=dict)


@dataclass(frozen=True)
class ConnectionHost:
    """What the connections controller drives in the main window."""

    connections: OpenConnections
    show_error: Callable[[AppError], None]
    active_connection: Callable[[], str | None]
    close_connection: Callable[[str], None]
    set_connecting: Callable[[str], None]  # the status bar's "Opening …" text
    active_changed: SignalInstance  # (connection id, "" when none is open)
    closed: SignalInstance  # (connection id)
    # A saved profile was renamed: (connection id, new name) for an open root.
    rename_connection: Callable[[str, str], None] = lambda _conn_id, _name: None
