"""The job log: persistence, the 200 cap, interrupted on reload, the error cap, callbacks."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from desktop_app.core.jobs import JOBS_FILE, JobLog, JobState


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        self.now += 1
        return self.now


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    log = JobLog(tmp_path, clock=Clock())
    job_id = log.start("stats", "Statistics", "photos/2024/", total=10)
    log.progress(job_id, 7, counts={"objects": 7})
    log.add_error(job_id, "photos/2024/a.jpg", "Access denied.")
    log.finish(job_id, JobState.FAILED, message="Stopped after an error.", counts={"bytes": 99})
    before = log.get(job_id)

    again = JobLog(tmp_path).get(job_id)

    assert again == before
    assert again is not None
    assert again.state is JobState.FAILED
    assert again.done == 7
    assert again.total == 10
    assert again.counts == {"objects": 7, "bytes": 99}
    assert again.errors[0].item == "photos/2024/a.jpg"
    assert again.ended is not None
    assert again.ended > again.started


def test_only_the_last_200_are_kept(tmp_path: Path) -> None:
    log = JobLog(tmp_path)
    ids = [log.start("delete", f"job {n}") for n in range(205)]
    for job_id in ids[-3:]:
        log.finish(job_id)

    kept = [job.id for job in JobLog(tmp_path).jobs()]

    assert kept == ids[5:]
    assert len(json.loads((tmp_path / JOBS_FILE).read_text())["jobs"]) == 200


def test_running_job_becomes_interrupted_on_reload(tmp_path: Path) -> None:
    log = JobLog(tmp_path)
    running = log.start("copy", "Copy 3 objects")
    finished = log.start("copy", "Copy 1 object")
    log.finish(finished)

    reloaded = JobLog(tmp_path)

    states = {job.id: job.state for job in reloaded.jobs()}
    assert states == {running: JobState.INTERRUPTED, finished: JobState.DONE}
    assert json.loads((tmp_path / JOBS_FILE).read_text())["jobs"][0]["state"] == "interrupted"
    # an interrupted job is over: a late finish from nowhere does not turn it into done
    reloaded.finish(running)
    assert reloaded.get(running).state is JobState.INTERRUPTED  # type: ignore[union-attr]


def test_errors_are_capped_with_a_count_of_the_rest(tmp_path: Path) -> None:
    log = JobLog(tmp_path, error_cap=500)
    job_id = log.start("delete", "Delete")
    for n in range(730):
        log.add_error(job_id, f"k{n}", "failed")
    log.finish(job_id)

    job = JobLog(tmp_path).get(job_id)

    assert job is not None
    assert len(job.errors) == 500
    assert job.errors_dropped == 230
    assert job.error_count == 730
    assert job.errors[-1].item == "k499"


def test_cancel_calls_the_callback_only_while_running(tmp_path: Path) -> None:
    log = JobLog(tmp_path)
    stop = threading.Event()
    reruns: list[int] = []
    job_id = log.start("stats", "Statistics", cancel=stop.set, rerun=lambda: reruns.append(1))
    assert log.can_cancel(job_id)
    assert not log.can_rerun(job_id)

    assert log.cancel(job_id)
    assert stop.is_set()
    log.finish(job_id, JobState.CANCELLED)
    log.finish(job_id, JobState.DONE)  # the second end is ignored

    assert log.get(job_id).state is JobState.CANCELLED  # type: ignore[union-attr]
    assert not log.cancel(job_id)
    assert log.rerun(job_id)
    assert reruns == [1]


def test_listeners_hear_each_change_and_threads_do_not_lose_updates(tmp_path: Path) -> None:
    log = JobLog(None)
    heard: list[str] = []
    unsubscribe = log.subscribe(heard.append)
    job_id = log.start("dupes", "Find duplicates")

    def report(base: int) -> None:
        for n in range(200):
            log.add_error(job_id, f"{base}-{n}", "x")

    threads = [threading.Thread(target=report, args=(t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    unsubscribe()
    log.finish(job_id)

    assert log.get(job_id).error_count == 800  # type: ignore[union-attr]
    assert len(heard) == 801
    assert set(heard) == {job_id}


def test_unreadable_file_starts_empty_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / JOBS_FILE).write_text("{not json")
    log = JobLog(tmp_path)
    assert log.jobs() == []
    assert "could not be read" in log.load_error


def test_params_are_kept_and_run_again_after_a_restart(tmp_path: Path) -> None:
    log = JobLog(tmp_path)
    job_id = log.start("cleanup", "Clean up", "b/", params={"bucket": "b", "days": 30})
    log.finish(job_id)
    plain = log.start("copy", "Copy")  # nothing kept to run it again
    log.finish(plain)

    ran: list[dict[str, object]] = []
    again = JobLog(tmp_path, handlers={"cleanup": lambda job: ran.append(job.params)})

    assert again.can_rerun(job_id)
    assert not again.can_rerun(plain)
    assert again.rerun(job_id)
    assert ran == [{"bucket": "b", "days": 30}]


def test_the_rerun_key_picks_the_handler_and_running_jobs_wait(tmp_path: Path) -> None:
    handlers: dict[str, object] = {}
    log = JobLog(tmp_path, handlers=handlers)  # type: ignore[arg-type]
    ran: list[str] = []
    handlers["duplicates"] = lambda job: ran.append(job.kind)
    job_id = log.start("delete", "Delete copies", params={"rerun": "duplicates"})
    assert not log.can_rerun(job_id)  # still running
    log.finish(job_id)

    assert log.rerun(job_id)
    assert ran == ["delete"]


def test_a_connection_scan_adds_up_its_buckets_for_the_jobs_panel() -> None:
    from desktop_app.storage.stats_scan import ScanProgress
    from desktop_app.ui.insight.stats_adapter import running_totals

    seen: list[tuple[int, int]] = []
    step = running_totals(lambda objects, size: seen.append((objects, size)))
    step(ScanProgress(1000, 10, "a", 0, 3))
    step(ScanProgress(1500, 15, "a", 0, 3))
    step(ScanProgress(200, 2, "b", 1, 3))  # the second bucket counts from zero
    step(ScanProgress(7, 1, "c", 2, 3))
    assert seen == [(1000, 10), (1500, 15), (1700, 17), (1707, 18)]
