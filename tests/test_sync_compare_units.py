"""Sync compare on constructed trees: each group, tolerance, state-based conflicts, name twins,
checksums read only when needed; the local scan (no symlink followed) and saved pair state."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

import pytest

from desktop_app.core.local_scan import SPECIAL, SYMLINK, LocalEntry, LocalTree, scan_folder
from desktop_app.core.sync_checksums import LocalChecksums, md5_etag
from desktop_app.core.sync_compare import (
    Group,
    RemoteEntry,
    RemoteTree,
    Side,
    Why,
    compare,
    remote_tree,
)
from desktop_app.core.sync_model import (
    ConflictRule,
    Direction,
    PairStore,
    SyncedEntry,
    SyncPair,
    SyncState,
)
from desktop_app.storage.listing_xml import parse_listing_columns

T0 = 1_700_000_000.0  # a LastModified, epoch seconds
NS = 1_000_000_000


def local(**files: tuple[int, float]) -> LocalTree:
    """A tree of key -> (size, mtime seconds); keys spelled with '__' for '/'."""
    tree = LocalTree(Path("/nowhere"))
    for name, (size, mtime) in files.items():
        key = name.replace("__", "/")
        tree.entries[key] = LocalEntry(key, size, int(mtime * NS))
    return tree


def remote(entries: dict[str, tuple[int, float, str]]) -> RemoteTree:
    return RemoteTree("b", "", {k: RemoteEntry(k, s, t, e) for k, (s, t, e) in entries.items()})


def keys(result: object, group: Group) -> list[str]:
    return sorted(item.key for item in result.groups[group])  # type: ignore[attr-defined]


class Answers:
    """A ChecksumSource with fixed answers that records what it was asked."""

    def __init__(self, answers: dict[str, bool | None]) -> None:
        self.answers = answers
        self.asked: list[str] = []
        self.lock = threading.Lock()

    def wants(self, remote: RemoteEntry) -> bool:
        return remote.key in self.answers

    def same_bytes(self, local: LocalEntry, remote: RemoteEntry) -> bool | None:
        with self.lock:
            self.asked.append(local.key)
        return self.answers[local.key]


def test_every_group_with_counts_bytes_and_reasons() -> None:
    here = local(new=(10, T0), same=(5, T0), bigger=(7, T0 + 100), edited=(3, T0))
    there = remote({"same": (5, T0, "e1"), "bigger": (4, T0, "e2"), "edited": (3, T0, "e3"),
                    "gone/deep": (20, T0, "e4")})
    checks = Answers({"same": True, "edited": False})
    result = compare(here, there, None, checksums=checks)
    assert keys(result, Group.ONLY_LOCAL) == ["new"]
    assert keys(result, Group.ONLY_REMOTE) == ["gone/deep"]
    assert keys(result, Group.SAME) == ["same"]
    assert keys(result, Group.DIFFERENT) == ["bigger", "edited"]
    assert result.count(Group.CONFLICTS) == 0
    assert result.count(Group.NAME_CLASHES) == 0
    assert (result.bytes(Group.ONLY_LOCAL), result.bytes(Group.ONLY_REMOTE)) == (10, 20)
    assert result.bytes(Group.DIFFERENT) == 10
    whys = {item.key: (item.why, item.newer) for item in result.items()}
    assert whys == {
        "new": (Why.NEW_HERE, None), "gone/deep": (Why.NEW_THERE, None),
        "same": (Why.SAME_CHECKSUM, None), "bigger": (Why.SIZE, Side.HERE),
        "edited": (Why.CHECKSUM, None),
    }
    assert sorted(checks.asked) == ["edited", "same"]  # never the ones sizes decide
    assert result.checksummed == 2
    assert result.complete


def test_equal_sizes_without_checksums_decide_by_time_within_tolerance() -> None:
    here = local(tie=(1, T0 + 1.5), later=(1, T0 + 3), earlier=(1, T0 - 3))
    there = remote({k: (1, T0, "multi-2") for k in ("tie", "later", "earlier")})
    result = compare(here, there, None)  # no checksum source: nothing is read
    whys = {item.key: (item.group, item.why, item.newer) for item in result.items()}
    assert whys == {
        "tie": (Group.SAME, Why.SAME_TIME, None),
        "later": (Group.DIFFERENT, Why.NEWER_HERE, Side.HERE),
        "earlier": (Group.DIFFERENT, Why.NEWER_THERE, Side.THERE),
    }
    assert result.tolerance_s == 2.0
    wider = compare(here, there, None, tolerance_s=5.0)
    assert keys(wider, Group.SAME) == ["earlier", "later", "tie"]


def test_checksum_source_without_answer_falls_back_to_times() -> None:
    here = local(a=(1, T0 + 60), b=(1, T0))
    there = remote({"a": (1, T0, "x"), "b": (1, T0, "y")})
    result = compare(here, there, None, checksums=Answers({"a": None, "b": None}))
    assert keys(result, Group.DIFFERENT) == ["a"]
    assert keys(result, Group.SAME) == ["b"]
    assert result.checksummed == 0


def test_state_of_the_last_sync_tells_who_changed_and_conflicts() -> None:
    synced = SyncedEntry(4, int(T0 * NS), "old")
    last = SyncState({k: synced for k in ("calm", "here", "there", "both", "touched",
                                          "deleted_here", "deleted_there")})
    here = local(calm=(4, T0), here=(9, T0 + 50), there=(4, T0), both=(5, T0 + 50),
                 touched=(4, T0 + 50), deleted_there=(4, T0))
    there = remote({"calm": (4, T0 + 9, "old"), "here": (4, T0, "old"),
                    "there": (6, T0 + 50, "new"), "both": (8, T0 + 10, "new"),
                    "touched": (4, T0, "old"), "deleted_here": (4, T0, "old")})
    checks = Answers({"calm": True, "touched": True})
    result = compare(here, there, last, checksums=checks)
    whys = {item.key: (item.group, item.why, item.newer) for item in result.items()}
    assert whys == {
        "calm": (Group.SAME, Why.UNCHANGED, None),
        "here": (Group.DIFFERENT, Why.NEWER_HERE, Side.HERE),
        "there": (Group.DIFFERENT, Why.NEWER_THERE, Side.THERE),
        "both": (Group.CONFLICTS, Why.CHANGED_BOTH, Side.HERE),
        "touched": (Group.SAME, Why.SAME_CHECKSUM, None),
        "deleted_here": (Group.ONLY_REMOTE, Why.DELETED_HERE, None),
        "deleted_there": (Group.ONLY_LOCAL, Why.DELETED_THERE, None),
    }
    assert checks.asked == ["touched"]  # unchanged keys are never read


def test_conflict_with_equal_sizes_is_same_only_when_the_bytes_agree() -> None:
    last = SyncState({"x": SyncedEntry(3, int(T0 * NS), "old"),
                      "y": SyncedEntry(3, int(T0 * NS), "old")})
    here = local(x=(3, T0 + 40), y=(3, T0 + 40))
    there = remote({"x": (3, T0 + 50, "new"), "y": (3, T0 + 50, "new")})
    result = compare(here, there, last, checksums=Answers({"x": True, "y": False}))
    assert keys(result, Group.SAME) == ["x"]
    assert keys(result, Group.CONFLICTS) == ["y"]


def test_unicode_normalisation_twins_are_clashes_never_new_files() -> None:
    nfc, nfd = "caf\u00e9.txt", "cafe\u0301.txt"
    here = local(**{nfd: (4, T0)})
    there = remote({nfc: (4, T0, "e")})
    result = compare(here, there, None)
    assert result.count(Group.ONLY_LOCAL) == result.count(Group.ONLY_REMOTE) == 0
    clashes = {(i.key, i.why, i.twins, i.local is not None) for i in
               result.groups[Group.NAME_CLASHES]}
    assert clashes == {(nfd, Why.UNICODE_TWIN, (nfc,), True),
                       (nfc, Why.UNICODE_TWIN, (nfd,), False)}


def test_case_twins_beside_an_exact_match() -> None:
    here = local(**{"docs__a.txt": (1, T0), "docs__A.txt": (2, T0), "Readme": (3, T0)})
    there = remote({"docs/a.txt": (1, T0, "e"), "README": (3, T0, "f")})
    result = compare(here, there, None)
    assert keys(result, Group.SAME) == ["docs/a.txt"]  # the exact pair is compared as usual
    assert keys(result, Group.NAME_CLASHES) == ["README", "Readme", "docs/A.txt"]
    assert {i.why for i in result.groups[Group.NAME_CLASHES]} == {Why.CASE_TWIN}
    assert result.count(Group.ONLY_LOCAL) == result.count(Group.ONLY_REMOTE) == 0


def test_remote_tree_from_pages_drops_folder_markers_and_unsafe_keys() -> None:
    class Page:
        def __init__(self) -> None:
            self.keys = ["p/", "p/a", "p/sub/", "p/sub/b", "p/../x", "p/c//d", "p/./e"]
            self.sizes = [0, 1, 0, 2, 3, 4, 5]
            self.times = [T0] * 7
            self.etags = ['"e"'] * 7

    tree = remote_tree("b", "p/", [Page()])
    assert sorted(tree.entries) == ["a", "sub/b"]
    assert tree.entries["a"].etag == "e"
    assert sorted(s.key for s in tree.skipped) == ["../x", "./e", "c//d"]


def test_local_scan_lists_files_and_never_follows_links(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "top.txt").write_bytes(b"12345")
    (tmp_path / "sub" / "deeper" / "leaf").write_bytes(b"ab")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "secret").write_bytes(b"not to be listed")
    (tmp_path / "to-outside").symlink_to(outside)
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "sub" / "file-link").symlink_to(tmp_path / "top.txt")
    os.mkfifo(tmp_path / "pipe")
    tree = scan_folder(tmp_path)
    assert sorted(tree.entries) == ["sub/deeper/leaf", "top.txt"]
    top = tree.entries["top.txt"]
    assert (top.size, top.mtime_ns) == (5, (tmp_path / "top.txt").stat().st_mtime_ns)
    assert {(s.key, s.reason) for s in tree.skipped} == {
        ("to-outside", SYMLINK), ("loop", SYMLINK), ("sub/file-link", SYMLINK),
        ("pipe", SPECIAL)}
    assert tree.path_of("sub/deeper/leaf").read_bytes() == b"ab"


def test_local_scan_skips_names_that_are_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "fine").write_bytes(b"1")
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xff"), "wb") as out:
        out.write(b"2")
    tree = scan_folder(tmp_path)
    assert list(tree.entries) == ["fine"]
    assert len(tree.skipped) == 1
    assert "UTF-8" in tree.skipped[0].reason


def test_local_checksums_use_the_md5_etag_and_notice_a_changed_file(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"hello")
    etag = hashlib.md5(b"hello", usedforsecurity=False).hexdigest()
    tree = scan_folder(tmp_path)
    source = LocalChecksums(tmp_path)
    entry = tree.entries["f"]
    assert md5_etag(etag)
    assert not md5_etag(etag + "-2")
    assert source.wants(RemoteEntry("f", 5, T0, etag))
    assert not source.wants(RemoteEntry("f", 5, T0, etag[:30] + "-2"))  # no HEAD source
    assert source.same_bytes(entry, RemoteEntry("f", 5, T0, etag)) is True
    assert source.same_bytes(entry, RemoteEntry("f", 5, T0, "0" * 32)) is False
    (tmp_path / "f").write_bytes(b"hello, longer")  # changed since the scan: no verdict
    assert source.same_bytes(entry, RemoteEntry("f", 5, T0, etag)) is None


def test_pairs_and_state_are_kept_one_file_each(tmp_path: Path) -> None:
    store = PairStore(tmp_path)
    pair = SyncPair("/home/u/Photos", "conn1", "photos", "2024/", Direction.TWO_WAY,
                    ConflictRule.KEEP_BOTH, delete_on_other_side=True, watch=True, name="P")
    store.save(pair)
    state = SyncState({"a/b.jpg": SyncedEntry(10, 123, "etag", "crc=")}, last_run=5.0)
    store.save_state(pair.id, state)
    again = PairStore(tmp_path)
    assert again.pairs() == [pair]
    assert again.get(pair.id) == pair
    assert again.state(pair.id) == state
    store.save(pair)  # saving the pair alone keeps its state
    assert again.state(pair.id) == state
    files = list((tmp_path / "sync").iterdir())
    assert [f.name for f in files] == [f"{pair.id}.json"]  # no temporary left behind
    assert json.loads(files[0].read_text())["pair"]["direction"] == "two-way"
    files[0].write_text("{ damaged")
    assert again.pairs() == []
    assert again.state(pair.id) == SyncState()
    with pytest.raises(ValueError, match="not a sync pair id"):
        store.state("../../etc/passwd")
    store.delete(pair.id)
    assert not files[0].exists()


def test_listing_etags_in_both_escaped_forms() -> None:
    """Go's encoding/xml (SeaweedFS) writes the quotes as `&#34;`, others as `&quot;`."""
    page = (b'<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><IsTruncated>false'
            b"</IsTruncated>" + b"".join(
                b"<Contents><Key>k%d</Key><LastModified>2024-01-01T00:00:00Z</LastModified>"
                b"<ETag>%s</ETag><Size>1</Size></Contents>" % (i, etag)
                for i, etag in enumerate((b"&#34;ab12&#34;", b"&quot;cd34&quot;",
                                          b"&#34;a&amp;b&#34;", b"&#34;ef-2&#34;")))
            + b"</ListBucketResult>")
    assert parse_listing_columns(page, 1000).etags == ["ab12", "cd34", "a&b", "ef-2"]
