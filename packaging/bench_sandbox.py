"""What the listing and statistics benchmarks share: a real SeaweedFS server (the app's
sandbox launcher) with the benchmark's bucket made, prefixes filled with many tiny objects
(kept and reused when a kept data folder has them already), and a measurement run in a child
process of the benchmark's own script (clean RSS) on the same connection."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.sandbox import SandboxServer


@contextmanager
def sandbox(data: Path, bucket: str) -> Iterator[tuple[ConnectionSettings, MinioStorage]]:
    """A started server keeping its data in `data`, and a storage on it with `bucket` made;
    both are stopped on the way out."""
    server = SandboxServer(data)
    settings = server.start()
    storage = MinioStorage(settings, pool_size=64)
    try:
        print(f"SeaweedFS at {settings.url}, data in {data}", flush=True)
        if bucket not in {b.name for b in storage.list_buckets()}:
            storage.make_bucket(bucket)
        yield settings, storage
    finally:
        storage.close()
        server.stop()


def fill(storage: MinioStorage, bucket: str, prefix: str, size: int, threads: int,
         object_for: Callable[[int], tuple[str, bytes]]) -> None:
    """`size` objects below `prefix`, the i-th being `object_for(i)` (key, body); nothing is
    written when the prefix holds that many already."""
    present = sum(len(p.objects) for p in storage.iter_listing(bucket, prefix))
    if present >= size:
        return
    started = time.perf_counter()

    def put(i: int) -> None:
        key, data = object_for(i)
        storage.put_stream(bucket, key, io.BytesIO(data), len(data))

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(put, range(size)))
    took = time.perf_counter() - started
    print(f"  filled {size:,} objects in {took:.0f} s ({size / took:,.0f} puts/s)", flush=True)


def run_child(script: str, flag: str, prefix: str, settings: ConnectionSettings,
              timeout: int) -> dict[str, Any]:
    """`script flag prefix` in a child process, given the connection on stdin; the JSON its
    last line prints."""
    fields = {
        "name": settings.name, "host": settings.host, "port": settings.port,
        "secure": settings.secure, "access_key": settings.access_key,
        "secret_key": settings.secret_key, "region": settings.region,
    }
    done = subprocess.run(  # noqa: S603 - our own script
        [sys.executable, script, flag, prefix],
        input=json.dumps(fields).encode(), capture_output=True, check=True, timeout=timeout,
    )
    result: dict[str, Any] = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return result
