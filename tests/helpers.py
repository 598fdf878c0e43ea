"""Small helpers for tests that drive the real window."""

from __future__ import annotations

import io

from desktop_app.storage.protocol import Storage


def put_bytes(storage: Storage, bucket: str, key: str, data: bytes, ctype: str = "") -> None:
    content_type = ctype or "application/octet-stream"
    storage.put_stream(bucket, key, io.BytesIO(data), len(data), content_type)


def bucket_names(window: object, conn_id: str | None = None) -> list[str]:
    """Bucket names under a connection root of the window's tree (the active one by default);
    the tree's top level holds one root per open connection."""
    model = window.tree_model  # type: ignore[attr-defined]
    names: list[str] = model.bucket_names(conn_id)
    return names


def root_names(window: object) -> list[str]:
    """The connection roots of the tree, as shown."""
    model = window.tree_model  # type: ignore[attr-defined]
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]
