"""The entries of a ZIP archive, read from its table of contents (never unpacked)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.humanize import human_size
from desktop_app.core.zip_index import ZipEntry
from desktop_app.ui.shell.i18n import translate


class ZipView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewZip")
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(translate("ZipView", "Archive contents"))
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels([translate(
            "ZipView", "Name"), translate(
            "ZipView", "Size"), translate(
            "ZipView", "Packed"), translate(
            "ZipView", "Modified")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def set_entries(self, entries: tuple[ZipEntry, ...], more: bool) -> None:
        self.tree.clear()
        items = []
        for entry in entries:
            modified = entry.modified.strftime("%Y-%m-%d %H:%M") if entry.modified else ""
            name = entry.name + ("  (encrypted)" if entry.encrypted else "")
            item = QTreeWidgetItem([name, "" if entry.is_dir else human_size(entry.size),
                                    "" if entry.is_dir else human_size(entry.compressed),
                                    modified])
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            items.append(item)
        self.tree.addTopLevelItems(items)
        files = [e for e in entries if not e.is_dir]
        total = sum(e.size for e in files)
        self.summary.setText(
            translate(
                "ZipView",
                "{files:,} files{value}, {total} unpacked").format(
                files=len(files),
                value='+' if more else '',
                total=human_size(total),
            )
            + (translate("ZipView", " (list cut short)") if more else ""))

    def names(self) -> list[str]:
        return [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())]
