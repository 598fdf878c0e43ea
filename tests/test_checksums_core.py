"""core/checksums: running CRCs, combination in offset order, the S3 wire form."""

from __future__ import annotations

import base64
import itertools
import os
import zlib

from desktop_app.core.checksums import (
    COMPOSITE,
    CRC64_META,
    FULL_OBJECT,
    Algo,
    Crc,
    combine_in_order,
    crc_of,
    from_b64,
    stored_checksums,
    to_b64,
)


def test_parts_combined_in_order_equal_the_whole() -> None:
    data = os.urandom(300_001)
    cuts = [0, 7, 65_536, 200_000, len(data)]
    for algo in Algo:
        pieces = [crc_of(data[a:b], algo) for a, b in itertools.pairwise(cuts)]
        whole = combine_in_order(algo, pieces)
        assert whole.value == crc_of(data, algo).value
        assert whole.length == len(data)


def test_crc32_is_the_zlib_crc_and_the_wire_form_is_big_endian_base64() -> None:
    data = b"minio desktop" * 99
    crc = crc_of(data, Algo.CRC32)
    assert crc.value == zlib.crc32(data)
    assert base64.b64decode(crc.b64()) == zlib.crc32(data).to_bytes(4, "big")
    assert from_b64(Algo.CRC32, crc.b64()) == crc.value
    assert from_b64(Algo.CRC64NVME, crc.b64()) is None  # 4 bytes is not a CRC64
    assert from_b64(Algo.CRC32, "not base64!") is None


def test_incremental_updates_equal_one_update() -> None:
    data = bytearray(os.urandom(50_000))  # the receive buffers are bytearrays, fed as views
    for algo in Algo:
        running = Crc(algo)
        for start in range(0, len(data), 4096):
            running.update(memoryview(data)[start:start + 4096])
        assert running.value == crc_of(bytes(data), algo).value
        assert running.length == len(data)
    running = Crc(Algo.CRC32)  # CRC32's running value comes from ISA-L, not awscrt
    for start in range(0, len(data), 3000):
        running.update(memoryview(data)[start:start + 3000])
    assert running.value == zlib.crc32(data)


def test_mixing_algorithms_is_refused() -> None:
    try:
        crc_of(b"a", Algo.CRC32).then(crc_of(b"b", Algo.CRC32C))
    except ValueError:
        return
    raise AssertionError("combined two algorithms")


def test_stored_checksums_read_headers_and_our_metadata() -> None:
    crc = crc_of(b"x" * 10)
    found = stored_checksums({
        "x-amz-checksum-crc32c": "AAAAAA==-3",
        "x-amz-checksum-crc64nvme": crc.b64(),
        "x-amz-checksum-type": "FULL_OBJECT",
        f"x-amz-meta-{CRC64_META}": to_b64(Algo.CRC64NVME, 5),
    })
    assert [(c.algo, c.kind, c.source) for c in found] == [
        ("CRC64NVME", FULL_OBJECT, "server"), ("CRC32C", COMPOSITE, "server"),
        ("CRC64NVME", FULL_OBJECT, "metadata")]
    assert found[0].crc is Algo.CRC64NVME
    assert found[1].crc is None
    assert found[1].parts == 3
    assert found[1].label() == "CRC32C (composite, 3 parts)"
