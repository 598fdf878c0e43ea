"""Clean up… where the user finds it, against the real server: on a bucket in the tree's menu
(not on a connection root) and on a folder in the file table's menu, opening the dialog for
that place."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop_app.storage.s3 import MinioStorage
from tests.conftest import WindowFactory
from tests.helpers import open_window, put_bytes

WAIT = 15_000


def texts(menu: QMenu | None) -> list[str]:
    assert menu is not None
    return [a.text() for a in menu.actions()]


def trigger(menu: QMenu | None, text: str) -> None:
    assert menu is not None
    next(a for a in menu.actions() if a.text() == text).trigger()


def test_clean_up_on_a_bucket_in_the_tree(qtbot: QtBot, make_window: WindowFactory,
                                          app_environ: dict[str, str], storage: MinioStorage,
                                          bucket: str) -> None:
    window, conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    assert "Clean up…" not in texts(window.bucket_tree.menu_for(
        window.tree_model.connection_index(conn)))
    trigger(window.bucket_tree.menu_for(window.tree_model.index_for(bucket, conn=conn)),
            "Clean up…")
    qtbot.waitUntil(lambda: window.cleanup.active_dialog is not None, timeout=WAIT)
    dialog = window.cleanup.active_dialog
    assert dialog is not None
    assert dialog.windowTitle().startswith(f"Clean up — {bucket} on ")
    assert dialog.prefix_edit.text() == ""
    dialog.close()


def test_clean_up_on_a_folder_in_the_table(qtbot: QtBot, make_window: WindowFactory,
                                           app_environ: dict[str, str], storage: MinioStorage,
                                           bucket: str) -> None:
    put_bytes(storage, bucket, "logs/a.tmp", b"a")
    put_bytes(storage, bucket, "logs/b.tmp", b"bb")
    window, _conn = open_window(qtbot, make_window, app_environ, bucket, WAIT)
    window.open_location(bucket, "logs/")
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 2, timeout=WAIT)
    trigger(window.object_actions.build_menu(), "Clean up…")  # nothing selected: "logs/"
    qtbot.waitUntil(lambda: window.cleanup.active_dialog is not None, timeout=WAIT)
    dialog = window.cleanup.active_dialog
    assert dialog is not None
    assert dialog.prefix_edit.text() == "logs/"
    dialog.age_check.setChecked(False)
    dialog.name_edit.setText("*.tmp")
    dialog.find_button.click()
    qtbot.waitUntil(lambda: dialog.delete_button.isEnabled(), timeout=WAIT)
    assert sorted(r.key for r in dialog.model.rows) == ["logs/a.tmp", "logs/b.tmp"]
    dialog.close()
