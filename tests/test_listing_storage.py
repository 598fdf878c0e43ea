"""The fast listing path against the real server: paging, odd keys, streaming, cancel."""

from __future__ import annotations

import secrets
import threading
import unicodedata
from collections.abc import Iterator

import pytest

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import ServerError
from desktop_app.storage.listing_columns import parse_columns
from desktop_app.storage.listing_xml import (
    _parse_tree,
    next_token,
    parse_listing,
    parse_listing_columns,
)
from desktop_app.storage.s3 import MinioStorage
from tests.helpers import put_bytes
from tests.listing_helpers import fill

FIVE_K = 5000
NFC = unicodedata.normalize("NFC", "café")
NFD = unicodedata.normalize("NFD", "café")
ODD_NAMES = [
    "with space.txt", "plus+sign.txt", "percent%20.txt", NFC, NFD,
    "ctl\x01\x1f\x7f.txt", "rtl\u202egnp.exe", "n" * 255,
]
# A 1000-byte key: the server caps one path segment at 255 bytes, so it has five.
LONG_KEY = "odd/" + "/".join(["é" * 120, "a" * 240, "b" * 240, "c" * 200, "d" * 72])


@pytest.fixture(scope="module")
def big_bucket(s3_server: ConnectionSettings) -> Iterator[tuple[MinioStorage, str]]:
    """5000 objects in `flat/`, plus folders that sort between them and past the end."""
    storage = MinioStorage(s3_server, pool_size=32)
    name = f"listing-5k-{secrets.token_hex(3)}"
    storage.make_bucket(name)
    keys = [f"flat/obj-{i:05d}" for i in range(FIVE_K)]
    keys += ["flat/obj-00999-dir/inner", "flat/obj-02500-dir/a/b", "flat/zzz/last"]
    fill(storage, name, keys)
    yield storage, name
    storage.close()


def test_long_key_is_1000_bytes() -> None:
    assert len(LONG_KEY.encode()) == 1000


def test_pages_cover_a_5k_folder_exactly_once(big_bucket: tuple[MinioStorage, str]) -> None:
    storage, bucket = big_bucket
    seen: list[str] = []
    folders: list[str] = []
    start: str | None = None
    pages = 0
    while True:
        page = storage.list_page(bucket, "flat/", start, 1000)
        pages += 1
        seen += [o.key for o in page.objects]
        folders += [f.prefix for f in page.folders]
        assert len(page.objects) + len(page.folders) <= 1000
        if page.next_start_after is None:
            break
        start = page.next_start_after
    assert pages >= 5
    assert seen == [f"flat/obj-{i:05d}" for i in range(FIVE_K)]
    assert folders == ["flat/obj-00999-dir/", "flat/obj-02500-dir/", "flat/zzz/"]
    first = storage.list_page(bucket, "flat/", None, 10).objects[0]
    assert first.size == 1
    assert first.etag == "9dd4e461268c8034f5c8564e155c67a6"
    assert first.last_modified is not None
    assert first.last_modified.tzinfo is not None


def test_recursive_stream_counts_everything(big_bucket: tuple[MinioStorage, str]) -> None:
    storage, bucket = big_bucket
    keys = [o.key for page in storage.iter_listing(bucket, "flat/") for o in page.objects]
    assert len(keys) == FIVE_K + 3
    assert keys == sorted(keys)
    top = list(storage.iter_listing(bucket, "", recursive=False))
    assert [p for page in top for p in page.prefixes] == ["flat/"]


def test_stream_stops_when_cancelled(big_bucket: tuple[MinioStorage, str]) -> None:
    storage, bucket = big_bucket
    cancel = threading.Event()
    pages = 0
    for _page in storage.iter_listing(bucket, "flat/", cancel=cancel):
        pages += 1
        cancel.set()
    assert pages == 1


def test_odd_keys_are_listed_exactly(storage: MinioStorage, bucket: str) -> None:
    keys = [f"odd/{name}" for name in ODD_NAMES] + [LONG_KEY]
    for key in keys:
        put_bytes(storage, bucket, key, b"odd")
    page = storage.list_page(bucket, "odd/")
    assert [o.key for o in page.objects] == sorted(k for k in keys if k != LONG_KEY)
    assert [f.prefix for f in page.folders] == ["odd/" + "é" * 120 + "/"]
    deep = [o.key for p in storage.iter_listing(bucket, "odd/") for o in p.objects]
    assert sorted(deep) == sorted(keys)
    assert NFC != NFD
    assert f"odd/{NFC}" in deep
    assert f"odd/{NFD}" in deep


def test_parser_handles_plain_keys_and_no_namespace() -> None:
    body = (b"<ListBucketResult><IsTruncated>true</IsTruncated><Contents><Key>a+b%</Key>"
            b"<Size>5</Size><ETag>&quot;abc-2&quot;</ETag><LastModified>2024-05-01T10:00:00.000Z"
            b"</LastModified></Contents><CommonPrefixes><Prefix>d/</Prefix></CommonPrefixes>"
            b"<NextContinuationToken>t&amp;1</NextContinuationToken></ListBucketResult>")
    parsed = parse_listing(body, 1000)
    assert parsed.truncated
    assert parsed.objects[0].key == "a+b%"  # not URL-encoded: left as is
    assert parsed.objects[0].etag == "abc-2"
    assert parsed.objects[0].last_modified is not None
    assert parsed.objects[0].last_modified.year == 2024
    assert parsed.prefixes == ("d/",)
    assert next_token(body, 1000) == "t&1"


def test_parser_reports_garbage_as_server_error() -> None:
    with pytest.raises(ServerError, match="could not be read"):
        parse_listing(b"<html>not xml", 1000)
    with pytest.raises(ServerError, match="answered a folder listing"):
        parse_listing(b"<html><body>proxy login</body></html>", 1000)


def test_fast_column_parser_agrees_with_the_tree_parser(
        big_bucket: tuple[MinioStorage, str]) -> None:
    storage, bucket = big_bucket
    data = storage.list_v2_raw(bucket, "flat/", "/", "flat/obj-00990", None, 30)
    fast = parse_columns(data)
    assert fast is not None
    tree = _parse_tree(data)
    assert fast == tree
    assert fast.prefixes == ("flat/obj-00999-dir/",)
    assert fast.etags[0] == "9dd4e461268c8034f5c8564e155c67a6"


def test_unusual_answers_fall_back_to_the_tree_parser() -> None:
    prefixed = (b'<s3:ListBucketResult xmlns:s3="http://s3.amazonaws.com/doc/2006-03-01/">'
                b"<s3:Contents><s3:Key>k</s3:Key><s3:Size>2</s3:Size></s3:Contents>"
                b"</s3:ListBucketResult>")
    assert parse_columns(prefixed) is None
    assert parse_listing_columns(prefixed, 1000).keys == ["k"]
    no_etag = (b"<ListBucketResult><Contents><Key>a&amp;b</Key><Size>2</Size>"
               b"<LastModified>2024-01-01T00:00:00Z</LastModified></Contents></ListBucketResult>")
    assert parse_columns(no_etag) is None
    columns = parse_listing_columns(no_etag, 1000)
    assert columns.keys == ["a&b"]
    assert columns.etags == [""]
