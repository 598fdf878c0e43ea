"""Upload rules in the window: the rules editor, the pre-flight list and the upload hook."""
