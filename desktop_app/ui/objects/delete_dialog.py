"""Delete confirmation (naming exactly what will go) and the report of what failed.

Both are opened with `open()`, never a blocking `exec()`; the caller listens to `accepted`.
Every name is shown as plain text: a key is data, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.humanize import human_size
from desktop_app.core.keys_text import shown_key
from desktop_app.storage.bulk_ops import BulkReport, Expanded
from desktop_app.ui.shell.i18n import translate

LISTED = 12


def _plain(parent: QWidget, name: str, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def delete_summary(bucket: str, selected: Sequence[str], expanded: Expanded) -> str:
    """The confirmation text: counts, total size, and the selected names."""
    count, size = expanded.count, human_size(expanded.total_size)
    what = translate("DeleteDialog", "{count:,} object(s)", "", count).format(count=count)
    lines = [translate(
        "DeleteDialog",
        "Permanently delete {what} ({size}) from the bucket “{bucket}”?").format(
        what=what,
        size=size,
        bucket=bucket,
    )]
    if expanded.folders:
        folders = ", ".join(shown_key(f) for f in expanded.folders[:LISTED])
        more = len(expanded.folders) - LISTED
        lines.append(
            translate(
                "DeleteDialog",
                "This includes everything inside {folders}").format(
                folders=folders,
            ) + (translate(
                "DeleteDialog", " and {more} more").format(more=more) if more > 0 else "")
            + "."
        )
    lines.append("")
    lines.extend(f"  {shown_key(name)}" for name in selected[:LISTED])
    if len(selected) > LISTED:
        lines.append(translate(
            "DeleteDialog", "  … and {value:,} more").format(value=len(selected) - LISTED))
    lines.append("")
    lines.append(translate(
        "DeleteDialog", "This cannot be undone (unless the bucket keeps versions)."))
    return "\n".join(lines)


class DeleteDialog(QDialog):
    def __init__(
        self, bucket: str, selected: Sequence[str], expanded: Expanded,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deleteDialog")
        self.setWindowTitle(translate("DeleteDialog", "Delete"))
        self.expanded = expanded
        self.summary = delete_summary(bucket, selected, expanded)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        delete = buttons.addButton(translate(
            "DeleteDialog", "Delete"), QDialogButtonBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirmDelete")
        delete.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(self, "deleteSummary", self.summary))
        layout.addWidget(buttons)


def report_text(report: BulkReport, verb: str) -> str:
    """One line for the message bar: what was done, skipped, cancelled and failed."""
    done = report.done
    parts = [translate(
        "DeleteDialog",
        "{verb} {done:,} object(s)", "", done).format(
        verb=verb,
        done=report.done,
    )]
    if report.skipped:
        parts.append(translate(
            "DeleteDialog",
            "skipped {skipped:,} that already existed").format(skipped=report.skipped))
    if report.cancelled:
        parts.append(translate(
            "DeleteDialog",
            "cancelled with {remaining:,} not done").format(remaining=report.remaining))
    if report.failures:
        parts.append(translate(
            "DeleteDialog", "{failures:,} failed").format(failures=len(report.failures)))
    return "; ".join(parts) + "."


class ReportDialog(QDialog):
    """Lists every key that failed and why (selectable text, so it can be copied)."""

    def __init__(self, title: str, report: BulkReport, verb: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("failureReport")
        self.setWindowTitle(title)
        self.resize(640, 360)
        self.listing = QPlainTextEdit(self)
        self.listing.setObjectName("failureList")
        self.listing.setReadOnly(True)
        self.listing.setPlainText(
            "\n".join(f"{shown_key(f.key)} — {f.reason}" for f in report.failures)
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(self, "reportSummary", report_text(report, verb)))
        layout.addWidget(self.listing, 1)
        layout.addWidget(buttons)
