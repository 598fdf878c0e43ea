"""Hostile keys on download, served from the fake's listing (a real server refuses to store
several of them): nothing is ever written outside the chosen folder or through a symlink
planted in it, unsafe names are refused one by one with the reason, and the safe ones next
to them still arrive."""

from __future__ import annotations

import os

from desktop_app.core.errors import AppError
from desktop_app.storage.s3 import MinioStorage
from tests.hostile_s3 import HostileS3
from tests.reliability.audit import Audit, Box, clear, judge
from tests.reliability.harness import BUCKET, engine_for, errors_of, settle

MUST_ARRIVE = ["hk/fine/ok.txt", "hk/dup/child.txt"]
MUST_BE_REFUSED = [
    "hk/../escape.txt", "hk/a/../../escape2.txt", "hk//abs.txt", "hk/back\\slash.txt",
    "hk/..\\..\\bs.txt", "hk/ctl\x07bell.txt", "hk/nl\nname.txt", "hk/esc\x1b[31m.txt",
    "hk/del\x7f.txt", "hk/nul\x00.txt", "hk/" + "n" * 300, "hk/dup", "hk/twin.txt",
    "hk/link/pwn.txt",  # `link` is a symlink planted in the target
]
EITHER = [  # harmless here; saved with their own bytes or refused with a reason
    "hk/．．/fullwidth.txt", "hk/．．／fw2.txt", "hk/café.txt", "hk/cafe\u0301.txt",
    "hk/C:drive.txt", "hk/twin.txt/",
]


def test_hostile_keys_in_a_folder(hostile: HostileS3, hostile_storage: MinioStorage, box: Box,
                                  audit: Audit) -> None:
    objects = {k: (b"" if k.endswith("/") else os.urandom(100 + n))
               for n, k in enumerate(MUST_ARRIVE + MUST_BE_REFUSED + EITHER)}
    for key, data in objects.items():
        hostile.put(BUCKET, key, data)
    box.plant_symlink("hk/link")
    engine = engine_for(hostile_storage, box.data)
    call_error = ""
    try:
        try:
            engine.download_prefix(BUCKET, "hk/", box.target)
        except AppError as exc:
            call_error = exc.user_text()
        rows = settle(engine)
    finally:
        engine.shutdown()
    right, outcome = judge(rows, done=MUST_ARRIVE, fail=MUST_BE_REFUSED, either=EITHER)
    if call_error:
        right, outcome = False, f"the folder was not queued: {call_error[:100]}"
    allowed = {k: v for k, v in objects.items() if k in MUST_ARRIVE + EITHER}
    audit.finish(right, outcome, local=allowed, texts=[call_error, *errors_of(rows)])


def test_dotdot_folders(hostile: HostileS3, hostile_storage: MinioStorage, box: Box,
                        audit: Audit) -> None:
    """Folders named `..` as a listing shows them; downloading one must not mean the
    folder above the chosen one."""
    objects = {"../x.txt": b"above", "../sub/y.txt": b"above too", "sub/../z.txt": b"z"}
    for key, data in objects.items():
        hostile.put(BUCKET, key, data)
    engine = engine_for(hostile_storage, box.data)
    calls: list[str] = []
    try:
        for folder in ("../", "sub/../"):
            try:
                engine.download_prefix(BUCKET, folder, box.target)
                calls.append("")
            except AppError as exc:
                calls.append(exc.user_text())
        rows = settle(engine)
    finally:
        engine.shutdown()
    right, outcome = judge(rows, fail=[r.key for r in rows])
    queued = {r.key for r in rows}
    for folder, error, keys in zip(("../", "sub/../"), calls,
                                   (["../x.txt", "../sub/y.txt"], ["sub/../z.txt"]),
                                   strict=True):
        if error and not clear(error):
            right, outcome = False, f"{folder}: unclear “{error[:80]}”; {outcome}"
        if not error and not set(keys) <= queued:
            right, outcome = False, f"{folder}: neither refused nor queued; {outcome}"
    audit.finish(right, outcome, local={}, texts=[*calls, *errors_of(rows)])


def test_selection_with_a_file_and_its_folder(hostile: HostileS3,
                                               hostile_storage: MinioStorage, box: Box,
                                               audit: Audit) -> None:
    """Rows `dup` (a file) and `dup/` (a folder) selected together, with another folder: as
    the window queues a selection (files, then folder by folder), the clash costs at most
    those two names, never the folders after them."""
    objects = {"sel/dup": b"the file", "sel/dup/child.txt": b"in the folder",
               "sel/other/x.txt": b"another folder", "sel/plain.txt": b"a plain file"}
    for key, data in objects.items():
        hostile.put(BUCKET, key, data)
    listed = {o.key: o for o in hostile_storage.iter_objects(BUCKET, "sel/")}
    engine = engine_for(hostile_storage, box.data)
    calls: list[str] = []
    try:
        engine.download_objects(BUCKET, [listed["sel/dup"], listed["sel/plain.txt"]],
                                box.target, "sel/")
        settle(engine)  # the file `dup` is on disk when its folder comes
        for folder in ("sel/dup/", "sel/other/"):
            try:
                engine.download_prefix(BUCKET, folder, box.target)
                calls.append("")
            except AppError as exc:
                calls.append(exc.user_text())
            except Exception as exc:  # what the window's flow does not catch stops it
                calls.append(f"planning stopped: {type(exc).__name__}: {exc}")
                break
        rows = settle(engine)
    finally:
        engine.shutdown()
    right, outcome = judge(rows, done=["sel/plain.txt", "sel/other/x.txt"],
                           either=["sel/dup", "sel/dup/child.txt"])
    for folder, error in zip(("sel/dup/", "sel/other/"), calls, strict=False):
        if error and (folder == "sel/other/" or not clear(error)):
            right, outcome = False, f"{folder}: “{error[:90]}”; {outcome}"
    audit.finish(right, outcome, local={k.removeprefix("sel/"): v for k, v in objects.items()},
                 texts=[*calls, *errors_of(rows)])
