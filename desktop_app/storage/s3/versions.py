"""Object versions: the bucket's versioning switch, a key's history, restore and delete."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

from minio.commonconfig import ENABLED
from minio.deleteobjects import DeleteObject
from minio.versioningconfig import SUSPENDED, VersioningConfig

from desktop_app.core.versions import ObjectVersion
from desktop_app.storage.protocol import MAX_DELETE_BATCH, SINGLE_COPY_LIMIT
from desktop_app.storage.s3.objects import server_copy
from desktop_app.storage.s3.sse import SseRequests


class Versions(SseRequests):
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
                               part_size, None, version_id,
                               encryption=self._copy_encryption(bucket, bucket))

    def delete_version(self, bucket: str, key: str, version_id: str) -> None:
        with self._errors(f"delete a version of “{key}”", bucket=bucket, key=key):
            self._client.remove_object(bucket_name=bucket, object_name=key, version_id=version_id)

    def iter_versions_below(
        self, bucket: str, prefix: str = "", cancel: threading.Event | None = None,
    ) -> Iterator[ObjectVersion]:
        """Every version and delete marker below `prefix` (all depths), streamed in the
        server's order; stops early once `cancel` is set."""
        with self._errors(f"list the versions below “{prefix or bucket}”", bucket=bucket):
            for item in self._client.list_objects(
                bucket_name=bucket, prefix=prefix or None, recursive=True, include_version=True,
            ):
                if cancel is not None and cancel.is_set():
                    return
                yield ObjectVersion(
                    key=item.object_name or "", version_id=item.version_id or "null",
                    size=item.size or 0, last_modified=item.last_modified,
                    etag=(item.etag or "").strip('"'),
                    is_latest=str(item.is_latest).lower() == "true",
                    is_delete_marker=bool(item.is_delete_marker),
                )

    def delete_versions(
        self, bucket: str, versions: Sequence[tuple[str, str]],
    ) -> list[tuple[str, str, str]]:
        """One multi-object delete of at most 1000 (key, version id) pairs, each removed for
        good; (key, version id, reason) per version the server refused."""
        if len(versions) > MAX_DELETE_BATCH:
            raise ValueError(f"at most {MAX_DELETE_BATCH} versions per multi-object delete")
        if not versions:
            return []
        with self._errors(f"delete {len(versions)} versions from “{bucket}”", bucket=bucket):
            errors = list(self._client.remove_objects(
                bucket_name=bucket,
                delete_object_list=[DeleteObject(key, vid) for key, vid in versions],
            ))
        return [(e.name or "", e.version_id or "", f"{self._clean(e.message or e.code)} "
                 f"({e.code})") for e in errors]
