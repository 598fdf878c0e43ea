"""Damaged answers to GETs, on the small-file lane and on ranged GETs of a big object, for
objects that carry their SHA-256, for plain single-part ones (MD5 ETag) and for ones the
server keeps an S3 checksum of (a CRC64NVME or CRC32C full-object one, a CRC32C composite
one): cut off, shorter or longer than the object behind a lying Content-Length, one byte
flipped, or a checksum header that disagrees with the body. A damage that every try meets
must end Failed with a clear message and nothing saved; one that happens once may also end
Done, with the true bytes."""

from __future__ import annotations

import os

import pytest

from desktop_app.core.checksums import Algo, crc_of
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.options import MiB
from tests.hostile_s3 import HostileS3, Misbehaviour
from tests.hostile_s3_answers import md5_etag
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


# -- objects the server keeps an S3 additional checksum of ----------------------------------
CRCS = {"crc64nvme": "CRC64NVME", "crc32c": "CRC32C",
        "composite": "CRC32C (composite, {parts})"}
PART = 6 * MiB  # a composite object's parts; the engine's 5 MiB ranges are cut at them


def put_with_crc(fake: HostileS3, key: str, data: bytes, checksum: str) -> str:
    """Store `data` as an S3 server keeps it with that checksum (no SHA-256 metadata: the
    CRC is the check); returns the label the row shows when it is verified by it."""
    if checksum != "composite":
        algo = Algo(CRCS[checksum])
        fake.put(BUCKET, key, data, sha256=False, checksums={
            algo.header: crc_of(data, algo).b64(), "x-amz-checksum-type": "FULL_OBJECT"})
        return algo.value
    parts = [data[i:i + PART] for i in range(0, len(data), PART)]
    joined = b"".join(crc_of(p, Algo.CRC32C).value.to_bytes(4, "big") for p in parts)
    value = f"{crc_of(joined, Algo.CRC32C).b64()}-{len(parts)}"
    fake.put(BUCKET, key, data, sha256=False, etag=f"{md5_etag(data)}-{len(parts)}",
             checksums={Algo.CRC32C.header: value, "x-amz-checksum-type": "COMPOSITE"},
             part_size=PART)
    return CRCS[checksum].format(parts="1 part" if len(parts) == 1 else f"{len(parts)} parts")


def damage(fault: str, key: str, times: int | None = None) -> list[Misbehaviour]:
    """A lying checksum header is sent on every answer that carries one (HEAD, whole GET)."""
    if fault == "checksum":
        return [Misbehaviour("checksum", on, key=key, times=times) for on in ("head", "get")]
    return [Misbehaviour(fault, "get", key=key, times=times)]


@pytest.mark.parametrize("checksum", sorted(CRCS))
@pytest.mark.parametrize("fault", [*FAULTS, "checksum"])
def test_damaged_body_with_a_crc(fault: str, checksum: str, hostile: HostileS3,
                                 hostile_storage: MinioStorage, box: Box, audit: Audit) -> None:
    """Every try damaged: detected, fetched again, never renamed into place, and for a
    flipped byte or a lying header the row names the checksum that caught it."""
    objects = {f"c/{name}": os.urandom(size) for name, size in SIZES.items()}
    labels = {key: put_with_crc(hostile, key, data, checksum) for key, data in objects.items()}
    for key in objects:
        hostile.misbehave(*damage(fault, key))
    engine = engine_for(hostile_storage, box.data)
    try:
        engine.download_prefix(BUCKET, "c/", box.target)
        rows = settle(engine)
    finally:
        engine.shutdown()
    right, outcome = judge(rows, fail=objects)
    gets = [s.path.removeprefix(f"/{BUCKET}/") for s in hostile.requests(kind="get")]
    if right:
        for row in rows:
            if gets.count(row.key) < 2:
                right, outcome = False, f"{outcome}; {row.key!r} was not fetched again"
            elif fault in ("corrupt", "checksum") and \
                    f"their {labels[row.key]} checksum does not match" not in row.error:
                right, outcome = False, f"{outcome}; {row.key!r}: “{row.error[:120]}”"
    audit.finish(right, outcome, local={}, texts=errors_of(rows))


def test_crc_damage_once_each(hostile: HostileS3, hostile_storage: MinioStorage, box: Box,
                              audit: Audit) -> None:
    """Each damage once, on a fresh CRC-checked object each: the retry gets the true bytes
    (a damage the check caught is fetched again in full), and the row says which CRC."""
    objects: dict[str, bytes] = {}
    labels: dict[str, str] = {}
    for fault in (*FAULTS, "checksum"):
        for checksum in CRCS:
            for name, size in SIZES.items():
                key = f"o/{fault}-{checksum}-{name}"
                objects[key] = os.urandom(size)
                labels[key] = put_with_crc(hostile, key, objects[key], checksum)
                hostile.misbehave(*damage(fault, key, times=1))
    engine = engine_for(hostile_storage, box.data)
    try:
        engine.download_prefix(BUCKET, "o/", box.target)
        rows = settle(engine)
    finally:
        engine.shutdown()
    right, outcome = judge(rows, done=objects)
    wrong = [r.key for r in rows if r.verified_by != labels.get(r.key)]
    if right and wrong:
        right, outcome = False, f"{outcome}; not verified by their CRC: {wrong}"
    audit.finish(right, outcome, local=objects, texts=errors_of(rows))
