"""Folder sync through the transfer queue, against the real S3 server: each direction,
conflicts, deletions opt-in, name twins, a file changed while it uploads, a run interrupted
by a quit and resumed, and a watched folder."""

from __future__ import annotations

import os
import threading
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.sync_compare import Group, Why
from desktop_app.core.sync_model import ConflictRule, Direction, PairStore, SyncPair, SyncState
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import MiB, TransferOptions
from desktop_app.transfers.state import State
from desktop_app.transfers.sync_jobs import compare_pair, resume_pair
from desktop_app.transfers.sync_plan import Resolution, make_plan
from desktop_app.transfers.sync_run import Outcome, SyncRun
from desktop_app.transfers.sync_watch import FolderWatch, WatchNews


@pytest.fixture
def engine(storage: MinioStorage) -> Iterator[TransferEngine]:
    engine = TransferEngine(storage, TransferOptions(server_probe_s=0))
    yield engine
    engine.shutdown()


def write(root: Path, key: str, data: bytes, age_s: float = 0.0) -> None:
    path = root.joinpath(*key.split("/"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if age_s:
        when = time.time() - age_s
        os.utime(path, (when, when))


def put(storage: MinioStorage, bucket: str, key: str, data: bytes) -> None:
    storage.put_bytes(bucket, key, data, "application/octet-stream", {})


def keys(storage: MinioStorage, bucket: str, prefix: str = "") -> dict[str, bytes]:
    found = {}
    for obj in storage.iter_objects(bucket, prefix):
        found[obj.key[len(prefix):]] = storage.read_range(bucket, obj.key, 0, obj.size) \
            if obj.size else b""
    return found


def files(root: Path) -> dict[str, bytes]:
    return {"/".join(p.relative_to(root).parts): p.read_bytes()
            for p in root.rglob("*") if p.is_file()}


def sync(pair: SyncPair, storage: MinioStorage, engine: TransferEngine, store: PairStore,
         **plan_args: object) -> tuple[Outcome, SyncRun]:
    state = store.state(pair.id)
    plan = make_plan(compare_pair(pair, storage, state), pair, **plan_args)  # type: ignore[arg-type]
    run = SyncRun(pair, plan, engine, storage, store, state)
    run.start()
    assert run.wait(30)
    return run.outcome, run


def new_pair(tmp_path: Path, bucket: str, store: PairStore, **kw: object) -> SyncPair:
    folder = tmp_path / "folder"
    folder.mkdir(exist_ok=True)
    pair = SyncPair(str(folder), "conn", bucket, "sync/", **kw)  # type: ignore[arg-type]
    store.save(pair, SyncState())
    return pair


def test_upload_mirrors_the_folder_and_deletes_only_when_opted_in(
        storage: MinioStorage, bucket: str, engine: TransferEngine, tmp_path: Path) -> None:
    store = PairStore(tmp_path / "data")
    pair = new_pair(tmp_path, bucket, store)
    root = Path(pair.local_folder)
    write(root, "a.txt", b"alpha")
    write(root, "deep/b.bin", os.urandom(3000))
    put(storage, bucket, "sync/old.txt", b"only in the bucket")
    put(storage, bucket, "outside.txt", b"not below the prefix")

    outcome, _run = sync(pair, storage, engine, store)
    assert (outcome.uploaded, outcome.deleted, outcome.failed) == (2, 0, [])
    there = keys(storage, bucket, "sync/")
    assert there["a.txt"] == b"alpha"
    assert there["deep/b.bin"] == (root / "deep/b.bin").read_bytes()
    assert "old.txt" in there  # deletion is opt-in
    state = store.state(pair.id)
    assert state.finished
    assert set(state.entries) == {"a.txt", "deep/b.bin"}
    assert state.summary["uploaded"] == 2

    again = compare_pair(pair, storage, state)
    assert sorted(i.key for i in again.groups[Group.SAME]) == ["a.txt", "deep/b.bin"]
    assert all(i.why is Why.UNCHANGED for i in again.groups[Group.SAME])

    plan = make_plan(again, pair, delete=True)
    assert (plan.deletions, plan.deletion_bytes) == (1, len(b"only in the bucket"))
    outcome, _run = sync(pair, storage, engine, store, delete=True)
    assert outcome.deleted == 1
    assert set(keys(storage, bucket, "sync/")) == {"a.txt", "deep/b.bin"}
    assert "outside.txt" in keys(storage, bucket)


def test_download_mirrors_the_bucket_and_deletes_local_files_only_when_opted_in(
        storage: MinioStorage, bucket: str, engine: TransferEngine, tmp_path: Path) -> None:
    store = PairStore(tmp_path / "data")
    pair = new_pair(tmp_path, bucket, store, direction=Direction.DOWNLOAD)
    root = Path(pair.local_folder)
    put(storage, bucket, "sync/x.txt", b"from the bucket")
    put(storage, bucket, "sync/sub/y.txt", b"also")
    write(root, "mine.txt", b"local only")
    write(root, "x.txt", b"an older local copy", age_s=3600)

    outcome, _run = sync(pair, storage, engine, store)
    assert (outcome.downloaded, outcome.deleted, outcome.failed) == (2, 0, [])
    assert files(root) == {"x.txt": b"from the bucket", "sub/y.txt": b"also",
                           "mine.txt": b"local only"}
    outcome, _run = sync(pair, storage, engine, store, delete=True)
    assert (outcome.downloaded, outcome.deleted) == (0, 1)
    assert set(files(root)) == {"x.txt", "sub/y.txt"}
    assert not list(root.rglob(".minio-desktop-*"))


def test_two_way_sends_each_change_its_way_and_settles_conflicts_by_the_rule(
        storage: MinioStorage, bucket: str, engine: TransferEngine, tmp_path: Path) -> None:
    store = PairStore(tmp_path / "data")
    pair = new_pair(tmp_path, bucket, store, direction=Direction.TWO_WAY,
                    conflict_rule=ConflictRule.NEWER_WINS)
    root = Path(pair.local_folder)
    write(root, "here.txt", b"made here")
    put(storage, bucket, "sync/there.txt", b"made there")
    for name in ("edit-here", "edit-there", "both-newer-here", "both-newer-there", "keep"):
        write(root, f"{name}.txt", b"v1 " + name.encode())
    outcome, _run = sync(pair, storage, engine, store)
    assert outcome.failed == []
    assert files(root) == keys(storage, bucket, "sync/")

    write(root, "edit-here.txt", b"v2 changed here")
    put(storage, bucket, "sync/edit-there.txt", b"v2 changed there")
    write(root, "both-newer-here.txt", b"v2 local, newest")
    put(storage, bucket, "sync/both-newer-here.txt", b"v2 remote, older!!")
    os.utime(root / "both-newer-here.txt", (time.time() + 60, time.time() + 60))
    write(root, "both-newer-there.txt", b"v2 local, older", age_s=600)
    put(storage, bucket, "sync/both-newer-there.txt", b"v2 remote, newest!!")
    write(root, "keep.txt", b"v2 local version")
    put(storage, bucket, "sync/keep.txt", b"v2 remote version!")
    state = store.state(pair.id)
    comparison = compare_pair(pair, storage, state)
    assert sorted(i.key for i in comparison.groups[Group.CONFLICTS]) == [
        "both-newer-here.txt", "both-newer-there.txt", "keep.txt"]

    outcome, _run = sync(pair, storage, engine, store,
                         decisions={"keep.txt": Resolution.BOTH})
    assert outcome.failed == []
    local, remote = files(root), keys(storage, bucket, "sync/")
    assert local == remote
    assert local["edit-here.txt"] == b"v2 changed here"
    assert local["edit-there.txt"] == b"v2 changed there"
    assert local["both-newer-here.txt"] == b"v2 local, newest"
    assert local["both-newer-there.txt"] == b"v2 remote, newest!!"
    assert local["keep.txt"] == b"v2 local version"
    assert local["keep (bucket copy).txt"] == b"v2 remote version!"
    after = compare_pair(pair, storage, store.state(pair.id))
    moving = [i.key for g in (Group.ONLY_LOCAL, Group.ONLY_REMOTE, Group.DIFFERENT,
                              Group.CONFLICTS) for i in after.groups[g]]
    assert moving == []


def test_keep_both_rule_and_ask_rule(storage: MinioStorage, bucket: str,
                                     engine: TransferEngine, tmp_path: Path) -> None:
    store = PairStore(tmp_path / "data")
    pair = new_pair(tmp_path, bucket, store, direction=Direction.TWO_WAY,
                    conflict_rule=ConflictRule.ASK)
    root = Path(pair.local_folder)
    write(root, "c.txt", b"v1")
    sync(pair, storage, engine, store)
    write(root, "c.txt", b"v2 here")
    put(storage, bucket, "sync/c.txt", b"v2 there")
    outcome, run = sync(pair, storage, engine, store)
    assert [i.key for i in run.plan.undecided] == ["c.txt"]
    assert outcome.uploaded == outcome.downloaded == 0
    assert keys(storage, bucket, "sync/") == {"c.txt": b"v2 there"}

    pair = SyncPair(**{**pair.to_json(), "conflict_rule": ConflictRule.KEEP_BOTH})
    store.save(pair)
    outcome, _run = sync(pair, storage, engine, store)
    assert files(root) == keys(storage, bucket, "sync/") == {
        "c.txt": b"v2 here", "c (bucket copy).txt": b"v2 there"}


def test_unicode_and_case_twins_are_never_duplicated(
        storage: MinioStorage, bucket: str, engine: TransferEngine, tmp_path: Path) -> None:
    store = PairStore(tmp_path / "data")
    pair = new_pair(tmp_path, bucket, store, direction=Direction.TWO_WAY)
    root = Path(pair.local_folder)
    nfd = unicodedata.normalize("NFD", "Café.txt")
    nfc = unicodedata.normalize("NFC", "Café.txt")
    write(root, nfd, b"decomposed here")
    put(storage, bucket, "sync/" + nfc, b"composed there")
    write(root, "Report.txt", b"upper here")
    put(storage, bucket, "sync/report.txt", b"lower there")
    outcome, run = sync(pair, storage, engine, store, delete=True)
    assert sorted(i.key for i in run.plan.left) == sorted([nfd, nfc, "Report.txt",
                                                           "report.txt"])
    assert (outcome.uploaded, outcome.downloaded, outcome.deleted) == (0, 0, 0)
    assert set(keys(storage, bucket, "sync/")) == {nfc, "report.txt"}
    assert set(files(root)) == {nfd, "Report.txt"}


def test_a_file_changed_while_it_uploads_is_not_taken_for_synced(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    options = TransferOptions(multipart_threshold=5 * MiB, part_size=5 * MiB,
                              bandwidth_limit=12 * MiB, server_probe_s=0)
    engine = TransferEngine(storage, options)
    try:
        store = PairStore(tmp_path / "data")
        pair = new_pair(tmp_path, bucket, store)
        root = Path(pair.local_folder)
        write(root, "growing.bin", os.urandom(12 * MiB))
        state = store.state(pair.id)
        plan = make_plan(compare_pair(pair, storage, state), pair)
        run = SyncRun(pair, plan, engine, storage, store, state)
        run.start()
        deadline = time.monotonic() + 20
        while not any(v.done_bytes for v in engine.snapshot()) and time.monotonic() < deadline:
            time.sleep(0.02)
        with (root / "growing.bin").open("ab") as handle:
            handle.write(b"written while it was being uploaded")
        assert run.wait(30)
        assert run.outcome.uploaded == 0
        assert "changed while it was being uploaded" in run.outcome.failed[0][1]
        assert "growing.bin" not in store.state(pair.id).entries

        outcome, _run = sync(pair, storage, engine, store)  # the next run sends it whole
        assert outcome.uploaded == 1
        assert keys(storage, bucket, "sync/")["growing.bin"] == \
            (root / "growing.bin").read_bytes()
    finally:
        engine.shutdown()


def test_a_sync_interrupted_by_a_quit_continues_on_the_next_start(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    journal_path = tmp_path / "journal.sqlite3"
    options = TransferOptions(files_at_once=4, bandwidth_limit=256 * 1024, server_probe_s=0,
                              small_lane=False)
    store = PairStore(tmp_path / "data")
    pair = new_pair(tmp_path, bucket, store)
    root = Path(pair.local_folder)
    for n in range(200):
        write(root, f"batch/{n:03}.dat", os.urandom(2000 + n))
    first = TransferEngine(storage, options, Journal(journal_path))
    state = store.state(pair.id)
    run = SyncRun(pair, make_plan(compare_pair(pair, storage, state), pair), first, storage,
                  store, state)
    run.start()
    while run.done < 40:
        run.poll()
        time.sleep(0.02)
    first.shutdown()  # the quit: running rows are paused, the journal keeps them
    run.poll()
    assert not store.state(pair.id).finished
    sent_before = len(keys(storage, bucket, "sync/"))
    assert 40 <= sent_before < 200

    second = TransferEngine(storage, TransferOptions(server_probe_s=0),
                            Journal(journal_path))
    try:
        second.restore()  # the journal's rows come back and run
        resumed = resume_pair(pair, storage, second, store, store.state(pair.id))
        assert resumed.wait(30)
        assert resumed.outcome.failed == []
        rows = [v for v in second.snapshot() if v.state is State.DONE]
        assert len({v.key for v in rows}) == len(rows)  # no file queued twice
        assert len(rows) <= 200 - sent_before + 4  # at most the 4 paused mid-way again
    finally:
        second.shutdown()
    there = keys(storage, bucket, "sync/")
    assert there == files(root)
    final = store.state(pair.id)
    assert final.finished
    assert len(final.entries) == 200


def test_a_watched_folder_uploads_files_once_they_settle(
        storage: MinioStorage, bucket: str, engine: TransferEngine, tmp_path: Path) -> None:
    store = PairStore(tmp_path / "data")
    pair = new_pair(tmp_path, bucket, store, watch=True)
    root = Path(pair.local_folder)
    news: list[WatchNews] = []
    watch = FolderWatch(pair, engine, storage, store, store.state(pair.id), settle_s=1.0,
                        on_news=news.append)
    watch.start()
    try:
        for n in range(50):
            write(root, f"in/{n:02}.txt", f"file {n}".encode())
        stop = threading.Event()
        pieces = [os.urandom(1000) for _ in range(12)]

        def slow_writer() -> None:  # a file written over ~1.2 s, never paused for 1 s
            with (root / "slow.bin").open("wb") as handle:
                for piece in pieces:
                    handle.write(piece)
                    handle.flush()
                    os.fsync(handle.fileno())
                    if stop.wait(0.1):
                        return

        writer = threading.Thread(target=slow_writer)
        writer.start()
        writer.join()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            there = keys(storage, bucket, "sync/")
            if len(there) == 51 and not watch.busy:
                break
            time.sleep(0.2)
        there = keys(storage, bucket, "sync/")
        assert len(there) == 51
        assert there["slow.bin"] == b"".join(pieces)  # sent whole, never half-written
        assert there["in/07.txt"] == b"file 7"
        assert news[-1].sent == 51
        sends = [v for v in engine.snapshot() if v.key == "sync/slow.bin"]
        assert len(sends) == 1  # once, when it had settled
        state = store.state(pair.id)
        assert len(state.entries) == 51
        assert compare_pair(pair, storage, state).count(Group.SAME) == 51
    finally:
        watch.stop()


def test_a_batch_keeps_its_own_conflict_policy_after_a_restart(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    """A sync's uploads overwrite what it compared even when they come back from the
    journal into an engine whose own policy would keep both."""
    put(storage, bucket, "report.txt", b"old")
    local = tmp_path / "report.txt"
    local.write_bytes(b"new version")
    journal = Journal(tmp_path / "journal.sqlite3")
    journal.add_items([(7, "upload", bucket, "report.txt", str(local), None, 11, "",
                        "queued")])
    journal.set_batch_conflict(7, "overwrite")
    journal.set_batch_conflict(8, "skip")  # a batch with nothing left: dropped
    assert journal.batch_conflicts() == {7: "overwrite"}
    engine = TransferEngine(storage, TransferOptions(server_probe_s=0), journal)
    try:
        engine.restore()
        assert engine.wait(30)
    finally:
        engine.shutdown()
    assert keys(storage, bucket) == {"report.txt": b"new version"}


def test_a_watched_folder_never_uploads_a_twin_of_a_name_in_the_bucket(
        storage: MinioStorage, bucket: str, engine: TransferEngine, tmp_path: Path) -> None:
    store = PairStore(tmp_path / "data")
    pair = new_pair(tmp_path, bucket, store, watch=True)
    root = Path(pair.local_folder)
    nfc = unicodedata.normalize("NFC", "Résumé.txt")
    put(storage, bucket, "sync/Report.txt", b"there")
    put(storage, bucket, "sync/" + nfc, b"there too")
    watch = FolderWatch(pair, engine, storage, store, store.state(pair.id), settle_s=0.3)
    watch.start()
    try:
        write(root, "report.txt", b"case twin")
        write(root, unicodedata.normalize("NFD", "Résumé.txt"), b"unicode twin")
        write(root, "fine.txt", b"no twin")
        deadline = time.monotonic() + 20
        while (len(watch.news.refused) < 2 or watch.news.sent < 1 or watch.busy) \
                and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        watch.stop()
    assert set(keys(storage, bucket, "sync/")) == {"Report.txt", nfc, "fine.txt"}
    assert sorted(why.split(":")[0] for _key, why in watch.news.refused) == [
        "Not uploaded", "Not uploaded"]
