"""Folder sync at scale (`make reliability`): a 2,000-file sync whose engine process is
stopped in the middle (the app quits) and a new one started from the same journal, resumed
by the pair's unfinished state; and a watched folder receiving 500 files while the server is
killed and started again."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.sync_model import PairStore, SyncPair, SyncState
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.retry import RetryPolicy
from desktop_app.transfers.sync_jobs import compare_pair, resume_pair
from desktop_app.transfers.sync_plan import make_plan
from desktop_app.transfers.sync_run import SyncRun
from desktop_app.transfers.sync_watch import FolderWatch
from tests.reliability.audit import CANARY_SECRET, Audit, Box
from tests.reliability.harness import Weed, engine_for
from tests.transfer_helpers import wait_until


@pytest.fixture(scope="module")
def weed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Weed]:
    server = Weed(tmp_path_factory.mktemp("sync-restartable"), CANARY_SECRET)
    server.start()
    yield server
    server.stop()


def objects(storage: MinioStorage, bucket: str, prefix: str) -> dict[str, bytes]:
    return {o.key[len(prefix):]: b"".join(storage.iter_chunks(bucket, o.key))
            for o in storage.iter_objects(bucket, prefix)}


def tree(root: Path, count: int) -> dict[str, bytes]:
    made = {}
    for n in range(count):
        key = f"d{n % 20:02}/f{n:04}.bin"
        data = os.urandom(500 + n % 3000)
        path = root / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        made[key] = data
    return made


def test_sync_of_2000_files_quit_in_the_middle_and_resumed(weed: Weed, box: Box,
                                                           audit: Audit) -> None:
    storage = MinioStorage(weed.settings)
    bucket = f"sync-quit-{os.urandom(3).hex()}"
    storage.make_bucket(bucket)
    made = tree(box.src, 2000)
    store = PairStore(box.data)
    pair = SyncPair(str(box.src), "conn", bucket, "mirror/")
    store.save(pair, SyncState())
    first = engine_for(storage, box.data, bandwidth_limit=1024 * 1024)
    state = store.state(pair.id)
    run = SyncRun(pair, make_plan(compare_pair(pair, storage, state), pair), first, storage,
                  store, state)
    run.start()
    wait_until(lambda: run.poll() or run.done >= 400, 120)
    first.shutdown()  # the quit
    run.poll()
    interrupted = not store.state(pair.id).finished
    second = engine_for(storage, box.data)
    try:
        second.restore()
        resumed = resume_pair(pair, storage, second, store, store.state(pair.id))
        assert resumed.wait(300)
        rows = second.snapshot()
    finally:
        second.shutdown()
    there = objects(storage, bucket, "mirror/")
    keys = [v.key for v in rows]
    twice = len(keys) - len(set(keys))
    final = store.state(pair.id)
    right = interrupted and final.finished and there == made and twice == 0 \
        and len(final.entries) == 2000 and not resumed.outcome.failed
    outcome = (f"interrupted at {run.done}/2000, resumed: {resumed.outcome.uploaded} uploaded, "
               f"{twice} queued twice, {len(final.entries)} recorded")
    audit.finish(right, outcome, remote=(there, made))
    storage.close()


def test_watched_folder_receives_500_files_while_the_server_restarts(
        weed: Weed, box: Box, audit: Audit) -> None:
    storage = MinioStorage(weed.settings)
    bucket = f"sync-watch-{os.urandom(3).hex()}"
    storage.make_bucket(bucket)
    store = PairStore(box.data)
    pair = SyncPair(str(box.src), "conn", bucket, "inbox/", watch=True)
    store.save(pair, SyncState())
    engine = engine_for(storage, box.data, retry=RetryPolicy())
    watch = FolderWatch(pair, engine, storage, store, store.state(pair.id), settle_s=1.0)
    watch.start()
    try:
        made = tree(box.src, 250)
        time.sleep(1.5)
        weed.kill()
        made |= {f"late/{k}": v for k, v in tree(box.src / "late", 250).items()}
        time.sleep(2.0)
        weed.start()
        wait_until(lambda: not watch.busy and len(watch.news.failed) + watch.news.sent >= 500,
                   300)
    finally:
        watch.stop()
        engine.shutdown()
    there = objects(storage, bucket, "inbox/")
    right = there == made and not watch.news.failed
    outcome = f"{watch.news.sent} sent, {len(watch.news.failed)} failed, {len(there)} stored"
    audit.finish(right, outcome, remote=(there, made))
    storage.close()
