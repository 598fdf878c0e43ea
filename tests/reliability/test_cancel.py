"""Cancel at random points (seeded), pause and cancel while a bandwidth limit holds the
transfer back, and an object replaced on the server in the middle of its download."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable

from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine_process import EngineProcess
from desktop_app.transfers.options import MiB
from desktop_app.transfers.state import Direction, State
from tests.hostile_s3 import HostileS3, Misbehaviour
from tests.reliability.audit import Allowed, Audit, Box, judge
from tests.reliability.harness import (
    BUCKET,
    engine_for,
    errors_of,
    pending_uploads,
    settle,
    stored,
)
from tests.transfer_helpers import wait_until

SEED = 20261202
ROUNDS = 2  # each kind of transfer this often, in a seeded order, cancelled at seeded times
SMALL = 64 * 1024


def test_cancel_at_random_points(hostile: HostileS3, hostile_storage: MinioStorage, box: Box,
                                 audit: Audit) -> None:
    rng = random.Random(SEED)
    truth: dict[str, bytes] = {"c/big.bin": os.urandom(12 * MiB)}
    truth |= {f"c/many/{n:02d}.bin": os.urandom(4 * SMALL) for n in range(40)}
    for key, data in truth.items():
        hostile.put(BUCKET, key, data)
    sources = {"big.bin": os.urandom(12 * MiB + 1)}
    sources |= {f"many/{n:02d}.bin": os.urandom(4 * SMALL) for n in range(40)}
    for name, data in sources.items():
        (box.src / name).parent.mkdir(parents=True, exist_ok=True)
        (box.src / name).write_bytes(data)
    engine = engine_for(hostile_storage, box.data, bandwidth_limit=8 * MiB)  # ~1.5 s each

    def ops(point: str) -> dict[str, Callable[[], list[int]]]:
        return {
            "upload big": lambda: engine.upload_paths([box.src / "big.bin"], BUCKET, f"{point}/"),
            "upload many": lambda: engine.upload_paths([box.src / "many"], BUCKET, f"{point}/"),
            "download big": lambda: engine.download_objects(
                BUCKET, [o for o in hostile_storage.iter_objects(BUCKET, "c/big")],
                box.target / point, "c/"),
            "download many": lambda: engine.download_prefix(BUCKET, "c/many/",
                                                            box.target / point),
        }

    local: dict[str, Allowed] = {}
    remote: dict[str, Allowed] = {}
    texts: list[str] = []
    account: list[str] = []
    problems: list[str] = []
    try:
        plan = sorted(ops("")) * ROUNDS
        rng.shuffle(plan)
        for n, name in enumerate(plan):
            point, delay = f"p{n}", rng.uniform(0.0, 1.5)
            (box.target / point).mkdir()  # the folder the user chose
            ids = ops(point)[name]()
            time.sleep(delay)
            engine.cancel(ids)
            rows = [r for r in settle(engine) if r.id in ids]
            texts += errors_of(rows)
            account.append(f"{name} @{delay:.2f}s: "
                           + ",".join(sorted({r.state.value for r in rows})))
            local |= {f"{point}/{rel.removeprefix('c/')}": data for rel, data in truth.items()}
            remote |= {f"{point}/{rel}": data for rel, data in sources.items()}
            for row in rows:  # cancelled means not there; anything else but done is wrong
                if row.state is State.CANCELLED and (
                        (row.direction is Direction.DOWNLOAD and row.local_path.exists())
                        or (row.direction is Direction.UPLOAD and row.key in stored(hostile))):
                    problems.append(f"{row.key}: cancelled, yet saved")
                elif row.state not in (State.CANCELLED, State.DONE):
                    problems.append(f"{row.key}: {row.state.value} {row.error[:60]}")
    finally:
        engine.shutdown()
    objects = {k: v for k, v in stored(hostile).items() if not k.startswith("c/")}
    audit.finish(not problems, "; ".join(problems[:3]) or " | ".join(account), local=local,
                 remote=(objects, remote), uploads=pending_uploads(hostile), texts=texts)


def _unwinds(engine: EngineProcess, act: Callable[[], None]) -> str:
    """Pause or cancel, then whether the worker let go within 3 s ("prompt") or not
    ("LATE"): a throttled one would first sleep out its token debt (8 s per 1 MiB chunk
    here, 40 s per 5 MiB part)."""
    act()
    return "prompt" if engine.wait(3) else "LATE"


def test_pause_and_cancel_under_a_bandwidth_limit(hostile: HostileS3,
                                                  hostile_storage: MinioStorage, box: Box,
                                                  audit: Audit) -> None:
    data = os.urandom(12 * MiB)
    hostile.put(BUCKET, "slow/down.bin", data)
    (box.src / "up.bin").write_bytes(os.urandom(12 * MiB))
    engine = engine_for(hostile_storage, box.data, bandwidth_limit=128 * 1024,
                        parts_per_file=1)
    verdict: list[str] = []
    try:
        (up,) = engine.upload_paths([box.src / "up.bin"], BUCKET, "slow/")
        wait_until(lambda: bool(hostile.requests(kind="create")), 30)
        time.sleep(0.3)  # the first part now waits for its tokens
        mark = hostile.mark()
        verdict.append(f"upload cancel {_unwinds(engine, lambda: engine.cancel([up]))}")
        settle(engine, 120)
        late = len(hostile.requests(kind="part", after=mark))
        verdict.append(f"{late} parts sent after the cancel")

        (down,) = engine.download_objects(
            BUCKET, list(hostile_storage.iter_objects(BUCKET, "slow/down")), box.target,
            "slow/")
        wait_until(lambda: any(v.done_bytes > 0 for v in engine.snapshot() if v.id == down),
                   60)
        verdict.append(f"download pause {_unwinds(engine, lambda: engine.pause([down]))}")
        settle(engine, 120)
        verdict.append(f"download cancel {_unwinds(engine, lambda: engine.cancel([down]))}")
        rows = settle(engine, 120)
    finally:
        engine.shutdown()
    right = not any("LATE" in v for v in verdict) and late == 0
    states = {r.key: r.state for r in rows}
    if states != {"slow/up.bin": State.CANCELLED, "slow/down.bin": State.CANCELLED}:
        right = False
        verdict.append(f"ended {', '.join(f'{k}: {s.value}' for k, s in states.items())}")
    objects = {k: v for k, v in stored(hostile).items() if k != "slow/down.bin"}
    audit.finish(right, "; ".join(verdict), local={}, remote=(objects, {}),
                 uploads=pending_uploads(hostile), texts=errors_of(rows))


def test_object_replaced_mid_download(hostile: HostileS3, hostile_storage: MinioStorage,
                                      box: Box, audit: Audit) -> None:
    """The big object is replaced right after its first range is served; the small one
    between the listing and its download. One whole version or a clear failure."""
    old = {"rep/big.bin": os.urandom(12 * MiB), "rep/small.bin": os.urandom(SMALL)}
    new = {k: os.urandom(len(v)) for k, v in old.items()}
    for key, data in old.items():
        hostile.put(BUCKET, key, data)
    hostile.misbehave(Misbehaviour("replace", "get", key="rep/big.bin", times=1,
                                   body=new["rep/big.bin"]))
    listed = list(hostile_storage.iter_objects(BUCKET, "rep/"))
    hostile.put(BUCKET, "rep/small.bin", new["rep/small.bin"])
    engine = engine_for(hostile_storage, box.data)
    try:
        engine.download_objects(BUCKET, listed, box.target, "rep/")
        rows = settle(engine)
    finally:
        engine.shutdown()
    right, outcome = judge(rows, either=old)
    audit.finish(right, outcome, local={k.removeprefix("rep/"): (old[k], new[k]) for k in old},
                 texts=errors_of(rows))
