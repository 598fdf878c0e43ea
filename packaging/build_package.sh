#!/usr/bin/env bash
# `make package`: a one-folder bundle (PyInstaller) and a .deb that installs it.
# The bundle is built from a clean, non-editable install of this checkout in its own venv
# (build/package-venv), so it holds what the wheel ships and nothing from the source tree.
# Output: build/dist/minio-desktop/ and build/minio-desktop_<version>_<arch>.deb
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
venv=build/package-venv
start=$(date +%s)

test -x "$venv/bin/python" || "$PYTHON" -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade "pip>=24"
"$venv/bin/python" -m pip install -q --force-reinstall --no-deps .
"$venv/bin/python" -m pip install -q ".[package]"

rm -rf build/dist/minio-desktop
(cd packaging && "../$venv/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath ../build/dist --workpath ../build/pyinstaller minio-desktop.spec)
bundled=$(date +%s)
echo "bundle: build/dist/minio-desktop ($(du -sh build/dist/minio-desktop | cut -f1)," \
     "$((bundled - start)) s)"

packaging/build_deb.sh build/dist/minio-desktop
echo "package built in $(( $(date +%s) - start )) s"
