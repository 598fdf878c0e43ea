"""Duplicates: size groups from the listing, hashes asked only inside them, exact groups on a
real server with copies made on the server."""

from __future__ import annotations

import hashlib
import threading
from datetime import UTC, datetime, timedelta
from functools import partial

from desktop_app.core.duplicates import (
    DuplicateGroup,
    Keep,
    StoredHashes,
    extras,
    find_duplicates,
    group_by_hash,
    kept,
    size_groups,
)
from desktop_app.core.types import ObjectEntry
from desktop_app.storage.s3.checksums import hashes_from_headers
from desktop_app.storage.s3.storage import MinioStorage

T0 = datetime(2024, 1, 1, tzinfo=UTC)


def entry(key: str, size: int, days: int = 0) -> ObjectEntry:
    return ObjectEntry(key, size, T0 + timedelta(days=days), "")


def test_size_groups_keep_only_shared_sizes_and_skip_folders_and_empties() -> None:
    listing = [entry("a", 5), entry("b", 7), entry("c", 5), entry("d/", 0), entry("e", 0),
               entry("f", 0), entry("g", 5)]
    shared, seen = size_groups(lambda: listing)
    assert seen == 7
    assert {size: [e.key for e in group] for size, group in shared.items()} == {
        5: ["a", "c", "g"]}


def test_server_is_asked_only_inside_same_size_groups() -> None:
    asked: list[str] = []
    contents = {"a": "x", "b": "x", "c": "y", "solo": "z"}

    def hashes_of(key: str) -> StoredHashes:
        asked.append(key)
        return StoredHashes({"MD5": contents[key]})

    listing = [entry("a", 3), entry("b", 3), entry("c", 3), entry("solo", 9)]
    report = find_duplicates(lambda: listing, hashes_of, workers=1)
    assert sorted(asked) == ["a", "b", "c"]
    assert [[e.key for e in g.entries] for g in report.groups] == [["a", "b"]]
    assert (report.scanned, report.asked, report.freeable, report.extra_count) == (4, 3, 3, 1)


def test_many_distinct_sizes_list_twice_and_find_the_same_groups() -> None:
    """Past the held-sizes limit nothing more is held: sizes are marked, then a second
    listing keeps only candidates. Sizes 2**24 apart share a bit: an extra candidate only."""
    listing = [entry(f"u{i}", 100 + i) for i in range(50)]
    listing += [entry("x", 7), entry("y", 7), entry("far", 7 + (1 << 24))]
    listing += [entry(f"v{i}", 1000 + i) for i in range(50)] + [entry("z", 7)]
    calls: list[int] = []
    phases: set[str] = set()

    def list_again() -> list[ObjectEntry]:
        calls.append(1)
        return listing

    asked: list[str] = []

    def hashes_of(key: str) -> StoredHashes:
        asked.append(key)
        return StoredHashes({"MD5": "same"})

    report = find_duplicates(list_again, hashes_of, progress=lambda p, _d, _t: phases.add(p),
                             workers=1, limit=10)
    assert len(calls) == 2
    assert phases == {"listing", "relisting", "comparing"}
    assert sorted(asked) == ["x", "y", "z"]
    assert [[e.key for e in g.entries] for g in report.groups] == [["x", "y", "z"]]
    assert report.scanned == len(listing)
    whole = find_duplicates(lambda: listing, hashes_of, workers=1)
    assert [[e.key for e in g.entries] for g in whole.groups] == [["x", "y", "z"]]


def test_weaker_hash_never_joins_objects_whose_stronger_hash_differs() -> None:
    a = StoredHashes({"SHA-256": "1" * 64, "MD5": "m"})
    b = StoredHashes({"SHA-256": "2" * 64, "MD5": "m"})  # an MD5 collision, not a copy
    c = StoredHashes({"MD5": "m"})  # no SHA-256: MD5 is the best proof there is
    groups, unverified = group_by_hash(4, [(entry("a", 4), a), (entry("b", 4), b),
                                           (entry("c", 4), c)])
    assert unverified == 0
    assert len(groups) == 1
    assert groups[0].kind == "MD5"
    assert {e.key for e in groups[0].entries} in ({"a", "c"}, {"b", "c"})


def test_objects_without_any_hash_are_counted_never_grouped() -> None:
    report = find_duplicates(lambda: [entry("a", 3), entry("b", 3)], lambda _k: StoredHashes(),
                             workers=1)
    assert report.groups == ()
    assert report.unverified == 2


def test_keep_oldest_or_newest() -> None:
    group = DuplicateGroup(10, "MD5", (entry("new", 10, 5), entry("old", 10, 1),
                                       entry("mid", 10, 3)))
    assert kept(group, Keep.OLDEST).key == "old"
    assert [e.key for e in extras(group, Keep.OLDEST)] == ["new", "mid"]
    assert kept(group, Keep.NEWEST).key == "new"
    assert [e.key for e in extras(group, Keep.NEWEST)] == ["old", "mid"]


def test_cancel_stops_before_asking_the_server() -> None:
    cancel = threading.Event()
    cancel.set()
    report = find_duplicates(lambda: [entry("a", 3), entry("b", 3)],
                             lambda _k: StoredHashes({"MD5": "x"}), cancel=cancel)
    assert report.cancelled
    assert report.groups == ()
    assert report.asked == 0


def test_composite_checksums_are_left_out() -> None:
    headers = {"x-amz-checksum-crc32": "AAAAAA==-2", "x-amz-checksum-sha1": "AAAA"}
    assert hashes_from_headers('"abc-2"', headers).values == {"SHA-1": "000000"}
    composite = {"x-amz-checksum-sha256": "A" * 43 + "=", "x-amz-checksum-type": "COMPOSITE"}
    assert hashes_from_headers("", composite).values == {}


def seed(storage: MinioStorage, bucket: str) -> None:
    """Copies on the server of an object with a stored SHA-256 and of one without; an
    object of the same size with other bytes; an identical upload done separately."""
    same = b"A" * 1000
    other = b"B" * 1000
    storage.put_bytes(bucket, "photos/a.jpg", same, "image/jpeg",
                      {"sha256": hashlib.sha256(same).hexdigest()})
    storage.put_bytes(bucket, "photos/other.jpg", other, "image/jpeg", {})
    storage.put_bytes(bucket, "docs/plain.txt", b"hello world", "text/plain", {})
    storage.put_bytes(bucket, "elsewhere/a-again.jpg", same, "image/jpeg", {})
    storage.copy_object(bucket, "photos/a.jpg", bucket, "photos/copy of a.jpg")
    storage.copy_object(bucket, "photos/a.jpg", bucket, "backup/a.jpg")
    storage.copy_object(bucket, "docs/plain.txt", bucket, "backup/plain.txt")
    storage.put_bytes(bucket, "docs/unique.txt", b"hello earth", "text/plain", {})


def listing(storage: MinioStorage, bucket: str, prefix: str = "") -> list[ObjectEntry]:
    return [obj for page in storage.iter_listing(bucket, prefix) for obj in page.objects]


def test_real_server_groups_copies_made_on_the_server(storage: MinioStorage, bucket: str) -> None:
    seed(storage, bucket)
    report = find_duplicates(lambda: listing(storage, bucket),
                             partial(storage.stored_hashes, bucket))
    groups = {tuple(e.key for e in g.entries): (g.size, g.kind) for g in report.groups}
    assert groups == {
        ("backup/a.jpg", "elsewhere/a-again.jpg", "photos/a.jpg", "photos/copy of a.jpg"):
            (1000, "SHA-256"),
        ("backup/plain.txt", "docs/plain.txt"): (11, "MD5"),
    }
    assert report.freeable == 3 * 1000 + 11
    assert report.scanned == 8
    assert report.asked == 8


def test_real_server_hashes_of_one_object(storage: MinioStorage, bucket: str) -> None:
    data = b"some bytes"
    storage.put_bytes(bucket, "k", data, "text/plain", {"sha256": hashlib.sha256(data).hexdigest()})
    values = storage.stored_hashes(bucket, "k").values
    assert values["SHA-256"] == hashlib.sha256(data).hexdigest()
    assert values["MD5"] == hashlib.md5(data, usedforsecurity=False).hexdigest()


def test_real_server_two_pass_listing_finds_the_same_groups(
        storage: MinioStorage, bucket: str) -> None:
    seed(storage, bucket)
    report = find_duplicates(lambda: listing(storage, bucket),
                             partial(storage.stored_hashes, bucket), limit=1)
    assert [[e.key for e in g.entries] for g in report.groups] == [
        ["backup/a.jpg", "elsewhere/a-again.jpg", "photos/a.jpg", "photos/copy of a.jpg"],
        ["backup/plain.txt", "docs/plain.txt"]]


def test_real_server_below_a_prefix_only(storage: MinioStorage, bucket: str) -> None:
    seed(storage, bucket)
    report = find_duplicates(lambda: listing(storage, bucket, "photos/"),
                             partial(storage.stored_hashes, bucket))
    assert [[e.key for e in g.entries] for g in report.groups] == [
        ["photos/a.jpg", "photos/copy of a.jpg"]]
