"""The "Find duplicates" window: progress with Cancel while it lists and compares, then the
groups of identical objects (largest saving first), each copy with a check box; "Select extras"
ticks every copy but the oldest (or newest) one, and "Delete selected…" asks the flow to
delete the ticked ones. A group can never have every copy ticked for deletion.

The flow (duplicates_flow.py) drives it: `next_delete()` waits for the user's request. The
summary and group titles are worded in duplicates_wording.py.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.duplicates import (
    DuplicateGroup,
    DuplicateReport,
    Keep,
    kept,
    reading_plan,
)
from desktop_app.core.humanize import human_size, human_time
from desktop_app.core.keys_text import shown_key
from desktop_app.core.types import ObjectEntry
from desktop_app.ui.insight.duplicates_wording import group_title, summary_text
from desktop_app.ui.insight.duplicates_work import ScanProgress
from desktop_app.ui.shell.i18n import translate

POLL_MS = 150
READ_REQUEST = "read"  # next_request(): compare the rest by reading them
KEY_ROLE = Qt.ItemDataRole.UserRole
WARNING_STYLE = "color:#b3261e;"


_WORDS = {  # phase -> (verb, what) of the progress line
    "relisting": (QT_TRANSLATE_NOOP(
        "DuplicatesDialog", "Listing again (many different sizes, so memory stays small):"),
        QT_TRANSLATE_NOOP("DuplicatesDialog", "objects")),
    "comparing": (QT_TRANSLATE_NOOP("DuplicatesDialog", "Compared"),
                  QT_TRANSLATE_NOOP("DuplicatesDialog", "objects of a shared size")),
    "deleting": (QT_TRANSLATE_NOOP("DuplicatesDialog", "Deleted"),
                 QT_TRANSLATE_NOOP("DuplicatesDialog", "copies")),
    "checking": (QT_TRANSLATE_NOOP("DuplicatesDialog",
                                   "Checked that nothing changed since the search:"),
                 QT_TRANSLATE_NOOP("DuplicatesDialog", "copies")),
}


class DuplicatesDialog(QDialog):
    folder_requested = Signal(str)  # the folder (prefix) of a double-clicked copy

    def __init__(self, scope: str, progress: ScanProgress, parent: QWidget | None = None,
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(translate(
            "DuplicatesDialog", "Duplicates in {scope}").format(scope=scope))
        self.resize(760, 520)
        self.progress = progress
        self.groups: list[DuplicateGroup] = []
        self._waiting: asyncio.Future[list[str] | str | None] | None = None
        self._busy = True

        self.status = self._label("duplicatesStatus")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("duplicatesProgress")
        self.bar.setRange(0, 0)
        self.cancel_button = QPushButton(translate("DuplicatesDialog", "Cancel"), self)
        self.cancel_button.setObjectName("duplicatesCancel")
        self.cancel_button.clicked.connect(self.cancel_work)
        self.summary = self._label("duplicatesSummary")

        self.keep_combo = QComboBox(self)
        self.keep_combo.setObjectName("duplicatesKeep")
        self.keep_combo.addItem(translate("DuplicatesDialog", "Keep the oldest copy"), Keep.OLDEST)
        self.keep_combo.addItem(translate("DuplicatesDialog", "Keep the newest copy"), Keep.NEWEST)
        self.select_button = QPushButton(translate("DuplicatesDialog", "Select extras"), self)
        self.select_button.setObjectName("duplicatesSelectExtras")
        self.select_button.setToolTip(translate(
            "DuplicatesDialog", "Tick every copy but the one kept, in every group"))
        self.select_button.clicked.connect(self.select_extras)
        self.clear_button = QPushButton(translate("DuplicatesDialog", "Select none"), self)
        self.clear_button.setObjectName("duplicatesSelectNone")
        self.clear_button.clicked.connect(lambda: self.set_checked(set()))

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("duplicatesTree")
        self.tree.setHeaderLabels([translate(
            "DuplicatesDialog", "Object"), translate(
            "DuplicatesDialog", "Size"), translate(
            "DuplicatesDialog", "Last modified")])
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.tree.setColumnWidth(1, 90)
        self.tree.setColumnWidth(2, 150)
        self.tree.itemChanged.connect(lambda *_: self._update_buttons())
        self.tree.itemDoubleClicked.connect(self._open_folder)
        self.tree.setToolTip(translate(
            "DuplicatesDialog", "Double-click a copy to show its folder in the main window"))

        self.report = QPlainTextEdit(self)
        self.report.setObjectName("duplicatesReport")
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(110)
        self.report.hide()
        self.selection_note = self._label("duplicatesSelection")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.delete_button = self.buttons.addButton(
            translate(
                "DuplicatesDialog",
                "Delete selected…"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setObjectName("duplicatesDelete")
        self.delete_button.clicked.connect(self._ask_delete)
        self.read_button = self.buttons.addButton(
            translate(
                "DuplicatesDialog", "Compare by reading…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.read_button.setObjectName("duplicatesRead")
        self.read_button.setToolTip(translate(
            "DuplicatesDialog",
            "Download the objects no stored hash could compare and compare their SHA-256 "
            "(nothing is saved)"))
        self.read_button.clicked.connect(self._ask_read)
        self.read_button.hide()
        self.to_read: list[ObjectEntry] = []
        self.buttons.rejected.connect(self.reject)

        working = QHBoxLayout()
        working.addWidget(self.bar, 1)
        working.addWidget(self.cancel_button)
        choose = QHBoxLayout()
        choose.addWidget(self.keep_combo)
        choose.addWidget(self.select_button)
        choose.addWidget(self.clear_button)
        choose.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(working)
        layout.addWidget(self.summary)
        layout.addLayout(choose)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.report)
        layout.addWidget(self.selection_note)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self.set_busy(True, translate("DuplicatesDialog", "Listing objects…"))

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # keys are data, never markup
        label.setWordWrap(True)
        return label

    # -- working -------------------------------------------------------------------------
    def set_busy(self, busy: bool, text: str = "") -> None:
        """While listing, comparing or deleting: progress and Cancel, the choices locked."""
        self._busy = busy
        self.bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if text:
            self.status.setText(text)
        self.status.setVisible(bool(self.status.text()))
        for widget in (self.keep_combo, self.select_button, self.clear_button, self.tree):
            widget.setEnabled(not busy)
        if busy:
            self.progress.cancel.clear()
            self.progress.update("listing", 0, 0)
            self._timer.start()
        else:
            self._timer.stop()
        self._update_buttons()

    def refresh(self) -> None:
        p = self.progress
        if p.cancel.is_set():
            self.status.setText(translate(
                "DuplicatesDialog", "Cancelling… (waiting for the requests under way)"))
            return
        if p.phase == "listing":
            self.bar.setRange(0, 0)
            self.status.setText(translate(
                "DuplicatesDialog", "Listing objects… {done:,} so far").format(done=p.done))
        elif p.phase == "reading":  # bytes: the bar in per mille (sizes overflow an int)
            self.bar.setRange(0, 1000)
            self.bar.setValue(1000 * p.done // max(p.total, 1))
            self.status.setText(translate(
                "DuplicatesDialog",
                "Reading to compare: {done} of {total}…").format(
                done=human_size(p.done),
                total=human_size(p.total),
            ))
        else:
            self.bar.setRange(0, max(p.total, 1))
            self.bar.setValue(min(p.done, p.total))
            verb, what = (translate("DuplicatesDialog", word)
                          for word in _WORDS.get(p.phase, _WORDS["comparing"]))
            self.status.setText(translate(
                "DuplicatesDialog",
                "{verb} {done:,} of {total:,} {what}…").format(
                verb=verb,
                done=p.done,
                total=p.total,
                what=what,
            ))

    def cancel_work(self) -> None:
        self.progress.cancel.set()
        self.cancel_button.setEnabled(False)
        self.refresh()

    # -- results -------------------------------------------------------------------------
    def show_report(self, report: DuplicateReport) -> None:
        self.groups = list(report.groups)
        self.summary.setText(summary_text(report))
        self.status.clear()
        self.to_read = reading_plan(report) if not report.cancelled else []
        size = sum(e.size for e in self.to_read)
        self.read_button.setText(translate(
            "DuplicatesDialog",
            "Compare {to_read:,} by reading ({size})…").format(
            to_read=len(self.to_read),
            size=human_size(size),
        ))
        self.read_button.setVisible(bool(self.to_read))
        self.report.setPlainText("\n".join(f"{shown_key(key)} — {why}"
                                           for key, why in report.unread))
        self.report.setVisible(bool(report.unread))
        self._fill()
        self.set_busy(False)

    def _fill(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        for group in self.groups:
            top = QTreeWidgetItem([group_title(group), "", ""])
            top.setFirstColumnSpanned(True)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            for entry in group.entries:
                top.addChild(self._row(entry))
            top.setFirstColumnSpanned(True)
            top.setExpanded(True)
        self.tree.blockSignals(False)
        self._update_buttons()

    @staticmethod
    def _row(entry: ObjectEntry) -> QTreeWidgetItem:
        item = QTreeWidgetItem([shown_key(entry.key), human_size(entry.size),
                                human_time(entry.last_modified)])
        item.setData(0, KEY_ROLE, entry.key)
        item.setToolTip(0, shown_key(entry.key))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                      | Qt.ItemFlag.ItemIsSelectable)
        item.setCheckState(0, Qt.CheckState.Unchecked)
        return item

    def _open_folder(self, item: QTreeWidgetItem, _column: int) -> None:
        key = item.data(0, KEY_ROLE)
        if isinstance(key, str):
            self.folder_requested.emit(key[:key.rfind("/") + 1])

    def _rows(self) -> list[QTreeWidgetItem]:
        rows: list[QTreeWidgetItem] = []
        for g in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(g)
            if top is not None:
                rows.extend(c for c in (top.child(i) for i in range(top.childCount()))
                            if c is not None)
        return rows

    def checked_keys(self) -> list[str]:
        return [str(item.data(0, KEY_ROLE)) for item in self._rows()
                if item.checkState(0) == Qt.CheckState.Checked]

    def set_checked(self, keys: set[str]) -> None:
        self.tree.blockSignals(True)
        for item in self._rows():
            on = str(item.data(0, KEY_ROLE)) in keys
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.tree.blockSignals(False)
        self._update_buttons()

    def keep(self) -> Keep:
        keep = self.keep_combo.currentData()
        return keep if isinstance(keep, Keep) else Keep.OLDEST

    def select_extras(self) -> None:
        """Tick every copy but the kept one (oldest or newest) in every group."""
        keep = self.keep()
        self.set_checked({e.key for g in self.groups for e in g.entries
                          if e is not kept(g, keep)})

    def whole_groups(self) -> list[DuplicateGroup]:
        """Groups with every copy ticked: deleting them would lose the content."""
        chosen = set(self.checked_keys())
        return [g for g in self.groups if all(e.key in chosen for e in g.entries)]

    def deletion_plan(self) -> list[tuple[DuplicateGroup, list[str]]]:
        """Each group with ticked copies, and those copies' keys."""
        chosen = set(self.checked_keys())
        plan = [(g, [e.key for e in g.entries if e.key in chosen]) for g in self.groups]
        return [(g, keys) for g, keys in plan if keys]

    def chosen_size(self) -> int:
        sizes = {e.key: e.size for g in self.groups for e in g.entries}
        return sum(sizes[key] for key in self.checked_keys())

    def _update_buttons(self) -> None:
        chosen = self.checked_keys() if not self._busy else []
        whole = self.whole_groups() if chosen else []
        if whole:
            self.selection_note.setStyleSheet(WARNING_STYLE)
            self.selection_note.setText(
                translate(
                    "DuplicatesDialog",
                    "Every copy of {whole} is ticked: leave at least one copy of each unticked, "
                    "or its content would be gone.").format(
                    whole=translate(
                        "DuplicatesDialog", "{count:,} group(s)", "", len(whole)).format(
                        count=len(whole)),
                ))
        else:
            self.selection_note.setStyleSheet("")
            self.selection_note.setText(
                translate(
                    "DuplicatesDialog",
                    "{chosen} selected, {human_size}.").format(
                    chosen=translate(
                        "DuplicatesDialog", "{count:,} copy/copies", "", len(chosen)).format(
                        count=len(chosen)),
                    human_size=human_size(self.chosen_size()),
                ) if chosen else "")
        self.delete_button.setEnabled(bool(chosen) and not whole and not self._busy)
        self.read_button.setEnabled(not self._busy)

    def remove_deleted(self, deleted: set[str]) -> None:
        """Take deleted copies out; a group left with one copy is no longer a group."""
        kept_groups = []
        for group in self.groups:
            rest = tuple(e for e in group.entries if e.key not in deleted)
            if len(rest) > 1:
                kept_groups.append(DuplicateGroup(group.size, group.kind, rest, group.hashes))
        self.groups = kept_groups
        freeable = sum(g.freeable for g in kept_groups)
        self.summary.setText(
            translate(
                "DuplicatesDialog",
                "{kept_groups} of identical objects left, {freeable} could still be freed.").format(
                kept_groups=translate(
                    "DuplicatesDialog", "{count:,} group(s)", "", len(kept_groups)).format(
                    count=len(kept_groups)),
                freeable=human_size(freeable),
            ) if kept_groups
            else translate("DuplicatesDialog", "No duplicates are left."))
        self._fill()

    def show_outcome(self, text: str, failures: list[str]) -> None:
        self.status.setText(text)
        self.status.setVisible(True)
        self.report.setPlainText("\n".join(failures))
        self.report.setVisible(bool(failures))

    # -- the flow's questions --------------------------------------------------------------
    async def next_delete(self) -> list[str] | str | None:
        """Wait for "Delete selected…" (the ticked keys), "Compare by reading…"
        (READ_REQUEST) or Close (None)."""
        self._waiting = asyncio.get_running_loop().create_future()
        try:
            return await self._waiting
        finally:
            self._waiting = None

    def _ask_delete(self) -> None:
        if self._waiting is not None and not self._waiting.done() and self.checked_keys() \
                and not self.whole_groups():
            self._waiting.set_result(self.checked_keys())

    def _ask_read(self) -> None:
        if self._waiting is not None and not self._waiting.done() and self.to_read:
            self._waiting.set_result(READ_REQUEST)

    def reject(self) -> None:
        """Close (or Escape): stops any work under way, and answers the flow."""
        self.progress.cancel.set()
        if self._waiting is not None and not self._waiting.done():
            self._waiting.set_result(None)
        self._timer.stop()
        super().reject()
