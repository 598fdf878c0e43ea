"""The engine's small-file lanes (downloads: `small_lane`; uploads: `small_uploads`) and its
side of them (`LaneHost`): a lane begins, finishes or hands back a transfer with the same
bookkeeping (state, journal, listeners) as the engine's threaded workers."""

from __future__ import annotations

from concurrent.futures import Executor
from pathlib import Path

from desktop_app.transfers.context import Context
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.lane_loop import LaneHost
from desktop_app.transfers.small_lane import lane_for
from desktop_app.transfers.small_uploads import upload_lane_for
from desktop_app.transfers.state import State, Transfer


class Lanes:
    """Both lanes, each there only when the storage offers it and no bandwidth limit is
    shared (`limited`)."""

    def __init__(self, storage: object, ctx: Context, limited: bool, host: LaneHost) -> None:
        self.downloads = lane_for(storage, ctx.options, limited, host)
        self.uploads = upload_lane_for(storage, ctx, limited, host)

    def take(self, transfer: Transfer, root: Path | None, plain: bool) -> bool:
        """Hand `transfer` to a lane when one takes it (`root`: a download's folder;
        `plain`: a file of the queue, not a URL import)."""
        if not plain:
            return False
        if root is not None:
            if self.downloads is not None and self.downloads.takes(transfer):
                self.downloads.submit((transfer, root))
                return True
        elif self.uploads is not None and self.uploads.takes(transfer):
            self.uploads.submit(transfer)
            return True
        return False

    def close(self) -> None:
        """Before the pools: what the lanes hand over still has workers."""
        for lane in (self.downloads, self.uploads):
            if lane is not None:
                lane.close()


class LaneHosting:
    """`LaneHost` for the engine (called on a lane's thread), over the engine's own
    running machinery (declared here for the type checker)."""

    _files: Executor
    journal: Journal

    def _start(self, transfer: Transfer) -> bool:
        raise NotImplementedError

    def _run(self, transfer: Transfer, started: bool = False) -> None:
        raise NotImplementedError

    def _finished(self, transfer: Transfer) -> None:
        raise NotImplementedError

    def lane_begin(self, transfer: Transfer) -> bool:
        if self._start(transfer):
            return True
        self._finished(transfer)
        return False

    def lane_handover(self, transfer: Transfer) -> None:
        try:
            self._files.submit(self._run, transfer, True)
        except RuntimeError:  # the pools are shut down: the journal keeps it for next time
            self._finished(transfer)

    def lane_done_all(self, transfers: list[Transfer]) -> None:
        done: list[Transfer] = []
        for transfer in transfers:
            if transfer.state in (State.RUNNING, State.PAUSED):
                transfer.transition(State.DONE)
            if transfer.state is State.DONE and transfer.journal_id is not None:
                done.append(transfer)
        # One transaction: a DELETE each was a twentieth of a small download's time.
        self.journal.remove_many([t.journal_id for t in done if t.journal_id is not None])
        for transfer in done:
            transfer.journal_id = None
        for transfer in transfers:
            self._finished(transfer)

    def lane_dropped(self, transfer: Transfer) -> None:
        self._finished(transfer)
