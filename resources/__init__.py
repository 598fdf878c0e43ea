"""Icons, the .desktop entry and AppStream metainfo, shipped as package data.

This folder is installed as the package `desktop_app.resources` (see setup.py), so the app finds
its files through importlib.resources from a source tree, an installed wheel or a bundle alike.
"""
