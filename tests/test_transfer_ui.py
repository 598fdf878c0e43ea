"""The queue dock and drag-and-drop against the real server: rows fed by the engine, actions,
overall progress, and real QDropEvents carrying file URLs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.exceptions import TimeoutError as QtTimeout
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.options import ConflictPolicy
from desktop_app.transfers.state import State
from desktop_app.ui.transfers.queue import TransferQueue, TransferQueueModel
from tests.conftest import WindowFactory
from tests.fault_proxy import FaultProxy
from tests.helpers import bucket_names, put_bytes
from tests.transfer_helpers import small_options, write_file

pytestmark = pytest.mark.real_server


def keys(storage: MinioStorage, bucket: str) -> set[str]:
    return {o.key for o in storage.iter_objects(bucket, "")}


def drop(qtbot: QtBot, target: QWidget, paths: list[Path], pos: QPoint) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, event)
    return event


def cell(model: TransferQueueModel, transfer_id: int, column: int) -> str:
    return str(model.transfer_index(transfer_id, column).data())


def leaf_states(model: TransferQueueModel) -> list[str]:
    return [cell(model, v.id, 6) for v in model.transfers()]


def test_queue_model_follows_the_engine_and_actions_work(
        qtbot: QtBot, qtmodeltester: ModelTester, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    queue = TransferQueue()
    qtbot.addWidget(queue)
    engine = TransferEngine(storage, small_options(bandwidth_limit=8 * 2**20))
    queue.set_engine(engine)
    model = queue.queue_model
    qtmodeltester.check(model)
    write_file(tmp_path / "big.bin", 20 * 2**20)
    (tmp_path / "small.txt").write_text("hi")
    overall: list[tuple[int, int, int]] = []
    model.overall_changed.connect(lambda d, t, a: overall.append((d, t, a)))
    big, small = engine.upload_paths([tmp_path / "big.bin", tmp_path / "small.txt"], bucket)
    qtbot.waitUntil(lambda: len(model.transfers()) == 2, timeout=20_000)
    batch = model.index(0, 0)
    assert model.rowCount() == 1
    assert model.rowCount(batch) == 2
    assert model.index(0, 1).data() == "Batch 1: 2 items"
    assert model.index(0, 2).data() == "20.0 MiB"
    assert [cell(model, i, 1) for i in (big, small)] == ["big.bin", "small.txt"]
    assert cell(model, big, 0) == "↑ Upload"
    assert queue.view.isExpanded(batch)
    qtbot.waitUntil(lambda: engine.snapshot()[0].done_bytes > 0, timeout=20_000)

    selection = queue.view.selectionModel()
    selection.select(model.transfer_index(big),
                     selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    queue.actions_by_name["actionTransferPause"].trigger()
    qtbot.waitUntil(lambda: cell(model, big, 6) == "Paused", timeout=20_000)
    assert engine.wait(20)
    # the batch row sums up its items (on the next timer tick)
    qtbot.waitUntil(lambda: model.index(0, 6).data() == "Paused", timeout=5_000)
    engine.ctx.limiter = None
    queue.actions_by_name["actionTransferResume"].trigger()
    qtbot.waitUntil(lambda: leaf_states(model) == ["Done", "Done"], timeout=20_000)
    assert cell(model, big, 3) == "100 %"
    assert model.index(0, 3).data() == "100 %"
    assert any(a > 0 for _d, _t, a in overall)
    qtbot.waitUntil(lambda: overall[-1][2] == 0, timeout=5_000)
    assert overall[-1][0] == overall[-1][1] == 20 * 2**20 + 2
    qtmodeltester.check(model)
    queue.view.clearSelection()
    queue.actions_by_name["actionTransferClear"].trigger()
    assert model.rowCount() == 0
    assert keys(storage, bucket) == {"big.bin", "small.txt"}
    queue.shutdown()


def test_batch_rows_act_on_all_their_items(qtbot: QtBot, storage: MinioStorage, bucket: str,
                                           tmp_path: Path) -> None:
    queue = TransferQueue()
    qtbot.addWidget(queue)
    engine = TransferEngine(storage, small_options(bandwidth_limit=2**20))
    queue.set_engine(engine)
    model = queue.queue_model
    for n in range(3):
        write_file(tmp_path / f"f{n}.bin", 3 * 2**20, seed=n)
    engine.upload_paths(sorted(tmp_path.glob("f*.bin")), bucket)
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=20_000)
    selection = queue.view.selectionModel()
    selection.select(model.index(0, 0),
                     selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    queue.actions_by_name["actionTransferCancel"].trigger()
    assert engine.wait(20)
    qtbot.waitUntil(lambda: leaf_states(model) == ["Cancelled"] * 3, timeout=20_000)
    assert storage.list_multipart_uploads(bucket) == []
    queue.shutdown()


def test_dropping_files_and_folders_on_the_table_uploads_there(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    put_bytes(storage, bucket, "inbox/readme.txt", b"x")
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    window.show()
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 1, timeout=20_000)
    window.open_location(bucket, "inbox/")
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 1, timeout=20_000)
    src = tmp_path / "drop"
    write_file(src / "photo one.jpg", 3000)
    write_file(src / "album/ünï.png", 10)
    viewport = window.object_table.viewport()
    event = drop(qtbot, viewport, [src / "photo one.jpg", src / "album"], QPoint(5, 200))
    assert event.isAccepted()
    qtbot.waitUntil(lambda: {"inbox/photo one.jpg", "inbox/album/ünï.png"} <= keys(
        storage, bucket), timeout=20_000)
    queue = window.transfer_queue.queue_model
    qtbot.waitUntil(lambda: leaf_states(queue) == ["Done", "Done"], timeout=20_000)
    # The table shows what just arrived.
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 3, timeout=20_000)


def test_dropping_on_a_tree_bucket_uploads_to_its_root(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    window = make_window(app_environ)
    window.show()
    model = window.tree_model
    qtbot.waitUntil(lambda: bucket in bucket_names(window), timeout=20_000)
    target = model.index_for(bucket)
    window.bucket_tree.scrollTo(target)
    rect = window.bucket_tree.visualRect(target)
    (tmp_path / "t.txt").write_text("tree drop")
    drop(qtbot, window.bucket_tree.viewport(), [tmp_path / "t.txt"], rect.center())
    qtbot.waitUntil(lambda: "t.txt" in keys(storage, bucket), timeout=20_000)


def test_a_drop_with_no_target_explains_why_nothing_happens(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        tmp_path: Path) -> None:
    window = make_window({**app_environ, "MINIO_ENDPOINT": "http://host:99999"})  # bad port
    window.show()
    (tmp_path / "t.txt").write_text("x")
    event = drop(qtbot, window.object_table.viewport(), [tmp_path / "t.txt"], QPoint(5, 5))
    assert not event.isAccepted()
    assert "Nothing was uploaded" in window.message_bar.text


def test_download_selection_saves_objects_and_folders(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    put_bytes(storage, bucket, "a.txt", b"alpha")
    put_bytes(storage, bucket, "dir/b.txt", b"beta")
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 2, timeout=20_000)
    window.object_table.selectAll()
    target = tmp_path / "downloads"
    target.mkdir()
    window.transfers.download_selection(target)
    engine = window.transfers.engine
    assert engine is not None
    try:
        qtbot.waitUntil(lambda: len(engine.snapshot()) == 2 and all(
            v.state is State.DONE for v in engine.snapshot()), timeout=20_000)
    except QtTimeout:  # say what the rows were (it once timed out in a full run)
        pytest.fail(f"rows: {[(v.key, v.state, v.error) for v in engine.snapshot()]}")
    assert (target / "a.txt").read_bytes() == b"alpha"
    assert (target / "dir" / "b.txt").read_bytes() == b"beta"


def test_unfinished_uploads_view_lists_and_aborts(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str) -> None:
    upload_id = storage.create_multipart(bucket, "stuck/part.bin", "application/x", {})
    storage.upload_part(bucket, "stuck/part.bin", upload_id, 1, b"p" * (5 * 2**20))
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    qtbot.waitUntil(lambda: window.table_model.bucket == bucket, timeout=20_000)
    qtbot.waitUntil(lambda: window.transfers.engine is not None, timeout=20_000)
    dialog = window.transfers.show_unfinished_uploads()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=20_000)
    assert dialog.table.item(0, 0).text() == "stuck/part.bin"
    assert dialog.table.item(0, 3).text() == "5.0 MiB"
    assert "1 unfinished upload holding 5.0 MiB" in dialog.status.text()
    dialog.table.selectRow(0)
    dialog.abort_button.click()
    qtbot.waitUntil(lambda: "No unfinished uploads" in dialog.status.text(), timeout=20_000)
    assert storage.list_multipart_uploads(bucket) == []
    dialog.close()


def test_the_journalled_queue_comes_back_with_the_window(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        s3_server: object, storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    from desktop_app.transfers.journal import Journal

    src = tmp_path / "later.txt"
    src.write_text("resumed after restart")
    journal = Journal.for_server(Path(app_environ["MINIO_DESKTOP_DATA_DIR"]),
                                 storage.endpoint_url, app_environ["MINIO_ACCESS_KEY"])
    journal.add_items([(1, "upload", bucket, "later.txt", str(src), None, 21, "", "queued")])
    journal.close()
    window = make_window(app_environ)
    queue = window.transfer_queue.queue_model
    qtbot.waitUntil(lambda: leaf_states(queue) == ["Done"], timeout=20_000)
    assert "later.txt" in keys(storage, bucket)


def test_conflicts_ask_once_with_apply_to_all(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    from desktop_app.ui.transfers.conflict_dialog import ConflictDialog

    for name in ("one.txt", "two.txt"):
        put_bytes(storage, bucket, name, b"remote")
        (tmp_path / name).write_text("local")
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 2, timeout=20_000)
    dialogs: list[ConflictDialog] = []
    window.transfers.asker.asked.connect(dialogs.append)
    window.transfers.upload([tmp_path / "one.txt", tmp_path / "two.txt"], bucket, "")
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=20_000)
    dialogs[0].apply_all.setChecked(True)
    dialogs[0].buttons[ConflictPolicy.KEEP_BOTH].click()
    qtbot.waitUntil(lambda: keys(storage, bucket) == {
        "one.txt", "two.txt", "one (1).txt", "two (1).txt"}, timeout=20_000)
    assert len(dialogs) == 1  # "apply to all" answered the second conflict

    # A download onto an existing file asks too; "Overwrite" replaces it.
    (tmp_path / "dl").mkdir()
    (tmp_path / "dl" / "one.txt").write_text("old local")
    window.table_model.refresh()
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 4, timeout=20_000)
    window.object_table.selectRow(window.table_model.row_of_key("one.txt"))
    window.transfers.download_selection(tmp_path / "dl")
    qtbot.waitUntil(lambda: len(dialogs) == 2, timeout=20_000)
    dialogs[1].buttons[ConflictPolicy.OVERWRITE].click()
    qtbot.waitUntil(lambda: (tmp_path / "dl" / "one.txt").read_text() == "remote",
                    timeout=20_000)


def test_drag_out_fetches_the_selection_and_hands_over_file_urls(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent

    put_bytes(storage, bucket, "note.txt", b"dragged out")
    put_bytes(storage, bucket, "pics/a.png", b"png bytes")
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    window.show()
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 2, timeout=20_000)
    window.object_table.selectAll()
    drag_out = window.transfers.drag_out
    mime = drag_out.prepare(drag_out.selected_entries())
    assert mime is not None
    paths = sorted(Path(u.toLocalFile()) for u in mime.urls())
    assert [p.name for p in paths] == ["note.txt", "pics"]
    assert paths[0].read_bytes() == b"dragged out"
    assert (paths[1] / "a.png").read_bytes() == b"png bytes"
    assert Path(app_environ["MINIO_DESKTOP_DATA_DIR"]) in paths[0].parents

    # A press on a selected row and a move beyond the drag distance starts the drag.
    started: list[bool] = []
    monkeypatch.setattr(drag_out, "start_drag", lambda: started.append(True))
    viewport = window.object_table.viewport()
    rect = window.object_table.visualRect(window.table_model.index(1, 0))
    press = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(rect.center()),
                        QPointF(viewport.mapToGlobal(rect.center())), Qt.MouseButton.LeftButton,
                        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, press)
    far = QPointF(rect.center() + QPoint(60, 0))
    move = QMouseEvent(QEvent.Type.MouseMove, far, QPointF(viewport.mapToGlobal(far.toPoint())),
                       Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, move)
    assert started == [True]


def test_drag_out_of_a_large_selection_points_to_download(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop_app.ui.transfers.drag_out as drag_module

    monkeypatch.setattr(drag_module, "DRAG_LIMIT_BYTES", 10)
    put_bytes(storage, bucket, "big.txt", b"more than ten bytes")
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 1, timeout=20_000)
    window.object_table.selectAll()
    drag_out = window.transfers.drag_out
    assert drag_out.prepare(drag_out.selected_entries()) is None
    assert "Use Download" in window.message_bar.text


def test_transfer_settings_come_from_the_config_folder(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str]) -> None:
    config = Path(app_environ["MINIO_DESKTOP_CONFIG_DIR"])
    config.mkdir(parents=True)
    (config / "transfers.json").write_text('{"conflict": "overwrite", "files_at_once": 8}')
    window = make_window(app_environ)
    qtbot.waitUntil(lambda: window.transfers.engine is not None, timeout=20_000)
    assert window.transfers.engine.options.conflict is ConflictPolicy.OVERWRITE
    assert window.transfers.engine.options.files_at_once == 8

    (config / "transfers.json").write_text('{"conflict": 3}')
    broken = make_window(app_environ)
    broken.show()
    qtbot.waitUntil(lambda: broken.transfers.engine is not None, timeout=20_000)
    assert broken.message_bar.isVisible()
    assert "must be one of" in broken.message_bar.text


def test_a_huge_batch_arrives_in_slices_and_updates_only_changed_rows(qtbot: QtBot) -> None:
    from desktop_app.transfers.state import Direction, Transfer
    from desktop_app.ui.transfers.queue_model import INSERT_SLICE

    engine = TransferEngine(object())  # type: ignore[arg-type]  # no network in this test
    items = [Transfer(Direction.UPLOAD, "b", f"k{i}", Path(f"/nowhere/{i}"), 10, 1)
             for i in range(4500)]
    with engine._lock:  # queued rows the engine will never start (no pool work)
        for t in items:
            engine._items[t.id] = t
            engine._order.append(t.id)
            t.sink = engine._dirty
    queue = TransferQueue()
    qtbot.addWidget(queue)
    model = queue.queue_model
    model.stop()
    model._engine = engine
    model.refresh()
    assert model.rowCount(model.index(0, 0)) == INSERT_SLICE  # the first slice only
    qtbot.waitUntil(lambda: model.rowCount(model.index(0, 0)) == 2000)  # the rest follows
    model.refresh()  # the engine hands out 2000 rows per look
    model.refresh()
    qtbot.waitUntil(lambda: model.rowCount(model.index(0, 0)) == 4500)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.row()))
    items[4321].transition(State.RUNNING)
    items[4321].add_progress(5)
    model.refresh()
    assert 4321 in changed
    assert len(changed) <= 2  # the row and its batch, not 4500 rows
    assert model.data(model.transfer_index(items[4321].id, 3)) == "50 %"
    assert model.index(0, 1).data() == "Batch 1: 4500 items"
    items[7].transition(State.RUNNING)
    items[7].set_phase("Checksumming")  # a big upload hashing before it sends
    model.refresh()
    assert model.data(model.transfer_index(items[7].id, 6)) == "Checksumming"
    engine.shutdown()


def test_status_bar_summary_shows_only_while_transfers_run(qtbot: QtBot) -> None:
    from desktop_app.ui.transfers.widgets import TransferStatus, human_eta

    model = TransferQueueModel()
    status = TransferStatus(model)
    qtbot.addWidget(status)
    status.show()
    model.overall_changed.emit(512 * 1024, 2 * 1024 * 1024, 3)
    assert status.isVisible()
    assert status.label.text() == "3 transfers: 512 KiB of 2.0 MiB (25 %)"
    assert status.bar.value() == 250
    model.overall_changed.emit(2 * 1024 * 1024, 2 * 1024 * 1024, 0)
    assert not status.isVisible()
    assert [human_eta(s) for s in (0.5, 42, 125, 7300)] == [
        "<1 s", "42 s", "2 min 05 s", "2 h 01 min"]


def test_a_batch_ending_while_the_window_is_in_the_background_notifies_the_desktop(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    from tests.fake_notifications import FakeNotificationService

    service = FakeNotificationService()
    try:
        window = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
        window.show()
        qtbot.waitUntil(lambda: window.transfer_queue.engine is not None, timeout=20_000)
        other = QWidget()
        qtbot.addWidget(other)
        other.show()
        other.activateWindow()
        qtbot.waitUntil(lambda: not window.isActiveWindow(), timeout=5_000)
        write_file(tmp_path / "a.bin", 10)
        write_file(tmp_path / "b.bin", 10)
        engine = window.transfer_queue.engine
        assert engine is not None
        engine.upload_paths([tmp_path / "a.bin", tmp_path / "b.bin"], bucket)
        qtbot.waitUntil(lambda: len(service.received) == 1, timeout=20_000)
        icon, summary, body = service.received[0][2:5]
        assert icon == "document-send"
        assert summary == "Transfers finished"
        assert body == f"2 files uploaded to “{bucket}”."
    finally:
        service.close()


def test_batch_notice_texts_say_what_ended_and_where() -> None:
    from desktop_app.transfers.rows import TransferView
    from desktop_app.transfers.state import Direction
    from desktop_app.ui.transfers.controller import batch_notice

    def view(n: int, direction: Direction, state: State) -> TransferView:
        return TransferView(n, 1, direction, "photos", f"k{n}", Path(f"/home/u/Downloads/k{n}"),
                            f"k{n}", 1, 1, state, "")

    down = [view(1, Direction.DOWNLOAD, State.DONE)]
    assert batch_notice(down, 0) == ("Transfers finished",
                                     "1 file downloaded to “/home/u/Downloads”.",
                                     "document-save")
    mixed = [view(n, Direction.UPLOAD, State.FAILED if n < 3 else State.DONE) for n in range(5)]
    summary, body, icon = batch_notice(mixed, 3)
    assert (summary, icon) == ("3 of 5 files failed", "dialog-error")
    assert "Retry" in body


def drag_over(target: QWidget, paths: list[Path], pos: QPoint) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    for event in (
        QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier),
        QDragMoveEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier),
    ):
        QApplication.sendEvent(target, event)
        assert event.isAccepted()


def test_the_row_under_a_drag_is_framed_and_the_frame_goes_when_the_drag_leaves(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    put_bytes(storage, bucket, "folder/inside.txt", b"x")
    put_bytes(storage, bucket, "file.txt", b"x")
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    window.show()
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 2, timeout=20_000)
    qtbot.waitUntil(lambda: bucket in bucket_names(window), timeout=20_000)
    drops = window.transfers.drop_filter
    (tmp_path / "t.txt").write_text("x")
    files = [tmp_path / "t.txt"]

    tree = window.bucket_tree
    row = tree.visualRect(window.tree_model.index_for(bucket))
    drag_over(tree.viewport(), files, row.center())
    frame = drops.marker(tree)
    assert frame.isVisible()
    assert (frame.geometry().top(), frame.geometry().height()) == (row.top(), row.height())
    assert tree.property("dropTarget") is True
    QApplication.sendEvent(tree.viewport(), QDragLeaveEvent())
    assert not frame.isVisible()
    assert tree.property("dropTarget") is False

    table = window.object_table
    folder_row = table.visualRect(window.table_model.index(0, 0))  # folders come first
    drag_over(table.viewport(), files, folder_row.center())
    assert drops.marker(table).isVisible()
    assert drops.marker(table).geometry().top() == folder_row.top()
    assert table.styleSheet() == ""  # only the folder row is framed
    file_row = table.visualRect(window.table_model.index(1, 0))
    drag_over(table.viewport(), files, file_row.center())  # a file row: the shown folder
    assert not drops.marker(table).isVisible()
    assert "border" in table.styleSheet()  # the whole list is the target
    QApplication.sendEvent(table.viewport(), QDragLeaveEvent())
    assert table.styleSheet() == ""


def test_a_drop_on_a_read_only_bucket_explains_that_this_account_may_not_write_there(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        read_only_server: tuple[ConnectionSettings, ConnectionSettings],
        tmp_path: Path) -> None:
    owner, reader = read_only_server
    owner_storage = MinioStorage(owner)
    owner_storage.make_bucket("shared-docs")
    put_bytes(owner_storage, "shared-docs", "handbook.txt", b"read me")
    window = make_window({
        **app_environ, "MINIO_ENDPOINT": f"http://{reader.endpoint}",
        "MINIO_ACCESS_KEY": reader.access_key, "MINIO_SECRET_KEY": reader.secret_key,
        "MINIO_BUCKET_NAME": "shared-docs"})
    window.show()
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 1, timeout=20_000)  # may list
    write_file(tmp_path / "a.txt", 10)
    write_file(tmp_path / "b.txt", 10)
    event = drop(qtbot, window.object_table.viewport(), [tmp_path / "a.txt", tmp_path / "b.txt"],
                 QPoint(5, 200))
    assert event.isAccepted()
    qtbot.waitUntil(lambda: "may not write" in window.message_bar.text, timeout=30_000)
    assert ("Nothing was uploaded to “shared-docs”: this account may not write there"
            in window.message_bar.text)
    assert "write access" in window.message_bar.text
    rows = window.transfer_queue.queue_model.transfers()
    assert [v.state for v in rows] == [State.FAILED, State.FAILED]
    assert all(v.denied for v in rows)
    assert {o.key for o in owner_storage.iter_objects("shared-docs", "")} == {"handbook.txt"}
    owner_storage.close()


def test_without_a_transfer_process_transfers_run_in_the_window_process(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop_app.ui.transfers.controller as controller

    def no_process(*_args: object, **_kw: object) -> None:
        raise OSError("fork failed")

    monkeypatch.setattr(controller, "EngineProcess", no_process)
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    window.show()
    qtbot.waitUntil(lambda: window.transfers.engine is not None, timeout=20_000)
    assert isinstance(window.transfers.engine, TransferEngine)
    qtbot.waitUntil(lambda: window.table_model.bucket == bucket
                    and not window.table_model.loading, timeout=20_000)
    (tmp_path / "still.txt").write_text("uploaded anyway")
    drop(qtbot, window.object_table.viewport(), [tmp_path / "still.txt"], QPoint(5, 200))
    qtbot.waitUntil(lambda: "still.txt" in keys(storage, bucket), timeout=20_000)


def test_the_direction_column_fits_its_label_on_item_rows(qtbot: QtBot) -> None:
    """An item row is indented under its batch; "↓ Download" must still show whole."""
    queue = TransferQueue()
    qtbot.addWidget(queue)
    view = queue.view
    text = max(view.fontMetrics().horizontalAdvance(t) for t in ("↑ Upload", "↓ Download"))
    assert view.columnWidth(0) >= text + view.indentation() + 8
    queue.shutdown()


def test_the_state_column_fits_every_state_and_phase(qtbot: QtBot) -> None:
    """A 5 GiB upload showed "Checksum…" while it hashed: the State column was narrower than
    the phase it shows."""
    queue = TransferQueue()
    qtbot.addWidget(queue)
    view = queue.view
    labels = [s.value.capitalize() for s in State] + ["Checksumming"]
    text = max(view.fontMetrics().horizontalAdvance(t) for t in labels)
    assert view.columnWidth(6) >= text + 12
    queue.shutdown()


def test_progress_rows_fit_the_bar_label_and_errors_get_room(qtbot: QtBot) -> None:
    """The "42 %" inside a bar was cut in half by plain-text row heights, and a fixed narrow
    Error column showed "The server at http://1…" with the useful part hidden."""
    from desktop_app.transfers.state import Direction, Transfer
    from desktop_app.ui.transfers.widgets import BAR_MARGIN

    engine = TransferEngine(object())  # type: ignore[arg-type]  # no network in this test
    item = Transfer(Direction.UPLOAD, "b", "k", Path("/nowhere/k"), 10, 1)
    with engine._lock:
        engine._items[item.id] = item
        engine._order.append(item.id)
        item.sink = engine._dirty
    from PySide6.QtWidgets import QVBoxLayout

    host = QWidget()  # docked in a plain window: a floating dock warns on this platform
    qtbot.addWidget(host)
    queue = TransferQueue(host)
    QVBoxLayout(host).addWidget(queue)
    host.resize(1200, 300)
    host.show()
    model = queue.queue_model
    model.stop()
    model._engine = engine
    model.refresh()
    view = queue.view
    index = model.transfer_index(item.id, 3)
    view.expandAll()  # a first refresh resets the model: no "new batch" expands it
    qtbot.waitUntil(lambda: view.visualRect(index).isValid(), timeout=5000)  # laid out
    bar_cell = view.visualRect(index)
    assert bar_cell.height() >= view.fontMetrics().height() + 2 * (BAR_MARGIN + 2)
    assert view.columnWidth(7) >= view.columnWidth(1) - 1  # Name and Error share the room
    assert view.columnWidth(7) > 250  # it was a fixed 180
    queue.shutdown()


def test_transfers_waiting_for_the_server_turn_the_status_bar_at_once(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        proxy: FaultProxy, s3_server: ConnectionSettings, bucket: str, tmp_path: Path) -> None:
    """The status bar's own check runs every 30 s; a queue waiting for the server must not
    sit next to a green "Reachable" meanwhile, nor a finished one next to a red "Cannot
    reach the server"."""
    environ = {**app_environ, "MINIO_BUCKET_NAME": bucket,
               "MINIO_ENDPOINT": f"http://{s3_server.host}:{proxy.port}"}
    window = make_window(environ)
    window._probe_timer.setInterval(3_600_000)  # only the transfers' re-checks turn it here
    window.show()
    qtbot.waitUntil(lambda: "Reachable" in window.reachability_label.text(), timeout=20_000)
    qtbot.waitUntil(lambda: window.transfer_queue.engine is not None, timeout=20_000)
    write_file(tmp_path / "src" / "a.bin", 1000)
    proxy.go_down()
    try:
        window.transfers.upload([tmp_path / "src" / "a.bin"], bucket, "")
        queue = window.transfer_queue.queue_model
        qtbot.waitUntil(lambda: leaf_states(queue) == ["Retrying"], timeout=20_000)
        qtbot.waitUntil(lambda: "Cannot reach the server" in window.reachability_label.text(),
                        timeout=10_000)  # well before the regular check
    finally:
        proxy.come_back()
    qtbot.waitUntil(lambda: leaf_states(queue) == ["Done"], timeout=60_000)
    qtbot.waitUntil(lambda: "Reachable" in window.reachability_label.text(), timeout=10_000)


def test_a_folder_that_cannot_be_listed_is_named_and_the_files_still_queue(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        proxy: FaultProxy, s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    """A folder is queued by listing it; with the server gone, the message says which folders
    are not in the queue, while the selected file's row waits for the server and arrives."""
    put_bytes(storage, bucket, "a.txt", b"alpha")
    put_bytes(storage, bucket, "dir/b.txt", b"beta")
    put_bytes(storage, bucket, "more/c.txt", b"gamma")
    environ = {**app_environ, "MINIO_BUCKET_NAME": bucket,
               "MINIO_ENDPOINT": f"http://{s3_server.host}:{proxy.port}"}
    window = make_window(environ)
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 3, timeout=20_000)
    qtbot.waitUntil(lambda: window.transfer_queue.engine is not None, timeout=20_000)
    window.object_table.selectAll()
    target = tmp_path / "dl"
    target.mkdir()
    proxy.go_down()
    try:
        window.transfers.download_selection(target)
        qtbot.waitUntil(lambda: "not queued" in window.message_bar.text, timeout=30_000)
        text = window.message_bar.text
        assert "“dir/”, “more/” were not queued for download" in text
        assert "Download them again" in text
        assert "on their own are in the queue" in text
        queue = window.transfer_queue.queue_model
        qtbot.waitUntil(lambda: leaf_states(queue) == ["Retrying"], timeout=20_000)
    finally:
        proxy.come_back()
    qtbot.waitUntil(lambda: leaf_states(queue) == ["Done"], timeout=60_000)
    assert (target / "a.txt").read_bytes() == b"alpha"
