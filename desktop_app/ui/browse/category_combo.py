"""The "kind of file" chooser shared by the file table's filter and "Search below"."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from desktop_app.core.categories import Category


def category_combo(parent: QWidget, name: str) -> QComboBox:
    """"All kinds" then each category; the current item's data is a Category or None."""
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setAccessibleName("Kind of file")
    # Narrow in the toolbar (the popup still shows whole labels).
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    combo.setToolTip("Show only files of this kind (folders stay listed)")
    combo.addItem("All kinds", None)
    for category in Category:
        combo.addItem(category.label, category)
    return combo
