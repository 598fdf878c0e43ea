"""The HTTP pool and the SDK client of one connection, built here only.

We hand the SDK our own urllib3 pool: a short connect timeout (a dead host answers within
seconds, not the SDK's five minutes), and redirects are never followed, so credentials and
SSE-C keys cannot be replayed to another host (a redirect fails as `RedirectRefused`).
"""

from __future__ import annotations

import ssl
import warnings
from typing import Any
from urllib.parse import urljoin, urlsplit

import urllib3
from minio import Minio
from urllib3.exceptions import InsecureRequestWarning

from desktop_app.core.connection import ConnectionSettings, effective_addressing
from desktop_app.core.errors import ServerError
from desktop_app.storage.s3 import signing_key
from desktop_app.storage.s3.checksummed import ChecksumMinio
from desktop_app.storage.transfer_http import ca_file

CONNECT_TIMEOUT_S = 4.0
READ_TIMEOUT_S = 60.0


class RedirectRefused(ServerError):
    """A 3xx with a Location: never followed, so signed requests, SSE-C keys and the bytes we
    save all stay with the configured server."""

    title = "Redirect refused"


def is_redirect(status: int, location: str | None) -> bool:
    """A redirect to follow (a 304 Not Modified or a 3xx without a Location is none)."""
    return 300 <= status < 400 and status != 304 and bool(location)


def redirect_refused(location: str, requested: str) -> RedirectRefused:
    """The error for a redirect to `location` (relative to `requested`); it names the host
    and port only: the Location's path and query may hold a signature or a token."""
    try:
        parts = urlsplit(urljoin(requested, location))
        host, port = parts.hostname or "", parts.port
    except ValueError:
        host, port = "", None
    host = host[:100]
    where = (f"[{host}]" if ":" in host else host) or "another address"
    if port is not None:
        where = f"{where}:{port}"
    return RedirectRefused(
        f"The server answered with a redirect to {where}; the app never follows redirects, "
        "so that credentials and data go only to the server you configured.",
        "Check the endpoint address.",
    )


class NoRedirectPool(urllib3.PoolManager):
    """A pool that turns every redirect answer into `RedirectRefused` (its retries already
    never follow one; this makes the failure say what happened)."""

    def urlopen(  # type: ignore[override]  # the same signature as PoolManager's own
            self, method: str, url: str, redirect: bool = True, **kw: Any
    ) -> urllib3.BaseHTTPResponse:
        response = super().urlopen(method, url, redirect=False, **kw)
        location = response.headers.get("Location")
        if location and is_redirect(response.status, location):
            response.close()
            response.release_conn()
            raise redirect_refused(location, url)
        return response


def make_http_client(settings: ConnectionSettings, pool_size: int = 32,
                     refuse_redirects: bool = True) -> urllib3.PoolManager:
    """The pool every request goes through; see the module docstring for why it is ours.
    `refuse_redirects=False` (the doctor) hands a redirect answer back to be looked at."""
    pool = NoRedirectPool if refuse_redirects else urllib3.PoolManager
    retries = urllib3.Retry(
        total=2, connect=1, read=0, status=0, redirect=False, backoff_factor=0.2,
        raise_on_status=False,
    )
    timeout = urllib3.Timeout(connect=CONNECT_TIMEOUT_S, read=READ_TIMEOUT_S)
    if settings.secure and not settings.verify_tls:
        # The user chose this per profile and the window shows a badge for it; urllib3's
        # warning on every request would only flood the log.
        warnings.filterwarnings("ignore", category=InsecureRequestWarning)
        return pool(
            timeout=timeout, retries=retries, maxsize=pool_size, cert_reqs=ssl.CERT_NONE,
            assert_hostname=False,
        )
    return pool(
        timeout=timeout, retries=retries, maxsize=pool_size, cert_reqs=ssl.CERT_REQUIRED,
        ca_certs=ca_file(settings),
    )


def make_client(settings: ConnectionSettings, http: urllib3.PoolManager,
                virtual: bool | None = None) -> Minio:
    """The SDK client over `http`, addressed as the settings ask (or path/virtual-host style
    when `virtual` is given, which the doctor uses to try both)."""
    signing_key.install()  # every signature with the day's key, derived once (see there)
    client = ChecksumMinio(
        endpoint=settings.endpoint,
        access_key=settings.access_key,
        secret_key=settings.secret_key,
        session_token=settings.session_token,
        secure=settings.secure,
        region=settings.region,
        http_client=http,
    )
    if virtual is not None:
        set_virtual_style(client, virtual)
    elif settings.addressing_style != "auto":
        # "auto" keeps the SDK's own choice, already path style everywhere except AWS.
        set_virtual_style(client, effective_addressing(settings) == "virtual")
    return client


def set_virtual_style(client: Minio, virtual: bool) -> None:
    if virtual:
        client.enable_virtual_style_endpoint()  # type: ignore[no-untyped-call]
    else:
        client.disable_virtual_style_endpoint()  # type: ignore[no-untyped-call]
