"""What kind of file an object is, for statistics, filters and cleanup.

It runs once per object over listings of a million keys, so the usual path is one string
split and one dict lookup on the lower-cased extension. Only when the name says nothing is
the stored content type read, and only when that is missing too are the first bytes sniffed
(core/mime.py) - callers that have no content type or bytes never pay for either.
"""

from __future__ import annotations

from enum import Enum

from desktop_app.core.mime import sniff


class Category(Enum):
    """A coarse file family; the value is the plural label shown to the user."""

    IMAGES = "Images"
    DOCUMENTS = "Documents"
    SPREADSHEETS_DATA = "Spreadsheets and data"
    AUDIO = "Audio"
    VIDEO = "Video"
    ARCHIVES = "Archives"
    CODE_TEXT = "Code and text"
    OTHER = "Other"

    @property
    def label(self) -> str:
        return self.value


_EXTENSIONS: dict[Category, tuple[str, ...]] = {
    Category.IMAGES: (
        "jpg", "jpeg", "jpe", "jfif", "png", "gif", "webp", "bmp", "tif", "tiff", "ico",
        "cur", "svg", "svgz", "heic", "heif", "avif", "raw", "cr2", "cr3", "nef", "arw",
        "dng", "orf", "rw2", "psd", "xcf", "jxl", "tga", "eps", "ai",
    ),
    Category.DOCUMENTS: (
        "pdf", "doc", "docx", "docm", "dot", "dotx", "odt", "ott", "rtf", "pages", "ppt",
        "pptx", "pptm", "pps", "ppsx", "odp", "key", "epub", "mobi", "azw3", "djvu", "xps",
        "oxps", "wpd", "wps", "tex", "one",
    ),
    Category.SPREADSHEETS_DATA: (
        "xls", "xlsx", "xlsm", "xlsb", "xlt", "xltx", "ods", "numbers", "csv", "tsv",
        "tab", "parquet", "avro", "orc", "arrow", "feather", "ndjson", "jsonl", "db",
        "sqlite", "sqlite3", "mdb", "accdb", "dbf", "sav", "dta", "h5", "hdf5", "nc",
        "npy", "npz", "mat", "geojson", "shp", "gpkg", "pkl", "pickle", "rds", "sql",
    ),
    Category.AUDIO: (
        "mp3", "wav", "wave", "ogg", "oga", "opus", "flac", "m4a", "aac", "wma", "aif",
        "aiff", "aifc", "mid", "midi", "amr", "ape", "alac", "m4b", "weba",
    ),
    Category.VIDEO: (
        "mp4", "m4v", "webm", "mkv", "mov", "ogv", "avi", "wmv", "flv", "mpg", "mpeg",
        "m2ts", "mts", "ts", "3gp", "3g2", "vob", "asf", "f4v", "divx",
    ),
    Category.ARCHIVES: (
        "zip", "tar", "gz", "tgz", "bz2", "tbz", "tbz2", "xz", "txz", "zst", "lz", "lz4",
        "lzma", "7z", "rar", "cab", "iso", "img", "dmg", "jar", "war", "ear", "apk", "deb",
        "rpm", "whl", "egg", "z", "arj", "sz", "snappy",
    ),
    Category.CODE_TEXT: (
        "txt", "text", "md", "markdown", "rst", "log", "json", "xml", "yaml", "yml",
        "toml", "ini", "cfg", "conf", "env", "properties", "html", "htm", "xhtml", "css",
        "scss", "sass", "less", "js", "mjs", "cjs", "jsx", "ts", "tsx", "py", "pyi", "ipynb",
        "c", "h", "cc", "cpp", "cxx", "hpp", "hh", "cs", "java", "kt", "kts", "scala",
        "go", "rs", "rb", "php", "pl", "pm", "swift", "m", "mm", "r", "jl", "lua", "sh",
        "bash", "zsh", "fish", "ps1", "bat", "cmd", "vb", "dart", "hs", "ex", "exs", "erl",
        "clj", "el", "vim", "gradle", "cmake", "mk", "dockerfile", "tf", "hcl", "proto",
        "graphql", "srt", "vtt", "diff", "patch", "license", "readme", "har",
    ),
}
# ".ts" is MPEG transport stream far more often in buckets than TypeScript source (which
# mostly lives in git, not object storage); the video entry is the one that counts.
EXTENSION_CATEGORY: dict[str, Category] = {}
for _category in reversed(list(_EXTENSIONS)):
    for _extension in _EXTENSIONS[_category]:
        EXTENSION_CATEGORY[_extension] = _category
EXTENSION_CATEGORY["ts"] = Category.VIDEO

# Whole names without an extension that are plainly text.
_TEXT_NAMES = frozenset({
    "readme", "license", "licence", "copying", "makefile", "dockerfile", "changelog",
    "authors", "notice", "todo", "vagrantfile", "gemfile", "procfile", "jenkinsfile",
})

_TYPE_PREFIXES: tuple[tuple[str, Category], ...] = (
    ("image/", Category.IMAGES),
    ("audio/", Category.AUDIO),
    ("video/", Category.VIDEO),
    ("text/csv", Category.SPREADSHEETS_DATA),
    ("text/tab-separated-values", Category.SPREADSHEETS_DATA),
    ("text/", Category.CODE_TEXT),
)
_CONTENT_TYPES: dict[str, Category] = {
    "application/pdf": Category.DOCUMENTS,
    "application/msword": Category.DOCUMENTS,
    "application/rtf": Category.DOCUMENTS,
    "application/epub+zip": Category.DOCUMENTS,
    "application/vnd.ms-powerpoint": Category.DOCUMENTS,
    "application/vnd.oasis.opendocument.text": Category.DOCUMENTS,
    "application/vnd.oasis.opendocument.presentation": Category.DOCUMENTS,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
        Category.DOCUMENTS,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation":
        Category.DOCUMENTS,
    "application/vnd.ms-excel": Category.SPREADSHEETS_DATA,
    "application/vnd.oasis.opendocument.spreadsheet": Category.SPREADSHEETS_DATA,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
        Category.SPREADSHEETS_DATA,
    "application/csv": Category.SPREADSHEETS_DATA,
    "application/vnd.apache.parquet": Category.SPREADSHEETS_DATA,
    "application/x-parquet": Category.SPREADSHEETS_DATA,
    "application/x-sqlite3": Category.SPREADSHEETS_DATA,
    "application/vnd.sqlite3": Category.SPREADSHEETS_DATA,
    "application/x-ndjson": Category.SPREADSHEETS_DATA,
    "application/zip": Category.ARCHIVES,
    "application/gzip": Category.ARCHIVES,
    "application/x-gzip": Category.ARCHIVES,
    "application/x-tar": Category.ARCHIVES,
    "application/x-bzip2": Category.ARCHIVES,
    "application/x-xz": Category.ARCHIVES,
    "application/zstd": Category.ARCHIVES,
    "application/x-7z-compressed": Category.ARCHIVES,
    "application/vnd.rar": Category.ARCHIVES,
    "application/x-rar-compressed": Category.ARCHIVES,
    "application/java-archive": Category.ARCHIVES,
    "application/x-iso9660-image": Category.ARCHIVES,
    "application/json": Category.CODE_TEXT,
    "application/xml": Category.CODE_TEXT,
    "application/javascript": Category.CODE_TEXT,
    "application/x-yaml": Category.CODE_TEXT,
    "application/yaml": Category.CODE_TEXT,
    "application/toml": Category.CODE_TEXT,
    "application/x-sh": Category.CODE_TEXT,
    "application/x-empty": Category.CODE_TEXT,
    "application/ogg": Category.AUDIO,
}


def category_by_name(key: str) -> Category | None:
    """The category the name alone says, or None when it says nothing (the fast path)."""
    base, dot, extension = key.rpartition(".")
    if dot and base and "/" not in extension and base[-1] != "/":
        # "a/.bashrc" is a hidden name and "v1.2/notes" a dotted folder, not extensions.
        return EXTENSION_CATEGORY.get(extension.lower())
    name = key[key.rfind("/") + 1:].lower()
    return Category.CODE_TEXT if name in _TEXT_NAMES else None


def category_of_type(content_type: str) -> Category | None:
    """The category a MIME type names (parameters such as charset ignored), or None."""
    mime = content_type.split(";", 1)[0].strip().lower()
    if not mime or mime in ("application/octet-stream", "binary/octet-stream"):
        return None
    found = _CONTENT_TYPES.get(mime)
    if found is not None:
        return found
    for prefix, category in _TYPE_PREFIXES:
        if mime.startswith(prefix):
            return category
    if mime.endswith(("+json", "+xml")):
        return Category.CODE_TEXT
    return None


def category_of(key: str, content_type: str = "", head: bytes = b"") -> Category:
    """The category of `key`: by extension, else by its stored content type, else by the
    first bytes when given; OTHER when none of them tells."""
    found = category_by_name(key)
    if found is not None:
        return found
    if content_type:
        found = category_of_type(content_type)
        if found is not None:
            return found
    if head:
        found = category_of_type(sniff(head, key[key.rfind("/") + 1:]))
        if found is not None:
            return found
    return Category.OTHER
