"""Import from a URL into the real server, from a web server in the test (local addresses
allowed explicitly): names, content types, redirects, refused targets, size limits, stalls,
pause with Range, cancel leaving nothing behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import urllib3

from desktop_app.core.checksums import crc_of
from desktop_app.core.transfer_types import SHA256_META
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.options import MiB
from desktop_app.transfers.state import State
from desktop_app.transfers.url_import import UrlImport
from tests.tls_certs import self_signed
from tests.transfer_helpers import make_engine, stored_crc64, wait_until
from tests.url_source import UrlSource

pytestmark = pytest.mark.real_server

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


@pytest.fixture
def source() -> Iterator[UrlSource]:
    server = UrlSource(b"hello from the web\n" * 100)
    yield server
    server.close()


@pytest.fixture
def engine(storage: MinioStorage, tmp_path: Path) -> Iterator[TransferEngine]:
    eng = make_engine(storage, tmp_path)
    yield eng
    eng.shutdown()


def run(engine: TransferEngine, bucket: str, url: str, **kw: Any) -> tuple[int, Any]:
    ids = engine.import_urls(bucket, [UrlImport(url, **{"allow_local": True, **kw})])
    assert engine.wait(60)
    view = next(v for v in engine.snapshot() if v.id == ids[0])
    return ids[0], view


def test_name_from_content_disposition_and_type_from_the_answer(
        engine: TransferEngine, storage: MinioStorage, bucket: str, source: UrlSource,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # No proxy from the environment (so no proxy credentials either): this one would fail.
    monkeypatch.setenv("HTTP_PROXY", "http://user:secret@127.0.0.1:9")
    monkeypatch.setenv("http_proxy", "http://user:secret@127.0.0.1:9")
    _id, view = run(engine, bucket, f"{source.url}/named", prefix="in/")
    assert view.state is State.DONE, view.error
    # filename* wins over filename; its "../" folders are dropped.
    assert view.key == "in/résumé final.txt"
    stat = storage.stat(bucket, "in/résumé final.txt")
    assert stat.content_type == "text/plain; charset=utf-8"
    assert SHA256_META not in stat.metadata  # the CRC64NVME identifies it (no rule here)
    assert stored_crc64(storage, bucket, view.key) == crc_of(source.body).b64()
    assert view.verified_by == "CRC64NVME"
    assert view.source == f"{source.url}/named"
    sent = source.requests[0][2]
    assert not {"Authorization", "Cookie", "Proxy-Authorization"} & set(sent)
    assert sent["Host"] == f"127.0.0.1:{source.port}"


def test_name_from_the_path_and_type_from_the_first_bytes(
        engine: TransferEngine, storage: MinioStorage, bucket: str, source: UrlSource) -> None:
    source.body = PNG
    _id, view = run(engine, bucket, f"{source.url}/files/chart%20q3?sig=secret")
    assert view.state is State.DONE, view.error
    assert view.key == "chart q3.png"  # no extension in the path: one from the sniffed type
    assert storage.stat(bucket, "chart q3.png").content_type == "image/png"
    assert "secret" not in view.source


def test_five_redirects_are_followed_six_are_not(
        engine: TransferEngine, storage: MinioStorage, bucket: str, source: UrlSource) -> None:
    _id, view = run(engine, bucket, f"{source.url}/hop/5", name="five.txt")
    assert view.state is State.DONE, view.error
    assert len(source.requests) == 6
    assert not [h for _m, _p, h in source.requests if "Cookie" in h]  # no cookie jar
    assert storage.stat(bucket, "five.txt").size == len(source.body)
    source.requests.clear()
    _id, view = run(engine, bucket, f"{source.url}/hop/6", name="six.txt")
    assert view.state is State.FAILED
    assert "redirects more than 5 times" in view.error
    assert len(source.requests) == 6  # /hop/0 never asked for
    assert not storage.exists(bucket, "six.txt")


def test_a_redirect_to_file_is_refused(engine: TransferEngine, bucket: str,
                                       source: UrlSource) -> None:
    _id, view = run(engine, bucket, f"{source.url}/to/{quote('file:///etc/passwd', safe='')}")
    assert view.state is State.FAILED
    assert "“file:” link" in view.error


def test_a_redirect_to_a_private_address_is_refused_unless_allowed(
        engine: TransferEngine, storage: MinioStorage, bucket: str, source: UrlSource,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # "files.example" resolves to a public address; the test routes that address to the
    # local server (as the internet would route it to the site), which redirects to loopback.
    public = "93.184.215.14"
    asked: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        asked.append(host)
        return [public]

    real_pool = urllib3.HTTPConnectionPool

    def routed(host: str, port: int, **kw: Any) -> urllib3.HTTPConnectionPool:
        assert host in (public, "127.0.0.1")  # only ever the checked address
        return real_pool("127.0.0.1", port, **kw)

    monkeypatch.setattr(urllib3, "HTTPConnectionPool", routed)  # the one url_fetch uses
    engine.url_resolver = resolver
    inner = quote(f"{source.url}/files/secret.txt", safe="")
    url = f"http://files.example:{source.port}/to/{inner}"
    _id, view = run(engine, bucket, url, allow_local=False)
    assert view.state is State.FAILED
    assert "loopback address (127.0.0.1)" in view.error
    assert "Allow local addresses" in view.error
    assert [p for _m, p, _h in source.requests] == [f"/to/{inner}"]
    assert source.requests[0][2]["Host"] == f"files.example:{source.port}"
    assert asked == ["files.example"]
    assert not storage.exists(bucket, "secret.txt")
    _id, view = run(engine, bucket, url, allow_local=True)
    assert view.state is State.DONE, view.error
    assert view.key == "secret.txt"


def test_a_body_over_the_limit_is_refused_by_its_length_and_while_it_grows(
        engine: TransferEngine, storage: MinioStorage, bucket: str, source: UrlSource) -> None:
    source.body = b"x" * (12 * MiB)
    _id, view = run(engine, bucket, f"{source.url}/files/big.bin", limit=MiB)
    assert view.state is State.FAILED
    assert "more than the limit of 1.0 MiB; nothing was downloaded" in view.error
    # No length announced: it is stopped once past the limit (after a multipart began).
    _id, view = run(engine, bucket, f"{source.url}/nolength", name="grow.bin",
                    limit=7 * MiB)
    assert view.state is State.FAILED
    assert "sent more than the limit of 7.0 MiB" in view.error
    assert not storage.exists(bucket, "big.bin")
    assert not storage.exists(bucket, "grow.bin")
    assert storage.list_multipart_uploads(bucket) == []


def test_unknown_length_streams_as_multipart_with_a_crc_checked(
        engine: TransferEngine, storage: MinioStorage, bucket: str, source: UrlSource) -> None:
    source.body = bytes(range(256)) * (48 * 1024) + b"tail"  # 12 MiB + 4: three parts
    _id, view = run(engine, bucket, f"{source.url}/nolength", name="stream.bin")
    assert view.state is State.DONE, view.error
    stat = storage.stat(bucket, "stream.bin")
    assert stat.size == len(source.body)
    assert stat.etag.endswith("-3")
    assert stored_crc64(storage, bucket, "stream.bin") == crc_of(source.body).b64()
    assert view.done_bytes == view.size == len(source.body)


def test_a_stalled_source_is_retried_then_fails_clearly_and_retries_by_hand(
        engine: TransferEngine, storage: MinioStorage, bucket: str, source: UrlSource) -> None:
    source.stalls, source.stall_s = 10, 2.0
    tid, view = run(engine, bucket, f"{source.url}/stall", name="stall.txt",
                    read_timeout=0.3)
    assert view.state is State.FAILED
    assert "stopped sending data (nothing for 0.3 s)" in view.error
    assert "The transfer failed after 4 tries" in view.error
    assert len(source.requests) == 4
    source.stalls = 0
    engine.retry([tid])
    assert engine.wait(30)
    view = next(v for v in engine.snapshot() if v.id == tid)
    assert view.state is State.DONE, view.error
    assert storage.stat(bucket, "stall.txt").size == len(source.body)


def test_a_stall_midway_resumes_with_range(
        engine: TransferEngine, storage: MinioStorage, bucket: str, source: UrlSource) -> None:
    source.body = bytes(range(256)) * (48 * 1024)  # 12 MiB: the first half holds a part
    source.stalls, source.stall_s = 1, 2.0
    _tid, view = run(engine, bucket, f"{source.url}/stall", name="resumed.bin",
                     read_timeout=0.5)
    assert view.state is State.DONE, view.error
    assert source.requests[1][2].get("Range") == f"bytes={5 * MiB}-"
    assert stored_crc64(storage, bucket, "resumed.bin") == crc_of(source.body).b64()


def test_cancel_midway_leaves_no_object_and_no_unfinished_upload(
        engine: TransferEngine, storage: MinioStorage, bucket: str, source: UrlSource) -> None:
    source.body = b"y" * (24 * MiB)
    source.slow_s = 0.06  # ~4 MiB/s: the stop lands well before the end
    tid = engine.import_urls(bucket, [UrlImport(f"{source.url}/slow", name="slow.bin",
                                                allow_local=True)])[0]
    wait_until(lambda: engine.get(tid) is not None
               and engine.get(tid).done_bytes > 11 * MiB)  # type: ignore[union-attr]
    assert storage.list_multipart_uploads(bucket) != []  # a part is on the server
    engine.cancel([tid])
    assert engine.wait(30)
    assert engine.get(tid).state is State.CANCELLED  # type: ignore[union-attr]
    assert not storage.exists(bucket, "slow.bin")
    assert storage.list_multipart_uploads(bucket) == []


def test_pause_and_resume_continue_with_range(
        engine: TransferEngine, storage: MinioStorage, bucket: str, source: UrlSource) -> None:
    source.body = bytes(reversed(range(256))) * (64 * 1024)  # 16 MiB
    source.slow_s = 0.06  # ~4 MiB/s: the stop lands well before the end
    tid = engine.import_urls(bucket, [UrlImport(f"{source.url}/slow", name="paused.bin",
                                                allow_local=True)])[0]
    wait_until(lambda: engine.get(tid).done_bytes > 11 * MiB)  # type: ignore[union-attr]
    engine.pause([tid])
    assert engine.wait(30)
    assert engine.get(tid).state is State.PAUSED  # type: ignore[union-attr]
    engine.resume([tid])
    assert engine.wait(60)
    transfer = engine.get(tid)
    assert transfer is not None
    assert transfer.state is State.DONE, transfer.error
    assert source.requests[-1][2].get("Range") == f"bytes={10 * MiB}-"
    assert stored_crc64(storage, bucket, "paused.bin") == crc_of(source.body).b64()
    assert storage.list_multipart_uploads(bucket) == []


def test_cancel_while_the_source_is_silent_stops_at_once(
        engine: TransferEngine, storage: MinioStorage, bucket: str, source: UrlSource) -> None:
    source.body = b"z" * (12 * MiB)
    source.stalls, source.stall_s = 1, 20.0
    tid = engine.import_urls(bucket, [UrlImport(f"{source.url}/stall", name="silent.bin",
                                                allow_local=True, read_timeout=30)])[0]
    wait_until(lambda: engine.get(tid).done_bytes >= 6 * MiB)  # type: ignore[union-attr]
    wait_until(lambda: storage.list_multipart_uploads(bucket) != [])
    engine.cancel([tid])
    assert engine.wait(5)  # not the 30 s read timeout, nor the 20 s stall
    assert engine.get(tid).state is State.CANCELLED  # type: ignore[union-attr]
    assert storage.list_multipart_uploads(bucket) == []
    assert not storage.exists(bucket, "silent.bin")


def https_source(tmp_path: Path, name: str) -> UrlSource:
    cert = self_signed(tmp_path, name.split(".")[0], dns_names=(name,))
    return UrlSource(b"over tls\n" * 10, tls=(cert.cert, cert.key))


def test_https_connects_to_the_checked_address_with_the_name_for_tls(
        engine: TransferEngine, storage: MinioStorage, bucket: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    good = https_source(tmp_path, "files.example")
    wrong = https_source(tmp_path, "other.example")
    try:
        bundle = tmp_path / "trusted.pem"  # both trusted: only the name can fail
        bundle.write_bytes((tmp_path / "files.crt").read_bytes()
                           + (tmp_path / "other.crt").read_bytes())
        monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
        engine.url_resolver = lambda host, port: ["127.0.0.1"]
        _id, view = run(engine, bucket, f"https://files.example:{good.port}/files/tls.txt")
        assert view.state is State.DONE, view.error
        assert good.requests[0][2]["Host"] == f"files.example:{good.port}"
        assert storage.stat(bucket, "tls.txt").size == len(good.body)
        # A certificate for another name is refused (the name, not the address, is checked).
        _id, view = run(engine, bucket, f"https://files.example:{wrong.port}/files/no.txt")
        assert view.state is State.FAILED
        assert "The secure connection to “files.example” failed" in view.error, view.error
        assert not storage.exists(bucket, "no.txt")
        # https never hands over to plain http.
        down = quote(f"http://files.example:{good.port}/files/down.txt", safe="")
        _id, view = run(engine, bucket, f"https://files.example:{good.port}/to/{down}")
        assert view.state is State.FAILED
        assert "from https to plain http" in view.error
    finally:
        good.close()
        wrong.close()


def test_quitting_with_a_paused_import_leaves_no_unfinished_upload(
        storage: MinioStorage, bucket: str, source: UrlSource, tmp_path: Path) -> None:
    engine = make_engine(storage, tmp_path)
    source.body = b"q" * (16 * MiB)
    source.slow_s = 0.06  # ~4 MiB/s: the stop lands well before the end
    tid = engine.import_urls(bucket, [UrlImport(f"{source.url}/slow", name="quit.bin",
                                                allow_local=True)])[0]
    wait_until(lambda: engine.get(tid).done_bytes > 11 * MiB)  # type: ignore[union-attr]
    engine.pause([tid])
    assert engine.wait(30)
    assert storage.list_multipart_uploads(bucket) != []  # kept for a resume by Range
    engine.shutdown()
    assert storage.list_multipart_uploads(bucket) == []  # imports are not journalled
    assert engine.journal.pending() == []


def test_pause_without_range_support_starts_again_from_zero(
        engine: TransferEngine, storage: MinioStorage, bucket: str, source: UrlSource) -> None:
    source.ranges = False
    source.body = bytes(range(256)) * (64 * 1024) + b"end"  # 16 MiB + 3
    source.slow_s = 0.06  # ~4 MiB/s: the stop lands well before the end
    tid = engine.import_urls(bucket, [UrlImport(f"{source.url}/slow", name="again.bin",
                                                allow_local=True)])[0]
    wait_until(lambda: engine.get(tid).done_bytes > 11 * MiB)  # type: ignore[union-attr]
    engine.pause([tid])
    assert engine.wait(30)
    assert engine.get(tid).done_bytes == 0  # type: ignore[union-attr]
    assert storage.list_multipart_uploads(bucket) == []  # nothing to continue from
    engine.resume([tid])
    assert engine.wait(60)
    assert engine.get(tid).state is State.DONE  # type: ignore[union-attr]
    assert [h.get("Range") for _m, _p, h in source.requests] == [None, None]
    assert stored_crc64(storage, bucket, "again.bin") == crc_of(source.body).b64()
