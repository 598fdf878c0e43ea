"""The difference between a folder and a bucket folder as a tree: one branch per group
(only here, only there, different, conflicts, name clashes, same) with its count and bytes in
the branch's own row, every key below it with its size and why it is in that group, and what
the sync will do with it (from the plan). Big groups list their first keys and say how many
more there are, so a 100,000-key compare shows at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop_app.core.humanize import human_size
from desktop_app.core.sync_compare import Comparison, Group, Item, Why
from desktop_app.transfers.sync_plan import SyncPlan
from desktop_app.ui.shell.i18n import translate

SHOWN_PER_GROUP = 2000  # keys listed under a branch; the rest are counted
ORDER = (Group.CONFLICTS, Group.DIFFERENT, Group.ONLY_LOCAL, Group.ONLY_REMOTE,
         Group.NAME_CLASHES, Group.SAME)


def group_title(group: Group) -> str:
    return {
        Group.ONLY_LOCAL: translate("SyncCompareView", "Only in the folder"),
        Group.ONLY_REMOTE: translate("SyncCompareView", "Only in the bucket"),
        Group.SAME: translate("SyncCompareView", "The same"),
        Group.DIFFERENT: translate("SyncCompareView", "Different"),
        Group.CONFLICTS: translate("SyncCompareView", "Conflicts"),
        Group.NAME_CLASHES: translate("SyncCompareView", "Name clashes"),
    }[group]


def group_tip(group: Group) -> str:
    return {
        Group.ONLY_LOCAL: translate(
            "SyncCompareView", "Files in the folder with no object of that name"),
        Group.ONLY_REMOTE: translate(
            "SyncCompareView", "Objects with no file of that name in the folder"),
        Group.SAME: translate(
            "SyncCompareView", "The same size and content (or unchanged since the last sync)"),
        Group.DIFFERENT: translate(
            "SyncCompareView", "On both sides, with different content; the newer side is said"),
        Group.CONFLICTS: translate(
            "SyncCompareView", "Changed both in the folder and in the bucket since the last sync"),
        Group.NAME_CLASHES: translate(
            "SyncCompareView", "Names that differ only in upper/lower case or Unicode form: never "
            "transferred, they would make a duplicate"),
    }[group]


def why_text(why: Why) -> str:
    """The reason shown for a key (written out so the translators' tool finds each)."""
    return {
        Why.NEW_HERE: translate("SyncCompareView", "new here"),
        Why.NEW_THERE: translate("SyncCompareView", "new there"),
        Why.DELETED_HERE: translate("SyncCompareView", "deleted here since the last sync"),
        Why.DELETED_THERE: translate("SyncCompareView", "deleted there since the last sync"),
        Why.UNCHANGED: translate("SyncCompareView", "unchanged since the last sync"),
        Why.SAME_CHECKSUM: translate("SyncCompareView", "same checksum"),
        Why.SAME_TIME: translate("SyncCompareView", "same size, times within tolerance"),
        Why.SIZE: translate("SyncCompareView", "size differs"),
        Why.CHECKSUM: translate("SyncCompareView", "checksum differs"),
        Why.NEWER_HERE: translate("SyncCompareView", "newer here"),
        Why.NEWER_THERE: translate("SyncCompareView", "newer there"),
        Why.CHANGED_BOTH: translate("SyncCompareView", "changed on both sides since the last sync"),
        Why.CASE_TWIN: translate(
            "SyncCompareView", "differs only in upper/lower case from another name"),
        Why.UNICODE_TWIN: translate(
            "SyncCompareView", "differs only in Unicode normalisation (NFC/NFD) from another name"),
    }.get(why, why.value)


def action_texts(plan: SyncPlan | None) -> dict[str, str]:
    """Per key, what the sync will do with it."""
    if plan is None:
        return {}
    texts: dict[str, str] = {}
    for key in plan.kept:
        texts[key] = translate("SyncCompareView", "Nothing (deleting is off)")
    for entry in plan.uploads:
        texts[entry.key] = translate("SyncCompareView", "Upload")
    for remote in plan.downloads:
        texts[remote.key] = translate("SyncCompareView", "Download")
    for remote in plan.delete_remote:
        texts[remote.key] = translate("SyncCompareView", "Delete in the bucket")
    for local in plan.delete_local:
        texts[local.key] = translate("SyncCompareView", "Delete in the folder")
    for both in plan.keep_both:
        texts[both.key] = translate(
            "SyncCompareView", "Keep both: the bucket's as “{name}”").format(
            name=both.new_key.rpartition("/")[2])
    for item in plan.undecided:
        texts[item.key] = translate("SyncCompareView", "Ask")
    for item in plan.left:
        texts[item.key] = translate("SyncCompareView", "Left as it is")
    return texts


class CompareTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncCompareTree")
        self.setColumnCount(4)
        self.setHeaderLabels([translate("SyncCompareView", "Name"),
                              translate("SyncCompareView", "Size"),
                              translate("SyncCompareView", "Why"),
                              translate("SyncCompareView", "Sync will")])
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in ((1, 90), (2, 230), (3, 190)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)

    def show_comparison(self, comparison: Comparison, plan: SyncPlan | None) -> None:
        self.clear()
        actions = action_texts(plan)
        bold = QFont(self.font())
        bold.setBold(True)
        for group in ORDER:
            items = comparison.groups[group]
            branch = QTreeWidgetItem(self, [
                translate("SyncCompareView", "{title} — {count:,} file(s)", "", len(items)).format(
                    title=group_title(group), count=len(items)),
                human_size(comparison.bytes(group)), "", ""])
            branch.setData(0, Qt.ItemDataRole.UserRole, group.value)
            branch.setFont(0, bold)
            branch.setToolTip(0, group_tip(group))
            if not items:
                for column in range(2):
                    branch.setForeground(column, self.palette().placeholderText())
            branch.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for item in sorted(items[:SHOWN_PER_GROUP], key=lambda i: i.key):
                self._leaf(branch, item, actions.get(item.key, ""))
            if len(items) > SHOWN_PER_GROUP:
                QTreeWidgetItem(branch, [translate("SyncCompareView", "… and {count} more").format(
                    count=f"{len(items) - SHOWN_PER_GROUP:,}"), "", "", ""])
            branch.setExpanded(group is not Group.SAME and 0 < len(items) <= 200)

    def _leaf(self, branch: QTreeWidgetItem, item: Item, action: str) -> None:
        why = why_text(item.why)
        if item.twins:
            why += " (" + ", ".join(item.twins) + ")"
        leaf = QTreeWidgetItem(branch, [item.key, human_size(item.size), why, action])
        leaf.setData(0, Qt.ItemDataRole.UserRole, item.key)
        leaf.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        leaf.setToolTip(2, why)

    def branch(self, group: Group) -> QTreeWidgetItem | None:
        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            if top is not None and top.data(0, Qt.ItemDataRole.UserRole) == group.value:
                return top
        return None
