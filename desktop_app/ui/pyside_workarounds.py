"""Work around a reference-counting bug in PySide6 6.12 on Python 3.11.

`SignalInstance.emit()` returns `True` without taking a reference, so every emit drops one
reference to `True`. Python 3.11 starts with only ~600 of them: after a few hundred signals
(a streamed listing easily sends that many) the interpreter aborts with "bool_dealloc:
deallocating True or False". Python 3.12+ makes `True` immortal, and we do the same on 3.11
by adding a large reference count once, before any signal is emitted.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA_REFERENCES = 1 << 40


def make_booleans_immortal() -> None:
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return  # immortal already, or a debug build with another object layout
    for value in (True, False):
        # ob_refcnt is the first field of every object in a CPython release build.
        ctypes.c_ssize_t.from_address(id(value)).value += _EXTRA_REFERENCES


make_booleans_immortal()  # once: a module runs only on its first import
