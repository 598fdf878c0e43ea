"""The small-upload lane (one asyncio thread): its PUTs are the threaded path's, signed as the
SDK signs them; against the real server it stores small files intact and checked, and hands
everything unusual (a taken key, a refusal, a damaged body, a pause) to the threaded path."""

from __future__ import annotations

import asyncio
import dataclasses
import secrets
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import minio.time
import pytest
from minio import signer

from desktop_app.core.checksums import Algo, crc_of
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.sse import CustomerKey, CustomerKeyNeeded, Encryption, EncryptionKeys, Mode
from desktop_app.core.transfer_types import SHA256_META, RemoteObject
from desktop_app.storage.object_put import ObjectPutter, PutRequest
from desktop_app.storage.s3 import MinioStorage, signing_key
from desktop_app.storage.sandbox import SandboxServer
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import ConflictPolicy, MiB
from desktop_app.transfers.small_uploads import UPLOAD_FACTOR, SmallUploads
from desktop_app.transfers.state import State
from tests.fault_proxy import Fault, FaultProxy
from tests.helpers import put_bytes
from tests.sdk_capture import sdk_request
from tests.tls_certs import self_signed
from tests.transfer_helpers import (
    crc64_of,
    errors,
    small_options,
    states,
    stored_crc64,
    wait_until,
    write_file,
)

SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
SETTINGS = ConnectionSettings(name="t", host="127.0.0.1", port=9000, secure=False,
                              access_key="AKIA/EXAMPLE+KEY", secret_key=SECRET,
                              region="eu-west-3")


def _sdk_request(storage: MinioStorage, request: PutRequest, body: bytes,
                 monkeypatch: pytest.MonkeyPatch) -> tuple[str, dict[str, str]]:
    """The URL and headers the SDK signs for the threaded path's `put_bytes` of `request`."""
    method, url, headers = sdk_request(storage._client, lambda: storage.put_bytes(
        request.bucket, request.key, body, request.content_type, request.metadata,
        if_absent=request.if_absent, checksum=request.checksum), monkeypatch)
    assert method == "PUT"
    return url, headers


@pytest.mark.parametrize(("secure", "token", "sse"), [
    (False, None, Mode.NONE), (False, "FQoG/token+with=odd&chars", Mode.SERVER),
    (True, None, Mode.CUSTOMER)])
@pytest.mark.parametrize(("key", "if_absent"), [
    ("plain.bin", False), ("dir/a key with spaces & ‘quotes’ é~+.txt", True)])
def test_lane_put_is_signed_as_the_sdk_signs_put_bytes(
        monkeypatch: pytest.MonkeyPatch, secure: bool, token: str | None, sse: Mode,
        key: str, if_absent: bool) -> None:
    settings = dataclasses.replace(SETTINGS, secure=secure, session_token=token)
    keys = EncryptionKeys()
    if sse is not Mode.NONE:
        keys.set("bucket-1", Encryption(sse, CustomerKey.generate()
                                        if sse is Mode.CUSTOMER else None))
    storage = MinioStorage(settings, encryption=keys)
    storage._client._region_map["bucket-1"] = "eu-west-3"  # no region lookup on the network
    when = datetime(2026, 12, 2, 10, 5, 7, tzinfo=UTC)
    monkeypatch.setattr(minio.time, "utcnow", lambda: when)
    monkeypatch.setattr(signer, "_get_signing_key", signing_key._SDK_SIGNING_KEY)
    body = b"small body \x00\xff" * 100
    request = PutRequest("bucket-1", key, len(body), "text/plain; charset=utf-8",
                         {"sha256": "ab" * 32}, crc_of(body, Algo.CRC64NVME), if_absent)
    sdk_url, sdk_headers = _sdk_request(storage, request, body, monkeypatch)
    url, headers = storage.sign_put(request, when)
    assert url == sdk_url
    assert headers == sdk_headers
    assert "x-amz-checksum-crc64nvme" in headers["Authorization"]
    assert ("if-none-match" in headers["Authorization"]) is if_absent
    storage.close()


# -- against the real server ---------------------------------------------------------------


class LaneStorage(MinioStorage):
    """Records the keys the threaded path PUTs (the lane sends on its own); with `gate`
    given before the engine is made, the lane's PUTs wait until it is set."""

    def __init__(self, settings: ConnectionSettings, gate: threading.Event | None = None,
                 hidden: frozenset[str] = frozenset()) -> None:
        super().__init__(settings)
        self.threaded: list[str] = []
        self.lane_tried: list[str] = []  # keys the lane sent a PUT for
        self.lane_entered: list[str] = []  # keys the lane began a PUT of (before the gate)
        self._count_lock = threading.Lock()
        self._gate = gate
        self._hidden = hidden  # keys the listing leaves out (taken after it, as it were)

    def put_bytes(self, bucket: str, key: str, *args: Any, **kwargs: Any) -> str:
        with self._count_lock:
            self.threaded.append(key)
        return super().put_bytes(bucket, key, *args, **kwargs)

    def iter_objects(self, bucket: str, prefix: str = "") -> Iterator[RemoteObject]:
        return (o for o in super().iter_objects(bucket, prefix) if o.key not in self._hidden)

    def object_putter(self, connections: int) -> Any:
        real, gate, tried = super().object_putter(connections), self._gate, self.lane_tried
        entered = self.lane_entered

        class Gated:
            async def put(self, request: PutRequest, body: bytes) -> int:
                entered.append(request.key)
                while gate is not None and not gate.is_set():
                    await asyncio.sleep(0.01)
                tried.append(request.key)
                return await real.put(request, body)

            async def close(self) -> None:
                await real.close()

        return Gated()


def lane_of(engine: TransferEngine) -> SmallUploads:
    lane = engine._lanes.uploads
    assert lane is not None
    return lane


def check_stored(storage: MinioStorage, bucket: str, key: str, path: Path) -> None:
    """The object holds the file's bytes and its CRC64NVME (no `sha256`: no rule asked)."""
    assert storage.read_range(bucket, key, 0, 2 * MiB) == path.read_bytes(), key
    head = storage.head_checksums(bucket, key)
    assert SHA256_META not in head.metadata, key
    assert stored_crc64(storage, bucket, key) == crc64_of(path), key


@pytest.fixture
def lane_storage(s3_server: ConnectionSettings) -> Iterator[LaneStorage]:
    storage = LaneStorage(s3_server)
    yield storage
    storage.close()


def test_small_files_take_the_lane_and_arrive_checked(
        lane_storage: LaneStorage, bucket: str, tmp_path: Path) -> None:
    src = tmp_path / "src" / "up"
    sizes = {"empty.bin": 0, "one.txt": 1, "edge.bin": MiB, "over.bin": MiB + 1,
             "dír with space/ünïcode.txt": 300}
    sizes |= {f"many/f{n:02d}.bin": 64 * 1024 + n for n in range(30)}
    for n, (name, size) in enumerate(sizes.items()):
        write_file(src / name, size, seed=n)
    engine = TransferEngine(lane_storage, small_options(), Journal.in_dir(tmp_path / "data"))
    ids = engine.upload_paths([src], bucket)
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    # The file over the lane's limit and one scout (which learnt whether the server keeps
    # checksums and listed the batch's keys) went the threaded way; the rest the lane's.
    threaded = set(lane_storage.threaded)
    assert "up/over.bin" in threaded
    assert len(threaded) == 2, threaded
    assert lane_of(engine).sent == len(sizes) - 2
    for name in sizes:
        check_stored(lane_storage, bucket, f"up/{name}", src / name)
    assert {v.verified_by for v in engine.snapshot()} == {"CRC64NVME"}
    assert all(v.done_bytes == v.size for v in engine.snapshot())
    assert engine.journal.pending() == []
    # The answers are known now: a second batch needs no scout.
    lane_storage.threaded.clear()
    more = [(src / "one.txt", "again/one.txt", 1), (src / "edge.bin", "again/edge.bin", MiB)]
    ids = engine.upload_files(bucket, more, conflict=ConflictPolicy.OVERWRITE)
    assert engine.wait(30)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    assert lane_storage.threaded == []
    check_stored(lane_storage, bucket, "again/edge.bin", src / "edge.bin")
    engine.shutdown()
    engine.shutdown()  # a window closed twice shuts its in-process engine down twice


@pytest.mark.parametrize("policy", [ConflictPolicy.SKIP, ConflictPolicy.KEEP_BOTH])
def test_existing_keys_are_left_to_the_conflict_policy(
        s3_server: ConnectionSettings, bucket: str, tmp_path: Path,
        policy: ConflictPolicy) -> None:
    # "d/late.txt" is taken but the listing does not show it (as if taken just after it):
    # the lane's PUT carries If-None-Match, the server refuses it, the policy decides.
    storage = LaneStorage(s3_server, hidden=frozenset({"d/late.txt"}))
    storage.keeps_checksums(bucket)  # known already: no scout
    for name in ("listed.txt", "late.txt"):
        put_bytes(storage, bucket, f"d/{name}", b"precious " + name.encode())
    src = tmp_path / "d"
    for n, name in enumerate(("listed.txt", "late.txt", "free1.txt", "free2.txt")):
        write_file(src / name, 100 + n, seed=n)
    engine = TransferEngine(storage, small_options(conflict=policy))
    ids = engine.upload_paths([src], bucket)
    assert engine.wait(30)
    assert not errors(engine)
    # The listed key never went to the lane; the late one did (unless it was the batch's
    # scout), and its PUT was refused (If-None-Match) rather than replacing the object.
    assert "d/listed.txt" not in storage.lane_tried
    assert "d/late.txt" in storage.lane_tried or storage.threaded[0] == "d/late.txt"
    assert "d/late.txt" in storage.threaded
    for name in ("listed.txt", "late.txt"):
        assert storage.read_range(bucket, f"d/{name}", 0, 100) == b"precious " + name.encode()
    got = sorted(s.value for s in states(engine, ids).values())
    keys = sorted(o.key for o in MinioStorage.iter_objects(storage, bucket, "d/"))
    if policy is ConflictPolicy.SKIP:
        assert got == ["done", "done", "skipped", "skipped"]
        assert len(keys) == 4
    else:
        assert got == ["done"] * 4
        assert len(keys) == 6  # both kept under new names
    check_stored(storage, bucket, "d/free1.txt", src / "free1.txt")
    engine.shutdown()
    storage.close()


def test_refusals_and_failures_end_on_the_retrying_path(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path) -> None:
    src = tmp_path / "f"
    for n in range(12):
        write_file(src / f"{n:02d}.bin", 5000 + n, seed=n)
    via_proxy = LaneStorage(dataclasses.replace(s3_server, port=proxy.port))
    via_proxy.keeps_checksums(bucket)
    engine = TransferEngine(via_proxy, small_options(conflict=ConflictPolicy.OVERWRITE))
    proxy.faults = [
        Fault("corrupt-request", lambda m, p, h: m == "PUT" and "f/03.bin" in p),  # BadDigest
        Fault("503", lambda m, p, h: m == "PUT" and "f/05.bin" in p),
        Fault("reset", lambda m, p, h: m == "PUT" and "f/07.bin" in p),
    ]
    ids = engine.upload_paths([src], bucket)
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    assert sorted(proxy.fired) == ["503", "corrupt-request", "reset"]
    # A refused body and an error status always go the long way; a reset may already be
    # sent again by aiohttp itself on a fresh connection.
    assert {"f/03.bin", "f/05.bin"} <= set(via_proxy.threaded) <= {
        "f/03.bin", "f/05.bin", "f/07.bin"}
    for n in range(12):
        check_stored(storage, bucket, f"f/{n:02d}.bin", src / f"{n:02d}.bin")
    assert {v.verified_by for v in engine.snapshot()} == {"CRC64NVME"}
    engine.shutdown()
    via_proxy.close()


def test_a_file_not_its_listed_size_is_sent_as_it_is_now(
        lane_storage: LaneStorage, bucket: str, tmp_path: Path) -> None:
    lane_storage.keeps_checksums(bucket)
    path = tmp_path / "grew.txt"
    path.write_bytes(b"longer than it was when listed")
    engine = TransferEngine(lane_storage, small_options(conflict=ConflictPolicy.OVERWRITE))
    ids = engine.upload_files(bucket, [(path, "grew.txt", 5)])
    assert engine.wait(30)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    assert lane_storage.threaded == ["grew.txt"]
    check_stored(lane_storage, bucket, "grew.txt", path)
    engine.shutdown()


def gated(settings: ConnectionSettings, bucket: str, tmp: Path, count: int,
          files_at_once: int) -> tuple[threading.Event, LaneStorage, TransferEngine, Path]:
    """`count` small files in `tmp`/s and an overwriting engine whose lane PUTs wait at the
    returned gate (closed), on a connection that knows the server keeps checksums."""
    gate = threading.Event()
    storage = LaneStorage(settings, gate)
    storage.keeps_checksums(bucket)
    src = tmp / "s"
    for n in range(count):
        write_file(src / f"{n}.bin", 1000, seed=n)
    engine = TransferEngine(storage, small_options(files_at_once=files_at_once,
                                                   conflict=ConflictPolicy.OVERWRITE))
    return gate, storage, engine, src


@pytest.mark.parametrize("stop", ["pause", "cancel"])
def test_stopped_files_are_not_sent(
        s3_server: ConnectionSettings, bucket: str, tmp_path: Path, stop: str) -> None:
    # One file at once: UPLOAD_FACTOR lane workers, whose PUTs wait at the gate; the rest
    # queue.
    gate, storage, engine, src = gated(s3_server, bucket, tmp_path, 10, files_at_once=1)
    # The lane's first PUT into a bucket goes alone (see the next test): one file first, so
    # that several of the ten below are on their way at once.
    gate.set()
    write_file(tmp_path / "first.bin", 100)
    first = engine.upload_paths([tmp_path / "first.bin"], bucket)
    assert engine.wait(30)
    assert states(engine, first)[first[0]] is State.DONE
    gate.clear()
    ids = engine.upload_paths([src], bucket)
    wait_until(lambda: sum(s is State.RUNNING for s in states(engine, ids).values())
               == UPLOAD_FACTOR)
    (engine.pause if stop == "pause" else engine.cancel)(ids)
    gate.set()
    assert engine.wait(30)
    stored = {o.key for o in storage.iter_objects(bucket, "s/")}
    got = states(engine, ids)
    # The PUTs already on their way finish (as a late stop lets a threaded PUT end);
    # none of the others was sent, by the lane or the threaded path.
    stopped = "paused" if stop == "pause" else "cancelled"
    assert sorted(s.value for s in got.values()) == sorted(
        ["done"] * UPLOAD_FACTOR + [stopped] * (10 - UPLOAD_FACTOR))
    assert stored == {v.key for v in engine.snapshot()
                      if v.state is State.DONE and v.key.startswith("s/")}
    assert storage.threaded == []
    if stop == "pause":
        engine.resume(ids)
        assert engine.wait(30)
        assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
        assert {o.key for o in storage.iter_objects(bucket, "s/")} == {
            f"s/{n}.bin" for n in range(10)}
    engine.shutdown()
    storage.close()


def test_the_first_put_into_a_bucket_goes_alone(
        s3_server: ConnectionSettings, bucket: str, tmp_path: Path) -> None:
    """A server may prepare a bucket on its first write (SeaweedFS grows its volumes, and
    many first writes at once grow more): the others wait for the first one's answer."""
    gate, storage, engine, src = gated(s3_server, bucket, tmp_path, 6, files_at_once=2)
    ids = engine.upload_paths([src], bucket)
    wait_until(lambda: len(storage.lane_entered) >= 1)
    time.sleep(0.3)  # time enough for the other workers to begin theirs, if they could
    assert len(storage.lane_entered) == 1
    gate.set()
    assert engine.wait(30)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    assert sorted(storage.lane_entered) == sorted(f"s/{n}.bin" for n in range(6))
    assert storage.threaded == []
    engine.shutdown()
    storage.close()


def test_a_redirect_is_not_followed(tmp_path: Path) -> None:
    import http.server

    hits: list[str] = []

    class Redirect(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_PUT(self) -> None:
            hits.append(self.path)
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(307)
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/else")
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    settings = dataclasses.replace(SETTINGS, port=port)
    body = b"x" * 10

    def sign(request: PutRequest) -> tuple[str, dict[str, str]]:
        return f"http://127.0.0.1:{port}/b/k", {"Content-Length": str(request.length)}

    async def run() -> int:
        putter = ObjectPutter(settings, sign, 2)
        try:
            return await putter.put(PutRequest("b", "k", len(body), "text/plain", {},
                                               crc_of(body), False), body)
        finally:
            await putter.close()

    try:
        assert asyncio.run(run()) == 307
        assert hits == ["/b/k"]  # the signed PUT was not replayed to the other address
    finally:
        server.shutdown()
        server.server_close()


def test_a_scout_that_learns_nothing_leaves_its_batch_to_the_threaded_path(
        s3_server: ConnectionSettings, bucket: str, tmp_path: Path) -> None:
    class NeverKnown(LaneStorage):
        def checksums_known_kept(self) -> bool | None:
            return None  # as when the probe was refused: it is asked again every time

    storage = NeverKnown(s3_server)
    src = tmp_path / "n"
    for n in range(6):
        write_file(src / f"{n}.bin", 100, seed=n)
    engine = TransferEngine(storage, small_options(conflict=ConflictPolicy.OVERWRITE))
    ids = engine.upload_paths([src], bucket)
    assert engine.wait(30)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    assert lane_of(engine).sent == 0
    assert sorted(storage.threaded) == [f"n/{n}.bin" for n in range(6)]
    engine.shutdown()
    storage.close()


@pytest.fixture(scope="module")
def https_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConnectionSettings]:
    certs = self_signed(tmp_path_factory.mktemp("tls"), "server", ips=("127.0.0.1",))
    server = SandboxServer(tmp_path_factory.mktemp("https-s3"), certs.cert, certs.key)
    server.start()
    yield dataclasses.replace(server.https_settings, ca_bundle=str(certs.cert))
    server.stop()


def test_customer_key_uploads_take_the_lane_over_https(
        https_settings: ConnectionSettings, tmp_path: Path) -> None:
    key = CustomerKey.generate()
    storage = LaneStorage(https_settings)
    bucket = f"ssec-{secrets.token_hex(4)}"
    storage.make_bucket(bucket)
    storage.keeps_checksums(bucket)
    storage.encryption.set(bucket, Encryption(Mode.CUSTOMER, key))
    src = tmp_path / "c"
    for n in range(6):
        write_file(src / f"{n}.txt", 3000 + n, seed=n)
    engine = TransferEngine(storage, small_options(conflict=ConflictPolicy.OVERWRITE))
    ids = engine.upload_paths([src], bucket)
    assert engine.wait(30)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    assert storage.threaded == []
    assert lane_of(engine).sent == 6
    for n in range(6):
        check_stored(storage, bucket, f"c/{n}.txt", src / f"{n}.txt")
    bare = MinioStorage(https_settings)  # stored encrypted: without the key, refused
    with pytest.raises(CustomerKeyNeeded):
        bare.read_range(bucket, "c/0.txt", 0, 10)
    bare.close()
    engine.shutdown()
    storage.close()
