"""Pre-flight of an upload under rules: each file checked, and its content looked for in the
target bucket before any byte is sent.

The same content is recognised by the SHA-256 (our uploads store it as `sha256` metadata when
an upload rule read it, S3 checksums may carry it) or by the full-object CRC64NVME every upload
of ours carries (the only identity of uploads no rule hashed). Candidates come from one
listing of the target folder (objects of the same size only, then one HEAD each); with
content-addressed `{sha256}{ext}` names the target key itself is the only candidate, so the
check is a single HEAD.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from desktop_app.core.duplicates import StoredHashes
from desktop_app.core.transfer_types import KnownSha256
from desktop_app.core.upload_rules import OnDuplicate, UploadRules, Verdict, check


class RemoteLookup(Protocol):
    """What the duplicate check asks of the server (an adapter over the storage)."""

    def objects_in(self, bucket: str, folder: str) -> Iterable[tuple[str, int]]:
        """(key, size) of the objects directly in `folder` (no deeper)."""
        ...

    def hashes(self, bucket: str, key: str) -> StoredHashes | None:
        """The stored whole-object hashes of `key`, or None when there is no such object."""
        ...


def same_content(stored: StoredHashes, sha256: str, crc64: str) -> bool:
    """True when a stored SHA-256 or CRC64NVME equals ours (the stronger one decides)."""
    values = stored.values
    if "SHA-256" in values:
        return values["SHA-256"].lower() == sha256
    if "CRC64NVME" in values:
        return values["CRC64NVME"].lower() == crc64
    return False


@dataclass
class DuplicateFinder:
    """Finds the key already holding a file's bytes; listings and HEADs are asked once each."""

    lookup: RemoteLookup
    bucket: str
    _folders: dict[str, dict[int, list[str]]] = field(default_factory=dict)
    _hashes: dict[str, StoredHashes | None] = field(default_factory=dict)

    def _stored(self, key: str) -> StoredHashes | None:
        if key not in self._hashes:
            self._hashes[key] = self.lookup.hashes(self.bucket, key)
        return self._hashes[key]

    def _sizes(self, folder: str) -> dict[int, list[str]]:
        if folder not in self._folders:
            by_size: dict[int, list[str]] = {}
            for key, size in self.lookup.objects_in(self.bucket, folder):
                by_size.setdefault(size, []).append(key)
            self._folders[folder] = by_size
        return self._folders[folder]

    def find(self, verdict: Verdict, content_addressed: bool) -> str:
        """The key holding the same bytes as `verdict`'s file, or ""."""
        key = verdict.target_key
        if content_addressed:
            stored = self._stored(key)
            if stored is None:
                return ""
            # The name is the SHA-256; a stored hash that says otherwise wins over the name.
            has_hash = "SHA-256" in stored.values or "CRC64NVME" in stored.values
            return key if not has_hash or same_content(stored, verdict.sha256,
                                                        verdict.crc64) else ""
        folder = key[:key.rfind("/") + 1]
        candidates = self._sizes(folder).get(verdict.size, [])
        for candidate in sorted(candidates, key=lambda k: k != key):  # its own key first
            stored = self._stored(candidate)
            if stored is not None and same_content(stored, verdict.sha256, verdict.crc64):
                return candidate
        return ""


@dataclass
class Preflight:
    """The outcome of checking a drop: what goes, what is refused, what is already there."""

    accepted: list[Verdict] = field(default_factory=list)
    refused: list[Verdict] = field(default_factory=list)
    duplicates: list[Verdict] = field(default_factory=list)  # allowed, content already there
    markers: list[tuple[Path, str]] = field(default_factory=list)  # empty folders kept
    on_duplicate: OnDuplicate = OnDuplicate.UPLOAD

    @property
    def needs_answer(self) -> bool:
        """True when the user must decide (something refused, or duplicates to ask about)."""
        return bool(self.refused) or (bool(self.duplicates)
                                      and self.on_duplicate is OnDuplicate.ASK)

    def files(self, with_duplicates: bool) -> list[tuple[Path, str, int]]:
        """(path, key, size) to queue: the accepted files, the duplicates too when asked."""
        chosen = self.accepted + (self.duplicates if with_duplicates else [])
        return [(v.path, v.target_key, v.size) for v in chosen] + \
            [(path, key, 0) for path, key in self.markers]

    def known_sha256(self, with_duplicates: bool) -> dict[Path, KnownSha256]:
        """The SHA-256 read for the rules, by file, for the upload to store (see KnownSha256)."""
        chosen = self.accepted + (self.duplicates if with_duplicates else [])
        return {v.path: KnownSha256(v.size, v.mtime_ns, v.sha256) for v in chosen
                if v.sha256 and v.mtime_ns}

    def skipped(self, with_duplicates: bool) -> list[tuple[Path, str, int, str]]:
        """(path, key, size, why) of duplicates not uploaded: rows that say where they are."""
        if with_duplicates:
            return []
        return [(v.path, v.duplicate_of, v.size, already_there(v.duplicate_of))
                for v in self.duplicates]


def already_there(key: str) -> str:
    return f"Already in the bucket as “{key}”."


# (path, path relative to what was dropped, problem found while scanning or "")
Entry = tuple[Path, str, str]


def preflight(rules: UploadRules, bucket: str, prefix: str, entries: Iterable[Entry],
              lookup: RemoteLookup | None, check_cancel: Callable[[], None] | None = None,
              now: datetime | None = None,
              progress: Callable[[int], None] | None = None) -> Preflight:
    """Check every entry against `rules` and, when the rule asks, look for its content in
    the bucket. Reads files (hashes), lists and HEADs: run it on a worker thread.
    `check_cancel` may raise to stop; `progress` hears how many entries are done."""
    when = now or datetime.now(UTC)
    result = Preflight(on_duplicate=rules.on_duplicate)
    finder = DuplicateFinder(lookup, bucket) if lookup is not None and \
        rules.on_duplicate is not OnDuplicate.UPLOAD else None
    for done, (path, relative, problem) in enumerate(entries):
        if check_cancel is not None:
            check_cancel()
        if progress is not None:
            progress(done)
        if problem:
            result.refused.append(Verdict(path, False, problem, ""))
            continue
        if relative.endswith("/"):
            result.markers.append((path, prefix + relative))
            continue
        verdict = check(rules, path, prefix, relative, when, check_cancel=check_cancel)
        if not verdict.allowed:
            result.refused.append(verdict)
            continue
        found = finder.find(verdict, rules.naming.content_addressed) if finder else ""
        if found:
            result.duplicates.append(replace(verdict, duplicate_of=found))
        else:
            result.accepted.append(verdict)
    return result
