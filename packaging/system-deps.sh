#!/usr/bin/env bash
# Install the Debian/Ubuntu packages the app (run) or the test suite (test) needs.
# As root it installs what is missing; otherwise it uses sudo when it can ask, or prints the
# command to run. Usage: packaging/system-deps.sh run|test|reliability|package
# (reliability: the test packages plus libfaketime, which runs a process with its clock off;
# package: what `make package` needs to bundle, pack and validate a .deb)
set -euo pipefail
mode=${1:-run}

runtime=(libmagic1 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0
         libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0
         libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core
         util-linux ca-certificates libpulse0
         fonts-wqy-microhei)  # CJK glyphs (5 MB; DejaVu has Latin, Greek, Cyrillic, Arabic, Hebrew)
testing=(xvfb xauth gnome-keyring dbus-daemon dbus-x11 libsecret-tools openssl
         desktop-file-utils appstream)
reliability=(faketime libfaketime)
packaging=(binutils desktop-file-utils appstream)  # binutils: objdump for PyInstaller

wanted=("${runtime[@]}")
case "$mode" in
    run) ;;
    test) wanted+=("${testing[@]}") ;;
    reliability) wanted+=("${testing[@]}" "${reliability[@]}") ;;
    package) wanted+=("${packaging[@]}") ;;
    *) echo "Usage: $0 run|test|reliability|package" >&2; exit 2 ;;
esac
if ! command -v python3 >/dev/null 2>&1; then
    wanted+=(python3)
fi
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    wanted+=(python3-venv)
fi

missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == *"install ok installed"* ]] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
install=(apt-get install -y -q --no-install-recommends "${missing[@]}")
export DEBIAN_FRONTEND=noninteractive
if [ "$(id -u)" -eq 0 ]; then
    apt-get update -q >/dev/null
    "${install[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
    sudo apt-get update -q >/dev/null
    sudo DEBIAN_FRONTEND=noninteractive "${install[@]}" >/dev/null
else
    echo "Missing system packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 1
fi
