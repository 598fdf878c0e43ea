"""Other S3 clients writing objects the way they do by default: boto3 (and the plain minio SDK),
so the download tests see every kind of stored checksum a real bucket holds."""

from __future__ import annotations

import io
from typing import Any

import boto3
from botocore.config import Config
from minio import Minio

from desktop_app.core.connection import ConnectionSettings
from desktop_app.transfers.options import MiB


def boto(settings: ConnectionSettings, **config: Any) -> Any:
    """A boto3 S3 client on `settings` (path style, the server's region)."""
    return boto3.client(
        "s3", endpoint_url=f"http://{settings.host}:{settings.port}",
        aws_access_key_id=settings.access_key, aws_secret_access_key=settings.secret_key,
        region_name=settings.region or "us-east-1",
        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}, **config))


def boto_put(settings: ConnectionSettings, bucket: str, key: str, data: bytes,
             algorithm: str = "") -> None:
    """One PutObject; boto3 sends its default CRC32 unless `algorithm` names another."""
    extra = {"ChecksumAlgorithm": algorithm} if algorithm else {}
    boto(settings).put_object(Bucket=bucket, Key=key, Body=data, **extra)


def boto_multipart(settings: ConnectionSettings, bucket: str, key: str, data: bytes,
                   part_size: int = 5 * MiB, algorithm: str = "CRC32",
                   kind: str = "COMPOSITE") -> str:
    """A multipart upload with `algorithm` and checksum type `kind`, as boto3 sends it when
    asked; returns the checksum value the server reported on completion."""
    client = boto(settings)
    upload = client.create_multipart_upload(Bucket=bucket, Key=key, ChecksumAlgorithm=algorithm,
                                            ChecksumType=kind)["UploadId"]
    parts = []
    for number, offset in enumerate(range(0, len(data), part_size), start=1):
        answer = client.upload_part(Bucket=bucket, Key=key, UploadId=upload,
                                    PartNumber=number, Body=data[offset:offset + part_size],
                                    ChecksumAlgorithm=algorithm)
        field = f"Checksum{algorithm}"
        parts.append({"PartNumber": number, "ETag": answer["ETag"], field: answer[field]})
    done = client.complete_multipart_upload(Bucket=bucket, Key=key, UploadId=upload,
                                            MultipartUpload={"Parts": parts})
    return str(done.get(f"Checksum{algorithm}", ""))


def boto_transfer(settings: ConnectionSettings, bucket: str, key: str, data: bytes,
                  part_size: int = 5 * MiB) -> None:
    """`upload_fileobj` with boto3's defaults (multipart above the threshold)."""
    from boto3.s3.transfer import TransferConfig

    boto(settings).upload_fileobj(io.BytesIO(data), bucket, key, Config=TransferConfig(
        multipart_threshold=part_size, multipart_chunksize=part_size))


def minio_put(settings: ConnectionSettings, bucket: str, key: str, data: bytes,
              part_size: int = 64 * MiB, metadata: dict[str, str] | None = None) -> str:
    """The plain minio SDK (no additional checksum); returns the ETag."""
    client = Minio(settings.endpoint, access_key=settings.access_key,
                   secret_key=settings.secret_key, secure=False, region=settings.region)
    result = client.put_object(bucket, key, io.BytesIO(data), len(data), part_size=part_size,
                               metadata=metadata)  # type: ignore[arg-type]
    return (result.etag or "").strip('"')
