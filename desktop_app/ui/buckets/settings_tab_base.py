"""The common half of the Lifecycle, Object lock, Encryption and Tags tabs: a sentence saying
what the setting does, the controls, the problems found while the user types, and the
server's own answer when it lacks the setting (controls then disabled). Each tab only says
how to read, show, collect, check and send its value; reading, applying and re-reading after
a send happen here the same way for all of them."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.core.bucket_settings import InvalidBucketSetting
from desktop_app.core.errors import AppError, NotSupportedByServer
from desktop_app.ui.buckets.new_bucket_dialog import ERROR_STYLE, NOTE_STYLE, plain_label
from desktop_app.ui.shell.flows import run_browse
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner


class SettingTabBase(QWidget):
    """A `SettingsTab` (see tab_api.py) for one bucket setting. Subclasses put their
    controls in `self.body` and implement `_read`, `_show`, `_state`, `_problems` and
    `_send`; they call `_edited` whenever a control changes."""

    changed = Signal()
    title = ""
    what = QT_TRANSLATE_NOOP("BucketTabs", "setting")  # for "The <what> cannot be saved"

    def __init__(self, bucket: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bucket = bucket
        self._loaded: Hashable | None = None
        self._filling = False
        self.available = False
        name = self.title.replace(" ", "")
        self.explanation = plain_label(self, f"{name}TabExplanation", explanation)
        self.body = QWidget(self)
        self.body.setObjectName(f"{name}TabBody")
        self.body.setEnabled(False)
        self.problem_label = plain_label(self, f"{name}TabProblems", style=ERROR_STYLE)
        self.problem_label.hide()
        self.status = plain_label(self, f"{name}TabStatus", translate(
            "SettingTabBase", "Reading…"), NOTE_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.status)

    # -- what each tab provides ------------------------------------------------------------
    def _read(self) -> Any:
        """The setting from the server (runs on the browse pool: no widgets here)."""
        raise NotImplementedError

    def _show(self, value: Any) -> None:
        """Fill the controls with `value` (signals of the controls are ignored meanwhile)."""
        raise NotImplementedError

    def _state(self) -> Hashable:
        """What the controls say now, comparable with what was loaded."""
        raise NotImplementedError

    def _problems(self) -> list[str]:
        """What S3 would refuse in the controls' value, one sentence each."""
        raise NotImplementedError

    def _send(self, state: Any) -> None:
        """Send `state` (from `_state`) to the server (runs on the browse pool)."""
        raise NotImplementedError

    # -- the SettingsTab interface ------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.available and self._state() != self._loaded

    async def load(self, runner: TaskRunner) -> None:
        self.status.setText(translate("SettingTabBase", "Reading…"))
        try:
            value = await run_browse(runner, self._read)
        except NotSupportedByServer as err:
            self._unavailable(err.user_text())
            return
        except AppError as err:
            self._unavailable(translate(
                "SettingTabBase",
                "The {what} could not be read. {user_text}").format(
                what=translate("BucketTabs", self.what),
                user_text=err.user_text(),
            ))
            return
        self._filling = True
        try:
            self._show(value)
        finally:
            self._filling = False
        self._loaded = self._state()
        self.available = True
        self.body.setEnabled(True)
        self.status.setText("")
        self.status.hide()
        self._show_problems(self._problems())

    async def apply(self, runner: TaskRunner) -> None:
        problems = self._problems()
        self._show_problems(problems)
        if problems:
            raise InvalidBucketSetting(translate("BucketTabs", self.what), problems)
        try:
            await run_browse(runner, self._send, self._state())
        except AppError as err:
            self._show_problems([err.user_text()])
            raise
        await self.load(runner)

    # -- helpers for the tabs ----------------------------------------------------------------
    def _edited(self, *_: object) -> None:
        """A control changed: check again and tell the dialog (not while loading)."""
        if self._filling:
            return
        self._show_problems(self._problems())
        self.changed.emit()

    def _show_problems(self, problems: list[str]) -> None:
        self.problem_label.setText("\n".join(problems))
        self.problem_label.setVisible(bool(problems))

    def _unavailable(self, text: str) -> None:
        self.available = False
        self.body.setEnabled(False)
        self.status.setText(text)
        self.status.show()

    @staticmethod
    def note(parent: QWidget, name: str, text: str) -> QLabel:
        return plain_label(parent, name, text, NOTE_STYLE)
