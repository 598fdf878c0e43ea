"""The top-level resources/ folder: SVG icons that render crisply in the palette's colour, a valid
.desktop entry and AppStream metainfo, and all of it inside a built wheel, where the app loads
it from as package data."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app import DESKTOP_ID
from desktop_app.ui.shell import icons
from tests.conftest import WindowFactory

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
ICON_NAMES = sorted(p.stem for p in (RESOURCES / "icons").glob("*.svg"))


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: packaging/system-deps.sh test installs it"
    return path


def _opaque_colours(image: QImage) -> set[str]:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    seen: set[str] = set()
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() == 255:
                seen.add(colour.name())
    return seen


def test_every_icon_is_a_valid_svg() -> None:
    assert len(ICON_NAMES) >= 15
    for name in ICON_NAMES:
        assert QSvgRenderer(icons.svg_source(name)).isValid(), name


@pytest.mark.parametrize("side", [16, 48])
def test_action_icons_draw_in_the_palette_text_colour(qtbot: QtBot, side: int) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old = app.palette()
    palette = QPalette(old)
    palette.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText, QColor("#12ab34"))
    app.setPalette(palette)
    try:
        image = icons.svg_icon("download").pixmap(QSize(side, side)).toImage()
    finally:
        app.setPalette(old)
    assert image.width() == side
    assert _opaque_colours(image) == {"#12ab34"}  # every solid pixel is the text colour


def test_icons_are_sharp_at_high_pixel_ratios(qtbot: QtBot) -> None:
    pixmap = icons.svg_icon("bucket").pixmap(QSize(24, 24), 3.0)
    assert pixmap.devicePixelRatio() == 3.0
    assert pixmap.width() == 72  # drawn at 72 device pixels, not a 24 px image scaled up


def test_disabled_icons_are_greyed(qtbot: QtBot) -> None:
    icon = icons.svg_icon("delete")
    normal = _opaque_colours(icon.pixmap(QSize(32, 32), QIcon.Mode.Normal).toImage())
    disabled = _opaque_colours(icon.pixmap(QSize(32, 32), QIcon.Mode.Disabled).toImage())
    assert normal
    assert disabled
    assert normal != disabled


def test_app_icon_has_window_sizes(qtbot: QtBot) -> None:
    sizes = icons.app_icon().availableSizes()
    assert QSize(16, 16) in sizes
    assert QSize(256, 256) in sizes


def test_the_window_and_toolbar_actions_use_the_app_icons(
        make_window: WindowFactory, app_environ: dict[str, str]) -> None:
    window = make_window(app_environ)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert not app.windowIcon().isNull()
    assert QApplication.desktopFileName() == DESKTOP_ID
    assert window.object_actions.action_delete.icon().cacheKey() == \
        icons.svg_icon("delete").cacheKey()


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(RESOURCES / f"{DESKTOP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Icon"] == DESKTOP_ID
    assert section["Exec"].split()[0] == "minio-desktop"  # the gui-script pyproject installs
    path = RESOURCES / f"{DESKTOP_ID}.desktop"
    result = subprocess.run([_tool("desktop-file-validate"), str(path)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_appstream_metainfo() -> None:
    path = RESOURCES / f"{DESKTOP_ID}.metainfo.xml"
    root = ElementTree.parse(path).getroot()  # noqa: S314 - our own file
    assert root.findtext("id") == DESKTOP_ID
    assert root.findtext("launchable") == f"{DESKTOP_ID}.desktop"
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_built_wheel_carries_the_resources(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("minio_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ICON_NAMES:
        assert f"desktop_app/resources/icons/{name}.svg" in names
    assert f"desktop_app/resources/{DESKTOP_ID}.desktop" in names
    assert f"desktop_app/resources/{DESKTOP_ID}.metainfo.xml" in names
