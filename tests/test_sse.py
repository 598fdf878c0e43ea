"""Customer-key (SSE-C) and server-managed (SSE-S3) encryption against a real SeaweedFS over
HTTPS: uploads through the transfer process (single PUT and multipart), downloads checked,
ranged reads and previews, copies that re-encrypt, property edits, the messages for a missing
or wrong key, SSE-C refused over http, and the key kept out of the log and the journal."""

from __future__ import annotations

import base64
import dataclasses
import io
import logging
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import ConfigError
from desktop_app.core.logging_setup import scrub
from desktop_app.core.redact import redact_all
from desktop_app.core.sse import (
    CONNECTION_SCOPE,
    CustomerKey,
    CustomerKeyNeeded,
    Encryption,
    EncryptionKeys,
    Mode,
    key_needed,
)
from desktop_app.storage.preview_fetch import fetch_preview
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.sandbox import SandboxServer
from desktop_app.transfers.engine_process import EngineProcess
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import MiB
from desktop_app.transfers.state import State
from tests.tls_certs import self_signed
from tests.transfer_helpers import sha_of, small_options, wait_until, write_file

pytestmark = pytest.mark.sandbox


# -- the key and its headers (no server) ------------------------------------------------------
def test_a_key_is_32_random_bytes_or_a_pasted_base64_of_32() -> None:
    key = CustomerKey.generate()
    assert len(key.raw) == 32
    assert key != CustomerKey.generate()
    assert CustomerKey.from_base64(f" {key.b64[:20]}\n{key.b64[20:]} ") == key
    with pytest.raises(ConfigError, match="exactly 32 bytes"):
        CustomerKey.from_base64(base64.b64encode(b"x" * 16).decode())
    with pytest.raises(ConfigError, match="not valid base64"):
        CustomerKey.from_base64("not base64 at all!")
    assert key.b64 not in repr(key)
    assert key.b64 not in repr(Encryption(Mode.CUSTOMER, key))
    headers = key.headers()
    assert headers["x-amz-server-side-encryption-customer-algorithm"] == "AES256"
    assert base64.b64decode(headers["x-amz-server-side-encryption-customer-key"]) == key.raw
    assert set(key.copy_source_headers()) == {
        "x-amz-copy-source-server-side-encryption-customer-" + n
        for n in ("algorithm", "key", "key-MD5")}


def test_the_log_filter_cuts_the_key_headers_canary() -> None:
    canary = CustomerKey.generate()
    dump = (f"x-amz-server-side-encryption-customer-key: {canary.b64}\r\n"
            f"'x-amz-copy-source-server-side-encryption-customer-key': '{canary.b64}'\r\n"
            f"x-amz-server-side-encryption-customer-key-MD5: {canary.md5_b64}")
    cleaned = redact_all(dump)
    assert canary.b64 not in cleaned
    assert canary.md5_b64 in cleaned  # the MD5 names the key without revealing it


def test_keys_by_scope_and_a_pickled_copy() -> None:
    import pickle

    a, b = CustomerKey.generate(), CustomerKey.generate()
    keys = EncryptionKeys({CONNECTION_SCOPE: Encryption(Mode.CUSTOMER, a)})
    keys.set("other", Encryption(Mode.CUSTOMER, b))
    assert keys.key_for("any") == a
    assert keys.key_for("other") == b
    assert a.b64 not in repr(keys)
    copy = pickle.loads(pickle.dumps(keys))  # noqa: S301 - our own object
    assert copy.key_for("other") == b
    assert Encryption.from_json(Encryption(Mode.CUSTOMER, a).to_json()).key == a
    error = pickle.loads(pickle.dumps(key_needed("b", "k", had_key=True)))  # noqa: S301
    assert (error.bucket, error.key, error.wrong_key) == ("b", "k", True)


# -- against the real server over HTTPS -------------------------------------------------------
@pytest.fixture(scope="module")
def https_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    folder = tmp_path_factory.mktemp("sse-https")
    certs = self_signed(folder / "tls", "server", dns_names=("localhost",))
    server = SandboxServer(folder / "data", certs.cert, certs.key)
    server.start()
    server.ca = certs.cert  # type: ignore[attr-defined]
    yield server
    server.stop()


@pytest.fixture
def https(https_server: SandboxServer) -> ConnectionSettings:
    return dataclasses.replace(https_server.https_settings, host="localhost",
                               ca_bundle=str(https_server.ca))  # type: ignore[attr-defined]


@pytest.fixture
def tls_storage(https: ConnectionSettings) -> Iterator[MinioStorage]:
    storage = MinioStorage(https)
    yield storage
    storage.close()


def _bucket(storage: MinioStorage) -> str:
    name = f"sse-{secrets.token_hex(4)}"
    storage.make_bucket(name)
    return name


def test_round_trip_through_the_transfer_process_with_the_key_kept_out_of_files(
        tls_storage: MinioStorage, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    bucket = _bucket(tls_storage)
    key = CustomerKey.generate()
    src = tmp_path / "src"
    shas = {"small.txt": write_file(src / "small.txt", 70_000, seed=3),
            "big.bin": write_file(src / "big.bin", 12 * MiB + 5, seed=4)}
    journal = Journal.path_for_server(tmp_path / "data", tls_storage.endpoint_url,
                                      tls_storage.settings.access_key)
    caplog.set_level(logging.DEBUG)
    engine = EngineProcess(tls_storage, tls_storage.transfer_factory(), small_options(),
                           journal)
    try:
        # Keys set after the process started reach it over the pipe.
        tls_storage.encryption.set(bucket, Encryption(Mode.CUSTOMER, key))
        engine.set_encryption(tls_storage.encryption)
        engine.upload_paths(sorted(src.iterdir()), bucket)
        assert engine.wait(60)
        wait_until(lambda: {v.state for v in engine.snapshot()} == {State.DONE})
        # Stored encrypted: without the key the server refuses, with our clear message.
        bare = MinioStorage(tls_storage.settings)
        with pytest.raises(CustomerKeyNeeded, match="encrypted with a customer key") as caught:
            bare.read_range(bucket, "small.txt", 0, 10)
        assert not caught.value.wrong_key
        assert caught.value.bucket == bucket
        with pytest.raises(CustomerKeyNeeded):
            bare.stat(bucket, "big.bin")
        engine.clear_finished()
        dest = tmp_path / "dest"
        dest.mkdir()
        engine.download_prefix(bucket, "", dest)
        assert engine.wait(60)
        wait_until(lambda: bool(engine.snapshot()) and
                   {v.state for v in engine.snapshot()} == {State.DONE})
        rows = {v.name: v for v in engine.snapshot()}
        for name, sha in shas.items():
            assert sha_of(dest / name) == sha
            # The ETag of an SSE-C object is not trusted as an MD5: the stored CRC checks it.
            assert rows[name].verified_by == "CRC64NVME"
    finally:
        engine.shutdown()
    for path in [journal, *journal.parent.glob("*")]:
        if path.is_file():
            content = path.read_bytes()
            assert key.b64.encode() not in content
            assert key.raw not in content
    assert key.b64 not in caplog.text
    assert key.b64 not in scrub(f"x {key.b64} y")


def test_wrong_key_ranged_reads_previews_and_properties(tls_storage: MinioStorage) -> None:
    bucket = _bucket(tls_storage)
    key = CustomerKey.generate()
    tls_storage.encryption.set(bucket, Encryption(Mode.CUSTOMER, key))
    body = b"col1,col2\n" + b"1,2\n" * 5000
    tls_storage.put_bytes(bucket, "t.csv", body, "text/csv", {})
    assert tls_storage.read_range(bucket, "t.csv", 10, 4) == b"1,2\n"
    preview = fetch_preview(tls_storage, bucket, "t.csv")
    assert preview.content.startswith(b"col1,col2")
    props = tls_storage.object_properties(bucket, "t.csv")
    assert props.size == len(body)
    assert props.encryption == "Customer key (SSE-C, AES256)"
    head = tls_storage.head_checksums(bucket, "t.csv")
    assert head.md5 == ""  # SeaweedFS's ETag is the MD5 here, AWS's is not: never trusted
    assert "MD5" not in tls_storage.stored_hashes(bucket, "t.csv").values  # duplicates too
    tls_storage.replace_metadata(bucket, "t.csv", content_type="text/plain",
                                 metadata={"note": "edited"})
    assert tls_storage.stat(bucket, "t.csv").content_type == "text/plain"
    assert tls_storage.read_range(bucket, "t.csv", 0, 4) == b"col1"  # same key still reads
    tls_storage.encryption.set(bucket, Encryption(Mode.CUSTOMER, CustomerKey.generate()))
    with pytest.raises(CustomerKeyNeeded, match="not with the key set") as caught:
        tls_storage.read_range(bucket, "t.csv", 0, 4)
    assert caught.value.wrong_key
    with pytest.raises(CustomerKeyNeeded):
        tls_storage.stat(bucket, "t.csv")


def test_media_with_a_customer_key_is_not_streamed_by_a_link(tls_storage: MinioStorage) -> None:
    import struct

    bucket = _bucket(tls_storage)
    tls_storage.encryption.set(bucket, Encryption(Mode.CUSTOMER, CustomerKey.generate()))
    pcm = b"\0" * 8000
    wav = (b"RIFF" + struct.pack("<I", 36 + len(pcm)) + b"WAVEfmt "
           + struct.pack("<IHHIIHH", 16, 1, 1, 8000, 8000, 1, 8) + b"data"
           + struct.pack("<I", len(pcm)) + pcm)
    tls_storage.put_bytes(bucket, "tone.wav", wav, "audio/wav", {})
    preview = fetch_preview(tls_storage, bucket, "tone.wav")
    assert preview.media_url == ""
    assert "cannot be streamed" in preview.problem


def test_a_copy_reencrypts_from_key_a_to_key_b(tls_storage: MinioStorage) -> None:
    src, dst = _bucket(tls_storage), _bucket(tls_storage)
    a, b = CustomerKey.generate(), CustomerKey.generate()
    tls_storage.encryption.set(src, Encryption(Mode.CUSTOMER, a))
    tls_storage.encryption.set(dst, Encryption(Mode.CUSTOMER, b))
    tls_storage.put_bytes(src, "doc.txt", b"secret words", "text/plain", {})
    tls_storage.copy_object(src, "doc.txt", dst, "doc.txt")
    assert tls_storage.read_range(dst, "doc.txt", 0, 100) == b"secret words"
    only_a = MinioStorage(tls_storage.settings)
    only_a.encryption.set(dst, Encryption(Mode.CUSTOMER, a))
    with pytest.raises(CustomerKeyNeeded):
        only_a.read_range(dst, "doc.txt", 0, 100)


def test_long_streams_carry_the_key_on_every_part_and_big_copies_say_what_fails(
        tls_storage: MinioStorage) -> None:
    src, dst = _bucket(tls_storage), _bucket(tls_storage)
    tls_storage.encryption.set(src, Encryption(Mode.CUSTOMER, CustomerKey.generate()))
    tls_storage.encryption.set(dst, Encryption(Mode.CUSTOMER, CustomerKey.generate()))
    data = bytes(range(256)) * (11 * MiB // 256) + b"end"
    tls_storage.put_stream(src, "long.bin", io.BytesIO(data), len(data))  # SDK multipart
    # SeaweedFS 4.48 does not do UploadPartCopy with SSE-C (NotImplemented): said plainly.
    with pytest.raises(ConfigError, match=r"cannot copy “long\.bin” with encryption keys"):
        tls_storage.copy_object(src, "long.bin", dst, "long.bin",
                                multipart_threshold=5 * MiB, part_size=5 * MiB)
    tls_storage.copy_object(src, "long.bin", dst, "long.bin")  # one CopyObject re-encrypts
    for bucket in (src, dst):
        assert tls_storage.read_range(bucket, "long.bin", len(data) - 3, 3) == b"end"
        assert tls_storage.stat(bucket, "long.bin").size == len(data)


def test_a_plain_source_copies_into_an_encrypted_bucket(tls_storage: MinioStorage) -> None:
    src, dst = _bucket(tls_storage), _bucket(tls_storage)
    tls_storage.put_bytes(src, "plain.txt", b"open text", "text/plain", {})
    tls_storage.encryption.set(CONNECTION_SCOPE, Encryption(Mode.CUSTOMER,
                                                           CustomerKey.generate()))
    try:
        tls_storage.copy_object(src, "plain.txt", dst, "now-encrypted.txt")
        assert tls_storage.read_range(dst, "now-encrypted.txt", 0, 100) == b"open text"
        with pytest.raises(CustomerKeyNeeded):
            MinioStorage(tls_storage.settings).read_range(dst, "now-encrypted.txt", 0, 9)
    finally:
        tls_storage.encryption.set(CONNECTION_SCOPE, None)


def test_sse_s3_uploads_are_reported_in_the_properties(tls_storage: MinioStorage) -> None:
    bucket = _bucket(tls_storage)
    tls_storage.encryption.set(bucket, Encryption(Mode.SERVER))
    tls_storage.put_stream(bucket, "s.txt", io.BytesIO(b"abc"), 3, "text/plain")
    tls_storage.put_bytes(bucket, "b.txt", b"abcd", "text/plain", {})
    for name in ("s.txt", "b.txt"):
        props = tls_storage.object_properties(bucket, name)
        assert props.encryption == "SSE-S3 (AES256)"
        assert MinioStorage(tls_storage.settings).read_range(bucket, name, 0, 3) == b"abc"


def test_over_http_a_customer_key_is_refused_with_the_reason(
        storage: MinioStorage, bucket: str) -> None:
    storage.encryption.set(bucket, Encryption(Mode.CUSTOMER, CustomerKey.generate()))
    with pytest.raises(ConfigError, match="needs an HTTPS connection"):
        storage.put_bytes(bucket, "x.txt", b"x", "text/plain", {})
    with pytest.raises(ConfigError, match="needs an HTTPS connection"):
        storage.read_range(bucket, "x.txt", 0, 1)
    storage.encryption.set(bucket, None)
    assert not storage.exists(bucket, "x.txt")  # nothing was sent
