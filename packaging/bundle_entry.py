"""The bundle's entry point (PyInstaller starts this script): the same as `minio-desktop`.

A bundle has no Python to run `python -m module`, so the app's own child processes (the
transfer engine starts `sys.executable -m desktop_app.transfers.engine_child`) come back here
and are dispatched to their module; only the app's own modules are accepted.
"""

import runpy
import sys

if len(sys.argv) >= 3 and sys.argv[1] == "-m" and sys.argv[2].startswith("desktop_app."):
    module = sys.argv[2]
    sys.argv = [sys.argv[0], *sys.argv[3:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
    sys.exit(0)

from desktop_app.cli import main  # after the child-process dispatch

sys.exit(main())
