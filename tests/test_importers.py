"""Importing connections from mc, rclone, the AWS CLI and MINIO_* variables (sample files
written by the tests, in the formats those tools write)."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.core.importers import (
    ImportResult,
    default_aws_files,
    default_mc_config,
    default_rclone_config,
    from_aws,
    from_env,
    from_mc,
    from_rclone,
    import_all,
)


def by_name(result: ImportResult) -> dict[str, tuple[object, ...]]:
    return {
        c.profile.name: (c.profile.endpoint, c.profile.access_key, c.secrets.secret_key,
                         c.secrets.session_token, c.profile.region, c.profile.addressing_style,
                         c.profile.has_session_token)
        for c in result.candidates
    }


def write_mc(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": "10", "aliases": {
        "local": {"url": "http://localhost:9000", "accessKey": "", "secretKey": "",
                  "api": "S3v4", "path": "auto"},
        "s3": {"url": "https://s3.amazonaws.com", "accessKey": "YOUR-ACCESS-KEY-HERE",
               "secretKey": "YOUR-SECRET-KEY-HERE", "api": "S3v4", "path": "dns"},
        "lab": {"url": "http://10.0.0.5:9000", "accessKey": "labkey", "secretKey": "labsecret",
                "api": "s3v4", "path": "on"},
        "corp": {"url": "https://minio.corp.example:443", "accessKey": "ck", "secretKey": "cs",
                 "sessionToken": "ctok", "api": "s3v4", "path": "off"},
        "broken": {"url": "ftp://nowhere", "accessKey": "a", "secretKey": "b"},
    }}))


def test_mc_aliases(tmp_path: Path) -> None:
    path = tmp_path / ".mc" / "config.json"
    write_mc(path)
    result = from_mc(path)
    assert by_name(result) == {
        "lab": ("http://10.0.0.5:9000", "labkey", "labsecret", None, "", "path", False),
        "corp": ("https://minio.corp.example:443", "ck", "cs", "ctok", "", "virtual", True),
    }
    summary = result.summary()
    assert "2 connections found in mc" in summary
    assert "Skipped without keys: local, s3." in summary
    assert "“broken” skipped" in summary
    assert "labsecret" not in summary
    assert default_mc_config(tmp_path, {}) == path
    assert default_mc_config(tmp_path, {"MC_CONFIG_DIR": "/x"}) == Path("/x/config.json")


def test_mc_old_hosts_format_and_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text(json.dumps({"version": "9", "hosts": {
        "old": {"url": "https://play.min.io", "accessKey": "k", "secretKey": "s"}}}))
    assert list(by_name(from_mc(path))) == ["old"]
    path.write_text("{oops")
    assert "could not be read" in from_mc(path).summary()
    assert "does not exist" in from_mc(tmp_path / "missing.json").summary()


def test_rclone_s3_remotes(tmp_path: Path) -> None:
    path = tmp_path / "rclone" / "rclone.conf"
    path.parent.mkdir()
    path.write_text(
        "[minio]\ntype = s3\nprovider = Minio\naccess_key_id = mk\nsecret_access_key = ms\n"
        "endpoint = http://127.0.0.1:9000\n\n"
        "[aws]\ntype = s3\nprovider = AWS\naccess_key_id = ak\nsecret_access_key = as\n"
        "region = eu-west-1\nforce_path_style = false\nsession_token = atok\n\n"
        "[envauth]\ntype = s3\nprovider = AWS\nenv_auth = true\n\n"
        "[gdrive]\ntype = drive\nscope = drive\n\n"
        "[ceph]\ntype = s3\nprovider = Ceph\naccess_key_id = ck\nsecret_access_key = cs\n"
        "endpoint = ceph.lan:7480\n"
    )
    result = from_rclone(path)
    assert by_name(result) == {
        "minio": ("http://127.0.0.1:9000", "mk", "ms", None, "", "path", False),
        "aws": ("https://s3.eu-west-1.amazonaws.com:443", "ak", "as", "atok", "eu-west-1",
                "auto", True),
        "ceph": ("https://ceph.lan:7480", "ck", "cs", None, "", "path", False),
    }
    assert "“envauth” skipped: it uses env_auth" in result.summary()
    assert default_rclone_config(tmp_path, {"XDG_CONFIG_HOME": str(tmp_path)}) == path


def test_encrypted_rclone_config_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "rclone.conf"
    path.write_text("# Encrypted rclone configuration File\n\nRCLONE_ENCRYPT_V0:\nabc\n")
    result = from_rclone(path)
    assert result.candidates == []
    assert "encrypted" in result.summary()


def test_aws_profiles_with_config(tmp_path: Path) -> None:
    creds, config = tmp_path / ".aws" / "credentials", tmp_path / ".aws" / "config"
    creds.parent.mkdir()
    creds.write_text(
        "[default]\naws_access_key_id = dk\naws_secret_access_key = ds\n\n"
        "[minio]\naws_access_key_id = mk\naws_secret_access_key = ms\n"
        "aws_session_token = mtok\n\n"
        "[sso-only]\nsso_start_url = https://example.awsapps.com/start\n"
    )
    config.write_text(
        "[default]\nregion = eu-central-1\n\n"
        "[profile minio]\nregion = us-east-1\ns3 =\n    endpoint_url = http://localhost:9000\n"
        "    addressing_style = path\n"
    )
    result = from_aws(creds, config)
    assert by_name(result) == {
        "aws default": ("https://s3.eu-central-1.amazonaws.com:443", "dk", "ds", None,
                        "eu-central-1", "auto", False),
        "aws minio": ("http://localhost:9000", "mk", "ms", "mtok", "us-east-1", "path", True),
    }
    assert "“sso-only” skipped" in result.summary()
    assert default_aws_files(tmp_path, {}) == (creds, config)


def test_aws_without_config_file(tmp_path: Path) -> None:
    creds = tmp_path / "credentials"
    creds.write_text("[default]\naws_access_key_id = k\naws_secret_access_key = s\n")
    result = from_aws(creds, tmp_path / "no-config")
    assert by_name(result)["aws default"][0] == "https://s3.amazonaws.com:443"


def test_env_variables() -> None:
    result = from_env({"MINIO_ENDPOINT": "minio.lan:9000", "MINIO_ACCESS_KEY": "ek",
                       "MINIO_SECRET_KEY": "es", "MINIO_REGION": "r1"})
    assert by_name(result) == {
        "minio.lan": ("http://minio.lan:9000", "ek", "es", None, "r1", "auto", False),
    }
    assert "not set" in from_env({}).summary()
    broken = from_env({"MINIO_ENDPOINT": "h:1"})
    assert broken.candidates == []
    assert "MINIO_SECRET_KEY" in broken.summary()


def test_import_all_finds_each_source(tmp_path: Path) -> None:
    write_mc(tmp_path / ".mc" / "config.json")
    results = import_all(tmp_path, {})
    assert [len(r.candidates) for r in results] == [2, 0, 0, 0]
    assert all(r.summary() for r in results)
