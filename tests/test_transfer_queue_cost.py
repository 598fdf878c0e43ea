"""What the window's process does per row while transfers run: rows cross from the engine
process as plain tuples, an engine with nothing new costs the queue no row update, and
rows off screen are not repainted (a changed row on screen still is)."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

from desktop_app.transfers.rows import TransferView, decode, encode
from desktop_app.transfers.state import Direction, State


def view(tid: int = 7, **changes: object) -> TransferView:
    base = TransferView(tid, 3, Direction.DOWNLOAD, "photos", "2024/a.jpg",
                        Path("/home/u/Downloads/a.jpg"), "a.jpg", 5 * 2**30 + 1, 123,
                        State.RUNNING, "", "Checksumming", False, "", "")
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_a_row_survives_the_pipe_field_for_field_as_plain_values() -> None:
    for original in (view(), view(state=State.FAILED, error="Access denied.\nAsk.",
                                  denied=True, phase=""),
                     view(state=State.DONE, verified_by="CRC64NVME", done_bytes=5 * 2**30 + 1),
                     view(direction=Direction.UPLOAD, local_path=Path("."),
                          source="https://example.com/a.jpg")):
        raw = pickle.loads(pickle.dumps(encode(original)))  # noqa: S301 - our own bytes
        assert all(type(value) in (int, str, bool) for value in raw)
        assert decode(raw) == original


def test_a_changed_row_keeps_the_path_object_it_had_and_takes_a_new_one_when_moved() -> None:
    old = view()
    same = decode(encode(view(done_bytes=999)), old)
    assert same.done_bytes == 999
    assert same.local_path is old.local_path
    moved = decode(encode(view(local_path=Path("/home/u/Downloads/a (1).jpg"))), old)
    assert moved.local_path == Path("/home/u/Downloads/a (1).jpg")
