"""PySide6 6.12.0 on Python 3.11 dropped a reference to None on every void call and to True on
every bool emit, killing the interpreter after a few thousand calls; 6.11.3 is pinned for that.
This guards any future upgrade: long sessions must not leak or free those singletons."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Sender(QObject):
    ping = Signal(bool)
sender = Sender()
sender.ping.connect(lambda value: None)
before = sys.getrefcount(None), sys.getrefcount(True)
for n in range(20000):
    sender.ping.emit(True)
    sender.setObjectName("x")
    app.processEvents()
after = sys.getrefcount(None), sys.getrefcount(True)
print("drift", after[0] - before[0], after[1] - before[1])
"""


def test_many_qt_calls_and_emits_keep_singleton_refcounts() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    drift_none, drift_true = (int(v) for v in done.stdout.split()[1:3])
    # A few references may come and go with caches; thousands means the bug is back.
    assert abs(drift_none) < 100
    assert abs(drift_true) < 100
