"""Upload rules (core): each rule refusing and allowing, naming schemes, category folders, the
rule file, and duplicates found in a real bucket (our own single PUTs, multipart CRC64NVME,
content-addressed names) before any byte is sent."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.core.errors import ConfigError
from desktop_app.core.upload_duplicates import preflight
from desktop_app.core.upload_rules import (
    Naming,
    OnDuplicate,
    RuleStore,
    UploadRules,
    check,
    program_kind,
)
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.state import State
from desktop_app.ui.upload_rules.lookup import StorageLookup
from tests.transfer_helpers import small_options

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
       b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe"
       b"\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# The first bytes of a 64-bit Linux program: ELF magic, class, data, version, type EXEC, x86-64.
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00\x01\x00\x00\x00" + b"\x00" * 40
# A Windows program: "MZ", e_lfanew at 0x3c pointing at "PE\0\0".
PE = b"MZ" + b"\x00" * 0x3A + (0x40).to_bytes(4, "little") + b"PE\x00\x00" + b"\x00" * 64
NOW = datetime(2026, 12, 2, 9, 30, 5, tzinfo=UTC)


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_size_limit_refuses_above_and_allows_at_the_limit(tmp_path: Path) -> None:
    rules = UploadRules(max_size=100)
    big = check(rules, write(tmp_path, "big.txt", b"x" * 101), "in/")
    assert not big.allowed
    assert "101 B" in big.reason
    assert "100 B" in big.reason
    at = check(rules, write(tmp_path, "ok.txt", b"x" * 100), "in/")
    assert at.allowed
    assert at.target_key == "in/ok.txt"


def test_allowed_kinds_are_judged_by_content_and_name(tmp_path: Path) -> None:
    rules = UploadRules(allowed=("IMAGES", "application/pdf"))
    assert check(rules, write(tmp_path, "a.png", PNG), "").allowed
    assert check(rules, write(tmp_path, "doc.pdf", PDF), "").allowed
    text = check(rules, write(tmp_path, "notes.txt", b"plain words\n"), "")
    assert not text.allowed
    assert "Code and text" in text.reason
    # Picture bytes under a text name: the content is allowed, the name is not.
    renamed = check(rules, write(tmp_path, "photo.txt", PNG), "")
    assert not renamed.allowed
    assert "by its name" in renamed.reason
    # Text under a .png name: the name says picture, the content does not.
    fake = check(rules, write(tmp_path, "fake.png", b"just text, not a picture\n"), "")
    assert not fake.allowed
    assert "text/plain" in fake.reason
    # MIME patterns: image/* allows a picture without the IMAGES kind.
    assert check(UploadRules(allowed=("image/*",)), tmp_path / "a.png", "").allowed


@pytest.mark.parametrize("program", [ELF, PE], ids=["elf", "pe"])
def test_a_program_disguised_as_a_pdf_is_refused(tmp_path: Path, program: bytes) -> None:
    path = write(tmp_path, "invoice.pdf", program)
    verdict = check(UploadRules(), path, "")
    assert not verdict.allowed
    assert "program" in verdict.reason
    assert "“.pdf”" in verdict.reason
    assert program_kind(program)
    # Under its own kind of name it is what it says: allowed when no kinds are restricted.
    assert check(UploadRules(), write(tmp_path, "tool.exe", program), "").allowed
    assert check(UploadRules(), write(tmp_path, "tool", program), "").allowed
    # The check can be switched off.
    assert check(UploadRules(refuse_disguised=False), path, "").allowed
    # Kinds restricted to documents: a program under a .exe name is no document either.
    docs = UploadRules(allowed=("DOCUMENTS",))
    assert not check(docs, tmp_path / "tool.exe", "").allowed


def test_two_bytes_mz_text_is_not_mistaken_for_a_program(tmp_path: Path) -> None:
    text = b"MZ is how this note starts, and it is long enough to hold a header offset.\n" * 2
    assert check(UploadRules(), write(tmp_path, "note.txt", text), "").allowed


def test_naming_schemes(tmp_path: Path) -> None:
    path = write(tmp_path, "Report.PDF", PDF)
    digest = hashlib.sha256(PDF).hexdigest()
    expected = {
        Naming.KEEP: "up/sub/Report.PDF",
        Naming.DATE: "up/sub/2026-12-02/Report.PDF",
        Naming.TIMESTAMP: "up/sub/20261202T093005Z_Report.PDF",
        Naming.SHA256: f"up/{digest}.pdf",
    }
    for scheme, key in expected.items():
        verdict = check(UploadRules(naming=scheme), path, "up/", "sub/Report.PDF", NOW)
        assert verdict.target_key == key, scheme
    random = check(UploadRules(naming=Naming.UUID), path, "up/", "sub/Report.PDF", NOW)
    name = random.target_key.removeprefix("up/")
    assert name.endswith(".pdf")
    assert len(name) == 32 + 4
    assert "/" not in name


def test_category_folders(tmp_path: Path) -> None:
    rules = UploadRules(category_folders=True, naming=Naming.DATE)
    cases = {"a.png": (PNG, "in/images/2026-12-02/a.png"),
             "b.pdf": (PDF, "in/documents/2026-12-02/b.pdf"),
             "c.csv": (b"a,b\n1,2\n", "in/data/2026-12-02/c.csv"),
             "noext": (PNG, "in/images/2026-12-02/noext"),  # the content decides
             "d.weird": (b"\x00\x01\x02\x03", "in/other/2026-12-02/d.weird")}
    for name, (data, key) in cases.items():
        verdict = check(rules, write(tmp_path, name, data), "in/", name, NOW)
        assert verdict.target_key == key


def test_rule_store_keeps_connection_rules_and_bucket_overrides(tmp_path: Path) -> None:
    store = RuleStore(tmp_path)
    shared = UploadRules(max_size=5, allowed=("IMAGES",), on_duplicate=OnDuplicate.SKIP)
    own = UploadRules(naming=Naming.SHA256)
    store.set_rules("p1", shared)
    store.set_rules("p1", own, "photos")
    store.save()
    again = RuleStore(tmp_path).load()
    assert again.in_force("p1", "photos") == (own, "bucket")
    assert again.in_force("p1", "other") == (shared, "connection")
    assert again.in_force("p2", "photos") == (None, "")
    again.set_rules("p1", None, "photos")
    again.set_rules("p1", None)
    again.save()
    assert json.loads((tmp_path / "upload_rules.json").read_text())["profiles"] == {}
    damaged = {"version": 1, "profiles": {"p1": {"rules": {"max_size": "big"}},
                                          "p2": {"rules": {"max_size": 7}}}}
    (tmp_path / "upload_rules.json").write_text(json.dumps(damaged))
    loaded = RuleStore(tmp_path).load()
    assert loaded.in_force("p2", "b") == (UploadRules(max_size=7), "connection")
    with pytest.raises(ConfigError, match="damaged"):
        loaded.in_force("p1", "b")
    (tmp_path / "upload_rules.json").write_text("{broken")
    with pytest.raises(ConfigError, match="cannot be read"):
        RuleStore(tmp_path).load()


def entries(paths: list[Path]) -> list[tuple[Path, str, str]]:
    return [(p, p.name, "") for p in paths]


def test_duplicates_found_in_the_bucket_by_our_sha256_and_multipart_crc(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    """Files uploaded earlier by the engine (a single PUT with `sha256` metadata, a multipart
    upload with only its CRC64NVME) are recognised under another name, before any upload."""
    small = write(tmp_path / "first", "small.bin", b"same bytes " * 100)
    large = write(tmp_path / "first", "large.bin", bytes(range(256)) * 2000)  # multipart
    engine = TransferEngine(storage, small_options(multipart_threshold=64 * 1024))
    try:
        engine.upload_paths([small, large], bucket, "in/")
        engine.wait()
        assert {v.state for v in engine.snapshot()} == {State.DONE}
    finally:
        engine.shutdown()
    again = [write(tmp_path / "second", "copy-small.bin", small.read_bytes()),
             write(tmp_path / "second", "copy-large.bin", large.read_bytes()),
             write(tmp_path / "second", "new.bin", b"never uploaded")]
    rules = UploadRules(on_duplicate=OnDuplicate.SKIP)
    result = preflight(rules, bucket, "in/", entries(again), StorageLookup(storage))
    found = {v.path.name: v.duplicate_of for v in result.duplicates}
    assert found == {"copy-small.bin": "in/small.bin", "copy-large.bin": "in/large.bin"}
    assert [v.target_key for v in result.accepted] == ["in/new.bin"]
    assert result.skipped(False)[0][3] == "Already in the bucket as “in/small.bin”."
    assert not result.needs_answer  # "skip" decides without asking
    # Same size, other bytes: not a duplicate.
    twin = write(tmp_path / "third", "twin.bin", b"SAME BYTES " * 100)
    other = preflight(rules, bucket, "in/", entries([twin]), StorageLookup(storage))
    assert not other.duplicates
    assert len(other.accepted) == 1


def test_content_addressed_names_need_one_head(storage: MinioStorage, bucket: str,
                                               tmp_path: Path) -> None:
    path = write(tmp_path, "photo.png", PNG)
    digest = hashlib.sha256(PNG).hexdigest()
    rules = UploadRules(naming=Naming.SHA256, on_duplicate=OnDuplicate.ASK)

    class Counting(StorageLookup):
        def __init__(self, storage: MinioStorage) -> None:
            super().__init__(storage)
            self.heads: list[str] = []
            self.listings: list[str] = []

        def hashes(self, bucket: str, key: str):  # type: ignore[no-untyped-def]
            self.heads.append(key)
            return super().hashes(bucket, key)

        def objects_in(self, bucket: str, folder: str):  # type: ignore[no-untyped-def]
            self.listings.append(folder)
            return super().objects_in(bucket, folder)

    lookup = Counting(storage)
    first = preflight(rules, bucket, "", entries([path]), lookup)
    assert [v.target_key for v in first.accepted] == [f"{digest}.png"]
    storage.put_stream(bucket, f"{digest}.png", io.BytesIO(PNG), len(PNG), "image/png",
                       metadata={"sha256": digest})
    second = preflight(rules, bucket, "", entries([path]), lookup)
    assert [v.duplicate_of for v in second.duplicates] == [f"{digest}.png"]
    assert second.needs_answer  # "ask"
    assert lookup.heads == [f"{digest}.png", f"{digest}.png"]
    assert lookup.listings == []
