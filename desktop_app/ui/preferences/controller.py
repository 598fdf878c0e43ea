"""Edit → Preferences…: opens the dialog, saves what it applies, and tells the app.

Saving writes `settings.json` on a worker (the GUI thread never waits on the disk); once it
is on disk, `changed(new, old)` fires and the wiring in `app.py` hands each part to whoever
uses it (transfer engines, preview pane, theme, language, object actions), so a change
applies without a restart. A language change says it needs a restart when the app cannot
switch languages while it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from desktop_app.core.errors import ConfigError
from desktop_app.core.preferences import Loaded, Preferences, save, settings_path, validate
from desktop_app.ui.preferences.dialog import PreferencesDialog
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner


def _save(folder: Path, prefs: Preferences) -> Preferences:
    try:
        save(folder, prefs)
    except OSError as exc:
        raise ConfigError(
            f"The preferences could not be saved to {settings_path(folder)} "
            f"({exc.strerror or exc}).",
            "Check that the folder exists and is writable; nothing was changed.") from None
    return prefs


def shortcuts() -> list[QKeySequence]:
    """The platform's Preferences key (where it has one) and Ctrl+, everywhere."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences))
    comma = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Comma)
    return [*keys, comma] if comma not in keys else keys


class PreferencesController(QObject):
    changed = Signal(object, object)  # the new and the old Preferences, once saved

    def __init__(self, window: QMainWindow, runner: TaskRunner, folder: Path, loaded: Loaded,
                 languages: list[tuple[str, str]] | None = None,
                 language_live: Callable[[], bool] = lambda: False,
                 language_override: str = "") -> None:
        super().__init__(window)
        self.window, self.runner, self.folder = window, runner, folder
        self.current = loaded.preferences
        self.env_preview_limit = loaded.env_preview_limit
        self.languages = languages or []
        self.language_live = language_live
        self.language_override = language_override  # MINIO_DESKTOP_LANG, if set
        self.dialog: PreferencesDialog | None = None
        self.action = QAction(translate("PreferencesController", "Preferences…"), window)
        self.action.setObjectName("actionPreferences")
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action.setShortcuts(shortcuts())
        self.action.setToolTip(translate(
            "PreferencesController", "Transfers, previews, questions, theme and language"))
        self.action.triggered.connect(self.open_dialog)
        menus = getattr(window, "menus", None)  # the main window's MenuBar
        if menus is not None:
            menus.add("Edit", self.action, "preferences")
        else:  # a bare window (tests): the shortcut still works
            window.addAction(self.action)

    def open_dialog(self) -> PreferencesDialog:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.show()
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = PreferencesDialog(self.current, self.languages,
                                   self.language_live() and not self.language_override,
                                   self.env_preview_limit, self.language_override,
                                   self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.apply_requested.connect(self.apply)
        self.dialog = dialog
        dialog.show()
        return dialog

    def apply(self, prefs: Preferences) -> None:
        """Check, save on a worker, then announce; the dialog shows the outcome."""
        problems = validate(prefs)
        if problems:
            self._report(None, " ".join(problems))
            return
        if prefs == self.current:
            self._report(prefs, translate("PreferencesController", "Nothing changed."))
            return

        def saved(result: Preferences) -> None:
            old, self.current = self.current, result
            self.changed.emit(result, old)
            note = translate("PreferencesController", "Saved and applied.")
            if result.language != old.language and self.language_override:
                note += " " + translate(
                    "PreferencesController", "MINIO_DESKTOP_LANG keeps this run in {language}; "
                    "the new language shows in runs without it.").format(
                        language=self.language_override)
            elif result.language != old.language and not self.language_live():
                note += " " + translate(
                    "PreferencesController", "The new language shows after a restart of the app.")
            self._report(result, note)

        self.runner.submit(_save, self.folder, prefs, on_success=saved,
                           on_error=lambda err: self._report(None, err.user_text()),
                           context=self)

    def _report(self, saved: Preferences | None, text: str) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.show_result(saved, text)
