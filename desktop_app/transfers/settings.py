"""Engine options from the user's preferences (`options_from_preferences`), and the reader
of the older `transfers.json` (`load_options`; the app now merges that file into
`settings.json` at start, see core/preferences.py). Its keys, all optional:

```json
{"files_at_once": 16, "parts_per_file": 4, "part_size_mib": 8,
 "bandwidth_limit_mib_s": 0, "conflict": "ask", "wait_for_server_min": 30}
```
`conflict` is one of ask, overwrite, skip, keep-both, skip-if-identical.
`wait_for_server_min`: how long transfers wait for a server that cannot be reached at all
before they fail (0: fail after the usual few tries). Workers are capped
so files plus parts never exceed the HTTP connection pool.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop_app.core.errors import ConfigError
from desktop_app.core.preferences import TransferPrefs
from desktop_app.transfers.options import ConflictPolicy, MiB, TransferOptions

FILE_NAME = "transfers.json"
POOL_SIZE = 32  # the adapter's default urllib3 pool size


def _int(data: dict[str, Any], key: str, low: int, high: int, path: Path) -> int | None:
    if key not in data:
        return None
    value = data[key]
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ConfigError(f"“{key}” in {path} must be a whole number from {low} to {high}.",
                          "Fix or delete the setting.")
    return value


def load_options(folder: Path, base: TransferOptions | None = None) -> TransferOptions:
    """`base` (default: the engine defaults) with the file's settings applied."""
    options = base or TransferOptions()
    path = folder / FILE_NAME
    if not path.exists():
        return options
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"The transfer settings in {path} cannot be read ({exc}).",
                          "Fix the JSON or delete the file to use the defaults.") from None
    if not isinstance(data, dict):
        raise ConfigError(f"The transfer settings in {path} must be a JSON object.")
    if (files := _int(data, "files_at_once", 1, POOL_SIZE - 1, path)) is not None:
        options.files_at_once = files
    if (parts := _int(data, "parts_per_file", 1, 64, path)) is not None:
        options.parts_per_file = parts
    if (size := _int(data, "part_size_mib", 5, 5120, path)) is not None:
        options.part_size = size * MiB
    if (limit := _int(data, "bandwidth_limit_mib_s", 0, 100_000, path)) is not None:
        options.bandwidth_limit = limit * MiB if limit else None
    if (wait := _int(data, "wait_for_server_min", 0, 7 * 24 * 60, path)) is not None:
        options.retry = replace(options.retry, outage_s=wait * 60.0)
    if "conflict" in data:
        try:
            options.conflict = ConflictPolicy(data["conflict"])
        except ValueError:
            choices = ", ".join(p.value for p in ConflictPolicy)
            raise ConfigError(f"“conflict” in {path} must be one of: {choices}.") from None
    options.part_workers = max(1, min(options.part_workers, POOL_SIZE - options.files_at_once))
    return options


def options_from_preferences(prefs: TransferPrefs,
                             base: TransferOptions | None = None) -> TransferOptions:
    """`base` (default: the engine defaults) with the user's transfer preferences applied
    (`core/preferences.py` has checked their ranges)."""
    options = replace(base) if base is not None else TransferOptions()
    options.files_at_once = prefs.files_at_once
    options.parts_per_file = prefs.parts_per_file
    options.part_size = prefs.part_size_mib * MiB
    options.bandwidth_limit = prefs.bandwidth_limit_mib_s * MiB or None
    options.retry = replace(options.retry, outage_s=prefs.wait_for_server_min * 60.0)
    options.conflict = ConflictPolicy(prefs.conflict)
    options.part_workers = max(1, min(TransferOptions().part_workers,
                                      POOL_SIZE - options.files_at_once))
    return options
