"""Both entry points answer --help and --version without a display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import __version__

SCRIPT = Path(sys.executable).parent / "minio-desktop"


@pytest.mark.parametrize("command", [[sys.executable, "-m", "desktop_app"], [str(SCRIPT)]])
def test_version_and_help(command: list[str]) -> None:
    env = {"PATH": "/usr/bin:/bin"}  # no DISPLAY, no Qt platform: must not be needed
    version = subprocess.run([*command, "--version"], capture_output=True, text=True,
                             env=env, check=True, timeout=60)
    assert __version__ in version.stdout
    helped = subprocess.run([*command, "--help"], capture_output=True, text=True,
                            env=env, check=True, timeout=60)
    assert "MINIO_ENDPOINT" in helped.stdout
    assert "--version" in helped.stdout
