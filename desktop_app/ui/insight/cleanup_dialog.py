"""The Clean up… dialog: a filter (folder, age, name, category, size), a dry run that fills
the table of matches with a running count and size, then Delete with progress and Cancel and
a per-item report, or "Make this a lifecycle rule…".

The dialog only shows and asks; `cleanup_actions.py` runs the work. The table shows at most
`SHOWN_ROWS` matches (the count and size cover all of them), so a dry run over a million
objects does not build a million rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.categories import Category
from desktop_app.core.cleanup import MAX_DAYS, CleanupFilter
from desktop_app.core.humanize import human_size, human_time
from desktop_app.core.types import ObjectEntry
from desktop_app.storage.bulk_ops import BulkReport
from desktop_app.ui.shell.i18n import translate

SHOWN_ROWS = 5000
MB = 1 << 20
ERROR_STYLE = "color:#b3261e;"
Index = QModelIndex | QPersistentModelIndex


class MatchModel(QAbstractTableModel):
    """The matches shown: key, size, last change (appended in batches)."""

    HEADERS = (QT_TRANSLATE_NOOP("MatchModel", "Object"), QT_TRANSLATE_NOOP("MatchModel", "Size"),
               QT_TRANSLATE_NOOP("MatchModel", "Last modified"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ObjectEntry] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        obj = self.rows[index.row()]
        return (obj.key, human_size(obj.size), human_time(obj.last_modified))[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("MatchModel", self.HEADERS[section])
        return None

    def append(self, entries: Sequence[ObjectEntry]) -> None:
        room = SHOWN_ROWS - len(self.rows)
        entries = entries[:max(0, room)]
        if not entries:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self.rows.extend(entries)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self.endResetModel()


def _size_box(parent: QWidget, name: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setObjectName(name)
    box.setRange(0, 10_000_000)
    box.setDecimals(2)
    box.setSuffix(translate("CleanupDialog", " MB"))
    box.setSpecialValueText(translate("CleanupDialog", "any"))
    return box


class CleanupDialog(QDialog):
    """Signals ask the flow to act; the flow calls the `show_*` methods back."""

    find_requested = Signal()
    delete_requested = Signal()
    rule_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, place: str, prefix: str, versioned: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cleanupDialog")
        self.setWindowTitle(translate("CleanupDialog", "Clean up — {place}").format(place=place))
        self.resize(760, 600)
        self.model = MatchModel(self)
        self.busy = False
        self._finished = False  # a complete dry run is shown: Delete may remove it
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form(prefix))
        self.every_version = QRadioButton(translate(
            "CleanupDialog", "Remove every version of them for good"), self)
        self.every_version.setObjectName("cleanupEveryVersion")
        self.markers = QRadioButton(
            translate(
                "CleanupDialog",
                "Leave delete markers (older versions stay and can be restored)"), self)
        self.markers.setObjectName("cleanupDeleteMarkers")
        self.markers.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.markers)
        group.addButton(self.every_version)
        self.versioned = versioned
        if versioned:
            layout.addWidget(QLabel(translate(
                "CleanupDialog", "This bucket keeps versions. When deleting:"), self))
            layout.addWidget(self.markers)
            layout.addWidget(self.every_version)
        else:
            self.markers.hide()
            self.every_version.hide()
        self.table = QTableView(self)
        self.table.setObjectName("cleanupMatches")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        width = self.fontMetrics().horizontalAdvance
        header.resizeSection(1, width("1,023.9 MiB") + 16)
        header.resizeSection(2, width("2026-12-31 23:59") + 16)
        layout.addWidget(self.table, 1)
        self.status = QLabel(translate(
            "CleanupDialog",
            "Choose what to clean up, then Find matches: nothing is deleted before you "
            "confirm."), self)
        self.status.setObjectName("cleanupStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("cleanupProgress")
        self.progress.hide()
        layout.addWidget(self.progress)
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("cleanupReport")
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(120)
        self.report.hide()
        layout.addWidget(self.report)
        layout.addLayout(self._build_buttons())
        self._update_buttons()
        for edit in (self.prefix_edit, self.name_edit):
            edit.textChanged.connect(self._filter_changed)
        for box in (self.age_days, self.min_size, self.max_size):
            box.valueChanged.connect(self._filter_changed)
        self.age_check.toggled.connect(self._filter_changed)
        self.category_combo.currentIndexChanged.connect(self._filter_changed)

    # -- construction --------------------------------------------------------------------
    def _build_form(self, prefix: str) -> QFormLayout:
        form = QFormLayout()
        self.prefix_edit = QLineEdit(prefix, self)
        self.prefix_edit.setObjectName("cleanupPrefix")
        self.prefix_edit.setPlaceholderText(translate("CleanupDialog", "the whole bucket"))
        form.addRow(translate("CleanupDialog", "Below folder:"), self.prefix_edit)
        age = QHBoxLayout()
        self.age_check = QCheckBox(translate("CleanupDialog", "Last changed more than"), self)
        self.age_check.setObjectName("cleanupAgeCheck")
        self.age_days = QSpinBox(self)
        self.age_days.setObjectName("cleanupAgeDays")
        self.age_days.setRange(0, MAX_DAYS)
        self.age_days.setValue(30)
        self.age_days.setSuffix(translate("CleanupDialog", " days ago"))
        self.age_check.setChecked(True)
        self.age_check.toggled.connect(self.age_days.setEnabled)
        age.addWidget(self.age_check)
        age.addWidget(self.age_days)
        age.addStretch(1)
        form.addRow(translate("CleanupDialog", "Age:"), age)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("cleanupName")
        self.name_edit.setPlaceholderText(translate(
            "CleanupDialog", "any name; a pattern such as *.tmp or plain text"))
        form.addRow(translate("CleanupDialog", "Name:"), self.name_edit)
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("cleanupCategory")
        self.category_combo.addItem(translate("CleanupDialog", "Any category"), None)
        for category in Category:
            self.category_combo.addItem(category.value, category)
        form.addRow(translate("CleanupDialog", "Category:"), self.category_combo)
        sizes = QHBoxLayout()
        self.min_size = _size_box(self, "cleanupMinSize")
        self.max_size = _size_box(self, "cleanupMaxSize")
        sizes.addWidget(QLabel(translate("CleanupDialog", "at least"), self))
        sizes.addWidget(self.min_size)
        sizes.addWidget(QLabel(translate("CleanupDialog", "at most"), self))
        sizes.addWidget(self.max_size)
        sizes.addStretch(1)
        form.addRow(translate("CleanupDialog", "Size:"), sizes)
        return form

    def _build_buttons(self) -> QHBoxLayout:
        """Find and the rule on the left (they change nothing yet); Cancel, the destructive
        Delete and Close on the right."""
        row = QHBoxLayout()
        self.find_button = self._button(translate(
            "CleanupDialog", "Find matches"), "cleanupFind", self.find_requested)
        self.rule_button = self._button(translate(
            "CleanupDialog", "Make this a lifecycle rule…"), "cleanupRule",
                                        self.rule_requested)
        self.cancel_button = self._button(translate(
            "CleanupDialog", "Cancel"), "cleanupCancel", self.cancel_requested)
        self.delete_button = self._button(translate(
            "CleanupDialog", "Delete…"), "cleanupDelete", self.delete_requested)
        close = QPushButton(translate("CleanupDialog", "Close"), self)
        close.setObjectName("cleanupClose")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        for widget in (self.find_button, self.rule_button):
            row.addWidget(widget)
        row.addStretch(1)
        for widget in (self.cancel_button, self.delete_button, close):
            row.addWidget(widget)
        return row

    def _button(self, text: str, name: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda *_: signal.emit())
        return button

    # -- reading the form ----------------------------------------------------------------
    def cleanup_filter(self) -> CleanupFilter:
        min_mb, max_mb = self.min_size.value(), self.max_size.value()
        return CleanupFilter(
            prefix=self.prefix_edit.text().lstrip("/"),
            older_than_days=self.age_days.value() if self.age_check.isChecked() else None,
            name_pattern=self.name_edit.text().strip(),
            category=self.category_combo.currentData(),
            min_size=round(min_mb * MB) if min_mb > 0 else None,
            max_size=round(max_mb * MB) if max_mb > 0 else None,
        )

    def set_filter(self, flt: CleanupFilter, every_version: bool = False) -> None:
        """Fill the form (Run again of an earlier clean-up)."""
        self.prefix_edit.setText(flt.prefix)
        self.age_check.setChecked(flt.older_than_days is not None)
        if flt.older_than_days is not None:
            self.age_days.setValue(flt.older_than_days)
        self.name_edit.setText(flt.name_pattern)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(flt.category)))
        self.min_size.setValue(flt.min_size / MB if flt.min_size else 0)
        self.max_size.setValue(flt.max_size / MB if flt.max_size else 0)
        (self.every_version if every_version else self.markers).setChecked(True)

    @property
    def remove_every_version(self) -> bool:
        return self.versioned and self.every_version.isChecked()

    # -- what the flow shows -------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        found = bool(self.model.rows)
        self.find_button.setEnabled(not self.busy)
        self.rule_button.setEnabled(not self.busy)
        self.delete_button.setEnabled(not self.busy and found and self._finished)
        self.cancel_button.setEnabled(self.busy)
        for widget in (self.prefix_edit, self.age_check, self.name_edit, self.category_combo,
                       self.min_size, self.max_size, self.markers, self.every_version):
            widget.setEnabled(not self.busy)
        self.age_days.setEnabled(not self.busy and self.age_check.isChecked())

    def _filter_changed(self, *_args: object) -> None:
        """The matches shown no longer answer the filter: Delete waits for a new look."""
        if self.busy or not self._finished:
            return
        self._finished = False
        self.delete_button.setText(translate("CleanupDialog", "Delete…"))
        self.show_note(translate(
            "CleanupDialog", "The filter changed: Find matches again before deleting."))
        self._update_buttons()

    def start_dry_run(self) -> None:
        self.model.clear()
        self._finished = False
        self.report.hide()
        self.progress.hide()
        self.delete_button.setText(translate("CleanupDialog", "Delete…"))
        self.set_busy(True)

    def show_matches(self, new: Sequence[ObjectEntry], count: int, size: int, scanned: int,
                     done: bool, cancelled: bool = False) -> None:
        self.model.append(new)
        shown = "" if count <= SHOWN_ROWS else translate(
            "CleanupDialog", " (the first {SHOWN_ROWS:,} are listed)").format(SHOWN_ROWS=SHOWN_ROWS)
        text = (translate(
            "CleanupDialog",
            "{count:,} matching object(s), {size}{shown}; {scanned:,} looked at", "", count).format(
            count=count,
            size=human_size(size),
            shown=shown,
            scanned=scanned,
        ))
        if cancelled:
            text += translate(
                "CleanupDialog",
                ". Stopped: only part of the folder was looked at; find again to delete.")
        elif done:
            text += translate(
                "CleanupDialog",
                ". Nothing has been deleted yet.") if count else translate(
                "CleanupDialog", ". Nothing to clean up.")
        else:
            text += "…"
        self.status.setStyleSheet("")
        self.status.setText(text)
        if done or cancelled:
            self._finished = done and not cancelled
            if self._finished and count:
                self.delete_button.setText(
                    translate(
                        "CleanupDialog",
                        "Delete {count:,} object(s)…", "", count).format(count=count))
            self.set_busy(False)

    def start_delete(self, count: int) -> None:
        self.set_busy(True)
        self.progress.setRange(0, max(1, count))
        self.progress.setValue(0)
        self.progress.show()
        self.report.hide()

    def show_delete_progress(self, done: int, total: int, phase: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, total))
        self.status.setText(translate(
            "CleanupDialog",
            "{phase}: {done:,} of {total:,}…").format(phase=phase, done=done, total=total))

    def show_report(self, report: BulkReport, what: str) -> None:
        self._finished = False
        self.progress.hide()
        parts = [translate(
            "CleanupDialog",
            "Deleted {done:,} object(s) ({what}).", "", report.done).format(
            done=report.done,
            what=what,
        )]
        if report.cancelled:
            parts.append(translate(
                "CleanupDialog",
                "Cancelled: {remaining:,} were left as they were.").format(
                remaining=report.remaining,
            ))
        elif report.remaining:
            parts.append(translate(
                "CleanupDialog",
                "{remaining:,} were not tried after the error.").format(remaining=report.remaining))
        if report.failures:
            parts.append(translate(
                "CleanupDialog",
                "{failures:,} could not be deleted; see below.").format(
                failures=len(report.failures),
            ))
            self.report.setPlainText("\n".join(f"{f.key} — {f.reason}"
                                               for f in report.failures))
            self.report.show()
        self.status.setStyleSheet("" if report.ok else ERROR_STYLE)
        self.status.setText(" ".join(parts))
        self.model.clear()
        self.delete_button.setText(translate("CleanupDialog", "Delete…"))
        self.set_busy(False)

    def show_problem(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)
        self.set_busy(False)

    def show_note(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)
