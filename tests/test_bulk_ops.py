"""Object actions below the UI, against the real server: bulk delete, copy, move, presign."""

from __future__ import annotations

import io
import threading
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest

from desktop_app.core.errors import ConfigError
from desktop_app.core.types import FolderEntry, ObjectEntry
from desktop_app.storage import bulk_copy, bulk_ops
from desktop_app.storage.bulk_copy import Collision
from desktop_app.storage.bulk_ops import Progress
from desktop_app.storage.s3 import MinioStorage
from tests.helpers import put_bytes

ODD_NAMES = ("with space.txt", "plus+sign.txt", "ünïcødé-ß-日本.txt", "pct%20x.txt")
LONG_NAME = "L" * 200 + ".txt"  # one segment; the whole key reaches 1000 bytes below


def keys(storage: MinioStorage, bucket: str, prefix: str = "") -> list[str]:
    return [o.key for o in bulk_ops.walk(storage, bucket, prefix, Progress())]


def entry(storage: MinioStorage, bucket: str, key: str) -> ObjectEntry:
    stat = storage.stat(bucket, key)
    return ObjectEntry(key, stat.size, stat.last_modified, stat.etag)


def fill_folder(storage: MinioStorage, bucket: str, prefix: str, count: int) -> None:
    """`count` tiny objects, written in parallel to keep the fixture quick."""
    def worker(start: int) -> None:
        for n in range(start, count, 8):
            data = f"{n}".encode()
            storage.put_stream(bucket, f"{prefix}f{n:05d}", io.BytesIO(data), len(data))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_delete_many_and_folder_recursively(storage: MinioStorage, bucket: str) -> None:
    fill_folder(storage, bucket, "big/", 2100)
    put_bytes(storage, bucket, "big/", b"")  # the folder's own marker
    put_bytes(storage, bucket, "keep.txt", b"k")
    progress = Progress()
    expanded = bulk_ops.expand(storage, bucket, [FolderEntry("big/")], progress)
    assert expanded.count == 2101
    assert expanded.objects == ()  # folders are counted, not held in memory
    assert expanded.total_size == sum(len(str(n)) for n in range(2100))
    report = bulk_ops.delete_expanded(storage, bucket, expanded, progress)
    assert report.ok
    assert report.done == 2101
    assert keys(storage, bucket) == ["keep.txt"]
    assert storage.list_page(bucket).folders == ()  # the emptied folder is gone from view


def test_implied_folders() -> None:
    found = bulk_ops.implied_folders(["a/"], ["a/b/c/d.txt", "a/x.txt", "a/b/e.txt"])
    assert found == ["a/b/c/", "a/b/", "a/"]


def test_delete_cancel_keeps_the_rest(storage: MinioStorage, bucket: str) -> None:
    fill_folder(storage, bucket, "d/", 2000)
    expanded = bulk_ops.expand(storage, bucket, [FolderEntry("d/")], Progress())
    progress = Progress()
    original = storage.delete_many

    def delete_then_cancel(b: str, batch: list[str]) -> list[tuple[str, str]]:
        result = original(b, batch)
        progress.cancel()  # the user presses Cancel during the first batch
        return result

    storage.delete_many = delete_then_cancel  # type: ignore[method-assign]
    report = bulk_ops.delete_expanded(storage, bucket, expanded, progress)
    assert report.cancelled
    assert report.done == 1000
    assert report.remaining == 1000
    assert len(keys(storage, bucket, "d/")) == 1000


def test_delete_failures_are_listed(storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "a.txt", b"a")
    objects = [entry(storage, bucket, "a.txt")]
    report = bulk_ops.delete_keys(storage, "no-such-bucket-zz9", objects, Progress())
    assert not report.ok
    assert report.failures[0].key == "a.txt"
    assert "does not exist" in report.failures[0].reason


def test_copy_keeps_content_type_and_metadata_for_odd_keys(
    storage: MinioStorage, bucket: str
) -> None:
    names = [*ODD_NAMES, LONG_NAME]
    for name in names:
        storage.put_stream(bucket, f"src/{name}", io.BytesIO(name.encode()), len(name.encode()),
                           "text/x-special", {"owner": "alice"})
    items = [entry(storage, bucket, f"src/{n}") for n in names]
    plan = bulk_copy.plan_copy(storage, bucket, items, bucket, "dst/", Progress())
    assert not plan.existing
    todo, skipped = bulk_copy.resolve(plan, Collision.SKIP)
    report = bulk_copy.copy_items(storage, plan, todo, Progress())
    assert report.ok
    assert report.done == len(names)
    assert skipped == 0
    for name in names:
        stat = storage.stat(bucket, f"dst/{name}")
        assert stat.content_type == "text/x-special"
        assert stat.metadata.get("Owner", stat.metadata.get("owner")) == "alice"
        assert storage.read_range(bucket, f"dst/{name}", 0, 1000) == name.encode()
    assert len(keys(storage, bucket, "src/")) == len(names)


def test_thousand_byte_key_moves(storage: MinioStorage, bucket: str) -> None:
    deep = "/".join(["d" * 99] * 9)  # 899 bytes of folders…
    key = f"{deep}/{'n' * (1000 - len(deep) - 1)}"
    assert len(key.encode()) == 1000
    storage.put_stream(bucket, key, io.BytesIO(b"long"), 4, "text/x-long", {"size": "xl"})
    folder = FolderEntry(f"{'d' * 99}/")
    plan = bulk_copy.plan_copy(storage, bucket, [folder], bucket, "", Progress(), new_name="e" * 99)
    todo, _ = bulk_copy.resolve(plan, Collision.OVERWRITE)
    report = bulk_copy.copy_items(storage, plan, todo, Progress(), move=True)
    assert report.ok
    moved = "e" * 99 + key[99:]
    assert keys(storage, bucket) == [moved]
    assert storage.read_range(bucket, moved, 0, 10) == b"long"
    stat = storage.stat(bucket, moved)
    assert stat.content_type == "text/x-long"
    assert stat.metadata.get("Size", stat.metadata.get("size")) == "xl"


def test_move_folder_recursively(storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "photos/", b"")
    put_bytes(storage, bucket, "photos/a b+c.jpg", b"1", "image/jpeg")
    put_bytes(storage, bucket, "photos/2026/ü.jpg", b"2", "image/jpeg")
    plan = bulk_copy.plan_copy(storage, bucket, [FolderEntry("photos/")], bucket, "archive/",
                              Progress())
    todo, _ = bulk_copy.resolve(plan, Collision.SKIP)
    report = bulk_copy.copy_items(storage, plan, todo, Progress(), move=True)
    assert report.ok
    assert report.done == 3
    assert keys(storage, bucket) == [
        "archive/photos/", "archive/photos/2026/ü.jpg", "archive/photos/a b+c.jpg",
    ]
    assert storage.stat(bucket, "archive/photos/2026/ü.jpg").content_type == "image/jpeg"
    assert storage.list_page(bucket).folders == (FolderEntry("archive/"),)


def test_folder_into_itself_is_refused(storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "a/x", b"x")
    with pytest.raises(ConfigError, match="into itself"):
        bulk_copy.plan_copy(storage, bucket, [FolderEntry("a/")], bucket, "a/b/", Progress())


def test_copy_to_other_bucket_and_collisions(storage: MinioStorage, bucket: str) -> None:
    other = f"{bucket[:50]}-dst"
    storage.make_bucket(other)
    put_bytes(storage, bucket, "r.txt", b"new", "text/plain")
    put_bytes(storage, other, "r.txt", b"old", "text/plain")
    items = [entry(storage, bucket, "r.txt")]
    plan = bulk_copy.plan_copy(storage, bucket, items, other, "", Progress())
    assert [c.dst_key for c in plan.collisions] == ["r.txt"]

    todo, skipped = bulk_copy.resolve(plan, Collision.SKIP)
    assert (todo, skipped) == ([], 1)

    todo, _ = bulk_copy.resolve(plan, Collision.KEEP_BOTH)
    bulk_copy.copy_items(storage, plan, todo, Progress())
    assert storage.read_range(other, "r (copy).txt", 0, 10) == b"new"
    assert storage.read_range(other, "r.txt", 0, 10) == b"old"

    plan = bulk_copy.plan_copy(storage, bucket, items, other, "", Progress())
    todo, _ = bulk_copy.resolve(plan, Collision.KEEP_BOTH, storage)
    assert todo[0].dst_key == "r (copy 2).txt"

    todo, _ = bulk_copy.resolve(plan, Collision.OVERWRITE)
    bulk_copy.copy_items(storage, plan, todo, Progress())
    assert storage.read_range(other, "r.txt", 0, 10) == b"new"


def test_copy_into_same_folder_keeps_both(storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "f/.env", b"e")
    plan = bulk_copy.plan_copy(storage, bucket, [entry(storage, bucket, "f/.env")], bucket, "f/",
                              Progress())
    assert bulk_copy.resolve(plan, Collision.OVERWRITE) == ([], 1)
    todo, _ = bulk_copy.resolve(plan, Collision.KEEP_BOTH)
    assert [i.dst_key for i in todo] == ["f/.env (copy)"]


def test_multipart_copy_keeps_metadata(storage: MinioStorage, bucket: str) -> None:
    """The >5 GiB path (ranged multipart copy), exercised with a lowered threshold."""
    data = bytes(range(256)) * (12 * 4096)  # 12 MiB
    storage.put_stream(bucket, "big.bin", io.BytesIO(data), len(data), "application/x-big",
                       {"kind": "huge"})
    etag = storage.copy_object(bucket, "big.bin", bucket, "copy.bin",
                               multipart_threshold=6 << 20, part_size=5 << 20)
    assert etag.endswith("-3")  # three parts: 5 + 5 + 2 MiB
    stat = storage.stat(bucket, "copy.bin")
    assert stat.size == len(data)
    assert stat.content_type == "application/x-big"
    assert stat.metadata.get("Kind", stat.metadata.get("kind")) == "huge"
    assert storage.read_range(bucket, "copy.bin", 6 << 20, 16) == data[6 << 20:(6 << 20) + 16]


def test_presigned_download_with_disposition(storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "dir/a b+ü.txt", b"presigned bytes", "text/plain")
    url = storage.presign_download(bucket, "dir/a b+ü.txt", timedelta(hours=1),
                                   datetime.now(UTC), 'attachment; filename="x.txt"')
    assert url.startswith(storage.endpoint_url + "/")
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.read() == b"presigned bytes"
        assert response.headers["Content-Disposition"] == 'attachment; filename="x.txt"'
    with pytest.raises(ConfigError, match="7 days"):
        storage.presign_download(bucket, "x", timedelta(days=8), datetime.now(UTC))


def test_iter_chunks_detects_replacement(storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "c.txt", b"one")
    etag = storage.stat(bucket, "c.txt").etag
    assert b"".join(storage.iter_chunks(bucket, "c.txt", etag)) == b"one"
    put_bytes(storage, bucket, "c.txt", b"two")
    with pytest.raises(ConfigError, match="replaced"):
        b"".join(storage.iter_chunks(bucket, "c.txt", etag))


def test_keep_both_names() -> None:
    taken = {"a/r.txt", "a/r (copy).txt"}
    assert bulk_copy.keep_both_name("a/r.txt", taken) == "a/r (copy 2).txt"
    assert bulk_copy.keep_both_name("noext", set()) == "noext (copy)"
    assert bulk_copy.keep_both_name("x.tar.gz", set()) == "x.tar (copy).gz"


def test_check_name() -> None:
    assert bulk_copy.check_name("  New folder ") == "New folder"
    for bad in ("", "..", "a/b", "x\x07"):
        with pytest.raises(ConfigError):
            bulk_copy.check_name(bad)
