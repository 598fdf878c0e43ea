"""Acting on objects: actions, dialogs, versions and properties."""
