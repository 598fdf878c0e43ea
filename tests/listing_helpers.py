"""Filling buckets quickly for listing tests: many threads, tiny objects."""

from __future__ import annotations

import io
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from desktop_app.storage.protocol import Storage


def fill(storage: Storage, bucket: str, keys: Iterable[str], threads: int = 24) -> None:
    def put(key: str) -> None:
        storage.put_stream(bucket, key, io.BytesIO(b"x"), 1, "text/plain")

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(put, keys))
