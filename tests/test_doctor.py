"""The connection doctor against real servers on loopback: the session's SeaweedFS (right and
wrong keys), an HTTPS SeaweedFS with a certificate made here, closed and silent ports, and small
fake servers for what a real server cannot be made to do (clock skew, a region it insists on,
an expired certificate)."""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.doctor import Check, DoctorReport, Status, run_checks
from desktop_app.storage.doctor_s3 import addressing_check, describe_offset, describe_server
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.sandbox import SandboxServer
from tests.fake_servers import fake_s3, full_backlog, silent_listener, tls_listener
from tests.tls_certs import CertFiles, self_signed

WRONG_SECRET = "WrongSecret-Canary-7f3a9c"


def statuses(report: DoctorReport) -> dict[str, str]:
    return {c.key: c.status.value for c in report.checks}


def assert_no_secrets(report: DoctorReport, *secrets: str) -> None:
    text = report.as_text()
    for secret in secrets:
        assert secret not in text


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fake_settings(port: int, region: str | None = "us-east-1") -> ConnectionSettings:
    return ConnectionSettings(
        name="fake", host="127.0.0.1", port=port, secure=False, access_key="FAKEKEY",
        secret_key="fake-secret-never-shown", region=region,
    )


# -- the session's real server -------------------------------------------------------------
@pytest.mark.real_server
def test_healthy_server_passes_every_check(s3_server: ConnectionSettings, bucket: str) -> None:
    report = run_checks(dataclasses.replace(s3_server, initial_bucket=bucket))
    print(report.as_text())
    assert report.ok, report.as_text()
    assert statuses(report) == {
        "dns": "ok", "tcp": "ok", "tls": "skipped", "http": "ok", "server": "ok",
        "clock": "ok", "credentials": "ok", "region": "ok", "addressing": "ok",
    }
    assert "SeaweedFS 4.48" in report.check("server").message
    assert f"“{bucket}” was found" in report.check("addressing").message
    assert_no_secrets(report, s3_server.secret_key)


@pytest.mark.real_server
def test_wrong_access_key_is_named(s3_server: ConnectionSettings) -> None:
    report = run_checks(dataclasses.replace(s3_server, access_key="nobody-here"))
    check = report.check("credentials")
    assert check.status == Status.FAIL
    assert "does not know the access key “nobody-here”" in check.message
    assert "secret" not in check.message
    assert report.check("http").status == Status.OK


@pytest.mark.real_server
def test_wrong_secret_key_is_told_apart(s3_server: ConnectionSettings) -> None:
    report = run_checks(dataclasses.replace(s3_server, secret_key=WRONG_SECRET))
    check = report.check("credentials")
    assert check.status == Status.FAIL
    assert f"knows the access key “{s3_server.access_key}”" in check.message
    assert "secret key does not match" in check.message
    assert_no_secrets(report, WRONG_SECRET, s3_server.secret_key)


@pytest.mark.real_server
def test_missing_bucket_is_reported(s3_server: ConnectionSettings) -> None:
    report = run_checks(dataclasses.replace(s3_server, initial_bucket="no-such-bucket-here"))
    check = report.check("addressing")
    assert check.status == Status.WARN
    assert "“no-such-bucket-here” does not exist" in check.message


@pytest.mark.real_server
def test_virtual_host_addressing_on_an_ip_is_explained(s3_server: ConnectionSettings) -> None:
    report = run_checks(dataclasses.replace(s3_server, addressing_style="virtual"))
    check = report.check("addressing")
    assert check.status == Status.FAIL
    assert "cannot work with “127.0.0.1”" in check.message
    assert "path-style" in check.fix
    # Path style, explicitly chosen, works against the same server.
    report = run_checks(dataclasses.replace(s3_server, addressing_style="path"))
    assert report.check("addressing").status == Status.OK


# -- ports that do not speak S3 --------------------------------------------------------------
def test_closed_port_is_refused(s3_server: ConnectionSettings) -> None:
    report = run_checks(dataclasses.replace(s3_server, port=free_port()))
    print(f"closed port: report after {report.elapsed:.3f} s")
    check = report.check("tcp")
    assert check.status == Status.FAIL
    assert "connection was refused" in check.message
    assert report.check("credentials").status == Status.SKIPPED


def test_listener_that_never_answers_times_out(s3_server: ConnectionSettings) -> None:
    with silent_listener() as port:
        report = run_checks(dataclasses.replace(s3_server, port=port))
    print(f"silent listener: report after {report.elapsed:.3f} s (budget 5 s)")
    assert report.check("tcp").status == Status.OK
    check = report.check("http")
    assert check.status == Status.FAIL
    assert "sent no answer within" in check.message


def test_dead_host_connect_times_out(s3_server: ConnectionSettings) -> None:
    with full_backlog() as port:
        report = run_checks(dataclasses.replace(s3_server, port=port))
    print(f"dead host (SYNs dropped): report after {report.elapsed:.3f} s (budget 5 s)")
    check = report.check("tcp")
    assert check.status == Status.FAIL
    assert "Nothing answered on port" in check.message
    assert "firewall" in check.fix


def test_unknown_host_name_fails_at_dns(s3_server: ConnectionSettings) -> None:
    report = run_checks(dataclasses.replace(s3_server, host="no-such-host.invalid"))
    check = report.check("dns")
    assert check.status == Status.FAIL
    assert "“no-such-host.invalid” could not be found" in check.message
    assert report.check("tcp").status == Status.SKIPPED


# -- an HTTPS SeaweedFS with a self-signed certificate made here --------------------------------
@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> CertFiles:
    # Only the name "localhost": connecting by IP doubles as the wrong-host-name case.
    return self_signed(tmp_path_factory.mktemp("tls"), "server", dns_names=("localhost",))


@pytest.fixture(scope="module")
def https_server(
    tmp_path_factory: pytest.TempPathFactory, tls_files: CertFiles
) -> Iterator[SandboxServer]:
    server = SandboxServer(tmp_path_factory.mktemp("https-s3"), tls_files.cert, tls_files.key)
    server.start()
    yield server
    server.stop()


@pytest.mark.sandbox
def test_self_signed_certificate_is_refused_by_default(https_server: SandboxServer) -> None:
    settings = https_server.https_settings
    report = run_checks(settings)
    check = report.check("tls")
    assert check.status == Status.FAIL
    assert "self-signed" in check.message
    assert "for localhost" in check.message
    assert "custom CA bundle" in check.fix
    assert report.check("credentials").status == Status.SKIPPED
    assert_no_secrets(report, settings.secret_key)


@pytest.mark.sandbox
def test_custom_ca_bundle_is_accepted(https_server: SandboxServer, tls_files: CertFiles) -> None:
    settings = dataclasses.replace(
        https_server.https_settings, host="localhost", ca_bundle=str(tls_files.cert)
    )
    report = run_checks(settings)
    print(report.as_text())
    assert report.ok, report.as_text()
    assert report.check("tls").status == Status.OK
    assert "TLS" in report.check("tls").message
    assert report.check("credentials").status == Status.OK
    # The app's own adapter agrees with the doctor.
    storage = MinioStorage(settings)
    try:
        assert isinstance(storage.list_buckets(), list)
    finally:
        storage.close()


@pytest.mark.sandbox
@pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")
def test_allow_invalid_certificates_is_accepted_with_a_warning(
    https_server: SandboxServer,
) -> None:
    settings = dataclasses.replace(https_server.https_settings, verify_tls=False)
    report = run_checks(settings)
    check = report.check("tls")
    assert check.status == Status.WARN
    assert "allow invalid certificates" in check.message
    assert report.check("credentials").status == Status.OK
    assert report.ok


@pytest.mark.sandbox
def test_wrong_host_name_says_which_names_the_certificate_has(
    https_server: SandboxServer, tls_files: CertFiles
) -> None:
    settings = dataclasses.replace(https_server.https_settings, ca_bundle=str(tls_files.cert))
    report = run_checks(settings)
    check = report.check("tls")
    assert check.status == Status.FAIL
    assert "certificate is for localhost, not for “127.0.0.1”" in check.message
    assert "localhost" in check.fix


@pytest.mark.sandbox
def test_https_expected_but_port_speaks_plain_http(https_server: SandboxServer) -> None:
    plain = https_server.settings
    report = run_checks(dataclasses.replace(plain, secure=True))
    check = report.check("tls")
    assert check.status == Status.FAIL
    assert f"Port {plain.port} speaks plain HTTP, not HTTPS" in check.message
    assert f"http://127.0.0.1:{plain.port}" in check.fix


@pytest.mark.sandbox
def test_plain_http_sent_to_the_https_port(https_server: SandboxServer) -> None:
    tls_port = https_server.https_settings.port
    report = run_checks(dataclasses.replace(https_server.settings, port=tls_port))
    check = report.check("http")
    assert check.status == Status.FAIL
    assert f"Port {tls_port} speaks HTTPS, not plain HTTP" in check.message
    assert f"https://127.0.0.1:{tls_port}" in check.fix


@pytest.mark.sandbox
def test_missing_ca_bundle_file_is_named(https_server: SandboxServer, tmp_path: Path) -> None:
    missing = tmp_path / "nope.pem"
    report = run_checks(dataclasses.replace(https_server.https_settings, ca_bundle=str(missing)))
    check = report.check("tls")
    assert check.status == Status.FAIL
    assert str(missing) in check.message
    assert "does not exist" in check.message


@pytest.mark.sandbox
@pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")
def test_allow_invalid_ignores_an_unusable_ca_bundle(
    https_server: SandboxServer, tmp_path: Path
) -> None:
    settings = dataclasses.replace(
        https_server.https_settings, verify_tls=False, ca_bundle=str(tmp_path / "gone.pem")
    )
    report = run_checks(settings)
    assert report.check("tls").status == Status.WARN
    assert "self-signed" in report.check("tls").message
    assert report.check("credentials").status == Status.OK


def test_expired_certificate_says_when(tmp_path: Path) -> None:
    files = self_signed(tmp_path, "expired", dns_names=("localhost",), expired=True)
    with tls_listener(files.cert, files.key) as port:
        settings = dataclasses.replace(fake_settings(port), host="localhost", secure=True,
                                       ca_bundle=str(files.cert))
        report = run_checks(settings)
    check = report.check("tls")
    assert check.status == Status.FAIL
    assert "certificate expired on" in check.message
    assert "days ago" in check.message
    assert "renew" in check.fix


# -- answers only a misconfigured world gives ----------------------------------------------
def test_clock_skew_shows_the_offset() -> None:
    skewed = (403, "RequestTimeTooSkewed",
              "The difference between the request time and the server's time is too large.", "")
    with fake_s3(skewed, skew_s=2 * 3600 + 5 * 60) as port:
        report = run_checks(fake_settings(port))
    print(report.as_text())
    check = report.check("clock")
    assert check.status == Status.FAIL
    assert "2 h 5 min behind the server's" in check.message
    assert "RequestTimeTooSkewed" in check.message
    assert report.check("credentials").status == Status.SKIPPED
    assert "FakeS3/1.0" in report.check("server").message


def test_small_clock_drift_is_a_warning() -> None:
    with fake_s3((403, "AccessDenied", "Access Denied.", ""), skew_s=-300) as port:
        report = run_checks(fake_settings(port))
    check = report.check("clock")
    assert check.status == Status.WARN
    # The Date header has whole seconds, so the shown offset may be a second off.
    assert "This computer's clock is 5 min" in check.message
    assert "ahead of the server's" in check.message


def test_lenient_server_turns_a_far_off_clock_into_a_warning() -> None:
    with fake_s3(None, skew_s=-40 * 60) as port:
        report = run_checks(fake_settings(port))
    assert report.check("credentials").status == Status.OK
    check = report.check("clock")
    assert check.status == Status.WARN
    assert "40 min" in check.message
    assert "ahead of the server's" in check.message
    assert "accepts it anyway" in check.message


def test_region_mismatch_suggests_the_right_region() -> None:
    wrong_region = (
        400, "AuthorizationHeaderMalformed",
        "The authorization header is malformed; the region 'us-east-1' is wrong; expecting "
        "'eu-central-1'", "<Region>eu-central-1</Region>",
    )
    with fake_s3(wrong_region) as port:
        report = run_checks(fake_settings(port, region=None))
    check = report.check("region")
    assert check.status == Status.FAIL
    assert "in region “eu-central-1”" in check.message
    assert "us-east-1 (the default)" in check.message
    assert check.fix == "Set the region to “eu-central-1”."
    assert_no_secrets(report, "fake-secret-never-shown")


# -- wording helpers -------------------------------------------------------------------------
def test_server_header_is_read_for_known_servers() -> None:
    assert describe_server("SeaweedFS 8000GB 4.48").startswith("SeaweedFS 4.48")
    assert describe_server("MinIO").startswith("MinIO")
    assert describe_server("AmazonS3").startswith("Amazon S3")
    assert describe_server("nginx/1.25") == "“nginx/1.25”"


def test_clock_offsets_read_naturally() -> None:
    assert describe_offset(7500).endswith("2 h 5 min behind the server's")
    assert describe_offset(-42).endswith("42 s ahead of the server's")


class _Recorder:
    """Just enough of a running doctor to call one check helper directly."""

    def __init__(self, settings: ConnectionSettings) -> None:
        self.settings = settings
        self.found: dict[str, tuple[Status, str, str]] = {}

    def left(self, floor: float = 0.05) -> float:
        return max(floor, 2.0)

    def add(self, key: str, status: Status, message: str, fix: str = "") -> None:
        self.found[key] = (status, message, fix)

    def has(self, key: str) -> bool:
        return key in self.found

    def get(self, key: str) -> Check | None:
        return None


def test_virtual_host_without_wildcard_dns_is_explained() -> None:
    settings = dataclasses.replace(
        fake_settings(free_port()), host="storage.example.invalid", addressing_style="virtual",
        initial_bucket="photos",
    )
    recorder = _Recorder(settings)
    addressing_check(recorder, ())
    status, message, fix = recorder.found["addressing"]
    assert status == Status.FAIL
    assert "“photos.storage.example.invalid” cannot be found in DNS" in message
    assert "wildcard DNS (*.storage.example.invalid)" in fix
