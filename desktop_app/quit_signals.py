"""Ctrl+C and a polite kill (SIGINT, SIGTERM) from the first moment the program runs.

Importing Qt and building the window take about a second. A signal in that time used to
meet Python's default handler, and a KeyboardInterrupt raised inside Qt's lazy type set-up
can be swallowed there: the signal was lost and the app ran on. Now it is noted at once and
acted on as soon as the app can quit.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType

_requested = threading.Event()
_action: Callable[[], None] | None = None


def install() -> None:
    """Note SIGINT and SIGTERM from now on (call first thing, on the main thread)."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _on_signal)


def on_quit(action: Callable[[], None]) -> bool:
    """Run `action` on every signal from now on; True when one came already."""
    global _action
    _action = action
    return _requested.is_set()


def _on_signal(_signum: int, _frame: FrameType | None) -> None:
    _requested.set()
    if _action is not None:
        _action()
