"""Downloads write in small slices (see `transfers.writeback`): every byte lands where it
belongs, and no single write call is larger than a slice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.transfers import writeback
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

    monkeypatch.setattr(writeback.os, "pwrite", pwrite)
    monkeypatch.setattr(writeback.os, "write", write)
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
