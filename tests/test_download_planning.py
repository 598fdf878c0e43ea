"""Folder downloads are planned before anything is written: every key maps inside the chosen
folder or is refused with a reason naming it, and a name that is both a file and a folder (or
two spellings of one accented name) is reported per item while the rest of the selection goes
on. Planner units with hostile keys the real server cannot hold, then the real server."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.errors import AppError
from desktop_app.core.keys_text import shown_key
from desktop_app.core.transfer_types import RemoteObject
from desktop_app.core.types import FolderEntry, ListingPage, ObjectEntry
from desktop_app.storage.bulk_ops import Progress
from desktop_app.storage.protocol import Storage
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.options import ConflictPolicy
from desktop_app.transfers.paths import (
    beside_folders,
    files_beside_folders,
    map_keys,
    parent_prefix,
    plan,
)
from desktop_app.transfers.simple_download import download, plan_download
from desktop_app.transfers.state import State
from desktop_app.ui.objects.delete_dialog import ReportDialog
from tests.conftest import WindowFactory
from tests.helpers import put_bytes
from tests.transfer_helpers import make_engine, tree

NFC = unicodedata.normalize("NFC", "café.txt")
NFD = unicodedata.normalize("NFD", "café.txt")
assert NFC != NFD

HOSTILE = [
    "../x", "a/../../x", "a/../x", "/etc/x", "C:x", "a\\..\\x", "..\\x", "．．/x",
    "a/．．/．．/x", "‥/x", "．．／x", "／etc/x", "ctrl\x07x", "a/\x85b", "del\x7fx", "..", ".",
    "./x", "a//b", "nul\x00x",
]


def inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())


# -- the planner on its own ------------------------------------------------------------------
@pytest.mark.parametrize("key", HOSTILE)
def test_hostile_keys_are_refused_by_name_and_never_planned_outside(
        tmp_path: Path, key: str) -> None:
    root = tmp_path / "target"
    [planned] = plan(root, [key])
    assert planned.path is None
    assert shown_key(key) in planned.reason


def test_keys_below_a_prefix_with_dot_dot_stay_inside_or_are_refused(tmp_path: Path) -> None:
    root = tmp_path / "target"
    planned = {p.key: p for p in plan(root, ["a/../x", "a/../../y", "a/../b/../../z"], "a/../")}
    assert planned["a/../x"].path == root / "x"  # the name below the prefix is harmless
    for key in ("a/../../y", "a/../b/../../z"):
        assert planned[key].path is None
        assert key in planned[key].reason
    assert all(inside(p.path, root) for p in planned.values() if p.path is not None)


def test_parent_prefix_strips_one_slash_only() -> None:
    assert parent_prefix("a/b/") == "a/"
    assert parent_prefix("a/b") == "a/"
    assert parent_prefix("a//") == "a/"  # the folder with an empty name inside `a/`
    assert parent_prefix("/x") == "/"
    assert parent_prefix("x/") == ""
    assert parent_prefix("x") == ""


@pytest.mark.parametrize("keys", [["dup", "dup/child.txt", "ok"], ["dup/child.txt", "dup", "ok"],
                                  ["dup/", "dup", "ok"], ["dup", "dup/"]])
def test_a_file_beside_a_folder_of_its_name_is_refused_in_either_order(
        tmp_path: Path, keys: list[str]) -> None:
    planned = {p.key: p for p in plan(tmp_path, keys)}
    assert planned["dup"].path is None
    assert "“dup” is both a file and a folder" in planned["dup"].reason
    assert all(p.path is not None for k, p in planned.items() if k != "dup")


@pytest.mark.parametrize("order", [1, -1])
def test_composed_and_decomposed_twins_are_a_collision_not_an_overwrite(
        tmp_path: Path, order: int) -> None:
    keys = [f"docs/{NFC}", f"docs/{NFD}", "docs/other.txt"][::order]
    planned = {p.key: p for p in plan(tmp_path, keys)}
    twins = [f"docs/{NFC}", f"docs/{NFD}"]
    kept = [k for k in twins if planned[k].path is not None]
    refused = [k for k in twins if planned[k].path is None]
    assert kept == [f"docs/{NFD}"]  # the same one whatever the listing order
    assert refused == [f"docs/{NFC}"]
    assert "Unicode" in planned[refused[0]].reason
    assert refused[0] in planned[refused[0]].reason
    assert planned["docs/other.txt"].path == tmp_path / "docs" / "other.txt"


def test_a_file_twin_of_a_folder_in_the_other_spelling_is_refused(tmp_path: Path) -> None:
    folder = unicodedata.normalize("NFD", "é")
    file = unicodedata.normalize("NFC", "é")
    planned = {p.key: p for p in plan(tmp_path, [file, f"{folder}/inner.txt"])}
    assert planned[file].path is None
    assert file in planned[file].reason
    assert planned[f"{folder}/inner.txt"].path is not None


def test_two_keys_saved_as_one_file_keep_the_first_and_name_the_other() -> None:
    mapped = {(m.key, m.reason) for m in map_keys([("x/a", "x/"), ("y/a", "y/"), ("x/a", "x/")])}
    assert ("x/a", "") in mapped
    assert any(k == "x/a" and "listed twice" in r for k, r in mapped)
    assert any(k == "y/a" and "“y/a” and “x/a” would be saved as the same file" in r
               for k, r in mapped)


def test_selected_files_beside_selected_folders_are_found_in_either_spelling() -> None:
    folder = unicodedata.normalize("NFD", "é/")
    assert beside_folders(["dup", "other", "é"], ["dup/", folder, "x/"]) == ["dup", "é"]
    text = files_beside_folders(["dup"]).user_text()
    assert "“dup” was not downloaded" in text
    assert "on its own into another folder" in text


class ListedKeys:
    """Just enough of a storage to list keys (hostile ones the real server cannot hold) and
    serve their bytes."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = sorted(keys)

    def list_tree_page(self, bucket: str, prefix: str = "", start_after: str | None = None,
                       limit: int = 1000) -> ListingPage:
        objects = tuple(ObjectEntry(k, 1, None, "") for k in self.keys if k.startswith(prefix))
        return ListingPage(bucket, prefix, (), objects, None)

    def iter_chunks(self, bucket: str, key: str, etag: str | None = None) -> Iterator[bytes]:
        yield b"x"


def test_plan_download_refuses_what_would_leave_the_target(tmp_path: Path) -> None:
    storage = ListedKeys(["../x", "../", "a/../x", "a/../../y", "a/b.txt", "f/．．/x", "dup",
                          "dup/child.txt", "ok.txt"])
    items: list[FolderEntry | ObjectEntry] = [
        FolderEntry("../"), FolderEntry("a/../"), FolderEntry("a/"), FolderEntry("f/"),
        ObjectEntry("dup", 1, None, ""), FolderEntry("dup/"), ObjectEntry("ok.txt", 1, None, ""),
    ]
    planned = plan_download(cast(Storage, storage), "b", items, Progress())
    refused = {f.key: f.reason for f in planned.refused}
    assert set(refused) == {"../x", "../", "a/../x", "a/../../y", "f/．．/x", "dup"}
    for key, reason in refused.items():
        assert key in reason
    assert "both a file and a folder" in refused["dup"]  # twins across two selected items
    root = tmp_path / "target"
    root.mkdir()
    for _obj, relative in planned.items:
        assert inside(root / relative, root)
    report, _saved = download(cast(Storage, storage), "b", planned.items, root, Progress(),
                              planned.refused)
    assert {f.key for f in report.failures} == set(refused)
    assert tree(tmp_path) == {"target/a/b.txt", "target/dup/child.txt", "target/ok.txt"}


# -- against the real server -----------------------------------------------------------------
@pytest.mark.real_server
def test_simple_download_reports_a_file_in_the_way_by_name_and_goes_on(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    """The sequential download (no transfer engine) made the folder of a folder marker with a
    plain mkdir: a local file of that name ended the whole download with FileExistsError."""
    for key in ("p/dup", "p/dup/child.txt", "r/", "r/in.txt", "s/x.txt"):
        put_bytes(storage, bucket, key, key.encode())
    assert "p/dup" in {o.key for o in storage.iter_objects(bucket, "")}
    target = tmp_path / "target"
    target.mkdir()
    (target / "r").write_bytes(b"mine")
    items: list[FolderEntry | ObjectEntry] = [FolderEntry("p/"), FolderEntry("r/"),
                                              FolderEntry("s/")]
    planned = plan_download(storage, bucket, items, Progress())
    report, _saved = download(storage, bucket, planned.items, target, Progress(),
                              planned.refused)
    failures = {f.key: f.reason for f in report.failures}
    assert set(failures) == {"p/dup", "r/", "r/in.txt"}
    assert "both a file and a folder" in failures["p/dup"]
    for key in ("r/", "r/in.txt"):
        assert "is not a folder" in failures[key]
        assert "Rename or remove it" in failures[key]
    assert (target / "r").read_bytes() == b"mine"
    assert (target / "p" / "dup" / "child.txt").read_bytes() == b"p/dup/child.txt"
    assert (target / "s" / "x.txt").read_bytes() == b"s/x.txt"


@pytest.mark.real_server
def test_engine_folder_download_with_a_local_file_in_the_way_fails_only_those_rows(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    """A folder download made its folder before planning; a local file of that name raised
    FileExistsError out of the queueing, so the folders after it were never queued."""
    for key in ("dup/child.txt", "dup/sub/deep.txt", "later/x.txt"):
        put_bytes(storage, bucket, key, key.encode())
    engine = make_engine(storage, tmp_path)
    root = tmp_path / "target"
    root.mkdir()
    (root / "dup").write_bytes(b"mine")
    ids = engine.download_prefix(bucket, "dup/", root) + engine.download_prefix(
        bucket, "later/", root)
    assert engine.wait(60)
    views = {v.key: v for v in engine.snapshot() if v.id in ids}
    assert views["later/x.txt"].state is State.DONE
    for key in ("dup/child.txt", "dup/sub/deep.txt"):
        assert views[key].state is State.FAILED
        assert "exists and is not a folder" in views[key].error
    assert (root / "dup").read_bytes() == b"mine"
    assert (root / "later" / "x.txt").read_bytes() == b"later/x.txt"
    engine.shutdown()


class ListingHostileKeys:
    """The real storage, but its recursive listing of one prefix offers hostile keys too (the
    real server normalises `..` segments away, so it cannot hold them)."""

    def __init__(self, real: MinioStorage, extra: list[RemoteObject]) -> None:
        self.real = real
        self.extra = extra

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def iter_objects(self, bucket: str, prefix: str = "") -> Iterator[RemoteObject]:
        yield from self.real.iter_objects(bucket, prefix)
        yield from (o for o in self.extra if o.key.startswith(prefix))


@pytest.mark.real_server
def test_engine_folder_named_dot_dot_plans_nothing_outside_the_target(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    put_bytes(storage, bucket, "fine/a.txt", b"a")
    hostile = [RemoteObject(k, 1, "") for k in ("a/../x.txt", "a/../../y.txt", "a/../")]
    wrapped = ListingHostileKeys(storage, hostile)
    engine = make_engine(wrapped, tmp_path)  # type: ignore[arg-type]
    root = tmp_path / "outside" / "target"
    root.mkdir(parents=True)
    ids = engine.download_prefix(bucket, "a/../", root)
    ids += engine.download_prefix(bucket, "fine/", root)
    assert engine.wait(60)
    views = {v.key: v for v in engine.snapshot() if v.id in ids}
    for key in ("a/../x.txt", "a/../../y.txt", "a/../"):
        assert views[key].state is State.SKIPPED, key
        assert key in views[key].error
        assert inside(views[key].local_path, root)
    assert views["fine/a.txt"].state is State.DONE
    assert tree(tmp_path / "outside") == {"target/fine/a.txt"}
    engine.shutdown()


@pytest.mark.real_server
def test_engine_local_folder_where_a_file_goes_is_never_replaced(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    """The reverse: the file `dup` meets a local folder `dup`. Overwrite fails that row with
    the reason; keep-both saves the file beside it. The folder is never touched."""
    put_bytes(storage, bucket, "dup", b"remote file")
    put_bytes(storage, bucket, "other.txt", b"other")
    for policy in (ConflictPolicy.OVERWRITE, ConflictPolicy.KEEP_BOTH):
        root = tmp_path / policy.value
        (root / "dup").mkdir(parents=True)
        (root / "dup" / "mine.txt").write_bytes(b"mine")
        engine = make_engine(storage, tmp_path / f"j-{policy.value}", conflict=policy)
        ids = engine.download_objects(bucket, list(storage.iter_objects(bucket, "")), root)
        assert engine.wait(60)
        views = {v.key: v for v in engine.snapshot() if v.id in ids}
        assert views["other.txt"].state is State.DONE
        assert (root / "dup" / "mine.txt").read_bytes() == b"mine"
        if policy is ConflictPolicy.OVERWRITE:
            assert views["dup"].state is State.FAILED
            assert "dup" in views["dup"].error
        else:
            assert views["dup"].state is State.DONE
            assert (root / "dup (1)").read_bytes() == b"remote file"
        engine.shutdown()


def _leaf_views(window: object) -> dict[str, object]:
    engine = window.transfers.engine  # type: ignore[attr-defined]
    return {v.key: v for v in engine.snapshot()}


@pytest.mark.real_server
def test_selected_file_and_folder_of_one_name_report_the_file_and_queue_the_rest(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
        ) -> None:
    """`dup` and `dup/` side by side in the listing, both selected, plus a folder after them
    and a local file in the way of another folder: one message names what was not queued."""
    for key in ("dup", "dup/child.txt", "later/x.txt", "blocked/y.txt"):
        put_bytes(storage, bucket, key, key.encode())
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 4, timeout=20_000)
    qtbot.waitUntil(lambda: window.transfers.engine is not None, timeout=20_000)
    target = tmp_path / "dl"
    target.mkdir()
    (target / "blocked").write_bytes(b"mine")
    shown: list[str] = []
    show_error = window.message_bar.show_error

    def record(err: AppError) -> None:
        shown.append(err.user_text())
        show_error(err)

    monkeypatch.setattr(window.message_bar, "show_error", record)
    window.object_table.selectAll()
    window.transfers.download_selection(target)
    engine = window.transfers.engine
    assert engine is not None
    qtbot.waitUntil(lambda: {"dup/child.txt", "later/x.txt", "blocked/y.txt"} <= set(
        _leaf_views(window)) and engine.wait(0), timeout=30_000)
    views = {v.key: v for v in engine.snapshot()}
    assert "dup" not in views  # never queued, so never written beside (or into) the folder
    assert views["dup/child.txt"].state is State.DONE
    assert views["later/x.txt"].state is State.DONE
    assert views["blocked/y.txt"].state is State.FAILED
    assert "exists and is not a folder" in views["blocked/y.txt"].error
    qtbot.waitUntil(lambda: any("“dup”" in text for text in shown), timeout=20_000)
    assert any("file and a folder" in text and "“dup”" in text for text in shown)
    assert not any("unexpected" in text for text in shown)
    assert (target / "dup" / "child.txt").read_bytes() == b"dup/child.txt"
    assert (target / "later" / "x.txt").read_bytes() == b"later/x.txt"
    assert (target / "blocked").read_bytes() == b"mine"
    assert sorted(p.name for p in target.iterdir()) == ["blocked", "dup", "later"]


@pytest.mark.real_server
def test_download_without_the_queue_reports_twins_and_goes_on(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
        ) -> None:
    """Download to… on a storage the transfer queue cannot drive: the sequential download
    plans the whole selection at once, so `dup` beside `dup/` is reported in the failure list
    and the folder after them still arrives."""
    for key in ("dup", "dup/child.txt", "later/x.txt"):
        put_bytes(storage, bucket, key, key.encode())
    window = make_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 3, timeout=20_000)
    monkeypatch.setattr(window.transfers, "engine", None)
    target = tmp_path / "dl"
    target.mkdir()
    window.object_table.selectAll()
    window.object_actions.download_to(target)
    qtbot.waitUntil(lambda: isinstance(window.object_actions.active_dialog, ReportDialog),
                    timeout=20_000)
    report = window.object_actions.last_report
    assert report is not None
    assert [f.key for f in report.failures] == ["dup"]
    assert "both a file and a folder" in report.failures[0].reason
    assert (target / "dup" / "child.txt").read_bytes() == b"dup/child.txt"
    assert (target / "later" / "x.txt").read_bytes() == b"later/x.txt"
