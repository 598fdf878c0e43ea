"""The New bucket dialog: a name checked against S3's rules while it is typed, an optional
region, and the two settings that are best (object lock: only) chosen at creation.

It does not close on OK: it hands the request to the flow (`next_request`) and stays open,
busy, until the flow says the bucket exists (`done`) or shows why the server refused it
(`show_refusal`), so the user can pick another name without typing everything again.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.bucket_names import bucket_name_problem
from desktop_app.core.errors import AppError
from desktop_app.ui.shell.i18n import translate

ERROR_STYLE = "color:#b3261e;"
NOTE_STYLE = "color:palette(dark);"
NAME_HINT = QT_TRANSLATE_NOOP(
    "NewBucketDialog", "3 to 63 characters: lowercase letters, digits, dots and hyphens.")
LOCK_NOTE = (QT_TRANSLATE_NOOP(
    "NewBucketDialog", "Object lock can only be turned on now: it cannot be added to the bucket "
                       "later. "
    "It also turns versioning on, for good."))


@dataclass(frozen=True)
class NewBucketRequest:
    """What the user asked for; `region` "" means the connection's own region."""

    name: str
    region: str = ""
    versioning: bool = False
    object_lock: bool = False


def plain_label(parent: QWidget, name: str, text: str = "", style: str = "") -> QLabel:
    """A word-wrapped plain-text label: names from the server are data, never markup."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label


def fit_height(dialog: QDialog) -> None:
    """Just tall enough for its wrapped texts at its width: Qt's own size hint measures
    them at a narrower width and leaves gaps between them."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.invalidate()  # texts changed since the layout last measured them
    layout.activate()
    if not layout.hasHeightForWidth():
        return
    if not dialog.isVisible():
        width = dialog.minimumWidth()
        dialog.resize(width, layout.totalHeightForWidth(width))
    else:  # on screen: grow when a text got longer, never shrink what the user sized
        needed = layout.totalHeightForWidth(dialog.width())
        if needed > dialog.height():
            dialog.resize(dialog.width(), needed)


class NewBucketDialog(QDialog):
    def __init__(self, connection: str, region: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newBucketDialog")
        self.setWindowTitle(translate("NewBucketDialog", "New bucket"))
        self.setMinimumWidth(460)
        self._waiting: asyncio.Future[NewBucketRequest | None] | None = None
        self._busy = False

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("bucketNameEdit")
        self.name_edit.setPlaceholderText(translate("NewBucketDialog", "for example: team-photos"))
        self.name_edit.setMaxLength(255)
        self.name_problem = plain_label(self, "bucketNameProblem", style=ERROR_STYLE)
        self.region_edit = QLineEdit(self)
        self.region_edit.setObjectName("bucketRegionEdit")
        shown = region or translate("NewBucketDialog", "the server's default")
        self.region_edit.setPlaceholderText(translate(
            "NewBucketDialog", "{shown} (the connection's region)").format(shown=shown))
        self.versioning = QCheckBox(translate(
            "NewBucketDialog", "Keep versions of objects (versioning)"), self)
        self.versioning.setObjectName("bucketVersioning")
        self.object_lock = QCheckBox(translate(
            "NewBucketDialog", "Object lock (retention and legal hold)"), self)
        self.object_lock.setObjectName("bucketObjectLock")
        self.lock_note = plain_label(self, "objectLockNote",
                                     translate("NewBucketDialog", LOCK_NOTE), NOTE_STYLE)
        self.refusal = plain_label(self, "bucketRefusal", style=ERROR_STYLE)
        self.refusal.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button: QPushButton = self.buttons.addButton(
            translate("NewBucketDialog", "Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createBucket")
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("NewBucketDialog", "Name:"), self.name_edit)
        form.addRow("", self.name_problem)
        form.addRow(translate("NewBucketDialog", "Region:"), self.region_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self, "newBucketTarget", translate(
            "NewBucketDialog", "A new bucket on {connection}.").format(connection=connection)))
        layout.addLayout(form)
        layout.addWidget(self.versioning)
        layout.addWidget(self.object_lock)
        layout.addWidget(self.lock_note)
        layout.addWidget(self.refusal)
        layout.addWidget(self.buttons)

        self.name_edit.textChanged.connect(self._name_changed)
        self.region_edit.textChanged.connect(self._clear_refusal)
        self.object_lock.toggled.connect(self._lock_toggled)
        self._name_changed(self.name_edit.text())
        fit_height(self)

    # -- while typing --------------------------------------------------------------------
    def _name_changed(self, text: str) -> None:
        problem = bucket_name_problem(text) if text else ""
        # An empty field is not an error yet: the rules show until a name breaks one.
        self.name_problem.setText(problem or translate("NewBucketDialog", NAME_HINT))
        self.name_problem.setStyleSheet(ERROR_STYLE if problem else NOTE_STYLE)
        self._clear_refusal()
        self._update_button()
        fit_height(self)

    def _lock_toggled(self, on: bool) -> None:
        """Object lock needs versioning: it is ticked and cannot be unticked meanwhile."""
        if on:
            self.versioning.setChecked(True)
        self.versioning.setEnabled(not on and not self._busy)

    def _clear_refusal(self, *_args: object) -> None:
        self.refusal.hide()
        self.refusal.clear()

    def _update_button(self) -> None:
        valid = not bucket_name_problem(self.name_edit.text())
        self.create_button.setEnabled(valid and not self._busy)

    def request(self) -> NewBucketRequest:
        return NewBucketRequest(
            name=self.name_edit.text(), region=self.region_edit.text().strip(),
            versioning=self.versioning.isChecked() or self.object_lock.isChecked(),
            object_lock=self.object_lock.isChecked(),
        )

    # -- the flow's side -----------------------------------------------------------------
    async def next_request(self) -> NewBucketRequest | None:
        """Wait for Create (the request) or Cancel/close (None); opens the dialog first."""
        self._waiting = asyncio.get_running_loop().create_future()
        if not self.isVisible():
            self.open()
        try:
            return await self._waiting
        finally:
            self._waiting = None

    def accept(self) -> None:
        if self._busy or bucket_name_problem(self.name_edit.text()):
            return  # Enter on an invalid name does nothing; the rule is shown already
        if self._waiting is not None and not self._waiting.done():
            self.set_busy(True)
            self._waiting.set_result(self.request())

    def reject(self) -> None:
        if self._waiting is not None and not self._waiting.done():
            self._waiting.set_result(None)
        super().reject()

    def set_busy(self, busy: bool) -> None:
        """While the server is asked: nothing to change, and Create says what happens."""
        self._busy = busy
        for widget in (self.name_edit, self.region_edit, self.object_lock):
            widget.setEnabled(not busy)
        self.versioning.setEnabled(not busy and not self.object_lock.isChecked())
        self.create_button.setText(translate(
            "NewBucketDialog", "Creating…") if busy else translate(
            "NewBucketDialog", "Create"))
        self._update_button()

    def show_refusal(self, error: AppError) -> None:
        """The server said no (name taken, not allowed…): say so here and let them retry."""
        self.set_busy(False)
        self.refusal.setText(translate(
            "NewBucketDialog",
            "The server did not create the bucket. {user_text}").format(
            user_text=error.user_text(),
        ))
        self.refusal.show()
        fit_height(self)
        self.name_edit.setFocus()
        self.name_edit.selectAll()
