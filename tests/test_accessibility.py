"""Accessibility: every control a keyboard or screen-reader user reaches in the main window
and the main dialogs has an accessible name (what a screen reader says), and the main views
say what they are for in an accessible description."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QScrollBar,
    QSlider,
    QTabBar,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.ui.shell.main_window import MainWindow
from tests import helpers
from tests.conftest import WindowFactory

INTERACTIVE = (QAbstractButton, QLineEdit, QAbstractItemView, QComboBox, QAbstractSpinBox,
               QTextEdit, QPlainTextEdit, QSlider, QTabBar, QScrollArea)


def accessible_name(widget: QWidget) -> str:
    """The name assistive technology gets: set explicitly, or Qt's own (a button's text,
    a field's label buddy)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _part_of_another_control(widget: QWidget) -> bool:
    """Qt's inner pieces (a spin box's line edit, a scroll area's bars, a tab bar's arrows,
    a dock's float/close buttons) are described by the control they belong to."""
    if isinstance(widget, QScrollBar) or widget.objectName().startswith("qt_"):
        return True
    if isinstance(widget, QHeaderView) or (  # a view's header; a line edit's clear button
            isinstance(widget, QToolButton) and isinstance(widget.parentWidget(), QLineEdit)):
        return True
    if type(widget).__name__ in ("QDockWidgetTitleButton", "QToolBarExtension"):
        return True
    parent = widget.parentWidget()
    while parent is not None:  # a combo box's popup list is a child of its container
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QTabBar)) or type(
                parent).__name__ == "QComboBoxPrivateContainer":
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or _part_of_another_control(widget):
            continue
        if isinstance(widget, QAbstractButton) and widget.isHidden() and not widget.text():
            continue  # named by the text it gets when it is shown (the message bar's remedy)
        if not accessible_name(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def undescribed(widgets: Iterable[QWidget]) -> list[str]:
    return [w.objectName() for w in widgets if not w.accessibleDescription().strip()]


def test_every_control_of_the_main_window_has_an_accessible_name(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        bucket: str) -> None:
    window: MainWindow = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    window.show()
    qtbot.waitUntil(lambda: bucket in helpers.bucket_names(window), timeout=10_000)
    missing = unnamed_controls(window)
    assert missing == [], "\n".join(missing)
    main_views = [window.findChild(QWidget, name) for name in (
        "bucketTree", "objectTable", "previewPane", "transferQueue")]
    assert None not in main_views
    assert undescribed(main_views) == []  # type: ignore[arg-type]
    objects_bar = window.findChild(QToolBar, "objectsToolBar")
    for action in objects_bar.actions():  # the button's description says what it does
        button = objects_bar.widgetForAction(action)
        if button is not None and action.text():
            interface = QAccessible.queryAccessibleInterface(button)
            description = interface.text(QAccessible.Text.Description)
            assert len(description) > len(action.text().rstrip("…")), action.text()


def test_every_control_of_the_main_dialogs_has_an_accessible_name(
        qtbot: QtBot, tmp_path: Path) -> None:
    from desktop_app.core.credentials import SecretStore
    from desktop_app.core.profiles import ProfileStore
    from desktop_app.core.types import ObjectEntry
    from desktop_app.storage.bulk_ops import Expanded
    from desktop_app.ui.buckets.new_bucket_dialog import NewBucketDialog
    from desktop_app.ui.connections.dialog import ConnectionDialog
    from desktop_app.ui.objects.copy_move_dialog import DestinationDialog
    from desktop_app.ui.objects.delete_dialog import DeleteDialog
    from desktop_app.ui.objects.presign_dialog import PresignDialog
    from desktop_app.ui.shell.tasks import TaskRunner

    runner = TaskRunner()
    home = tmp_path / "home"
    home.mkdir()
    store = ProfileStore(tmp_path / "config")
    store.load()
    dialogs: list[QDialog] = [
        PresignDialog(2, False),
        NewBucketDialog("local"),
        DestinationDialog(False, 2, ["photos", "docs"], "photos", "2024/"),
        DeleteDialog("photos", ["a.txt"], Expanded((ObjectEntry("a.txt", 3, None, "e"),))),
        ConnectionDialog(runner, store, SecretStore(), home, {}),
    ]
    try:
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            dialog.show()
            missing = unnamed_controls(dialog)
            assert missing == [], f"{dialog.objectName()}: {missing}"
    finally:
        runner.shutdown()


def test_every_control_of_the_feature_dialogs_has_an_accessible_name(
        qtbot: QtBot, tmp_path: Path) -> None:
    from desktop_app.core.csv_validate import validate_file
    from desktop_app.core.sse import Encryption
    from desktop_app.core.upload_duplicates import Preflight
    from desktop_app.core.upload_rules import Verdict
    from desktop_app.ui.csv_validation.results_dialog import CsvResultsDialog
    from desktop_app.ui.encryption.keys_dialog import EncryptionDialog
    from desktop_app.ui.sync.window import SyncWindow
    from desktop_app.ui.transfers.url_import_dialog import UrlImportDialog
    from desktop_app.ui.upload_rules.editor_dialog import UploadRulesEditor
    from desktop_app.ui.upload_rules.preflight_dialog import PreflightDialog

    table = tmp_path / "a.csv"
    table.write_text("id,name\n1,a\nx,b,c\n")
    refused = Verdict(tmp_path / "a.exe", False, "Programs are refused", "")
    duplicate = Verdict(tmp_path / "b.pdf", True, "", "b.pdf", duplicate_of="old.pdf")
    dialogs: list[QDialog] = [
        SyncWindow(),
        CsvResultsDialog("a.csv", "photos/", validate_file(table)),
        UploadRulesEditor("Bucket “photos”", None, False),
        PreflightDialog(Preflight(refused=[refused], duplicates=[duplicate]), "photos"),
        EncryptionDialog("Bucket “photos”", Encryption(), secure=True),
        UrlImportDialog("photos", "2024/"),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        missing = unnamed_controls(dialog)
        assert missing == [], f"{dialog.objectName()}: {missing}"


def test_every_control_of_the_share_center_has_an_accessible_name(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        bucket: str) -> None:
    from PySide6.QtWidgets import QTabWidget

    window: MainWindow = make_window(app_environ)
    qtbot.waitUntil(lambda: bucket in helpers.bucket_names(window), timeout=10_000)
    window.open_location(bucket, "")
    next(a for a in window.menus.menu("Bucket").actions()
         if a.objectName() == "actionShareCenter").trigger()
    center = window.share.center  # type: ignore[attr-defined]
    qtbot.waitUntil(center.isVisible, timeout=10_000)
    tabs = center.findChild(QTabWidget)
    assert tabs is not None
    assert tabs.count() >= 3
    for index in range(tabs.count()):  # each tab's controls, shown
        tabs.setCurrentIndex(index)
        assert unnamed_controls(center) == [], tabs.tabText(index)
