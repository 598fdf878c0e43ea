"""Look: light/dark theme switching, SVG icons crisp at 100/150/200 %, CJK and RTL glyphs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.ui.shell import icons
from desktop_app.ui.shell.theme import DARK, LIGHT, SYSTEM, Theme, is_dark


@pytest.fixture
def theme(qapp: QApplication) -> Iterator[Theme]:
    made = Theme(qapp)
    yield made
    made.apply(SYSTEM)
    made.deleteLater()


def _icon_lightness(icon: QIcon) -> int:
    """Lightness of the most opaque pixel of a 32 px rendering."""
    image = icon.pixmap(QSize(32, 32), 1.0).toImage()
    best = max((image.pixelColor(x, y).alpha(), x, y)
                for x in range(image.width()) for y in range(image.height()))
    return image.pixelColor(best[1], best[2]).lightness()


def test_dark_and_light_choices_switch_palette_and_icons(
        qapp: QApplication, theme: Theme) -> None:
    seen: list[bool] = []
    theme.changed.connect(seen.append)
    styled = QLabel("title")  # a widget with a sheet of its own, made before the switch
    styled.setStyleSheet("font-weight:bold;")
    styled.ensurePolished()
    theme.apply(DARK)
    styled.ensurePolished()
    assert styled.palette().color(QPalette.ColorRole.WindowText).lightness() > 180
    assert theme.dark
    assert qapp.style().name().lower() == "fusion"
    assert qapp.palette().color(QPalette.ColorRole.Base).lightness() < 60
    assert _icon_lightness(icons.folder_icon()) > 180  # drawn in the light text colour
    label = QLabel("x")
    assert is_dark(label.palette())  # widgets made now get it too
    theme.apply(LIGHT)
    assert not theme.dark
    assert _icon_lightness(icons.folder_icon()) < 80
    assert seen == [True, False]


def test_system_choice_follows_a_dark_scheme_the_platform_does_not_draw(
        qapp: QApplication, theme: Theme, monkeypatch: pytest.MonkeyPatch) -> None:
    theme.apply(SYSTEM)
    assert not theme.dark  # the offscreen platform: light, scheme unknown
    monkeypatch.setattr(theme, "system_scheme", lambda: Qt.ColorScheme.Dark)
    theme._scheme_changed(Qt.ColorScheme.Dark)  # what styleHints().colorSchemeChanged calls
    assert theme.dark
    monkeypatch.setattr(theme, "system_scheme", lambda: Qt.ColorScheme.Light)
    theme._scheme_changed(Qt.ColorScheme.Light)
    assert not theme.dark
    theme.apply(DARK)  # a manual choice ignores the desktop's changes
    theme._scheme_changed(Qt.ColorScheme.Light)
    assert theme.dark


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("name", ["folder", "bucket", "refresh", "warning", "app"])
def test_icons_render_at_the_screen_scale_not_scaled_up(
        qapp: QApplication, name: str, scale: float) -> None:
    """An icon drawn for 150 % or 200 % has that many device pixels and sharp edges: it is
    drawn at that size from the SVG, not a 16 px bitmap blown up (which blurs every edge)."""
    icon = icons.svg_icon(name)
    pixmap = icon.pixmap(QSize(16, 16), scale)
    assert pixmap.devicePixelRatio() == scale
    assert pixmap.size() == QSize(round(16 * scale), round(16 * scale))
    native = icon.pixmap(QSize(round(16 * scale), round(16 * scale)), 1.0).toImage()
    assert _same(pixmap.toImage(), native)
    if scale > 1:  # what an upscaled 16 px icon would look like differs from the real thing
        blown_up = icon.pixmap(QSize(16, 16), 1.0).toImage().scaled(
            native.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        assert not _same(blown_up, native)
        assert _partial_pixels(native) < _partial_pixels(blown_up)  # fewer blurred pixels


def _same(a: QImage, b: QImage) -> bool:
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    return a.size() == b.size() and all(
        a.pixel(x, y) == b.pixel(x, y) for x in range(a.width()) for y in range(a.height()))


def _partial_pixels(image: QImage) -> int:
    """Pixels neither empty nor solid: the soft edge around the drawing."""
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if 24 < QColor(image.pixel(x, y)).alpha() < 232
               or 24 < image.pixelColor(x, y).alpha() < 232)


@pytest.mark.parametrize("name", [
    "報告書 2024.pdf", "تقرير الميزانية.xlsx", "한국어 文書/日本語テキスト.txt",
    "mixed עברית 中文 العربية.bin",
])
def test_cjk_and_rtl_names_render_with_real_glyphs(qapp: QApplication, name: str) -> None:
    """Each character is drawn from a font that has it (glyph 0 is the empty box); the
    system fonts packaging/system-deps.sh installs cover Chinese, Japanese, Korean, Arabic
    and Hebrew."""
    layout = QTextLayout(name, QGuiApplication.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    glyphs = [g for run in runs for g in run.glyphIndexes()]
    assert glyphs
    assert 0 not in glyphs, [(r.rawFont().familyName(), list(r.glyphIndexes())) for r in runs]
    for ch in {c for c in name if not c.isspace()}:
        assert any(run.rawFont().supportsCharacter(ord(ch)) for run in runs), ch


def test_the_app_icon_keeps_its_colours_and_offers_sizes(qapp: QApplication) -> None:
    """The app icon is drawn in its own colours (not the text colour) and names the sizes
    it has, which X11 asks for when it sets the window icon."""
    icon = icons.app_icon()
    assert QSize(16, 16) in icon.availableSizes()
    assert QSize(256, 256) in icon.availableSizes()
    image = icon.pixmap(QSize(48, 48), 1.0).toImage()
    assert any(image.pixelColor(x, y).saturation() > 100 and image.pixelColor(x, y).alpha()
               for x in range(48) for y in range(48))


def test_the_message_bar_stays_readable_in_both_themes(
        qapp: QApplication, theme: Theme) -> None:
    from desktop_app.core.errors import AppError
    from desktop_app.ui.shell.message_bar import MessageBar

    bar = MessageBar()
    theme.apply(DARK)
    bar.show_error(AppError("It failed.", "Try again."))
    text = bar.findChild(QLabel, "messageText")
    assert isinstance(text, QLabel)
    text.ensurePolished()
    shown = text.palette().color(QPalette.ColorRole.WindowText)
    assert shown.lightness() > 180  # light text on the dark red strip
    theme.apply(LIGHT)  # switched while it shows: the strip and its text follow
    text.ensurePolished()
    assert text.palette().color(QPalette.ColorRole.WindowText).lightness() < 80
    bar.deleteLater()
