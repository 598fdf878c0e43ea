"""The "Copy presigned link" dialog: how long the link lives and how a browser treats it.

It only collects choices; the links are signed on a worker afterwards. It refuses an expiry
above seven days with the reason, shows when the links stop working, and warns when the
connection's temporary credentials would end them sooner. Opened with `open()` (never a
blocking `exec()`), so tests set the fields and call `accept()`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.links import (
    PRESETS,
    Disposition,
    credential_warning,
    expiry_problem,
    human_duration,
)
from desktop_app.ui.shell.i18n import translate

UNITS: tuple[tuple[str, timedelta], ...] = (
    (QT_TRANSLATE_NOOP("PresignDialog", "minutes"), timedelta(minutes=1)),
    (QT_TRANSLATE_NOOP("PresignDialog", "hours"), timedelta(hours=1)),
    (QT_TRANSLATE_NOOP("PresignDialog", "days"), timedelta(days=1)),
)
CUSTOM = QT_TRANSLATE_NOOP("PresignDialog", "Custom…")


def _label(parent: QWidget, name: str, style: str = "") -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label


class PresignDialog(QDialog):
    def __init__(
        self,
        count: int,
        temporary_credentials: bool = False,
        credentials_expire: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("presignDialog")
        self.setWindowTitle(translate(
            "PresignDialog", "Copy presigned link") if count == 1 else translate(
            "PresignDialog", "Copy presigned links"))
        self._temporary = temporary_credentials
        self._credentials_expire = credentials_expire

        self.preset = QComboBox(self)
        self.preset.setObjectName("expiryPreset")
        for text, delta in PRESETS:
            self.preset.addItem(text, delta)
        self.preset.addItem(translate("PresignDialog", CUSTOM), None)
        self.amount = QSpinBox(self)
        self.amount.setObjectName("customAmount")
        self.amount.setAccessibleName(translate("PresignDialog", "Custom time the link is valid"))
        self.amount.setRange(1, 100_000)
        self.amount.setValue(2)
        self.unit = QComboBox(self)
        self.unit.setObjectName("customUnit")
        for text, delta in UNITS:
            self.unit.addItem(translate("PresignDialog", text), delta)
        self.unit.setCurrentIndex(1)
        custom_row = QWidget(self)
        row = QHBoxLayout(custom_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.amount)
        row.addWidget(self.unit)
        row.addStretch(1)
        self.custom_row = custom_row

        self.disposition = QComboBox(self)
        self.disposition.setObjectName("disposition")
        self.disposition.addItem(translate(
            "PresignDialog", "As the server sends it"), Disposition.DEFAULT)
        self.disposition.addItem(translate(
            "PresignDialog", "Show in the browser (inline)"), Disposition.INLINE)
        self.disposition.addItem(translate(
            "PresignDialog", "Download as a file (attachment)"), Disposition.ATTACHMENT)

        intro = _label(self, "presignIntro")
        what = translate(
            "PresignDialog", "this file") if count == 1 else translate(
            "PresignDialog", "these {count} files").format(count=count)
        intro.setText(
            translate(
                "PresignDialog",
                "Anyone with the link can download {what} until it expires, without signing "
                "in.").format(
                what=what,
            )
            + ("" if count == 1 else translate("PresignDialog", " One link per line is copied."))
        )
        self.valid_until_label = _label(self, "validUntil")
        self.error_label = _label(self, "expiryError", "color:#b3261e;")
        self.warning_label = _label(self, "credentialWarning", "color:#8a5300;")

        form = QFormLayout()
        form.addRow(translate("PresignDialog", "Valid for:"), self.preset)
        form.addRow("", custom_row)
        form.addRow(translate("PresignDialog", "Browser:"), self.disposition)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate(
                "PresignDialog", "Copy link") if count == 1 else translate(
                "PresignDialog", "Copy {count} links").format(count=count)
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.valid_until_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.warning_label)
        self.sse_note = _label(self, "sseNote")
        self.sse_note.hide()
        layout.addWidget(self.sse_note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

        self.preset.currentIndexChanged.connect(self._update)
        self.amount.valueChanged.connect(self._update)
        self.unit.currentIndexChanged.connect(self._update)
        self._clock = QTimer(self)  # keeps "valid until" true while the dialog stays open
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self._update)
        self._clock.start()
        self._update()

    def explain_customer_key(self) -> None:
        """The objects are read with a customer key (SSE-C): a link alone does not open them."""
        self.sse_note.setText(translate(
            "PresignDialog",
            "This bucket's objects are encrypted with a customer key (SSE-C): the link alone "
            "does not open them. Whoever receives it must also send the key in the "
            "x-amz-server-side-encryption-customer-* headers, so the key has to be given to "
            "them separately; some servers refuse such links even then."))
        self.sse_note.show()

    # -- the testable API ----------------------------------------------------------------
    def set_preset(self, text: str) -> None:
        index = self.preset.findText(text, Qt.MatchFlag.MatchStartsWith)
        assert index >= 0, text
        self.preset.setCurrentIndex(index)

    def set_custom(self, amount: int, unit: str) -> None:
        self.preset.setCurrentIndex(self.preset.count() - 1)
        self.unit.setCurrentIndex(self.unit.findText(unit))
        self.amount.setValue(amount)

    def set_disposition(self, mode: Disposition) -> None:
        self.disposition.setCurrentIndex(self.disposition.findData(mode))

    def expires(self) -> timedelta:
        preset = self.preset.currentData()
        if isinstance(preset, timedelta):
            return preset
        unit = self.unit.currentData()
        assert isinstance(unit, timedelta)
        return unit * self.amount.value()

    def chosen_disposition(self) -> Disposition:
        mode = self.disposition.currentData()
        assert isinstance(mode, Disposition)
        return mode

    def problem(self) -> str | None:
        return expiry_problem(self.expires())

    def accept(self) -> None:
        """Refuses (and keeps the dialog open) while the expiry is not allowed."""
        self._update()
        if self.problem() is None:
            self._clock.stop()
            super().accept()

    def reject(self) -> None:
        self._clock.stop()
        super().reject()

    # -- internals -----------------------------------------------------------------------
    def _update(self) -> None:
        custom = self.preset.currentData() is None
        self.custom_row.setVisible(custom)
        self.custom_row.setEnabled(custom)
        expires = self.expires()
        problem = expiry_problem(expires)
        self.error_label.setText(problem or "")
        self.error_label.setVisible(problem is not None)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(problem is None)
        if problem is not None:
            self.valid_until_label.setText("")
            self.warning_label.setVisible(False)
            return
        until = datetime.now(UTC) + expires
        local = until.astimezone()
        self.valid_until_label.setText(
            translate(
                "PresignDialog",
                "The link works for {expires}, until {until} ({zone}).").format(
                expires=human_duration(expires),
                until=local.strftime('%Y-%m-%d %H:%M'),
                zone=local.tzname() or translate("PresignDialog", "local time"),
            )
        )
        warning = credential_warning(self._temporary, until, self._credentials_expire)
        self.warning_label.setText(warning.text if warning else "")
        self.warning_label.setVisible(warning is not None)
