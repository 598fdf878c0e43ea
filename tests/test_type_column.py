"""The Type column reads as words ("PNG image", "Binary data"), says in its tooltip the MIME
type and whether it is stored or guessed from the name, and shows the stored type once the
server stated it (selecting the file reads it for the preview). Real server."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.core.row_store import COL_TYPE
from desktop_app.core.type_names import readable_type, type_text, type_tip
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.shell.main_window import MainWindow
from tests.conftest import WindowFactory
from tests.helpers import put_bytes

WAIT = 15_000


def test_readable_names_and_the_tooltip() -> None:
    assert readable_type("image/png") == "PNG image"
    assert readable_type("application/pdf") == "PDF document"
    assert readable_type("application/octet-stream") == "Binary data"
    assert readable_type("text/plain; charset=utf-8") == "Plain text"
    assert readable_type("video/mp4") == "MP4 video"
    assert type_text("photo.png", None) == "PNG image"
    assert type_text("photo.png", "application/octet-stream") == "Binary data"
    assert type_text("noext", None) == "File"
    assert type_tip("photo.png", None).startswith("image/png\nGuessed from the name")
    assert type_tip("photo.png", "image/webp") == \
        "image/webp\nStored on the server with the object."


def type_cell(window: MainWindow, key: str, role: int = Qt.ItemDataRole.DisplayRole) -> str:
    model = window.table_model
    return str(model.index(model.row_of_key(key), COL_TYPE).data(role))


def test_the_stored_type_replaces_the_guess_once_the_file_is_read(
        qtbot: QtBot, open_bucket: WindowFactory,
        storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "report.pdf", b"%PDF-1.4 not really", "text/plain")
    put_bytes(storage, bucket, "blob.bin", b"\x00\x01", "application/octet-stream")
    window = open_bucket(bucket, 2)
    assert type_cell(window, "report.pdf") == "PDF document"  # guessed from the name
    assert "Guessed from the name" in type_cell(window, "report.pdf",
                                                Qt.ItemDataRole.ToolTipRole)
    assert type_cell(window, "blob.bin") == "Binary data"

    qtbot.waitUntil(lambda: window.object_table.select_key("report.pdf"), timeout=WAIT)

    qtbot.waitUntil(lambda: type_cell(window, "report.pdf") == "Plain text", timeout=WAIT)
    assert type_cell(window, "report.pdf", Qt.ItemDataRole.ToolTipRole) == \
        "text/plain\nStored on the server with the object."
    if os.environ.get("SHOTS_DIR"):
        window.resize(1280, 800)
        window.grab().save(os.path.join(os.environ["SHOTS_DIR"], "type-column.png"))
