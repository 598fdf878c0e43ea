"""Bucket benchmark: time to empty and delete a versioned bucket of 10,000 objects.

Starts a fresh SeaweedFS server (the app's own sandbox launcher), creates a versioned bucket,
fills it (every tenth object gets a second version, every twentieth a delete marker, plus one
unfinished multipart upload), then times `bucket_usage`, `empty_bucket` and `delete_bucket`
as the app's "Empty and delete" runs them. Figures, not asserts.

    make bench-buckets              # or: .venv/bin/python packaging/bench_buckets.py
    BENCH_ARGS="--objects 2000" make bench-buckets
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.sandbox import SandboxServer

BUCKET = "bench-empty"


def fill(storage: MinioStorage, count: int, threads: int) -> None:
    def put(n: int) -> None:
        storage.put_stream(BUCKET, f"dir{n % 10}/object-{n:06d}.dat", io.BytesIO(b"x"), 1)

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(put, range(count)))
        list(pool.map(put, range(0, count, 10)))  # second versions
        list(pool.map(lambda n: storage.delete(BUCKET, f"dir{n % 10}/object-{n:06d}.dat"),
                      range(5, count, 20)))  # delete markers
    storage.create_multipart(BUCKET, "unfinished.bin", "application/octet-stream", {})
    print(f"  filled in {time.perf_counter() - started:.1f} s", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=32, help="fill threads")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="bench-buckets-"))
    server = SandboxServer(data)
    settings = server.start()
    storage = MinioStorage(settings)
    try:
        print(f"SeaweedFS at {settings.url}, data in {data}", flush=True)
        storage.make_bucket(BUCKET, versioning=True)
        fill(storage, args.objects, args.threads)
        started = time.perf_counter()
        usage = storage.bucket_usage(BUCKET)
        counted = time.perf_counter()
        report = storage.empty_bucket(BUCKET)
        emptied = time.perf_counter()
        storage.delete_bucket(BUCKET)
        done = time.perf_counter()
        if not report.finished or BUCKET in {b.name for b in storage.list_buckets()}:
            print(f"  warning: not finished: {report}")
        print(f"\n== versioned bucket: {usage.objects:,} objects, {usage.versions:,} versions "
              f"({usage.delete_markers:,} delete markers), {usage.uploads} unfinished upload")
        print(f"  count (bucket_usage)      : {counted - started:6.2f} s")
        print(f"  empty (empty_bucket)      : {emptied - counted:6.2f} s "
              f"({report.removed / (emptied - counted):,.0f} versions/s)")
        print(f"  delete (delete_bucket)    : {done - emptied:6.2f} s")
        print(f"  empty and delete          : {done - counted:6.2f} s")
        print(f"  with the count first      : {done - started:6.2f} s")
    finally:
        storage.close()
        server.stop()
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
