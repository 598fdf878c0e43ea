"""What proves that a download got the object's own bytes, and the words when it did not.

The size always: nothing is renamed into place with a byte count other than the object's.
Then one hash: the `sha256` the object carries when it has one (uploaded by this app), else
the ETag when it is the MD5 of a single-part object (see `transfer_http.etag_md5`). Never
both: MD5 runs only for objects without a stored SHA-256, so what the app uploaded itself pays
nothing more. A multipart object from another tool is checked by its size only.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.core.transfer_errors import IntegrityError

_HINT = "The partial file was removed; retry the download."


@dataclass(frozen=True, slots=True)
class Check:
    """The hash a download is checked against; `kind` is "" when there is none."""

    kind: str = ""  # "SHA-256" or "MD5"
    expected: str = ""  # lower-case hex

    def new(self) -> hashlib._Hash | None:
        """A fresh digest of this kind (None: nothing to hash)."""
        make = _MAKERS.get(self.kind)
        return make() if make is not None else None

    def matches(self, data: bytes) -> bool:
        digest = self.new()
        if digest is None:
            return True
        digest.update(data)
        return digest.hexdigest() == self.expected


_MAKERS: dict[str, Callable[[], hashlib._Hash]] = {
    "SHA-256": hashlib.sha256,
    "MD5": lambda: hashlib.md5(usedforsecurity=False),
}


def check_for(sha256: str, md5: str) -> Check:
    """The stored SHA-256 when there is one, else the MD5 ETag, else none (size only)."""
    if sha256:
        return Check("SHA-256", sha256.lower())
    if md5:
        return Check("MD5", md5.lower())
    return Check()


def hash_mismatch(name: str, check: Check) -> IntegrityError:
    what = ("their SHA-256 does not match the one stored with the object" if
            check.kind == "SHA-256" else f"their {check.kind} does not match the object's ETag")
    return IntegrityError(
        f"“{name}” arrived damaged: the bytes received differ from the object on the server "
        f"({what}).", _HINT)


def size_mismatch(name: str, got: int, size: int) -> IntegrityError:
    return IntegrityError(
        f"“{name}” arrived damaged: the bytes received differ from the object on the server "
        f"({got} bytes instead of {size}).", _HINT)


def check_file_size(fd: int, size: int, name: str) -> None:
    """The last check before a temp file is renamed into place."""
    got = os.fstat(fd).st_size
    if got != size:
        raise size_mismatch(name, got, size)
