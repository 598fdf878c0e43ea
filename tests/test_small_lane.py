"""The small-download lane (one asyncio thread) against the real server: it takes small
objects only, saves them intact, and hands everything unusual to the threaded path, whose
retries, conflict policies and messages the user then sees."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.transfer_types import ObjectBody, RemoteObject
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.sandbox import SandboxServer
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.options import ConflictPolicy, MiB
from desktop_app.transfers.partial import temp_files
from desktop_app.transfers.retry import RetryPolicy
from desktop_app.transfers.small_lane import DOWNLOAD_FACTOR
from desktop_app.transfers.state import State
from tests.fault_proxy import Fault, FaultProxy
from tests.helpers import put_bytes
from tests.tls_certs import self_signed
from tests.transfer_helpers import errors, sha_of, small_options, states, write_file

pytestmark = pytest.mark.real_server


class CountingStorage(MinioStorage):
    """Records the keys the threaded path GETs (the lane fetches on its own)."""

    def __init__(self, settings: ConnectionSettings) -> None:
        super().__init__(settings)
        self.threaded: list[str] = []
        self._count_lock = threading.Lock()

    def open_object(self, bucket: str, key: str, offset: int = 0, length: int | None = None,
                    if_match: str | None = None) -> ObjectBody:
        with self._count_lock:
            self.threaded.append(key)
        return super().open_object(bucket, key, offset, length, if_match)


def upload_tree(storage: MinioStorage, bucket: str, tmp: Path, sizes: dict[str, int]
                ) -> dict[str, str]:
    """Upload files of the given sizes with the engine (so they carry a sha256)."""
    src = tmp / "src" / "set"
    shas = {name: write_file(src / name, size, seed=n) for n, (name, size)
            in enumerate(sizes.items())}
    engine = TransferEngine(storage, small_options())
    engine.upload_paths([src], bucket)
    assert engine.wait(60)
    assert not errors(engine)
    engine.shutdown()
    return shas


def put_numbered(storage: MinioStorage, bucket: str, prefix: str, count: int,
                 repeat: int) -> dict[str, bytes]:
    """`count` small objects `prefix`NN.txt; returns {NN.txt: body}."""
    width = len(str(count - 1))
    bodies = {f"{n:0{width}d}.txt": f"file {n}\n".encode() * repeat for n in range(count)}
    for name, body in bodies.items():
        put_bytes(storage, bucket, prefix + name, body)
    return bodies


def download_all(engine: TransferEngine, bucket: str, prefix: str, tmp_path: Path) -> Path:
    """Download `prefix` into a fresh folder; every item must end done."""
    dest = tmp_path / "dest"
    dest.mkdir()
    ids = engine.download_prefix(bucket, prefix, dest)
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    return dest


def test_small_files_take_the_lane_and_arrive_intact(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    sizes = {"empty.bin": 0, "one.bin": 1, "edge.bin": MiB, "over.bin": MiB + 1}
    sizes |= {f"many/f{n:02d}.bin": 64 * 1024 + n for n in range(24)}
    sizes["dír with space/ünïcode.txt"] = 300
    shas = upload_tree(storage, bucket, tmp_path, sizes)
    counting = CountingStorage(s3_server)
    engine = TransferEngine(counting, small_options())
    dest = download_all(engine, bucket, "set/", tmp_path)
    for name, sha in shas.items():
        assert sha_of(dest / "set" / name) == sha, name
    assert temp_files(dest) == []
    # Only the object over the lane's limit went through the threaded path.
    assert set(counting.threaded) == {"set/over.bin"}
    assert all(v.done_bytes == v.size for v in engine.snapshot())
    assert engine.journal.pending() == []  # done rows leave the journal (in one write)
    engine.shutdown()
    counting.close()


@pytest.mark.parametrize("policy", [ConflictPolicy.SKIP, ConflictPolicy.KEEP_BOTH])
def test_existing_files_are_left_to_the_conflict_policy(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, tmp_path: Path,
        policy: ConflictPolicy) -> None:
    put_bytes(storage, bucket, "d/a.txt", b"new a")
    put_bytes(storage, bucket, "d/b.txt", b"new b")
    dest = tmp_path / "dest"
    (dest / "d").mkdir(parents=True)
    (dest / "d" / "a.txt").write_bytes(b"precious")
    engine = TransferEngine(storage, small_options(conflict=policy))
    ids = engine.download_prefix(bucket, "d/", dest)
    assert engine.wait(30)
    assert (dest / "d" / "a.txt").read_bytes() == b"precious"
    assert (dest / "d" / "b.txt").read_bytes() == b"new b"
    others = sorted(p.name for p in (dest / "d").iterdir())
    if policy is ConflictPolicy.SKIP:
        assert others == ["a.txt", "b.txt"]
        assert sorted(s.value for s in states(engine, ids).values()) == ["done", "skipped"]
    else:
        assert len(others) == 3  # the new a.txt was kept under another name
        kept = next(p for p in (dest / "d").iterdir() if p.name not in ("a.txt", "b.txt"))
        assert kept.read_bytes() == b"new a"
    engine.shutdown()


def test_faults_in_the_lane_end_on_the_retrying_path(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path) -> None:
    bodies = put_numbered(storage, bucket, "f/", 12, 200)
    via_proxy = CountingStorage(dataclasses.replace(s3_server, port=proxy.port))
    engine = TransferEngine(via_proxy, small_options())
    proxy.faults = [
        Fault("reset", lambda m, p, h: m == "GET" and "f/03.txt" in p),
        Fault("truncate", lambda m, p, h: m == "GET" and "f/05.txt" in p),
        Fault("503", lambda m, p, h: m == "GET" and "f/07.txt" in p),
    ]
    dest = download_all(engine, bucket, "f/", tmp_path)
    assert sorted(proxy.fired) == ["503", "reset", "truncate"]
    for name, body in bodies.items():
        assert (dest / "f" / name).read_bytes() == body
    # A damaged body and an error status always go the long way; a reset of a kept-alive
    # connection may already be retried by aiohttp itself (GET is idempotent).
    assert {"f/05.txt", "f/07.txt"} <= set(via_proxy.threaded) <= {"f/03.txt", "f/05.txt",
                                                                     "f/07.txt"}
    assert temp_files(dest) == []
    engine.shutdown()
    via_proxy.close()


def test_the_lane_reuses_its_connections(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path) -> None:
    put_numbered(storage, bucket, "many/", 80, 100)
    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    engine = TransferEngine(via_proxy, small_options(files_at_once=2))
    download_all(engine, bucket, "many/", tmp_path)
    # 2 files at once: 8 lane connections, plus the listing's; 81 without reuse.
    assert proxy.connections <= 2 * DOWNLOAD_FACTOR + 1, proxy.connections
    engine.shutdown()
    via_proxy.close()


def test_a_bandwidth_limit_keeps_everything_on_the_threaded_path(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    put_numbered(storage, bucket, "l/", 3, 100)
    counting = CountingStorage(s3_server)
    engine = TransferEngine(counting, small_options(bandwidth_limit=10 * MiB))
    download_all(engine, bucket, "l/", tmp_path)
    assert sorted(counting.threaded) == ["l/0.txt", "l/1.txt", "l/2.txt"]
    engine.shutdown()
    counting.close()


def test_quitting_mid_batch_keeps_the_rest_for_next_time(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    bodies = put_numbered(storage, bucket, "q/", 150, 50)
    dest = tmp_path / "dest"
    dest.mkdir()
    journal_dir = tmp_path / "data"
    first = TransferEngine(storage, small_options(), Journal.in_dir(journal_dir))
    first.download_prefix(bucket, "q/", dest)
    first.shutdown()
    first.journal.close()
    again = TransferEngine(storage, small_options(), Journal.in_dir(journal_dir))
    restored = again.restore()
    again.resume(restored)
    assert again.wait(60)
    assert not errors(again)
    for name, body in bodies.items():
        assert (dest / "q" / name).read_bytes() == body
    assert temp_files(dest) == []
    assert again.journal.pending() == []
    again.shutdown()


@pytest.fixture(scope="module")
def https_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    certs = self_signed(tmp_path_factory.mktemp("tls"), "server", ips=("127.0.0.1",))
    server = SandboxServer(tmp_path_factory.mktemp("https-s3"), certs.cert, certs.key)
    server.start()
    plain = MinioStorage(server.settings)
    plain.make_bucket("tls")
    for n in range(5):
        put_bytes(plain, "tls", f"t/{n}.txt", f"secret {n}".encode())
    plain.close()
    yield server
    server.stop()


@pytest.mark.parametrize("trust", ["ca-bundle", "unchecked", "untrusted"])
def test_the_lane_keeps_the_profile_s_certificate_checks(
        https_server: SandboxServer, tmp_path: Path, trust: str) -> None:
    assert https_server.tls_cert is not None
    settings = https_server.https_settings
    if trust == "ca-bundle":
        settings = dataclasses.replace(settings, ca_bundle=str(https_server.tls_cert))
    elif trust == "unchecked":
        settings = dataclasses.replace(settings, verify_tls=False)
    counting = CountingStorage(settings)
    engine = TransferEngine(counting, small_options(retry=RetryPolicy(attempts=1)))
    dest = tmp_path / "dest"
    dest.mkdir()
    keys = [f"t/{n}.txt" for n in range(5)]
    objects = [RemoteObject(key=k, size=len(b"secret 0"), etag="") for k in keys]
    ids = engine.download_objects("tls", objects, dest, "t/")
    assert engine.wait(60)
    if trust == "untrusted":  # the lane got nothing either: the threaded path explains
        assert set(states(engine, ids).values()) == {State.FAILED}
        assert sorted(counting.threaded) == keys
        assert "certificate" in errors(engine)[0].lower()
        assert list(dest.iterdir()) == []
    else:
        assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
        assert counting.threaded == []
        assert (dest / "3.txt").read_bytes() == b"secret 3"
    engine.shutdown()
    counting.close()


def test_an_object_replaced_after_the_listing_is_not_saved(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    """The lane sends no If-Match: it compares the answer's ETag with the listed one, and a
    different one goes to the threaded path, which says the object changed. Nothing of the
    new version is saved under the old one's listing."""
    put_bytes(storage, bucket, "r/a.txt", b"first version")
    put_bytes(storage, bucket, "r/b.txt", b"kept as listed")
    listed = {o.key: o for o in storage.iter_objects(bucket, "r/")}
    put_bytes(storage, bucket, "r/a.txt", b"other version")  # the same size
    counting = CountingStorage(storage.settings)
    engine = TransferEngine(counting, small_options(retry=RetryPolicy(attempts=1)))
    dest = tmp_path / "dest"
    dest.mkdir()
    ids = engine.download_objects(bucket, [listed["r/a.txt"], listed["r/b.txt"]], dest, "r/")
    assert engine.wait(60)
    by_key = {v.key: v for v in engine.snapshot()}
    assert by_key["r/a.txt"].state is State.FAILED
    assert "was replaced on the server" in by_key["r/a.txt"].error
    assert by_key["r/b.txt"].state is State.DONE
    assert counting.threaded == ["r/a.txt"]  # the lane fetched it, saw the ETag, handed it on
    assert sorted(p.name for p in dest.iterdir()) == ["b.txt"]
    assert set(states(engine, ids).values()) == {State.FAILED, State.DONE}
    engine.shutdown()
    counting.close()
