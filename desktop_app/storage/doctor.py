"""The connection doctor: why a connection fails, step by step, in plain words.

Each layer is checked on its own - name lookup, TCP, TLS, HTTP, the S3 signature, clock,
region, addressing - so the user hears the first thing that is actually wrong and what to do,
not a generic "cannot connect". Everything shares one deadline (default 5 s) so a dead host
gets an answer in time. Low layers use plain sockets (`doctor_net`); signed requests go through
`MinioStorage.doctor_probe` (storage/s3/doctor.py), so this module never imports the SDK.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time

from desktop_app.core.connection import ConnectionSettings, is_ip_address
from desktop_app.core.errors import AppError
from desktop_app.core.redact import redact
from desktop_app.storage import doctor_net, doctor_s3
from desktop_app.storage.doctor_report import CHECK_NAMES, Check, DoctorReport, Status
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.transfer_http import ca_file

__all__ = ["CHECK_NAMES", "Check", "DoctorReport", "Status", "run_checks"]


def run_checks(settings: ConnectionSettings, timeout: float = 5.0) -> DoctorReport:
    """Run every check that makes sense within `timeout` seconds in total."""
    return _Doctor(settings, timeout).run()


class _Doctor:
    def __init__(self, settings: ConnectionSettings, timeout: float) -> None:
        self.s = settings
        self.started = time.monotonic()
        # A little under `timeout`, so the report itself (not only the last probe) is in time.
        self.deadline = self.started + timeout * 0.95
        self.checks: dict[str, Check] = {}
        self.context: ssl.SSLContext | None = None
        self.address: tuple[str, int] = (settings.host, settings.port)

    # -- plumbing ------------------------------------------------------------------------
    @property
    def settings(self) -> ConnectionSettings:
        return self.s

    def has(self, key: str) -> bool:
        return key in self.checks

    def get(self, key: str) -> Check | None:
        return self.checks.get(key)

    def left(self, floor: float = 0.05) -> float:
        return max(floor, self.deadline - time.monotonic())

    def add(self, key: str, status: Status, message: str, fix: str = "") -> None:
        clean = redact(message, self.s.secrets()), redact(fix, self.s.secrets())
        self.checks[key] = Check(key, CHECK_NAMES[key], status, *clean)

    def run(self) -> DoctorReport:
        reason = self._network_steps()
        if reason is None:
            reason = self._s3_steps()
        for key in CHECK_NAMES:
            if key not in self.checks:
                self.add(key, Status.SKIPPED, f"Not checked: {reason or 'not needed'}.")
        ordered = tuple(self.checks[k] for k in CHECK_NAMES)
        return DoctorReport(self.s.url, ordered, time.monotonic() - self.started)

    # -- network layers ------------------------------------------------------------------
    def _network_steps(self) -> str | None:
        """Returns why later checks cannot run, or None when HTTP works."""
        addresses = self._dns()
        if not addresses:
            return "the server name must be found first"
        if not self._tcp(addresses):
            return "the server must accept connections first"
        if self.s.secure:
            if not self._tls():
                return "the secure connection must work first"
        else:
            self.add("tls", Status.SKIPPED, "This connection uses plain http://, without "
                     "encryption." + ("" if _is_local(self.s.host) else
                                      " Keys are protected by the signature, data is not."))
        if not self._http():
            return "the server must answer HTTP first"
        return None

    def _dns(self) -> list[tuple[int, tuple[str, int]]]:
        host, port = self.s.host, self.s.port
        if is_ip_address(host):
            family = socket.AF_INET6 if ":" in host else socket.AF_INET
            self.add("dns", Status.OK, f"“{host}” is an IP address; no name lookup is needed.")
            return [(family, (host, port))]
        found, error = doctor_net.resolve(host, port, self.left())
        if error is not None:
            self.add(
                "dns", Status.FAIL, f"The server name “{host}” could not be found ({error}).",
                "Check the spelling of the endpoint. If the server is on a company network, "
                "connect to its VPN first.",
            )
            return []
        shown = ", ".join(dict.fromkeys(addr[0] for _f, addr in found))
        self.add("dns", Status.OK, f"“{host}” resolves to {shown}.")
        return found

    def _tcp(self, addresses: list[tuple[int, tuple[str, int]]]) -> bool:
        refused, timed_out, other = [], [], []
        for family, addr in addresses:
            began = time.monotonic()
            try:
                with socket.socket(family, socket.SOCK_STREAM) as sock:
                    sock.settimeout(self.left())
                    sock.connect(addr)
            except ConnectionRefusedError:
                refused.append(addr[0])
                continue
            except TimeoutError:
                timed_out.append(addr[0])
                break  # the budget is spent
            except OSError as exc:
                other.append(f"{addr[0]}: {exc.strerror or exc}")
                continue
            self.address = (addr[0], addr[1])
            ms = (time.monotonic() - began) * 1000
            self.add("tcp", Status.OK,
                     f"Port {self.s.port} on {addr[0]} accepts connections ({ms:.0f} ms).")
            return True
        where = f"port {self.s.port} on {self.s.host}"
        if timed_out:
            self.add(
                "tcp", Status.FAIL,
                f"Nothing answered on {where} within {time.monotonic() - self.started:.1f} s.",
                "The host may be down or a firewall may silently drop the connection. Check "
                "the address and port, your VPN, and the firewall.",
            )
        elif refused and not other:
            self.add(
                "tcp", Status.FAIL, f"Nothing is listening on {where}: the connection was "
                "refused.",
                "Check that the S3 server is running and that the port is right (MinIO's API "
                "usually listens on 9000, SeaweedFS's on 8333).",
            )
        else:
            self.add("tcp", Status.FAIL, f"Could not connect to {where}: {'; '.join(other)}.",
                     "Check your network connection and the address.")
        return False

    def _tls(self) -> bool:
        host, s = self.s.host, self.s
        try:
            verifying = doctor_net.verifying_context(s)
        except (OSError, ssl.SSLError) as exc:
            if s.verify_tls:
                what = "does not exist" if isinstance(exc, FileNotFoundError) else (
                    "cannot be read as PEM certificates")
                self.add("tls", Status.FAIL,
                         f"The CA bundle file “{ca_file(s)}” {what}.",
                         "Choose an existing PEM file with the CA certificate(s) to trust.")
                return False
            # Certificates are not checked for this connection anyway; the default trust
            # store still tells the user what is wrong with the certificate.
            verifying = ssl.create_default_context()
        try:
            version, der = doctor_net.handshake(self.address, host, verifying, self.left())
        except ssl.SSLCertVerificationError as exc:
            cert = self._peer_cert()
            message, fix = doctor_net.explain_verify_error(exc, cert, host)
            if s.verify_tls:
                self.add("tls", Status.FAIL, message, fix)
                return False
            self.add("tls", Status.WARN, message + " Accepted anyway because “allow invalid "
                     "certificates” is on for this connection.",
                     "Keep that only for servers you control; better, add the server's CA "
                     "certificate as this connection's custom CA bundle.")
            self.context = doctor_net.unverified_context()
            return True
        except TimeoutError:
            self.add("tls", Status.FAIL,
                     f"The server accepted the connection on port {s.port} but did not answer "
                     f"the secure (TLS) handshake within {self._since():.1f} s.",
                     "Check that this port belongs to the S3 server; something else may be "
                     "listening there, or the server is hung.")
            return False
        except (ssl.SSLError, OSError) as exc:
            if doctor_net.speaks_plain_http(self.address, self.left()):
                self.add("tls", Status.FAIL,
                         f"Port {s.port} speaks plain HTTP, not HTTPS.",
                         f"Use http://{s.endpoint} as the endpoint, or turn on TLS on the "
                         "server.")
            else:
                reason = getattr(exc, "reason", None) or exc.strerror or type(exc).__name__
                self.add("tls", Status.FAIL,
                         f"The secure (TLS) handshake with {s.endpoint} failed ({reason}).",
                         "Check that the port is the server's HTTPS port and that its TLS "
                         "setup works.")
            return False
        self.context = verifying
        info = doctor_net.parse_cert(der).describe() if der else ""
        note = " (“allow invalid certificates” is on but not needed.)" if not s.verify_tls else ""
        self.add("tls", Status.OK, f"{version} with a valid certificate. {info}{note}".strip())
        return True

    def _peer_cert(self) -> doctor_net.CertInfo | None:
        try:
            _v, der = doctor_net.handshake(
                self.address, self.s.host, doctor_net.unverified_context(), self.left()
            )
            return doctor_net.parse_cert(der) if der else None
        except (OSError, ssl.SSLError, ValueError):
            return None

    def _since(self) -> float:
        return time.monotonic() - self.started

    def _http(self) -> bool:
        """Anonymous GET / : reads Server and Date, and spots HTTP/HTTPS mix-ups."""
        s = self.s
        conn: http.client.HTTPConnection
        # By name, not by the address found above: TLS must check the name the user gave.
        if s.secure:
            conn = http.client.HTTPSConnection(s.host, s.port, timeout=self.left(),
                                               context=self.context)
        else:
            conn = http.client.HTTPConnection(s.host, s.port, timeout=self.left())
        sent_at = time.time()
        try:
            conn.request("GET", "/", headers={"Host": s.endpoint})
            response = conn.getresponse()
            body = response.read(4096).decode("utf-8", "replace")
        except TimeoutError:
            self.add("http", Status.FAIL,
                     f"The server accepted the connection on port {s.port} but sent no answer "
                     f"within {self._since():.1f} s.",
                     "Check that this port belongs to the S3 server; the server may be "
                     "overloaded or hung.")
            return False
        except (http.client.HTTPException, OSError) as exc:
            if not s.secure and doctor_net.speaks_tls(self.address, s.host, self.left()):
                self._https_port_hint()
            else:
                self.add("http", Status.FAIL,
                         f"The server on port {s.port} did not answer like a web server "
                         f"({type(exc).__name__}).",
                         "Check that the endpoint is the S3 API port of the server.")
            return False
        finally:
            conn.close()
        received_at = time.time()
        if not s.secure and response.status == 400 and doctor_net.speaks_tls(
                self.address, s.host, self.left()):
            self._https_port_hint()
            return False
        headers = {k.lower(): v for k, v in response.getheaders()}
        self._interpret_http(response.status, headers, body)
        doctor_s3.server_check(self, headers)
        doctor_s3.clock_check(self, headers, (sent_at + received_at) / 2)
        return True

    def _https_port_hint(self) -> None:
        self.add("http", Status.FAIL, f"Port {self.s.port} speaks HTTPS, not plain HTTP.",
                 f"Use https://{self.s.endpoint} as the endpoint.")

    def _interpret_http(self, status: int, headers: dict[str, str], body: str) -> None:
        kind = "HTTPS" if self.s.secure else "HTTP"
        looks_s3 = "xml" in headers.get("content-type", "") or "x-amz-request-id" in headers
        if looks_s3:
            self.add("http", Status.OK, f"The server answers {kind} like an S3 API (status "
                     f"{status} without credentials).")
        elif 300 <= status < 400:
            self.add("http", Status.WARN,
                     f"The server redirects to {headers.get('location', 'another address')}.",
                     "Use the address it redirects to as the endpoint, if that is the S3 API.")
        else:
            ctype = headers.get("content-type", "no content type")
            self.add("http", Status.WARN,
                     f"The server answers {kind}, but not like an S3 API (status {status}, "
                     f"{ctype}).",
                     "If this is a web console, the S3 API is on another port (MinIO: 9000 "
                     "for the API, 9001 for the console).")

    # -- S3 layers -----------------------------------------------------------------------
    def _s3_steps(self) -> str | None:
        storage = MinioStorage(self.s, pool_size=2)
        try:
            answer = storage.doctor_probe(timeout=self.left(floor=1.0))
        except AppError as exc:
            self.add("credentials", Status.FAIL, exc.message, exc.hint)
            return "the signed request must work first"
        finally:
            storage.close()
        signed_in = doctor_s3.interpret_sign_in(self, answer)
        if not signed_in:
            return "signing in must work first"
        doctor_s3.addressing_check(self, answer.bucket_names)
        return None


def _is_local(host: str) -> bool:
    return host in ("localhost", "127.0.0.1", "::1") or host.endswith(".localhost")

