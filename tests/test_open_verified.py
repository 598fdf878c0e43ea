"""Open (and the sequential Download to…) check what they fetched with the strongest check the
object allows, as the transfer queue does: a byte flipped on the way fails the check, the
object is fetched once more, and bytes that fail twice are never handed over: no file is
left, and the reason says the bytes arrived damaged."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.app import build_window
from desktop_app.core.checksums import Algo, crc_of
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.types import ObjectEntry
from desktop_app.storage.bulk_ops import Progress
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.options import MiB
from desktop_app.transfers.simple_download import download
from desktop_app.ui.objects.delete_dialog import ReportDialog
from tests.fault_proxy import Fault, FaultProxy
from tests.s3_peers import boto_multipart, boto_put, minio_put

DIFFER = "the bytes received differ from the object on the server"


def body_of(size: int, seed: int) -> bytes:
    block = hashlib.sha256(str(seed).encode()).digest() * 4096
    return (block * (size // len(block) + 1))[:size]


def seed(settings: ConnectionSettings, storage: MinioStorage, bucket: str) -> dict[str, bytes]:
    """One object of each kind a bucket holds: our CRC64NVME upload, boto3's default CRC32,
    a composite CRC32C multipart, a plain single part (MD5 ETag), a SHA-256 in the metadata."""
    bodies = {name: body_of(size, n) for n, (name, size) in enumerate(
        (("ours.bin", 300_000), ("boto.bin", 200_000), ("composite.bin", 11 * MiB),
         ("plain.bin", 150_000), ("sha.bin", 6 * MiB)))}
    data = bodies["ours.bin"]
    storage.put_bytes(bucket, "ours.bin", data, "application/octet-stream", {},
                      checksum=crc_of(data, Algo.CRC64NVME))
    boto_put(settings, bucket, "boto.bin", bodies["boto.bin"])
    boto_multipart(settings, bucket, "composite.bin", bodies["composite.bin"],
                   algorithm="CRC32C", kind="COMPOSITE")
    minio_put(settings, bucket, "plain.bin", bodies["plain.bin"])
    minio_put(settings, bucket, "sha.bin", bodies["sha.bin"], part_size=5 * MiB,
              metadata={"sha256": hashlib.sha256(bodies["sha.bin"]).hexdigest()})
    return bodies


def planned(storage: MinioStorage, bucket: str, keys: list[str]
            ) -> list[tuple[ObjectEntry, str]]:
    out = []
    for key in keys:
        stat = storage.stat(bucket, key)
        out.append((ObjectEntry(key, stat.size, None, stat.etag), key))
    return out


def corrupt_gets(key: str, times: int) -> list[Fault]:
    """GETs of `key` asking for its checksums (what Open sends; a preview's reads pass)."""
    return [Fault("corrupt", lambda m, p, h: m == "GET" and p.split("?")[0].endswith(key)
                  and any(k.lower() == "x-amz-checksum-mode" for k in h))
            for _ in range(times)]


@pytest.mark.real_server
def test_open_never_hands_over_a_flipped_byte(
        s3_server: ConnectionSettings, storage: MinioStorage, bucket: str, proxy: FaultProxy,
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    bodies = seed(s3_server, storage, bucket)
    via_proxy = MinioStorage(dataclasses.replace(s3_server, port=proxy.port))
    items = planned(storage, bucket, list(bodies))
    try:
        proxy.faults = [f for key in bodies for f in corrupt_gets(key, 2)]
        report, saved = download(via_proxy, bucket, items, tmp_path, Progress())
        assert saved == []
        failures = {f.key: f.reason for f in report.failures}
        assert set(failures) == set(bodies)
        for key, reason in failures.items():
            assert DIFFER in reason, (key, reason)
            assert "Nothing of it was kept; try again." in reason
        assert list(tmp_path.iterdir()) == []  # nothing kept, no temp file left
        assert all(f.fired for f in proxy.faults)  # each was fetched twice

        # Damaged once: the second fetch is intact and that is what is handed over.
        proxy.faults = [f for key in bodies for f in corrupt_gets(key, 1)]
        caplog.set_level(logging.DEBUG, "desktop_app.transfers.simple_download")
        report, saved = download(via_proxy, bucket, items, tmp_path, Progress())
        assert report.failures == ()
        assert all(f.fired for f in proxy.faults)
        assert {p.name: p.read_bytes() for p in saved} == bodies
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(bodies)
        assert {r.args[0]: r.args[1] for r in caplog.records  # type: ignore[index]
                if r.msg == "Downloaded %s, verified by %s"} == {
            "ours.bin": "CRC64NVME", "boto.bin": "CRC32",
            "composite.bin": "CRC32C (composite, 3 parts)", "plain.bin": "MD5 (ETag)",
            "sha.bin": "SHA-256"}  # the strongest check each allows, as in the queue

        boto_put(s3_server, bucket, "empty.bin", b"")  # an empty body passes its CRC too
        report, saved = download(via_proxy, bucket, planned(storage, bucket, ["empty.bin"]),
                                 tmp_path, Progress())
        assert (report.failures, [p.read_bytes() for p in saved]) == ((), [b""])
    finally:
        via_proxy.close()


@pytest.mark.real_server
def test_open_in_the_window_says_why_and_opens_nothing(
        qtbot: QtBot, app_environ: dict[str, str], s3_server: ConnectionSettings,
        storage: MinioStorage, bucket: str, proxy: FaultProxy) -> None:
    data = body_of(200_000, 9)
    storage.put_bytes(bucket, "photo.jpg", data, "image/jpeg", {},
                      checksum=crc_of(data, Algo.CRC64NVME))
    window = build_window({**app_environ, "MINIO_BUCKET_NAME": bucket,
                           "MINIO_ENDPOINT": f"http://{s3_server.host}:{proxy.port}"})
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.table_model.rowCount() == 1, timeout=20_000)
        actions = window.object_actions
        opened: list[Path] = []
        actions.open_file = lambda path: opened.append(path) or True
        proxy.faults = corrupt_gets("photo.jpg", 2)
        model = window.table_model
        window.object_table.selectRow(model.row_of_key("photo.jpg"))
        actions.action_open.trigger()
        qtbot.waitUntil(lambda: isinstance(actions.active_dialog, ReportDialog), timeout=20_000)
        dialog = actions.active_dialog
        assert isinstance(dialog, ReportDialog)
        text = dialog.listing.toPlainText()
        assert "photo.jpg" in text
        assert DIFFER in text
        assert "CRC64NVME checksum does not match" in text
        assert opened == []
        assert all(f.fired for f in proxy.faults)
        temp_root = actions._temp_root
        assert temp_root is not None
        assert [p for p in temp_root.rglob("*") if p.is_file()] == []
    finally:
        window.close()
