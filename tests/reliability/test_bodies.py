"""Damaged answers to GETs, on the small-file lane and on ranged GETs of a big object, for
objects that carry their SHA-256 and for plain single-part ones (MD5 ETag): cut off, shorter
or longer than the object behind a lying Content-Length, one byte flipped. A damage that
every try meets must end Failed with a clear message and nothing saved; one that happens once
may also end Done, with the true bytes."""

from __future__ import annotations

import os

import pytest

from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.options import MiB
from tests.hostile_s3 import HostileS3, Misbehaviour
from tests.reliability.audit import Audit, Box, judge
from tests.reliability.harness import BUCKET, engine_for, errors_of, settle

FAULTS = ("truncate", "short", "long", "corrupt")
SIZES = {"small.bin": 64 * 1024, "big.bin": 12 * MiB + 3}  # the lane; three ranged GETs


@pytest.mark.parametrize("checksum", ["sha256", "md5-etag"])
@pytest.mark.parametrize("fault", FAULTS)
def test_damaged_body(fault: str, checksum: str, hostile: HostileS3,
                      hostile_storage: MinioStorage, box: Box, audit: Audit) -> None:
    objects = {f"d/{name}": os.urandom(size) for name, size in SIZES.items()}
    for key, data in objects.items():
        hostile.put(BUCKET, key, data, sha256=checksum == "sha256")
        hostile.misbehave(Misbehaviour(fault, "get", key=key))  # every try
    engine = engine_for(hostile_storage, box.data)
    try:
        engine.download_prefix(BUCKET, "d/", box.target)
        rows = settle(engine)
    finally:
        engine.shutdown()
    right, outcome = judge(rows, fail=objects)
    audit.finish(right, outcome, local={}, texts=errors_of(rows))


def test_damage_once_each(hostile: HostileS3, hostile_storage: MinioStorage, box: Box,
                          audit: Audit) -> None:
    """Each damage once, on a fresh object each: a retry may well get the true bytes."""
    objects: dict[str, bytes] = {}
    for fault in FAULTS:
        for checksum in ("sha256", "md5"):
            for name, size in SIZES.items():
                key = f"o/{fault}-{checksum}-{name}"
                objects[key] = os.urandom(size)
                hostile.put(BUCKET, key, objects[key], sha256=checksum == "sha256")
                hostile.misbehave(Misbehaviour(fault, "get", key=key, times=1))
    engine = engine_for(hostile_storage, box.data)
    try:
        engine.download_prefix(BUCKET, "o/", box.target)
        rows = settle(engine)
    finally:
        engine.shutdown()
    right, outcome = judge(rows, either=objects)
    audit.finish(right, outcome, local=objects, texts=errors_of(rows))
