"""Browsing: the bucket tree, the file table, the address bar and search."""
