"""Fast unit tests of the Qt-free core: env parsing, sizes, redaction, type sniffing."""

from __future__ import annotations

import os

import pytest

from desktop_app.core.connection import from_environ, parse_endpoint
from desktop_app.core.errors import ConfigError
from desktop_app.core.humanize import human_size
from desktop_app.core.mime import PreviewKind, preview_kind, sniff
from desktop_app.core.redact import redact
from desktop_app.storage.sample_data import pdf_bytes, png_bytes


def test_no_endpoint_means_sandbox() -> None:
    assert from_environ({}) is None


def test_seed_style_environment() -> None:
    settings = from_environ({
        "MINIO_ENDPOINT": "play.example.com:9000", "MINIO_ACCESS_KEY": "ak",
        "MINIO_SECRET_KEY": "sk-secret", "MINIO_SECURE": "true", "MINIO_BUCKET_NAME": "b1",
        "MINIO_REGION": "eu-west-1",
    })
    assert settings is not None
    assert (settings.host, settings.port, settings.secure) == ("play.example.com", 9000, True)
    assert settings.url == "https://play.example.com:9000"
    assert settings.initial_bucket == "b1"
    assert settings.region == "eu-west-1"
    assert "sk-secret" not in repr(settings)


@pytest.mark.parametrize(
    ("raw", "hint", "expected"),
    [
        ("localhost:9000", None, ("localhost", 9000, False)),
        ("localhost", True, ("localhost", 443, True)),
        ("http://10.0.0.5:9000", True, ("10.0.0.5", 9000, False)),
        ("https://s3.example.com", None, ("s3.example.com", 443, True)),
        ("[::1]:9000", False, ("::1", 9000, False)),
    ],
)
def test_parse_endpoint(raw: str, hint: bool | None, expected: tuple[str, int, bool]) -> None:
    assert parse_endpoint(raw, hint) == expected


@pytest.mark.parametrize("raw", ["ftp://host:21", "host:99999", "http://host:9000/bucket", ""])
def test_bad_endpoints_are_explained(raw: str) -> None:
    with pytest.raises(ConfigError):
        parse_endpoint(raw, None)


def test_missing_keys_are_explained() -> None:
    with pytest.raises(ConfigError, match="MINIO_SECRET_KEY"):
        from_environ({"MINIO_ENDPOINT": "localhost:9000", "MINIO_ACCESS_KEY": "a"})


@pytest.mark.parametrize(
    ("size", "text"),
    [(0, "0 B"), (1023, "1023 B"), (1024, "1.0 KiB"), (5 * 1024**2, "5.0 MiB"),
     (300 * 1024**3, "300 GiB")],
)
def test_human_size(size: int, text: str) -> None:
    assert human_size(size) == text


def test_redact_removes_secrets_and_signatures() -> None:
    url = ("http://h:9000/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F2026"
           "&X-Amz-Signature=abcdef0123&X-Amz-Expires=60")
    text = redact(f"failed {url} with key TopSecretKey", ["TopSecretKey"])
    assert "abcdef0123" not in text
    assert "TopSecretKey" not in text
    assert "AK%2F" not in text
    assert "X-Amz-Expires=60" in text


def test_sniff_uses_bytes_not_just_names() -> None:
    assert sniff(png_bytes(4, 4), "picture.txt") == "image/png"
    assert sniff(pdf_bytes("t", ["x"]), "doc") == "application/pdf"
    assert preview_kind(sniff(b"a,b\n1,2\n", "t.csv")) is PreviewKind.TEXT
    assert preview_kind(sniff(b'{"a": 1}', "x.json")) is PreviewKind.TEXT
    assert preview_kind(sniff(b"", "empty")) is PreviewKind.TEXT
    noise = os.urandom(4096)
    assert preview_kind(sniff(noise, "noise.bin")) is PreviewKind.OTHER


def test_desktop_notifications_go_to_the_session_bus_service() -> None:
    from desktop_app.core.desktop_notify import notify
    from tests.fake_notifications import FakeNotificationService

    assert notify("Nobody listens", "no service has the name yet", timeout=2) is False
    service = FakeNotificationService()
    try:
        assert notify("Transfers finished", "3 files uploaded to “photos”.") is True
        (app, replaces, icon, summary, body, actions, hints, expire), = service.received
        assert (app, replaces, summary, body) == (
            "MinIO Desktop", 0, "Transfers finished", "3 files uploaded to “photos”.")
        assert actions == []
        assert hints == {"category": ("s", "transfer")}
        assert expire > 0
        assert icon == "document-send"
    finally:
        service.close()
