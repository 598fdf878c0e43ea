"""The wired main window against the real server: buckets, folders, preview, errors."""

from __future__ import annotations

import socket
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.sample_data import png_bytes
from desktop_app.ui.shell.main_window import MainWindow
from tests import helpers
from tests.conftest import WindowFactory
from tests.helpers import put_bytes


@pytest.fixture
def filled_bucket(storage: MinioStorage, bucket: str) -> str:
    put_bytes(storage, bucket, "hello.txt", "Hello from the real server ✓\n".encode(), "text/plain")
    put_bytes(storage, bucket, "pictures/pic.png", png_bytes(40, 30), "image/png")
    put_bytes(storage, bucket, "pictures/deeper/note.md", b"# deep\n", "text/markdown")
    put_bytes(storage, bucket, "docs/readme.txt", b"docs\n", "text/plain")
    return bucket


def bucket_names(window: MainWindow) -> list[str]:
    return helpers.bucket_names(window)  # under the active connection's root


def table_names(window: MainWindow) -> list[str]:
    model = window.table_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_window_has_stable_object_names(make_window: WindowFactory,
                                        app_environ: dict[str, str]) -> None:
    window = make_window(app_environ)
    for name in ("bucketTree", "objectTable", "previewPane", "transferQueue", "statusBar"):
        assert window.findChild(object, name) is not None, name
    assert window.statusBar().objectName() == "statusBar"


def test_lists_buckets_and_opens_first(qtbot: QtBot, make_window: WindowFactory,
                                       app_environ: dict[str, str], filled_bucket: str) -> None:
    window = make_window(app_environ)
    qtbot.waitUntil(lambda: filled_bucket in bucket_names(window), timeout=10_000)
    assert "Reachable" in window.reachability_label.text()
    assert app_environ["MINIO_ENDPOINT"] in window.endpoint_label.text()


def test_initial_bucket_opens_with_folders_first(qtbot: QtBot, make_window: WindowFactory,
                                                 app_environ: dict[str, str],
                                                 filled_bucket: str) -> None:
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": filled_bucket})
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 3, timeout=10_000)
    assert table_names(window) == ["docs/", "pictures/", "hello.txt"]
    size_text = window.table_model.index(2, 1).data()
    assert size_text.endswith(" B")
    qtbot.waitUntil(lambda: window.location_label.text() == "3 items", timeout=10_000)
    window.open_location(filled_bucket, "docs/")
    qtbot.waitUntil(lambda: window.location_label.text() == "1 item", timeout=10_000)
    assert table_names(window) == ["readme.txt"]


def test_expanding_a_folder_lists_its_children(qtbot: QtBot, make_window: WindowFactory,
                                               app_environ: dict[str, str],
                                               filled_bucket: str) -> None:
    window = make_window(app_environ)
    window.show()
    model = window.tree_model
    qtbot.waitUntil(lambda: filled_bucket in bucket_names(window), timeout=10_000)
    bucket_index = model.index_for(filled_bucket)
    window.bucket_tree.expand(bucket_index)
    qtbot.waitUntil(lambda: model.rowCount(bucket_index) == 2, timeout=10_000)
    assert [model.index(r, 0, bucket_index).data() for r in range(2)] == ["docs", "pictures"]
    pictures = model.index_for(filled_bucket, "pictures/")
    window.bucket_tree.expand(pictures)
    qtbot.waitUntil(lambda: model.rowCount(pictures) == 1, timeout=10_000)
    assert model.index(0, 0, pictures).data() == "deeper"
    # Picking the folder in the tree shows its contents in the table.
    window.bucket_tree.location_selected.emit(filled_bucket, "pictures/")
    qtbot.waitUntil(lambda: table_names(window) == ["deeper/", "pic.png"], timeout=10_000)


def test_double_click_folder_and_go_up(qtbot: QtBot, make_window: WindowFactory,
                                       app_environ: dict[str, str], filled_bucket: str) -> None:
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": filled_bucket})
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 3, timeout=10_000)
    window.object_table.doubleClicked.emit(window.table_model.index(1, 0))
    qtbot.waitUntil(lambda: table_names(window) == ["deeper/", "pic.png"], timeout=10_000)
    window.action_up.trigger()
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 3, timeout=10_000)
    assert window.table_model.prefix == ""


def test_selecting_a_text_file_previews_it(qtbot: QtBot, make_window: WindowFactory,
                                           app_environ: dict[str, str],
                                           filled_bucket: str) -> None:
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": filled_bucket})
    qtbot.waitUntil(lambda: window.object_table.select_key("hello.txt"), timeout=10_000)
    pane = window.preview_pane
    qtbot.waitUntil(lambda: "Hello from the real server ✓" in pane.shown_text, timeout=10_000)
    meta = pane.metadata()
    assert meta["Size"].startswith("31 B")
    assert meta["Content type"].startswith("text/plain")
    assert len(meta["ETag"]) == 32
    assert meta["Last modified"]


def test_selecting_an_image_previews_it(qtbot: QtBot, make_window: WindowFactory,
                                        app_environ: dict[str, str], filled_bucket: str) -> None:
    window = make_window(app_environ)
    window.show()
    qtbot.waitUntil(lambda: filled_bucket in bucket_names(window), timeout=10_000)
    window.open_location(filled_bucket, "pictures/")
    qtbot.waitUntil(lambda: window.object_table.select_key("pictures/pic.png"), timeout=10_000)
    qtbot.waitUntil(lambda: window.preview_pane.showing_image, timeout=10_000)


def test_wrong_secret_shows_message_not_secret(qtbot: QtBot, make_window: WindowFactory,
                                               app_environ: dict[str, str]) -> None:
    wrong = "Definitely-Wrong-Secret-9876"
    window = make_window({**app_environ, "MINIO_SECRET_KEY": wrong})
    qtbot.waitUntil(lambda: window.message_bar.isVisibleTo(window), timeout=10_000)
    text = window.message_bar.text
    assert "secret key" in text
    assert "Traceback" not in text
    assert wrong not in text
    assert app_environ["MINIO_SECRET_KEY"] not in text
    qtbot.waitUntil(lambda: "Sign-in failed" in window.reachability_label.text(), timeout=10_000)
    # The window stays usable: refresh runs again without raising.
    window.action_refresh.trigger()


def test_missing_initial_bucket_is_explained(qtbot: QtBot, make_window: WindowFactory,
                                             app_environ: dict[str, str]) -> None:
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": "no-such-bucket-xyz"})
    qtbot.waitUntil(lambda: window.message_bar.isVisibleTo(window), timeout=10_000)
    assert "no-such-bucket-xyz" in window.message_bar.text
    assert "does not exist" in window.message_bar.text


def test_server_down_shows_message(qtbot: QtBot, make_window: WindowFactory,
                                   app_environ: dict[str, str]) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    window = make_window({**app_environ, "MINIO_ENDPOINT": f"127.0.0.1:{port}"})
    qtbot.waitUntil(lambda: window.message_bar.isVisibleTo(window), timeout=10_000)
    assert "refused the connection" in window.message_bar.text
    # The probe and the bucket listing fail independently: wait for the probe too.
    qtbot.waitUntil(lambda: "Cannot reach the server" in window.reachability_label.text(),
                    timeout=10_000)


def test_bad_environment_is_reported_in_window(make_window: WindowFactory,
                                               app_environ: dict[str, str]) -> None:
    window = make_window({**app_environ, "MINIO_SECURE": "maybe"})
    assert window.message_bar.isVisibleTo(window)
    assert "MINIO_SECURE" in window.message_bar.text


def test_models_pass_qt_model_tester(qtbot: QtBot, qtmodeltester, make_window: WindowFactory,  # type: ignore[no-untyped-def]
                                     app_environ: dict[str, str], filled_bucket: str) -> None:
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": filled_bucket})
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 3, timeout=10_000)
    qtmodeltester.check(window.table_model)
    qtmodeltester.check(window.tree_model)
    qtmodeltester.check(window.transfer_queue.view.model())


def test_stale_listing_is_dropped(qtbot: QtBot, make_window: WindowFactory,
                                  app_environ: dict[str, str], filled_bucket: str) -> None:
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": filled_bucket})
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 3, timeout=10_000)
    # Leave a folder before its listing arrives: only the new folder's rows appear.
    window.open_location(filled_bucket, "pictures/")
    window.open_location(filled_bucket, "docs/")
    qtbot.waitUntil(lambda: not window.table_model.loading, timeout=10_000)
    qtbot.wait(300)
    assert table_names(window) == ["readme.txt"]


def test_settings_repr_hides_secret(s3_server: ConnectionSettings) -> None:
    assert s3_server.secret_key not in repr(s3_server)


def test_a_call_finished_before_submit_returns_is_still_delivered_later(qtbot: QtBot) -> None:
    """A refused connection can fail before `submit` attaches its callback; the result must
    still come through the event loop, after the caller finished its own set-up."""
    from concurrent.futures import Future

    from desktop_app.ui.shell.tasks import TaskRunner

    class DoneAtOnce:
        def submit(self, fn: Callable[..., object], *args: object) -> Future[object]:
            future: Future[object] = Future()
            future.set_result(fn(*args))
            return future

        def shutdown(self, **_kw: object) -> None:
            pass

    runner = TaskRunner()
    runner._browse = DoneAtOnce()  # type: ignore[assignment]
    got: list[object] = []
    runner.submit(lambda: 42, on_success=got.append)
    assert got == []  # not inside submit()
    qtbot.waitUntil(lambda: got == [42], timeout=5_000)
    runner.shutdown()
