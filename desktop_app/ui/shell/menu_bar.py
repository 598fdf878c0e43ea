"""The window's menu bar: File, Edit, View, Go, Bucket, Transfers, Help, in that order.

Features add their actions by menu name and section (`add("Edit", action, "clipboard")`), so
no feature needs to know where another placed its entries: actions of one section stay
together in the order added, sections are separated by a line and placed as SECTION_ORDER
says (an unknown section where its "*" stands). The command palette lists `entries()` (every
action with its menu path).
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop_app.ui.shell.i18n import translate


def _title(name: str) -> str:
    """The shown title of a menu (mnemonic on the first letter), translated."""
    titles = {
        "File": translate("MenuBar", "&File"),
        "Edit": translate("MenuBar", "&Edit"),
        "View": translate("MenuBar", "&View"),
        "Go": translate("MenuBar", "&Go"),
        "Bucket": translate("MenuBar", "&Bucket"),
        "Transfers": translate("MenuBar", "&Transfers"),
        "Help": translate("MenuBar", "&Help"),
    }
    return titles[name]


# Where sections go in each menu, whatever order features add them in; a section not named
# here goes where "*" stands.
SECTION_ORDER: dict[str, tuple[str, ...]] = {
    "File": ("connections", "open", "new", "info", "*", "quit"),
    "Edit": ("clipboard", "change", "select", "find", "*", "preferences"),
    "View": ("panels", "toolbars", "columns", "refresh", "*", "palette"),
    "Go": ("history", "location", "*"),
    "Bucket": ("bucket", "folder", "*"),
    "Transfers": ("queue", "*"),
    "Help": ("diagnose", "*", "about"),
}


class MenuBar:
    """Built by the main window (as `window.menus`); features add to it."""

    MENUS = ("File", "Edit", "View", "Go", "Bucket", "Transfers", "Help")

    def __init__(self, window: QMainWindow) -> None:
        self._menus: dict[str, QMenu] = {}
        # Per menu: section name -> its actions, in the order they were added.
        self._sections: dict[str, dict[str, list[QAction]]] = {}
        self._separators: dict[str, list[QAction]] = {}
        bar = window.menuBar()
        for name in self.MENUS:
            menu = bar.addMenu(_title(name))
            menu.setObjectName(f"{name.lower()}Menu")
            menu.setToolTipsVisible(True)
            self._menus[name] = menu
            self._sections[name] = {}
            self._separators[name] = []

    def menu(self, name: str) -> QMenu:
        """The menu called `name` (one of MENUS; KeyError otherwise)."""
        return self._menus[name]

    def add(self, menu: str, action: QAction, section: str = "") -> None:
        """Put `action` into `menu`, after the other actions of `section`; sections are
        separated by a line and placed as SECTION_ORDER says."""
        self._sections[menu].setdefault(section, []).append(action)
        self._render(menu)

    def add_menu(self, menu: str, submenu: QMenu, section: str = "") -> None:
        """A submenu (e.g. "Columns") inside `menu`, placed like an action."""
        self.add(menu, submenu.menuAction(), section)

    def set_section(self, menu: str, section: str, actions: list[QAction]) -> None:
        """Replace what `section` holds (for entries that depend on what is shown, such as
        the Bucket menu's); replaced actions the menu owns are deleted."""
        old = self._sections[menu].get(section, [])
        self._sections[menu][section] = list(actions)
        self._render(menu)
        for action in old:
            if action not in actions and action.parent() is self._menus[menu]:
                action.deleteLater()

    def actions(self) -> list[QAction]:
        """Every action in the menus (submenus included), for the command palette."""
        return [action for _path, action in self.entries()]

    def entries(self) -> list[tuple[str, QAction]]:
        """(menu path such as "File" or "View › Columns", action) for every action."""
        found: list[tuple[str, QAction]] = []
        for name in self.MENUS:
            _collect(self._menus[name], _title(name).replace("&", ""), found)
        return found

    def retranslate(self) -> None:
        """Menu titles again in the current language (after a language switch)."""
        for name, menu in self._menus.items():
            menu.setTitle(_title(name))

    def _render(self, name: str) -> None:
        """Lay the menu out again: sections in their order, a line between two."""
        menu = self._menus[name]
        for action in menu.actions():
            menu.removeAction(action)
        for separator in self._separators[name]:
            separator.deleteLater()
        self._separators[name] = []
        order = SECTION_ORDER.get(name, ("*",))
        star = order.index("*") if "*" in order else len(order)
        sections = sorted(self._sections[name].items(),
                          key=lambda item: order.index(item[0]) if item[0] in order else star)
        for _section, actions in sections:
            if not actions:
                continue
            if menu.actions():
                self._separators[name].append(menu.addSeparator())
            menu.addActions(actions)


def _collect(menu: QMenu, path: str, found: list[tuple[str, QAction]]) -> None:
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            _collect(sub, f"{path} › {action.text().replace('&', '')}", found)
        else:
            found.append((path, action))
