"""Edit → Preferences…: the dialog saves settings.json and the running window takes the
changes without a restart (transfers, preview limit, download folder, questions, theme)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtGui import QCloseEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.app import build_app
from desktop_app.core.preferences import Preferences
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.options import ConflictPolicy, MiB
from desktop_app.ui.preferences.controller import shortcuts
from desktop_app.ui.preferences.dialog import PreferencesDialog
from desktop_app.ui.preferences.quit_guard import QuitGuard
from desktop_app.ui.shell import i18n
from desktop_app.ui.shell.theme import SYSTEM, Theme

WAIT = 20_000


def _press(dialog: PreferencesDialog, which: QDialogButtonBox.StandardButton) -> None:
    button = dialog.buttons.button(which)
    assert button is not None
    button.click()


def _settings(config: Path) -> dict[str, object]:
    return json.loads((config / "settings.json").read_text(encoding="utf-8"))


def test_preferences_apply_to_the_running_window_and_are_saved(
        qtbot: QtBot, app_environ: dict[str, str], qapp: QApplication, tmp_path: Path) -> None:
    desktop = build_app(app_environ)
    window = desktop.window
    qtbot.addWidget(window)
    config = Path(app_environ["MINIO_DESKTOP_CONFIG_DIR"])
    try:
        qtbot.waitUntil(lambda: window.transfers.engine is not None, timeout=WAIT)
        first_engine = window.transfers.engine
        action = desktop.preferences.action
        assert action in window.menus.menu("Edit").actions()
        assert QKeySequence("Ctrl+,") in action.shortcuts()
        assert QKeySequence("Ctrl+,") in shortcuts()
        action.trigger()
        dialog = desktop.preferences.dialog
        assert dialog is not None
        assert dialog.values() == Preferences()  # nothing saved yet: the defaults

        dialog.files_at_once.setValue(5)
        dialog.bandwidth.setValue(3)
        dialog.conflict.setCurrentIndex(dialog.conflict.findData("overwrite"))
        dialog.preview_limit.setValue(7)
        dialog.download_folder.setText(str(tmp_path))
        dialog.confirm_delete.setChecked(False)
        dialog.notifications.setChecked(False)
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        _press(dialog, QDialogButtonBox.StandardButton.Apply)
        qtbot.waitUntil(lambda: "Saved" in dialog.status.text(), timeout=WAIT)

        saved = _settings(config)
        assert saved["transfers"]["files_at_once"] == 5  # type: ignore[index]
        assert saved["theme"] == "dark"
        engine = window.transfers.engine  # the idle engine was restarted with them
        assert engine is not None
        assert engine is not first_engine
        assert engine.options.files_at_once == 5
        assert engine.options.bandwidth_limit == 3 * MiB
        assert engine.options.conflict is ConflictPolicy.OVERWRITE
        assert window.preview_pane.cap == 7 * MiB
        assert window.object_actions.download_folder == str(tmp_path)
        assert window.object_actions.confirm_delete is False
        assert window.transfers.notifications is False
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80

        _press(dialog, QDialogButtonBox.StandardButton.Cancel)
        assert not dialog.isVisible()
        again = build_app(app_environ)  # a new start reads what was saved
        qtbot.addWidget(again.window)
        assert again.preferences.current == desktop.preferences.current
        assert again.window.preview_pane.cap == 7 * MiB
        again.window.close()
    finally:
        window.close()
        _theme(qapp).apply(SYSTEM)


def _theme(qapp: QApplication) -> Theme:
    theme = qapp.findChild(Theme)
    assert isinstance(theme, Theme)
    return theme


def test_a_language_change_applies_while_the_app_runs_and_ok_closes(
        qtbot: QtBot, app_environ: dict[str, str]) -> None:
    env = {k: v for k, v in app_environ.items()
           if not k.startswith(("MINIO_E", i18n.LANGUAGE_ENV))}
    env["MINIO_DESKTOP_SANDBOX"] = "0"
    held = build_app({**env, i18n.LANGUAGE_ENV: "en"})  # the variable holds a run's language
    qtbot.addWidget(held.window)
    held_dialog = held.preferences.open_dialog()
    held_dialog.language.setCurrentIndex(held_dialog.language.findData("de"))
    assert "MINIO_DESKTOP_LANG sets the language of this run" in held_dialog.language_note.text()
    held_dialog.reject()
    config = Path(env["MINIO_DESKTOP_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text('{"language": "en"}')  # whatever the system's is
    desktop = build_app(env)
    qtbot.addWidget(desktop.window)
    assert i18n.current_language() == "en"
    action = desktop.preferences.action
    assert action.text() == "Preferences…"
    dialog = desktop.preferences.open_dialog()
    assert dialog.language.findData("de") > 0  # the shipped catalogues are offered
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    assert not dialog.language_note.isVisible()  # no restart needed
    try:
        _press(dialog, QDialogButtonBox.StandardButton.Ok)
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=WAIT)  # closed, gone
        assert desktop.preferences.current.language == "de"
        assert _settings(Path(env["MINIO_DESKTOP_CONFIG_DIR"]))["language"] == "de"
        assert i18n.current_language() == "de"
        assert action.text() == "Einstellungen…"  # the open window follows at once
    finally:
        i18n.set_language("en")
    assert action.text() == "Preferences…"


def test_restore_defaults_and_an_unwritable_folder_explains(
        qtbot: QtBot, app_environ: dict[str, str], tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the config folder should be")
    env = {k: v for k, v in app_environ.items() if not k.startswith("MINIO_E")}
    env.update(MINIO_DESKTOP_SANDBOX="0", MINIO_DESKTOP_CONFIG_DIR=str(blocked / "cfg"))
    desktop = build_app(env)
    qtbot.addWidget(desktop.window)
    dialog = desktop.preferences.open_dialog()
    dialog.files_at_once.setValue(2)
    _press(dialog, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: "could not be saved" in dialog.status.text(), timeout=WAIT)
    assert dialog.isVisible()  # nothing saved: the dialog stays with the reason
    assert "writable" in dialog.status.text()
    assert desktop.preferences.current == Preferences()
    _press(dialog, QDialogButtonBox.StandardButton.RestoreDefaults)
    assert dialog.values() == Preferences()


def test_the_old_transfers_file_is_taken_over_by_the_window(
        qtbot: QtBot, app_environ: dict[str, str]) -> None:
    config = Path(app_environ["MINIO_DESKTOP_CONFIG_DIR"])
    config.mkdir(parents=True)
    (config / "transfers.json").write_text('{"parts_per_file": 3, "conflict": "skip"}')
    desktop = build_app(app_environ)
    window = desktop.window
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.transfers.engine is not None, timeout=WAIT)
        assert window.transfers.engine.options.parts_per_file == 3
        assert window.transfers.engine.options.conflict is ConflictPolicy.SKIP
        assert _settings(config)["transfers"]["conflict"] == "skip"  # type: ignore[index]
        assert (config / "transfers.json.migrated").exists()
        dialog = desktop.preferences.open_dialog()
        assert dialog.parts_per_file.value() == 3
    finally:
        window.close()


def test_a_connection_with_queued_transfers_keeps_its_settings_and_says_so(
        qtbot: QtBot, app_environ: dict[str, str], storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    config = Path(app_environ["MINIO_DESKTOP_CONFIG_DIR"])
    config.mkdir(parents=True)
    (config / "settings.json").write_text('{"transfers": {"bandwidth_limit_mib_s": 1}}')
    desktop = build_app({**app_environ, "MINIO_BUCKET_NAME": bucket})
    window = desktop.window
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.transfers.engine is not None, timeout=WAIT)
        engine = window.transfers.engine
        big = tmp_path / "big.bin"
        big.write_bytes(b"\0" * (8 * MiB))
        engine.upload_paths([big], bucket)
        assert window.transfers.unfinished() == 1
        dialog = desktop.preferences.open_dialog()
        dialog.files_at_once.setValue(4)
        _press(dialog, QDialogButtonBox.StandardButton.Apply)
        qtbot.waitUntil(lambda: "Saved" in dialog.status.text(), timeout=WAIT)
        assert window.transfers.engine is engine  # not cut off
        assert engine.options.files_at_once == 16
        assert window.transfers.options.files_at_once == 4  # for the next engine
        assert "keep the earlier transfer settings" in window.message_bar.text
        engine.cancel()
    finally:
        window.close()


class _UserClose(QCloseEvent):
    """A close the desktop sent (title bar button): Qt marks those spontaneous."""

    def spontaneous(self) -> bool:  # type: ignore[override]
        return True


def test_quitting_with_unfinished_transfers_asks_first(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    running = [2]
    guard = QuitGuard(window, lambda: running[0])
    event = _UserClose()
    assert guard.eventFilter(window, event)  # held back
    assert not event.isAccepted()
    question = guard.question
    assert isinstance(question, QMessageBox)
    assert question.text().startswith("2 transfer")  # (plural forms come from the catalogue)
    assert "not finished" in question.text()
    question.findChild(type(question.defaultButton()), "quitAnyway").click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)

    guard.enabled = False  # the preference turned off: no question
    assert not guard.eventFilter(window, _UserClose())
    guard.enabled, running[0] = True, 0
    assert not guard.eventFilter(window, _UserClose())  # nothing running: no question
    assert _UserClose().type() == QEvent.Type.Close


@pytest.mark.real_server
def test_with_the_delete_question_off_a_delete_goes_ahead_and_download_starts_there(
        qtbot: QtBot, app_environ: dict[str, str], storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QFileDialog

    from desktop_app.ui.objects.delete_dialog import DeleteDialog
    from tests.helpers import put_bytes
    from tests.object_action_helpers import keys_in

    put_bytes(storage, bucket, "gone.txt", b"12345")
    put_bytes(storage, bucket, "keep.txt", b"k")
    config = Path(app_environ["MINIO_DESKTOP_CONFIG_DIR"])
    config.mkdir(parents=True)
    (config / "settings.json").write_text(json.dumps(
        {"confirmations": {"delete": False}, "download_folder": str(tmp_path)}))
    desktop = build_app({**app_environ, "MINIO_BUCKET_NAME": bucket})
    window = desktop.window
    qtbot.addWidget(window)
    actions = window.object_actions
    try:
        model = window.table_model
        qtbot.waitUntil(lambda: model.row_of_key("gone.txt") >= 0, timeout=WAIT)
        window.object_table.selectionModel().select(
            model.index(model.row_of_key("gone.txt"), 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
        actions.action_delete.trigger()
        qtbot.waitUntil(lambda: actions.last_report is not None, timeout=WAIT)
        assert not isinstance(actions.active_dialog, DeleteDialog)  # nothing asked
        assert keys_in(storage, bucket) == ["keep.txt"]

        asked: list[QFileDialog] = []
        actions.open_dialog = asked.append  # type: ignore[method-assign]
        actions._choose_folder(lambda _folder: None)
        assert Path(asked[0].directory().absolutePath()) == tmp_path
    finally:
        window.close()


@pytest.mark.real_server
def test_with_notifications_off_a_batch_ending_in_the_background_is_not_announced(
        qtbot: QtBot, app_environ: dict[str, str], bucket: str, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QWidget

    from tests.fake_notifications import FakeNotificationService

    config = Path(app_environ["MINIO_DESKTOP_CONFIG_DIR"])
    config.mkdir(parents=True)
    (config / "settings.json").write_text('{"notifications": false}')
    service = FakeNotificationService()
    try:
        desktop = build_app({**app_environ, "MINIO_BUCKET_NAME": bucket})
        window = desktop.window
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.transfer_queue.engine is not None, timeout=WAIT)
        other = QWidget()
        qtbot.addWidget(other)
        other.show()
        other.activateWindow()
        qtbot.waitUntil(lambda: not window.isActiveWindow(), timeout=5_000)
        (tmp_path / "a.bin").write_bytes(b"a" * 10)
        engine = window.transfer_queue.engine
        assert engine is not None
        model = window.transfer_queue.queue_model
        with qtbot.waitSignal(model.batch_finished, timeout=WAIT):
            engine.upload_paths([tmp_path / "a.bin"], bucket)
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=WAIT)
        qtbot.wait(300)  # a notice would have reached the service by now
        assert service.received == []
        window.close()
    finally:
        service.close()


def test_quit_by_its_shortcut_or_its_menu_asks_too_but_a_close_by_the_app_does_not(
        qtbot: QtBot) -> None:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QAction, QMouseEvent
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("File")
    quit_action = QAction("Quit", window)
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.triggered.connect(window.close)
    menu.addAction(quit_action)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    guard = QuitGuard(window, lambda: 1)
    guard.watch([quit_action])

    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    question = guard.question
    assert isinstance(question, QMessageBox)  # asked, and the window stays
    assert window.isVisible()
    question.reject()

    # A click on Quit in the menu: the release over its entry (what the guard sees; a
    # popup menu cannot be opened on the offscreen platform), then the menu triggers it.
    spot = QPointF(menu.actionGeometry(quit_action).center())
    QApplication.sendEvent(menu, QMouseEvent(
        QEvent.Type.MouseButtonRelease, spot, spot, Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    if window.isVisible() and guard.question is question:
        quit_action.trigger()
    qtbot.waitUntil(lambda: guard.question is not question
                    and isinstance(guard.question, QMessageBox)
                    and guard.question.isVisible(), timeout=WAIT)
    assert window.isVisible()
    guard.question.reject()
    # The Ctrl+Q release above went to a window the question blocked, so Qt still holds
    # Ctrl as pressed; the next test's row clicks would then toggle instead of select.
    qtbot.keyRelease(window, Qt.Key.Key_Control)

    window.close()  # the app's own close (a test's, a quit signal's) is never held up
    assert not window.isVisible()
