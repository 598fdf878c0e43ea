"""Everything Qt: widgets, dialogs, item models and the worker bridge."""

from desktop_app.ui.pyside_workarounds import pin_bool_singletons

pin_bool_singletons()  # before any signal is emitted; see the module for the PySide6 bug
