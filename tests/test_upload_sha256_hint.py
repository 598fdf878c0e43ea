"""`sha256` metadata only where an upload rule asked for the SHA-256.

Without a rule nothing stores one: the CRC64NVME every upload carries identifies the bytes,
and hashing every PUT cost 0.8 CPU-s per GiB. When an upload rule needed the SHA-256
(content-addressed names, duplicate checks), single PUTs (threaded and the small-file lane)
hash the bytes they send, and a multipart upload stores the pre-flight's value, provided the
file still has the size and modification time it had when read (a second read would cost
as much again).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from desktop_app.core.transfer_types import SHA256_META, KnownSha256
from desktop_app.core.upload_duplicates import preflight
from desktop_app.core.upload_rules import Naming, OnDuplicate, UploadRules
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import ConflictPolicy, MiB
from desktop_app.transfers.state import State
from tests.transfer_helpers import small_options, write_file

pytestmark = pytest.mark.real_server


def _meta(storage: MinioStorage, bucket: str, key: str) -> dict[str, str]:
    return {k.lower(): v for k, v in storage.stat(bucket, key).metadata.items()}


def test_the_preflights_sha256_goes_with_a_multipart_upload(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    src = tmp_path / "big.bin"
    write_file(src, 11 * MiB + 3, seed=4)
    rules = UploadRules(on_duplicate=OnDuplicate.SKIP)
    result = preflight(rules, bucket, "in/", [(src, "big.bin", "")], None)
    known = result.known_sha256(with_duplicates=False)
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    assert known[src].hexdigest == digest
    engine = TransferEngine(storage, small_options())
    engine.upload_files(bucket, result.files(False), None, (), known)
    assert engine.wait(60)
    (row,) = engine.snapshot()
    assert row.state is State.DONE
    assert storage.stat(bucket, "in/big.bin").etag.endswith("-3")  # it went in parts
    assert _meta(storage, bucket, "in/big.bin").get(SHA256_META) == digest
    engine.shutdown()


def test_a_file_changed_since_the_preflight_keeps_no_stale_sha256(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    src = tmp_path / "big.bin"
    write_file(src, 11 * MiB, seed=5)
    rules = UploadRules(naming=Naming.SHA256)
    result = preflight(rules, bucket, "", [(src, "big.bin", "")], None)
    known = result.known_sha256(with_duplicates=False)
    stat = os.stat(src)
    write_file(src, 11 * MiB, seed=6)  # same size, other bytes
    os.utime(src, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    engine = TransferEngine(storage, small_options())
    engine.upload_files(bucket, result.files(False), None, (), known)
    assert engine.wait(60)
    (row,) = engine.snapshot()
    assert row.state is State.DONE
    assert SHA256_META not in _meta(storage, bucket, row.key)
    engine.shutdown()


def test_a_hint_fits_only_the_file_as_it_was_read() -> None:
    hint = KnownSha256(10, 1234, "ab" * 32)
    assert hint.fits(10, 1234)
    assert not hint.fits(11, 1234)
    assert not hint.fits(10, 1235)
    assert not KnownSha256(10, 0, "ab" * 32).fits(10, 0)  # the time was not known


def test_single_puts_store_the_sha256_only_when_a_rule_asked(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    src = tmp_path / "src"
    sizes = {f"small{n}.txt": 300 + n for n in range(6)} | {"mid.bin": 2 * MiB + 1}
    for n, (name, size) in enumerate(sizes.items()):
        write_file(src / name, size, seed=20 + n)
    entries = [(src / name, name, "") for name in sizes]
    result = preflight(UploadRules(on_duplicate=OnDuplicate.SKIP), bucket, "ruled/", entries,
                       None)
    engine = TransferEngine(storage, small_options())
    # Overwrite: the lane needs no listing of the keys, so it takes all but the scouts.
    engine.upload_files(bucket, result.files(False), ConflictPolicy.OVERWRITE, (),
                        result.known_sha256(with_duplicates=False))
    engine.upload_files(bucket, [(src / name, f"plain/{name}", size)
                                 for name, size in sizes.items()], ConflictPolicy.OVERWRITE)
    assert engine.wait(60)
    assert {row.state for row in engine.snapshot()} == {State.DONE}
    lane = engine._lanes.uploads
    assert lane is not None
    assert lane.sent >= 8  # the small-file lane took the small files but the first scout
    for name in sizes:
        digest = hashlib.sha256((src / name).read_bytes()).hexdigest()
        assert _meta(storage, bucket, f"ruled/{name}").get(SHA256_META) == digest, name
        assert SHA256_META not in _meta(storage, bucket, f"plain/{name}"), name
    engine.shutdown()


def test_a_restart_keeps_the_rules_sha256_request(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    """The hint is journalled with the queue: after a restart the single PUT still stores the
    SHA-256 and the multipart upload the rule's value (the file is unchanged)."""
    src = tmp_path / "src"
    sizes = {"small.txt": 5000, "big.bin": 11 * MiB}
    for n, (name, size) in enumerate(sizes.items()):
        write_file(src / name, size, seed=40 + n)
    entries = [(src / name, name, "") for name in sizes]
    result = preflight(UploadRules(on_duplicate=OnDuplicate.SKIP), bucket, "r/", entries, None)
    journal = Journal.in_dir(tmp_path / "data")
    first = TransferEngine(storage, small_options(), journal)
    first.shutdown()  # closed: what it is handed is journalled, not started
    first.upload_files(bucket, result.files(False), ConflictPolicy.OVERWRITE, (),
                       result.known_sha256(with_duplicates=False))
    assert len(journal.pending()) == 2
    second = TransferEngine(storage, small_options(), journal)
    assert len(second.restore()) == 2
    assert second.wait(60)
    assert {row.state for row in second.snapshot()} == {State.DONE}
    for name in sizes:
        digest = hashlib.sha256((src / name).read_bytes()).hexdigest()
        assert _meta(storage, bucket, f"r/{name}").get(SHA256_META) == digest, name
    assert journal.sha256_hints() == {}  # gone with the finished items
    second.shutdown()
