"""The connections open in one window, keyed by a stable id, without Qt.

Several servers can be browsed side by side: each open connection is one root of the bucket
tree. The window keeps them here so copies between connections, the status bar and the tree
all look up the same `Storage` by the same id. Ids are `profile:<id>` for saved profiles,
`env` for the `MINIO_*` environment connection and `sandbox` for the local sandbox.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.protocol import Storage

SANDBOX_ID = "sandbox"
ENV_ID = "env"


def profile_connection_id(profile_id: str) -> str:
    return f"profile:{profile_id}"


@dataclass(slots=True)
class OpenConnection:
    conn_id: str
    name: str
    storage: Storage
    settings: ConnectionSettings | None = None
    initial_bucket: str | None = None

    @property
    def insecure(self) -> bool:
        """TLS in use but certificates not checked: worth a warning wherever it shows."""
        s = self.settings
        return s is not None and s.secure and not s.verify_tls

    @property
    def profile_id(self) -> str | None:
        head, _, rest = self.conn_id.partition(":")
        return rest if head == "profile" and rest else None


class OpenConnections:
    """Ordered id -> `OpenConnection`; closing a storage is the caller's choice."""

    def __init__(self) -> None:
        self._items: dict[str, OpenConnection] = {}

    def add(self, connection: OpenConnection) -> OpenConnection | None:
        """Add or replace; returns the replaced entry (its storage is still open)."""
        previous = self._items.get(connection.conn_id)
        self._items[connection.conn_id] = connection
        return previous

    def remove(self, conn_id: str) -> OpenConnection | None:
        return self._items.pop(conn_id, None)

    def get(self, conn_id: str | None) -> OpenConnection | None:
        return self._items.get(conn_id) if conn_id is not None else None

    def ids(self) -> list[str]:
        return list(self._items)

    def all(self) -> list[OpenConnection]:
        return list(self._items.values())

    def __contains__(self, conn_id: object) -> bool:
        return conn_id in self._items

    def __len__(self) -> int:
        return len(self._items)

    def find_storage(self, storage: Storage) -> str | None:
        return next((c.conn_id for c in self._items.values() if c.storage is storage), None)

    def profile_ids(self) -> list[str]:
        return [p for c in self._items.values() if (p := c.profile_id)]
