"""Small helpers for tests that drive the real window."""

from __future__ import annotations

import io

from desktop_app.storage.protocol import Storage


def put_bytes(storage: Storage, bucket: str, key: str, data: bytes, ctype: str = "") -> None:
    content_type = ctype or "application/octet-stream"
    storage.put_stream(bucket, key, io.BytesIO(data), len(data), content_type)
