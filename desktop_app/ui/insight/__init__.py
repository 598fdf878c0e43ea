"""Insight and housekeeping: storage statistics, cleanup and duplicates of a connection,
bucket or folder, each opened from an action the main window places in a context menu."""
