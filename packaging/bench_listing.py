"""Listing benchmark: our listing path vs `rclone lsf -R --fast-list` vs plain minio-py.

Starts a real SeaweedFS server (the app's own sandbox launcher), fills one flat prefix of
20k and one of 100k tiny objects, then runs the tools interleaved (A B C A B C ...) and
prints medians and ratios. The file table is measured in a child process each (clean RSS):
time to the first 1000 rows, full load, the longest gap of a 10 ms heartbeat timer on the
GUI thread while the table fills, and RSS growth per 100k rows (from the first 1000 rows
to the end, so start-up costs are not counted). Figures, not asserts.

    make bench-list                     # or: .venv/bin/python packaging/bench_listing.py
    BENCH_ARGS="--sizes 20000 --rounds 5 --data /tmp/bench" make bench-list
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench_sandbox

from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage

BUCKET = "bench-listing"


def prefix_for(size: int) -> str:
    return f"flat{size // 1000}k/"


def fill(storage: MinioStorage, size: int, threads: int) -> None:
    prefix = prefix_for(size)
    bench_sandbox.fill(storage, BUCKET, prefix, size, threads,
                       lambda i: (f"{prefix}object-{i:07d}.dat", b"x"))


# -- the contenders --------------------------------------------------------------------------
def ours_pages(storage: MinioStorage, prefix: str) -> int:
    """What the table does: `list_page` after `list_page` (1000 rows each)."""
    count, start = 0, None
    while True:
        page = storage.list_page(BUCKET, prefix, start, 1000)
        count += len(page.objects) + len(page.folders)
        if page.next_start_after is None:
            return count
        start = page.next_start_after


def ours_stream(storage: MinioStorage, prefix: str) -> int:
    """What search uses: `iter_listing`, one request ahead while parsing."""
    return sum(len(p.objects) for p in storage.iter_listing(BUCKET, prefix, recursive=False))


def minio_py(settings: ConnectionSettings, prefix: str) -> int:
    from minio import Minio  # the baseline, on purpose through the plain SDK

    client = Minio(endpoint=settings.endpoint, access_key=settings.access_key,
                   secret_key=settings.secret_key, secure=False, region=settings.region)
    return sum(1 for _ in client.list_objects(bucket_name=BUCKET, prefix=prefix,
                                              recursive=True))


def rclone(settings: ConnectionSettings, prefix: str, home: Path) -> int:
    binary = Path(sys.executable).parent / "rclone"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "MINIO_"))}
    env.update({
        "HOME": str(home), "RCLONE_CONFIG": str(home / "rclone.conf"),
        "RCLONE_CONFIG_BENCH_TYPE": "s3", "RCLONE_CONFIG_BENCH_PROVIDER": "Other",
        "RCLONE_CONFIG_BENCH_ENV_AUTH": "false",
        "RCLONE_CONFIG_BENCH_ACCESS_KEY_ID": settings.access_key,
        "RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY": settings.secret_key,
        "RCLONE_CONFIG_BENCH_ENDPOINT": f"http://{settings.endpoint}",
        "RCLONE_CONFIG_BENCH_REGION": settings.region or "us-east-1",
        "RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE": "true",
    })
    done = subprocess.run(  # noqa: S603 - fixed argv
        [str(binary), "lsf", "-R", "--fast-list", f"bench:{BUCKET}/{prefix}"],
        env=env, capture_output=True, check=True,
    )
    return done.stdout.count(b"\n")


# -- the table, in a child process -----------------------------------------------------------
def table_child(settings_json: str, prefix: str) -> None:
    """Load `prefix` into the real table model and view; print figures as JSON."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import gc

    import psutil
    from PySide6.QtCore import QEventLoop, QModelIndex, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.browse.object_table import ObjectTable, ObjectTableModel
    from desktop_app.ui.shell.tasks import TaskRunner

    settings = ConnectionSettings(**json.loads(settings_json))
    app = QApplication([])
    storage = MinioStorage(settings)
    storage.list_page(BUCKET, prefix, None, 1)  # warm the connection and region cache
    runner = TaskRunner()
    model = ObjectTableModel(runner)
    view = ObjectTable(model)
    view.resize(1100, 700)
    view.show()
    model.set_storage(storage)
    app.processEvents()
    process = psutil.Process()
    rss_at_1000: list[int] = []  # fixed costs (threads, imports, first paint) are paid by then
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    first_1000: list[float] = []

    def inserted(_parent: QModelIndex, _first: int, _last: int) -> None:
        if not first_1000 and model.rowCount() >= 1000:
            first_1000.append(time.perf_counter())
            rss_at_1000.append(process.memory_info().rss)

    model.rowsInserted.connect(inserted)
    heartbeat.start()
    app.processEvents()
    beats.append(time.perf_counter())
    loop = QEventLoop()  # a real event loop, as in the app (not a busy processEvents loop)
    done = QTimer()
    done.setInterval(5)
    done.timeout.connect(lambda: loop.quit() if model.complete else None)
    done.start()
    started = time.perf_counter()
    model.set_location(BUCKET, prefix)
    loop.exec()
    finished = time.perf_counter()
    done.stop()
    heartbeat.stop()
    rows = model.rowCount()
    gc.collect()
    rss_after = process.memory_info().rss
    gaps = [b - a for a, b in pairwise(beats)]
    print(json.dumps({
        "rows": rows, "seconds": finished - started,
        "first_1000_ms": (first_1000[0] - started) * 1000 if first_1000 else None,
        "max_gap_ms": max(gaps) * 1000 if gaps else None,
        "rss_mb_per_100k": (rss_after - rss_at_1000[0]) / 1e6 * 100_000 / max(rows - 1000, 1),
    }))
    runner.shutdown()
    storage.close()


def run_table(settings: ConnectionSettings, prefix: str) -> dict[str, float]:
    return bench_sandbox.run_child(__file__, "--table-child", prefix, settings, timeout=900)


# -- main ------------------------------------------------------------------------------------
def timed(fn: Callable[[], int]) -> tuple[float, int]:
    started = time.perf_counter()
    count = fn()
    return time.perf_counter() - started, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,100000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=48, help="fill threads")
    parser.add_argument("--data", type=Path, help="server data dir to keep (reused if filled)")
    parser.add_argument("--table-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.table_child:
        table_child(sys.stdin.read(), args.table_child)
        return 0

    sizes = [int(s) for s in args.sizes.split(",")]
    data = args.data or Path(tempfile.mkdtemp(prefix="bench-listing-"))
    data.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="bench-home-"))
    try:
        with bench_sandbox.sandbox(data, BUCKET) as (settings, storage):
            for size in sizes:
                fill(storage, size, args.threads)
            for size in sizes:
                report(size, settings, storage, home, args.rounds)
    finally:
        shutil.rmtree(home, ignore_errors=True)
        if args.data is None:
            shutil.rmtree(data, ignore_errors=True)
    return 0


def report(size: int, settings: ConnectionSettings, storage: MinioStorage, home: Path,
           rounds: int) -> None:
    prefix = prefix_for(size)
    contenders: dict[str, Callable[[], int]] = {
        "ours (list_page)": lambda: ours_pages(storage, prefix),
        "ours (stream)": lambda: ours_stream(storage, prefix),
        "rclone lsf -R --fast-list": lambda: rclone(settings, prefix, home),
        "minio-py list_objects": lambda: minio_py(settings, prefix),
    }
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for name, fn in contenders.items():  # warm-up, not counted
        count = fn()
        if count != size:
            print(f"  warning: {name} listed {count:,} objects, expected {size:,}")
    for _ in range(rounds):
        for name, fn in contenders.items():
            seconds, _count = timed(fn)
            times[name].append(seconds)
    print(f"\n== {size:,} objects in one flat prefix, median of {rounds} interleaved rounds")
    rate = {name: size / statistics.median(t) for name, t in times.items()}
    rclone_rate = rate["rclone lsf -R --fast-list"]
    for name, value in rate.items():
        print(f"  {name:28s} {value:10,.0f} objects/s   x{value / rclone_rate:5.2f} of rclone")
    table = [run_table(settings, prefix) for _ in range(rounds)]
    med = {k: statistics.median(float(t[k] or 0) for t in table) for k in table[0]}
    print(f"  {'table model (full load)':28s} {size / med['seconds']:10,.0f} objects/s   "
          f"x{size / med['seconds'] / rclone_rate:5.2f} of rclone")
    print(f"  first 1000 rows in the table : {med['first_1000_ms']:.0f} ms")
    print(f"  longest GUI heartbeat gap    : {med['max_gap_ms']:.0f} ms (10 ms timer)")
    print(f"  RSS growth                   : {med['rss_mb_per_100k']:.1f} MB per 100k rows")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
