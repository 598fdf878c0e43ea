"""Low-level network helpers for the connection doctor: name lookup with a timeout, raw
handshakes, reading the server's certificate,
and telling apart why verification failed (self-signed, expired, wrong host name, unknown CA).

Plain `socket` and `ssl`, so the doctor sees the exact OpenSSL verdict that urllib3 would hide
behind one generic `SSLError`; `cryptography` reads the certificate's names and dates.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509
from cryptography.x509.oid import NameOID

from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.transfer_http import ca_file as trusted_ca_file

# OpenSSL verify codes (include/openssl/x509_vfy.h) the doctor explains in its own words.
_NOT_YET_VALID = 9
_EXPIRED = 10
_SELF_SIGNED = 18
_SELF_SIGNED_IN_CHAIN = 19
_UNKNOWN_ISSUER = (2, 20, 21)
_HOSTNAME_MISMATCH = 62
_IP_MISMATCH = 64


@dataclass(frozen=True)
class CertInfo:
    """The facts about a server certificate a user needs to judge it."""

    names: tuple[str, ...]
    subject: str
    issuer: str
    not_before: datetime
    not_after: datetime
    self_signed: bool

    def describe(self) -> str:
        names = ", ".join(self.names) or self.subject or "no names"
        issuer = "itself (self-signed)" if self.self_signed else f"“{self.issuer}”"
        return (
            f"The certificate is for {names}, issued by {issuer}, valid until "
            f"{self.not_after:%Y-%m-%d}."
        )

    def covers(self, host: str) -> bool:
        """Whether `host` is one of the certificate's names (one-label wildcards allowed)."""
        try:
            wanted_ip = ipaddress.ip_address(host)
        except ValueError:
            wanted_ip = None
        lowered = host.lower().rstrip(".")
        for name in self.names:
            if wanted_ip is not None:
                try:
                    if ipaddress.ip_address(name) == wanted_ip:
                        return True
                except ValueError:
                    continue
            elif name.startswith("*."):
                head, _, rest = lowered.partition(".")
                if head and rest == name[2:].lower():
                    return True
            elif name.lower() == lowered:
                return True
        return False


def parse_cert(der: bytes) -> CertInfo:
    cert = x509.load_der_x509_certificate(der)
    names: list[str] = []
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names += san.get_values_for_type(x509.DNSName)
        names += [str(ip) for ip in san.get_values_for_type(x509.IPAddress)]
    except x509.ExtensionNotFound:
        pass
    subject = _common_name(cert.subject)
    if not names and subject:
        names.append(subject)
    return CertInfo(
        names=tuple(names),
        subject=subject,
        issuer=_common_name(cert.issuer) or cert.issuer.rfc4514_string(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        self_signed=cert.issuer == cert.subject,
    )


def _common_name(name: x509.Name) -> str:
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else ""


def verifying_context(settings: ConnectionSettings) -> ssl.SSLContext:
    """Raises `FileNotFoundError` or `ssl.SSLError` when the CA bundle cannot be used."""
    ca_file = trusted_ca_file(settings)  # the trust store the app itself uses
    if not Path(ca_file).is_file():
        raise FileNotFoundError(ca_file)
    return ssl.create_default_context(cafile=ca_file)


def unverified_context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def handshake(
    address: tuple[str, int], server_name: str, context: ssl.SSLContext, timeout: float
) -> tuple[str, bytes]:
    """One TLS handshake; returns the TLS version and the server certificate (DER)."""
    with (
        socket.create_connection(address, timeout=timeout) as raw,
        context.wrap_socket(raw, server_hostname=server_name) as tls,
    ):
        return tls.version() or "TLS", tls.getpeercert(binary_form=True) or b""


def speaks_plain_http(address: tuple[str, int], timeout: float) -> bool:
    """Whether the port answers a plain HTTP request with an HTTP status line."""
    try:
        with socket.create_connection(address, timeout=timeout) as sock:
            sock.sendall(b"HEAD / HTTP/1.0\r\nHost: doctor\r\n\r\n")
            return sock.recv(16).startswith(b"HTTP/")
    except OSError:
        return False


def speaks_tls(address: tuple[str, int], server_name: str, timeout: float) -> bool:
    """Whether the port completes a TLS handshake (certificate not checked)."""
    try:
        handshake(address, server_name, unverified_context(), timeout)
    except (OSError, ssl.SSLError):
        return False
    return True


def explain_verify_error(
    error: ssl.SSLCertVerificationError, cert: CertInfo | None, host: str
) -> tuple[str, str]:
    """(what happened, what to do) for a failed certificate check, in plain words."""
    code = error.verify_code
    trust_fix = (
        "If you trust this server, choose its certificate (or your organisation's CA "
        "certificate) as the custom CA bundle of this connection, or turn on “allow invalid "
        "certificates” for it."
    )
    described = f" {cert.describe()}" if cert else ""
    also_wrong_host = (
        f" It is also not valid for the name “{host}”." if cert and not cert.covers(host) else ""
    )
    if code in (_SELF_SIGNED, _SELF_SIGNED_IN_CHAIN):
        return (
            "The server's certificate is self-signed, so it cannot be checked against any "
            f"authority this computer trusts.{described}{also_wrong_host}",
            trust_fix,
        )
    if code == _EXPIRED:
        when = f" on {cert.not_after:%Y-%m-%d %H:%M} UTC" if cert else ""
        days = f" ({(datetime.now(UTC) - cert.not_after).days} days ago)" if cert else ""
        return (
            f"The server's certificate expired{when}{days}.{described}",
            "Ask the server's administrator to renew the certificate. If it should still be "
            "valid, check this computer's date.",
        )
    if code == _NOT_YET_VALID:
        when = f" from {cert.not_before:%Y-%m-%d %H:%M} UTC" if cert else " later"
        return (
            f"The server's certificate is only valid{when}.{described}",
            "Check this computer's date and time.",
        )
    if code in (_HOSTNAME_MISMATCH, _IP_MISMATCH):
        names = ", ".join(cert.names) if cert else "other names"
        return (
            f"The server's certificate is for {names}, not for “{host}”.{described}",
            f"Connect with one of the names the certificate lists ({names}), or ask the "
            f"administrator for a certificate that includes “{host}”.",
        )
    if code in _UNKNOWN_ISSUER:
        issuer = f"“{cert.issuer}”" if cert else "an authority"
        return (
            f"The server's certificate was issued by {issuer}, which this computer does not "
            f"trust.{described}{also_wrong_host}",
            trust_fix,
        )
    return (
        f"The server's certificate could not be verified ({error.verify_message}).{described}",
        trust_fix,
    )


def resolve(
    host: str, port: int, timeout: float
) -> tuple[list[tuple[int, tuple[str, int]]], str | None]:
    """getaddrinfo has no timeout of its own: run it on a daemon thread and stop waiting."""
    box: dict[str, object] = {}

    def lookup() -> None:
        try:
            box["found"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            box["error"] = exc

    worker = threading.Thread(target=lookup, name="doctor-dns", daemon=True)
    worker.start()
    worker.join(timeout)
    if "error" in box:
        exc = box["error"]
        text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return [], text.lower()
    found = box.get("found")
    if not isinstance(found, list):
        return [], f"no answer within {timeout:.1f} s"
    results = [(int(f), (str(a[0]), int(a[1]))) for f, _t, _p, _c, a in found]
    return results, None
