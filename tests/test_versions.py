"""Versions of one object on a versioned bucket of the real server: list, restore, undelete,
delete one version for good."""

from __future__ import annotations

from desktop_app.storage.minio_storage import MinioStorage
from tests.helpers import put_bytes


def test_restore_undelete_and_delete_version(storage: MinioStorage, bucket: str) -> None:
    assert not storage.versioning_enabled(bucket)
    storage.set_versioning(bucket, True)
    assert storage.versioning_enabled(bucket)
    put_bytes(storage, bucket, "doc ü.txt", b"first", "text/plain")
    put_bytes(storage, bucket, "doc ü.txt", b"second", "text/plain")
    versions = storage.list_versions(bucket, "doc ü.txt")
    assert [v.size for v in versions] == [6, 5]
    assert [v.is_latest for v in versions] == [True, False]
    first = versions[1]

    storage.delete(bucket, "doc ü.txt")  # leaves a delete marker
    versions = storage.list_versions(bucket, "doc ü.txt")
    assert versions[0].is_delete_marker
    assert versions[0].is_latest
    assert [v.key for v in storage.list_versions(bucket, "", exact=False)] == ["doc ü.txt"] * 3

    storage.delete_version(bucket, "doc ü.txt", versions[0].version_id)  # undelete
    assert storage.read_range(bucket, "doc ü.txt", 0, 10) == b"second"

    storage.restore_version(bucket, "doc ü.txt", first.version_id)
    assert storage.read_range(bucket, "doc ü.txt", 0, 10) == b"first"
    assert storage.stat(bucket, "doc ü.txt").content_type == "text/plain"
    assert len(storage.list_versions(bucket, "doc ü.txt")) == 3

    storage.delete_version(bucket, "doc ü.txt", first.version_id)
    left = {v.version_id for v in storage.list_versions(bucket, "doc ü.txt")}
    assert first.version_id not in left
