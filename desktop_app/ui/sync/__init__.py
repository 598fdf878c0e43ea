"""Folder sync: the Sync window, its flows and watched folders."""
