"""Single PUTs of files from 1 MiB up read into buffers the byte budget lends and reuses
(see `upload._whole_file`): every object still gets exactly its own file's bytes."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from desktop_app.core.transfer_types import SHA256_META
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers import upload
from desktop_app.transfers.budget import ByteBudget
from desktop_app.transfers.options import MiB
from desktop_app.transfers.state import State
from tests.transfer_helpers import (
    crc64_of,
    errors,
    make_engine,
    states,
    stored_crc64,
    write_file,
)

# Sizes that reuse each other's buffers (a smaller file takes a bigger spare) and one below
# the lending size; 5 MiB single PUTs need a higher multipart threshold than small_options'.
SIZES = {"a.bin": 3 * MiB, "b.bin": 2 * MiB + 5, "c.bin": 3 * MiB - 1, "d.bin": MiB,
         "e.bin": MiB - 1, "f.bin": 6 * MiB}


@pytest.mark.real_server
def test_lent_buffers_carry_each_files_own_bytes(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    src = tmp_path / "src"
    for n, (name, size) in enumerate(SIZES.items()):
        write_file(src / name, size, seed=n + 31)
    engine = make_engine(storage, tmp_path, multipart_threshold=16 * MiB, files_at_once=2)
    ids = engine.upload_paths(sorted(src.iterdir()), bucket)
    assert engine.wait(60)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    for name, size in SIZES.items():
        data = (src / name).read_bytes()
        answer = storage._client.get_object(bucket_name=bucket, object_name=name)
        try:
            assert answer.read() == data
        finally:
            answer.close()
            answer.release_conn()
        head = storage.head_checksums(bucket, name)
        assert stored_crc64(storage, bucket, name) == crc64_of(src / name)
        assert SHA256_META not in head.metadata  # no upload rule asked for it
        assert len(data) == size


class _Transfer:
    def __init__(self, size: int) -> None:
        self.size = size

    def checkpoint(self) -> None:
        pass


def _ctx() -> Any:
    return SimpleNamespace(budget=ByteBudget(64 * MiB))


def test_a_file_that_grew_since_listing_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "grew.bin"
    path.write_bytes(b"x" * (2 * MiB + 10))
    with upload._whole_file(_ctx(), _Transfer(2 * MiB), path) as data:  # type: ignore[arg-type]
        assert bytes(data) == b"x" * (2 * MiB + 10)


def test_a_file_that_shrank_is_read_as_it_is_now(tmp_path: Path) -> None:
    path = tmp_path / "shrank.bin"
    path.write_bytes(b"y" * (MiB + 3))
    ctx = _ctx()
    with ctx.budget.hold(1):  # another worker holds: spares stay for the next file
        with upload._whole_file(ctx, _Transfer(2 * MiB), path) as data:  # type: ignore[arg-type]
            assert isinstance(data, memoryview)
            assert bytes(data) == b"y" * (MiB + 3)
        assert ctx.budget.spare_bytes == 2 * MiB + 1  # lent and given back
    assert ctx.budget.used == 0


def test_an_unreadable_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(upload.LocalFileError, match="Cannot read"), \
            upload._whole_file(_ctx(), _Transfer(2 * MiB), tmp_path / "gone.bin"):  # type: ignore[arg-type]
        pass
