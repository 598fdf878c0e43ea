"""Statistics benchmark: a statistics scan vs our own streaming listing on a real server.

Starts a real SeaweedFS server (the app's sandbox launcher), fills one prefix per size with
tiny objects of mixed extensions in a few folders, then prints, per size: objects/s of the
statistics scan and of `iter_listing` (interleaved rounds, medians; target >= 0.9x), the time
to the first progress report, and the peak of memory the scan allocates (tracemalloc, in a
child process each) with the growth from one size to the next extrapolated to 1M objects
(target < 30 MB). Figures, not asserts.

    make bench-stats                   # or: .venv/bin/python packaging/bench_stats.py
    BENCH_ARGS="--sizes 100000,300000 --rounds 3 --data /tmp/bench" make bench-stats
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench_sandbox

from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.stats_scan import ScanProgress, scan

BUCKET = "bench-stats"
EXTENSIONS = ("jpg", "png", "pdf", "csv", "mp3", "mp4", "zip", "py", "txt", "bin", "dat", "")


def prefix_for(size: int) -> str:
    return f"stats{size // 1000}k/"


def key_for(prefix: str, i: int) -> str:
    ext = EXTENSIONS[i % len(EXTENSIONS)]
    return f"{prefix}folder-{i % 37:02d}/object-{i:07d}" + (f".{ext}" if ext else "")


def fill(storage: MinioStorage, size: int, threads: int) -> None:
    prefix = prefix_for(size)
    bench_sandbox.fill(storage, BUCKET, prefix, size, threads,
                       lambda i: (key_for(prefix, i), b"x" * (1 + i % 97)))


def listing(storage: MinioStorage, prefix: str) -> int:
    """Our own streaming listing, all depths: what the scan is measured against."""
    return sum(len(p.objects) for p in storage.iter_listing(BUCKET, prefix))


def statistics_scan(storage: MinioStorage, prefix: str) -> tuple[int, float]:
    """Objects counted, and seconds to the first progress report (the first figures)."""
    started = time.perf_counter()
    first: list[float] = []

    def progress(_step: ScanProgress) -> None:
        if not first:
            first.append(time.perf_counter() - started)

    stats = scan(storage, BUCKET, prefix, progress, versioned=False)
    return stats.objects.count, first[0]


# -- memory, in a child process --------------------------------------------------------------
def memory_child(settings_json: str, prefix: str) -> None:
    """Peak bytes the scan allocates (tracemalloc, started after the connection is warm),
    and before that the growth of the process's peak RSS over a plain scan."""
    import resource
    import tracemalloc

    storage = MinioStorage(ConnectionSettings(**json.loads(settings_json)))
    storage.list_page(BUCKET, prefix, None, 1)
    scan(storage, BUCKET, f"{prefix}folder-00/", versioned=False)  # imports, caches, pools
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    scan(storage, BUCKET, prefix, versioned=False)
    rss_growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) * 1024
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    stats = scan(storage, BUCKET, prefix, versioned=False)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(json.dumps({"objects": stats.objects.count, "peak_bytes": peak - base,
                      "rss_growth": rss_growth}))
    storage.close()


def run_memory(settings: ConnectionSettings, prefix: str) -> dict[str, int]:
    return bench_sandbox.run_child(__file__, "--memory-child", prefix, settings, timeout=1800)


# -- main ------------------------------------------------------------------------------------
def report(size: int, storage: MinioStorage, rounds: int) -> tuple[float, float]:
    """Print one size's figures; return (scan objects/s, listing objects/s)."""
    prefix = prefix_for(size)
    counted = listing(storage, prefix), statistics_scan(storage, prefix)[0]  # warm-up
    if counted != (size, size):
        print(f"  warning: listed {counted[0]:,} and counted {counted[1]:,}, expected {size:,}")
    list_times: list[float] = []
    scan_times: list[float] = []
    firsts: list[float] = []
    for _ in range(rounds):
        started = time.perf_counter()
        listing(storage, prefix)
        list_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        _count, first = statistics_scan(storage, prefix)
        scan_times.append(time.perf_counter() - started)
        firsts.append(first)
    list_rate = size / statistics.median(list_times)
    scan_rate = size / statistics.median(scan_times)
    print(f"\n== {size:,} objects below one prefix (37 folders), median of {rounds} rounds")
    print(f"  our listing (iter_listing)    {list_rate:10,.0f} objects/s")
    print(f"  statistics scan               {scan_rate:10,.0f} objects/s   "
          f"x{scan_rate / list_rate:4.2f} of the listing (target >= 0.90)")
    print(f"  first result (first page)     {statistics.median(firsts) * 1000:10.0f} ms")
    sys.stdout.flush()
    return scan_rate, list_rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,300000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=48, help="fill threads")
    parser.add_argument("--data", type=Path, help="server data dir to keep (reused if filled)")
    parser.add_argument("--memory-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(sys.stdin.read(), args.memory_child)
        return 0

    sizes = sorted(int(s) for s in args.sizes.split(","))
    data = args.data or Path(tempfile.mkdtemp(prefix="bench-stats-"))
    data.mkdir(parents=True, exist_ok=True)
    try:
        with bench_sandbox.sandbox(data, BUCKET) as (settings, storage):
            for size in sizes:
                fill(storage, size, args.threads)
            for size in sizes:
                report(size, storage, args.rounds)
            print("\n== memory the scan allocates (tracemalloc peak; peak RSS growth over a scan "
                  "without tracemalloc; child process each)")
            measured = {size: run_memory(settings, prefix_for(size)) for size in sizes}
            peaks = {size: m["peak_bytes"] for size, m in measured.items()}
            for size, figures in measured.items():
                print(f"  {size:>9,} objects            {figures['peak_bytes'] / 1e6:8.1f} MB peak "
                      f"(peak RSS grew {figures['rss_growth'] / 1e6:.1f} MB)")
            if len(sizes) >= 2:
                small, large = sizes[0], sizes[-1]
                slope = (peaks[large] - peaks[small]) / (large - small)
                at_million = peaks[large] + slope * (1_000_000 - large)
                print(f"  growth {slope * 100_000 / 1e6:+.2f} MB per 100k objects; "
                      f"extrapolated to 1M objects: {at_million / 1e6:.1f} MB (target < 30)")
    finally:
        if args.data is None:
            shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
