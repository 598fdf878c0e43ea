"""Bucket-level calls: listing and creating buckets. Deleting and emptying them lives in
`bucket_admin`, object lock on versions in `retention`."""

from __future__ import annotations

from minio.commonconfig import ENABLED
from minio.error import S3Error
from minio.versioningconfig import VersioningConfig

from desktop_app.core.errors import AppError, NotSupportedByServer
from desktop_app.core.types import BucketInfo
from desktop_app.storage.s3.errors import S3Errors


class Buckets(S3Errors):
    def list_buckets(self) -> list[BucketInfo]:
        with self._errors("list the buckets"):
            buckets = self._client.list_buckets()
        return [BucketInfo(name=b.name, created=b.creation_date) for b in buckets]

    def make_bucket(self, bucket: str, region: str = "", object_lock: bool = False,
                    versioning: bool = False) -> None:
        """Create a bucket. Object lock can only be chosen now (it turns versioning on);
        a server that ignores the request is reported, as the bucket then is not locked."""
        with self._errors(f"create the bucket “{bucket}”", bucket=bucket):
            self._client.make_bucket(bucket, region or None, object_lock=object_lock)
        if object_lock and not self._lock_config_present(bucket):
            raise NotSupportedByServer(
                f"The bucket “{bucket}” was created, but the server did not turn on object "
                "lock for it.",
                "Delete it if you need object lock; this server does not support it.",
            )
        if versioning and not object_lock:
            try:
                with self._errors(f"turn on versioning for “{bucket}”", bucket=bucket):
                    self._client.set_bucket_versioning(bucket, VersioningConfig(ENABLED))
            except AppError as exc:
                raise type(exc)(
                    f"The bucket “{bucket}” was created, but versioning could not be turned "
                    f"on: {exc.message}", exc.hint,
                ) from None

    def _lock_config_present(self, bucket: str) -> bool:
        with self._errors(f"read the object lock setting of “{bucket}”", bucket=bucket):
            try:
                self._client.get_object_lock_config(bucket)
            except S3Error as exc:
                if exc.code in ("ObjectLockConfigurationNotFoundError",
                                "NoSuchObjectLockConfiguration", "NotImplemented"):
                    return False
                raise
        return True
