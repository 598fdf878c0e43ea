"""Uploads learn which keys are taken from one listing of the batch's prefix, not a HEAD per
file; a key taken after that listing is still never overwritten behind the user's back."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.checksums import Crc
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import AccessDenied
from desktop_app.core.transfer_errors import TransientError
from desktop_app.core.transfer_types import ObjectHead, RemoteObject
from desktop_app.storage.object_put import PutRequest
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.options import ConflictPolicy
from desktop_app.transfers.remote_keys import RemoteKeys
from desktop_app.transfers.state import State
from tests.fault_proxy import Fault, FaultProxy
from tests.helpers import put_bytes
from tests.transfer_helpers import small_options, states


class Requests:
    """The real storage, counting the HEADs and the conditional PUTs; `late` is created on
    the server right after the batch's listing (someone else's upload)."""

    def __init__(self, real: MinioStorage, late: tuple[str, str] | None = None) -> None:
        self.real = real
        self.late = late
        self.heads: list[str] = []
        self.conditional: list[str] = []
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def head_checksums(self, bucket: str, key: str) -> ObjectHead:
        with self._lock:
            self.heads.append(key)
        return self.real.head_checksums(bucket, key)

    def iter_objects(self, bucket: str, prefix: str) -> Iterator[RemoteObject]:
        yield from self.real.iter_objects(bucket, prefix)
        if self.late is not None:
            put_bytes(self.real, bucket, self.late[0], self.late[1].encode())

    def put_bytes(self, bucket: str, key: str, data: bytes, content_type: str,
                  metadata: dict[str, str], if_absent: bool = False,
                  checksum: Crc | None = None) -> str:
        if if_absent:
            with self._lock:
                self.conditional.append(key)
        return self.real.put_bytes(bucket, key, data, content_type, metadata,
                                   if_absent=if_absent, checksum=checksum)

    def object_putter(self, connections: int) -> object:
        """The small-upload lane's PUTs, counted the same way."""
        real, requests = self.real.object_putter(connections), self

        class Counted:
            async def put(self, request: PutRequest, body: bytes) -> int:
                if request.if_absent:
                    with requests._lock:
                        requests.conditional.append(request.key)
                return await real.put(request, body)

            async def close(self) -> None:
                await real.close()

        return Counted()


@pytest.mark.real_server
def test_one_listing_replaces_a_head_per_file(storage: MinioStorage, bucket: str,
                                              tmp_path: Path) -> None:
    src = tmp_path / "photos"
    for n in range(20):
        (src / "day").mkdir(parents=True, exist_ok=True)
        (src / "day" / f"{n:02d}.jpg").write_bytes(f"local {n}".encode())
    for n in (3, 11):
        put_bytes(storage, bucket, f"in/photos/day/{n:02d}.jpg", b"already there")
    counting = Requests(storage)
    engine = TransferEngine(counting, small_options(conflict=ConflictPolicy.SKIP))  # type: ignore[arg-type]
    ids = engine.upload_paths([src], bucket, "in/")
    assert engine.wait(30)
    skipped = {i for i, s in states(engine, ids).items() if s is State.SKIPPED}
    assert len(skipped) == 2
    assert set(states(engine, ids).values()) == {State.DONE, State.SKIPPED}
    assert sorted(counting.heads) == ["in/photos/day/03.jpg", "in/photos/day/11.jpg"]
    assert len(counting.conditional) == 18
    for n in range(20):
        body = storage.read_range(bucket, f"in/photos/day/{n:02d}.jpg", 0, 100)
        assert body == (b"already there" if n in (3, 11) else f"local {n}".encode())
    engine.shutdown()


@pytest.mark.real_server
def test_a_key_taken_after_the_listing_is_not_overwritten(storage: MinioStorage, bucket: str,
                                                          tmp_path: Path) -> None:
    src = tmp_path / "report.txt"
    src.write_text("mine")
    counting = Requests(storage, late=("report.txt", "someone else's"))
    engine = TransferEngine(counting, small_options(conflict=ConflictPolicy.KEEP_BOTH))  # type: ignore[arg-type]
    (tid,) = engine.upload_paths([src], bucket)
    assert engine.wait(30)
    assert states(engine, [tid]) == {tid: State.DONE}
    assert counting.conditional == ["report.txt"]  # the listing said free; the server did not
    assert storage.read_range(bucket, "report.txt", 0, 100) == b"someone else's"
    assert storage.read_range(bucket, "report (1).txt", 0, 100) == b"mine"
    engine.shutdown()


class Listing:
    def __init__(self, keys: list[str], refuse: bool = False, down_for: int = 0) -> None:
        self.keys = keys
        self.refuse = refuse
        self.down_for = down_for  # calls that find the server unreachable
        self.calls = 0

    def iter_objects(self, bucket: str, prefix: str) -> Iterator[RemoteObject]:
        self.calls += 1
        if self.refuse:
            raise AccessDenied("no listing for this key")
        if self.calls <= self.down_for:
            raise TransientError("unreachable", outage=True)
        for key in self.keys:
            yield RemoteObject(key, 1, "")


def test_what_a_listing_can_and_cannot_tell() -> None:
    short = Listing(["a", "c", "e", "g"])
    known = RemoteKeys(short, "b", "", limit=2)  # type: ignore[arg-type]
    assert known.surely_absent("b")  # between listed keys
    assert not known.surely_absent("c")  # taken
    assert not known.surely_absent("d")  # past what was listed: ask the server
    assert short.calls == 1  # listed once, when first needed

    whole = RemoteKeys(Listing(["a", "c"]), "b", "")  # type: ignore[arg-type]
    assert whole.surely_absent("z")
    assert not whole.surely_absent("a")

    refused = RemoteKeys(Listing(["a"], refuse=True), "b", "")  # type: ignore[arg-type]
    assert not refused.surely_absent("b")  # no listing: every key gets its HEAD

    flaky = Listing(["a"], down_for=1)
    outage = RemoteKeys(flaky, "b", "")  # type: ignore[arg-type]
    assert not outage.surely_absent("b")  # no answer: this file asks the server itself
    assert outage.surely_absent("b")  # and the next one lists again (an outage passes)
    assert flaky.calls == 2


@pytest.mark.real_server
def test_a_conditional_upload_whose_answer_was_lost_is_not_taken_for_a_conflict(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path) -> None:
    """The server stored it but the answer never came: sent again, If-None-Match refuses it.
    That is this upload having arrived, not someone else's file to keep both of."""
    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    proxy.faults = [Fault("lost", lambda m, p, h: m == "PUT" and "note.txt" in p)]
    src = tmp_path / "note.txt"
    src.write_text("hello")
    engine = TransferEngine(via_proxy, small_options(conflict=ConflictPolicy.KEEP_BOTH))
    (tid,) = engine.upload_paths([src], bucket)
    assert engine.wait(30)
    assert states(engine, [tid]) == {tid: State.DONE}
    assert proxy.fired == ["lost"]
    assert [o.key for o in storage.iter_objects(bucket, "")] == ["note.txt"]  # no "note (1)"
    assert storage.read_range(bucket, "note.txt", 0, 100) == b"hello"
    engine.shutdown()
    via_proxy.close()
