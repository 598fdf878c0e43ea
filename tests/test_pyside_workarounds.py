"""PySide6 6.12 on Python 3.11 drops a reference to None on every void call and to True on
every emit (see ui/pyside_workarounds.py): the app must survive long sessions anyway."""

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
    sender.setObjectName("x")
    app.processEvents()
print("survived")
"""


def test_many_qt_calls_and_emits_do_not_abort_the_interpreter() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "survived" in done.stdout
