"""Uploads carry a CRC64NVME the server checks (issue 14, the upload side).

Against the real SeaweedFS: single and multipart uploads end up with a FULL_OBJECT CRC64NVME
equal to the local file's; bodies go out as UNSIGNED-PAYLOAD next to that CRC over http and
https; a part or PUT damaged on the way is refused and sent again; a resumed upload combines
journalled part CRCs correctly; boto3's own response validation accepts what we stored. A
fake server without additional checksums gets the `crc64nvme` metadata instead, found out
once per connection and said once in the log.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

from desktop_app.core.checksums import CRC64_META, FULL_OBJECT, Algo, crc_of
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.transfer_types import SHA256_META
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.s3.checksum_probe import PROBE_PREFIX
from desktop_app.storage.s3.checksummed import UNSIGNED_PAYLOAD
from desktop_app.storage.sandbox import SandboxServer
from desktop_app.transfers.conflicts import LocalBytes, identical
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import ConflictPolicy, MiB
from desktop_app.transfers.state import State
from tests.fault_proxy import Fault, FaultProxy
from tests.hostile_s3 import HostileS3, Misbehaviour
from tests.tls_certs import self_signed
from tests.transfer_helpers import (
    crc64_of,
    errors,
    make_engine,
    small_options,
    states,
    stored_crc64,
    wait_until,
    write_file,
)

SIZES = {"small.bin": 300_000, "edge.bin": 5 * MiB, "big.bin": 12 * MiB + 7}


def _upload_all(engine: TransferEngine, src: Path, bucket: str) -> None:
    ids = engine.upload_paths(sorted(src.iterdir()), bucket)
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)


def _files(src: Path) -> None:
    for n, (name, size) in enumerate(SIZES.items()):
        write_file(src / name, size, seed=n + 11)


@pytest.mark.real_server
def test_single_and_multipart_uploads_store_the_files_crc64nvme(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    src = tmp_path / "src"
    _files(src)
    engine = make_engine(storage, tmp_path)
    _upload_all(engine, src, bucket)
    assert {v.verified_by for v in engine.snapshot()} == {"CRC64NVME"}  # the row says so
    for name in SIZES:
        head = storage.head_checksums(bucket, name)
        (crc,) = [c for c in head.checksums if c.crc is Algo.CRC64NVME]
        assert (crc.kind, crc.source, crc.value) == (FULL_OBJECT, "server", crc64_of(src / name))
        # Nothing falls back to metadata on a server that keeps checksums, and no SHA-256 is
        # stored where no upload rule asked for one.
        assert CRC64_META not in head.metadata
        assert SHA256_META not in head.metadata
    assert storage.list_multipart_uploads(bucket) == []


@pytest.mark.real_server
def test_the_probe_asks_once_and_leaves_nothing_behind(storage: MinioStorage,
                                                        bucket: str) -> None:
    assert storage.keeps_checksums(bucket) is True
    assert storage.keeps_checksums(bucket) is True
    assert storage.list_multipart_uploads(bucket, PROBE_PREFIX) == []
    assert list(storage.iter_objects(bucket, "")) == []


def _recording(proxy: FaultProxy, seen: list[tuple[str, str, dict[str, str]]]) -> None:
    """A fault that never fires, only notes every request's method, path and headers."""
    def note(method: str, path: str, headers: dict[str, str]) -> bool:
        seen.append((method, path, {k.lower(): v for k, v in headers.items()}))
        return False

    proxy.faults.append(Fault("never", note))


@pytest.mark.real_server
def test_bodies_go_out_unsigned_next_to_their_crc(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path) -> None:
    seen: list[tuple[str, str, dict[str, str]]] = []
    _recording(proxy, seen)
    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    src = tmp_path / "src"
    _files(src)
    _upload_all(TransferEngine(via_proxy, small_options()), src, bucket)
    puts = [(p, h) for m, p, h in seen if m == "PUT" and PROBE_PREFIX.strip("/") not in p]
    assert len(puts) == 1 + 1 + 3  # a single PUT; one part of edge.bin, three of big.bin
    for _path, headers in puts:
        assert headers["x-amz-content-sha256"] == UNSIGNED_PAYLOAD
        assert "content-md5" not in headers
        assert Algo.CRC64NVME.header in headers
    creates = [h for m, p, h in seen if m == "POST" and p.endswith("?uploads=")
               and PROBE_PREFIX.strip("/") not in p]
    assert len(creates) == 2
    for create in creates:
        assert create["x-amz-checksum-algorithm"] == "CRC64NVME"
        assert create["x-amz-checksum-type"] == FULL_OBJECT
    (complete,) = [h for m, p, h in seen if m == "POST" and "big.bin?uploadId=" in p]
    assert complete[Algo.CRC64NVME.header] == crc64_of(src / "big.bin")
    probes = [p for m, p, h in seen if PROBE_PREFIX.strip("/") in p]
    assert len(probes) == 3  # create, the part with a wrong CRC, abort: once per connection


@pytest.mark.real_server
def test_a_body_damaged_on_the_way_is_refused_and_sent_again(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path) -> None:
    proxy.faults = [
        Fault("corrupt-request", lambda m, p, h: m == "PUT" and "partNumber=2" in p),
        Fault("corrupt-request", lambda m, p, h: m == "PUT" and "small.bin" in p),
    ]
    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    src = tmp_path / "src"
    _files(src)
    _upload_all(TransferEngine(via_proxy, small_options()), src, bucket)
    assert proxy.fired == ["corrupt-request", "corrupt-request"]
    for name in SIZES:
        assert stored_crc64(storage, bucket, name) == crc64_of(src / name)
        assert storage.read_range(bucket, name, 0, SIZES[name]) == (src / name).read_bytes()


@pytest.mark.real_server
def test_a_resumed_upload_combines_the_journalled_part_crcs(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    src = tmp_path / "big.bin"
    write_file(src, 25 * MiB + 3, seed=21)
    engine = make_engine(storage, tmp_path, parts_per_file=1, bandwidth_limit=8 * MiB)
    (up,) = engine.upload_paths([src], bucket)
    wait_until(lambda: engine.get(up).done_bytes >= 10 * MiB)  # type: ignore[union-attr]
    engine.pause([up])
    assert engine.wait(30)
    journal = engine.ctx.journal
    assert journal is not None
    (item,) = journal.pending()
    sent = journal.parts(item.id)
    assert sent
    assert all(p.checksum for p in sent)
    engine.options.bandwidth_limit = None
    engine.ctx.limiter = None
    engine.resume([up])
    assert engine.wait(60)
    assert states(engine, [up]) == {up: State.DONE}, errors(engine)
    assert stored_crc64(storage, bucket, "big.bin") == crc64_of(src)
    engine.shutdown()


@pytest.mark.real_server
def test_skip_if_identical_knows_a_multipart_object_by_its_crc(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    same, other = tmp_path / "a" / "big.bin", tmp_path / "b" / "big.bin"
    write_file(same, 12 * MiB + 7, seed=3)
    write_file(other, 12 * MiB + 7, seed=4)  # the same size, other bytes
    _upload_all(make_engine(storage, tmp_path), same.parent, bucket)
    etag = storage.head(bucket, "big.bin").etag
    engine = make_engine(storage, tmp_path / "e2", conflict=ConflictPolicy.SKIP_IF_IDENTICAL)
    (again,) = engine.upload_paths([same], bucket)
    assert engine.wait(60)
    assert states(engine, [again]) == {again: State.SKIPPED}
    (changed,) = engine.upload_paths([other], bucket)
    assert engine.wait(60)
    assert states(engine, [changed]) == {changed: State.DONE}, errors(engine)
    assert storage.head(bucket, "big.bin").etag != etag
    assert stored_crc64(storage, bucket, "big.bin") == crc64_of(other)


def test_identical_compares_a_full_object_crc_or_the_sha256() -> None:
    from desktop_app.core.checksums import StoredChecksum
    from desktop_app.core.transfer_types import ObjectHead

    data = b"twelve bytes"
    local = LocalBytes.of_data(data, crc_of(data), "s" * 64)
    crc32 = StoredChecksum("CRC32", FULL_OBJECT, crc_of(data, Algo.CRC32).b64())
    assert identical(ObjectHead("e", len(data), checksums=(crc32,)), local)
    wrong = StoredChecksum("CRC64NVME", FULL_OBJECT, crc_of(b"other bytes!").b64())
    assert not identical(ObjectHead("e", len(data), checksums=(wrong,)), local)
    assert identical(ObjectHead("e", len(data), metadata={SHA256_META: "s" * 64}), local)
    assert not identical(ObjectHead("e", len(data) + 1, metadata={SHA256_META: "s" * 64}),
                         local)
    composite = StoredChecksum("CRC64NVME", "COMPOSITE", crc_of(data).b64(), parts=2)
    assert not identical(ObjectHead("e", len(data), checksums=(composite,)), local)


def test_bytes_without_a_known_sha256_are_hashed_only_to_compare_with_one() -> None:
    from desktop_app.core.transfer_types import ObjectHead

    data = bytearray(b"held for a single PUT")
    local = LocalBytes.of_data(memoryview(data), crc_of(bytes(data)))
    sha = hashlib.sha256(data).hexdigest()
    assert identical(ObjectHead("e", len(data), metadata={SHA256_META: sha}), local)
    assert not identical(ObjectHead("e", len(data), metadata={SHA256_META: "0" * 64}), local)


def test_an_older_journal_gains_the_checksum_columns(tmp_path: Path) -> None:
    path = tmp_path / Journal.FILE_NAME
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE parts (item_id INTEGER NOT NULL, number INTEGER NOT NULL, etag TEXT NOT "
        "NULL, size INTEGER NOT NULL, PRIMARY KEY (item_id, number));"
        "CREATE TABLE uploads (item_id INTEGER PRIMARY KEY, bucket TEXT NOT NULL, key TEXT NOT "
        "NULL, upload_id TEXT NOT NULL, part_size INTEGER NOT NULL, sha256 TEXT NOT NULL, "
        "size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL);"
        "INSERT INTO parts VALUES (1, 1, 'e1', 5);")
    db.commit()
    db.close()
    journal = Journal(path)
    (part,) = journal.parts(1)
    assert (part.etag, part.checksum) == ("e1", "")
    journal.close()


# -- https: the same unsigned bodies are accepted --------------------------------------------
@pytest.fixture(scope="module")
def https_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConnectionSettings]:
    folder = tmp_path_factory.mktemp("https-up")
    certs = self_signed(folder / "tls", "server", dns_names=("localhost",))
    server = SandboxServer(folder / "data", certs.cert, certs.key)
    server.start()
    yield dataclasses.replace(server.https_settings, host="localhost",
                              ca_bundle=str(certs.cert))
    server.stop()


@pytest.mark.sandbox
def test_https_takes_unsigned_bodies_with_their_crc(https_settings: ConnectionSettings,
                                                     tmp_path: Path) -> None:
    storage = MinioStorage(https_settings)
    bucket = f"tls-{secrets.token_hex(3)}"
    storage.make_bucket(bucket)
    host = f"localhost:{https_settings.port}"
    creds = storage._client._provider.retrieve()  # type: ignore[union-attr]
    built, _date = storage._client._build_headers(
        host, {"x-amz-content-sha256": UNSIGNED_PAYLOAD}, b"body", creds)
    assert "Content-MD5" not in built
    assert built["Content-Length"] == "4"
    src = tmp_path / "src"
    _files(src)
    _upload_all(make_engine(storage, tmp_path), src, bucket)
    for name in SIZES:
        assert stored_crc64(storage, bucket, name) == crc64_of(src / name)
    storage.close()


# -- boto3's own response validation accepts what we stored ----------------------------------
@pytest.mark.real_server
def test_boto3_reads_our_uploads_with_checksum_validation(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    src = tmp_path / "src"
    _files(src)
    _upload_all(make_engine(storage, tmp_path), src, bucket)
    client = boto3.client(
        "s3", endpoint_url=f"http://{s3_server.endpoint}",
        aws_access_key_id=s3_server.access_key, aws_secret_access_key=s3_server.secret_key,
        region_name=s3_server.region or "us-east-1",
        config=Config(s3={"addressing_style": "path"},
                      response_checksum_validation="when_supported"),
    )
    for name in SIZES:
        answer = client.get_object(Bucket=bucket, Key=name, ChecksumMode="ENABLED")
        body = answer["Body"].read()  # botocore raises FlexibleChecksumError on a mismatch
        assert body == (src / name).read_bytes()
        assert answer["ChecksumCRC64NVME"] == crc64_of(src / name)
        assert answer.get("ChecksumType", FULL_OBJECT) == FULL_OBJECT
        assert type(answer["Body"]).__name__ == "StreamingChecksumBody"  # it did validate


# -- a server without additional checksums --------------------------------------------------
def _hostile_storage(fake: HostileS3) -> MinioStorage:
    return MinioStorage(ConnectionSettings(
        name="no-checksums", host="127.0.0.1", port=fake.port, secure=False,
        access_key="AKIAFAKE", secret_key="fake-secret", region="us-east-1"))


@pytest.mark.parametrize("server", ["ignores", "refuses"])
def test_a_server_without_checksums_gets_the_crc_as_metadata_said_once(
        server: str, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fake = HostileS3().start()
    try:
        if server == "refuses":  # the declaration of an algorithm is answered with an error
            fake.misbehave(Misbehaviour("status", on="create", times=1, status=400,
                                        code="InvalidArgument"))
        fake.buckets["plain"] = {}
        storage = _hostile_storage(fake)
        src = tmp_path / "src"
        _files(src)
        caplog.set_level(logging.WARNING)
        engine = TransferEngine(storage, small_options())
        _upload_all(engine, src, "plain")
        _upload_all(engine, src, "plain")  # a second batch: the answer is remembered
        for name in SIZES:
            stored = fake.buckets["plain"][name]
            assert stored.metadata[CRC64_META] == crc64_of(src / name)
            assert bytes(stored.data[0:len(stored.data)]) == (src / name).read_bytes()
        said = [r for r in caplog.records if "does not keep S3 additional checksums" in
                r.getMessage()]
        assert len(said) == 1
        assert {v.verified_by for v in engine.snapshot()} == {"SHA-256"}  # signed payload
        assert "crc64nvme" not in " ".join(v.error for v in engine.snapshot())
        probes = [r for r in fake.requests(kind="create") if PROBE_PREFIX.strip("/") in r.path]
        assert len(probes) == 1
        assert not fake.uploads  # the probe's upload was aborted (or never started)
        engine.shutdown()
        storage.close()
    finally:
        fake.stop()


def test_a_refused_probe_leaves_the_upload_its_own_message(
        read_only_server: tuple[ConnectionSettings, ConnectionSettings],
        tmp_path: Path) -> None:
    owner, reader = read_only_server
    owner_storage = MinioStorage(owner)
    bucket = f"ro-{secrets.token_hex(3)}"
    owner_storage.make_bucket(bucket)
    storage = MinioStorage(reader)
    write_file(tmp_path / "a.txt", 10)
    engine = TransferEngine(storage, small_options())
    engine.upload_paths([tmp_path / "a.txt"], bucket)
    assert engine.wait(30)
    (view,) = engine.snapshot()
    assert view.state is State.FAILED
    assert "“a.txt”" in view.error
    assert "checksum" not in view.error
    assert storage._keeps_checksums is None  # not an answer: asked again next time
    engine.shutdown()
    storage.close()
    owner_storage.close()
