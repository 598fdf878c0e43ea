"""Which software a connection's server runs, from the Server header of an unsigned GET /.

For About and bug reports: an unsigned request needs no permission to be answered (S3 servers
answer 403 AccessDenied with their usual headers; SeaweedFS answers a HEAD / with a bare 405,
hence GET, whose body is not read), and goes through the connection's own pool, so its TLS
settings and refusal of redirects hold.
"""

from __future__ import annotations

import urllib3
from minio import __version__ as SDK_VERSION

from desktop_app.core.errors import ServerUnreachable
from desktop_app.storage.s3.base import S3Base

TIMEOUT_S = 5.0
__all__ = ["SDK_VERSION", "server_header"]  # SDK_VERSION: the minio SDK's, for About


def server_header(storage: S3Base) -> str:
    """The raw Server header ("" when the server sends none)."""
    try:
        response = storage._http.request(
            "GET", storage.endpoint_url.rstrip("/") + "/", redirect=False, retries=False,
            timeout=urllib3.Timeout(total=TIMEOUT_S), preload_content=False,
        )
        response.close()  # the headers are all we want; the connection is not reused
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise ServerUnreachable(
            f"The server did not answer ({type(exc).__name__}).",
            "Check the connection; Connection check (Diagnose…) tells more.") from exc
    return str(response.headers.get("Server", "")).strip()
