"""Readable names for content types in the file table's Type column ("PNG image", "PDF
document", "Binary data") instead of a MIME type cut in the middle, and which type it is: the
one stored on the server (known once a HEAD answered, e.g. for the preview) or a guess from
the name (an S3 listing carries no content type)."""

from __future__ import annotations

import mimetypes

NAMES = {
    "application/octet-stream": "Binary data",
    "application/pdf": "PDF document",
    "application/zip": "ZIP archive",
    "application/x-zip-compressed": "ZIP archive",
    "application/gzip": "Gzip archive",
    "application/x-gzip": "Gzip archive",
    "application/x-tar": "Tar archive",
    "application/x-7z-compressed": "7-Zip archive",
    "application/vnd.rar": "RAR archive",
    "application/x-bzip2": "Bzip2 archive",
    "application/x-xz": "XZ archive",
    "application/json": "JSON data",
    "application/xml": "XML document",
    "application/yaml": "YAML text",
    "application/javascript": "JavaScript",
    "application/x-sh": "Shell script",
    "application/x-python-code": "Python bytecode",
    "application/msword": "Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
    "application/vnd.ms-excel": "Excel spreadsheet",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel spreadsheet",
    "application/vnd.ms-powerpoint": "PowerPoint presentation",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation":
        "PowerPoint presentation",
    "application/vnd.oasis.opendocument.text": "OpenDocument text",
    "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument spreadsheet",
    "application/vnd.apache.parquet": "Parquet data",
    "application/sql": "SQL script",
    "application/wasm": "WebAssembly",
    "application/x-iso9660-image": "Disk image",
    "application/x-msdownload": "Windows program",
    "image/jpeg": "JPEG image",
    "image/svg+xml": "SVG image",
    "image/x-icon": "Icon",
    "image/vnd.microsoft.icon": "Icon",
    "text/plain": "Plain text",
    "text/html": "HTML page",
    "text/css": "CSS style sheet",
    "text/csv": "CSV table",
    "text/markdown": "Markdown text",
    "text/x-python": "Python source",
    "text/javascript": "JavaScript",
    "audio/mpeg": "MP3 audio",
    "video/quicktime": "QuickTime video",
    "video/x-msvideo": "AVI video",
}
_FAMILIES = {"image": "image", "audio": "audio", "video": "video", "text": "text",
             "font": "font", "model": "3D model"}


def readable_type(mime: str) -> str:
    """"PNG image" for image/png; a known name, else the family with the subtype."""
    mime = mime.split(";", 1)[0].strip().lower()
    if not mime:
        return "File"
    if mime in NAMES:
        return NAMES[mime]
    family, _, sub = mime.partition("/")
    sub = sub.removeprefix("x-").removeprefix("vnd.").split("+", 1)[0]
    if family in _FAMILIES and sub:
        return f"{sub.upper() if len(sub) <= 5 else sub.capitalize()} {_FAMILIES[family]}"
    return f"{sub.upper() if len(sub) <= 5 else sub} file" if sub else "File"


def guessed_type(name: str) -> str:
    """The MIME type the name suggests ("" when it suggests none)."""
    return mimetypes.guess_type(name)[0] or ""


def type_text(name: str, stored: str | None) -> str:
    """The Type column: the stored type when known, else the one the name suggests."""
    mime = stored if stored else guessed_type(name)
    if mime:
        return readable_type(mime)
    suffix = name.rsplit(".", 1)[-1] if "." in name else ""
    return f"{suffix.upper()} file" if suffix else "File"


def type_tip(name: str, stored: str | None) -> str:
    """The Type column's tooltip: the MIME type and whether the server stores it."""
    if stored:
        return f"{stored}\nStored on the server with the object."
    guess = guessed_type(name)
    where = "Guessed from the name: a listing does not carry types; the stored one shows " \
            "once the file is selected."
    return f"{guess}\n{where}" if guess else f"Unknown type.\n{where}"
