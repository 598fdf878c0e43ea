"""Statistics scans against the real server: exact totals, prefixes, uploads, versions,
a whole connection, cancel."""

from __future__ import annotations

import threading

from desktop_app.core.categories import Category
from desktop_app.core.stats import Tally
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.stats_scan import ScanProgress, scan, scan_connection
from tests.helpers import put_bytes
from tests.listing_helpers import fill

SEEDED = {
    "photos/a.jpg": 300, "photos/b.png": 200, "photos/raw/c.heic": 1000,
    "docs/report.pdf": 40, "docs/sheet.xlsx": 25, "docs/data.csv": 12,
    "music/song.mp3": 500, "video/clip.mp4": 2000, "backup.tar.gz": 700,
    "src/main.py": 9, "README": 4, "blob.bin": 3,
}


def seed(storage: MinioStorage, bucket: str) -> None:
    for key, size in SEEDED.items():
        put_bytes(storage, bucket, key, b"x" * size)
    put_bytes(storage, bucket, "empty-folder/", b"")  # a folder marker, not a file


def test_bucket_scan_has_exact_totals_per_category(storage: MinioStorage, bucket: str) -> None:
    seed(storage, bucket)
    upload = storage.create_multipart(bucket, "photos/big.jpg", "image/jpeg", {})
    storage.upload_part(bucket, "photos/big.jpg", upload, 1, b"y" * 1234)
    seen: list[ScanProgress] = []
    stats = scan(storage, bucket, "", seen.append, versioned=False)
    assert stats.complete
    assert not stats.versioned
    assert stats.scope == f"{bucket}/"
    assert stats.objects == Tally(len(SEEDED), sum(SEEDED.values()))
    assert stats.by_category == {
        Category.IMAGES: Tally(3, 1500), Category.DOCUMENTS: Tally(1, 40),
        Category.SPREADSHEETS_DATA: Tally(2, 37), Category.AUDIO: Tally(1, 500),
        Category.VIDEO: Tally(1, 2000), Category.ARCHIVES: Tally(1, 700),
        Category.CODE_TEXT: Tally(2, 13), Category.OTHER: Tally(1, 3),
    }
    assert stats.by_storage_class == {"STANDARD": stats.objects}
    assert sum(t.count for t in stats.by_month.values()) == len(SEEDED)
    assert [r.key for r in stats.largest[:3]] == ["video/clip.mp4", "photos/raw/c.heic",
                                                  "backup.tar.gz"]
    assert {r.bucket for r in stats.largest} == {bucket}
    assert len(stats.oldest) == len(SEEDED)
    assert stats.uploads == Tally(1, 1234)
    assert seen[-1].objects == len(SEEDED) + 1  # the marker is listed, just not counted
    storage.abort_multipart(bucket, "photos/big.jpg", upload)


def test_prefix_scan_counts_only_below_it(storage: MinioStorage, bucket: str) -> None:
    seed(storage, bucket)
    stats = scan(storage, bucket, "photos/", versioned=False)
    assert stats.objects == Tally(3, 1500)
    assert stats.by_category[Category.IMAGES] == Tally(3, 1500)
    assert stats.uploads == Tally()


def test_versioned_scan_counts_versions_and_markers(storage: MinioStorage, bucket: str) -> None:
    storage.set_versioning(bucket, True)
    put_bytes(storage, bucket, "a.txt", b"1" * 10)
    put_bytes(storage, bucket, "a.txt", b"2" * 20)
    put_bytes(storage, bucket, "b.jpg", b"3" * 30)
    storage.delete(bucket, "b.jpg")
    put_bytes(storage, bucket, "c.mp3", b"4" * 5)
    stats = scan(storage, bucket)  # asks the server whether versions are kept
    assert stats.versioned
    assert stats.objects == Tally(2, 25)
    assert stats.by_category[Category.CODE_TEXT] == Tally(1, 20)
    assert stats.by_category[Category.IMAGES] == Tally()
    assert stats.versions == Tally(2, 40)
    assert stats.delete_markers == 1


def test_connection_scan_adds_every_bucket(storage: MinioStorage, bucket: str) -> None:
    seed(storage, bucket)
    parts = [scan(storage, b.name) for b in storage.list_buckets()]
    whole = scan_connection(storage)
    assert whole.scope == ""
    assert whole.complete
    assert whole.buckets == len(parts)
    assert whole.objects == Tally(sum(p.objects.count for p in parts),
                                  sum(p.objects.size for p in parts))
    assert whole.by_category[Category.VIDEO].count == sum(
        p.by_category[Category.VIDEO].count for p in parts)
    assert scan(storage, "").objects == whole.objects


def test_cancel_stops_after_the_page_in_hand(storage: MinioStorage, bucket: str) -> None:
    fill(storage, bucket, [f"many/obj-{i:05d}.txt" for i in range(2500)])
    cancel = threading.Event()
    seen: list[int] = []

    def progress(step: ScanProgress) -> None:
        seen.append(step.objects)
        cancel.set()

    stats = scan(storage, bucket, "", progress, cancel, versioned=False)
    assert not stats.complete
    assert seen == [1000]
    assert stats.objects == Tally(1000, 1000)
    assert scan(storage, bucket, versioned=False).objects == Tally(2500, 2500)
