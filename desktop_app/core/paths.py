"""Where the app keeps its files; every path can be redirected through the environment
so tests and the sandbox never touch a real user's home."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import platformdirs

from desktop_app import APP_ID


def data_dir(environ: Mapping[str, str]) -> Path:
    if override := environ.get("MINIO_DESKTOP_DATA_DIR"):
        return Path(override)
    if xdg := environ.get("XDG_DATA_HOME"):
        return Path(xdg) / APP_ID
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def config_dir(environ: Mapping[str, str]) -> Path:
    if override := environ.get("MINIO_DESKTOP_CONFIG_DIR"):
        return Path(override)
    if xdg := environ.get("XDG_CONFIG_HOME"):
        return Path(xdg) / APP_ID
    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False))
