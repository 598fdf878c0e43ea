#!/usr/bin/env bash
# Wrap a one-folder bundle into a .deb: the bundle under /opt/minio-desktop, a launcher in
# /usr/bin, the .desktop entry, the scalable icon (hicolor) and the AppStream metainfo from
# resources/, each validated (desktop-file-validate, appstreamcli validate) before packing.
# Usage: packaging/build_deb.sh BUNDLE_DIR [OUTPUT_DIR]   (OUTPUT_DIR defaults to build/)
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=${1:?usage: $0 BUNDLE_DIR [OUTPUT_DIR]}
out=${2:-build}
id=io.github.miniodesktop.MinioDesktop
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop_app/__init__.py)
arch=$(dpkg --print-architecture)
deb="$out/minio-desktop_${version}_${arch}.deb"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
install -d "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
    "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/metainfo"
cp -a "$bundle" "$root/opt/minio-desktop"
ln -s /opt/minio-desktop/minio-desktop "$root/usr/bin/minio-desktop"
install -m 644 "resources/$id.desktop" "$root/usr/share/applications/$id.desktop"
install -m 644 resources/icons/app.svg "$root/usr/share/icons/hicolor/scalable/apps/$id.svg"
install -m 644 "resources/$id.metainfo.xml" "$root/usr/share/metainfo/$id.metainfo.xml"

desktop-file-validate "$root/usr/share/applications/$id.desktop"
appstreamcli validate --no-net --explain "$root/usr/share/metainfo/$id.metainfo.xml" >/dev/null

size_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
# Libraries the bundle takes from the system (PyInstaller leaves out glibc, GL and the X/xcb
# stack Qt's xcb platform loads; python-magic needs libmagic).
cat > "$root/DEBIAN/control" <<CONTROL
Package: minio-desktop
Version: $version
Architecture: $arch
Maintainer: MinIO Desktop developers <minio-desktop@users.noreply.github.com>
Installed-Size: $size_kb
Depends: libc6, libmagic1, libgl1, libegl1, libfontconfig1, libdbus-1-3, libxkbcommon-x11-0,
 libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-render-util0,
 libxcb-image0, libxcb-randr0, libxcb-xinerama0, libxcb-xkb1
Recommends: gnome-keyring | kwalletmanager, libpulse0, fonts-wqy-microhei | fonts-noto-cjk
Section: net
Priority: optional
Description: Desktop client for MinIO and S3-compatible object storage
 Browse buckets like folders, preview files without downloading them whole,
 drag files in and out through a resumable, verified transfer queue and share
 presigned links. Secrets stay in the system keyring.
CONTROL
mkdir -p "$out"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "deb: $deb ($(du -h "$deb" | cut -f1), installs $((size_kb / 1024)) MiB)"
