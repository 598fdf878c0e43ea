"""The Sync window: which folder with which bucket folder and how, the compare as a tree with
counts and bytes per group, and the saved pairs with the state of their last run.

It only shows and asks; `actions.SyncActions` compares, plans and runs (off the UI thread)
and feeds it. Nothing moves until Sync is pressed.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.humanize import human_size
from desktop_app.core.sync_compare import Comparison, Group
from desktop_app.core.sync_model import ConflictRule, Direction, SyncPair, SyncState
from desktop_app.transfers.sync_plan import SyncPlan
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.sync.compare_view import CompareTree


def direction_names() -> dict[Direction, str]:
    return {Direction.UPLOAD: translate("SyncWindow", "Upload: make the bucket match the folder"),
            Direction.DOWNLOAD: translate(
                "SyncWindow", "Download: make the folder match the bucket"),
            Direction.TWO_WAY: translate(
                "SyncWindow", "Two-way: send each change where it is missing")}


def rule_names() -> dict[ConflictRule, str]:
    return {ConflictRule.ASK: translate("SyncWindow", "Ask me"),
            ConflictRule.NEWER_WINS: translate("SyncWindow", "The newer version wins"),
            ConflictRule.KEEP_BOTH: translate(
                "SyncWindow", "Keep both (the bucket's under a new name)")}


def last_run_text(state: SyncState) -> str:
    """"Never run", "Unfinished: continues when its connection opens", or what it did."""
    if not state.finished:
        return translate("SyncWindow", "Unfinished: continues when its connection is open")
    if not state.last_run:
        return translate("SyncWindow", "Never run")
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(state.last_run))
    done = state.summary
    text = translate(
        "SyncWindow", "Last run {when}: {up} uploaded, {down} downloaded, {deleted} "
        "deleted").format(
        when=when, up=done.get("uploaded", 0), down=done.get("downloaded", 0),
        deleted=done.get("deleted", 0))
    if done.get("failed"):
        text += translate("SyncWindow", ", {failed} failed").format(failed=done["failed"])
    return text


class SyncWindow(QDialog):
    compare_requested = Signal()
    sync_requested = Signal()
    save_requested = Signal()
    run_pair_requested = Signal(str)  # pair id
    open_pair_requested = Signal(str)
    forget_pair_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncWindow")
        self.setWindowTitle(translate("SyncWindow", "Sync a folder with a bucket"))
        self.setWindowFlag(Qt.WindowType.Window)
        self.setModal(False)
        self.resize(1100, 680)
        self.pair: SyncPair | None = None  # what the form shows (its id is kept on save)
        splitter = QSplitter(self)
        splitter.addWidget(self._build_pairs())
        splitter.addWidget(self._build_main())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- building ------------------------------------------------------------------------
    def _build_pairs(self) -> QWidget:
        box = QGroupBox(translate("SyncWindow", "Saved pairs"), self)
        self.pairs = QListWidget(box)
        self.pairs.setObjectName("syncPairs")
        self.pairs.setWordWrap(True)
        self.pairs.itemDoubleClicked.connect(lambda item: self.open_pair_requested.emit(
            item.data(Qt.ItemDataRole.UserRole)))
        self.run_pair = QPushButton(translate("SyncWindow", "Sync again"), box)
        self.run_pair.setObjectName("syncRunPair")
        self.run_pair.setToolTip(translate(
            "SyncWindow", "Compare and sync the selected pair in one click"))
        self.open_pair = QPushButton(translate("SyncWindow", "Open"), box)
        self.forget_pair = QPushButton(translate("SyncWindow", "Forget"), box)
        for button, signal in ((self.run_pair, self.run_pair_requested),
                               (self.open_pair, self.open_pair_requested),
                               (self.forget_pair, self.forget_pair_requested)):
            button.clicked.connect(lambda _c=False, s=signal: self._emit_selected(s))
            button.setEnabled(False)
        self.pairs.currentItemChanged.connect(self._pair_selected)
        buttons = QHBoxLayout()
        for button in (self.run_pair, self.open_pair, self.forget_pair):
            buttons.addWidget(button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.pairs)
        layout.addLayout(buttons)
        return box

    def _build_main(self) -> QWidget:
        main = QWidget(self)
        form = QFormLayout()
        self.folder = QLineEdit(main)
        self.folder.setObjectName("syncFolder")
        self.folder.setAccessibleName(translate("SyncWindow", "Local folder"))
        self.folder.setPlaceholderText(translate("SyncWindow", "The local folder to sync"))
        choose = QPushButton(translate("SyncWindow", "Choose…"), main)
        choose.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        form.addRow(translate("SyncWindow", "Folder:"), row)
        self.target = QLabel(main)
        self.target.setObjectName("syncTarget")
        self.target.setTextFormat(Qt.TextFormat.PlainText)
        self.target.setText(translate(
            "SyncWindow", "None yet: open a saved pair, or right-click a bucket → Sync with a "
            "local folder…"))
        form.addRow(translate("SyncWindow", "Bucket folder:"), self.target)
        self.direction = QComboBox(main)
        self.direction.setObjectName("syncDirection")
        for value, text in direction_names().items():
            self.direction.addItem(text, value.value)
        form.addRow(translate("SyncWindow", "Direction:"), self.direction)
        self.rule = QComboBox(main)
        self.rule.setObjectName("syncConflictRule")
        for rule, text in rule_names().items():
            self.rule.addItem(text, rule.value)
        form.addRow(translate("SyncWindow", "Conflicts:"), self.rule)
        self.delete = QCheckBox(translate(
            "SyncWindow", "Delete on the other side what was removed on this one (asked again with "
            "the count)"), main)
        self.delete.setObjectName("syncDelete")
        form.addRow("", self.delete)
        self.watch = QCheckBox(translate(
            "SyncWindow", "Watch the folder and upload new and changed files as they settle"), main)
        self.watch.setObjectName("syncWatch")
        form.addRow("", self.watch)
        self.name = QLineEdit(main)
        self.name.setAccessibleName(translate("SyncWindow", "Name of the pair"))
        self.name.setPlaceholderText(translate("SyncWindow", "A name for this pair"))
        self.save = QPushButton(translate("SyncWindow", "Save pair"), main)
        self.save.setObjectName("syncSave")
        self.save.clicked.connect(self.save_requested)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.save)
        form.addRow(translate("SyncWindow", "Name:"), row)

        self.compare = QPushButton(translate("SyncWindow", "Compare"), main)
        self.compare.setObjectName("syncCompare")
        self.compare.setDefault(True)
        self.compare.clicked.connect(self.compare_requested)
        self.summary = QLabel(translate(
            "SyncWindow", "Press Compare to see the difference; nothing moves until you press "
            "Sync."), main)
        self.summary.setObjectName("syncSummary")
        self.summary.setWordWrap(True)
        self.summary.setMinimumHeight(2 * self.summary.fontMetrics().lineSpacing() + 4)
        self.tree = CompareTree(main)
        self.tree.setAccessibleName(translate("SyncWindow", "Difference"))
        self.tree.setAccessibleDescription(translate(
            "SyncWindow", "What differs between the folder and the bucket folder, by group, and "
            "what the sync will do with each file"))
        self.progress = QProgressBar(main)
        self.progress.setVisible(False)
        self.sync = QPushButton(translate("SyncWindow", "Sync"), main)
        self.sync.setObjectName("syncRun")
        self.sync.setEnabled(False)
        self.sync.clicked.connect(self.sync_requested)
        close = QPushButton(translate("SyncWindow", "Close"), main)
        close.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(self.compare)
        top.addWidget(self.summary, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addStretch(0)
        bottom.addWidget(self.sync)
        bottom.addWidget(close)
        layout = QVBoxLayout(main)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)
        return main

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, translate("SyncWindow", "Folder to sync"),
                                                  self.folder.text() or str(Path.home()))
        if chosen:
            self.folder.setText(chosen)

    def _emit_selected(self, signal: Signal) -> None:
        item = self.pairs.currentItem()
        if item is not None:
            signal.emit(item.data(Qt.ItemDataRole.UserRole))  # type: ignore[attr-defined]

    def _pair_selected(self, current: QListWidgetItem | None, _old: object = None) -> None:
        for button in (self.run_pair, self.open_pair, self.forget_pair):
            button.setEnabled(current is not None)

    # -- what the flows call -------------------------------------------------------------
    def load_pair(self, pair: SyncPair, target_text: str) -> None:
        self.pair = pair
        self.folder.setText(pair.local_folder)
        self.target.setText(target_text)
        self.direction.setCurrentIndex(self.direction.findData(pair.direction.value))
        self.rule.setCurrentIndex(self.rule.findData(pair.conflict_rule.value))
        self.delete.setChecked(pair.delete_on_other_side)
        self.watch.setChecked(pair.watch)
        self.name.setText(pair.name)
        self.tree.clear()
        self.sync.setEnabled(False)

    def form_pair(self) -> SyncPair | None:
        """The pair as the form says it (None without a target or folder)."""
        if self.pair is None or not self.folder.text().strip():
            return None
        return SyncPair(
            local_folder=self.folder.text().strip(), connection_id=self.pair.connection_id,
            bucket=self.pair.bucket, prefix=self.pair.prefix,
            direction=Direction(self.direction.currentData()),
            conflict_rule=ConflictRule(self.rule.currentData()),
            delete_on_other_side=self.delete.isChecked(), watch=self.watch.isChecked(),
            name=self.name.text().strip(), id=self.pair.id)

    def set_pairs(self, pairs: list[tuple[SyncPair, SyncState, str]]) -> None:
        """(pair, its state, where it goes) per saved pair."""
        current = self.pairs.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.pairs.clear()
        for pair, state, where in pairs:
            title = pair.name or Path(pair.local_folder).name
            watching = translate("SyncWindow", " · watching") if pair.watch else ""
            item = QListWidgetItem(f"{title}{watching}\n{pair.local_folder} ⇄ {where}\n"
                                   f"{last_run_text(state)}", self.pairs)
            item.setData(Qt.ItemDataRole.UserRole, pair.id)
            item.setToolTip(direction_names()[pair.direction])
            if pair.id == keep:
                self.pairs.setCurrentItem(item)

    def show_busy(self, text: str) -> None:
        self.summary.setText(text)
        self.compare.setEnabled(False)
        self.sync.setEnabled(False)

    def show_comparison(self, comparison: Comparison, plan: SyncPlan) -> None:
        self.tree.show_comparison(comparison, plan)
        parts = [translate("SyncWindow", "{up} to upload ({up_size})").format(
                     up=len(plan.uploads), up_size=human_size(plan.upload_bytes)),
                 translate("SyncWindow", "{down} to download ({down_size})").format(
                     down=len(plan.downloads), down_size=human_size(plan.download_bytes))]
        if plan.deletions:
            parts.append(translate("SyncWindow", "{count} to delete ({size})").format(
                count=plan.deletions, size=human_size(plan.deletion_bytes)))
        if plan.undecided:
            parts.append(translate(
                "SyncWindow", "{count} conflict(s) to decide", "", len(plan.undecided)).format(
                count=len(plan.undecided)))
        if comparison.count(Group.NAME_CLASHES):
            parts.append(translate(
                "SyncWindow", "{count} name clash(es) left as they "
                "are", "", comparison.count(Group.NAME_CLASHES)).format(
                count=comparison.count(Group.NAME_CLASHES)))
        text = "; ".join(parts) + "."
        if not (plan.transfers or plan.deletions or plan.undecided):
            text = translate("SyncWindow", "Nothing to sync: both sides agree.") + (
                " " + parts[-1] + "." if comparison.count(Group.NAME_CLASHES) else "")
        if not comparison.complete:
            text = translate("SyncWindow", "Incomplete (cancelled or not fully listed): ") + text
        self.summary.setText(text)
        self.compare.setEnabled(True)
        self.sync.setEnabled(not plan.empty or bool(plan.undecided))

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setVisible(True)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(translate(
            "SyncWindow", "{done} of {total} files").format(done=done, total=total))

    def show_done(self, text: str) -> None:
        self.progress.setVisible(False)
        self.summary.setText(text)
        self.compare.setEnabled(True)

    def show_failed(self, text: str) -> None:
        self.show_done(text)
        self.sync.setEnabled(False)
