"""The Jobs panel: every long operation with its state, progress, counts and errors."""
