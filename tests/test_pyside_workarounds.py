"""PySide6 6.12 drops a reference to True on every Signal.emit(); the UI package pins True and
False so a long session (the transfer queue emits ~100 signals a second) cannot crash."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
{import_ui}
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class A(QObject):
    s = Signal(int)
a = A()
for _ in range(300_000):
    a.s.emit(1)
print("survived", flush=True)
"""


def test_many_emits_do_not_crash_the_interpreter() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CODE.format(import_ui="import desktop_app.ui")],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert "survived" in result.stdout
