"""What the small-file lanes share: one thread running an asyncio loop, a queue, a few dozen
tasks taking transfers from it, and the engine's side of the bargain (`LaneHost`).

A thread per small file spends more CPU handing Python's GIL between threads than on the
file itself; one loop with many requests in flight does not. A lane only walks the happy
path and hands anything unusual, still running, to the engine's threaded path.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from desktop_app.transfers.state import Transfer

CLOSE_GRACE_S = 3.0
Item = TypeVar("Item")


class LaneHost(Protocol):
    """The engine's side: the same bookkeeping as its threaded workers."""

    def lane_begin(self, transfer: Transfer) -> bool:
        """QUEUED -> RUNNING; False when it is no longer to be run (paused, cancelled)."""
        ...

    def lane_handover(self, transfer: Transfer) -> None:
        """Run it (already RUNNING) on the threaded path."""
        ...

    def lane_done_all(self, transfers: list[Transfer]) -> None:
        """RUNNING -> DONE for each, with one journal write for all of them."""
        ...

    def lane_dropped(self, transfer: Transfer) -> None:
        """The lane closed before finishing it: it stays queued in the journal."""
        ...


class PerTurn(Generic[Item]):
    """Items gathered during one turn of the loop and passed on together at its end (a
    wake-up of another thread, or a journal write, per item cost more than the item's own
    work). Use on the loop's thread; `flush` also passes on what waits, at once."""

    def __init__(self, pass_on: Callable[[list[Item]], None]) -> None:
        self._pass_on = pass_on
        self._items: list[Item] = []

    def add(self, item: Item) -> None:
        self._items.append(item)
        if len(self._items) == 1:
            asyncio.get_running_loop().call_soon(self.flush)

    def flush(self) -> None:
        items, self._items = self._items, []
        if items:
            self._pass_on(items)


class LaneLoop(Generic[Item]):
    """The loop thread, started with the first item; subclasses say how an item is run
    (`_handle`) and what it has to close (`_close_io`)."""

    def __init__(self, host: LaneHost, workers: int, thread_name: str) -> None:
        self._host = host
        self._workers = max(1, workers)
        self._thread_name = thread_name
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._queue: asyncio.Queue[Item | None] | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._closing = False

    def submit(self, item: Item) -> None:
        loop, queue = self._started()
        loop.call_soon_threadsafe(queue.put_nowait, item)

    def _transfer_of(self, item: Item) -> Transfer:
        raise NotImplementedError

    async def _handle(self, item: Item) -> None:
        """Run one item to done, handed over or dropped (`lane_begin` is the subclass's)."""
        raise NotImplementedError

    async def _close_io(self) -> None:
        """Close the connections (on the loop, after the last item)."""

    def _started(self) -> tuple[asyncio.AbstractEventLoop, asyncio.Queue[Item | None]]:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                ready = threading.Event()
                self._thread = threading.Thread(target=self._serve, args=(loop, ready),
                                                name=self._thread_name, daemon=True)
                self._thread.start()
                ready.wait()
                self._loop = loop
            assert self._queue is not None
            return self._loop, self._queue

    def _serve(self, loop: asyncio.AbstractEventLoop, ready: threading.Event) -> None:
        asyncio.set_event_loop(loop)
        self._queue = asyncio.Queue()
        self._tasks = [loop.create_task(self._work()) for _ in range(self._workers)]
        ready.set()
        loop.run_forever()
        loop.close()

    async def _work(self) -> None:
        assert self._queue is not None
        while (item := await self._queue.get()) is not None:
            transfer = self._transfer_of(item)
            if self._closing:
                self._host.lane_dropped(transfer)
                continue
            try:
                await self._handle(item)
            except asyncio.CancelledError:  # closing: it stays queued in the journal
                self._host.lane_dropped(transfer)
                raise

    def close(self) -> None:
        """Stop taking work; let what runs finish or hand over, for at most a few seconds.
        Once only: a window may be closed (and the engine shut down) twice."""
        with self._lock:
            loop, closed, self._closing = self._loop, self._closing, True
        if loop is None or closed:
            return
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self._drain(), loop).result(CLOSE_GRACE_S + 1)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(CLOSE_GRACE_S)

    async def _drain(self) -> None:
        assert self._queue is not None
        for _ in self._tasks:
            self._queue.put_nowait(None)
        _done, late = await asyncio.wait(self._tasks, timeout=CLOSE_GRACE_S)
        for task in late:
            task.cancel()
        await self._close_io()
