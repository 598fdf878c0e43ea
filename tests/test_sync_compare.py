"""Sync compare against the real server: the streaming listing of a prefix, MD5 ETags of
single PUTs, the CRC64NVME of a multipart object fetched by HEAD, name twins."""

from __future__ import annotations

import os
from pathlib import Path

from desktop_app.core.checksums import CRC64_META, crc_of
from desktop_app.core.local_scan import scan_folder
from desktop_app.core.sync_checksums import LocalChecksums
from desktop_app.core.sync_compare import Group, Why, compare
from desktop_app.core.transfer_types import PartInfo
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.sync_listing import HeadCrc, list_remote
from tests.helpers import put_bytes
from tests.listing_helpers import fill

NFC, NFD = "caf\u00e9.txt", "cafe\u0301.txt"


def write(root: Path, key: str, data: bytes, mtime: float | None = None) -> None:
    path = root.joinpath(*key.split("/"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if mtime is not None:
        os.utime(path, (mtime, mtime))


def put_multipart(storage: MinioStorage, bucket: str, key: str, data: bytes) -> str:
    """A one-part multipart object carrying its CRC64NVME in metadata, as our uploads do on
    servers that keep no checksums."""
    meta = {CRC64_META: crc_of(data).b64()}
    upload = storage.create_multipart(bucket, key, "application/octet-stream", meta)
    etag = storage.upload_part(bucket, key, upload, 1, data)
    return storage.complete_multipart(bucket, key, upload, [PartInfo(1, etag, len(data))])


def test_compare_a_folder_with_a_bucket_prefix(storage: MinioStorage, bucket: str,
                                               tmp_path: Path) -> None:
    objects = {"same.txt": b"same bytes", "deep/er/same.bin": b"\x00" * 300,
               "edited.txt": b"version B!", "longer.txt": b"12", "only-there.txt": b"x",
               NFC: b"accent"}
    for key, data in objects.items():
        put_bytes(storage, bucket, "sync/" + key, data)
    put_bytes(storage, bucket, "sync/folder-marker/", b"")
    put_bytes(storage, bucket, "outside.txt", b"not below the prefix")
    put_multipart(storage, bucket, "sync/multi.bin", b"m" * 1000)
    put_multipart(storage, bucket, "sync/multi-edited.bin", b"n" * 1000)
    for key, data in {"same.txt": b"same bytes", "deep/er/same.bin": b"\x00" * 300,
                      "edited.txt": b"version A!", "longer.txt": b"123",
                      "only-here.txt": b"y", NFD: b"accent", "multi.bin": b"m" * 1000,
                      "multi-edited.bin": b"N" * 1000}.items():
        write(tmp_path, key, data)

    there = list_remote(storage, bucket, "sync")
    assert there.prefix == "sync/"
    assert "folder-marker/" not in there.entries
    assert len(there.entries) == 8
    here = scan_folder(tmp_path)
    source = LocalChecksums(tmp_path, HeadCrc(storage, bucket, there.prefix))
    result = compare(here, there, None, checksums=source)

    verdicts = {item.key: (item.group, item.why) for item in result.items()}
    assert verdicts == {
        "same.txt": (Group.SAME, Why.SAME_CHECKSUM),
        "deep/er/same.bin": (Group.SAME, Why.SAME_CHECKSUM),
        "multi.bin": (Group.SAME, Why.SAME_CHECKSUM),
        "edited.txt": (Group.DIFFERENT, Why.CHECKSUM),
        "multi-edited.bin": (Group.DIFFERENT, Why.CHECKSUM),
        "longer.txt": (Group.DIFFERENT, Why.SIZE),
        "only-here.txt": (Group.ONLY_LOCAL, Why.NEW_HERE),
        "only-there.txt": (Group.ONLY_REMOTE, Why.NEW_THERE),
        NFC: (Group.NAME_CLASHES, Why.UNICODE_TWIN),
        NFD: (Group.NAME_CLASHES, Why.UNICODE_TWIN),
    }
    assert result.checksummed == 5  # every equal-size pair; the longer file is never read
    assert result.bytes(Group.ONLY_REMOTE) == 1


def test_times_decide_where_no_checksum_is_kept(storage: MinioStorage, bucket: str,
                                                tmp_path: Path) -> None:
    put_multipart(storage, bucket, "plain.bin", b"p" * 64)  # ETag is no MD5, no CRC asked
    listed = list_remote(storage, bucket, "")
    stamp = listed.entries["plain.bin"].mtime
    write(tmp_path, "plain.bin", b"q" * 64, stamp + 1)
    result = compare(scan_folder(tmp_path), listed, None, checksums=LocalChecksums(tmp_path))
    assert [(i.group, i.why) for i in result.items()] == [(Group.SAME, Why.SAME_TIME)]
    assert result.checksummed == 0
    write(tmp_path, "plain.bin", b"q" * 64, stamp + 30)
    result = compare(scan_folder(tmp_path), listed, None, checksums=LocalChecksums(tmp_path))
    assert [(i.group, i.why) for i in result.items()] == [(Group.DIFFERENT, Why.NEWER_HERE)]


def test_listing_pages_through_the_first_level_and_each_folder(storage: MinioStorage,
                                                               bucket: str) -> None:
    keys = ([f"p/top-{i:04d}" for i in range(1005)] + [f"p/a/{i:04d}" for i in range(1002)]
            + ["p/b/c/deep", "p/b/", "elsewhere/x"])
    fill(storage, bucket, keys)
    tree = list_remote(storage, bucket, "p/", streams=3)
    expected = {k[2:] for k in keys if k.startswith("p/") and not k.endswith("/")}
    assert set(tree.entries) == expected
    assert tree.complete
    assert all(e.size == 1 and e.etag for e in tree.entries.values())
