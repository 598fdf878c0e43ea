"""Engine settings with sensible defaults, and the part-size rule.

Defaults keep (files at once + part workers) within the adapter's 32-connection HTTP pool.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum

from desktop_app.transfers.retry import RetryPolicy

MiB = 1024 * 1024
MIN_PART_SIZE = 5 * MiB  # S3's minimum for every part but the last
MAX_PART_SIZE = 5 * 1024 * MiB
MAX_PARTS = 10_000


class ConflictPolicy(Enum):
    """What to do when the destination already exists."""

    OVERWRITE = "overwrite"
    SKIP = "skip"
    KEEP_BOTH = "keep-both"
    SKIP_IF_IDENTICAL = "skip-if-identical"  # same size and SHA-256, else overwrite
    ASK = "ask"  # the engine's resolver asks the user (with "apply to all" per batch)


@dataclass
class TransferOptions:
    files_at_once: int = 16
    parts_per_file: int = 4
    part_workers: int = 16
    multipart_threshold: int = 16 * MiB
    part_size: int = 8 * MiB  # uploads
    # One GET per file up to this size (checked inline); bigger files in ranges this long.
    # 32 MiB ranges cost the server 2.2 CPU-s per GiB served against 2.6 for 16 MiB ones
    # (one ranged GET each; s5cmd asks 50 MiB), and our side a little less too.
    download_part_size: int = 32 * MiB
    memory_budget: int = 96 * MiB  # upload bytes held in memory at once, all workers
    # Small downloads and uploads on asyncio threads (one per direction), each with
    # 4 x files_at_once requests in flight; files up to small_max take them.
    small_lane: bool = True
    small_max: int = 1 * MiB
    resume_step: int = 64 * MiB  # a big download's saved front is journalled this often,
    resume_interval_s: float = 2.0  # but no more often than this (each time costs a flush)
    chunk_size: int = 1 * MiB  # download read size, and the bandwidth accounting unit
    conflict: ConflictPolicy = ConflictPolicy.KEEP_BOTH
    bandwidth_limit: float | None = None  # bytes per second for the whole engine
    follow_symlinks: bool = False
    worker_niceness: int = 0  # >0 lowers the OS priority of transfer threads (Linux)
    server_probe_s: float = 2.0  # in an outage, how often to look whether the server is back
    retry: RetryPolicy = field(default_factory=RetryPolicy)


def part_size_for(size: int, preferred: int) -> int:
    """`preferred`, grown (in whole MiB) just enough that `size` fits in 10,000 parts."""
    needed = math.ceil(size / MAX_PARTS) if size else 0
    chosen = max(preferred, MIN_PART_SIZE, needed)
    chosen = math.ceil(chosen / MiB) * MiB
    return min(chosen, MAX_PART_SIZE)


def part_ranges(size: int, part_size: int) -> list[tuple[int, int, int]]:
    """(part number from 1, offset, length) covering `size` bytes."""
    count = max(1, math.ceil(size / part_size))
    return [
        (n + 1, n * part_size, min(part_size, size - n * part_size)) for n in range(count)
    ]
