"""The transfer queue dock: one row per transfer. Empty until the transfer engine lands;
the columns are final so the layout does not jump later."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDockWidget, QHeaderView, QTreeView, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex
QUEUE_COLUMNS = ("Direction", "Name", "Size", "Progress", "Speed", "ETA", "State", "Error")


class TransferQueueModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, ...]] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(QUEUE_COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QUEUE_COLUMNS[section]
        return None


class TransferQueue(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Transfers", parent)
        self.setObjectName("transferQueue")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.view = QTreeView(self)
        self.view.setObjectName("transferQueueView")
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setModel(TransferQueueModel(self.view))
        header = self.view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in ((0, 80), (2, 80), (3, 140), (4, 90), (5, 70), (6, 90), (7, 180)):
            self.view.setColumnWidth(column, width)
        self.setWidget(self.view)
