"""The window's menu bar: File, Edit, View, Go, Bucket, Transfers, Help, in that order.

Features add their actions by menu name and section (`add("Edit", action, "clipboard")`), so
no feature needs to know where another placed its entries: actions of one section stay
together, sections are kept in the order they first appear and separated by a line. The
command palette lists `entries()` (every action with its menu path).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

_TITLES = {
    "File": QT_TRANSLATE_NOOP("MenuBar", "&File"),
    "Edit": QT_TRANSLATE_NOOP("MenuBar", "&Edit"),
    "View": QT_TRANSLATE_NOOP("MenuBar", "&View"),
    "Go": QT_TRANSLATE_NOOP("MenuBar", "&Go"),
    "Bucket": QT_TRANSLATE_NOOP("MenuBar", "&Bucket"),
    "Transfers": QT_TRANSLATE_NOOP("MenuBar", "&Transfers"),
    "Help": QT_TRANSLATE_NOOP("MenuBar", "&Help"),
}


def _title(name: str) -> str:
    """The shown title of a menu (mnemonic on the first letter), translated."""
    return QCoreApplication.translate("MenuBar", _TITLES[name])


class MenuBar:
    """Built by the main window (as `window.menus`); features add to it."""

    MENUS = ("File", "Edit", "View", "Go", "Bucket", "Transfers", "Help")

    def __init__(self, window: QMainWindow) -> None:
        self._menus: dict[str, QMenu] = {}
        # Per menu: section name -> the actions in it (in order), to insert after the last.
        self._sections: dict[str, dict[str, list[QAction]]] = {}
        bar = window.menuBar()
        for name in self.MENUS:
            menu = bar.addMenu(_title(name))
            menu.setObjectName(f"{name.lower()}Menu")
            self._menus[name] = menu
            self._sections[name] = {}

    def menu(self, name: str) -> QMenu:
        """The menu called `name` (one of MENUS; KeyError otherwise)."""
        return self._menus[name]

    def add(self, menu: str, action: QAction, section: str = "") -> None:
        """Put `action` into `menu`, after the other actions of `section`; a new section
        starts below a separator, after the existing ones."""
        target = self._menus[menu]
        sections = self._sections[menu]
        if section in sections:
            group = sections[section]
            shown = target.actions()
            after = shown.index(group[-1]) + 1 if group[-1] in shown else len(shown)
            if after < len(shown):
                target.insertAction(shown[after], action)
            else:
                target.addAction(action)
            group.append(action)
            return
        if target.actions():
            target.addSeparator()
        target.addAction(action)
        sections[section] = [action]

    def add_menu(self, menu: str, submenu: QMenu, section: str = "") -> None:
        """A submenu (e.g. "Copy link for…") inside `menu`, placed like an action."""
        self.add(menu, submenu.menuAction(), section)

    def actions(self) -> list[QAction]:
        """Every action in the menus (submenus included), for the command palette."""
        return [action for _path, action in self.entries()]

    def entries(self) -> list[tuple[str, QAction]]:
        """(menu path such as "File" or "Edit › Copy link", action) for every action."""
        found: list[tuple[str, QAction]] = []
        for name in self.MENUS:
            _collect(self._menus[name], name, found)
        return found

    def retranslate(self) -> None:
        """Menu titles again in the current language (after a language switch)."""
        for name, menu in self._menus.items():
            menu.setTitle(_title(name))


def _collect(menu: QMenu, path: str, found: list[tuple[str, QAction]]) -> None:
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            _collect(sub, f"{path} › {action.text().replace('&', '')}", found)
        else:
            found.append((path, action))
