"""Everything Qt: widgets, dialogs, item models and the worker bridge."""
