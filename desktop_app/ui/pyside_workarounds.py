"""Work around reference-counting bugs of PySide6 6.12 on Python 3.11.

Measured here: every call of a PySide6 method that returns nothing (`setObjectName`,
`processEvents`, ...) or returns None drops one reference to `None`, and every
`SignalInstance.emit()` drops one to `True` - the bindings treat them as immortal, as they are
on Python 3.12+. Python 3.11 starts with only ~5000 references to None and ~600 to True, so
after a few thousand Qt calls the interpreter aborts ("none_dealloc: deallocating None" or
"bool_dealloc"). We make them immortal the 3.11 way: add a huge reference count once, when
the UI package is first imported (before any Qt call of ours).
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA_REFERENCES = 1 << 40


def make_singletons_immortal() -> None:
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return  # immortal already, or a debug build with another object layout
    for value in (None, True, False):
        # ob_refcnt is the first field of every object in a CPython release build.
        ctypes.c_ssize_t.from_address(id(value)).value += _EXTRA_REFERENCES


make_singletons_immortal()  # once: a module runs only on its first import
