"""Deleting buckets: what a bucket holds, emptying it (every version, delete marker and
unfinished upload) and deleting it once empty. Objects that object lock keeps are reported
with the reason, never forced."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import islice

from minio.datatypes import Object
from minio.deleteobjects import DeleteObject
from minio.error import S3Error

from desktop_app.core.buckets import BucketNotEmpty, BucketUsage, EmptyReport, HeldObject
from desktop_app.storage.protocol import MAX_DELETE_BATCH
from desktop_app.storage.s3.retention import ObjectLock

# Looking up why a version was refused costs two requests; past this many, the server's
# own answer is reported instead.
EXPLAIN_LIMIT = 200
# Multi-delete requests in flight at once.
DELETE_WORKERS = 4


class BucketLifecycle(ObjectLock):
    def delete_bucket(self, bucket: str) -> None:
        """Delete an empty bucket. The check comes first because some servers (SeaweedFS)
        delete a bucket whose only content is unfinished uploads."""
        with self._errors(f"delete the bucket “{bucket}”", bucket=bucket):
            found = list(islice(self._iter_versions(bucket), MAX_DELETE_BATCH))
            uploads = self._client._list_multipart_uploads(bucket, max_uploads=1000).uploads
            if found or uploads:
                count = len(found) + len(uploads)
                raise BucketNotEmpty(bucket, count, more=len(found) >= MAX_DELETE_BATCH)
            try:
                self._client.remove_bucket(bucket)
            except S3Error as exc:
                if exc.code == "BucketNotEmpty":
                    raise BucketNotEmpty(bucket) from None
                raise

    def bucket_usage(self, bucket: str, cancel: threading.Event | None = None) -> BucketUsage:
        """Counted from a full listing of versions (incomplete when cancelled)."""
        objects = versions = markers = size = 0
        with self._errors(f"count what “{bucket}” holds", bucket=bucket):
            for item in self._client.list_objects(bucket, recursive=True, include_version=True):
                if cancel is not None and cancel.is_set():
                    return BucketUsage(objects, versions, markers, size, 0, complete=False)
                versions += 1
                if item.is_delete_marker:
                    markers += 1
                    continue
                size += item.size or 0
                if str(item.is_latest).lower() == "true":
                    objects += 1
            uploads = sum(1 for _ in self._iter_uploads(bucket))
        return BucketUsage(objects, versions, markers, size, uploads)

    def empty_bucket(
        self, bucket: str, progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None, bypass_governance: bool = False,
    ) -> EmptyReport:
        """Remove every version and delete marker (multi-delete, 1000 per request), then
        abort every unfinished upload. `progress(removed, total)` follows each request;
        `cancel` stops between requests; `bypass_governance` also removes versions under
        governance retention (for keys with that right). The whole listing is taken first,
        so deleting never disturbs its page markers; a few requests run at once, as the
        server handles each multi-delete one key at a time."""
        stopped = cancel.is_set if cancel is not None else (lambda: False)
        targets: list[tuple[str, str | None]] = []
        with self._errors(f"list what “{bucket}” holds", bucket=bucket):
            for item in self._iter_versions(bucket):
                if stopped():
                    return EmptyReport(total=len(targets), cancelled=True)
                targets.append((item.object_name or "", item.version_id))
        total = len(targets)
        if progress is not None:
            progress(0, total)
        removed = 0
        refused: list[tuple[str, str, str]] = []

        def send(batch: list[tuple[str, str | None]]) -> list[tuple[str, str, str]] | None:
            """None when cancelled before sending (requests in flight still finish)."""
            return None if stopped() else self._delete_versions(bucket, batch, bypass_governance)

        batches = [targets[start:start + MAX_DELETE_BATCH]
                   for start in range(0, total, MAX_DELETE_BATCH)]
        with ThreadPoolExecutor(DELETE_WORKERS) as pool:
            for batch, failed in zip(batches, pool.map(send, batches), strict=True):
                if failed is None:
                    continue
                removed += len(batch) - len(failed)
                refused.extend(failed)
                if progress is not None:
                    progress(removed, total)
        if stopped():
            return self._report(bucket, removed, total, 0, refused, cancelled=True)
        aborted = 0
        with self._errors(f"abort the unfinished uploads in “{bucket}”", bucket=bucket):
            for key, upload_id in list(self._iter_uploads(bucket)):
                if stopped():
                    return self._report(bucket, removed, total, aborted, refused, True)
                try:
                    self._client._abort_multipart_upload(bucket, key, upload_id)
                except S3Error as exc:
                    if exc.code != "NoSuchUpload":  # finished or aborted meanwhile
                        raise
                aborted += 1
        return self._report(bucket, removed, total, aborted, refused, cancelled=False)

    def _delete_versions(self, bucket: str, batch: list[tuple[str, str | None]],
                         bypass_governance: bool) -> list[tuple[str, str, str]]:
        """One multi-delete; (key, version id, server's answer) per version refused."""
        with self._errors(f"delete {len(batch)} versions from “{bucket}”", bucket=bucket):
            errors = list(self._client.remove_objects(
                bucket, [DeleteObject(key, version_id) for key, version_id in batch],
                bypass_governance_mode=bypass_governance))
        return [(e.name or "", e.version_id or "",
                 f"{self._clean(e.message or e.code)} ({e.code})") for e in errors]

    def _report(self, bucket: str, removed: int, total: int, aborted: int,
                refused: list[tuple[str, str, str]], cancelled: bool) -> EmptyReport:
        held = tuple(
            HeldObject(key, version_id,
                       (self.held_reason(bucket, key, version_id) if n < EXPLAIN_LIMIT else "")
                       or answer)
            for n, (key, version_id, answer) in enumerate(refused)
        )
        return EmptyReport(removed=removed, total=total, uploads_aborted=aborted, held=held,
                           cancelled=cancelled)

    def _iter_versions(self, bucket: str) -> Iterator[Object]:
        return iter(self._client.list_objects(bucket, recursive=True, include_version=True))

    def _iter_uploads(self, bucket: str) -> Iterator[tuple[str, str]]:
        """(key, upload id) of every unfinished multipart upload, page by page."""
        key_marker: str | None = None
        upload_marker: str | None = None
        while True:
            result = self._client._list_multipart_uploads(
                bucket, max_uploads=1000, key_marker=key_marker, upload_id_marker=upload_marker)
            for upload in result.uploads:
                yield upload.object_name, upload.upload_id or ""
            if not result.is_truncated or not result.uploads:
                return
            key_marker = result.uploads[-1].object_name
            upload_marker = result.uploads[-1].upload_id
