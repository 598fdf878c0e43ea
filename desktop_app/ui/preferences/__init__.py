"""Edit → Preferences…: the dialog and the controller that saves and announces changes."""
