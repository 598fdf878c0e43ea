"""The download lane's byte budget (lane_bytes): many small files at once, few large ones,
first come first served."""

from __future__ import annotations

import asyncio

from desktop_app.transfers.lane_bytes import LaneBytes


def test_small_takes_run_at_once_and_a_large_one_waits_its_turn() -> None:
    async def scenario() -> list[str]:
        budget = LaneBytes(100)
        order: list[str] = []

        async def hold(name: str, size: int, until: asyncio.Event) -> None:
            taken = await budget.take(size)
            order.append(f"{name} in")
            await until.wait()
            budget.give(taken)

        small_done, big_done, late_done = asyncio.Event(), asyncio.Event(), asyncio.Event()
        tasks = [asyncio.create_task(hold(f"s{n}", 30, small_done)) for n in range(3)]
        tasks.append(asyncio.create_task(hold("big", 60, big_done)))
        await asyncio.sleep(0)
        tasks.append(asyncio.create_task(hold("late", 5, late_done)))  # fits, but after big
        for _ in range(3):
            await asyncio.sleep(0)
        assert budget.used == 90
        order.append("smalls end")
        small_done.set()
        for _ in range(5):
            await asyncio.sleep(0)
        assert budget.used == 65  # big and late, once the three smalls gave theirs back
        big_done.set()
        late_done.set()
        await asyncio.gather(*tasks)
        assert budget.used == 0
        return order

    order = asyncio.run(scenario())
    assert order == ["s0 in", "s1 in", "s2 in", "smalls end", "big in", "late in"]


def test_a_file_larger_than_the_budget_takes_all_of_it_and_a_cancelled_waiter_none() -> None:
    async def scenario() -> None:
        budget = LaneBytes(50)
        assert await budget.take(80) == 50  # alone, it still runs
        waiter = asyncio.create_task(budget.take(10))
        await asyncio.sleep(0)
        waiter.cancel()
        await asyncio.sleep(0)
        budget.give(50)
        assert budget.used == 0  # the cancelled waiter was not counted
        assert await budget.take(0) == 0

    asyncio.run(scenario())
