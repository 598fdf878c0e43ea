"""Upload rules: what may be uploaded to a connection or bucket, and under which key.

A rule set is set once and checked before any byte is sent: a size limit, the allowed kinds of
file judged by the *content* (first bytes through core/mime.py) cross-checked with the name, so
a program renamed `report.pdf` is refused; a naming scheme; automatic category folders; and
what to do when the same content is already in the bucket (see core/upload_duplicates.py).

Rules live beside the connection profiles in `upload_rules.json` (keyed by profile id, with
whole-rule-set overrides per bucket; nothing secret in them), so profiles.json keeps its format.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path, PurePosixPath
from typing import Any

from desktop_app.core.categories import Category, category_by_name, category_of_type
from desktop_app.core.checksums import Algo, Crc
from desktop_app.core.errors import ConfigError
from desktop_app.core.humanize import human_size
from desktop_app.core.mime import SNIFF_BYTES, sniff
from desktop_app.core.profiles import write_atomically

RULES_FILE = "upload_rules.json"
FORMAT_VERSION = 1


class Naming(Enum):
    """How the key of an uploaded file is made; the value is the pattern shown to the user."""

    KEEP = "{name}"
    DATE = "{date}/{name}"
    TIMESTAMP = "{timestamp}_{name}"
    UUID = "{uuid}{ext}"
    SHA256 = "{sha256}{ext}"

    @property
    def content_addressed(self) -> bool:
        return self is Naming.SHA256


class OnDuplicate(Enum):
    """What happens when a file's content is already in the target bucket."""

    UPLOAD = "upload"  # upload anyway (no check, nothing read twice)
    SKIP = "skip"
    ASK = "ask"


# The folder each category goes to with automatic category folders.
CATEGORY_FOLDERS: dict[Category, str] = {
    Category.IMAGES: "images/",
    Category.DOCUMENTS: "documents/",
    Category.SPREADSHEETS_DATA: "data/",
    Category.AUDIO: "audio/",
    Category.VIDEO: "video/",
    Category.ARCHIVES: "archives/",
    Category.CODE_TEXT: "text/",
    Category.OTHER: "other/",
}

# Programs, recognised by their own first bytes (libmagic names them differently per version).
_PROGRAMS: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", "ELF, Linux"),
    (b"MZ", "PE, Windows"),
    (b"\xcf\xfa\xed\xfe", "Mach-O, macOS"),
    (b"\xce\xfa\xed\xfe", "Mach-O, macOS"),
    (b"\xfe\xed\xfa\xcf", "Mach-O, macOS"),
)
# Names under which a program is what it says it is.
PROGRAM_SUFFIXES = frozenset({
    "", ".exe", ".dll", ".sys", ".com", ".scr", ".so", ".bin", ".elf", ".out", ".o", ".ko",
    ".dylib", ".efi", ".msi", ".run", ".appimage",
})
# Containers whose detected type says less than their name (an .xlsx is a zip, a .csv or a
# .tex is text): detected kind -> the named kinds it may hold.
_CONTAINERS: dict[Category, frozenset[Category]] = {
    Category.ARCHIVES: frozenset({Category.DOCUMENTS, Category.SPREADSHEETS_DATA}),
    Category.CODE_TEXT: frozenset({Category.DOCUMENTS, Category.SPREADSHEETS_DATA}),
}


def program_kind(head: bytes) -> str:
    """What kind of program `head` starts, or "" when it is none."""
    for signature, kind in _PROGRAMS:
        if head.startswith(signature):
            # "MZ" alone is weak: a PE file says where its "PE\0\0" header is at 0x3c.
            if signature == b"MZ" and not _is_pe(head):
                continue
            return kind
    return ""


def _is_pe(head: bytes) -> bool:
    """A PE header where the DOS header points (real programs put it within the first KB;
    text that merely starts with "MZ" points nowhere sensible)."""
    if len(head) < 0x40:
        return False
    offset = int.from_bytes(head[0x3C:0x40], "little")
    return head[offset:offset + 4] == b"PE\0\0"


@dataclass(frozen=True)
class UploadRules:
    """One rule set. `allowed` holds category names (`Category.name`, e.g. "IMAGES") and
    MIME patterns ("application/pdf", "image/*"); empty allows every kind."""

    max_size: int = 0  # bytes; 0 = no limit
    allowed: tuple[str, ...] = ()
    refuse_disguised: bool = True  # a program under another kind's name
    naming: Naming = Naming.KEEP
    category_folders: bool = False
    on_duplicate: OnDuplicate = OnDuplicate.UPLOAD

    @property
    def reads_content(self) -> bool:
        """True when checking reads whole files (hashing), not only their first bytes."""
        return self.naming.content_addressed or self.on_duplicate is not OnDuplicate.UPLOAD

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["naming"] = self.naming.value
        data["on_duplicate"] = self.on_duplicate.value
        data["allowed"] = list(self.allowed)
        return data

    @classmethod
    def from_json(cls, raw: Any) -> UploadRules:
        if not isinstance(raw, dict):
            raise ValueError("a rule set must be an object")
        known = {f.name for f in fields(cls)}
        data = {k: v for k, v in raw.items() if k in known}
        data["naming"] = Naming(data.get("naming", Naming.KEEP.value))
        data["on_duplicate"] = OnDuplicate(data.get("on_duplicate", OnDuplicate.UPLOAD.value))
        data["allowed"] = tuple(str(a) for a in data.get("allowed", ()))
        data["max_size"] = max(0, int(data.get("max_size", 0)))
        data["refuse_disguised"] = bool(data.get("refuse_disguised", True))
        data["category_folders"] = bool(data.get("category_folders", False))
        return cls(**data)

    def with_changes(self, **changes: Any) -> UploadRules:
        return replace(self, **changes)

    def summary(self) -> list[tuple[str, str]]:
        """(rule, setting) lines in plain English for the Properties tab and the editor."""
        kinds = ", ".join(allowed_label(a) for a in self.allowed) or "Any kind"
        duplicate = {OnDuplicate.UPLOAD: "Upload anyway", OnDuplicate.SKIP: "Skip it",
                     OnDuplicate.ASK: "Ask"}[self.on_duplicate]
        return [
            ("Largest file", human_size(self.max_size) if self.max_size else "No limit"),
            ("Allowed kinds (by content)", kinds),
            ("Programs under another name", "Refused" if self.refuse_disguised else "Allowed"),
            ("Key of each file", self.naming.value),
            ("Category folders", "Yes (images/, documents/, …)" if self.category_folders
             else "No"),
            ("Same content already there", duplicate),
        ]


def allowed_label(entry: str) -> str:
    """"IMAGES" -> "Images"; a MIME pattern stays as it is."""
    try:
        return Category[entry].label
    except KeyError:
        return entry


@dataclass(frozen=True)
class Verdict:
    """The answer for one file: uploaded under `target_key`, or refused for `reason`.
    `duplicate_of` is filled by the duplicate check: the key that already holds the bytes."""

    path: Path
    allowed: bool
    reason: str
    target_key: str
    size: int = 0
    detected: str = ""
    sha256: str = ""
    crc64: str = ""
    duplicate_of: str = ""
    mtime_ns: int = 0  # when the SHA-256 was read (0: not read, or the file changed meanwhile)


@dataclass(frozen=True)
class FileFacts:
    """What checking found out about a file (first bytes, type, optionally its hash)."""

    size: int
    head: bytes
    detected: str
    sha256: str = ""
    crc64: str = ""  # CRC64NVME as 16 hex digits, read in the same pass as the SHA-256
    mtime_ns: int = 0  # the file's, when the hashes describe it (0: it changed while read)


def read_facts(path: Path, want_sha256: bool, check: Callable[[], None] | None = None
               ) -> FileFacts:
    """Size, first bytes and detected type; with `want_sha256` also the SHA-256 and the
    CRC64NVME (one read of the whole file: multipart uploads keep only the CRC)."""
    before = os.stat(path)
    size = before.st_size
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
        if not want_sha256:
            return FileFacts(size, head, sniff(head, path.name))
        digest, crc = hashlib.sha256(head), Crc(Algo.CRC64NVME)
        crc.update(head)
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            crc.update(chunk)
            if check is not None:
                check()
        after = os.fstat(handle.fileno())
    same = (after.st_size, after.st_mtime_ns) == (size, before.st_mtime_ns)
    return FileFacts(size, head, sniff(head, path.name), digest.hexdigest(),
                     f"{crc.value:016x}", before.st_mtime_ns if same else 0)


def _matches(pattern: str, mime: str, category: Category | None) -> bool:
    if pattern in Category.__members__:
        return category is Category[pattern]
    if pattern.endswith("/*"):
        return mime.startswith(pattern[:-1])
    return mime == pattern


def kind_problem(rules: UploadRules, name: str, facts: FileFacts) -> str:
    """Why the content or its name breaks the rules, or ""."""
    suffix = PurePosixPath(name).suffix.lower()
    named = category_by_name(name)
    program = program_kind(facts.head)
    if program and rules.refuse_disguised and suffix not in PROGRAM_SUFFIXES:
        return (f"The name says “{suffix}” but the content is a program ({program}); "
                "disguised programs are refused.")
    if not rules.allowed:
        return ""
    detected = category_of_type(facts.detected)
    # A zip or text container under a name of a more precise kind (an .xlsx, a .csv) is judged
    # by the name; otherwise the content decides and the name must agree with the rules too.
    if detected is not None and named in _CONTAINERS.get(detected, ()):
        detected = named
    if program:
        detected = Category.OTHER
    candidates = [(facts.detected, detected)]
    if named is not None and named is not detected:
        candidates.append(("", named))
    for mime, category in candidates:
        if not any(_matches(p, mime, category) for p in rules.allowed):
            what = category.label if category else (mime or "unknown")
            shown = f"{what} ({facts.detected})" if mime else f"{what}, by its name"
            kinds = ", ".join(allowed_label(a) for a in rules.allowed)
            return f"Its kind, {shown}, is not allowed here (allowed: {kinds})."
    return ""


def target_key(rules: UploadRules, prefix: str, relative: str, facts: FileFacts,
               now: datetime | None = None, new_id: Callable[[], str] | None = None) -> str:
    """The key a file gets: `prefix` + category folder + its folders + the named scheme.
    `relative` is its path below what was dropped ("photos/a.jpg"). Content-addressed and
    random names leave the dropped folders out: the name is the identity, not the place."""
    folder, _, name = relative.rpartition("/")
    folder = f"{folder}/" if folder else ""
    ext = "".join(PurePosixPath(name).suffixes[-1:]).lower()
    when = now or datetime.now(UTC)
    scheme = rules.naming
    if scheme is Naming.DATE:
        leaf = f"{when:%Y-%m-%d}/{name}"
    elif scheme is Naming.TIMESTAMP:
        leaf = f"{when:%Y%m%dT%H%M%SZ}_{name}"
    elif scheme is Naming.UUID:
        folder, leaf = "", f"{(new_id or (lambda: uuid.uuid4().hex))()}{ext}"
    elif scheme is Naming.SHA256:
        folder, leaf = "", f"{facts.sha256}{ext}"
    else:
        leaf = name
    category = ""
    if rules.category_folders:
        found = category_by_name(name) or category_of_type(facts.detected) or Category.OTHER
        category = CATEGORY_FOLDERS[found]
    return f"{prefix}{category}{folder}{leaf}"


def check(rules: UploadRules, path: Path, prefix: str, relative: str = "",
          now: datetime | None = None, facts: FileFacts | None = None,
          check_cancel: Callable[[], None] | None = None) -> Verdict:
    """Whether `path` may be uploaded below `prefix`, and its key. Reads the first bytes, and
    the whole file when the key or the duplicate check needs its SHA-256 (`check_cancel` is
    called between chunks and may raise to stop)."""
    relative = relative or path.name
    try:
        facts = facts or read_facts(path, rules.reads_content, check_cancel)
    except OSError as exc:
        return Verdict(path, False, f"It cannot be read: {exc.strerror}.", "")
    if rules.max_size and facts.size > rules.max_size:
        return Verdict(path, False, f"It is {human_size(facts.size)}; the largest allowed is "
                       f"{human_size(rules.max_size)}.", "", facts.size, facts.detected)
    problem = kind_problem(rules, relative.rpartition("/")[2], facts)
    if problem:
        return Verdict(path, False, problem, "", facts.size, facts.detected)
    key = target_key(rules, prefix, relative, facts, now)
    return Verdict(path, True, "", key, facts.size, facts.detected, facts.sha256, facts.crc64,
                   mtime_ns=facts.mtime_ns)


@dataclass
class RuleStore:
    """`upload_rules.json` in the config folder: rules per profile id, overrides per bucket."""

    folder: Path
    _data: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.folder / RULES_FILE

    def load(self) -> RuleStore:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return self
        except (OSError, ValueError) as exc:
            raise ConfigError(f"The upload rules in “{self.path}” cannot be read ({exc}).",
                              "Fix or delete that file; uploads run without rules meanwhile."
                              ) from None
        if not isinstance(raw, dict) or not isinstance(raw.get("profiles"), dict):
            raise ConfigError(f"The upload rules in “{self.path}” are not in a known format.",
                              "Fix or delete that file; uploads run without rules meanwhile.")
        self._data = raw["profiles"]
        return self

    def save(self) -> None:
        text = json.dumps({"version": FORMAT_VERSION, "profiles": self._data}, indent=2,
                          sort_keys=True)
        try:
            write_atomically(self.path, text)
        except OSError as exc:
            raise ConfigError(f"“{self.path}” cannot be written: {exc.strerror}.",
                              "Check that the settings folder can be written.") from None

    def _read(self, raw: Any) -> UploadRules | None:
        """One entry; a damaged one raises (the caller says so) and leaves the others usable."""
        try:
            return UploadRules.from_json(raw) if raw is not None else None
        except (ValueError, TypeError, KeyError) as exc:
            raise ConfigError(f"A rule set in “{self.path}” is damaged ({exc}).",
                              "Open Upload rules… and save the rules again, or fix that file; "
                              "uploads run without rules meanwhile.") from None

    def connection_rules(self, profile_id: str) -> UploadRules | None:
        return self._read(self._data.get(profile_id, {}).get("rules"))

    def bucket_rules(self, profile_id: str, bucket: str) -> UploadRules | None:
        return self._read(self._data.get(profile_id, {}).get("buckets", {}).get(bucket))

    def in_force(self, profile_id: str, bucket: str) -> tuple[UploadRules | None, str]:
        """The rules for uploads into `bucket` and where they come from ("bucket",
        "connection", or "" when there are none)."""
        own = self.bucket_rules(profile_id, bucket)
        if own is not None:
            return own, "bucket"
        shared = self.connection_rules(profile_id)
        return (shared, "connection") if shared is not None else (None, "")

    def set_rules(self, profile_id: str, rules: UploadRules | None, bucket: str = "") -> None:
        """Set (or with None remove) the connection's rules, or one bucket's override."""
        entry = self._data.setdefault(profile_id, {})
        if bucket:
            buckets = entry.setdefault("buckets", {})
            if rules is None:
                buckets.pop(bucket, None)
            else:
                buckets[bucket] = rules.to_json()
        elif rules is None:
            entry.pop("rules", None)
        else:
            entry["rules"] = rules.to_json()
        if not entry.get("rules") and not entry.get("buckets"):
            self._data.pop(profile_id, None)
