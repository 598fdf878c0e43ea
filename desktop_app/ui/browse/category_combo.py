"""The "kind of file" chooser shared by the file table's filter and "Search below"."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QWidget

from desktop_app.core.categories import Category
from desktop_app.ui.shell.i18n import translate

# The core's category labels (plain English there), for the translator.
_LABELS = (
    QT_TRANSLATE_NOOP("Categories", "Images"),
    QT_TRANSLATE_NOOP("Categories", "Documents"),
    QT_TRANSLATE_NOOP("Categories", "Spreadsheets and data"),
    QT_TRANSLATE_NOOP("Categories", "Audio"),
    QT_TRANSLATE_NOOP("Categories", "Video"),
    QT_TRANSLATE_NOOP("Categories", "Archives"),
    QT_TRANSLATE_NOOP("Categories", "Code and text"),
    QT_TRANSLATE_NOOP("Categories", "Other"),
)


def category_label(category: Category) -> str:
    """The category's label in the language shown."""
    return translate("Categories", category.label)


def category_combo(parent: QWidget, name: str) -> QComboBox:
    """"All kinds" then each category; the current item's data is a Category or None."""
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setAccessibleName(translate("CategoryCombo", "Kind of file"))
    # Narrow in the toolbar (the popup still shows whole labels).
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    combo.setToolTip(translate(
        "CategoryCombo", "Show only files of this kind (folders stay listed)"))
    combo.addItem(translate("CategoryCombo", "All kinds"), None)
    for category in Category:
        combo.addItem(category_label(category), category)
    return combo
