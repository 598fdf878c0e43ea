"""Everything Qt: widgets, dialogs, item models and the worker bridge."""

from desktop_app.ui import pyside_workarounds as _pyside_workarounds  # noqa: F401
