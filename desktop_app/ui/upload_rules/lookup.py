"""The duplicate check's view of the server: one folder listing and HEADs, over the storage."""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.core.duplicates import HashSource, StoredHashes
from desktop_app.core.errors import NotFound

LISTED_AT_MOST = 200_000  # objects of one folder looked at; beyond, no more candidates


class StorageLookup:
    """Adapts a storage with `list_page` and `stored_hashes` to `RemoteLookup`."""

    def __init__(self, storage: object) -> None:
        self.storage = storage

    @staticmethod
    def usable(storage: object) -> bool:
        return isinstance(storage, HashSource) and callable(getattr(storage, "list_page", None))

    def objects_in(self, bucket: str, folder: str) -> Iterator[tuple[str, int]]:
        list_page = self.storage.list_page  # type: ignore[attr-defined]  # see usable()
        start: str | None = None
        seen = 0
        while seen < LISTED_AT_MOST:
            page = list_page(bucket, folder, start_after=start)
            for entry in page.objects:
                yield entry.key, entry.size
            seen += len(page.objects)
            start = page.next_start_after
            if start is None:
                return

    def hashes(self, bucket: str, key: str) -> StoredHashes | None:
        assert isinstance(self.storage, HashSource)
        try:
            return self.storage.stored_hashes(bucket, key)
        except NotFound:
            return None
