"""How downloads reach the disk: in small write slices (see `transfers.writeback`), every
byte where it belongs; small files made durable a group at a time (`partial.commit_group`),
never renamed into place before their bytes are flushed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.transfers import partial, writeback
from desktop_app.transfers.partial import commit_group, temp_files, write_unsynced
from desktop_app.transfers.writeback import WRITE_SLICE, write_all, write_at


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of every write the module makes, with short writes now and then (a write
    may take fewer bytes than offered)."""
    seen: list[int] = []
    real_pwrite, real_write = os.pwrite, os.write

    def short(data: memoryview) -> memoryview:
        return data[: max(1, len(data) - 7)] if len(seen) % 3 == 1 else data

    def pwrite(fd: int, data: memoryview, pos: int) -> int:
        seen.append(len(data))
        return real_pwrite(fd, short(data), pos)

    def write(fd: int, data: memoryview) -> int:
        seen.append(len(data))
        return real_write(fd, short(data))

    monkeypatch.setattr(os, "pwrite", pwrite)
    monkeypatch.setattr(os, "write", write)
    return seen


def test_write_at_puts_every_byte_at_its_offset_in_slices(tmp_path: Path,
                                                          calls: list[int]) -> None:
    data = os.urandom(3 * WRITE_SLICE + 12345)
    fd = os.open(tmp_path / "f", os.O_RDWR | os.O_CREAT)
    try:
        write_at(fd, b"head", 0)
        write_at(fd, memoryview(bytearray(data)), 4)
        assert os.pread(fd, len(data) + 10, 0) == b"head" + data
    finally:
        os.close(fd)
    assert max(calls) == WRITE_SLICE
    assert len(calls) > 4  # sliced, and the short writes were continued


def test_write_all_writes_the_whole_body_in_slices(tmp_path: Path, calls: list[int]) -> None:
    data = os.urandom(2 * WRITE_SLICE + 1)
    fd = os.open(tmp_path / "f", os.O_RDWR | os.O_CREAT)
    try:
        write_all(fd, data)
        write_all(fd, b"")
    finally:
        os.close(fd)
    assert (tmp_path / "f").read_bytes() == data
    assert max(calls) == WRITE_SLICE


@pytest.fixture
def fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    seen: list[int] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        seen.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return seen


def _fill(data: bytes):  # type: ignore[no-untyped-def]
    return lambda fd: write_all(fd, data)


@pytest.mark.parametrize("syncfs", [True, False])
def test_a_group_is_flushed_once_then_renamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              fsyncs: list[int], syncfs: bool) -> None:
    flushes: list[int] = []
    folder = os.open(tmp_path, os.O_RDONLY)
    try:
        works = writeback.sync_filesystem(folder)  # Linux: syncfs
    finally:
        os.close(folder)

    def sync_filesystem(fd: int) -> bool:
        flushes.append(fd)
        # Nothing is renamed into place before the flush.
        assert not (tmp_path / "f0").exists()
        assert (tmp_path / "f1").read_bytes() == b"old"
        return syncfs and writeback.sync_filesystem(fd)

    monkeypatch.setattr(partial, "sync_filesystem", sync_filesystem)
    (tmp_path / "f1").write_bytes(b"old")  # replaced, as a single commit would
    entries = [(write_unsynced(tmp_path / f"f{n}", _fill(bytes([n]) * 1000)), tmp_path / f"f{n}")
               for n in range(3)]
    assert len(temp_files(tmp_path)) == 3
    assert commit_group(entries) == [None, None, None]
    assert [(tmp_path / f"f{n}").read_bytes() for n in range(3)] == [
        bytes([n]) * 1000 for n in range(3)]
    assert temp_files(tmp_path) == []
    assert len(flushes) == 1
    # With syncfs the files need no fsync each; without it (or when it fails) each gets one.
    assert len(fsyncs) == (0 if syncfs and works else 3)


def test_a_file_that_cannot_be_renamed_is_removed_and_the_rest_go_on(
        tmp_path: Path, fsyncs: list[int]) -> None:
    (tmp_path / "taken").mkdir()  # a folder in the way: the rename fails
    entries = [(write_unsynced(tmp_path / name, _fill(b"x")), tmp_path / name)
               for name in ("a", "taken", "b")]
    errors = commit_group(entries)
    assert errors[0] is None
    assert errors[2] is None
    assert isinstance(errors[1], OSError)
    assert (tmp_path / "taken").is_dir()
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes() == b"x"
    assert temp_files(tmp_path) == []
    assert commit_group([]) == []


def test_a_temp_file_that_fails_to_fill_is_removed(tmp_path: Path) -> None:
    def fill(fd: int) -> None:
        os.write(fd, b"partial")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_unsynced(tmp_path / "f", fill)
    assert list(tmp_path.iterdir()) == []
