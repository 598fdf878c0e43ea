"""Fast unit tests of the transfer engine's pure parts: key mapping, retry, bandwidth, state."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import Cancelled
from desktop_app.core.transfer_errors import TransientError, UnsafeKey
from desktop_app.transfers.bandwidth import TokenBucket
from desktop_app.transfers.conflicts import numbered
from desktop_app.transfers.options import MAX_PARTS, MiB, part_ranges, part_size_for
from desktop_app.transfers.paths import local_path, plan
from desktop_app.transfers.retry import RetryPolicy
from desktop_app.transfers.state import (
    Direction,
    IllegalTransition,
    Paused,
    State,
    Transfer,
)
from desktop_app.transfers.writeback import start_writeback, writeback_available

HOSTILE = [
    "../escape.txt", "a/../../escape.txt", "/etc/passwd", "C:evil.txt", "c:/windows/x",
    "back\\slash.txt", "nul\x00byte", "ctrl\x07bell", "./dot", "a/./b", "a//b", "..",
    "x" * 300,
]


@pytest.mark.parametrize("key", HOSTILE)
def test_hostile_keys_are_refused_with_a_reason(tmp_path: Path, key: str) -> None:
    with pytest.raises(UnsafeKey) as info:
        local_path(tmp_path, key)
    assert info.value.message


def test_safe_keys_map_inside_the_root(tmp_path: Path) -> None:
    assert local_path(tmp_path, "docs/é ü/file name.txt") == tmp_path / "docs/é ü/file name.txt"
    assert local_path(tmp_path, "pre/fix/a.txt", "pre/") == tmp_path / "fix/a.txt"
    assert local_path(tmp_path, "folder/") == tmp_path / "folder"


def test_plan_reports_file_folder_collisions_and_keeps_the_rest(tmp_path: Path) -> None:
    planned = {p.key: p for p in plan(tmp_path, ["a", "a/b", "c/", "c/d", "../x", "ok"])}
    assert planned["a"].path is None
    assert "both a file and a folder" in planned["a"].reason
    assert planned["a/b"].path == tmp_path / "a" / "b"
    assert planned["../x"].path is None
    assert planned["ok"].path == tmp_path / "ok"
    assert planned["c/"].path == tmp_path / "c"


def test_part_size_keeps_uploads_within_ten_thousand_parts() -> None:
    assert part_size_for(100 * MiB, 8 * MiB) == 8 * MiB
    assert part_size_for(1, 1) == 5 * MiB
    huge = 5 * 1024**4  # 5 TiB, the S3 object limit
    size = part_size_for(huge, 8 * MiB)
    assert len(part_ranges(huge, size)) <= MAX_PARTS
    ranges = part_ranges(12 * MiB + 3, 5 * MiB)
    assert [r[0] for r in ranges] == [1, 2, 3]
    assert sum(r[2] for r in ranges) == 12 * MiB + 3
    assert part_ranges(0, 5 * MiB) == [(1, 0, 0)]


def test_retry_backs_off_with_jitter_and_honours_retry_after() -> None:
    sleeps: list[float] = []
    calls = {"n": 0}

    def flaky() -> str:
        calls["n"] += 1
        if calls["n"] == 1:
            raise TransientError("503", retry_after=7.0)
        if calls["n"] < 4:
            raise TransientError("reset")
        return "ok"

    policy = RetryPolicy(attempts=5, base_delay=1.0, max_delay=3.0, rng=random.Random(1))
    assert policy.call(flaky, sleeps.append) == "ok"
    assert sleeps[0] == 7.0
    assert 0 <= sleeps[1] <= 2.0
    assert 0 <= sleeps[2] <= 3.0
    assert len(sleeps) == 3


def test_retry_gives_up_after_the_last_attempt_and_never_retries_other_errors() -> None:
    sleeps: list[float] = []

    def always() -> None:
        raise TransientError("down")

    with pytest.raises(TransientError):
        RetryPolicy(attempts=3, rng=random.Random(0)).call(always, sleeps.append)
    assert len(sleeps) == 2

    def denied() -> None:
        raise UnsafeKey("no")

    with pytest.raises(UnsafeKey):
        RetryPolicy().call(denied, sleeps.append)
    assert len(sleeps) == 2


def test_an_outage_is_waited_out_without_using_up_the_tries() -> None:
    clock = FakeClock()
    sleeps: list[float] = []
    calls = {"n": 0}

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        clock.sleep(seconds)

    def network_back_after_40_tries() -> str:
        calls["n"] += 1
        if calls["n"] == 1:
            raise TransientError("reset")  # a counted try
        if calls["n"] <= 40:
            raise TransientError("unreachable", outage=True)
        return "ok"

    policy = RetryPolicy(attempts=2, base_delay=1.0, max_delay=20.0, outage_s=3600,
                         rng=random.Random(2), clock=clock)
    assert policy.call(network_back_after_40_tries, sleep) == "ok"
    assert len(sleeps) == 40
    assert max(sleeps) <= 20.0

    def down_for_good() -> None:
        raise TransientError("unreachable", outage=True)

    short = RetryPolicy(attempts=2, max_delay=20.0, outage_s=300, rng=random.Random(3),
                        clock=clock)
    start, sleeps[:] = clock.now, []
    with pytest.raises(TransientError, match="unreachable"):
        short.call(down_for_good, sleep)
    assert 300 <= clock.now - start <= 320  # gave up once the outage outlasted its limit
    assert len(sleeps) > 2

    sleeps.clear()
    with pytest.raises(TransientError):  # 0: no waiting for the server, the usual tries
        RetryPolicy(attempts=3, outage_s=0, rng=random.Random(4)).call(down_for_good, sleep)
    assert len(sleeps) == 2


def test_server_errors_while_a_server_warms_up_after_an_outage_do_not_use_up_the_tries() -> None:
    """A restarted server answers 500 for a few seconds while its volumes come back; those
    answers belong to the outage, not to the transfer's tries (they failed downloads)."""
    clock = FakeClock()
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        clock.sleep(seconds)

    answers = ["outage"] * 3 + ["500"] * 8 + ["ok"]

    def restarting() -> str:
        answer = answers.pop(0)
        if answer == "outage":
            raise TransientError("unreachable", outage=True)
        if answer == "500":
            raise TransientError("InternalError")
        return "ok"

    policy = RetryPolicy(attempts=3, base_delay=0.5, max_delay=2.0, outage_s=600,
                         warmup_s=60, rng=random.Random(5), clock=clock)
    assert policy.call(restarting, sleep) == "ok"
    assert len(sleeps) == 11

    # Another transfer that starts while the server still warms up gets the same grace...
    later = ["500"] * 5 + ["ok"]

    def still_warming() -> str:
        if later.pop(0) == "500":
            raise TransientError("InternalError")
        return "ok"

    assert policy.call(still_warming, sleep) == "ok"

    # ...but once the warm-up has passed, server errors count as tries again.
    clock.sleep(61)

    def broken() -> None:
        raise TransientError("InternalError")

    sleeps.clear()
    with pytest.raises(TransientError) as info:
        policy.call(broken, sleep)
    assert len(sleeps) == 2
    assert info.value.tries == 3


def test_only_a_server_that_does_not_answer_counts_as_an_outage() -> None:
    import ssl

    from urllib3.exceptions import MaxRetryError, NewConnectionError, SSLError

    from desktop_app.core.errors import ServerUnreachable
    from desktop_app.storage.error_text import network_error

    def mapped(reason: Exception) -> Exception:
        return network_error(MaxRetryError(None, "/", reason), "upload", "h:9000", "h",  # type: ignore[arg-type]
                             str)

    refused = NewConnectionError(None, "refused")  # type: ignore[arg-type]
    refused.__context__ = ConnectionRefusedError()
    assert isinstance(mapped(refused), ServerUnreachable)
    assert isinstance(mapped(TimeoutError()), ServerUnreachable)
    assert not isinstance(mapped(SSLError(ssl.SSLError("bad certificate"))), ServerUnreachable)


def test_a_pause_wakes_a_worker_waiting_out_a_retry() -> None:
    import threading
    import time

    from desktop_app.transfers.context import Context
    from desktop_app.transfers.options import TransferOptions
    from desktop_app.transfers.state import Direction, Paused, Transfer

    options = TransferOptions(retry=RetryPolicy(attempts=2, base_delay=600, max_delay=600))
    ctx = Context(None, options, None)  # type: ignore[arg-type]
    transfer = Transfer(Direction.UPLOAD, "b", "k", Path("k"), state=State.RUNNING)
    outcome: list[BaseException] = []

    def down() -> None:
        raise TransientError("unreachable", outage=True)

    def work() -> None:
        try:
            ctx.with_retry(transfer, down)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    deadline = time.monotonic() + 5
    while transfer.state is not State.RETRYING and time.monotonic() < deadline:
        time.sleep(0.01)
    assert "Waiting for the server" in transfer.error
    transfer.request_pause()
    worker.join(5)
    assert not worker.is_alive()  # not after the ten-minute backoff
    assert isinstance(outcome[0], Paused)


def test_a_server_that_answers_again_wakes_the_waiting_workers_at_once() -> None:
    """Both ways out of an outage wait: the server's port answering, and a pause; without
    either it is waited out in full (and the watch's thread ends with the last waiter)."""
    import threading
    import time

    from desktop_app.transfers.context import Context
    from desktop_app.transfers.options import TransferOptions
    from desktop_app.transfers.state import Direction, Transfer

    class Storage:
        def __init__(self) -> None:
            self.up = False
            self.calls = 0

        def reachable(self) -> bool:
            return self.up

        def call(self) -> str:
            self.calls += 1
            if not self.up:
                raise TransientError("unreachable", outage=True)
            return "sent"

    storage = Storage()
    options = TransferOptions(retry=RetryPolicy(attempts=2, base_delay=600, max_delay=600),
                              server_probe_s=0.05)
    ctx = Context(storage, options, None)  # type: ignore[arg-type]
    assert ctx.watch is not None
    transfer = Transfer(Direction.UPLOAD, "b", "k", Path("k"), state=State.RUNNING)
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(ctx.with_retry(transfer,
                                                                            storage.call)))
    worker.start()
    deadline = time.monotonic() + 5
    while transfer.state is not State.RETRYING and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)  # several probes find nothing: still waiting
    assert worker.is_alive()
    assert storage.calls == 1
    storage.up = True
    worker.join(5)
    assert not worker.is_alive()  # not after the ten-minute backoff
    assert outcome == ["sent"]
    assert storage.calls == 2

    storage.up = False
    stop = threading.Event()
    started = time.monotonic()
    ctx.watch.wait(0.3, stop)  # nobody answers: waited out in full
    assert time.monotonic() - started >= 0.3
    stop.set()  # a pause or a cancel
    started = time.monotonic()
    ctx.watch.wait(600, stop)
    assert time.monotonic() - started < 5
    time.sleep(0.2)
    assert not any(t.name == "transfer-watch" for t in threading.enumerate())


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_token_bucket_limits_the_average_rate() -> None:
    clock = FakeClock()
    bucket = TokenBucket(rate=1000, burst=1000, clock=clock, sleep=clock.sleep)
    for _ in range(10):
        bucket.consume(500)
    # 5000 bytes at 1000 B/s with a 1000 B burst: 4 s of waiting.
    assert clock.now == pytest.approx(4.0)


def test_state_machine_rejects_illegal_transitions_and_unwinds_workers() -> None:
    t = Transfer(Direction.UPLOAD, "b", "k", Path("/tmp/x"))
    t.transition(State.RUNNING)
    t.transition(State.DONE)
    with pytest.raises(IllegalTransition):
        t.transition(State.RUNNING)
    t2 = Transfer(Direction.DOWNLOAD, "b", "k", Path("/tmp/x"))
    t2.pause_event.set()
    with pytest.raises(Paused):
        t2.checkpoint()
    t2.cancel_event.set()
    with pytest.raises(Cancelled):
        t2.checkpoint()
    t2.transition(State.CANCELLED)
    t2.transition(State.QUEUED)  # retry by hand clears the signals
    assert not t2.cancel_event.is_set()
    assert t2.error == ""


def test_keep_both_names() -> None:
    assert numbered("report.pdf", 1) == "report (1).pdf"
    assert numbered("README", 2) == "README (2)"


def test_download_front_hashes_and_saves_in_order_whatever_order_ranges_finish(
        tmp_path: Path) -> None:
    import hashlib
    import os

    from desktop_app.transfers.front import DownloadFront

    data = os.urandom(3 * 1024 * 1024 + 17)
    path = tmp_path / "f"
    path.write_bytes(data)
    fd = os.open(path, os.O_RDONLY)
    try:
        saved: list[int] = []
        step = 1024 * 1024
        front = DownloadFront(fd, len(data), hashlib.sha256(), saved.append, save_step=2 * step)
        ranges = [(o, min(step, len(data) - o)) for o in range(0, len(data), step)]
        for offset, length in reversed(ranges):
            front.complete(offset, length)
        assert front.finish() == hashlib.sha256(data).hexdigest()
        assert saved == [2 * step]  # every two ranges; the end is the rename's, not the journal's
        unhashed = DownloadFront(fd, len(data), None, saved.append, save_step=step)
        for offset, length in ranges:
            unhashed.complete(offset, length)
        assert unhashed.finish() is None
        assert saved[1:] == [step, 2 * step, 3 * step]
        now = [0.0]
        paced: list[int] = []
        timed = DownloadFront(fd, len(data), None, paced.append, save_step=1,
                              save_interval=2.0, clock=lambda: now[0])
        timed.complete(0, step)
        now[0] = 2.0
        timed.complete(step, step)
        timed.complete(2 * step, step)
        timed.complete(3 * step, len(data) - 3 * step)
        timed.finish()
        assert paced[0] in (step, 2 * step)  # the first range seen after two seconds
        assert len(paced) == 1  # then no more within the next two
        stopped = DownloadFront(fd, len(data), hashlib.sha256())
        stopped.complete(step, step)  # the front never arrives: stop() must not hang
        stopped.stop()
    finally:
        os.close(fd)


def test_byte_budget_caps_memory_but_lets_a_big_request_run_alone() -> None:
    import threading

    from desktop_app.transfers.budget import ByteBudget

    budget = ByteBudget(10)
    with budget.hold(8):
        entered = threading.Event()

        def second() -> None:
            with budget.hold(5):
                entered.set()

        worker = threading.Thread(target=second)
        worker.start()
        assert not entered.wait(0.3)
    worker.join(5)
    assert entered.is_set()
    with budget.hold(50):  # larger than the cap: runs alone
        assert budget.used == 50
    assert budget.used == 0


def test_transfer_settings_file(tmp_path: Path) -> None:
    import json

    from desktop_app.core.errors import ConfigError
    from desktop_app.transfers.options import ConflictPolicy
    from desktop_app.transfers.settings import FILE_NAME, POOL_SIZE, load_options

    assert load_options(tmp_path).conflict is ConflictPolicy.KEEP_BOTH  # no file: defaults
    (tmp_path / FILE_NAME).write_text(json.dumps({
        "files_at_once": 24, "parts_per_file": 8, "part_size_mib": 16,
        "bandwidth_limit_mib_s": 10, "conflict": "skip-if-identical",
        "wait_for_server_min": 90}))
    options = load_options(tmp_path)
    assert options.retry.outage_s == 90 * 60
    assert (options.files_at_once, options.parts_per_file) == (24, 8)
    assert options.part_size == 16 * MiB
    assert options.bandwidth_limit == 10 * MiB
    assert options.conflict is ConflictPolicy.SKIP_IF_IDENTICAL
    assert options.files_at_once + options.part_workers <= POOL_SIZE
    (tmp_path / FILE_NAME).write_text(json.dumps({"conflict": "maybe"}))
    with pytest.raises(ConfigError, match="must be one of"):
        load_options(tmp_path)
    (tmp_path / FILE_NAME).write_text(json.dumps({"files_at_once": 0}))
    with pytest.raises(ConfigError, match="whole number"):
        load_options(tmp_path)
    (tmp_path / FILE_NAME).write_text("{not json")
    with pytest.raises(ConfigError, match="cannot be read"):
        load_options(tmp_path)


def test_upload_content_type_prefers_the_extension_then_libmagic() -> None:
    from desktop_app.storage.sample_data import png_bytes
    from desktop_app.transfers.upload import content_type_for

    def never() -> bytes:
        raise AssertionError("libmagic not needed when the extension names the type")

    assert content_type_for("photo.png", never) == "image/png"
    assert content_type_for("notes.txt", never) == "text/plain"
    assert content_type_for("no-extension", lambda: png_bytes(4, 4)) == "image/png"


def test_mmap_threshold_is_pinned_on_glibc() -> None:
    import sys

    from desktop_app.transfers.memory import fix_mmap_threshold

    assert fix_mmap_threshold() is sys.platform.startswith("linux")
    assert fix_mmap_threshold() is sys.platform.startswith("linux")  # idempotent


def test_worker_threads_can_run_at_lower_priority() -> None:
    import os

    from desktop_app.transfers.engine import TransferEngine
    from desktop_app.transfers.options import TransferOptions

    engine = TransferEngine(object(), TransferOptions(worker_niceness=7))  # type: ignore[arg-type]
    mine = os.getpriority(os.PRIO_PROCESS, 0)

    def niceness() -> int:
        import threading

        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    assert engine._files.submit(niceness).result() == mine + 7
    assert os.getpriority(os.PRIO_PROCESS, 0) == mine  # the calling (GUI) thread is untouched
    engine.shutdown()


def test_writeback_hint_is_taken_on_linux_and_harmless_on_an_empty_range(tmp_path: Path) -> None:
    fd = os.open(tmp_path / "f.bin", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        os.write(fd, b"x" * (3 * MiB))
        assert writeback_available() == sys.platform.startswith("linux")
        assert start_writeback(fd, 0, 3 * MiB) == writeback_available()
        assert start_writeback(fd, 5, 5) is False  # nothing to write
    finally:
        os.close(fd)
    assert (tmp_path / "f.bin").stat().st_size == 3 * MiB


class _NoHost:
    def lane_begin(self, transfer: Transfer) -> bool:
        raise AssertionError("nothing may start")

    lane_handover = lane_done_all = lane_dropped = lane_begin


def test_the_small_lane_takes_only_small_plain_first_downloads() -> None:
    from desktop_app.storage.object_fetch import ObjectFetcher
    from desktop_app.transfers.small_lane import SmallDownloads

    def fetcher(connections: int) -> ObjectFetcher:
        return ObjectFetcher(ConnectionSettings(name="x", host="127.0.0.1", port=1,
                                                secure=False, access_key="a", secret_key="b"),
                             lambda b, k: "http://127.0.0.1:1/", connections)

    lane = SmallDownloads(fetcher, _NoHost(), 4, MiB)
    small = Transfer(Direction.DOWNLOAD, "b", "k", Path("/tmp/k"), MiB)
    assert lane.takes(small)
    assert not lane.takes(Transfer(Direction.DOWNLOAD, "b", "k", Path("/tmp/k"), MiB + 1))
    assert not lane.takes(Transfer(Direction.UPLOAD, "b", "k", Path("/tmp/k"), 10))
    assert not lane.takes(Transfer(Direction.DOWNLOAD, "b", "d/", Path("/tmp/d"), 0))
    small.attempts = 1  # retried by hand: the threaded path, with its retries and messages
    assert not lane.takes(small)


def test_a_lane_whose_fetcher_cannot_be_built_takes_nothing(tmp_path: Path) -> None:
    from desktop_app.storage.object_fetch import ObjectFetcher
    from desktop_app.transfers.small_lane import SmallDownloads

    def fetcher(connections: int) -> ObjectFetcher:
        settings = ConnectionSettings(name="x", host="127.0.0.1", port=1, access_key="a",
                                      secret_key="b", secure=True,
                                      ca_bundle=str(tmp_path / "missing.pem"))
        return ObjectFetcher(settings, lambda b, k: "", connections)

    lane = SmallDownloads(fetcher, _NoHost(), 4, MiB)
    assert not lane.takes(Transfer(Direction.DOWNLOAD, "b", "k", Path("/tmp/k"), 10))
    lane.close()


def test_a_stream_starts_writeback_every_step_from_where_it_began(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.transfers import writeback

    started: list[tuple[int, int, int]] = []
    monkeypatch.setattr(writeback, "start_writeback",
                        lambda fd, start, end: started.append((fd, start, end)) or True)
    stream = writeback.Writeback(7, start=10, step=4)
    for end in (12, 13, 14, 15, 17, 18, 30):
        stream.wrote(end)
    assert started == [(7, 10, 14), (7, 14, 18), (7, 18, 30)]
