"""Which links an import may fetch: schemes, logins in links, every resolved address checked
(IPv4, IPv6, IPv4 inside IPv6), redirects (scheme, downgrade) and one resolution per hop."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

import pytest

from desktop_app.core.url_safety import (
    LookupFailed,
    UnsafeUrl,
    check,
    redirect,
    why_blocked,
    without_query,
)
from desktop_app.transfers.url_fetch import clean_name, disposition_name


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"),
    ("172.16.0.1", "private"), ("192.168.1.1", "private"), ("169.254.169.254", "link-local"),
    ("fe80::1", "link-local"), ("fd00::1", "unique-local"), ("224.0.0.1", "multicast"),
    ("ff02::1", "multicast"), ("::", "unspecified"),
    ("0.0.0.0", "unspecified"),  # noqa: S104
    ("240.0.0.1", "reserved"), ("100.64.0.1", "private"), ("::ffff:127.0.0.1", "loopback"),
    ("::ffff:10.0.0.1", "private"), ("::127.0.0.1", "loopback"), ("2002:7f00:1::", "private"),
    ("192.0.2.1", "private"), ("93.184.215.14", ""), ("2606:4700::1111", ""),
    ("::ffff:93.184.215.14", ""),
])
def test_addresses_are_judged_by_kind(address: str, kind: str) -> None:
    assert why_blocked(ipaddress.ip_address(address)) == kind


def test_only_web_links_without_logins() -> None:
    for url, text in [("file:///etc/passwd", "Only http and https"),
                      ("ftp://example.com/a", "Only http and https"),
                      ("javascript:alert(1)", "Only http and https"),
                      ("https://user:secret@example.com/a", "user name or password"),
                      ("http:///nohost", "names no server"),
                      ("http://example.com:99999/", "not a valid link")]:
        with pytest.raises(UnsafeUrl, match=text):
            check(url, resolver=lambda host, port: ["93.184.215.14"])


def test_every_resolved_address_is_checked_once_per_hop() -> None:
    asked: list[tuple[str, int]] = []

    def resolver(host: str, port: int) -> list[str]:
        asked.append((host, port))
        return ["93.184.215.14", "10.0.0.7"]  # one public, one private: refused

    with pytest.raises(UnsafeUrl, match=r"private address \(10\.0\.0\.7\)"):
        check("https://mixed.example/x", resolver=resolver)
    target = check("https://mixed.example/x?a=1", allow_local=True, resolver=resolver)
    assert target.addresses == ("93.184.215.14", "10.0.0.7")
    assert (target.host_header, target.path, target.port) == ("mixed.example", "/x?a=1", 443)
    assert asked == [("mixed.example", 443)] * 2


def test_literal_addresses_need_no_resolver() -> None:
    def never(host: str, port: int) -> list[str]:
        raise AssertionError("resolved")

    with pytest.raises(UnsafeUrl, match="loopback"):
        check("http://[::ffff:127.0.0.1]:8080/", resolver=never)
    assert check("http://[::1]:8080/", allow_local=True, resolver=never).host_header \
        == "[::1]:8080"


def test_redirects_keep_to_web_links_and_never_drop_to_http() -> None:
    def public(host: str, port: int) -> list[str]:
        return ["93.184.215.14"]

    assert redirect("https://a.example/x", "/y?z", resolver=public).url \
        == "https://a.example/y?z"
    assert redirect("http://a.example/x", "https://b.example/", resolver=public).host \
        == "b.example"
    with pytest.raises(UnsafeUrl, match="from https to plain http"):
        redirect("https://a.example/x", "http://a.example/x", resolver=public)
    with pytest.raises(UnsafeUrl, match="“file:” link"):
        redirect("http://a.example/x", "file:///etc/passwd", resolver=public)
    with pytest.raises(UnsafeUrl, match="loopback"):
        redirect("http://a.example/x", "http://localhost/admin",
                 resolver=lambda host, port: ["127.0.0.1"])


def test_names_from_the_answer_are_cleaned() -> None:
    assert disposition_name("attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf; "
                            "filename=\"rates.pdf\"") == "€ rates.pdf"
    assert disposition_name('attachment; filename="..\\\\..\\\\boot.ini"') == "boot.ini"
    assert disposition_name("attachment; filename*=bogus''%FF") == ""
    assert disposition_name('inline; filename=".."') == ""
    assert clean_name("a\x00b\x1f.txt") == "ab.txt"
    assert clean_name(".hidden") == "hidden"
    long = clean_name("x" * 300 + ".tar.gz")
    assert len(long) == 200
    assert long.endswith(".gz")
    assert without_query("https://h/p?X-Amz-Signature=s#f") == "https://h/p"


def test_a_silent_name_server_is_worth_a_retry_an_unknown_name_is_not(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(code: int) -> Callable[..., object]:
        def getaddrinfo(*_args: object, **_kw: object) -> object:
            raise socket.gaierror(code, "lookup failed")
        return getaddrinfo

    monkeypatch.setattr(socket, "getaddrinfo", failing(socket.EAI_AGAIN))
    with pytest.raises(LookupFailed):
        check("https://files.example/a")
    monkeypatch.setattr(socket, "getaddrinfo", failing(socket.EAI_NONAME))
    with pytest.raises(UnsafeUrl, match="could not be found"):
        check("https://files.example/a")
