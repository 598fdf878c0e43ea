"""Keep part-sized buffers out of the heap so memory goes back to the system after each part.

glibc serves big allocations with mmap, but after such a block is freed it raises its mmap
threshold (up to 32 MiB), so later 8-16 MiB part and file buffers come from the heap and
their pages stay resident. Measured with 60 files of 10 MiB uploaded: RSS growth +220 MB with
the dynamic threshold, +100 MB with a fixed 1 MiB threshold. Linux/glibc only; elsewhere
nothing happens.
"""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3
THRESHOLD = 1024 * 1024
_done = False


def fix_mmap_threshold() -> bool:
    """Pin glibc's mmap threshold (once per process); True when it was set."""
    global _done
    if _done or not sys.platform.startswith("linux"):
        return _done
    try:
        libc = ctypes.CDLL("libc.so.6")
        _done = bool(libc.mallopt(M_MMAP_THRESHOLD, THRESHOLD))
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        _done = False
    return _done
