"""Ask the user what to do when a destination exists: overwrite, skip, keep both, or skip if
identical, with "apply to all" for the rest of the batch.

The engine asks from a worker thread; `ConflictAsker` hands the question to the GUI thread
with a queued signal, shows a non-blocking dialog, and the worker waits on an event (while
still honouring cancel and pause). The GUI thread never blocks.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.humanize import human_size
from desktop_app.transfers.conflicts import Conflict
from desktop_app.transfers.options import ConflictPolicy
from desktop_app.ui.shell.i18n import translate

CHOICES = (
    (ConflictPolicy.OVERWRITE, QT_TRANSLATE_NOOP(
        "ConflictDialog", "Overwrite"), "conflictOverwrite"),
    (ConflictPolicy.SKIP, QT_TRANSLATE_NOOP("ConflictDialog", "Skip"), "conflictSkip"),
    (ConflictPolicy.KEEP_BOTH, QT_TRANSLATE_NOOP(
        "ConflictDialog", "Keep both"), "conflictKeepBoth"),
    (ConflictPolicy.SKIP_IF_IDENTICAL, QT_TRANSLATE_NOOP(
        "ConflictDialog", "Skip if identical"), "conflictSkipIdentical"),
)


@dataclass
class _Question:
    conflict: Conflict
    done: threading.Event = field(default_factory=threading.Event)
    answer: tuple[ConflictPolicy, bool] = (ConflictPolicy.SKIP, False)


class ConflictDialog(QDialog):
    answered = Signal(object, bool)  # ConflictPolicy, apply to all

    def __init__(self, conflict: Conflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(translate("ConflictDialog", "File already exists"))
        where = translate(
            "ConflictDialog", "on the server") if conflict.upload else translate(
            "ConflictDialog", "in the folder")
        text = QLabel(
            translate(
                "ConflictDialog",
                "“{name}” already exists {where} ({existing_size}; the new one is "
                "{new_size}).\n\nWhat should happen?").format(
                name=conflict.name,
                where=where,
                existing_size=human_size(conflict.existing_size),
                new_size=human_size(conflict.new_size),
            ),
            self,
        )
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        self.apply_all = QCheckBox(translate(
            "ConflictDialog", "Apply to all conflicts in this batch"), self)
        self.apply_all.setObjectName("conflictApplyAll")
        buttons = QDialogButtonBox(self)
        self.buttons: dict[ConflictPolicy, QPushButton] = {}
        for policy, label, name in CHOICES:
            button = buttons.addButton(translate("ConflictDialog", label),
                                       QDialogButtonBox.ButtonRole.AcceptRole)
            button.setObjectName(name)
            button.clicked.connect(lambda _c=False, p=policy: self._choose(p))
            self.buttons[policy] = button
        self.buttons[ConflictPolicy.KEEP_BOTH].setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.apply_all)
        layout.addWidget(buttons)
        self._chosen = False
        self.rejected.connect(lambda: self._finish(ConflictPolicy.SKIP))

    def _choose(self, policy: ConflictPolicy) -> None:
        self._finish(policy)
        self.accept()

    def _finish(self, policy: ConflictPolicy) -> None:
        if not self._chosen:
            self._chosen = True
            self.answered.emit(policy, self.apply_all.isChecked())


class ConflictAsker(QObject):
    """A `Resolver` for the engine; lives on the GUI thread, called from workers."""

    _ask = Signal(object)
    asked = Signal(object)  # the dialog, once shown (for tests and focus handling)

    def __init__(self, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._ask.connect(self._show)
        self._closed = False

    def __call__(self, conflict: Conflict,
                 checkpoint: Callable[[], None]) -> tuple[ConflictPolicy, bool]:
        question = _Question(conflict)
        if self._closed:
            return question.answer
        self._ask.emit(question)
        while not question.done.wait(0.2):
            checkpoint()  # raises if the transfer was cancelled or paused meanwhile
            if self._closed:
                break
        return question.answer

    def close(self) -> None:
        self._closed = True

    def _show(self, question: _Question) -> None:
        dialog = ConflictDialog(question.conflict, self._parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(policy: ConflictPolicy, for_all: bool) -> None:
            question.answer = (policy, for_all)
            question.done.set()

        dialog.answered.connect(answered)
        dialog.open()
        self.asked.emit(dialog)
