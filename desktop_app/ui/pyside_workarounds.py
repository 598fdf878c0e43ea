"""Work around a PySide6 6.12 refcount bug: `SignalInstance.emit()` returns `True` without a
new reference, so on Python 3.11 every emit drops True's reference count by one. After a few
thousand emits (the transfer queue emits ~100 a second) True's count reaches zero and the
interpreter aborts with "Fatal Python error: bool_dealloc". Measured here:
`for _ in range(100): obj.sig.emit(1)` lowers `sys.getrefcount(True)` by exactly 100.

Python 3.12+ makes True and False immortal, which hides the bug; on 3.11 we do the same by
giving both a huge reference count once, at import of the UI package.
"""

from __future__ import annotations

import ctypes
import platform
import sys

_PINNED = 1 << 40


def pin_bool_singletons() -> bool:
    """Make True/False effectively immortal on CPython < 3.12; True if anything was done."""
    if sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False
    for value in (True, False):
        # ob_refcnt is the first field of every CPython object (Py_ssize_t).
        ctypes.c_ssize_t.from_address(id(value)).value += _PINNED
    return True
