"""Downloads only end Done with the object's own bytes: a redirect is never followed (by any
HTTP client we use), a body of the wrong length is never renamed into place, and an object
without a stored SHA-256 is still checked (its size always, its MD5 ETag when single-part)."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from minio import Minio

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import AppError
from desktop_app.core.transfer_types import RemoteObject
from desktop_app.core.types import ObjectEntry
from desktop_app.storage.bulk_ops import Progress
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.transfer_http import etag_md5
from desktop_app.transfers import simple_download
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.options import MiB
from desktop_app.transfers.partial import temp_files
from desktop_app.transfers.retry import RetryPolicy
from desktop_app.transfers.state import State
from tests.fault_proxy import Fault, FaultProxy
from tests.redirect_server import SECRET_QUERY, ObjectServer
from tests.transfer_helpers import errors, small_options, states

# small_options: the lane takes up to 1 MiB; one GET up to 5 MiB; above that, 5 MiB ranges.
SIZES = {"lane": 100_000, "single": 2 * MiB + 3, "ranged": 12 * MiB + 5}
DIFFER = "the bytes received differ from the object on the server"


def md5_of(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def body_of(size: int, seed: int = 1) -> bytes:
    block = hashlib.sha256(str(seed).encode()).digest() * 4096  # 128 KiB of pattern
    return (block * (size // len(block) + 1))[:size]


def redirect_text(port: int) -> str:
    return (f"The server answered with a redirect to 127.0.0.1:{port}; the app never follows "
            "redirects, so that credentials and data go only to the server you configured. "
            "Check the endpoint address.")


def hostile_settings(port: int) -> ConnectionSettings:
    return ConnectionSettings(name="hostile", host="127.0.0.1", port=port, secure=False,
                              access_key="AKIAHOSTILE", secret_key="hostile-secret-key",
                              region="us-east-1")


@pytest.fixture
def elsewhere() -> Iterator[ObjectServer]:
    """Where a redirect points: it serves a short body to anyone who comes."""
    server = ObjectServer(b"x" * 24, etag="").start()
    yield server
    server.stop()


def download_one(settings: ConnectionSettings, obj: RemoteObject, dest: Path,
                 **changes: object) -> tuple[State, str]:
    storage = MinioStorage(settings)
    engine = TransferEngine(storage, small_options(
        retry=RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02), **changes))
    try:
        ids = engine.download_objects("bkt", [obj], dest)
        assert engine.wait(60)
        state = states(engine, ids)[ids[0]]
        return state, (errors(engine) or [""])[0]
    finally:
        engine.shutdown()
        storage.close()


@pytest.mark.parametrize("path", sorted(SIZES))
@pytest.mark.parametrize("mode", ["redirect", "flip", "short-close", "short-length"])
def test_hostile_answers_fail_the_download_and_leave_nothing(
        tmp_path: Path, elsewhere: ObjectServer, mode: str, path: str) -> None:
    body = body_of(SIZES[path])
    server = ObjectServer(body, mode, redirect_port=elsewhere.port).start()
    dest = tmp_path / "dest"
    dest.mkdir()
    try:
        obj = RemoteObject("obj.bin", len(body), md5_of(body))
        state, error = download_one(hostile_settings(server.port), obj, dest)
    finally:
        server.stop()
    assert state is State.FAILED, (mode, path)
    assert not (dest / "obj.bin").exists()
    assert temp_files(dest) == []
    if mode == "redirect":
        assert error == redirect_text(elsewhere.port)
        assert elsewhere.requests == []  # never followed, by any client
        assert "Signature" not in error
        assert "?" not in error
    elif mode == "short-close":
        assert "ended the download" in error or "connection broke" in error, error
    else:
        assert DIFFER in error, error


def test_without_the_lane_a_small_redirect_is_refused_too(
        tmp_path: Path, elsewhere: ObjectServer) -> None:
    server = ObjectServer(b"y" * 1000, "redirect", redirect_port=elsewhere.port).start()
    try:
        obj = RemoteObject("obj.bin", 1000, server.etag)
        state, error = download_one(hostile_settings(server.port), obj, tmp_path,
                                    small_lane=False)
    finally:
        server.stop()
    assert (state, error) == (State.FAILED, redirect_text(elsewhere.port))
    assert elsewhere.requests == []


def test_every_client_refuses_redirects(elsewhere: ObjectServer) -> None:
    """The SDK's pool (listing, stat, previews, the Open path, ranged GETs) and the lane's
    HTTP client (lean_http): each stops at the 307 and sends nothing to the other host."""
    server = ObjectServer(b"z" * 100, "redirect", redirect_port=elsewhere.port).start()
    storage = MinioStorage(hostile_settings(server.port))
    calls = {
        "list": lambda: storage.list_buckets(),
        "listing": lambda: storage.list_page("bkt"),
        "stat": lambda: storage.stat("bkt", "obj.bin"),
        "preview": lambda: storage.read_range("bkt", "obj.bin", 0, 10),
        "open": lambda: b"".join(storage.iter_chunks("bkt", "obj.bin")),
        "ranged": lambda: storage.open_object("bkt", "obj.bin", 0, 10),
    }
    try:
        for name, call in calls.items():
            with pytest.raises(AppError) as caught:
                call()
            assert caught.value.user_text() == redirect_text(elsewhere.port), name

        async def lane_get() -> object:
            fetcher = storage.object_fetcher(2)
            try:
                return await fetcher.get("bkt", "obj.bin", "", 1 << 20)
            finally:
                await fetcher.close()

        assert asyncio.run(lane_get()) is None  # handed to the threaded path, which refuses
    finally:
        server.stop()
        storage.close()
    assert len(server.requests) == len(calls) + 1
    assert elsewhere.requests == []


def test_redirect_text_names_only_the_host(elsewhere: ObjectServer) -> None:
    server = ObjectServer(b"z", "redirect", redirect_port=elsewhere.port).start()
    storage = MinioStorage(hostile_settings(server.port))
    try:
        with pytest.raises(AppError) as caught:
            storage.stat("bkt", "obj.bin")
    finally:
        server.stop()
        storage.close()
    text = caught.value.user_text() + str(caught.value)
    for part in SECRET_QUERY.split("&"):
        assert part not in text
    assert "hostile-secret-key" not in text


@pytest.mark.parametrize("mode", ["short-length", "short-close"])
def test_open_path_refuses_a_short_body(tmp_path: Path, mode: str) -> None:
    body = body_of(300_000)
    server = ObjectServer(body, mode).start()
    storage = MinioStorage(hostile_settings(server.port))
    entry = ObjectEntry(key="obj.bin", size=len(body), etag=server.etag, last_modified=None)
    try:
        report, saved = simple_download.download(storage, "bkt", [(entry, "obj.bin")],
                                                 tmp_path, Progress())
    finally:
        server.stop()
        storage.close()
    assert saved == []
    assert [f.key for f in report.failures] == ["obj.bin"]
    assert list(tmp_path.iterdir()) == []


def test_which_etags_are_an_md5() -> None:
    md5 = md5_of(b"x")
    assert etag_md5(md5, {}) == md5
    assert etag_md5(f'"{md5.upper()}"', {}) == md5
    assert etag_md5(md5, {"x-amz-server-side-encryption": "AES256"}) == md5  # SSE-S3
    assert etag_md5(f"{md5}-3", {}) == ""  # multipart
    assert etag_md5("W/" + md5, {}) == ""
    assert etag_md5(md5[:-1], {}) == ""
    assert etag_md5(md5, {"X-Amz-Server-Side-Encryption": "aws:kms"}) == ""
    assert etag_md5(md5, {"x-amz-server-side-encryption": "aws:kms:dsse"}) == ""
    assert etag_md5(md5, {"x-amz-server-side-encryption-customer-algorithm": "AES256"}) == ""
    assert etag_md5(md5, {"x-amz-server-side-encryption-aws-kms-key-id": "k"}) == ""


# -- against the real server -------------------------------------------------------------
def plain_upload(settings: ConnectionSettings, bucket: str, key: str, data: bytes,
                 part_size: int = 64 * MiB) -> str:
    """Upload as another tool would (plain minio, no sha256 metadata); returns the ETag."""
    client = Minio(settings.endpoint, access_key=settings.access_key,
                   secret_key=settings.secret_key, secure=False, region=settings.region)
    result = client.put_object(bucket, key, io.BytesIO(data), len(data), part_size=part_size)
    return (result.etag or "").strip('"')


def listed(storage: MinioStorage, bucket: str, keys: list[str]) -> list[RemoteObject]:
    stats = [storage.stat(bucket, key) for key in keys]
    return [RemoteObject(s.key, s.size, s.etag) for s in stats]


def corrupt_every_get(key: str, times: int = 20) -> list[Fault]:
    return [Fault("corrupt", lambda m, p, h: m == "GET" and p.split("?")[0].endswith(key))
            for _ in range(times)]


@pytest.mark.real_server
def test_corruption_in_transit_is_caught_without_a_sha256(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path) -> None:
    bodies = {f"{name}.bin": body_of(size, seed=n) for n, (name, size) in
              enumerate(SIZES.items())}
    for key, data in bodies.items():
        etag = plain_upload(s3_server, bucket, key, data)
        assert etag == md5_of(data)  # single-part: the ETag is the MD5
        assert "sha256" not in storage.stat(bucket, key).metadata
    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    engine = TransferEngine(via_proxy, small_options())
    proxy.faults = [f for key in bodies for f in corrupt_every_get(key)]
    dest = tmp_path / "dest"
    dest.mkdir()
    ids = engine.download_objects(bucket, listed(storage, bucket, list(bodies)), dest)
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.FAILED}, errors(engine)
    assert all(DIFFER in e for e in errors(engine)), errors(engine)
    assert list(dest.iterdir()) == []  # nothing renamed into place, no temp file left
    assert "corrupt" in proxy.fired

    # Corrupted once on the lane: the threaded path fetches it again and it arrives intact.
    proxy.faults = corrupt_every_get("lane.bin", times=1)
    proxy.fired.clear()
    ids = engine.download_objects(bucket, listed(storage, bucket, ["lane.bin"]), dest)
    assert engine.wait(60)
    assert states(engine, ids) == {ids[0]: State.DONE}, errors(engine)
    assert proxy.fired == ["corrupt"]
    assert (dest / "lane.bin").read_bytes() == bodies["lane.bin"]
    assert temp_files(dest) == []
    engine.shutdown()
    via_proxy.close()


@pytest.mark.real_server
def test_plain_objects_still_download_intact(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    """Single-part (MD5 checked) and multipart (size only) objects from another tool."""
    bodies = {f"{name}.bin": body_of(size, seed=n) for n, (name, size) in
              enumerate(SIZES.items())}
    bodies["empty.bin"] = b""
    for key, data in bodies.items():
        plain_upload(s3_server, bucket, key, data)
    multi = body_of(11 * MiB, seed=7)
    assert plain_upload(s3_server, bucket, "multi.bin", multi, part_size=5 * MiB).endswith("-3")
    bodies["multi.bin"] = multi
    engine = TransferEngine(storage, small_options())
    dest = tmp_path / "dest"
    dest.mkdir()
    ids = engine.download_objects(bucket, listed(storage, bucket, list(bodies)), dest)
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    for key, data in bodies.items():
        assert (dest / key).read_bytes() == data, key
    assert temp_files(dest) == []
    engine.shutdown()
