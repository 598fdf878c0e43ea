"""Downloads are checked with the strongest check each object allows, while they are written,
and the row says which; bytes that fail it are fetched again, never renamed into place, and
the reason is shown (a flipped byte, a cut body, a stored checksum that disagrees, an object
replaced between the HEAD and the GETs, a kept front damaged before a resume)."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.core.checksums import CRC64_META, Algo, Crc, StoredChecksum, crc_of
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import ServerError
from desktop_app.core.transfer_types import ObjectBody, ObjectHead, RemoteObject
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.engine_process import EngineProcess
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import MiB
from desktop_app.transfers.partial import temp_files
from desktop_app.transfers.retry import RetryPolicy
from desktop_app.transfers.state import State
from desktop_app.transfers.verify import UNVERIFIED, RangeCrc, check_for, crc_matches
from desktop_app.ui.transfers.queue import QUEUE_COLUMNS, TransferQueue
from tests.fault_proxy import Fault, FaultProxy
from tests.hostile_s3 import HostileS3, Misbehaviour
from tests.s3_peers import boto_multipart, boto_put, boto_transfer, minio_put
from tests.transfer_helpers import errors, small_options, states, wait_until

# small_options: the lane takes up to 1 MiB; one GET up to 5 MiB; above that, 5 MiB ranges.
LANE, SINGLE, RANGED = 100_000, 2 * MiB + 3, 12 * MiB + 5
DIFFER = "the bytes received differ from the object on the server"


def body_of(size: int, seed: int = 1) -> bytes:
    block = hashlib.sha256(str(seed).encode()).digest() * 4096  # 128 KiB of pattern
    return (block * (size // len(block) + 1))[:size]


def listed(storage: MinioStorage, bucket: str, keys: list[str]) -> list[RemoteObject]:
    stats = [storage.stat(bucket, key) for key in keys]
    return [RemoteObject(s.key, s.size, s.etag) for s in stats]


def run(engine: TransferEngine, bucket: str, objects: list[RemoteObject], dest: Path
        ) -> dict[str, tuple[State, str, str]]:
    """key -> (state, verified_by, error) once the downloads end."""
    ids = engine.download_objects(bucket, objects, dest)
    assert engine.wait(90)
    rows = {view.id: view for view in engine.snapshot()}
    return {rows[i].key: (rows[i].state, rows[i].verified_by, rows[i].error) for i in ids}


# -- units ---------------------------------------------------------------------------------
def test_the_strongest_check_is_chosen() -> None:
    crc64 = StoredChecksum("CRC64NVME", "FULL_OBJECT", "AAAAAAAAAAA=")
    crc32 = StoredChecksum("CRC32", "FULL_OBJECT", "AAAAAA==")
    composite = StoredChecksum("CRC32C", "COMPOSITE", "AAAAAA==", parts=2)
    meta = StoredChecksum("CRC64NVME", "FULL_OBJECT", "AAAAAAAAAAA=", source="metadata")
    sha = "ab" * 32
    assert check_for(sha, "md5", [crc32, crc64]).label == "CRC32"  # the server's order
    assert check_for(sha, "md5", [crc64, meta]).label == "CRC64NVME"
    assert check_for(sha, "md5", [composite, meta], (5, 9)).label == \
        "CRC32C (composite, 2 parts)"
    assert check_for(sha, "md5", [composite, meta]).label == "CRC64NVME (metadata)"
    assert check_for(sha, "md5", [composite]).label == "SHA-256"
    assert check_for("", "md5", [composite]).label == "MD5 (ETag)"
    assert check_for("", "", [composite]).label == UNVERIFIED
    assert check_for("", "", []).kind == ""


def test_in_memory_checks_catch_a_flipped_byte() -> None:
    data = body_of(300_000)
    bad = data[:10] + bytes([data[10] ^ 1]) + data[11:]
    full = check_for("", "", [StoredChecksum("CRC64NVME", "FULL_OBJECT",
                                             crc_of(data, Algo.CRC64NVME).b64())])
    assert full.matches(data)
    assert not full.matches(bad)
    parts = [crc_of(data[:100_000], Algo.CRC32C), crc_of(data[100_000:], Algo.CRC32C)]
    joined = b"".join(p.value.to_bytes(4, "big") for p in parts)
    composite = check_for("", "", [StoredChecksum(
        "CRC32C", "COMPOSITE", crc_of(joined, Algo.CRC32C).b64(), parts=2)], (100_000, 300_000))
    assert composite.matches(data)
    assert not composite.matches(bad)
    assert not dataclasses.replace(composite, part_ends=(150_000, 300_000)).matches(data)


# -- against the real server ---------------------------------------------------------------
@pytest.mark.real_server
def test_every_kind_of_object_gets_its_strongest_check_and_the_row_says_which(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    bodies: dict[str, bytes] = {}
    expected: dict[str, str] = {}

    def add(key: str, size: int, label: str) -> bytes:
        bodies[key] = body_of(size, seed=len(bodies))
        expected[key] = label
        return bodies[key]

    boto_put(s3_server, bucket, "lane-crc32.bin", add("lane-crc32.bin", LANE, "CRC32"))
    boto_put(s3_server, bucket, "single-crc32c.bin",
             add("single-crc32c.bin", SINGLE, "CRC32C"), "CRC32C")
    boto_put(s3_server, bucket, "lane-crc64.bin", add("lane-crc64.bin", LANE, "CRC64NVME"),
             "CRC64NVME")
    boto_multipart(s3_server, bucket, "ranged-crc64.bin",
                   add("ranged-crc64.bin", RANGED, "CRC64NVME"), algorithm="CRC64NVME",
                   kind="FULL_OBJECT")
    # Parts of 6 MiB against ranges of 5 MiB: ranges hold pieces of two parts.
    boto_multipart(s3_server, bucket, "composite.bin",
                   add("composite.bin", RANGED, "CRC32C (composite, 3 parts)"),
                   part_size=6 * MiB, algorithm="CRC32C")
    boto_transfer(s3_server, bucket, "boto-default.bin",
                  add("boto-default.bin", RANGED, "CRC32 (composite, 3 parts)"))
    data = add("meta-crc64.bin", RANGED, "CRC64NVME (metadata)")
    minio_put(s3_server, bucket, "meta-crc64.bin", data, part_size=5 * MiB,
              metadata={CRC64_META: crc_of(data).b64()})
    data = add("sha.bin", RANGED, "SHA-256")
    minio_put(s3_server, bucket, "sha.bin", data, part_size=5 * MiB,
              metadata={"sha256": hashlib.sha256(data).hexdigest()})
    data = add("rclone-md5.bin", RANGED, "MD5 (metadata)")  # as rclone stores a multipart file
    minio_put(s3_server, bucket, "rclone-md5.bin", data, part_size=5 * MiB, metadata={
        "md5chksum": base64.b64encode(hashlib.md5(data, usedforsecurity=False).digest()).decode()})
    minio_put(s3_server, bucket, "md5.bin", add("md5.bin", SINGLE, "MD5 (ETag)"))
    minio_put(s3_server, bucket, "lane-md5.bin", add("lane-md5.bin", LANE, "MD5 (ETag)"))
    minio_put(s3_server, bucket, "plain-multi.bin", add("plain-multi.bin", RANGED, UNVERIFIED),
              part_size=5 * MiB)
    engine = TransferEngine(storage, small_options())
    dest = tmp_path / "dest"
    dest.mkdir()
    rows = run(engine, bucket, listed(storage, bucket, sorted(bodies)), dest)
    engine.shutdown()
    assert {k: (r[0], r[1]) for k, r in rows.items()} == {
        k: (State.DONE, label) for k, label in expected.items()}, rows
    for key, data in bodies.items():
        assert (dest / key).read_bytes() == data, key
    assert temp_files(dest) == []


@pytest.mark.real_server
def test_a_composite_object_in_one_stream_is_checksummed_part_by_part(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    data = body_of(RANGED, seed=8)
    boto_transfer(s3_server, bucket, "obj.bin", data)  # boto3's default: a composite CRC32
    engine = TransferEngine(storage, small_options(download_part_size=16 * MiB))  # one GET
    rows = run(engine, bucket, listed(storage, bucket, ["obj.bin"]), tmp_path)
    engine.shutdown()
    assert rows == {"obj.bin": (State.DONE, "CRC32 (composite, 3 parts)", "")}
    assert (tmp_path / "obj.bin").read_bytes() == data


def _flip_gets(key: str, times: int) -> list[Fault]:
    return [Fault("corrupt", lambda m, p, h: m == "GET" and p.split("?")[0].endswith(key))
            for _ in range(times)]


@pytest.mark.real_server
@pytest.mark.parametrize("size", [SINGLE, RANGED])
def test_a_flipped_byte_fails_the_crc_is_fetched_again_and_never_renamed(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path, size: int) -> None:
    data = body_of(size, seed=3)
    boto_multipart(s3_server, bucket, "obj.bin", data, algorithm="CRC64NVME",
                   kind="FULL_OBJECT")
    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    engine = TransferEngine(via_proxy, small_options())
    dest = tmp_path / "dest"
    dest.mkdir()
    objects = listed(storage, bucket, ["obj.bin"])

    proxy.faults = _flip_gets("obj.bin", 40)  # every GET damaged: it fails, with the reason
    ((state, verified, error),) = run(engine, bucket, objects, dest).values()
    assert state is State.FAILED
    assert DIFFER in error, error
    assert "CRC64NVME checksum does not match" in error, error
    assert verified == ""
    assert list(dest.iterdir()) == []  # nothing renamed into place, no temp file left

    proxy.faults = _flip_gets("obj.bin", 1)  # damaged once: fetched again, and it arrives
    proxy.fired.clear()
    ((state, verified, error),) = run(engine, bucket, objects, dest).values()
    assert (state, verified, error) == (State.DONE, "CRC64NVME", "")
    assert proxy.fired == ["corrupt"]
    assert (dest / "obj.bin").read_bytes() == data
    assert temp_files(dest) == []
    engine.shutdown()
    via_proxy.close()


@pytest.mark.real_server
def test_a_cut_off_body_is_retried_and_the_whole_file_still_checked(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path) -> None:
    data = body_of(RANGED, seed=4)
    boto_multipart(s3_server, bucket, "obj.bin", data, algorithm="CRC64NVME",
                   kind="FULL_OBJECT")
    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    engine = TransferEngine(via_proxy, small_options())
    dest = tmp_path / "dest"
    dest.mkdir()
    proxy.faults = [Fault("truncate", lambda m, p, h: m == "GET" and "Range" in h)
                    for _ in range(2)]
    rows = run(engine, bucket, listed(storage, bucket, ["obj.bin"]), dest)
    assert rows == {"obj.bin": (State.DONE, "CRC64NVME", "")}
    assert proxy.fired == ["truncate", "truncate"]
    assert (dest / "obj.bin").read_bytes() == data
    engine.shutdown()
    via_proxy.close()


class LyingStorage:
    """The real storage, but the stored CRC64NVME it reports is not the object's."""

    def __init__(self, real: MinioStorage) -> None:
        self.real = real
        self.wrong = StoredChecksum("CRC64NVME", "FULL_OBJECT", crc_of(b"other bytes").b64())

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def head_checksums(self, *args: object) -> ObjectHead:
        got = self.real.head_checksums(*args)  # type: ignore[arg-type]
        return dataclasses.replace(got, checksums=(self.wrong,))

    def open_object(self, *args: object) -> ObjectBody:
        got = self.real.open_object(*args)  # type: ignore[arg-type]
        return dataclasses.replace(got, checksums=(self.wrong,) if got.checksums else ())


@pytest.mark.real_server
def test_a_stored_checksum_that_disagrees_with_the_body_fails_the_download(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    for key, size in (("single.bin", SINGLE), ("ranged.bin", RANGED)):
        boto_put(s3_server, bucket, key, body_of(size), "CRC64NVME")
    engine = TransferEngine(LyingStorage(storage), small_options())  # type: ignore[arg-type]
    dest = tmp_path / "dest"
    dest.mkdir()
    rows = run(engine, bucket, listed(storage, bucket, ["single.bin", "ranged.bin"]), dest)
    engine.shutdown()
    for state, verified, error in rows.values():
        assert (state, verified) == (State.FAILED, "")
        assert "CRC64NVME checksum does not match the one the server keeps" in error
    assert list(dest.iterdir()) == []


@pytest.mark.parametrize("size", [LANE, SINGLE, RANGED])
def test_a_wrong_crc64nvme_in_the_metadata_fails_on_every_path(tmp_path: Path,
                                                               size: int) -> None:
    fake = HostileS3().start()
    try:
        data = body_of(size)
        fake.put("bkt", "obj.bin", data, sha256=True,
                 metadata={CRC64_META: crc_of(data + b"!").b64()})
        settings = ConnectionSettings(name="hostile", host="127.0.0.1", port=fake.port,
                                      secure=False, access_key="AKIAHOSTILE",
                                      secret_key="hostile-secret-key", region="us-east-1")
        storage = MinioStorage(settings)
        engine = TransferEngine(storage, small_options(
            retry=RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02)))
        rows = run(engine, "bkt", [RemoteObject("obj.bin", size, fake.buckets["bkt"][
            "obj.bin"].etag)], tmp_path)
        engine.shutdown()
        storage.close()
    finally:
        fake.stop()
    ((state, verified, error),) = rows.values()
    assert (state, verified) == (State.FAILED, "")
    assert "CRC64NVME (metadata) checksum does not match" in error, error
    assert list(tmp_path.iterdir()) == []


class ReplacedAfterHead:
    """The real storage; the object is replaced right after the download's HEAD."""

    def __init__(self, real: MinioStorage, settings: ConnectionSettings) -> None:
        self.real = real
        self.settings = settings
        self.done = False

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def head_checksums(self, bucket: str, key: str, *args: object) -> ObjectHead:
        got = self.real.head_checksums(bucket, key, *args)  # type: ignore[arg-type]
        if not self.done:
            self.done = True
            boto_put(self.settings, bucket, key, body_of(RANGED, seed=9), "CRC64NVME")
        return got


@pytest.mark.real_server
def test_an_object_replaced_between_the_head_and_the_gets_fails_with_the_reason(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    boto_put(s3_server, bucket, "obj.bin", body_of(RANGED), "CRC64NVME")
    objects = [RemoteObject("obj.bin", RANGED, "")]  # not pinned by a listing: the HEAD pins
    engine = TransferEngine(ReplacedAfterHead(storage, s3_server),  # type: ignore[arg-type]
                            small_options())
    rows = run(engine, bucket, objects, tmp_path)
    engine.shutdown()
    ((state, _verified, error),) = rows.values()
    assert state is State.FAILED
    assert "replaced on the server" in error
    assert list(tmp_path.iterdir()) == []


class RangeLog:
    """The real storage, recording the offset of every ranged GET."""

    def __init__(self, real: MinioStorage) -> None:
        self.real = real
        self.offsets: list[int] = []
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def open_object(self, bucket: str, key: str, offset: int = 0, length: int | None = None,
                    if_match: str | None = None) -> ObjectBody:
        with self._lock:
            self.offsets.append(offset)
        return self.real.open_object(bucket, key, offset, length, if_match)


@pytest.mark.real_server
@pytest.mark.parametrize("damaged", [False, True])
def test_a_resumed_download_checks_its_kept_front_again_from_disk(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, tmp_path: Path,
        damaged: bool) -> None:
    size = 40 * MiB + 5
    data = body_of(size, seed=6)
    boto_multipart(s3_server, bucket, "big.bin", data, algorithm="CRC64NVME",
                   kind="FULL_OBJECT")
    log = RangeLog(storage)
    journal = Journal.in_dir(tmp_path / "data")
    engine = TransferEngine(log, small_options(  # type: ignore[arg-type]
        parts_per_file=1, bandwidth_limit=8 * MiB, resume_step=5 * MiB, resume_interval_s=0),
        journal)
    dest = tmp_path / "dest"
    dest.mkdir()
    (tid,) = engine.download_objects(bucket, listed(storage, bucket, ["big.bin"]), dest)

    def saved() -> int:
        record = journal.download_for(engine.get(tid).journal_id or 0)  # type: ignore[union-attr]
        return record.saved if record is not None else 0

    wait_until(lambda: saved() >= 10 * MiB)
    engine.pause([tid])
    assert engine.wait(30)
    front = saved()
    (temp,) = temp_files(dest)
    if damaged:
        with open(temp, "r+b") as handle:  # what a power cut can leave of unflushed pages
            handle.write(bytes(4096))
    log.offsets.clear()
    engine.resume([tid])
    assert engine.wait(60)
    assert states(engine, [tid]) == {tid: State.DONE}, errors(engine)
    assert engine.get(tid).verified_by == "CRC64NVME"  # type: ignore[union-attr]
    assert log.offsets[0] == front  # it continued from the kept front...
    # ...and, when that front was damaged, the CRC caught it and it went again from zero.
    assert log.offsets.count(0) == (1 if damaged else 0)
    assert (dest / "big.bin").read_bytes() == data
    assert temp_files(dest) == []
    engine.shutdown()


@pytest.mark.real_server
def test_the_queue_shows_per_row_how_it_was_verified(
        qtbot: QtBot, s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    boto_put(s3_server, bucket, "crc.bin", body_of(SINGLE), "CRC64NVME")
    minio_put(s3_server, bucket, "plain.bin", body_of(RANGED), part_size=5 * MiB)
    queue = TransferQueue()
    qtbot.addWidget(queue)
    engine = TransferEngine(storage, small_options())
    queue.set_engine(engine)
    model = queue.queue_model
    ids = engine.download_objects(bucket, listed(storage, bucket, ["crc.bin", "plain.bin"]),
                                  tmp_path)
    assert engine.wait(60)
    column = QUEUE_COLUMNS.index("Details")  # a failed row's error, a done row's check

    def shown(tid: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return model.transfer_index(tid, column).data(role)

    qtbot.waitUntil(lambda: shown(ids[0]) == "Verified by CRC64NVME", timeout=5_000)
    assert "Checked with CRC64NVME" in str(shown(ids[0], Qt.ItemDataRole.ToolTipRole))
    assert shown(ids[1]) == "Not verified (size only)"
    assert "only its size was checked" in str(shown(ids[1], Qt.ItemDataRole.ToolTipRole))
    engine.shutdown()


def test_a_range_checksums_each_part_of_a_composite_on_its_own() -> None:
    data = body_of(1000)
    check = dataclasses.replace(check_for("", "", [StoredChecksum(
        "CRC32", "COMPOSITE", "AAAAAA==", parts=3)], (300, 700, 1000)))
    pieces: dict[int, Crc] = {}
    crc = RangeCrc(check, 0, pieces)
    for start in range(0, 1000, 128):  # chunks that straddle the part ends
        crc.update(memoryview(data)[start:start + 128])
    crc.keep()
    assert {k: (v.length, v.value) for k, v in pieces.items()} == {
        k: (len(data[k:e]), crc_of(data[k:e], Algo.CRC32).value)
        for k, e in ((0, 300), (300, 700), (700, 1000))}


def test_a_one_part_composite_is_checked_without_part_boundaries() -> None:
    """Its part is the whole object (e.g. a small file a multipart upload made of one part,
    fetched by the small-file lane with no HEAD): CRC of the whole object's CRC."""
    data, bad = body_of(70_000), bytearray(body_of(70_000))
    bad[100] ^= 1
    whole = crc_of(data, Algo.CRC32C)
    value = crc_of(whole.value.to_bytes(4, "big"), Algo.CRC32C).b64()
    check = check_for("", "", [StoredChecksum("CRC32C", "COMPOSITE", value, parts=1)])
    assert check.label == "CRC32C (composite, 1 part)"
    assert check.matches(data)
    assert not check.matches(bytes(bad))
    pieces = {0: crc_of(data[:30_000], Algo.CRC32C), 30_000: crc_of(data[30_000:],
                                                                     Algo.CRC32C)}
    assert crc_matches(check, pieces, len(data))  # ranged: combined, then its CRC
    assert not crc_matches(check, {0: crc_of(bytes(bad), Algo.CRC32C)}, len(data))


@pytest.mark.real_server
def test_a_flipped_byte_in_a_composite_object_fails_its_part_check(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path) -> None:
    boto_transfer(s3_server, bucket, "obj.bin", body_of(RANGED, seed=5))
    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    engine = TransferEngine(via_proxy, small_options())
    proxy.faults = _flip_gets("obj.bin", 40)
    rows = run(engine, bucket, listed(storage, bucket, ["obj.bin"]), tmp_path)
    engine.shutdown()
    via_proxy.close()
    ((state, verified, error),) = rows.values()
    assert (state, verified) == (State.FAILED, "")
    assert "CRC32 (composite, 3 parts) checksum does not match" in error, error
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("size", "on"), [(SINGLE, "get"), (RANGED, "head")])
def test_a_server_refusing_checksum_mode_is_asked_without_it_once_and_it_is_logged(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, size: int, on: str) -> None:
    fake = HostileS3().start()
    try:
        data = body_of(size)
        fake.put("bkt", "a.bin", data)
        fake.put("bkt", "b.bin", data)
        fake.misbehave(Misbehaviour("status", on, times=1, status=400, code="InvalidArgument"))
        settings = ConnectionSettings(name="hostile", host="127.0.0.1", port=fake.port,
                                      secure=False, access_key="AKIAHOSTILE",
                                      secret_key="hostile-secret-key", region="us-east-1")
        storage = MinioStorage(settings)
        engine = TransferEngine(storage, small_options(small_lane=False))
        objects = [RemoteObject(k, size, fake.buckets["bkt"][k].etag) for k in ("a.bin", "b.bin")]
        with caplog.at_level("WARNING"):
            rows = run(engine, "bkt", objects[:1], tmp_path)
            rows |= run(engine, "bkt", objects[1:], tmp_path)
        engine.shutdown()
        storage.close()
        sent = [r.headers for r in fake.requests() if r.kind in ("get", "head")]
    finally:
        fake.stop()
    assert rows == {"a.bin": (State.DONE, "SHA-256", ""), "b.bin": (State.DONE, "SHA-256", "")}
    refusals = [r for r in caplog.records if "refuses x-amz-checksum-mode" in r.getMessage()]
    assert len(refusals) == 1
    asked = ["x-amz-checksum-mode" in {k.lower() for k in h} for h in sent]
    assert asked[0] is True
    assert not any(asked[1:])  # after the refusal: never again on this connection


@pytest.mark.real_server
def test_the_engine_process_reports_how_each_row_was_verified(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    boto_put(s3_server, bucket, "lane.bin", body_of(LANE), "CRC64NVME")
    boto_multipart(s3_server, bucket, "ranged.bin", body_of(RANGED), algorithm="CRC32C",
                   kind="FULL_OBJECT")
    process = EngineProcess(storage, storage.transfer_factory(), small_options())
    try:
        process.download_objects(bucket, listed(storage, bucket, ["lane.bin", "ranged.bin"]),
                                 tmp_path)
        assert process.wait(60)
        wait_until(lambda: {v.state for v in process.snapshot()} == {State.DONE})
        assert {v.key: v.verified_by for v in process.snapshot()} == {
            "lane.bin": "CRC64NVME", "ranged.bin": "CRC32C"}
    finally:
        process.shutdown()


class NoPartHeads:
    """The real storage, but a HEAD with a part number is refused (as some servers do), and
    the part list is not given either."""

    def __init__(self, real: MinioStorage) -> None:
        self.real = real

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def head_checksums(self, bucket: str, key: str, if_match: str | None = None,
                       part_number: int = 0) -> ObjectHead:
        if part_number:
            raise ServerError("The server refused the request (InvalidArgument).")
        return self.real.head_checksums(bucket, key, if_match)

    def part_sizes(self, *args: object) -> None:
        return None


@pytest.mark.real_server
def test_a_server_that_hides_the_parts_falls_to_the_next_check(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    data = body_of(RANGED, seed=2)
    boto_transfer(s3_server, bucket, "obj.bin", data)  # composite CRC32, multipart ETag
    engine = TransferEngine(NoPartHeads(storage), small_options())  # type: ignore[arg-type]
    rows = run(engine, bucket, listed(storage, bucket, ["obj.bin"]), tmp_path)
    engine.shutdown()
    assert rows == {"obj.bin": (State.DONE, UNVERIFIED, "")}
    assert (tmp_path / "obj.bin").read_bytes() == data
