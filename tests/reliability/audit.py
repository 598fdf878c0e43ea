"""What each reliability scenario measures, and the one table printed at the end.

A scenario runs inside a `Box`: a parent folder holding the download target, a honeypot folder
(reached only through a symlink planted in the target) and the app's data and config folders.
After it ran, `Audit.finish` counts, whatever the outcome was:

- bytes wrongly saved: files in the target (or objects on the server) whose content is not
  the true bytes for that name, or that should not be there at all;
- files written outside the target or through a symlink (new files anywhere else in the box);
- canary-secret hits: places the canary secret key or session token turned up in (files in
  the box, captured logs, rows' texts, requests that reached the redirect target);
- leftover download temp files; multipart uploads left on the server that no journal knows.

"Survived" is: the outcome was the right one and every figure is 0.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop_app.transfers.partial import TEMP_PREFIX, TEMP_SUFFIX, temp_files
from desktop_app.transfers.rows import TransferView
from desktop_app.transfers.state import State

CANARY_SECRET = "CANARY-SECRET-5e1f0c7a9b"
CANARY_TOKEN = "CANARY-TOKEN-2d94b6e1f3"
Allowed = bytes | tuple[bytes, ...]  # the right content of a file, or each right one
RETRIED = re.compile(r"will be retried|retrying", re.IGNORECASE)


@dataclass
class Figures:
    name: str
    survived: bool = False
    outcome: str = "did not finish"
    wrong_bytes: int = 0
    outside: int = 0
    canary: int = 0
    temps: int = 0
    orphans: int = 0
    why: str = ""

    def counts(self) -> dict[str, int]:
        return {"bytes wrongly saved": self.wrong_bytes, "files outside": self.outside,
                "canary hits": self.canary, "temp files left": self.temps,
                "orphan uploads": self.orphans}


RESULTS: list[Figures] = []


class Box:
    """The folders of one scenario under pytest's `tmp_path`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.parent = root / "box"
        self.target = self.parent / "target"
        self.honeypot = self.parent / "honeypot"
        self.data = root / "data"
        self.config = root / "config"
        self.src = root / "src"  # what a scenario uploads, and its other props
        for folder in (self.target, self.honeypot, self.data, self.config, self.src):
            folder.mkdir(parents=True, exist_ok=True)
        self.before = set(_files(root))

    def plant_symlink(self, relative: str) -> Path:
        """A folder link inside the target that points at the honeypot."""
        link = self.target / relative
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(self.honeypot, target_is_directory=True)
        return link

    def saved(self) -> dict[str, bytes]:
        """Regular files in the target (not through links), by path relative to it."""
        found = {}
        for path in _files(self.target):
            temp = path.name.startswith(TEMP_PREFIX) and path.name.endswith(TEMP_SUFFIX)
            if path.is_file() and not path.is_symlink() and not temp:
                found[path.relative_to(self.target).as_posix()] = path.read_bytes()
        return found


def _files(top: Path) -> list[Path]:
    """Every file below `top`, without following links (links count as entries)."""
    found = []
    for folder, dirs, files in os.walk(top):
        found += [Path(folder) / name for name in files]
        found += [Path(folder) / name for name in dirs if (Path(folder) / name).is_symlink()]
    return found


def clear(text: str) -> bool:
    """A message that says what happened and what to do: two sentences or more, and not
    the promise of a retry on a row that has stopped for good."""
    sentences = re.findall(r"[.!?](?:\s|$)", text.strip())
    return len(sentences) >= 2 and not RETRIED.search(text) \
        and "Unexpected error" not in text and "Traceback" not in text


def refused(text: str) -> bool:
    """A name refused before anything was fetched: the reason is enough (there is nothing
    the user could retry)."""
    return len(text) > 20 and not RETRIED.search(text) and "Unexpected error" not in text


def judge(rows: Sequence[TransferView], done: Iterable[str] = (), fail: Iterable[str] = (),
          either: Iterable[str] = ()) -> tuple[bool, str]:
    """Rows by key: `done` must end Done, `fail` must be refused with the reason or fail
    with a clear message, `either` may do both. Returns (right, what happened in short)."""
    by_key = {r.key: r for r in rows}
    problems: list[str] = []
    tally: dict[str, int] = {}
    for key, allowed in [(k, "done") for k in done] + [(k, "fail") for k in fail] + [
            (k, "either") for k in either]:
        row = by_key.get(key)
        state = row.state.value if row is not None else "missing"
        tally[state] = tally.get(state, 0) + 1
        if row is None:
            problems.append(f"{key!r}: no row")
        elif row.state is State.DONE:
            if allowed == "fail":
                problems.append(f"{key!r}: Done, should have failed")
        elif row.state in (State.FAILED, State.SKIPPED):
            if allowed == "done":
                problems.append(f"{key!r}: {state} ({row.error[:90]})")
            elif not (clear(row.error) or (row.state is State.SKIPPED and refused(row.error))):
                problems.append(f"{key!r}: unclear message “{row.error[:90]}”")
        else:
            problems.append(f"{key!r}: left {state}")
    account = ", ".join(f"{n} {s}" for s, n in sorted(tally.items()))
    return not problems, account + ("; " + "; ".join(problems) if problems else "")


@dataclass
class Audit:
    figures: Figures
    box: Box
    capfd: pytest.CaptureFixture[str]
    caplog: pytest.LogCaptureFixture
    # Kept out of repr: a failing test's report must not print the secrets it looks for.
    canaries: list[str] = field(default_factory=lambda: [CANARY_SECRET, CANARY_TOKEN],
                                repr=False)

    def finish(self, right: bool, outcome: str, *, local: Mapping[str, Allowed] | None = None,
               remote: tuple[Mapping[str, bytes], Mapping[str, Allowed]] | None = None,
               uploads: Iterable[str] = (), texts: Iterable[str] = (),
               elsewhere: Iterable[str] = ()) -> None:
        """Measure everything, record it, then fail the test unless the scenario survived.

        `local`: the files the target may hold, with their true bytes (pre-existing ones
        included; a tuple when either of some contents is right); `remote`: (objects found,
        objects that may be there) by key; `uploads`: ids of unfinished multipart uploads on
        the server; `texts`: rows' messages and other text shown to the user; `elsewhere`:
        what reached a host it should not have.
        """
        f = self.figures
        f.outcome = outcome
        if local is not None:
            f.wrong_bytes += _wrong(self.box.saved(), local)
        if remote is not None:
            f.wrong_bytes += _wrong(*remote)
        f.outside = self._outside()
        f.temps = len(temp_files(self.box.root))
        f.orphans = len(set(uploads) - self._journalled())
        f.canary = self._canary_hits([*texts], [*elsewhere])
        bad = {name: n for name, n in f.counts().items() if n}
        f.survived = right and not bad
        if not f.survived:
            f.why = outcome if not right else ", ".join(f"{n} {name}" for name, n in bad.items())
        assert right, f"wrong outcome: {outcome}"
        assert not bad, f"figures not 0: {bad}"

    def _outside(self) -> int:
        new = set(_files(self.box.root)) - self.box.before
        inside = (self.box.target, self.box.data, self.box.config, self.box.src)
        count = 0
        for path in new:
            if any(path.is_relative_to(folder) for folder in inside):
                continue
            count += 1
        return count

    def _journalled(self) -> set[str]:
        ids: set[str] = set()
        for path in self.box.data.rglob("*.sqlite3"):
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                ids |= {row[0] for row in db.execute("SELECT upload_id FROM uploads")}
            except sqlite3.OperationalError:
                pass
            finally:
                db.close()
        return ids

    def _canary_hits(self, texts: list[str], elsewhere: list[str]) -> int:
        out, err = self.capfd.readouterr()
        print(out, end="")  # back into the capture, so a failure still shows it
        print(err, end="")
        logs = [out, err, self.caplog.text]
        hits = sum(1 for text in logs + texts + elsewhere
                   if any(c in text for c in self.canaries))
        needles = [c.encode() for c in self.canaries]
        for path in _files(self.box.root):  # the scenario's own sources (bait) aside
            if path.is_file() and not path.is_symlink() and not path.is_relative_to(
                    self.box.src):
                with open(path, "rb") as handle:
                    content = handle.read()
                hits += any(n in content for n in needles)
        return hits


def _wrong(found: Mapping[str, bytes], allowed: Mapping[str, Allowed]) -> int:
    def right(name: str, data: bytes) -> bool:
        expected = allowed.get(name)
        return data in expected if isinstance(expected, tuple) else data == expected

    return sum(len(data) for name, data in found.items() if not right(name, data))


def table(results: Sequence[Figures]) -> list[str]:
    """The summary lines: one per scenario, a total, then why each failed one failed."""
    head = f"{'scenario':<34} {'ok':<3} {'wrong B':>9} {'outside':>7} {'canary':>6} " \
           f"{'temp':>4} {'orphan':>6}  outcome"
    lines = [head, "-" * len(head)]
    for f in results:
        lines.append(f"{f.name[:34]:<34} {'yes' if f.survived else 'NO':<3} "
                     f"{f.wrong_bytes:>9} {f.outside:>7} {f.canary:>6} {f.temps:>4} "
                     f"{f.orphans:>6}  {f.outcome[:60]}")
    total = len(results)
    lines.append("-" * len(head))
    lines.append(f"{'survived ' + str(sum(f.survived for f in results)) + ' / ' + str(total):<38}"
                 f"{sum(f.wrong_bytes for f in results):>9} "
                 f"{sum(f.outside for f in results):>7} {sum(f.canary for f in results):>6} "
                 f"{sum(f.temps for f in results):>4} {sum(f.orphans for f in results):>6}")
    failed = [f for f in results if not f.survived]
    if failed:
        lines.append("")
        lines.append("why:")
        lines += [f"  {f.name}: {(f.why or f.outcome)[:200]}" for f in failed]
    return lines
