"""Profiles: endpoint validation, addressing-style resolution, and the versioned file that is
written atomically and never silently dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.core.errors import ConfigError
from desktop_app.core.profiles import (
    FORMAT_VERSION,
    Profile,
    ProfileFileError,
    ProfileStore,
    Secrets,
    endpoint_problem,
    new_profile_id,
    normalize_endpoint,
    resolve_addressing,
    to_settings,
)


def make_profile(name: str = "Laptop", **changes: object) -> Profile:
    base = Profile(id=new_profile_id(), name=name, endpoint="http://127.0.0.1:9000",
                   access_key="AKIAEXAMPLE")
    return base.with_changes(**changes)


@pytest.mark.parametrize(("raw", "expected"), [
    ("localhost:9000", "https://localhost:9000"),
    ("http://localhost:9000", "http://localhost:9000"),
    ("https://s3.example.com", "https://s3.example.com:443"),
    ("http://[::1]:9000/", "http://[::1]:9000"),
    ("  play.min.io  ", "https://play.min.io:443"),
])
def test_normalize_endpoint(raw: str, expected: str) -> None:
    assert normalize_endpoint(raw) == expected


@pytest.mark.parametrize(("raw", "fragment"), [
    ("", "empty"),
    ("ftp://host:21", "scheme"),
    ("http://host:9000/bucket", "path"),
    ("http://user:pw@host:9000", "user name or password"),
    ("http://host:99999", "port"),
    ("http://:9000", "no host"),
])
def test_endpoint_problem_explains(raw: str, fragment: str) -> None:
    problem = endpoint_problem(raw)
    assert problem is not None
    assert fragment in problem
    with pytest.raises(ConfigError):
        normalize_endpoint(raw)


@pytest.mark.parametrize(("style", "host", "expected"), [
    ("auto", "127.0.0.1", "path"),
    ("auto", "::1", "path"),
    ("auto", "[::1]", "path"),
    ("auto", "localhost", "path"),
    ("auto", "minio", "path"),
    ("auto", "minio.example.com", "path"),
    ("auto", "s3.eu-west-1.amazonaws.com", "virtual"),
    ("auto", "s3.cn-north-1.amazonaws.com.cn", "virtual"),
    ("path", "s3.amazonaws.com", "path"),
    ("virtual", "minio.example.com", "virtual"),
])
def test_resolve_addressing(style: str, host: str, expected: str) -> None:
    assert resolve_addressing(style, host) == expected


def test_to_settings_joins_secrets_and_tls_flags() -> None:
    profile = make_profile(endpoint="https://minio.lan:9443", region="eu-1",
                           allow_invalid_certs=True, ca_bundle="/etc/ca.pem")
    settings = to_settings(profile, Secrets("s3cr3t-value", "tok-en"))
    assert (settings.host, settings.port, settings.secure) == ("minio.lan", 9443, True)
    assert settings.secret_key == "s3cr3t-value"
    assert settings.session_token == "tok-en"
    assert settings.verify_tls is False
    assert settings.ca_bundle == "/etc/ca.pem"
    assert settings.region == "eu-1"
    assert settings.addressing_style == "path"
    assert "s3cr3t" not in repr(settings)
    assert "s3cr3t" not in repr(Secrets("s3cr3t-value"))
    assert to_settings(make_profile(), Secrets("x")).verify_tls is True


def test_profile_repr_and_file_hold_no_secret_fields() -> None:
    names = set(Profile.__dataclass_fields__)
    assert not names & {"secret_key", "session_token", "password"}


def test_store_round_trip_and_open_set(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "cfg")
    a, b = make_profile("Alpha"), make_profile("beta", addressing_style="virtual",
                                               has_session_token=True)
    store.put(b)
    store.put(a)
    store.set_open([b.id, "unknown", b.id])
    store.save()
    again = ProfileStore(tmp_path / "cfg")
    again.load()
    assert again.profiles == [a, b]  # sorted by name, case-insensitively
    assert again.open_ids == [b.id]
    assert oct(again.path.stat().st_mode & 0o777) == "0o600"
    assert list((tmp_path / "cfg").iterdir()) == [again.path]  # no temp file left behind
    again.remove(b.id)
    assert again.open_ids == []
    assert again.get(b.id) is None


def test_unique_name(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    store.put(make_profile("Laptop"))
    store.put(make_profile("Laptop (2)"))
    assert store.unique_name("laptop") == "laptop (3)"
    assert store.unique_name("Other") == "Other"


def test_missing_file_is_an_empty_list(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    store.load()
    assert store.profiles == []


@pytest.mark.parametrize("content", [
    "{ not json",
    '["a list"]',
    '{"profiles": []}',
    '{"version": 1, "profiles": [{"id": "x"}]}',
    '{"version": 1, "profiles": [{"id": "x", "name": "n", "endpoint": "http://h:1", '
    '"access_key": "a", "addressing_style": "sideways"}]}',
])
def test_corrupt_file_is_backed_up_and_reported(tmp_path: Path, content: str) -> None:
    store = ProfileStore(tmp_path)
    store.path.write_text(content)
    with pytest.raises(ProfileFileError) as info:
        store.load()
    err = info.value
    assert err.backup is not None
    assert err.backup.read_text() == content
    assert err.backup.name.startswith("profiles.json.corrupt-")
    assert "damaged" in err.user_text()
    assert str(err.backup) in err.user_text()
    assert not store.path.exists()
    assert store.profiles == []
    store.put(make_profile())
    store.save()  # the app can carry on and save afresh, the old file stays aside
    assert err.backup.read_text() == content


def test_future_version_is_kept_and_reported(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    content = json.dumps({"version": FORMAT_VERSION + 1, "profiles": [{"whatever": 1}]})
    store.path.write_text(content)
    with pytest.raises(ProfileFileError) as info:
        store.load()
    assert info.value.backup is not None
    assert info.value.backup.read_text() == content
    assert "newer version" in info.value.user_text()
    store.load()  # reported once; the second start is clean
    assert store.profiles == []
