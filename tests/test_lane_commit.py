"""The small-download lane's writer thread (lane_commit): it saves what the loop fetched,
many files per flush, and hands anything unusual to the threaded path."""

from __future__ import annotations

import threading
from pathlib import Path

from desktop_app.transfers.lane_commit import Committer, Fetched
from desktop_app.transfers.partial import temp_files
from desktop_app.transfers.state import Direction, State, Transfer


class Host:
    """Records what the writer reports; `hold` keeps the first round from finishing."""

    def __init__(self) -> None:
        self.done: list[list[str]] = []
        self.handed: list[str] = []
        self.hold = threading.Event()
        self.hold.set()
        self.idle = threading.Condition()

    def lane_handover(self, transfer: Transfer) -> None:
        with self.idle:
            self.handed.append(transfer.key)
            self.idle.notify_all()

    def lane_done_all(self, transfers: list[Transfer]) -> None:
        self.hold.wait(10)
        with self.idle:
            for t in transfers:
                t.transition(State.DONE)
            self.done.append([t.key for t in transfers])
            self.idle.notify_all()

    def wait_for(self, count: int) -> None:
        with self.idle:
            assert self.idle.wait_for(
                lambda: sum(map(len, self.done)) + len(self.handed) >= count, 10)


def running(folder: Path, name: str, body: bytes) -> Fetched:
    transfer = Transfer(Direction.DOWNLOAD, "b", name, folder / name, len(body))
    transfer.transition(State.RUNNING)
    return Fetched(transfer, body, "CRC64NVME")


def test_bodies_are_saved_and_reported_done_with_their_check(tmp_path: Path) -> None:
    host, saved = Host(), []
    committer = Committer(host, saved.append)
    items = [running(tmp_path, f"f{n}.txt", f"body {n}".encode() * n) for n in range(5)]
    for item in items:
        committer.put([item])
    host.wait_for(5)
    committer.close(10)
    assert sorted(k for keys in host.done for k in keys) == [f"f{n}.txt" for n in range(5)]
    for n, item in enumerate(items):
        assert (tmp_path / f"f{n}.txt").read_bytes() == f"body {n}".encode() * n
        assert item.transfer.verified_by == "CRC64NVME"
        assert item.transfer.done_bytes == item.transfer.size
    assert temp_files(tmp_path) == []
    assert sum(saved) == sum(len(item.body) for item in items)  # all given back to the lane


def test_what_waits_during_a_slow_round_is_saved_in_one_round(tmp_path: Path) -> None:
    host, saved = Host(), []
    host.hold.clear()  # the first round "flushes" until released
    committer = Committer(host, saved.append)
    committer.put([running(tmp_path, "first.txt", b"1")])
    for n in range(10):
        committer.put([running(tmp_path, f"later{n}.txt", b"x")])
    host.hold.set()
    host.wait_for(11)
    committer.close(10)
    # Either the first body went alone and the ten waited for one round together, or all
    # eleven went at once: never a round (a flush) per file.
    assert len(host.done) <= 2, host.done
    assert saved == [len(keys) for keys in host.done]  # (bodies of one byte each)


def test_a_file_that_appeared_or_a_cancel_is_handed_over_untouched(tmp_path: Path) -> None:
    (tmp_path / "there.txt").write_bytes(b"precious")
    host = Host()
    committer = Committer(host, lambda _n: None)
    cancelled = running(tmp_path, "cancelled.txt", b"c")
    cancelled.transfer.cancel_event.set()
    committer.put([running(tmp_path, "there.txt", b"new"), cancelled])
    committer.put([running(tmp_path, "fine.txt", b"f")])
    host.wait_for(3)
    committer.close(10)
    assert sorted(host.handed) == ["cancelled.txt", "there.txt"]
    assert host.done == [["fine.txt"]]
    assert (tmp_path / "there.txt").read_bytes() == b"precious"
    assert not (tmp_path / "cancelled.txt").exists()
    assert temp_files(tmp_path) == []
