"""Object versions: the bucket's versioning switch, a key's history, restore and delete."""

from __future__ import annotations

from datetime import UTC, datetime

from minio.commonconfig import ENABLED
from minio.versioningconfig import SUSPENDED, VersioningConfig

from desktop_app.core.versions import ObjectVersion
from desktop_app.storage.protocol import SINGLE_COPY_LIMIT
from desktop_app.storage.s3.errors import S3Errors
from desktop_app.storage.s3.objects import server_copy


class Versions(S3Errors):
    def versioning_enabled(self, bucket: str) -> bool:
        with self._errors(f"read the versioning setting of “{bucket}”", bucket=bucket):
            return self._client.get_bucket_versioning(bucket_name=bucket).status == ENABLED

    def set_versioning(self, bucket: str, enabled: bool) -> None:
        with self._errors(f"change the versioning setting of “{bucket}”", bucket=bucket):
            self._client.set_bucket_versioning(
                bucket_name=bucket, config=VersioningConfig(ENABLED if enabled else SUSPENDED),
            )

    def list_versions(self, bucket: str, prefix: str, exact: bool = True) -> list[ObjectVersion]:
        result: list[ObjectVersion] = []
        with self._errors(f"list the versions of “{prefix}”", bucket=bucket, key=prefix):
            for item in self._client.list_objects(
                bucket_name=bucket, prefix=prefix or None, recursive=exact,
                include_version=True,
            ):
                name = item.object_name or ""
                if item.is_dir or (exact and name != prefix):
                    continue
                result.append(ObjectVersion(
                    key=name,
                    version_id=item.version_id or "null",
                    size=item.size or 0,
                    last_modified=item.last_modified,
                    etag=(item.etag or "").strip('"'),
                    is_latest=str(item.is_latest).lower() == "true",
                    is_delete_marker=bool(item.is_delete_marker),
                ))
        # The SDK returns versions and delete markers as two runs: put each key's history
        # back in order, the latest first.
        oldest = datetime.min.replace(tzinfo=UTC)
        result.sort(key=lambda v: (v.key, not v.is_latest, oldest - (v.last_modified or oldest)))
        return result

    def restore_version(
        self, bucket: str, key: str, version_id: str,
        multipart_threshold: int = SINGLE_COPY_LIMIT, part_size: int | None = None,
    ) -> str:
        with self._errors(f"restore a version of “{key}”", bucket=bucket, key=key):
            return server_copy(self._client, bucket, key, bucket, key, multipart_threshold,
                               part_size, None, version_id)

    def delete_version(self, bucket: str, key: str, version_id: str) -> None:
        with self._errors(f"delete a version of “{key}”", bucket=bucket, key=key):
            self._client.remove_object(bucket_name=bucket, object_name=key, version_id=version_id)
