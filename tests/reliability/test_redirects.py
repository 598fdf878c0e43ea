"""A 307 redirect to another host on every kind of request: nothing follows it, nothing from
the other host is saved, no secret reaches it, and the row says what happened."""

from __future__ import annotations

import os

import pytest

from desktop_app.core.errors import AppError
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.options import MiB
from tests.hostile_s3 import HostileS3, Misbehaviour
from tests.reliability.audit import Audit, Box, clear, judge
from tests.reliability.harness import (
    BUCKET,
    engine_for,
    errors_of,
    leaked,
    pending_uploads,
    settle,
    stored,
)

DOWNLOADS = {"list": None, "get-small": "r/small.bin", "get-big": "r/big.bin"}
UPLOADS = {"head": "up/exists.txt", "put": "up/small.txt", "create": "up/big.bin",
           "part": "up/big.bin", "complete": "up/big.bin"}


@pytest.mark.parametrize("kind", [*DOWNLOADS, *UPLOADS])
def test_redirect(kind: str, hostile: HostileS3, hostile_storage: MinioStorage, box: Box,
                  audit: Audit) -> None:
    objects = {"r/small.bin": os.urandom(64 * 1024), "r/big.bin": os.urandom(12 * MiB),
               "up/exists.txt": b"the bytes already there"}
    for key, data in objects.items():
        hostile.put(BUCKET, key, data)
    request = {"list": "list", "get-small": "get", "get-big": "get"}.get(kind, kind)
    target_key = DOWNLOADS.get(kind) or UPLOADS.get(kind) or ""
    hostile.misbehave(Misbehaviour("redirect", request, key=target_key or None))
    engine = engine_for(hostile_storage, box.data)
    call_error = ""
    try:
        if kind in DOWNLOADS:
            try:
                engine.download_prefix(BUCKET, "r/", box.target)
            except AppError as exc:
                call_error = exc.user_text()
        else:
            name = target_key.removeprefix("up/")
            size = 12 * MiB + 5 if name == "big.bin" else 300
            (box.src / name).write_bytes(os.urandom(size))
            engine.upload_paths([box.src / name], BUCKET, "up/")
        rows = settle(engine)
    finally:
        engine.shutdown()
    if kind == "list":
        right = bool(call_error) and clear(call_error) and not rows
        outcome = f"listing refused: {call_error[:80]}" if call_error else f"{len(rows)} rows"
    elif kind in DOWNLOADS:
        other = next(k for k in ("r/small.bin", "r/big.bin") if k != target_key)
        right, outcome = judge(rows, done=[other], fail=[target_key])
    else:
        right, outcome = judge(rows, fail=[target_key])
    followed = hostile.requests("other")
    if followed:
        right = False
        outcome = f"followed to the other host ({len(followed)} requests); " + outcome
    allowed = {k.removeprefix("r/"): v for k, v in objects.items() if k.startswith("r/")}
    audit.finish(right, outcome, local={f"r/{k}": v for k, v in allowed.items()},
                 remote=(stored(hostile), objects), uploads=pending_uploads(hostile),
                 texts=[call_error, *errors_of(rows)], elsewhere=leaked(hostile))
