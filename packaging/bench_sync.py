"""`make bench-sync`: our sync compare vs `rclone check` and `rclone sync --dry-run`.

Starts a real SeaweedFS server (the app's sandbox launcher), writes N small files (1 B to
4 KiB, 100 per folder) and uploads them as N objects, then makes the two sides differ a
little, as a folder does between two syncs: 1% of the files rewritten with the same size,
1% with another size, 1% new files, 1% objects only in the bucket. Each tool then compares
the folder with the bucket prefix in its own process, one after the other, rounds
interleaved; printed per size (medians): wall seconds including start-up, CPU seconds (user
+ system, from wait4), peak RSS (sampled every 10 ms) and the ratio to ours. Figures, not
asserts.

- ours: scan + streaming listing + compare with no state of a last sync, so every
  equal-size pair is decided by checksum: the local MD5 against the single-part ETag, the
  files read in 8 threads (what `rclone check` does).
- ours-state: the same with the state of the last sync (recorded from a first compare as if
  it had synced): unchanged files are not read (what `rclone sync --dry-run` decides by
  size and time).
- ours-idle: the worker process started, the app's storage layer imported and connected,
  nothing compared: the start-up share of the two above (in the app it is paid once).
- rclone-check: `rclone check` (size, then MD5) with its default 8 checkers.
- rclone-dry: `rclone sync --dry-run` (size and modification time, MD5 where times differ).

    make bench-sync                                  # 10,000 and 100,000 files
    BENCH_ARGS="--sizes 10000 --rounds 3" make bench-sync
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop_app.core.connection import ConnectionSettings  # noqa: E402
from desktop_app.core.local_scan import scan_folder  # noqa: E402
from desktop_app.core.sync_checksums import LocalChecksums  # noqa: E402
from desktop_app.core.sync_compare import Comparison, Group, compare  # noqa: E402
from desktop_app.core.sync_model import PairStore, SyncedEntry, SyncPair, SyncState  # noqa: E402
from desktop_app.storage.s3 import MinioStorage  # noqa: E402
from desktop_app.storage.sandbox import SandboxServer  # noqa: E402
from desktop_app.storage.sync_listing import HeadCrc, list_remote  # noqa: E402

BUCKET = "bench-sync"
TOOLS = ("ours", "ours-state", "ours-idle", "rclone-check", "rclone-dry")
SERVER_FIELDS = ("name", "host", "port", "secure", "access_key", "secret_key", "region")


def prefix_for(size: int) -> str:
    return f"sync{size // 1000}k/"


def key_for(i: int) -> str:
    return f"d{i // 1000:03d}/s{i // 100 % 10}/file-{i:07d}.bin"


# -- the workload ----------------------------------------------------------------------------
def prepare(storage: MinioStorage, root: Path, size: int, threads: int) -> dict[str, int]:
    """N files and N objects with the same bytes, then the differences; returns what each
    group should hold."""
    prefix = prefix_for(size)
    rng = random.Random(size)
    started = time.perf_counter()
    datas = [rng.randbytes(1 + rng.randrange(4096)) for _ in range(size)]

    def put(i: int) -> None:
        key = key_for(i)
        path = root / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(datas[i])
        storage.put_stream(BUCKET, prefix + key, io.BytesIO(datas[i]), len(datas[i]),
                           "application/octet-stream")

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(put, range(size)))
    took = time.perf_counter() - started
    print(f"  seeded {size:,} files and objects in {took:.0f} s ({size / took:,.0f}/s)",
          flush=True)
    step = 100  # 1% of each kind
    same_size = range(0, size, step)
    other_size = range(1, size, step)
    for i in same_size:
        (root / key_for(i)).write_bytes(bytes(b ^ 0xFF for b in datas[i]))
    for i in other_size:
        (root / key_for(i)).write_bytes(datas[i] + b"+")
    for i in range(size, size + size // step):
        path = root / key_for(i)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"new here")
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(lambda i: storage.put_stream(
            BUCKET, f"{prefix}only-there/{i:07d}", io.BytesIO(b"there"), 5),
            range(size // step)))
    return {"different": len(same_size) + len(other_size), "only_local": size // step,
            "only_remote": size // step}


def record_state(storage: MinioStorage, root: Path, size: int, data_dir: Path,
                 settings: ConnectionSettings) -> str:
    """A saved pair whose state says every key on both sides was synchronised as it is now,
    but the 2% that differ (as after a sync, then edits on one side)."""
    prefix = prefix_for(size)
    local = scan_folder(root)
    remote = list_remote(storage, BUCKET, prefix)
    result = compare(local, remote, None, checksums=LocalChecksums(root))
    state = SyncState(last_run=time.time())
    for item in result.groups[Group.SAME]:
        if item.local is None or item.remote is None:
            continue
        state.record(item.key, SyncedEntry(item.local.size, item.local.mtime_ns,
                                           item.remote.etag))
    for item in result.groups[Group.DIFFERENT]:  # changed here since: remote as recorded
        if item.remote is None:
            continue
        state.record(item.key, SyncedEntry(item.remote.size, 0, item.remote.etag))
    pair = SyncPair(str(root), settings.name, BUCKET, prefix)
    store = PairStore(data_dir)
    store.save(pair, state)
    return pair.id


# -- one tool, in its own process ------------------------------------------------------------
def worker(mode: str, root: Path, prefix: str, data_dir: Path | None, pair_id: str) -> None:
    """Compare and print the group counts as JSON (the driver checks them)."""
    fields = json.loads(os.environ["BENCH_SERVER"])
    settings = ConnectionSettings(**fields)
    started = time.perf_counter()
    storage = MinioStorage(settings)
    if mode == "ours-idle":
        storage.list_v2_raw(BUCKET, prefix, "", max_keys=1)
        print(json.dumps({"inner_seconds": time.perf_counter() - started}))
        storage.close()
        return
    last = PairStore(data_dir).state(pair_id) if data_dir is not None else None
    with ThreadPoolExecutor(1) as side:  # the listing streams while the folder is scanned
        listed = side.submit(list_remote, storage, BUCKET, prefix)
        local = scan_folder(root)
        remote = listed.result()
    checks = LocalChecksums(root, HeadCrc(storage, BUCKET, prefix))
    result: Comparison = compare(local, remote, last, checksums=checks)
    took = time.perf_counter() - started
    counts = {g.value: result.count(g) for g in Group}
    print(json.dumps({"inner_seconds": took, "checksummed": result.checksummed, **counts}))
    storage.close()


def command(tool: str, root: Path, prefix: str, s: ConnectionSettings, data_dir: Path,
            pair_id: str) -> tuple[list[str], dict[str, str]]:
    env = dict(os.environ)
    if tool.startswith("rclone"):
        env.update(RCLONE_CONFIG_BENCH_TYPE="s3", RCLONE_CONFIG_BENCH_PROVIDER="Other",
                   RCLONE_CONFIG_BENCH_ACCESS_KEY_ID=s.access_key,
                   RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY=s.secret_key,
                   RCLONE_CONFIG_BENCH_ENDPOINT=s.url,
                   RCLONE_CONFIG_BENCH_REGION=s.region or "us-east-1",
                   RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE="true")
        verb = ["check"] if tool == "rclone-check" else ["sync", "--dry-run"]
        return [rclone(), "--config", "/dev/null", *verb, str(root),
                f"bench:{BUCKET}/{prefix}"], env
    env["BENCH_SERVER"] = json.dumps({f: getattr(s, f) for f in SERVER_FIELDS})
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", tool, "--local",
           str(root), "--prefix", prefix]
    if tool == "ours-state":
        cmd += ["--state", str(data_dir), "--pair", pair_id]
    return cmd, env


def rclone() -> str:
    beside = Path(sys.executable).parent / "rclone"
    found = str(beside) if beside.exists() else shutil.which("rclone")
    if not found:
        raise SystemExit("rclone not found: run `make bench-sync` (installs the bench extra)")
    return found


def timed_run(cmd: list[str], env: dict[str, str], allowed: tuple[int, ...] = (0,)
              ) -> tuple[dict[str, float], str]:
    """Wall and CPU seconds (wait4) and peak RSS (sampled every 10 ms) of one process."""
    import psutil

    start = time.perf_counter()
    with tempfile.TemporaryFile() as out_f, tempfile.TemporaryFile() as err_f:
        proc = subprocess.Popen(cmd, env=env, stdout=out_f, stderr=err_f, cwd=REPO)  # noqa: S603
        peak = 0
        watched = psutil.Process(proc.pid)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            with contextlib.suppress(psutil.Error):
                peak = max(peak, watched.memory_info().rss)
            time.sleep(0.01)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        out_f.seek(0)
        err_f.seek(0)
        out, err = out_f.read().decode(), err_f.read().decode()
    if code not in allowed:
        raise SystemExit(f"{cmd[0]} failed ({code}): {err[-2000:]}")
    figures = {"seconds": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": peak / 1e6}
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if lines:
        figures.update(json.loads(lines[-1]))
    return figures, err


def rclone_counts(err: str) -> str:
    """rclone's own summary line (differences / would-be transfers), for the eye."""
    wanted = ("differences found", "matching files", "missing on", "Transferred:",
              "Deleted:", "Checks:")
    picked = [line.split(": ", 2)[-1].strip() if "NOTICE" in line else line.strip()
              for line in err.splitlines() if any(w in line for w in wanted)]
    return "; ".join(dict.fromkeys(picked))[:300]


def report(size: int, settings: ConnectionSettings, root: Path, data_dir: Path,
           pair_id: str, tools: list[str], rounds: int, expected: dict[str, int]) -> None:
    prefix = prefix_for(size)
    runs: dict[str, list[dict[str, float]]] = {t: [] for t in tools}
    notes: dict[str, str] = {}
    for _ in range(rounds):
        for tool in tools:
            cmd, env = command(tool, root, prefix, settings, data_dir, pair_id)
            figures, err = timed_run(cmd, env, (0, 1) if tool == "rclone-check" else (0,))
            runs[tool].append(figures)
            if tool.startswith("rclone"):
                notes[tool] = rclone_counts(err)
            elif tool == "ours-idle":
                inner = statistics.median(r["inner_seconds"] for r in runs[tool])
                notes[tool] = f"in-process {inner:.2f} s (median)"
            else:
                got = {k: int(figures[k]) for k in expected}
                if got != expected:
                    print(f"  warning: {tool} found {got}, expected {expected}")
                inner = statistics.median(r["inner_seconds"] for r in runs[tool])
                notes[tool] = (f"{int(figures['same']):,} same, {int(figures['different']):,}"
                               f" different, {int(figures['only_local']):,} only here, "
                               f"{int(figures['only_remote']):,} only there; "
                               f"{int(figures['checksummed']):,} files read; in-process "
                               f"{inner:.2f} s (median)")
    med = {t: {k: statistics.median(r[k] for r in runs[t]) for k in ("seconds", "cpu", "rss_mb")}
           for t in tools}
    base = med.get("ours", next(iter(med.values())))["seconds"]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n== {size:,} files vs {size + size // 100:,} objects, median of {rounds} rounds"
          f" (load average {load} on {os.cpu_count()} cores)")
    print(f"  {'tool':<13} {'wall s':>8} {'x ours':>7} {'CPU s':>8} {'peak MB':>8}")
    for tool in tools:
        m = med[tool]
        print(f"  {tool:<13} {m['seconds']:8.2f} {m['seconds'] / base:7.2f} {m['cpu']:8.2f}"
              f" {m['rss_mb']:8.0f}")
    for tool in tools:
        print(f"    {tool}: {notes[tool]}")
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=48, help="seeding threads")
    parser.add_argument("--tools", default=",".join(TOOLS))
    parser.add_argument("--keep", type=Path, help="work folder to keep (not reused)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--local", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--prefix", help=argparse.SUPPRESS)
    parser.add_argument("--state", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--pair", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.local, args.prefix, args.state, args.pair)
        return 0

    sizes = sorted(int(s) for s in args.sizes.split(","))
    tools = [t for t in args.tools.split(",") if t]
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-sync-"))
    work.mkdir(parents=True, exist_ok=True)
    server = SandboxServer(work / "server")
    settings = server.start()
    storage = MinioStorage(settings, pool_size=64)
    try:
        print(f"SeaweedFS at {settings.url}, work folder {work}; rclone {rclone()}", flush=True)
        storage.make_bucket(BUCKET)
        for size in sizes:
            root = work / f"local{size // 1000}k"
            differ = prepare(storage, root, size, args.threads)
            expected = {"same": size - differ["different"], **differ,
                        "conflicts": 0, "name_clashes": 0}
            pair_id = record_state(storage, root, size, work / "data", settings)
            report(size, settings, root, work / "data", pair_id, tools, args.rounds, expected)
    finally:
        storage.close()
        server.stop()
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
