"""The hex preview fits the pane: at the default width of the main window's preview pane the
ASCII column is in sight without scrolling sideways (8 bytes a line there), and a wide pane
gets the usual 16. Real server."""

from __future__ import annotations

import os

from pytestqt.qtbot import QtBot

from desktop_app.core.text_preview import hex_dump
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.previews.hex_view import HexView, line_chars
from tests.conftest import WindowFactory
from tests.helpers import put_bytes

WAIT = 15_000
BLOB = bytes(range(256)) * 64


def test_dump_widths() -> None:
    for per_line in (16, 8, 4):
        first = hex_dump(BLOB, per_line=per_line).splitlines()[0]
        assert len(first) == line_chars(per_line)
    assert hex_dump(b"\x00" * 8, per_line=8) == "00000000  " + "00 " * 7 + "00  ........"


def test_hex_preview_fits_the_default_pane_and_grows_with_it(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "blob.bin", BLOB, "application/octet-stream")
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.object_table.select_key("blob.bin"), timeout=WAIT)
    view = window.preview_pane.hex_view
    assert isinstance(view, HexView)
    qtbot.waitUntil(lambda: window.preview_pane.current_view is view
                    and view.toPlainText() != "", timeout=WAIT)

    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0, timeout=WAIT)
    assert view.per_line in (8, 16)
    first = view.toPlainText().splitlines()[0]
    assert first.endswith("." * view.per_line)  # bytes 0..15 print as dots: all in sight
    if os.environ.get("SHOTS_DIR"):
        window.grab().save(os.path.join(os.environ["SHOTS_DIR"], "hex-default.png"))

    view.resize(view.fontMetrics().horizontalAdvance("0") * (line_chars(8) + 2) + 30, 300)
    qtbot.waitUntil(lambda: view.per_line == 8, timeout=WAIT)
    assert view.horizontalScrollBar().maximum() == 0
    view.resize(view.fontMetrics().horizontalAdvance("0") * (line_chars(16) + 4) + 40, 300)
    qtbot.waitUntil(lambda: view.per_line == 16, timeout=WAIT)
    assert view.horizontalScrollBar().maximum() == 0
