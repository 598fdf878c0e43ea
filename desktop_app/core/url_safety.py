"""Which URLs an import may fetch: http(s) only, and no internal addresses unless allowed.

A pasted link must not reach services on this machine or its network unseen (a router's admin
page, a cloud metadata endpoint, a database on loopback). So the host is resolved here and
*every* address it resolves to is checked: loopback, link-local, private, unique-local,
shared (CGNAT), multicast, unspecified and reserved ranges are refused, IPv4-mapped and
IPv4-compatible IPv6 forms judged by the IPv4 address inside, unless the user allowed local
addresses for that one import. The check is repeated for each redirect.

DNS rebinding (a name that resolves to a public address for the check and to 127.0.0.1 for
the connection) is closed by connecting to the very address checked: the caller opens the
TCP connection to `Target.addresses`, and sends the name only as the Host header and as
the TLS server name (SNI and certificate check), never resolving it a second time.

The resolver is injectable, so tests can make a public-looking name resolve anywhere.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import SplitResult, urljoin, urlsplit

from desktop_app.core.errors import AppError
from desktop_app.core.transfer_errors import TransientError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]  # (host, port) -> address texts
SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Ranges `is_global` lets through that still must not be fetched from a pasted link.
_EXTRA_BLOCKED = tuple(ipaddress.ip_network(n) for n in (
    "100.64.0.0/10",  # shared address space (carrier-grade NAT)
    "64:ff9b:1::/48",  # local-use NAT64
    "2002::/16",  # 6to4: wraps any IPv4 address, private ones included
    "2001::/32",  # Teredo: the same
))


class UnsafeUrl(AppError):
    """The URL is not one an import may fetch (scheme, credentials, or an internal address)."""

    title = "Link refused"


class LookupFailed(TransientError):
    """The name server did not answer (a lookup worth trying again)."""


@dataclass(frozen=True, slots=True)
class Target:
    """A checked URL: where to connect (`addresses`, in the resolver's order) and what to
    say as Host/SNI (`host`)."""

    url: str
    scheme: str
    host: str
    port: int
    path: str  # path and query, as sent in the request line
    addresses: tuple[str, ...]

    @property
    def host_header(self) -> str:
        shown = f"[{self.host}]" if ":" in self.host else self.host
        return shown if self.port == _DEFAULT_PORTS[self.scheme] else f"{shown}:{self.port}"


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolves `host` to (IPv4 and IPv6), in its order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        if exc.errno == socket.EAI_AGAIN:  # the name server did not answer: try again
            raise LookupFailed(f"The name “{host}” could not be looked up just now.",
                               "Check the network.") from None
        raise UnsafeUrl(f"The name “{host}” could not be found ({exc.strerror}).",
                        "Check the link.") from None
    except UnicodeError:
        raise UnsafeUrl(f"“{host}” is not a valid server name.") from None
    seen: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        text = str(sockaddr[0]).split("%", 1)[0]  # no IPv6 scope id
        if text not in seen:
            seen.append(text)
    return seen


def why_blocked(address: IPAddress) -> str:
    """"" when `address` is a public one; otherwise the kind of address it is."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or _ipv4_compatible(address)
        if inner is not None:
            return why_blocked(inner)
    unique_local = isinstance(address, ipaddress.IPv6Address) \
        and address in ipaddress.ip_network("fc00::/7")
    checks = (("loopback", address.is_loopback), ("link-local", address.is_link_local),
              ("multicast", address.is_multicast), ("unspecified", address.is_unspecified),
              ("unique-local", unique_local), ("reserved", address.is_reserved),
              ("private", address.is_private))
    for kind, hit in checks:
        if hit:
            return kind
    if any(address in net for net in _EXTRA_BLOCKED if net.version == address.version):
        return "private"
    if not address.is_global:
        return "reserved"
    return ""


def _ipv4_compatible(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """::a.b.c.d (deprecated, but some stacks still route it as IPv4)."""
    value = int(address)
    if value >> 32 == 0 and value > 1:
        return ipaddress.IPv4Address(value & 0xFFFFFFFF)
    return None


def parse(url: str) -> SplitResult:
    """The URL split, if it is an http(s) one with a host and no user name or password."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        _ = parts.port  # raises on a bad port
    except ValueError:
        raise UnsafeUrl(f"“{_short(text)}” is not a valid link.") from None
    if parts.scheme.lower() not in SCHEMES:
        raise UnsafeUrl(
            f"Only http and https links can be imported, not “{parts.scheme or 'none'}:”.",
            "Use a web link that starts with http:// or https://.")
    if not parts.hostname:
        raise UnsafeUrl(f"“{_short(text)}” names no server.")
    if parts.username is not None or parts.password is not None:
        raise UnsafeUrl("Links with a user name or password in them are not imported.",
                        "Use a link that needs no login (for example a shared or presigned "
                        "link).")
    return parts


def check(url: str, allow_local: bool = False,
          resolver: Resolver = system_resolver) -> Target:
    """Resolve `url`'s host and check every address; raises `UnsafeUrl` with the reason."""
    parts = parse(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    port = parts.port or _DEFAULT_PORTS[scheme]
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    texts = [host] if literal is not None else list(resolver(host, port))
    if not texts:
        raise UnsafeUrl(f"The name “{host}” resolves to no address.")
    addresses: list[str] = []
    for text in texts:
        try:
            address = ipaddress.ip_address(text)
        except ValueError:
            raise UnsafeUrl(f"The name “{host}” resolved to “{text}”, not an address.") \
                from None
        kind = why_blocked(address)
        if kind and not allow_local:
            raise UnsafeUrl(
                f"“{host}” is a {kind} address ({address}): links to this computer or its "
                "network are not imported unless you allow local addresses.",
                "If you trust this link, tick “Allow local addresses” for this import.")
        addresses.append(str(address))
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return Target(parts.geturl(), scheme, host, port, path, tuple(addresses))


def redirect(current: str, location: str, allow_local: bool = False,
             resolver: Resolver = system_resolver) -> Target:
    """The checked target of a redirect from `current` to `location` (relative or not).

    Besides `check`: never from https down to http (what the user trusted as private would go
    over the network in the clear)."""
    if not location.strip():
        raise UnsafeUrl("The server sent a redirect without a destination.")
    absolute = urljoin(current, location.strip())
    scheme = urlsplit(absolute).scheme.lower()
    if scheme not in SCHEMES:
        raise UnsafeUrl(f"The server redirected to a “{scheme or 'unknown'}:” link; only "
                        "http and https are followed.")
    if urlsplit(current).scheme.lower() == "https" and scheme == "http":
        raise UnsafeUrl("The server redirected from https to plain http; such a redirect is "
                        "not followed.", "Ask for an https link that stays on https.")
    return check(absolute, allow_local, resolver)


def without_query(url: str) -> str:
    """The URL without its query and fragment (signed links keep their secrets there), for
    messages and logs."""
    parts = urlsplit(url)
    return parts._replace(query="", fragment="").geturl()


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else f"{text[:limit - 1]}…"
