"""The main window, the message bar, icons and the task bridge: where the features meet."""
