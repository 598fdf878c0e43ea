"""A composite checksum's part boundaries come from GetObjectAttributes, a request per 1000
parts, not a HEAD per part; a server that does not answer it (or answers with something else)
is asked part by part, and an object replaced since it was listed is caught either way."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.transfer_errors import ObjectChanged
from desktop_app.core.transfer_types import ObjectHead
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.s3.object_parts import ObjectParts, _parse
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.options import MiB
from desktop_app.transfers.state import State
from tests.fault_proxy import Fault, FaultProxy
from tests.helpers import CallCounter
from tests.hostile_s3 import HostileS3
from tests.s3_peers import boto_transfer
from tests.test_download_checksums import body_of, listed, run
from tests.transfer_helpers import small_options

NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"'


def answer(parts: str, truncated: bool = False, marker: int = 0, etag: str = "abc-3") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><GetObjectAttributesResponse {NS}>'
            f"<ETag>{etag}</ETag><ObjectParts><IsTruncated>{str(truncated).lower()}"
            f"</IsTruncated><NextPartNumberMarker>{marker}</NextPartNumberMarker>{parts}"
            "</ObjectParts></GetObjectAttributesResponse>").encode()


def part(number: int, size: int) -> str:
    return f"<Part><PartNumber>{number}</PartNumber><Size>{size}</Size></Part>"


class Pages(ObjectParts):
    """`part_sizes` over scripted answers instead of a server (its paging and checks)."""

    def __init__(self, *answers: bytes) -> None:
        self.answers = list(answers)
        self.markers: list[int] = []

    def _attributes_page(self, bucket: str, key: str, marker: int
                         ) -> tuple[str, list[int], list[int], bool, int] | None:
        self.markers.append(marker)
        return _parse(self.answers.pop(0))


def test_pages_are_joined_and_answers_that_do_not_add_up_give_nothing() -> None:
    two_pages = Pages(answer(part(1, 8) + part(2, 8), True, 2), answer(part(3, 5)))
    assert two_pages.part_sizes("b", "k", "abc-3") == (8, 8, 5)
    assert two_pages.markers == [0, 2]
    assert Pages(answer(part(1, 8) + part(3, 5))).part_sizes("b", "k") is None  # a gap
    assert Pages(answer(part(1, 8), True, 0)).part_sizes("b", "k") is None  # stuck marker
    assert Pages(answer(part(1, 0))).part_sizes("b", "k") is None  # an empty part
    assert Pages(answer("")).part_sizes("b", "k") is None
    with pytest.raises(ObjectChanged):
        Pages(answer(part(1, 8), etag="new-1")).part_sizes("b", "k", "abc-3")


def test_only_a_get_object_attributes_answer_is_read() -> None:
    assert _parse(b"\x00\x01 not xml") is None
    assert _parse(f"<ListBucketResult {NS}><ObjectParts/></ListBucketResult>".encode()) is None
    doctype = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
               b"<GetObjectAttributesResponse><ObjectParts/></GetObjectAttributesResponse>")
    assert _parse(doctype) is None
    assert _parse(answer(part(1, 8))) == ("abc-3", [1], [8], False, 0)


class PartHeadCounter:
    """The real storage, counting HEADs with a part number; `listed` False hides the part
    list as a server without GetObjectAttributes would."""

    def __init__(self, real: MinioStorage, listed: bool = True) -> None:
        self.real = real
        self.listed = listed
        self.part_heads = 0

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def head_checksums(self, bucket: str, key: str, if_match: str | None = None,
                       part_number: int = 0) -> ObjectHead:
        self.part_heads += bool(part_number)
        return self.real.head_checksums(bucket, key, if_match, part_number)

    def part_sizes(self, bucket: str, key: str, etag: str | None = None
                   ) -> tuple[int, ...] | None:
        return self.real.part_sizes(bucket, key, etag) if self.listed else None


@pytest.mark.real_server
def test_the_server_lists_the_parts_and_no_part_is_asked_for_alone(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    data = body_of(12 * MiB + 5, seed=4)
    boto_transfer(s3_server, bucket, "obj.bin", data)  # composite CRC32, 5 MiB parts
    etag = storage.stat(bucket, "obj.bin").etag
    assert storage.part_sizes(bucket, "obj.bin", etag) == (5 * MiB, 5 * MiB, 2 * MiB + 5)
    with pytest.raises(ObjectChanged):
        storage.part_sizes(bucket, "obj.bin", "0123456789abcdef0123456789abcdef-3")
    for hidden, heads in ((False, 0), (True, 3)):
        counter = PartHeadCounter(storage, listed=not hidden)
        engine = TransferEngine(counter, small_options())  # type: ignore[arg-type]
        dest = tmp_path / f"hidden-{hidden}"
        dest.mkdir()
        rows = run(engine, bucket, listed(storage, bucket, ["obj.bin"]), dest)
        engine.shutdown()
        assert rows == {"obj.bin": (State.DONE, "CRC32 (composite, 3 parts)", "")}
        assert (dest / "obj.bin").read_bytes() == data
        assert counter.part_heads == heads


@pytest.mark.parametrize("size", [3000, 3 * MiB])
def test_a_server_that_answers_with_the_object_is_asked_part_by_part(size: int) -> None:
    """The fake ignores `?attributes` and sends the object itself, as a server that does not
    know the call may: small, it is not an answer; large, it is not read past 1 MiB. Either
    way the connection says so once and asks no more, and its next request works."""
    fake = HostileS3().start()
    try:
        fake.put("bkt", "obj.bin", body_of(size))
        storage = MinioStorage(ConnectionSettings(
            name="hostile", host="127.0.0.1", port=fake.port, secure=False,
            access_key="AKIAHOSTILE", secret_key="hostile-secret-key", region="us-east-1"))
        assert storage.part_sizes("bkt", "obj.bin") is None
        asked = len(fake.requests())
        assert storage.part_sizes("bkt", "obj.bin") is None
        assert len(fake.requests()) == asked  # remembered for the connection
        assert storage.stat("bkt", "obj.bin").size == size
        storage.close()
    finally:
        fake.stop()


@pytest.mark.real_server
def test_ranges_are_not_cut_at_the_parts_and_each_part_is_still_checked(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        proxy: FaultProxy, tmp_path: Path) -> None:
    """5 MiB parts, 8 MiB ranges: two GETs (cut at the parts it took three), each range
    checksumming the pieces of the parts it holds; a flipped byte is still caught."""
    data = body_of(12 * MiB + 5, seed=6)
    boto_transfer(s3_server, bucket, "obj.bin", data)  # composite CRC32, 5 MiB parts
    counter = CallCounter(storage, "open_object")  # the object GETs, whole or ranged
    engine = TransferEngine(counter,  # type: ignore[arg-type]
                            small_options(download_part_size=8 * MiB))
    rows = run(engine, bucket, listed(storage, bucket, ["obj.bin"]), tmp_path)
    engine.shutdown()
    assert rows == {"obj.bin": (State.DONE, "CRC32 (composite, 3 parts)", "")}
    assert (tmp_path / "obj.bin").read_bytes() == data
    assert counter.calls == 2

    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    proxy.faults = [Fault("corrupt", lambda m, p, h: m == "GET" and "attributes" not in p
                          and p.split("?")[0].endswith("obj.bin")) for _ in range(8)]
    engine = TransferEngine(via_proxy, small_options(download_part_size=8 * MiB))
    dest = tmp_path / "damaged"
    dest.mkdir()
    rows = run(engine, bucket, listed(storage, bucket, ["obj.bin"]), dest)
    engine.shutdown()
    via_proxy.close()
    ((state, verified, error),) = rows.values()
    assert (state, verified) == (State.FAILED, "")
    assert "the bytes received differ from the object on the server" in error
    assert list(dest.iterdir()) == []
