"""CSV validation benchmark: a generated 200 MB CSV validated streamed from disk and from a
real SeaweedFS server, printing rows/s (by the clock and per CPU second, steadier on a busy
machine) and the peak memory growth (figures, not asserts).

Each validation runs in a child process that reports its resident memory after imports and its
peak (VmHWM) after the pass, so the growth is what validation itself needs; a second local child
measures the Python heap peak with tracemalloc over the first 20 MiB (tracemalloc slows it
about 20 times, so its time is not a speed figure; the peak does not grow with the size).
The file has a few errors of each kind sprinkled in, so the error path is exercised too.

    make bench-csv                      # or: .venv/bin/python packaging/bench_csv.py
    BENCH_ARGS="--mb 50 --no-server" make bench-csv
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.core.connection import ConnectionSettings

BUCKET = "bench-csv"
KEY = "imports/big.csv"
TRACE_MB = 20
HEADER = "id,customer,email,signed_up,phone,amount,note\n"


def generate(path: Path, megabytes: int) -> int:
    """Writes about `megabytes` MB of rows in 1 MB batches; returns the data rows written."""
    target = megabytes * 1_000_000
    rnd = random.Random(17)
    written = rows = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        while written < target:
            batch = []
            for _ in range(12_000):
                rows += 1
                i = rows
                note = '"said ""hi"", left"' if i % 50 == 0 else "ok"
                batch.append(f"{i},Customer {i % 9973},user{i}@example.com,"
                             f"20{i % 24:02d}-{i % 12 + 1:02d}-{i % 28 + 1:02d},"
                             f"+1 555 {rnd.randrange(10**6):06d},"
                             f"{i % 10007}.{i % 100:02d},{note}\n")
                if i % 250_000 == 0:  # one of each kind of error now and then
                    batch[-1] = f"{i},short row\n"
                elif i % 250_000 == 1:
                    batch[-1] = f"{i},x,not-an-email,2021-02-30,12,abc,ok\n"
                elif i % 250_000 == 2:
                    batch[-1] = f'{i},a"b,x@y.zz,2020-01-01,+15550000,1,ok\n'
            text = "".join(batch)
            out.write(text)
            written += len(text)
    return rows


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def child(mode: str, source: str, settings_json: str) -> None:
    """One validation pass; prints a JSON line with rows, seconds and memory figures."""
    import tracemalloc

    from desktop_app.core.csv_io import read_ahead
    from desktop_app.core.csv_validate import CsvValidator, validate_file
    if mode == "server":  # imported before the baseline: its modules are not validation's
        from desktop_app.storage.s3 import MinioStorage

    baseline = _status("VmRSS")
    traced = mode.endswith("+trace")
    if traced:
        tracemalloc.start()
    started, cpu = time.perf_counter(), time.process_time()
    if traced:  # tracemalloc slows Python ~20x: the heap peak of a 20 MB prefix
        def prefix() -> Iterator[bytes]:
            with Path(source).open("rb") as handle:
                for _ in range(TRACE_MB):
                    if not (block := handle.read(1 << 20)):
                        return
                    yield block
        report = CsvValidator(name=source).run(prefix())
    elif mode.startswith("local"):
        report = validate_file(Path(source))
    else:
        storage = MinioStorage(ConnectionSettings(**json.loads(settings_json)))
        report = CsvValidator(name=KEY).run(read_ahead(storage.iter_chunks(BUCKET, KEY)))
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_heap = tracemalloc.get_traced_memory()[1] if traced else 0
    print(json.dumps({"rows": report.rows, "seconds": took, "cpu": cpu,
                      "bytes": report.bytes_read,
                      "errors": report.total_errors, "complete": report.complete,
                      "rss_growth": _status("VmHWM") - baseline, "heap_peak": peak_heap}))


def run_child(mode: str, source: str, settings_json: str = "{}") -> dict[str, float]:
    """The connection settings go through stdin, never the command line."""
    out = subprocess.run(  # noqa: S603 - our own script
        [sys.executable, __file__, "--child", mode, source], input=settings_json,
        check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def show(label: str, figures: dict[str, float]) -> None:
    print(f"{label:<26} {figures['rows']:>11,.0f} rows  {figures['bytes'] / 1e6:7.1f} MB  "
          f"{figures['seconds']:6.1f} s  {figures['rows'] / figures['seconds']:>10,.0f} rows/s  "
          f"{figures['bytes'] / 1e6 / figures['seconds']:5.1f} MB/s  "
          f"(CPU {figures['cpu']:5.1f} s: {figures['rows'] / figures['cpu']:>9,.0f} rows/CPU-s)  "
          f"peak RSS growth {figures['rss_growth'] / 2**20:5.1f} MiB"
          + (f"  heap peak {figures['heap_peak'] / 2**20:.1f} MiB" if figures["heap_peak"] else "")
          + f"  ({figures['errors']:,.0f} errors)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--no-server", action="store_true", help="only the local pass")
    parser.add_argument("--data", type=Path, help="folder for the CSV (default: a temp dir)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], sys.stdin.read())
        return
    folder = args.data or Path(tempfile.mkdtemp(prefix="bench-csv-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "big.csv"
    try:
        started = time.perf_counter()
        rows = generate(path, args.mb)
        print(f"generated {path.stat().st_size / 1e6:.0f} MB, {rows:,} rows in "
              f"{time.perf_counter() - started:.0f} s", flush=True)
        show("local, streamed", run_child("local", str(path)))
        show(f"tracemalloc, {TRACE_MB} MiB", run_child("local+trace", str(path)))
        if not args.no_server:
            server_pass(path, folder)
    finally:
        if args.data is None:
            shutil.rmtree(folder, ignore_errors=True)


def server_pass(path: Path, folder: Path) -> None:
    from desktop_app.storage.s3 import MinioStorage
    from desktop_app.storage.sandbox import SandboxServer

    server = SandboxServer(folder / "seaweed")
    settings = server.start()
    try:
        storage = MinioStorage(settings)
        storage.make_bucket(BUCKET)
        started = time.perf_counter()
        with path.open("rb") as handle:
            storage.put_stream(BUCKET, KEY, handle, path.stat().st_size)
        print(f"uploaded to SeaweedFS in {time.perf_counter() - started:.0f} s", flush=True)
        settings_json = json.dumps({
            "name": settings.name, "host": settings.host, "port": settings.port,
            "secure": settings.secure, "access_key": settings.access_key,
            "secret_key": settings.secret_key, "region": settings.region})
        show("from the server, streamed", run_child("server", "", settings_json))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
