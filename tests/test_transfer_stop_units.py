"""Unit tests of stopping and wording without a server: the bandwidth limiter wakes on a pause
or a cancel, a row's text says "will be retried" only while it is retrying."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest

from desktop_app.core.errors import Cancelled
from desktop_app.core.transfer_errors import TransientError
from desktop_app.transfers.bandwidth import TokenBucket
from desktop_app.transfers.context import Context, failure_text
from desktop_app.transfers.options import MiB, TransferOptions
from desktop_app.transfers.retry import RetryPolicy
from desktop_app.transfers.state import Direction, Paused, State, Transfer


class FakeClock:
    """Time that moves only when told to: nothing here really sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_stop_wakes_the_limiter_and_gives_its_tokens_back() -> None:
    clock = FakeClock()
    asked: list[float] = []

    def stopped_while_waiting(event: threading.Event, seconds: float) -> bool:
        asked.append(seconds)
        event.set()  # a pause or a cancel arrives during the wait
        return True

    def never(_event: threading.Event, seconds: float) -> bool:
        raise AssertionError(f"waited {seconds} s with tokens to spare")

    bucket = TokenBucket(rate=1000, burst=1000, clock=clock, wait=stopped_while_waiting)
    stop = threading.Event()
    assert bucket.consume(1000, stop)  # the burst: no wait at all
    assert not bucket.consume(5000, stop)  # 5 s to wait; the stop ends it at once
    assert asked == [5.0]
    assert not bucket.consume(10, stop)  # already stopped: not even a reservation
    assert asked == [5.0]
    clock.now += 1.0  # one second's tokens: had the stopped 5000 stayed taken, it would wait
    bucket._wait = never
    assert bucket.consume(1000, threading.Event())


def test_a_limiter_wait_of_hours_ends_when_the_transfer_is_cancelled() -> None:
    options = TransferOptions(bandwidth_limit=1)
    ctx = Context(None, options, None, limiter=TokenBucket(rate=1, burst=1))  # type: ignore[arg-type]
    transfer = Transfer(Direction.DOWNLOAD, "b", "k", Path("k"), state=State.RUNNING)
    outcome: list[BaseException] = []

    def work() -> None:
        try:
            ctx.throttle(transfer, 10 * MiB)  # ten million seconds at 1 B/s
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    time.sleep(0.05)
    transfer.request_cancel()
    worker.join(10)
    assert not worker.is_alive()
    assert isinstance(outcome[0], Cancelled)

    paused = Transfer(Direction.UPLOAD, "b", "k", Path("k"), state=State.RUNNING)
    paused.request_pause()
    with pytest.raises(Paused):
        ctx.throttle(paused, 10 * MiB)


def test_retry_texts_say_it_will_be_retried_only_while_it_will() -> None:
    transfer = Transfer(Direction.UPLOAD, "b", "k", Path("k"), state=State.RUNNING)
    shown: list[tuple[State, str]] = []  # what the row says while it waits for a retry
    options = TransferOptions(retry=RetryPolicy(attempts=3, rng=random.Random(5)))
    ctx = Context(None, options, None,  # type: ignore[arg-type]
                  sleep=lambda _e: lambda _s: shown.append((transfer.state, transfer.error)))

    def down() -> None:
        raise TransientError("The server could not upload “k” right now (SlowDown).",
                             "Wait a little, or check the server.")

    with pytest.raises(TransientError) as caught:
        ctx.with_retry(transfer, down)
    assert caught.value.tries == 3
    assert [state for state, _text in shown] == [State.RETRYING, State.RETRYING]
    assert all("will be retried" in text for _state, text in shown)
    assert all("SlowDown" in text for _state, text in shown)

    final = failure_text(caught.value)
    assert "will be retried" not in final
    assert "SlowDown" in final
    assert "failed after 3 tries" in final
    assert "press Retry" in final
    transfer.transition(State.FAILED, final)
    assert transfer.error == final


def test_a_row_back_at_work_after_a_retry_no_longer_says_it_will_be_retried() -> None:
    for after_retry in (State.RUNNING, State.PAUSED, State.CANCELLED):
        transfer = Transfer(Direction.UPLOAD, "b", "k", Path("k"), state=State.RUNNING)
        transfer.transition(State.RETRYING, "The connection broke. It will be retried in 1 s.")
        transfer.transition(after_retry)
        assert transfer.error == ""


def test_a_failure_that_was_never_retried_is_told_plainly() -> None:
    once = TransientError("The server ended the download of “k” early.",
                          "Check your network connection.")
    text = failure_text(once)
    assert text.startswith("The server ended the download of “k” early.")
    assert "tries" not in text
    assert "will be retried" not in text
    assert "press Retry" in text
