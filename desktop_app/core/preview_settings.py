"""The preview limit setting: how many bytes a preview may read at most.

Read from `MINIO_DESKTOP_PREVIEW_LIMIT_MB` (whole MiB, 1 to 1024); default 20 MiB. Above the
limit nothing is read and the pane offers Download / Open instead.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.core.errors import ConfigError

PREVIEW_LIMIT_ENV = "MINIO_DESKTOP_PREVIEW_LIMIT_MB"
DEFAULT_PREVIEW_LIMIT = 20 * 1024 * 1024


def preview_limit(environ: Mapping[str, str]) -> int:
    """The limit in bytes; ConfigError (with the fix to make) for a bad value."""
    raw = environ.get(PREVIEW_LIMIT_ENV, "").strip()
    if not raw:
        return DEFAULT_PREVIEW_LIMIT
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if not 1 <= value <= 1024:
        raise ConfigError(
            f"{PREVIEW_LIMIT_ENV} is “{raw}”, not a whole number of MiB between 1 and 1024.",
            "Fix or unset it; the default preview limit (20 MiB) is used meanwhile.",
        )
    return value * 1024 * 1024
