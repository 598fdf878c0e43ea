"""Checksums between us and the AWS SDK on the real server: what boto3 uploads with its
defaults (single PUTs with CRC32, multipart with a composite CRC32) or when asked
(CRC64NVME / CRC32C, full object) downloads verified in ours with the strongest check, named
on the row and shown in Properties; and what we upload passes boto3's own checksum check
when it reads it back (ChecksumMode=ENABLED makes botocore verify the body).

rclone is not installed for the tests (only `make bench` installs it), so these use boto3;
rclone's own multipart uploads carry `md5chksum` metadata, which the kinds test in
test_download_checksums covers with the same metadata written by another client.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from boto3.s3.transfer import TransferConfig

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.object_properties import checksums_text
from desktop_app.core.transfer_types import RemoteObject
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.options import MiB
from desktop_app.transfers.state import State
from tests.s3_peers import boto, boto_multipart, boto_put
from tests.transfer_helpers import small_options, write_file

pytestmark = pytest.mark.real_server


def body_of(size: int, seed: int) -> bytes:
    block = hashlib.sha256(str(seed).encode()).digest() * 4096
    return (block * (size // len(block) + 1))[:size]


def download_rows(storage: MinioStorage, bucket: str, keys: list[str], dest: Path
                  ) -> dict[str, tuple[State, str]]:
    objects = []
    for key in keys:
        stat = storage.stat(bucket, key)
        objects.append(RemoteObject(key, stat.size, stat.etag))
    engine = TransferEngine(storage, small_options())
    try:
        ids = engine.download_objects(bucket, objects, dest)
        assert engine.wait(90)
        rows = {v.id: v for v in engine.snapshot()}
        return {rows[i].key: (rows[i].state, rows[i].verified_by or rows[i].error)
                for i in ids}
    finally:
        engine.shutdown()


def test_boto3_uploads_verify_in_ours_with_the_strongest_check(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    client = boto(s3_server)
    bodies = {name: body_of(size, n) for n, (name, size) in enumerate({
        "put-default.bin": 3 * MiB, "put-crc64.bin": 200_000, "put-crc32c.bin": 3 * MiB,
        "upload-file.bin": 20 * MiB + 7, "mpu-crc64.bin": 12 * MiB, "mpu-crc32c.bin": 12 * MiB,
    }.items())}
    boto_put(s3_server, bucket, "put-default.bin", bodies["put-default.bin"])
    boto_put(s3_server, bucket, "put-crc64.bin", bodies["put-crc64.bin"], "CRC64NVME")
    boto_put(s3_server, bucket, "put-crc32c.bin", bodies["put-crc32c.bin"], "CRC32C")
    # boto3's own managed upload with its defaults: 8 MiB parts, a composite CRC32.
    client.upload_fileobj(io.BytesIO(bodies["upload-file.bin"]), bucket, "upload-file.bin",
                          Config=TransferConfig(multipart_threshold=8 * MiB))
    boto_multipart(s3_server, bucket, "mpu-crc64.bin", bodies["mpu-crc64.bin"],
                   algorithm="CRC64NVME", kind="FULL_OBJECT")
    boto_multipart(s3_server, bucket, "mpu-crc32c.bin", bodies["mpu-crc32c.bin"],
                   algorithm="CRC32C", kind="FULL_OBJECT")
    dest = tmp_path / "dest"
    dest.mkdir()
    rows = download_rows(storage, bucket, sorted(bodies), dest)
    assert rows == {
        "mpu-crc32c.bin": (State.DONE, "CRC32C"),
        "mpu-crc64.bin": (State.DONE, "CRC64NVME"),
        "put-crc32c.bin": (State.DONE, "CRC32C"),
        "put-crc64.bin": (State.DONE, "CRC64NVME"),
        "put-default.bin": (State.DONE, "CRC32"),
        "upload-file.bin": (State.DONE, "CRC32 (composite, 3 parts)"),
    }
    for key, data in bodies.items():
        assert (dest / key).read_bytes() == data, key

    shown = checksums_text(storage.object_properties(bucket, "upload-file.bin").checksums)
    reported = client.head_object(Bucket=bucket, Key="upload-file.bin",
                                  ChecksumMode="ENABLED")["ChecksumCRC32"]
    assert shown == f"CRC32, composite of 3 parts: {reported}"
    shown = checksums_text(storage.object_properties(bucket, "mpu-crc64.bin").checksums)
    reported = client.head_object(Bucket=bucket, Key="mpu-crc64.bin",
                                  ChecksumMode="ENABLED")["ChecksumCRC64NVME"]
    assert shown == f"CRC64NVME, full object: {reported}"


def test_our_uploads_pass_boto3s_own_checksum_validation(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str,
        tmp_path: Path) -> None:
    src = tmp_path / "src"
    sizes = {"small.bin": 70_000, "single.bin": 3 * MiB, "multi.bin": 12 * MiB + 3}
    for n, (name, size) in enumerate(sizes.items()):
        write_file(src / name, size, seed=n)
    engine = TransferEngine(storage, small_options())
    engine.upload_paths([src / name for name in sizes], bucket)
    assert engine.wait(90)
    engine.shutdown()
    client = boto(s3_server)
    for name in sizes:
        answer = client.get_object(Bucket=bucket, Key=name, ChecksumMode="ENABLED")
        assert answer["ChecksumCRC64NVME"], name  # the checksum we sent, kept by the server
        assert answer.get("ChecksumType", "FULL_OBJECT") == "FULL_OBJECT"
        # botocore checks the body against that checksum while it is read, and raises
        # FlexibleChecksumError when they differ.
        assert answer["Body"].read() == (src / name).read_bytes(), name
