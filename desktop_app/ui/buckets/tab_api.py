"""What the bucket properties dialog needs from each of its tabs, so every concern (access,
versioning, lifecycle, object lock, encryption, tags) lives in its own module and the dialog
loads, applies and guards them all the same way."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance

from desktop_app.ui.shell.tasks import TaskRunner


class SettingsTab(Protocol):
    """One tab of the dialog: a QWidget that reads its setting and sends the user's edits.

    `load` shows the server's state; a setting the server lacks (or refuses to show) is
    shown with the server's own answer and the controls disabled, and never raises.
    `apply` checks first (problems shown in the tab, then an AppError stops the apply),
    sends, then reads back."""

    title: str
    changed: SignalInstance

    def is_dirty(self) -> bool: ...

    async def load(self, runner: TaskRunner) -> None: ...

    async def apply(self, runner: TaskRunner) -> None: ...
