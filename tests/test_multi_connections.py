"""Several connections open at once: one tree root each, switching between them, reopening
the open set on start, disconnecting, and copies between two real servers."""

from __future__ import annotations

import io
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.app import build_app, build_window
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.credentials import SecretStore
from desktop_app.core.errors import Cancelled
from desktop_app.core.profiles import Profile, ProfileStore, Secrets, new_profile_id
from desktop_app.storage.bulk_copy import Collision
from desktop_app.storage.bulk_ops import Progress, walk
from desktop_app.storage.cross_copy import ChunkReader, stream_copy
from desktop_app.storage.open_connections import ENV_ID, SANDBOX_ID, profile_connection_id
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.objects.copy_move_dialog import CollisionDialog, DestinationDialog
from desktop_app.ui.shell.main_window import MainWindow
from tests.helpers import bucket_names, put_bytes, root_names
from tests.test_connections_window import profile_environ

WAIT = 20_000


@pytest.fixture
def storage_b(s3_server_b: ConnectionSettings) -> Iterator[MinioStorage]:
    adapter = MinioStorage(s3_server_b)
    yield adapter
    adapter.close()


@pytest.fixture
def bucket_b(storage_b: MinioStorage) -> str:
    name = f"second-{secrets.token_hex(3)}"
    storage_b.make_bucket(name)
    return name


def profile_for(settings: ConnectionSettings, name: str) -> Profile:
    return Profile(new_profile_id(), name, f"http://{settings.endpoint}", settings.access_key)


def table_keys(window: MainWindow) -> list[str]:
    model = window.table_model
    return [e.key if hasattr(e, "key") else e.prefix  # type: ignore[union-attr]
            for e in (model.entry(r) for r in range(model.rowCount()))]


def two_connections(qtbot: QtBot, app_environ: dict[str, str], s3_server_b: ConnectionSettings,
                    bucket: str, bucket_b: str) -> tuple[MainWindow, str]:
    """The environment's connection plus a second server opened as a saved profile."""
    desktop = build_app({**app_environ, "MINIO_BUCKET_NAME": bucket})
    window = desktop.window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bucket in bucket_names(window), timeout=WAIT)
    second = profile_for(s3_server_b, "Second server")
    desktop.connections.connect_profile(second, s3_server_b, activate=False)
    conn_b = profile_connection_id(second.id)
    qtbot.waitUntil(lambda: bucket_b in bucket_names(window, conn_b), timeout=WAIT)
    return window, conn_b


def test_two_connections_are_two_roots_and_switch_the_table(
        qtbot: QtBot, qtmodeltester: ModelTester, app_environ: dict[str, str],
        s3_server_b: ConnectionSettings, storage: MinioStorage, bucket: str,
        storage_b: MinioStorage, bucket_b: str) -> None:
    put_bytes(storage, bucket, "on-a.txt", b"a")
    put_bytes(storage_b, bucket_b, "on-b.txt", b"b")
    window, conn_b = two_connections(qtbot, app_environ, s3_server_b, bucket, bucket_b)
    model = window.tree_model
    assert len(root_names(window)) == 2
    assert root_names(window)[1] == "Second server"
    assert bucket in bucket_names(window, ENV_ID)
    assert bucket not in bucket_names(window, conn_b)
    assert bucket_b in bucket_names(window, conn_b)
    assert bucket_b not in bucket_names(window, ENV_ID)
    assert model.location(model.connection_index(conn_b)) is None  # a root is no bucket
    qtbot.waitUntil(lambda: table_keys(window) == ["on-a.txt"], timeout=WAIT)
    assert window.active_connection == ENV_ID
    qtmodeltester.check(model)

    # Picking a bucket under the second root switches everything to that server.
    index = model.index_for(bucket_b, conn=conn_b)
    window.bucket_tree.clicked.emit(index)
    assert window.active_connection == conn_b
    assert window.storage is window.open_connections.get(conn_b).storage  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: table_keys(window) == ["on-b.txt"], timeout=WAIT)
    assert s3_server_b.endpoint in window.endpoint_label.text()
    assert window.browse.search_panel._storage is window.storage  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "Reachable" in window.reachability_label.text(), timeout=WAIT)
    # Back/forward belong to each connection: nothing to go back to on this one yet.
    assert not window.browse.action_back.isEnabled()

    # Back to the first root: its first bucket opens again.
    window.bucket_tree.clicked.emit(model.connection_index(ENV_ID))
    assert window.active_connection == ENV_ID
    qtbot.waitUntil(lambda: window.table_model.bucket != "", timeout=WAIT)
    window.open_location(bucket)
    qtbot.waitUntil(lambda: table_keys(window) == ["on-a.txt"], timeout=WAIT)

    # Disconnect the second one from its context menu: its root goes, the first stays.
    window.bucket_tree.clicked.emit(model.index_for(bucket_b, conn=conn_b))
    menu = window.bucket_tree.menu_for(model.connection_index(conn_b))
    assert menu is not None
    action = menu.actions()[-1]  # after the bucket actions the window adds
    assert action.text() == "Disconnect"
    action.trigger()
    assert root_names(window) == [root_names(window)[0]]
    assert conn_b not in window.open_connections
    assert window.active_connection == ENV_ID
    bucket_menu = window.bucket_tree.menu_for(model.index_for(bucket))
    assert bucket_menu is not None
    assert "Disconnect" not in [a.text() for a in bucket_menu.actions()]  # roots only
    assert window.bucket_tree.menu_for(model.connection_index(ENV_ID)) is not None
    window.close()


def test_connecting_the_same_profile_again_selects_its_root(
        qtbot: QtBot, app_environ: dict[str, str], s3_server_b: ConnectionSettings,
        bucket: str, bucket_b: str) -> None:
    desktop = build_app(app_environ)
    window, controller = desktop.window, desktop.connections
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bucket in bucket_names(window), timeout=WAIT)
    second = profile_for(s3_server_b, "Second server")
    controller.connect_profile(second, s3_server_b)  # from the dialog: activates
    assert window.active_connection == profile_connection_id(second.id)
    qtbot.waitUntil(lambda: bucket_b in bucket_names(window), timeout=WAIT)
    window.bucket_tree.clicked.emit(window.tree_model.connection_index(ENV_ID))
    controller.connect_profile(second, s3_server_b)
    assert len(root_names(window)) == 2
    assert window.active_connection == profile_connection_id(second.id)
    # Connection → Disconnect closes the one the table shows.
    disconnect = controller.disconnect_action
    assert disconnect.isEnabled()
    disconnect.trigger()
    assert window.active_connection == ENV_ID
    assert len(root_names(window)) == 1
    window.close()


def test_roots_warn_about_unchecked_certificates_and_unreachable_servers(
        qtbot: QtBot, app_environ: dict[str, str]) -> None:
    window = build_window(app_environ)
    qtbot.addWidget(window)
    insecure = ConnectionSettings("Self-signed", "127.0.0.1", 9, True, "k", "s",
                                  verify_tls=False)
    window.add_connection("profile:x", "Self-signed", MinioStorage(insecure), activate=False)
    model = window.tree_model
    index = model.connection_index("profile:x")
    tip = model.data(index, 3)  # ToolTipRole
    assert "Certificates are not checked" in tip
    qtbot.waitUntil(lambda: "Not reachable" in model.data(model.connection_index("profile:x"), 3),
                    timeout=WAIT)
    window.close()


def test_open_profiles_reopen_on_start(
        qtbot: QtBot, tmp_path: Path, s3_server: ConnectionSettings,
        s3_server_b: ConnectionSettings, bucket: str, bucket_b: str) -> None:
    environ = profile_environ(tmp_path)
    store = ProfileStore(tmp_path / "config")
    first, second = profile_for(s3_server, "First"), profile_for(s3_server_b, "Second")
    keyring = SecretStore()
    for profile, settings in ((first, s3_server), (second, s3_server_b)):
        store.put(profile)
        keyring.save(profile.id, Secrets(settings.secret_key))
    store.set_open([first.id, second.id])
    store.save()
    try:
        desktop = build_app(environ)
        window, session = desktop.window, desktop.session
        qtbot.addWidget(window)
        conn_a, conn_b = profile_connection_id(first.id), profile_connection_id(second.id)
        qtbot.waitUntil(lambda: bucket_b in bucket_names(window, conn_b), timeout=WAIT)
        qtbot.waitUntil(lambda: bucket in bucket_names(window, conn_a), timeout=WAIT)
        assert sorted(root_names(window)) == ["First", "Second"]
        assert window.active_connection in (conn_a, conn_b)
        assert session.sandbox is None  # saved connections opened: no sandbox
        # Disconnecting one takes it out of the open set for the next start.
        window.close_connection(conn_b)
        qtbot.waitUntil(lambda: _open_ids(tmp_path) == [first.id], timeout=WAIT)
        window.close()
    finally:
        keyring.delete(first.id)
        keyring.delete(second.id)


def _open_ids(tmp_path: Path) -> list[str]:
    store = ProfileStore(tmp_path / "config")
    store.load()
    return store.open_ids


def _select(window: MainWindow, *keys: str) -> None:
    model = window.table_model
    selection = window.object_table.selectionModel()
    selection.clearSelection()
    for key in keys:
        selection.select(model.index(model.row_of_key(key), 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def test_copy_and_move_to_another_connection(
        qtbot: QtBot, app_environ: dict[str, str], s3_server_b: ConnectionSettings,
        storage: MinioStorage, bucket: str, storage_b: MinioStorage, bucket_b: str) -> None:
    body = bytes(range(256)) * 40
    storage.put_stream(bucket, "photo.png", io.BytesIO(body), len(body), "image/png",
                       {"owner": "ann", "project": "multi"})
    put_bytes(storage, bucket, "docs/a.txt", b"alpha", "text/plain")
    put_bytes(storage, bucket, "docs/deep/b.md", b"# beta", "text/markdown")
    put_bytes(storage_b, bucket_b, "in/photo.png", b"old", "image/png")
    window, conn_b = two_connections(qtbot, app_environ, s3_server_b, bucket, bucket_b)
    actions = window.object_actions
    qtbot.waitUntil(lambda: window.table_model.row_of_key("photo.png") >= 0
                    and window.table_model.row_of_key("docs/") >= 0, timeout=WAIT)
    _select(window, "photo.png", "docs/")
    actions.action_copy_to.trigger()
    qtbot.waitUntil(lambda: isinstance(actions.active_dialog, DestinationDialog), timeout=WAIT)
    dialog = actions.active_dialog
    assert isinstance(dialog, DestinationDialog)
    assert not dialog.connection_box.isHidden()
    assert [dialog.connection_box.itemData(i) for i in range(dialog.connection_box.count())] \
        == [ENV_ID, conn_b]
    dialog.set_connection(conn_b)
    assert bucket_b in [dialog.bucket_box.itemText(i) for i in range(dialog.bucket_box.count())]
    assert not dialog.cross_note.isHidden()
    dialog.set_destination(bucket_b, "in")
    dialog.accept()
    # in/photo.png exists on the second server: the same collision choices as within one.
    qtbot.waitUntil(lambda: isinstance(actions.active_dialog, CollisionDialog), timeout=WAIT)
    collision = actions.active_dialog
    assert isinstance(collision, CollisionDialog)
    collision.choose(Collision.OVERWRITE)
    qtbot.waitUntil(lambda: actions.last_report is not None, timeout=WAIT)
    report = actions.last_report
    assert report is not None
    assert (report.done, report.failures) == (3, ())
    stat = storage_b.stat(bucket_b, "in/photo.png")
    assert stat.content_type == "image/png"
    assert stat.metadata.get("Owner", stat.metadata.get("owner")) == "ann"
    assert {k.lower(): v for k, v in stat.metadata.items()}["project"] == "multi"
    assert b"".join(storage_b.iter_chunks(bucket_b, "in/photo.png")) == body
    assert storage_b.read_range(bucket_b, "in/docs/deep/b.md", 0, 100) == b"# beta"
    assert storage_b.stat(bucket_b, "in/docs/deep/b.md").content_type == "text/markdown"
    assert storage_b.read_range(bucket_b, "in/docs/a.txt", 0, 100) == b"alpha"
    assert storage.exists(bucket, "photo.png")  # a copy keeps the source

    # Move the folder: it arrives on the second server and leaves the first.
    actions.last_report = None
    qtbot.waitUntil(lambda: window.table_model.row_of_key("docs/") >= 0, timeout=WAIT)
    _select(window, "docs/")
    actions.action_move_to.trigger()
    qtbot.waitUntil(lambda: isinstance(actions.active_dialog, DestinationDialog), timeout=WAIT)
    dialog = actions.active_dialog
    assert isinstance(dialog, DestinationDialog)
    dialog.set_connection(conn_b)
    dialog.set_destination(bucket_b, "moved")
    dialog.accept()
    qtbot.waitUntil(lambda: actions.last_report is not None, timeout=WAIT)
    assert [o.key for o in walk(storage_b, bucket_b, "moved/", Progress())] == [
        "moved/docs/a.txt", "moved/docs/deep/b.md"]
    assert [o.key for o in walk(storage, bucket, "docs/", Progress())] == []
    window.close()


def test_stream_copy_of_a_big_object_in_chunks_and_cancel(
        storage: MinioStorage, bucket: str, storage_b: MinioStorage, bucket_b: str) -> None:
    size = 6 * 1024 * 1024 + 123  # above the multipart part size of the upload
    body = secrets.token_bytes(size)
    storage.put_stream(bucket, "big.bin", io.BytesIO(body), size, "application/x-test",
                       {"kind": "big"})
    counted: list[int] = []
    copied = stream_copy(storage, bucket, "big.bin", storage_b, bucket_b, "big.bin",
                         small_limit=64 * 1024, on_bytes=counted.append)
    assert copied == size
    assert sum(counted) == size  # progress in bytes while one big object streams
    assert len(counted) > 1
    assert b"".join(storage_b.iter_chunks(bucket_b, "big.bin")) == body
    stat = storage_b.stat(bucket_b, "big.bin")
    assert stat.content_type == "application/x-test"
    assert {k.lower(): v for k, v in stat.metadata.items()} == {"kind": "big"}

    calls = [0]

    def cancel_after_two() -> None:
        calls[0] += 1
        if calls[0] > 2:
            raise Cancelled("The operation was cancelled.")

    with pytest.raises(Cancelled):
        stream_copy(storage, bucket, "big.bin", storage_b, bucket_b, "half.bin",
                    cancel_after_two, small_limit=64 * 1024)
    assert not storage_b.exists(bucket_b, "half.bin")  # nothing half-written is left


def test_chunk_reader_reads_across_chunk_borders() -> None:
    reader = ChunkReader(iter([b"abc", b"", b"defgh", b"ij"]))
    assert reader.read(2) == b"ab"
    assert reader.read(4) == b"cdef"
    assert reader.read() == b"ghij"
    assert reader.read(5) == b""


@pytest.mark.sandbox
def test_a_profile_opened_beside_the_sandbox_adds_a_root(
        qtbot: QtBot, tmp_path: Path, s3_server: ConnectionSettings, bucket: str) -> None:
    desktop = build_app(profile_environ(tmp_path))  # nothing saved: the sandbox starts
    window = desktop.window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: SANDBOX_ID in window.open_connections
                    and bool(bucket_names(window, SANDBOX_ID)), timeout=60_000)
    mine = profile_for(s3_server, "Mine")
    desktop.connections.connect_profile(mine, s3_server)
    conn = profile_connection_id(mine.id)
    assert window.active_connection == conn
    qtbot.waitUntil(lambda: bucket in bucket_names(window, conn), timeout=WAIT)
    assert root_names(window) == ["Local sandbox", "Mine"]
    menu = window.bucket_tree.menu_for(window.tree_model.connection_index(SANDBOX_ID))
    assert menu is not None
    assert not menu.actions()[-1].isEnabled()  # the sandbox root stays (no Disconnect)
    window.close_connection(SANDBOX_ID)
    assert SANDBOX_ID in window.open_connections
    window.close_connection(conn)
    assert window.active_connection == SANDBOX_ID
    assert root_names(window) == ["Local sandbox"]
    window.close()


def test_drop_on_another_connections_bucket_uploads_to_that_server(
        qtbot: QtBot, app_environ: dict[str, str], s3_server_b: ConnectionSettings,
        storage: MinioStorage, storage_b: MinioStorage, bucket: str, bucket_b: str,
        tmp_path: Path) -> None:
    from tests.test_transfer_ui import drop

    window, conn_b = two_connections(qtbot, app_environ, s3_server_b, bucket, bucket_b)
    window.show()
    first_engine = window.transfers.engine
    assert first_engine is not None
    source = tmp_path / "to second.txt"
    source.write_bytes(b"for the second server")
    tree = window.bucket_tree
    # The session's first server holds every test's bucket: fold it so the target is in view.
    tree.collapse(window.tree_model.connection_index(ENV_ID))
    target = window.tree_model.index_for(bucket_b, conn=conn_b)
    tree.scrollTo(target)
    qtbot.waitUntil(lambda: tree.indexAt(tree.visualRect(target).center()) == target,
                    timeout=WAIT)
    pos = tree.visualRect(target).center()
    assert drop(qtbot, tree.viewport(), [source], pos).isAccepted()
    qtbot.waitUntil(lambda: storage_b.exists(bucket_b, "to second.txt"), timeout=WAIT)
    assert storage_b.read_range(bucket_b, "to second.txt", 0, 100) == b"for the second server"
    assert not storage.exists(bucket, "to second.txt")
    assert window.active_connection == conn_b
    # Each connection keeps its own engine: going back shows the first one, not a new one.
    window.activate_connection(ENV_ID)
    assert window.transfers.engine is first_engine
    window.close()
