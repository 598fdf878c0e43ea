"""The Tags tab: the bucket's tags as a key/value table the user edits in place, with S3's
limits (50 tags, key and value lengths, reserved `aws:` keys, unique keys) checked on every
keystroke. `TagTable` is also the tag filter of a lifecycle rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.bucket_settings import MAX_BUCKET_TAGS, bucket_tag_problems
from desktop_app.storage.protocol import BucketSettingsOps
from desktop_app.ui.buckets.settings_tab_base import SettingTabBase
from desktop_app.ui.shell.i18n import translate

EXPLANATION = ("Tags are key/value labels on the bucket itself, for example for cost "
               "reports or ownership; they do not change what is stored. Up to "
               f"{MAX_BUCKET_TAGS} tags; a key holds 1 to 128 characters, a value up to 256.")


class TagTable(QWidget):
    """Rows of key and value with Add and Remove buttons; `edited` is called on changes."""

    def __init__(self, name: str, edited: Callable[[], None], parent: QWidget | None = None,
                 ) -> None:
        super().__init__(parent)
        self._edited = edited
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName(f"{name}Table")
        self.table.setHorizontalHeaderLabels([translate(
            "TagTable", "Key"), translate(
            "TagTable", "Value")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(lambda *_: self._edited())
        self.add_button = QPushButton(translate("TagTable", "Add tag"), self)
        self.add_button.setObjectName(f"{name}Add")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(translate("TagTable", "Remove"), self)
        self.remove_button.setObjectName(f"{name}Remove")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def pairs(self) -> tuple[tuple[str, str], ...]:
        """Every row as (key, value), in table order (duplicates kept, for the check)."""
        rows = []
        for row in range(self.table.rowCount()):
            key, value = self.table.item(row, 0), self.table.item(row, 1)
            rows.append((key.text() if key else "", value.text() if value else ""))
        return tuple(rows)

    def set_pairs(self, pairs: Iterable[tuple[str, str]]) -> None:
        blocked = self.table.blockSignals(True)
        try:
            self.table.setRowCount(0)
            for key, value in pairs:
                self._append(key, value)
        finally:
            self.table.blockSignals(blocked)

    def _append(self, key: str, value: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(key))
        self.table.setItem(row, 1, QTableWidgetItem(value))
        return row

    def add_row(self, key: str = "", value: str = "") -> None:
        """A new row (empty, its key cell opened for typing, when the user adds one)."""
        row = self._append(key, value)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.setCurrentItem(item)
            if not key and self.table.isVisible():
                self.table.editItem(item)
        self._edited()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self._edited()


def duplicate_key_problems(pairs: Iterable[tuple[str, str]], where: str) -> list[str]:
    keys = [key for key, _ in pairs]
    twice = sorted({key for key in keys if keys.count(key) > 1})
    return [translate(
        "TagsTab",
        "{where}: the key “{key}” appears more than once; keys must be unique.").format(
        where=where,
        key=key,
    )
            for key in twice]


class TagsTab(SettingTabBase):
    title = QT_TRANSLATE_NOOP("BucketTabs", "Tags")
    what = QT_TRANSLATE_NOOP("BucketTabs", "bucket tags")

    def __init__(self, ops: BucketSettingsOps, bucket: str, parent: QWidget | None = None,
                 ) -> None:
        super().__init__(bucket, EXPLANATION, parent)
        self.setObjectName("bucketTagsTab")
        self.ops = ops
        self.tags = TagTable("bucketTags", self._edited, self.body)
        self.count = self.note(self.body, "bucketTagsCount", "")
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tags)
        layout.addWidget(self.count)

    def _read(self) -> dict[str, str]:
        return self.ops.get_bucket_tags(self.bucket)

    def _show(self, value: dict[str, str]) -> None:
        self.tags.set_pairs(sorted(value.items()))

    def _state(self) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(self.tags.pairs()))

    def _problems(self) -> list[str]:
        pairs = self.tags.pairs()
        self.count.setText(translate(
            "TagsTab",
            "{pairs} of {MAX_BUCKET_TAGS} tags.").format(
            pairs=len(pairs),
            MAX_BUCKET_TAGS=MAX_BUCKET_TAGS,
        ))
        return (duplicate_key_problems(pairs, translate("TagsTab", "Bucket tags"))
                + bucket_tag_problems(dict(pairs)))

    def _send(self, state: tuple[tuple[str, str], ...]) -> None:
        self.ops.set_bucket_tags(self.bucket, dict(state))
