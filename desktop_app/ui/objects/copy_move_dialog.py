"""Dialogs for copy, move, rename and new folder: where to, what name, and what to do with
objects that already exist. All open with `open()` and are driven in tests through their
small setters and `accept()`; none ever blocks in `exec()`."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import AppError
from desktop_app.core.keys_text import shown_key
from desktop_app.storage.bulk_copy import Collision, CopyPlan, check_name
from desktop_app.ui.shell.i18n import translate

LISTED = 8


def _plain(parent: QWidget, name: str, text: str = "", style: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label


class NameDialog(QDialog):
    """Asks for one name (new folder, rename); refuses names with `/` or control characters."""

    def __init__(self, title: str, prompt: str, initial: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nameDialog")
        self.setWindowTitle(title)
        self.edit = QLineEdit(initial, self)
        self.edit.setObjectName("nameEdit")
        stem = initial.rpartition(".")[0] if "." in initial.lstrip(".") else initial
        self.edit.setSelection(0, len(stem))
        self.error = _plain(self, "nameError", style="color:#b3261e;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(self, "namePrompt", prompt))
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def name(self) -> str:
        return check_name(self.edit.text())

    def accept(self) -> None:
        try:
            self.name()
        except AppError as err:
            self.error.setText(err.user_text())
            self.error.show()
            return
        super().accept()


class DestinationDialog(QDialog):
    """Copy to… / Move to…: an open connection (when several are open), one of its buckets
    and a folder path in it."""

    def __init__(self, move: bool, count: int, buckets: Sequence[str], bucket: str, prefix: str,
                 parent: QWidget | None = None,
                 connections: Sequence[tuple[str, str]] = (), connection: str = "",
                 buckets_of: Callable[[str], list[str]] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("destinationDialog")
        verb = translate(
            "DestinationDialog", "Move") if move else translate(
            "DestinationDialog", "Copy")
        self.setWindowTitle(translate("DestinationDialog", "Move to…") if move
                            else translate("DestinationDialog", "Copy to…"))
        self._buckets_of = buckets_of
        self._home = connection
        self.connection_box = QComboBox(self)
        self.connection_box.setObjectName("destinationConnection")
        self.connection_box.setAccessibleName(translate("DestinationDialog", "Connection"))
        for conn_id, name in connections:
            self.connection_box.addItem(name, conn_id)
        self.connection_box.setCurrentIndex(max(0, self.connection_box.findData(connection)))
        self.connection_box.currentIndexChanged.connect(self._connection_changed)
        self.bucket_box = QComboBox(self)
        self.bucket_box.setObjectName("destinationBucket")
        self.bucket_box.addItems(list(buckets) or [bucket])
        self.bucket_box.setCurrentText(bucket)
        self.folder_edit = QLineEdit(prefix, self)
        self.folder_edit.setObjectName("destinationFolder")
        self.folder_edit.setPlaceholderText(translate(
            "DestinationDialog", "folder/sub-folder/ (empty: the top of the bucket)"))
        what = translate("DestinationDialog", "{count:,} item(s)", "", count).format(count=count)
        form = QFormLayout()
        if len(connections) > 1:  # one connection: nothing to choose
            form.addRow(translate("DestinationDialog", "Connection:"), self.connection_box)
        else:
            self.connection_box.hide()
        form.addRow(translate("DestinationDialog", "Bucket:"), self.bucket_box)
        form.addRow(translate("DestinationDialog", "Folder:"), self.folder_edit)
        self.cross_note = _plain(
            self, "destinationCrossNote",
            translate(
                "DestinationDialog",
                "Another connection: the data passes through this computer (no server-side copy)."),
            "color:palette(mid);")
        self.cross_note.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(verb)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        prompt = (translate("DestinationDialog", "Move {what} to:") if move
                  else translate("DestinationDialog", "Copy {what} to:"))
        layout.addWidget(_plain(self, "destinationPrompt", prompt.format(what=what)))
        layout.addLayout(form)
        layout.addWidget(self.cross_note)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _connection_changed(self, _row: int) -> None:
        conn = self.destination_connection()
        if self._buckets_of is not None:
            self.bucket_box.clear()
            self.bucket_box.addItems(self._buckets_of(conn))
        self.cross_note.setVisible(bool(conn) and conn != self._home)

    def set_connection(self, conn_id: str) -> None:
        self.connection_box.setCurrentIndex(self.connection_box.findData(conn_id))

    def destination_connection(self) -> str:
        """The id of the chosen connection ("" when the dialog was given none)."""
        data = self.connection_box.currentData()
        return str(data) if data is not None else self._home

    def set_destination(self, bucket: str, folder: str) -> None:
        if self.bucket_box.findText(bucket) < 0:
            self.bucket_box.addItem(bucket)
        self.bucket_box.setCurrentText(bucket)
        self.folder_edit.setText(folder)

    def destination(self) -> tuple[str, str]:
        """(bucket, prefix); the prefix is normalised to end with `/` (or empty)."""
        parts = [p for p in self.folder_edit.text().strip().split("/") if p]
        return self.bucket_box.currentText(), "".join(f"{p}/" for p in parts)


class CollisionDialog(QDialog):
    """Some destinations exist: overwrite them, skip them, or keep both (renamed copies)."""

    def __init__(self, plan: CopyPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collisionDialog")
        self.setWindowTitle(translate("CollisionDialog", "Some items already exist"))
        self.choice: Collision | None = None
        clashes = plan.collisions
        lines = [
            translate(
                "CollisionDialog",
                "{clashes:,} of {items:,} objects already exist in “{dst_bucket}”:").format(
                clashes=len(clashes),
                items=len(plan.items),
                dst_bucket=plan.dst_bucket,
            ), "",
        ]
        lines.extend(f"  {shown_key(c.dst_key)}" for c in clashes[:LISTED])
        if len(clashes) > LISTED:
            lines.append(translate(
                "CollisionDialog", "  … and {value:,} more").format(value=len(clashes) - LISTED))
        lines += ["", translate("CollisionDialog", "What should happen to them?")]
        buttons = QDialogButtonBox(self)
        for text, choice, name in (
            (translate("CollisionDialog", "Overwrite"), Collision.OVERWRITE, "collisionOverwrite"),
            (translate("CollisionDialog", "Skip"), Collision.SKIP, "collisionSkip"),
            (translate("CollisionDialog", "Keep both"), Collision.KEEP_BOTH, "collisionKeepBoth"),
        ):
            button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, c=choice: self.choose(c))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(self, "collisionSummary", "\n".join(lines)))
        layout.addWidget(buttons)

    def choose(self, choice: Collision) -> None:
        self.choice = choice
        self.accept()
