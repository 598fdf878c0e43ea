"""Downloads under "skip if identical": a local file counts as the object's when it passes the
check the download itself would (any CRC, composite or not, a SHA-256 or an MD5), read once.

Before, only a `sha256` in the object's metadata could prove it, so objects written by boto3,
the AWS CLI or our own uploads (which keep a CRC, not a SHA-256) were always fetched again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop_app.core.checksums import Algo, crc_of
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.transfer_types import RemoteObject
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.options import ConflictPolicy, MiB
from desktop_app.transfers.state import State
from desktop_app.transfers.verify import CRC, Check, file_passes
from tests.s3_peers import boto_multipart, boto_put
from tests.transfer_helpers import errors, make_engine, states

DATA = bytes(range(256)) * 40_000  # 10,240,000 bytes


def _file(tmp_path: Path, data: bytes, name: str = "local.bin") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_full_object_crc_proves_a_local_file(tmp_path: Path) -> None:
    path = _file(tmp_path, DATA)
    for algo in (Algo.CRC64NVME, Algo.CRC32, Algo.CRC32C):
        check = Check(CRC, crc_of(DATA, algo).b64(), algo, label=algo.value)
        assert file_passes(check, path, len(DATA))
        wrong = Check(CRC, crc_of(DATA[:-1] + b"x", algo).b64(), algo, label=algo.value)
        assert not file_passes(wrong, path, len(DATA))
    # A file of another size never passes, even when the stored value is its own.
    shorter = _file(tmp_path, DATA[:-1], "short.bin")
    check = Check(CRC, crc_of(DATA[:-1]).b64(), Algo.CRC64NVME)
    assert not file_passes(check, shorter, len(DATA))


def test_a_composite_crc_is_checked_part_by_part(tmp_path: Path) -> None:
    path = _file(tmp_path, DATA)
    ends = (4 * MiB, 8 * MiB, len(DATA))
    parts = b"".join(crc_of(DATA[a:b], Algo.CRC32).value.to_bytes(4, "big")
                     for a, b in zip((0, *ends[:-1]), ends, strict=True))
    composite = crc_of(parts, Algo.CRC32).b64()
    assert file_passes(Check(CRC, composite, Algo.CRC32, ends), path, len(DATA))
    # The same value with other part boundaries does not prove these bytes.
    assert not file_passes(Check(CRC, composite, Algo.CRC32, (5 * MiB, len(DATA))), path,
                           len(DATA))


def test_hashes_prove_it_and_nothing_never_does(tmp_path: Path) -> None:
    path = _file(tmp_path, DATA)
    sha = hashlib.sha256(DATA).hexdigest()
    assert file_passes(Check("SHA-256", sha), path, len(DATA))
    assert not file_passes(Check("SHA-256", "0" * 64), path, len(DATA))
    md5 = hashlib.md5(DATA, usedforsecurity=False).hexdigest()
    assert file_passes(Check("MD5", md5), path, len(DATA))
    assert not file_passes(Check(), path, len(DATA))  # size only: never "identical"


@pytest.mark.real_server
def test_objects_with_a_crc_are_skipped_when_the_local_file_holds_them(
        storage: MinioStorage, bucket: str, s3_server: ConnectionSettings,
        tmp_path: Path) -> None:
    boto_put(s3_server, bucket, "one.bin", DATA[:300_000])  # CRC32, full object
    boto_multipart(s3_server, bucket, "parts.bin", DATA)  # CRC32, composite of 2 parts
    boto_multipart(s3_server, bucket, "other.bin", DATA)
    dest = tmp_path / "dest"
    dest.mkdir()
    local = {"one.bin": DATA[:300_000], "parts.bin": DATA,
             "other.bin": DATA[:-1] + b"!"}  # the last: same size, other bytes
    for name, data in local.items():
        _file(dest, data, name)
    engine = make_engine(storage, tmp_path, conflict=ConflictPolicy.SKIP_IF_IDENTICAL)
    ids = engine.download_objects(
        bucket, [RemoteObject(name, len(data), "") for name, data in local.items()], dest)
    assert engine.wait(60)
    assert states(engine, ids) == dict(zip(ids, (State.SKIPPED, State.SKIPPED, State.DONE),
                                           strict=True)), errors(engine)
    # The row says what proved it.
    why = {row.key: row.error for row in engine.snapshot()}
    assert why["one.bin"] == "Skipped: identical (CRC32)."
    assert why["parts.bin"] == "Skipped: identical (CRC32 (composite, 2 parts))."
    assert (dest / "other.bin").read_bytes() == DATA  # the different file was replaced
    assert sorted(p.name for p in dest.iterdir()) == sorted(local)
    engine.shutdown()


@pytest.mark.real_server
@pytest.mark.parametrize("asked", [False, True])
def test_an_upload_skipped_as_identical_says_so(
        storage: MinioStorage, bucket: str, tmp_path: Path, asked: bool) -> None:
    """Chosen as the policy or answered to the question: the row tells a proven copy from a
    plain "it exists"."""
    src = tmp_path / "src"
    src.mkdir()
    _file(src, DATA[:70_000], "same.bin")
    _file(src, DATA[:70_000], "kept.bin")
    engine = make_engine(storage, tmp_path)
    engine.upload_files(bucket, [(src / "same.bin", "same.bin", 70_000),
                                 (src / "kept.bin", "kept.bin", 70_000)],
                        ConflictPolicy.OVERWRITE)
    assert engine.wait(30)
    (src / "kept.bin").write_bytes(DATA[1:70_001])  # same size, other bytes
    if asked:
        engine.set_conflict_resolver(
            lambda _conflict, _check: (ConflictPolicy.SKIP_IF_IDENTICAL, True))
    policy = ConflictPolicy.ASK if asked else ConflictPolicy.SKIP_IF_IDENTICAL
    ids = engine.upload_files(bucket, [(src / "same.bin", "same.bin", 70_000),
                                       (src / "kept.bin", "kept.bin", 70_000)], policy)
    assert engine.wait(30)
    assert states(engine, ids) == {ids[0]: State.SKIPPED, ids[1]: State.DONE}, errors(engine)
    rows = {row.id: row for row in engine.snapshot()}
    assert rows[ids[0]].error == "Skipped: identical on the server."
    assert storage.read_range(bucket, "kept.bin", 0, 70_000) == DATA[1:70_001]
    engine.shutdown()
