"""Reading a ZIP's table of contents from its tail, so a remote archive is listed with two
ranged reads instead of a download.

The End Of Central Directory record (EOCD) sits in the last 22 + up to 65,535 (comment)
bytes; it says where the central directory starts and how long it is. ZIP64 archives carry
a locator just before the EOCD pointing at a larger record with 64-bit fields.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import datetime

EOCD_SIGNATURE = b"PK\x05\x06"
ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
ZIP64_EOCD_SIGNATURE = b"PK\x06\x06"
CD_SIGNATURE = b"PK\x01\x02"
TAIL_BYTES = 22 + 65_535 + 20  # EOCD + longest comment + ZIP64 locator
MAX_ENTRIES = 20_000


class ZipFormatError(ValueError):
    """The bytes are not a readable ZIP table of contents."""


@dataclass(frozen=True, slots=True)
class ZipDirectory:
    offset: int
    size: int
    entries: int


@dataclass(frozen=True, slots=True)
class ZipEntry:
    name: str
    size: int
    compressed: int
    modified: datetime | None
    is_dir: bool
    encrypted: bool


def find_directory(tail: bytes, object_size: int) -> tuple[ZipDirectory, int | None]:
    """Locate the central directory from the archive's tail.

    Returns the directory, plus the absolute offset of a ZIP64 EOCD record when the archive
    needs one (the caller reads 56 bytes there and calls `parse_zip64_eocd`).
    """
    at = tail.rfind(EOCD_SIGNATURE)
    if at < 0 or len(tail) - at < 22:
        raise ZipFormatError("no end-of-archive record found (not a ZIP, or damaged)")
    (_sig, _disk, _cd_disk, _n_disk, total, cd_size, cd_offset,
     _comment) = struct.unpack("<4sHHHHIIH", tail[at:at + 22])
    directory = ZipDirectory(cd_offset, cd_size, total)
    locator = at - 20
    if locator >= 0 and tail[locator:locator + 4] == ZIP64_LOCATOR_SIGNATURE:
        (zip64_offset,) = struct.unpack("<Q", tail[locator + 8:locator + 16])
        return directory, zip64_offset
    if cd_offset + cd_size > object_size:
        raise ZipFormatError("the table of contents points past the end of the file")
    return directory, None


def parse_zip64_eocd(record: bytes) -> ZipDirectory:
    if len(record) < 56 or not record.startswith(ZIP64_EOCD_SIGNATURE):
        raise ZipFormatError("damaged ZIP64 end-of-archive record")
    total, cd_size, cd_offset = struct.unpack("<QQQ", record[32:56])
    return ZipDirectory(cd_offset, cd_size, total)


def _dos_time(date: int, time: int) -> datetime | None:
    try:
        return datetime(1980 + (date >> 9), (date >> 5) & 0xF, date & 0x1F,
                        time >> 11, (time >> 5) & 0x3F, (time & 0x1F) * 2)
    except ValueError:
        return None


def parse_directory(data: bytes, limit: int = MAX_ENTRIES) -> tuple[list[ZipEntry], bool]:
    """Entries of a central directory; the flag says the list was cut at `limit`."""
    entries: list[ZipEntry] = []
    pos = 0
    while pos + 46 <= len(data) and data[pos:pos + 4] == CD_SIGNATURE:
        if len(entries) >= limit:
            return entries, True
        (flags, _method, mtime, mdate, _crc, compressed, size, name_len, extra_len,
         comment_len) = struct.unpack("<HHHHIIIHHH", data[pos + 8:pos + 34])
        name_raw = data[pos + 46:pos + 46 + name_len]
        extra = data[pos + 46 + name_len:pos + 46 + name_len + extra_len]
        if size == 0xFFFFFFFF or compressed == 0xFFFFFFFF:
            size, compressed = _zip64_sizes(extra, size, compressed)
        name = name_raw.decode("utf-8" if flags & 0x800 else "cp437", errors="replace")
        entries.append(ZipEntry(name, size, compressed, _dos_time(mdate, mtime),
                                name.endswith("/"), bool(flags & 0x1)))
        pos += 46 + name_len + extra_len + comment_len
    return entries, False


def _zip64_sizes(extra: bytes, size: int, compressed: int) -> tuple[int, int]:
    pos = 0
    while pos + 4 <= len(extra):
        tag, length = struct.unpack("<HH", extra[pos:pos + 4])
        if tag == 0x0001:
            field = extra[pos + 4:pos + 4 + length]
            values = [struct.unpack("<Q", field[i:i + 8])[0] for i in range(0, len(field) - 7, 8)]
            if size == 0xFFFFFFFF and values:
                size = values.pop(0)
            if compressed == 0xFFFFFFFF and values:
                compressed = values.pop(0)
            break
        pos += 4 + length
    return size, compressed
