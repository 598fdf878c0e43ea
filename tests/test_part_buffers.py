"""Upload part buffers are lent by the byte budget and reused (see `transfers.budget`), and
go back to the system once nothing is held."""

from __future__ import annotations

from desktop_app.transfers.budget import ByteBudget


def test_a_buffer_is_reused_by_the_next_holder_while_others_hold() -> None:
    budget = ByteBudget(100)
    with budget.hold(10):  # another worker's part keeps the budget in use
        with budget.buffer(40) as first:
            assert len(first) == 40
            first[:3] = b"abc"
            assert budget.used == 50
            block = first.obj
        assert budget.spare_bytes == 40
        with budget.buffer(30) as second:  # a smaller last part fits the spare
            assert len(second) == 30
            assert second.obj is block
            assert budget.spare_bytes == 0
        with budget.buffer(60) as third:  # nothing that big is spare: a new one
            assert third.obj is not block
    assert budget.used == 0
    assert budget.spare_bytes == 0  # nothing held: the spares went back


def test_spares_never_exceed_the_cap() -> None:
    budget = ByteBudget(50)
    with budget.hold(5):
        with budget.buffer(40):
            pass
        with budget.buffer(45) as bigger:  # the spare is too small: a new one
            assert len(bigger) == 45
        assert budget.spare_bytes == 40  # 40 + 45 would be over the cap: not kept


def test_a_failure_inside_gives_the_buffer_back() -> None:
    budget = ByteBudget(100)
    with budget.hold(1):
        try:
            with budget.buffer(20):
                raise OSError("read failed")
        except OSError:
            pass
        assert budget.used == 1
        assert budget.spare_bytes == 20
