"""The Statistics window of a connection, bucket or folder: a progress line with Cancel
while the listing streams in, then the totals, the pictures (category pie and bars, storage
classes, months), the 100 largest and 100 oldest objects, versions and unfinished uploads,
when it was computed, Recompute, and export as CSV or JSON.

It only shows: the flow in `stats_actions` runs the scan and feeds it (`show_progress`,
`show_stats`, `show_failed`); the buttons come back as signals. Double-clicking an object
in a table asks (`open_requested`) for its folder to be shown in the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import AppError
from desktop_app.core.humanize import human_size, human_time
from desktop_app.ui.insight.stats_charts import bar_chart, month_histogram, pie_chart
from desktop_app.ui.insight.stats_view import Exporter, Listed, StatsView, folder_of
from desktop_app.ui.shell.i18n import translate

_COLUMNS = (QT_TRANSLATE_NOOP("StatisticsWindow", "Name"),
            QT_TRANSLATE_NOOP("StatisticsWindow", "Size"),
            QT_TRANSLATE_NOOP("StatisticsWindow", "Last modified"),
            QT_TRANSLATE_NOOP("StatisticsWindow", "Storage class"))


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


class StatisticsWindow(QDialog):
    cancel_requested = Signal()
    recompute_requested = Signal()
    open_requested = Signal(str, str)  # (bucket, prefix) of a listed object

    def __init__(self, scope: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsWindow")
        self.setWindowTitle(translate(
            "StatisticsWindow", "Statistics — {scope}").format(scope=scope))
        self.setWindowFlag(Qt.WindowType.Window)
        self.setModal(False)
        self.resize(980, 720)
        self.view: StatsView | None = None
        self._exporters: dict[str, Exporter] = {}

        self.summary = QLabel(translate("StatisticsWindow", "Counting…"), self)
        self.summary.setObjectName("statsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.summary.setFont(font)
        self.stamp = QLabel("", self)
        self.stamp.setObjectName("statsStamp")
        self.stamp.setTextFormat(Qt.TextFormat.PlainText)
        self.recompute_button = self._button(translate(
            "StatisticsWindow", "Recompute"), "recomputeButton",
                                             self.recompute_requested.emit)
        self.csv_button = self._button(translate(
            "StatisticsWindow", "Export CSV…"), "exportCsvButton",
                                       lambda: self._ask_export("csv"))
        self.json_button = self._button(translate(
            "StatisticsWindow", "Export JSON…"), "exportJsonButton",
                                        lambda: self._ask_export("json"))
        header = QHBoxLayout()
        header.addWidget(self.summary, 1)
        header.addWidget(self.stamp)
        for button in (self.recompute_button, self.csv_button, self.json_button):
            header.addWidget(button)

        self.progress_row = QWidget(self)
        self.progress_bar = QProgressBar(self.progress_row)
        self.progress_bar.setObjectName("statsProgress")
        self.progress_bar.setRange(0, 0)  # the total is unknown until the listing ends
        self.progress_label = QLabel("", self.progress_row)
        self.progress_label.setObjectName("statsProgressLabel")
        self.cancel_button = self._button(translate(
            "StatisticsWindow", "Cancel"), "cancelButton", self.cancel_requested.emit)
        row = QHBoxLayout(self.progress_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.progress_label)
        row.addWidget(self.cancel_button)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("statsTabs")
        self.largest_table = self._table("largestTable")
        self.oldest_table = self._table("oldestTable")
        self.versions_label = QLabel("", self)
        self.versions_label.setObjectName("statsVersions")
        self.versions_label.setTextFormat(Qt.TextFormat.PlainText)
        self.versions_label.setWordWrap(True)
        self.versions_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.versions_label.setMargin(16)
        self._kept = (self.largest_table, self.oldest_table, self.versions_label)
        for page in self._kept:
            page.hide()  # shown as tabs once there is something to show

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.tabs, 1)
        self._set_busy(True)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda *_: slot())
        return button

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget(0, len(_COLUMNS), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels([translate("StatisticsWindow", c) for c in _COLUMNS])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setToolTip(translate("StatisticsWindow", "Double-click an object to show its folder"))
        table.cellDoubleClicked.connect(lambda row, _col: self._open_row(table, row))
        return table

    # -- what the flow feeds -------------------------------------------------------------
    def start(self) -> None:
        """A (re)computation begins: progress and Cancel show, the rest waits."""
        self._set_busy(True)
        self.progress_label.setText(translate("StatisticsWindow", "Listing…"))

    def show_progress(self, text: str) -> None:
        self.progress_label.setText(text)

    def show_stats(self, view: StatsView, exporters: dict[str, Exporter]) -> None:
        """The finished statistics (or, after Cancel, what was counted so far)."""
        self.view = view
        self._exporters = dict(exporters)
        self._set_busy(False)
        self.summary.setText(f"{_plural(view.count, 'object')}, {human_size(view.size)}")
        self.stamp.setText(translate(
            "StatisticsWindow",
            "Computed {computed_at}").format(
            computed_at=human_time(view.computed_at),
        ) if view.computed_at
                           else "")
        self._fill_tabs(view)

    def show_cancelled(self) -> None:
        self._set_busy(False)
        self.summary.setText(translate(
            "StatisticsWindow", "Cancelled — nothing counted yet") if self.view is None
                             else self.summary.text())
        self.stamp.setText(translate(
            "StatisticsWindow", "Cancelled. Press Recompute to count again."))

    def show_failed(self, error: AppError) -> None:
        self._set_busy(False)
        self.summary.setText(translate("StatisticsWindow", "The statistics could not be computed"))
        self.stamp.setText("")
        self.progress_row.show()
        self.progress_bar.hide()
        self.cancel_button.hide()
        self.progress_label.setText(error.user_text())

    def _set_busy(self, busy: bool) -> None:
        self.progress_row.setVisible(busy)
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.recompute_button.setEnabled(not busy)
        has_data = not busy and bool(self._exporters)
        self.csv_button.setEnabled(has_data)
        self.json_button.setEnabled(has_data)

    # -- tabs ----------------------------------------------------------------------------
    def _fill_tabs(self, view: StatsView) -> None:
        current = self.tabs.currentIndex()
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page in self._kept:
                page.hide()
            elif page is not None:
                page.deleteLater()  # charts are drawn anew for every result
        overview = QWidget(self.tabs)
        grid = QGridLayout(overview)
        grid.addWidget(pie_chart(view.categories, translate(
            "StatisticsWindow", "Space by category"), overview), 0, 0, 1, 2)
        grid.addWidget(bar_chart(view.categories, translate(
            "StatisticsWindow", "Objects by category"), "categoryCounts",
                                 by_size=False, parent=overview), 1, 0)
        grid.addWidget(bar_chart(view.categories, translate(
            "StatisticsWindow", "Size by category"), "categorySizes",
                                 by_size=True, parent=overview), 1, 1)
        self.tabs.addTab(overview, translate("StatisticsWindow", "Categories"))
        classes = QWidget(self.tabs)
        row = QHBoxLayout(classes)
        row.addWidget(bar_chart(view.storage_classes, translate(
            "StatisticsWindow", "Size by storage class"), "classSizes",
                                by_size=True, parent=classes))
        row.addWidget(bar_chart(view.storage_classes, translate(
            "StatisticsWindow", "Objects by storage class"),
                                "classCounts", by_size=False, parent=classes))
        self.tabs.addTab(classes, translate("StatisticsWindow", "Storage classes"))
        self.tabs.addTab(month_histogram(view.months, self.tabs), translate(
            "StatisticsWindow", "By month"))
        self._fill_table(self.largest_table, view.largest)
        self._fill_table(self.oldest_table, view.oldest)
        self.tabs.addTab(self.largest_table, translate(
            "StatisticsWindow", "{largest} largest").format(largest=len(view.largest)))
        self.tabs.addTab(self.oldest_table, translate(
            "StatisticsWindow", "{oldest} oldest").format(oldest=len(view.oldest)))
        self.versions_label.setText(self._versions_text(view))
        self.tabs.addTab(self.versions_label, translate("StatisticsWindow", "Versions and uploads"))
        self.tabs.setCurrentIndex(max(current, 0))

    @staticmethod
    def _versions_text(view: StatsView) -> str:
        lines = []
        if view.versioned:
            lines.append(translate(
                "StatisticsWindow",
                "Older versions: {versions}, {version_size}").format(
                versions=translate(
                    "StatisticsWindow", "{count:,} version(s)", "", view.versions).format(
                    count=view.versions),
                version_size=human_size(view.version_size),
            ))
            lines.append(translate(
                "StatisticsWindow",
                "Delete markers: {delete_markers:,}").format(delete_markers=view.delete_markers))
        else:
            lines.append(translate(
                "StatisticsWindow",
                "Older versions and delete markers were not counted (versioning is off here)."))
        lines.append(translate(
            "StatisticsWindow",
            "Unfinished uploads: {uploads}, {upload_size} stored in their parts").format(
            uploads=translate(
                "StatisticsWindow", "{count:,} upload(s)", "", view.uploads).format(
                count=view.uploads),
            upload_size=human_size(view.upload_size),
        ))
        if view.versions or view.delete_markers or view.uploads:
            lines += ["", translate(
                "StatisticsWindow",
                "These take space (or clutter listings) without showing as files. Clean up… can "
                "remove every version of what it matches; Unfinished uploads… on the transfer "
                "queue's toolbar lists and aborts uploads.")]
        return "\n".join(lines)

    def _fill_table(self, table: QTableWidget, rows: tuple[Listed, ...]) -> None:
        table.setRowCount(0)
        table.setRowCount(len(rows))
        for index, listed in enumerate(rows):
            name = QTableWidgetItem(listed.key if listed.bucket == self._own_bucket()
                                    else f"{listed.bucket}/{listed.key}")
            name.setData(Qt.ItemDataRole.UserRole, (listed.bucket, listed.key))
            size = QTableWidgetItem(human_size(listed.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            size.setToolTip(translate(
                "StatisticsWindow", "{size:,} bytes").format(size=listed.size))
            for column, item in enumerate((name, size,
                                           QTableWidgetItem(human_time(listed.last_modified)),
                                           QTableWidgetItem(listed.storage_class))):
                table.setItem(index, column, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _own_bucket(self) -> str:
        return self.view.bucket if self.view is not None else ""

    def _open_row(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        if item is None:
            return
        bucket, key = item.data(Qt.ItemDataRole.UserRole)
        self.open_requested.emit(bucket, folder_of(key))

    # -- export --------------------------------------------------------------------------
    def _ask_export(self, kind: str) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, translate(
                "StatisticsWindow",
                "Export statistics as {upper}").format(upper=kind.upper()), f"statistics.{kind}",
            translate(
                "StatisticsWindow",
                "{upper} files (*.{kind})").format(upper=kind.upper(), kind=kind))
        if path:
            self.export_to(kind, Path(path))

    def export_to(self, kind: str, path: Path) -> None:
        """Write the shown statistics as `kind` ("csv" or "json"); a failure is said here."""
        exporter = self._exporters.get(kind)
        if exporter is None:
            return
        try:
            path.write_text(exporter(), encoding="utf-8")
        except OSError as exc:
            self.stamp.setText(translate(
                "StatisticsWindow",
                "Could not write {name}: {strerror}. Choose another folder.").format(
                name=path.name,
                strerror=exc.strerror,
            ))
            return
        self.stamp.setText(translate(
            "StatisticsWindow", "Exported to {name}").format(name=path.name))
