"""Back/forward history of visited folders, as in a file manager or browser."""

from __future__ import annotations

Location = tuple[str, str]  # (bucket, prefix)


class History:
    """Visiting a new place drops the forward branch; back/forward move along the line."""

    def __init__(self, limit: int = 200) -> None:
        self._places: list[Location] = []
        self._at = -1
        self._limit = limit

    @property
    def current(self) -> Location | None:
        return self._places[self._at] if self._at >= 0 else None

    def visit(self, place: Location) -> None:
        if place == self.current:
            return
        del self._places[self._at + 1:]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._at = len(self._places) - 1

    def can_back(self) -> bool:
        return self._at > 0

    def can_forward(self) -> bool:
        return self._at < len(self._places) - 1

    def back(self) -> Location | None:
        if not self.can_back():
            return None
        self._at -= 1
        return self._places[self._at]

    def forward(self) -> Location | None:
        if not self.can_forward():
            return None
        self._at += 1
        return self._places[self._at]

    def clear(self) -> None:
        self._places, self._at = [], -1


def parse_address(text: str) -> Location:
    """`bucket/some/prefix` (or with `s3://`) -> ("bucket", "some/prefix/")."""
    text = text.lstrip().rstrip("\r\n")  # keys may end in spaces; bucket names cannot
    if text.lower().startswith("s3://"):
        text = text[5:]
    text = text.lstrip("/")
    bucket, _, prefix = text.partition("/")
    if prefix and not prefix.endswith("/"):
        prefix += "/"
    return bucket, prefix


def parent_prefix(prefix: str) -> str:
    parent = prefix.rstrip("/").rpartition("/")[0]
    return f"{parent}/" if parent else ""
