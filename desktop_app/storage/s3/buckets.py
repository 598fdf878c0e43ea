"""Bucket-level calls. Bucket administration (delete, policy, lifecycle, object lock, tags,
encryption) belongs here too when the app grows it."""

from __future__ import annotations

from desktop_app.core.types import BucketInfo
from desktop_app.storage.s3.errors import S3Errors


class Buckets(S3Errors):
    def list_buckets(self) -> list[BucketInfo]:
        with self._errors("list the buckets"):
            buckets = self._client.list_buckets()
        return [BucketInfo(name=b.name, created=b.creation_date) for b in buckets]

    def make_bucket(self, bucket: str) -> None:
        with self._errors(f"create the bucket “{bucket}”", bucket=bucket):
            self._client.make_bucket(bucket_name=bucket)
