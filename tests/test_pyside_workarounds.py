"""PySide6 6.12's `emit()` drops a reference to True each time: the app must survive it."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import desktop_app.ui
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Sender(QObject):
    ping = Signal(int)
sender = Sender()
for n in range(20000):
    sender.ping.emit(n)
print("survived")
"""


def test_many_signal_emits_do_not_abort_the_interpreter() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "survived" in done.stdout
