"""Write a download's bytes into its file cheaply, and start writing them to disk while the
download is still arriving (Linux).

`write_at` / `write_all` hand the kernel at most `WRITE_SLICE` bytes per call. Measured on
this project's test machine (Linux 6.18, ext4, a VM), a 1 GiB download spent 3.2-5.4 CPU
seconds when each 1 MiB received was written with one `pwrite`, and 1.0-1.1 s when the same
bytes went in 64 KiB calls (four interleaved pairs; a plain pwrite loop of 256 MiB: 0.08-0.10 s
of system time in 64 KiB calls, 0.10-1.05 s in 1 MiB calls). Nearly all of the difference was
the kernel copying into new page-cache pages (`copy_folio_from_iter_atomic`): the page cache
sizes its new folios by the length of the write, and big ones come from the large free blocks
that, on a VM, the host may have taken back, so every first touch waits for it. s5cmd writes
32 KiB at a time. A few calls per MiB cost far less than that on any machine. Measured
again a day later, 128 KiB calls had a 4-9 % lower median CPU than 64 KiB ones in three
series of alternated runs (rclone writes 128 KiB too): a 1 GiB download 1.16-1.38 CPU s against
1.20-1.64 over seven pairs, 100 x 10 MiB 1.59-1.65 against 1.59-2.04 over three; 256 KiB
calls came between (1.23-1.47). Every call takes the file's lock, which the range workers
of one file contend for.

The download must be fsynced before its rename; left alone, the kernel writes nothing until
that fsync, which then waits for the whole file (about a third of a second per 512 MiB
here). `sync_file_range(SYNC_FILE_RANGE_WRITE)` queues the finished front of the file for
writing without waiting, so the closing fsync has little left to do. Elsewhere, and when
the call is missing, nothing happens and the fsync does all the work as before.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Callable

SYNC_FILE_RANGE_WRITE = 2
MIN_STEP = 8 * 1024 * 1024  # smaller steps cost more calls than they save
WRITE_SLICE = 128 * 1024  # bytes per write call (see the module docstring)
# A one-GET download's writeback step. 100 x 10 MiB on 2 cores, three alternated series:
# 1.01-1.23 s without it, 1.02-1.04 s with 4 MiB steps, 0.92-1.09 s with 2 MiB steps.
STREAM_STEP = 4 * 1024 * 1024


class Writeback:
    """Start the kernel writing a file filled front to back, every `step` bytes as they
    come in, so the fsync before its rename finds little left to write (see the module
    docstring). For the one-GET downloads, which have no `DownloadFront` doing it."""

    def __init__(self, fd: int, start: int = 0, step: int = STREAM_STEP) -> None:
        self._fd = fd
        self._from = start
        self._step = step

    def wrote(self, end: int) -> None:
        """Bytes up to `end` are written."""
        if end - self._from >= self._step:
            start_writeback(self._fd, self._from, end)
            self._from = end


def write_at(fd: int, data: bytes | bytearray | memoryview, pos: int) -> None:
    """Write all of `data` into `fd` at offset `pos`, at most `WRITE_SLICE` bytes a call."""
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view[:WRITE_SLICE], pos)
        view, pos = view[written:], pos + written


def write_all(fd: int, data: bytes | bytearray | memoryview) -> None:
    """Write all of `data` at `fd`'s position, at most `WRITE_SLICE` bytes a call."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view[:WRITE_SLICE]):]


def _load() -> Callable[[int, int, int, int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        call = libc.sync_file_range
    except (OSError, AttributeError):
        return None
    call.argtypes = [ctypes.c_int, ctypes.c_longlong, ctypes.c_longlong, ctypes.c_uint]
    call.restype = ctypes.c_int
    return call


_sync_file_range = _load()


def _load_syncfs() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        call = libc.syncfs
    except (OSError, AttributeError):
        return None
    call.argtypes = [ctypes.c_int]
    call.restype = ctypes.c_int
    return call


_syncfs = _load_syncfs()


def sync_filesystem(fd: int) -> bool:
    """Flush everything written to the filesystem that holds `fd` (Linux `syncfs`), waiting
    for it: one flush for a group of small files instead of an fsync each. False when the
    call is missing or failed (then nothing is promised: fsync each file instead)."""
    return _syncfs is not None and _syncfs(fd) == 0


def start_writeback(fd: int, start: int, end: int) -> bool:
    """Queue bytes [start, end) of `fd` for writing; True when the kernel took the hint."""
    if _sync_file_range is None or end <= start:
        return False
    return _sync_file_range(fd, start, end - start, SYNC_FILE_RANGE_WRITE) == 0


def writeback_available() -> bool:
    return _sync_file_range is not None
