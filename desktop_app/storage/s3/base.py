"""What every concern of the adapter shares: the settings, the one urllib3 pool and the one
SDK client of a connection. Thread-safe: both may be shared by worker threads."""

from __future__ import annotations

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.logging_setup import remember_secrets
from desktop_app.core.redact import redact
from desktop_app.storage.s3.client import make_client, make_http_client
from desktop_app.storage.transfer_http import port_answers


class S3Base:
    """The state the concern classes (buckets, listing, objects...) work on."""

    def __init__(self, settings: ConnectionSettings, pool_size: int = 32) -> None:
        self._settings = settings
        remember_secrets((settings.access_key, *settings.secrets()))  # never in the log file
        self._http = make_http_client(settings, pool_size)
        self._client = make_client(settings, self._http)

    @property
    def endpoint_url(self) -> str:
        return self._settings.url

    @property
    def settings(self) -> ConnectionSettings:
        return self._settings

    def reachable(self) -> bool:
        """The server's port answers (transfers waiting out an outage go on at once)."""
        return port_answers(self._settings)

    def close(self) -> None:
        self._http.clear()

    def _clean(self, text: str) -> str:
        """`text` with this connection's secrets removed (SDK messages may echo them)."""
        return redact(text, self._settings.secrets())
