"""The address bar: a breadcrumb of the current folder that turns into a text field.

Each crumb is a button that opens that folder. Clicking the free space right of the crumbs
(or Ctrl+L) switches to an editable `bucket/prefix/` field; Enter goes there, Escape or
leaving the field returns to the breadcrumb. Segment labels are escaped like table names.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from desktop_app.core.history import parse_address
from desktop_app.core.keys import display_key
from desktop_app.ui.shell.i18n import translate

MAX_CRUMB_CHARS = 64


class _AddressEdit(QLineEdit):
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.cancelled.emit()


class _CrumbBar(QWidget):
    """Clicking the empty part of the bar asks for the text field."""

    edit_requested = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.edit_requested.emit()
        event.accept()


class AddressBar(QStackedWidget):
    """Emits `location_entered(bucket, prefix)` when a crumb is clicked or Enter is pressed."""

    location_entered = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addressBar")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._bucket = ""
        self._prefix = ""
        self.crumbs = _CrumbBar(self)
        self.crumbs.setObjectName("addressCrumbs")
        self._crumb_layout = QHBoxLayout(self.crumbs)
        self._crumb_layout.setContentsMargins(0, 0, 0, 0)
        self._crumb_layout.setSpacing(0)
        self.crumbs.edit_requested.connect(self.start_editing)
        self.edit = _AddressEdit(self)
        self.edit.setObjectName("addressEdit")
        self.edit.setAccessibleName(translate("AddressBar", "Address"))
        self.edit.setAccessibleDescription(translate(
            "AddressBar", "Type bucket/folder/ and press Enter to go there"))
        self.edit.setPlaceholderText(translate("AddressBar", "bucket/folder/"))
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(self._entered)
        self.edit.cancelled.connect(self._stop_editing)
        self.addWidget(self.crumbs)
        self.addWidget(self.edit)
        self.set_location("", "")

    @property
    def editing(self) -> bool:
        return self.currentWidget() is self.edit

    def crumb_texts(self) -> list[str]:
        return [button.text() for button in self.crumb_buttons]

    def set_location(self, bucket: str, prefix: str) -> None:
        self._bucket, self._prefix = bucket, prefix
        self.crumb_buttons: list[QToolButton] = []
        while (item := self._crumb_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()  # deleteLater waits for the event loop; never paint it meanwhile
                widget.deleteLater()
        if bucket:
            self._add_crumb(bucket, bucket, "")
            path = ""
            for part in prefix.rstrip("/").split("/") if prefix else []:
                path += f"{part}/"
                self._add_crumb(f"› {part}", bucket, path)
        self._crumb_layout.addStretch(1)
        if not self.editing:
            self.edit.setText(self.address())

    def address(self) -> str:
        return f"{self._bucket}/{self._prefix}" if self._bucket else ""

    def _add_crumb(self, label: str, bucket: str, prefix: str) -> None:
        button = QToolButton(self.crumbs)
        shown = display_key(label)
        if len(shown) > MAX_CRUMB_CHARS:
            shown = shown[: MAX_CRUMB_CHARS - 1] + "…"
        button.setText(shown)
        button.setToolTip(display_key(f"{bucket}/{prefix}"))
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self.location_entered.emit(bucket, prefix))
        self._crumb_layout.addWidget(button)
        self.crumb_buttons.append(button)

    def start_editing(self) -> None:
        self.edit.setText(self.address())
        self.setCurrentWidget(self.edit)
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def _stop_editing(self) -> None:
        if self.editing:
            self.setCurrentWidget(self.crumbs)

    def _entered(self) -> None:
        bucket, prefix = parse_address(self.edit.text())
        self._stop_editing()
        if bucket:
            self.location_entered.emit(bucket, prefix)
