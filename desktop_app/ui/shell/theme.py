"""Light and dark: follow the desktop's colour scheme, or a choice the user made.

"system" follows `QStyleHints.colorScheme()` and its changes while the app runs. Where the
platform theme draws a dark palette itself (Windows, macOS, GNOME and KDE platform themes)
its palette is kept; where it only reports the scheme (plain X11, Wayland without a platform
theme) the Fusion style gets a dark palette of ours. "light" and "dark" set the scheme
through Qt where the platform supports it and always put Fusion with the matching palette
in place, so the choice holds on every desktop. The app's SVG icons read the palette when
they paint (`icons.py`), so they follow without being rebuilt.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

SYSTEM, LIGHT, DARK = "system", "light", "dark"
Role, Group = QPalette.ColorRole, QPalette.ColorGroup


def dark_palette() -> QPalette:
    """A calm dark palette for Fusion: text contrast of at least 7:1 on the base colours."""
    p = QPalette()
    window, base, text = QColor("#2b2d30"), QColor("#1f2023"), QColor("#e6e6e6")
    for group in (Group.Active, Group.Inactive):
        p.setColor(group, Role.Window, window)
        p.setColor(group, Role.WindowText, text)
        p.setColor(group, Role.Base, base)
        p.setColor(group, Role.AlternateBase, QColor("#26282b"))
        p.setColor(group, Role.ToolTipBase, QColor("#3a3d41"))
        p.setColor(group, Role.ToolTipText, text)
        p.setColor(group, Role.PlaceholderText, QColor("#8c8c8c"))
        p.setColor(group, Role.Text, text)
        p.setColor(group, Role.Button, QColor("#35383c"))
        p.setColor(group, Role.ButtonText, text)
        p.setColor(group, Role.BrightText, QColor("#ff6b6b"))
        p.setColor(group, Role.Light, QColor("#45484d"))
        p.setColor(group, Role.Midlight, QColor("#3a3d41"))
        p.setColor(group, Role.Mid, QColor("#5c6066"))
        p.setColor(group, Role.Dark, QColor("#17181a"))
        p.setColor(group, Role.Shadow, QColor("#000000"))
        p.setColor(group, Role.Highlight, QColor("#3d7bd9"))
        p.setColor(group, Role.HighlightedText, QColor("#ffffff"))
        p.setColor(group, Role.Link, QColor("#7fb2ff"))
        p.setColor(group, Role.LinkVisited, QColor("#c49bff"))
    disabled = QColor("#7a7d82")
    p.setColor(Group.Disabled, Role.Window, window)
    p.setColor(Group.Disabled, Role.Base, QColor("#26282b"))
    p.setColor(Group.Disabled, Role.Button, QColor("#303236"))
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
        p.setColor(Group.Disabled, role, disabled)
    p.setColor(Group.Disabled, Role.Highlight, QColor("#4a4d52"))
    p.setColor(Group.Disabled, Role.HighlightedText, disabled)
    return p


def is_dark(palette: QPalette) -> bool:
    """Whether `palette` draws light text on a dark window."""
    return palette.color(Role.Window).lightness() < palette.color(Role.WindowText).lightness()


class Theme(QObject):
    """Applies the user's theme choice to the application and keeps "system" up to date.
    `changed(dark)` fires after every change of what is shown."""

    changed = Signal(bool)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.choice = SYSTEM
        self._style_name = app.style().name()  # the platform's, to go back to for "system"
        app.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    @property
    def dark(self) -> bool:
        return is_dark(self._app.palette())

    def system_scheme(self) -> Qt.ColorScheme:
        return self._app.styleHints().colorScheme()

    def apply(self, choice: str) -> None:
        """Show `choice` ("system", "light" or "dark"; anything else counts as "system")."""
        self.choice = choice if choice in (LIGHT, DARK) else SYSTEM
        hints = self._app.styleHints()
        if self.choice == SYSTEM:
            hints.unsetColorScheme()
            self._follow_system()
        else:
            hints.setColorScheme(Qt.ColorScheme.Dark if self.choice == DARK
                                 else Qt.ColorScheme.Light)
            self._use_fusion(self.choice == DARK)
        _repolish_styled(self._app)
        self.changed.emit(self.dark)

    def _follow_system(self) -> None:
        want_dark = self.system_scheme() == Qt.ColorScheme.Dark
        self._set_style(self._style_name)
        self._app.setPalette(QPalette())  # an empty palette: the platform's own again
        if want_dark != is_dark(self._app.palette()):
            self._use_fusion(want_dark)  # the platform reports a scheme it does not draw

    def _use_fusion(self, dark: bool) -> None:
        self._set_style("fusion")
        self._app.setPalette(dark_palette() if dark else self._app.style().standardPalette())

    def _set_style(self, name: str) -> None:
        if self._app.style().name().lower() != name.lower():
            style = QStyleFactory.create(name)
            if style is not None:
                self._app.setStyle(style)

    def _scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == SYSTEM:
            self._follow_system()
            _repolish_styled(self._app)
            self.changed.emit(self.dark)


def _repolish_styled(app: QApplication) -> None:
    """Widgets with a style sheet of their own resolve their palette when they are polished
    and miss a later change of the application's palette (their text stayed black on the
    dark background): setting the same sheet again polishes them with the new one."""
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)
