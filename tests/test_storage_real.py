"""Every adapter call against the real S3 server, and the errors users see."""

from __future__ import annotations

import hashlib
import io
import os
import socket
import urllib.request
from dataclasses import replace
from datetime import timedelta

import pytest

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import AppError, AuthFailed, ConfigError, ConnectionFailed, NotFound
from desktop_app.storage.protocol import MAX_PAGE_SIZE, Storage
from desktop_app.storage.s3 import MinioStorage
from tests.helpers import put_bytes


def test_minio_storage_satisfies_protocol(storage: MinioStorage) -> None:
    assert isinstance(storage, Storage)


def test_list_buckets_includes_new_bucket(storage: MinioStorage, bucket: str) -> None:
    names = [b.name for b in storage.list_buckets()]
    assert bucket in names


def test_put_stat_read_delete_round_trip(storage: MinioStorage, bucket: str) -> None:
    data = os.urandom(300_000)
    etag = storage.put_stream(bucket, "dir/blob.bin", io.BytesIO(data), len(data),
                              "application/octet-stream", {"purpose": "test"})
    stat = storage.stat(bucket, "dir/blob.bin")
    assert stat.size == len(data)
    assert stat.etag == etag == hashlib.md5(data).hexdigest()  # noqa: S324 - S3 ETag
    assert stat.content_type == "application/octet-stream"
    assert stat.metadata.get("Purpose", stat.metadata.get("purpose")) == "test"
    assert storage.read_range(bucket, "dir/blob.bin", 0, len(data)) == data
    assert storage.read_range(bucket, "dir/blob.bin", 1000, 10) == data[1000:1010]
    assert storage.read_range(bucket, "dir/blob.bin", len(data) - 5, 100) == data[-5:]
    assert storage.read_range(bucket, "dir/blob.bin", len(data) + 10, 100) == b""
    storage.delete(bucket, "dir/blob.bin")
    with pytest.raises(NotFound):
        storage.stat(bucket, "dir/blob.bin")


def test_empty_object_round_trip(storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "empty.txt", b"", "text/plain")
    assert storage.stat(bucket, "empty.txt").size == 0
    assert storage.read_range(bucket, "empty.txt", 0, 10) == b""


def test_list_page_splits_folders_and_objects(storage: MinioStorage, bucket: str) -> None:
    for key in ("a.txt", "b/1.txt", "b/2.txt", "c/d/e.txt", "z.txt", "folder/"):
        put_bytes(storage, bucket, key, b"x")
    page = storage.list_page(bucket, "")
    assert [f.prefix for f in page.folders] == ["b/", "c/", "folder/"]
    assert [o.key for o in page.objects] == ["a.txt", "z.txt"]
    assert not page.is_truncated
    nested = storage.list_page(bucket, "c/")
    assert [f.prefix for f in nested.folders] == ["c/d/"]
    assert nested.objects == ()
    # A folder marker object is not listed as a row of its own folder.
    assert storage.list_page(bucket, "folder/").objects == ()


def test_list_page_pages_with_start_after(storage: MinioStorage, bucket: str) -> None:
    keys = [f"k{i:03d}" for i in range(25)]
    for key in keys:
        put_bytes(storage, bucket, key, b"1")
    seen: list[str] = []
    start_after = None
    pages = 0
    while True:
        page = storage.list_page(bucket, "", start_after=start_after, limit=10)
        assert len(page.objects) <= 10
        seen += [o.key for o in page.objects]
        pages += 1
        if not page.is_truncated:
            break
        start_after = page.next_start_after
    assert seen == keys
    assert pages >= 3


def test_list_page_size_is_bounded(storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "one", b"1")
    page = storage.list_page(bucket, "", limit=10**9)
    assert len(page.objects) == 1
    assert MAX_PAGE_SIZE == 1000


def test_presigned_get_serves_exact_bytes(storage: MinioStorage, bucket: str) -> None:
    data = os.urandom(70_000)
    put_bytes(storage, bucket, "share me.bin", data)
    url = storage.presign_get(bucket, "share me.bin", timedelta(hours=1))
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.read() == data


def test_presign_over_seven_days_is_refused(storage: MinioStorage, bucket: str) -> None:
    with pytest.raises(ConfigError, match="7 days"):
        storage.presign_get(bucket, "x", timedelta(days=7, seconds=1))


def test_missing_bucket_is_not_found(storage: MinioStorage) -> None:
    with pytest.raises(NotFound, match="no-such-bucket-here"):
        storage.list_page("no-such-bucket-here", "")


def test_wrong_secret_says_so_without_the_secret(s3_server: ConnectionSettings) -> None:
    wrong = "WrongSecretValue-1234567890"
    bad = MinioStorage(replace(s3_server, secret_key=wrong))
    with pytest.raises(AuthFailed) as caught:
        bad.list_buckets()
    text = caught.value.user_text()
    assert "secret key" in text
    assert wrong not in text
    assert s3_server.secret_key not in text


def test_unknown_access_key_says_so(s3_server: ConnectionSettings) -> None:
    bad = MinioStorage(replace(s3_server, access_key="nobody-knows-me"))
    with pytest.raises(AuthFailed, match="does not know the access key"):
        bad.list_buckets()


def test_closed_port_is_refused_quickly(s3_server: ConnectionSettings) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    bad = MinioStorage(replace(s3_server, port=port))
    with pytest.raises(ConnectionFailed, match="refused"):
        bad.list_buckets()


def test_redirects_are_not_followed(s3_server: ConnectionSettings) -> None:
    """A server answering 307 must not get our signed request replayed elsewhere."""
    import http.server
    import threading

    hits: list[str] = []

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(307)
            self.send_header("Location", f"http://127.0.0.1:{s3_server.port}{self.path}")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Redirect)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        bad = MinioStorage(replace(s3_server, port=server.server_address[1]))
        with pytest.raises(AppError) as caught:
            bad.list_buckets()
        assert s3_server.secret_key not in str(caught.value)
    finally:
        server.shutdown()
        server.server_close()
    assert len(hits) == 1
