"""The encryption setting of a connection or a bucket: none, the server's keys (SSE-S3) or a
customer key (SSE-C) generated here or pasted. The key is shown again only on request, after a
warning; over http the customer key is not offered, and the dialog says why."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import AppError
from desktop_app.core.sse import CustomerKey, Encryption, Mode, https_problem
from desktop_app.ui.shell.i18n import translate


class EncryptionDialog(QDialog):
    """Edits one scope's `Encryption`; `result_setting()` after Accepted."""

    def __init__(self, where: str, current: Encryption, secure: bool,
                 parent: QWidget | None = None, ask_key: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("encryptionDialog")
        self.setWindowTitle(translate("EncryptionDialog", "Encryption keys"))
        self._key = current.key
        intro = QLabel(where, self)
        intro.setWordWrap(True)
        self.none = QRadioButton(translate(
            "EncryptionDialog", "No encryption asked for (the bucket's default applies)"), self)
        self.server = QRadioButton(translate(
            "EncryptionDialog", "Server-managed keys (SSE-S3)"), self)
        self.customer = QRadioButton(translate(
            "EncryptionDialog", "Customer key (SSE-C): the server keeps no copy of it"), self)
        group = QButtonGroup(self)
        for button in (self.none, self.server, self.customer):
            group.addButton(button)
        {Mode.NONE: self.none, Mode.SERVER: self.server,
         Mode.CUSTOMER: self.customer}[current.mode].setChecked(True)
        self.key_state = QLabel(self)
        self.key_state.setObjectName("keyState")
        self.key_state.setWordWrap(True)
        self.generate = QPushButton(translate("EncryptionDialog", "Generate new key"), self)
        self.paste = QPushButton(translate("EncryptionDialog", "Paste key…"), self)
        self.show_key = QPushButton(translate("EncryptionDialog", "Show key…"), self)
        self.remove = QPushButton(translate("EncryptionDialog", "Remove key"), self)
        self.generate.clicked.connect(self._generate)
        self.paste.clicked.connect(self._paste)
        self.show_key.clicked.connect(self._show)
        self.remove.clicked.connect(self._remove)
        keys = QHBoxLayout()
        for button in (self.generate, self.paste, self.show_key, self.remove):
            keys.addWidget(button)
        keys.addStretch(1)
        warning = QLabel(translate(
            "EncryptionDialog", "Keep a copy of a customer key somewhere safe: an object encrypted "
            "with it cannot be read by anyone without it, not even by the server's owner. The key "
            "is kept only in the system keyring, and is sent only over HTTPS."), self)
        warning.setWordWrap(True)
        self.http_reason = QLabel(self)
        self.http_reason.setObjectName("httpReason")
        self.http_reason.setWordWrap(True)
        problem = https_problem(secure)
        if problem is not None:
            self.customer.setEnabled(False)
            self.customer.setToolTip(translate(
                "EncryptionDialog", "Customer-key encryption needs an HTTPS connection."))
            self.http_reason.setText(translate(
                "EncryptionDialog", "Customer-key encryption needs an HTTPS connection: over http "
                "the key would travel in the clear with every request."))
        self.http_reason.setVisible(problem is not None)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.none)
        layout.addWidget(self.server)
        layout.addWidget(self.customer)
        layout.addWidget(self.http_reason)
        layout.addWidget(self.key_state)
        layout.addLayout(keys)
        layout.addWidget(warning)
        layout.addWidget(buttons)
        self.customer.toggled.connect(self._refresh)
        self._refresh()
        self.resize(560, self.sizeHint().height())
        if ask_key and problem is None:
            self.customer.setChecked(True)

    # -- the key -------------------------------------------------------------------------
    def _refresh(self) -> None:
        has_key = self._key is not None
        if has_key:
            assert self._key is not None
            self.key_state.setText(translate(
                "EncryptionDialog", "A customer key is set (fingerprint {fp}).").format(
                fp=self._key.fingerprint))
        else:
            self.key_state.setText(translate("EncryptionDialog", "No customer key is set."))
        usable = self.customer.isEnabled()
        self.generate.setEnabled(usable)
        self.paste.setEnabled(usable)
        self.show_key.setEnabled(has_key)
        self.remove.setEnabled(has_key)

    def set_key(self, key: CustomerKey | None) -> None:
        self._key = key
        if key is not None and self.customer.isEnabled():
            self.customer.setChecked(True)
        self._refresh()

    def _generate(self) -> None:
        if self._key is not None and QMessageBox.question(
                self, translate("EncryptionDialog", "Replace the key?"),
                translate(
                    "EncryptionDialog", "Objects already encrypted with the current key can be "
                    "read only with it. Replace it with a new key anyway?")) \
                != QMessageBox.StandardButton.Yes:
            return
        self.set_key(CustomerKey.generate())

    def _paste(self) -> None:
        text, ok = QInputDialog.getText(
            self, translate("EncryptionDialog", "Paste key"),
            translate("EncryptionDialog", "The key, in base64 (44 characters):"),
            QLineEdit.EchoMode.Password)
        if not ok or not text.strip():
            return
        try:
            self.set_key(CustomerKey.from_base64(text))
        except AppError as exc:
            QMessageBox.warning(self, translate("EncryptionDialog", "Not a key"), exc.user_text())

    def _show(self) -> None:
        if self._key is None:
            return
        if QMessageBox.warning(
                self, translate("EncryptionDialog", "Show the key?"),
                translate(
                    "EncryptionDialog", "Anyone who sees this key can read every object encrypted "
                    "with it. Show it only where nobody is watching your screen."),
                QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel) \
                != QMessageBox.StandardButton.Ok:
            return
        box = QMessageBox(QMessageBox.Icon.Information,
                          translate("EncryptionDialog", "Customer key"),
                          translate("EncryptionDialog",
                                    "The key (base64). Keep a copy in a safe place."),
                          QMessageBox.StandardButton.Close, self)
        box.setDetailedText(self._key.b64)
        box.exec()

    def _remove(self) -> None:
        if QMessageBox.question(
                self, translate("EncryptionDialog", "Remove the key?"),
                translate(
                    "EncryptionDialog", "Objects encrypted with this key will no longer open here "
                    "until the key is entered again. Remove it?")) \
                != QMessageBox.StandardButton.Yes:
            return
        self._key = None
        if self.customer.isChecked():
            self.none.setChecked(True)
        self._refresh()

    # -- the answer ----------------------------------------------------------------------
    def _accept(self) -> None:
        if self.customer.isChecked() and self._key is None:
            QMessageBox.warning(self, translate("EncryptionDialog", "No key"),
                                translate("EncryptionDialog", "Generate a key or paste one first."))
            return
        self.accept()

    def result_setting(self) -> Encryption:
        if self.customer.isChecked():
            return Encryption(Mode.CUSTOMER, self._key)
        mode = Mode.SERVER if self.server.isChecked() else Mode.NONE
        return Encryption(mode, self._key)  # a key kept still opens earlier objects
