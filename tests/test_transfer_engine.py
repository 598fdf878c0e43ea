"""The transfer engine against the real server: sizes round-trip verified, folders, cancel,
changed objects, hostile keys, conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.errors import ServerError
from desktop_app.core.transfer_types import SHA256_META, RemoteObject
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.options import ConflictPolicy, MiB
from desktop_app.transfers.partial import temp_files
from desktop_app.transfers.state import State
from tests.helpers import CallCounter, put_bytes
from tests.transfer_helpers import (
    crc64_of,
    errors,
    make_engine,
    sha_of,
    states,
    stored_crc64,
    tree,
    wait_until,
    write_file,
)

pytestmark = pytest.mark.real_server

# ~130 MiB stands for "big": 27 parts of 5 MiB (the last one 7 bytes), all in parallel.
BIG = 130 * MiB + 7
SIZES = [0, 1, 5 * MiB - 1, 5 * MiB, 5 * MiB + 1, BIG]


def test_sizes_round_trip_with_equal_checksums(storage: MinioStorage, bucket: str,
                                               tmp_path: Path) -> None:
    engine = make_engine(storage, tmp_path)
    src = tmp_path / "src"
    expected = {f"f{size}.bin": write_file(src / f"f{size}.bin", size, seed=size % 251)
                for size in SIZES}
    ids = engine.upload_paths(sorted(src.iterdir()), bucket, "up/")
    assert engine.wait(120)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    for name in expected:
        stat = storage.stat(bucket, f"up/{name}")
        # Every upload keeps its CRC64NVME; a SHA-256 only where an upload rule asked for it.
        assert SHA256_META not in stat.metadata
        assert stored_crc64(storage, bucket, f"up/{name}") == crc64_of(src / name)
        assert stat.size == int(name[1:-4])
    big = storage.stat(bucket, f"up/f{BIG}.bin")
    assert big.etag.endswith("-27")  # multipart: 26 parts of 5 MiB and one of 7 bytes
    assert storage.list_multipart_uploads(bucket) == []

    dest = tmp_path / "dest"
    dest.mkdir()
    ids = engine.download_prefix(bucket, "up/", dest)
    assert engine.wait(120)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    for name, sha in expected.items():
        assert sha_of(dest / "up" / name) == sha
    assert temp_files(dest) == []
    engine.shutdown()


def test_folder_tree_with_unicode_and_spaces_round_trips(storage: MinioStorage, bucket: str,
                                                         tmp_path: Path) -> None:
    engine = make_engine(storage, tmp_path)
    src = tmp_path / "Fotos 2026"
    names = ["a b/c d.txt", "ünïcødé/日本語 ファイル.md", "deep/er/still/x.bin", "top.txt"]
    shas = {n: write_file(src / n, 1000 + i, seed=i) for i, n in enumerate(names)}
    (src / "empty folder").mkdir()
    (src / "link").symlink_to(src / "top.txt")
    ids = engine.upload_paths([src], bucket, "")
    assert engine.wait(60)
    got = {v.key: v for v in engine.snapshot() if v.id in ids}
    assert got["Fotos 2026/link"].state is State.SKIPPED
    assert "symbolic link" in got["Fotos 2026/link"].error
    assert got["Fotos 2026/empty folder/"].state is State.DONE
    dest = tmp_path / "dest"
    dest.mkdir()
    ids = engine.download_prefix(bucket, "Fotos 2026/", dest)
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    assert tree(dest / "Fotos 2026") == set(names)
    assert (dest / "Fotos 2026" / "empty folder").is_dir()
    for name, sha in shas.items():
        assert sha_of(dest / "Fotos 2026" / name) == sha
    engine.shutdown()


def test_hostile_keys_never_write_outside_the_target(storage: MinioStorage, bucket: str,
                                                     tmp_path: Path) -> None:
    # SeaweedFS normalises `..` segments away and refuses some names (backslashes), so keys it
    # cannot hold are offered as listed objects directly; the rest really exist in the bucket.
    created = []
    for key in ["..\\..\\evil.txt", "back\\slash", "C:evil", "a", "a/b", "tab\there",
                "fine/file.txt"]:
        try:
            put_bytes(storage, bucket, key, b"payload " + key.encode())
            created.append(key)
        except ServerError:
            pass
    assert {"C:evil", "a", "a/b", "tab\there", "fine/file.txt"} <= set(created)
    outside = tmp_path / "outside"
    outside.mkdir()
    root = outside / "target"
    root.mkdir()
    engine = make_engine(storage, tmp_path)
    listed = list(storage.iter_objects(bucket, ""))
    assert len(listed) == len(created)
    safe = {"fine/file.txt", "a/b"} | ({"back/slash"} & {o.key for o in listed})  # `\` -> `/`
    listed += [RemoteObject(k, 1, "") for k in (
        "../../escape.txt", "ok/../../x.txt", "/abs/x", "..\\..\\evil2.txt", "nul\x00x")]
    ids = engine.download_objects(bucket, listed, root)
    assert engine.wait(60)
    views = {v.key: v for v in engine.snapshot() if v.id in ids}
    assert views["a"].state is State.SKIPPED
    assert "both a file and a folder" in views["a"].error
    for key, view in views.items():
        if key in safe:
            assert view.state is State.DONE, key
        else:
            assert view.state is State.SKIPPED, key
            assert view.error, key
    assert tree(outside) == {f"target/{k}" for k in safe}
    engine.shutdown()


def test_download_refuses_to_follow_a_planted_symlink_folder(storage: MinioStorage, bucket: str,
                                                             tmp_path: Path) -> None:
    put_bytes(storage, bucket, "sub/file.txt", b"x")
    root = tmp_path / "root"
    root.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "sub").symlink_to(elsewhere)
    engine = make_engine(storage, tmp_path)
    ids = engine.download_objects(bucket, list(storage.iter_objects(bucket, "")), root)
    assert engine.wait(30)
    assert states(engine, ids) == {ids[0]: State.FAILED}
    assert "symbolic link" in errors(engine)[0]
    assert list(elsewhere.iterdir()) == []
    engine.shutdown()


class ReplacingStorage:
    """Delegates to the real storage; replaces the object right after the first GET opens."""

    def __init__(self, real: MinioStorage) -> None:
        self.real = real
        self.replaced = False

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def open_object(self, bucket: str, key: str, offset: int = 0, length: int | None = None,
                    if_match: str | None = None) -> object:
        body = self.real.open_object(bucket, key, offset, length, if_match)
        if not self.replaced:
            self.replaced = True
            put_bytes(self.real, bucket, key, b"new version" * 1000)
        return body


def test_object_replaced_mid_download_fails_with_precondition_message(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    src = tmp_path / "big.bin"
    write_file(src, 12 * MiB)
    engine = make_engine(storage, tmp_path)
    engine.upload_paths([src], bucket)
    assert engine.wait(60)
    listed = list(storage.iter_objects(bucket, ""))
    dest = tmp_path / "dest"
    dest.mkdir()
    (dest / "big.bin").write_bytes(b"precious old copy")
    replacing = make_engine(ReplacingStorage(storage), tmp_path / "r",  # type: ignore[arg-type]
                            journal=False, conflict=ConflictPolicy.OVERWRITE)
    ids = replacing.download_objects(bucket, listed, dest)
    assert replacing.wait(60)
    assert states(replacing, ids) == {ids[0]: State.FAILED}
    message = errors(replacing)[0]
    assert "replaced on the server" in message
    assert "precondition" in message
    assert (dest / "big.bin").read_bytes() == b"precious old copy"
    assert temp_files(dest) == []
    replacing.shutdown()
    engine.shutdown()


def test_cancel_leaves_no_temp_files_and_no_orphan_uploads(storage: MinioStorage, bucket: str,
                                                           tmp_path: Path) -> None:
    src = tmp_path / "big.bin"
    write_file(src, 30 * MiB)
    # A slow link (4 MiB/s) so there is time to cancel in the middle.
    engine = make_engine(storage, tmp_path, bandwidth_limit=4 * MiB)
    (up,) = engine.upload_paths([src], bucket)
    wait_until(lambda: engine.get(up).done_bytes > 0 and bool(
        storage.list_multipart_uploads(bucket)))
    engine.cancel([up])
    assert engine.wait(30)
    assert states(engine, [up]) == {up: State.CANCELLED}
    assert storage.list_multipart_uploads(bucket) == []
    assert list(storage.iter_objects(bucket, "")) == []

    fast = make_engine(storage, tmp_path / "f")
    fast.upload_paths([src], bucket)
    assert fast.wait(60)
    fast.shutdown()
    dest = tmp_path / "dest"
    dest.mkdir()
    (down,) = engine.download_objects(bucket, list(storage.iter_objects(bucket, "")), dest)
    wait_until(lambda: engine.get(down).done_bytes > 0)
    assert temp_files(dest)  # the download is really writing its temp file
    engine.cancel([down])
    assert engine.wait(30)
    assert states(engine, [down]) == {down: State.CANCELLED}
    assert temp_files(dest) == []
    assert list(dest.iterdir()) == []
    engine.shutdown()


@pytest.mark.parametrize("journal_file", [True, False])
def test_pause_and_resume_an_upload_keeps_its_parts(storage: MinioStorage, bucket: str,
                                                    tmp_path: Path, journal_file: bool) -> None:
    src = tmp_path / "big.bin"
    write_file(src, 30 * MiB)
    engine = make_engine(storage, tmp_path, journal=journal_file, bandwidth_limit=8 * MiB,
                         parts_per_file=1)
    (up,) = engine.upload_paths([src], bucket)
    wait_until(lambda: engine.get(up).done_bytes >= 10 * MiB)
    engine.pause([up])
    assert engine.wait(30)
    assert states(engine, [up]) == {up: State.PAUSED}
    (pending,) = storage.list_multipart_uploads(bucket)
    assert len(storage.list_parts(bucket, pending.key, pending.upload_id)) >= 2
    engine.options.bandwidth_limit = None
    engine.ctx.limiter = None
    engine.resume([up])
    assert engine.wait(60)
    assert states(engine, [up]) == {up: State.DONE}
    assert stored_crc64(storage, bucket, "big.bin") == crc64_of(src)
    assert storage.list_multipart_uploads(bucket) == []
    engine.shutdown()


@pytest.mark.parametrize("policy", [p for p in ConflictPolicy if p is not ConflictPolicy.ASK])
def test_conflict_policies_on_upload_and_download(storage: MinioStorage, bucket: str,
                                                  tmp_path: Path, policy: ConflictPolicy) -> None:
    src = tmp_path / "src" / "same.txt"
    src.parent.mkdir()
    src.write_bytes(b"local bytes")
    put_bytes(storage, bucket, "same.txt", b"remote bytes")
    engine = make_engine(storage, tmp_path, conflict=policy)
    engine.upload_paths([src], bucket)
    assert engine.wait(30)
    keys = sorted(o.key for o in storage.iter_objects(bucket, ""))
    expected_keys = {
        ConflictPolicy.OVERWRITE: ["same.txt"], ConflictPolicy.SKIP: ["same.txt"],
        ConflictPolicy.KEEP_BOTH: ["same (1).txt", "same.txt"],
        ConflictPolicy.SKIP_IF_IDENTICAL: ["same.txt"],
    }[policy]
    assert keys == expected_keys
    (up,) = engine.snapshot()
    assert up.error == {ConflictPolicy.SKIP: "Skipped: it already exists on the server."}.get(
        policy, "")  # different bytes: "skip if identical" uploads them
    body = storage.read_range(bucket, "same.txt", 0, 100)
    assert body == (b"remote bytes" if policy in (ConflictPolicy.SKIP, ConflictPolicy.KEEP_BOTH)
                    else b"local bytes")

    # Download the object onto the local file it came from.
    ids = engine.download_objects(bucket, [RemoteObject("same.txt", len(body), "")],
                                  src.parent)
    assert engine.wait(30)
    files = sorted(p.name for p in src.parent.iterdir())
    if policy is ConflictPolicy.KEEP_BOTH:
        assert files == ["same (1).txt", "same.txt"]
    else:
        assert files == ["same.txt"]
    if policy is ConflictPolicy.SKIP_IF_IDENTICAL:
        assert states(engine, ids) == {ids[0]: State.SKIPPED}  # same size and SHA-256
    engine.shutdown()


def test_incomplete_uploads_are_listed_and_aborted(storage: MinioStorage, bucket: str,
                                                   tmp_path: Path) -> None:
    upload_id = storage.create_multipart(bucket, "left/behind.bin", "application/x", {})
    storage.upload_part(bucket, "left/behind.bin", upload_id, 1, b"z" * (5 * MiB))
    engine = make_engine(storage, tmp_path)
    found = engine.incomplete_uploads(bucket)
    assert [(u.key, u.upload_id, u.size) for u in found] == [
        ("left/behind.bin", upload_id, 5 * MiB)]
    assert found[0].initiated is not None
    assert engine.abort_uploads(found) == 1
    assert engine.incomplete_uploads(bucket) == []
    engine.shutdown()


def test_damaged_download_fails_verification_and_keeps_the_old_file(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    storage.put_bytes(bucket, "bad.bin", b"real bytes", "application/octet-stream",
                      {SHA256_META: "0" * 64})
    dest = tmp_path / "dest"
    dest.mkdir()
    (dest / "bad.bin").write_bytes(b"old")
    engine = make_engine(storage, tmp_path, conflict=ConflictPolicy.OVERWRITE)
    ids = engine.download_objects(bucket, list(storage.iter_objects(bucket, "")), dest)
    assert engine.wait(30)
    assert states(engine, ids) == {ids[0]: State.FAILED}
    assert "SHA-256 does not match" in errors(engine)[0]
    assert (dest / "bad.bin").read_bytes() == b"old"
    assert temp_files(dest) == []
    engine.shutdown()


def test_disk_full_gives_a_clear_error_and_leaves_the_destination(
        storage: MinioStorage, bucket: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    import desktop_app.transfers.download as download_module

    put_bytes(storage, bucket, "f.bin", b"x" * 5000)
    dest = tmp_path / "dest"
    dest.mkdir()
    (dest / "f.bin").write_bytes(b"keep me")

    def full(*_args: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(download_module.os, "pwrite", full)
    engine = make_engine(storage, tmp_path, conflict=ConflictPolicy.OVERWRITE)
    ids = engine.download_objects(bucket, list(storage.iter_objects(bucket, "")), dest)
    assert engine.wait(30)
    assert states(engine, ids) == {ids[0]: State.FAILED}
    assert "disk is full" in errors(engine)[0]
    assert (dest / "f.bin").read_bytes() == b"keep me"
    assert temp_files(dest) == []
    engine.shutdown()


def test_resume_right_after_pause_never_runs_two_workers(storage: MinioStorage, bucket: str,
                                                         tmp_path: Path) -> None:
    src = tmp_path / "big.bin"
    write_file(src, 20 * MiB, seed=5)
    counter = CallCounter(storage, "create_multipart")
    engine = make_engine(counter, tmp_path, bandwidth_limit=16 * MiB)  # type: ignore[arg-type]
    (up,) = engine.upload_paths([src], bucket)
    wait_until(lambda: engine.get(up).done_bytes > 0)
    for _ in range(3):
        engine.pause([up])
        engine.resume([up])  # the first worker may still be unwinding
    assert engine.wait(60)
    assert states(engine, [up]) == {up: State.DONE}
    assert counter.calls == 1
    assert stored_crc64(storage, bucket, "big.bin") == crc64_of(src)
    assert storage.list_multipart_uploads(bucket) == []
    engine.shutdown()


class TouchingStorage:
    """The real storage; appends to the source file after the first part is sent."""

    def __init__(self, real: MinioStorage, path: Path) -> None:
        self.real = real
        self.path = path

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def upload_part(self, *args: object, **kw: object) -> str:
        etag = self.real.upload_part(*args, **kw)  # type: ignore[arg-type]
        with open(self.path, "ab") as handle:
            handle.write(b"more")
        return etag


def test_a_file_written_during_upload_is_not_completed(storage: MinioStorage, bucket: str,
                                                       tmp_path: Path) -> None:
    src = tmp_path / "growing.log"
    write_file(src, 11 * MiB)
    engine = make_engine(TouchingStorage(storage, src), tmp_path)  # type: ignore[arg-type]
    ids = engine.upload_paths([src], bucket)
    assert engine.wait(60)
    assert states(engine, ids) == {ids[0]: State.FAILED}
    assert "changed while it was being uploaded" in errors(engine)[0]
    assert storage.list_multipart_uploads(bucket) == []
    assert list(storage.iter_objects(bucket, "")) == []
    engine.shutdown()


class ConcurrencyProbe:
    """The real storage, recording how many requests run at once (overall and per key)."""

    def __init__(self, real: MinioStorage) -> None:
        import threading

        self.real = real
        self.lock = threading.Lock()
        self.now = 0
        self.peak = 0
        self.per_key: dict[str, int] = {}
        self.peak_per_key = 0

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def _track(self, key: str, call: object) -> str:
        import time

        with self.lock:
            self.now += 1
            self.per_key[key] = self.per_key.get(key, 0) + 1
            self.peak = max(self.peak, self.now)
            self.peak_per_key = max(self.peak_per_key, self.per_key[key])
        try:
            time.sleep(0.02)  # widen the window so overlaps are seen
            return call()  # type: ignore[operator,no-any-return]
        finally:
            with self.lock:
                self.now -= 1
                self.per_key[key] -= 1

    def put_bytes(self, bucket: str, key: str, *rest: object, **kw: object) -> str:
        return self._track(key, lambda: self.real.put_bytes(bucket, key, *rest, **kw))  # type: ignore[arg-type]

    def upload_part(self, bucket: str, key: str, *rest: object, **kw: object) -> str:
        return self._track(key, lambda: self.real.upload_part(bucket, key, *rest, **kw))  # type: ignore[arg-type]


def test_files_and_parts_stay_within_their_limits(storage: MinioStorage, bucket: str,
                                                  tmp_path: Path) -> None:
    src = tmp_path / "src"
    for n in range(12):
        write_file(src / f"small{n}.bin", 1000, seed=n)
    for n in range(3):
        write_file(src / f"big{n}.bin", 16 * MiB, seed=n)  # four 5 MiB parts each
    probe = ConcurrencyProbe(storage)
    engine = make_engine(probe, tmp_path, files_at_once=3, parts_per_file=2,  # type: ignore[arg-type]
                         part_workers=4)
    ids = engine.upload_paths(sorted(src.iterdir()), bucket)
    assert engine.wait(120)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    assert 1 < probe.peak <= 3 + 4  # file workers + part workers, never more
    assert probe.peak_per_key <= 2  # parts of one file at once
    engine.shutdown()


def test_a_one_get_download_is_written_out_while_it_arrives(
        storage: MinioStorage, bucket: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Below the range size a download is one GET with no front: it starts the writeback
    itself, so the fsync before the rename is not left the whole file to write."""
    from desktop_app.transfers import writeback

    body = bytes(range(256)) * (40 * 1024)  # 10 MiB
    put_bytes(storage, bucket, "one-get.bin", body)
    started: list[tuple[int, int]] = []
    real = writeback.start_writeback

    def recording(fd: int, start: int, end: int) -> bool:
        started.append((start, end))
        return real(fd, start, end)

    monkeypatch.setattr(writeback, "start_writeback", recording)
    engine = make_engine(storage, tmp_path, download_part_size=16 * MiB)
    (tmp_path / "dest").mkdir()
    ids = engine.download_objects(bucket, [RemoteObject("one-get.bin", len(body), "")],
                                  tmp_path / "dest")
    assert engine.wait(60)
    assert states(engine, ids) == {ids[0]: State.DONE}, errors(engine)
    assert (tmp_path / "dest" / "one-get.bin").read_bytes() == body
    assert started == [(0, 4 * MiB), (4 * MiB, 8 * MiB)]
    engine.shutdown()


def test_a_big_selection_starts_before_all_of_it_is_queued(
        storage: MinioStorage, bucket: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Queued in steps (100, then 400, ...): the first files are handed out while the rest
    are still being queued, and the ids still come back whole and in order."""
    from desktop_app.transfers import engine as engine_module

    put_bytes(storage, bucket, "many/0.txt", b"zero")
    engine = make_engine(storage, tmp_path)
    queued_at_submit: list[int] = []
    real_submit = engine._submit

    def submit(transfer: object) -> None:
        queued_at_submit.append(len(engine._order))
        real_submit(transfer)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "_submit", submit)
    objects = [RemoteObject(f"many/{n}.txt", 4, "") for n in range(1200)]
    (tmp_path / "dest").mkdir()
    ids = engine.download_objects(bucket, objects, tmp_path / "dest", "many/")
    assert engine.wait(120)
    assert queued_at_submit[0] == engine_module.FIRST_STEP < len(objects)
    assert ids == [view.id for view in engine.snapshot()]
    assert [view.key for view in engine.snapshot()] == [o.key for o in objects]
    assert (tmp_path / "dest" / "0.txt").read_bytes() == b"zero"
    engine.shutdown()
