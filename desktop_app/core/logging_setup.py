"""The app's log: a rotating file in the user's log folder, with every line redacted.

A bug report needs a log, and a log must never carry a key, a token or a signature: every
handler the app installs formats through `RedactingFormatter`, which scrubs the finished text
(message, arguments, traceback and stack alike) with `core.redact.redact_all` and the secrets of
every connection made so far (`remember_secrets`, called by the storage adapter).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

import platformdirs

from desktop_app import APP_ID
from desktop_app.core.redact import redact_all

LOG_FILE = f"{APP_ID}.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 4  # five files of 2 MiB at most
FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"
_MARK = "_minio_desktop_handler"  # set on our handlers, so a second setup replaces them

_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def remember_secrets(values: Iterable[str]) -> None:
    """Known secrets (keys, tokens) are cut from every log line from now on."""
    with _secrets_lock:
        _secrets.update(v for v in values if v and len(v) >= 4)


def scrub(text: str) -> str:
    """`text` without known secrets, signatures or credential-like fields."""
    with _secrets_lock:
        known = sorted(_secrets, key=len, reverse=True)  # a longer secret before its prefix
    return redact_all(text, known)


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then scrubs the whole text: nothing reaches a handler unredacted."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def log_dir(environ: Mapping[str, str]) -> Path:
    """The folder of the log files (`MINIO_DESKTOP_LOG_DIR` overrides it)."""
    if override := environ.get("MINIO_DESKTOP_LOG_DIR"):
        return Path(override)
    if state := environ.get("XDG_STATE_HOME"):
        return Path(state) / APP_ID / "log"
    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False))


def log_level(environ: Mapping[str, str]) -> int:
    """INFO unless `MINIO_DESKTOP_LOG_LEVEL` names another level (DEBUG for a bug report)."""
    name = environ.get("MINIO_DESKTOP_LOG_LEVEL", "").strip().upper()
    level = logging.getLevelName(name) if name else logging.INFO
    return level if isinstance(level, int) else logging.INFO


def setup_logging(environ: Mapping[str, str], stderr_level: int = logging.WARNING) -> Path | None:
    """Log to the rotating file (returned) and warnings to stderr, both redacted.

    Returns None when the folder cannot be written (read-only home): the app still runs, with
    its warnings on stderr only, and says so there.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(handler)
        handler.close()
    level = log_level(environ)
    root.setLevel(min(level, stderr_level))
    formatter = RedactingFormatter(FORMAT)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(stderr_level)
    console.setFormatter(RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
    _install(root, console)
    logging.captureWarnings(True)
    folder = log_dir(environ)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / LOG_FILE
        handler = _PrivateRotatingFile(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning(
            "No log file: %s cannot be written (%s); warnings go to the terminal only.",
            folder, exc.strerror or exc)
        return None
    handler.setLevel(level)
    handler.setFormatter(formatter)
    _install(root, handler)
    if level > logging.DEBUG:  # one line per request is noise unless asked for
        logging.getLogger("urllib3.connectionpool").setLevel(logging.WARNING)
    return path


def _install(root: logging.Logger, handler: logging.Handler) -> None:
    setattr(handler, _MARK, True)
    root.addHandler(handler)


def current_log_file() -> Path | None:
    """The file the app logs to now, if any (for About and bug reports)."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, _MARK, False) and isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None


class _PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    """A rotating file that stays readable by its owner only, also after a rollover."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        os.chmod(self.baseFilename, 0o600)
        return stream
