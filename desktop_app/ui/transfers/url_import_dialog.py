"""Upload → From URL…: the link, the object's name, a size limit and "allow local addresses".

Only the form is checked here (an http(s) link without a login in it); the address checks
need DNS and run in the transfer engine, never on the GUI thread. The name is prefilled from
the link's path; left as prefilled, the server's own name (Content-Disposition) wins.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import AppError
from desktop_app.core.url_safety import parse
from desktop_app.transfers.options import MiB
from desktop_app.transfers.url_fetch import clean_name, name_from_url
from desktop_app.transfers.url_import import UrlImport
from desktop_app.ui.shell.i18n import translate

DEFAULT_LIMIT_MIB = 1024
MAX_LIMIT_MIB = 5 * 1024 * 1024  # S3's largest object


def is_web_link(text: str) -> bool:
    """True for a single http(s) link (what a paste onto the table should import)."""
    text = text.strip()
    if not text or any(c.isspace() for c in text):
        return False
    try:
        parse(text)
    except AppError:
        return False
    return True


class UrlImportDialog(QDialog):
    def __init__(self, bucket: str, prefix: str, url: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urlImportDialog")
        self.setWindowTitle(translate("UrlImportDialog", "Upload from URL"))
        self.bucket, self.prefix = bucket, prefix
        self._auto_name = ""
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("urlEdit")
        self.url_edit.setPlaceholderText("https://example.com/file.pdf")
        self.url_edit.setAccessibleName(translate("UrlImportDialog", "Link"))
        self.problem = QLabel(self)
        self.problem.setObjectName("urlProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#b00020;")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setAccessibleName(translate("UrlImportDialog", "Object name"))
        self.name_edit.setPlaceholderText(translate("UrlImportDialog", "From the server's answer"))
        name_hint = QLabel(translate(
            "UrlImportDialog", "The name the server gives the file is used unless you change this "
            "one."), self)
        name_hint.setWordWrap(True)
        name_hint.setEnabled(False)
        self.limit = QSpinBox(self)
        self.limit.setObjectName("limitSpin")
        self.limit.setRange(0, MAX_LIMIT_MIB)
        self.limit.setValue(DEFAULT_LIMIT_MIB)
        self.limit.setSuffix(translate("UrlImportDialog", " MiB"))
        self.limit.setSpecialValueText(translate("UrlImportDialog", "No limit"))
        self.limit.setAccessibleName(translate("UrlImportDialog", "Size limit"))
        self.limit.setToolTip(translate(
            "UrlImportDialog", "A bigger file is refused, and a download that grows past this is "
            "stopped with nothing kept."))
        self.allow_local = QCheckBox(translate("UrlImportDialog", "Allow local addresses"), self)
        self.allow_local.setObjectName("allowLocal")
        self.warning = QLabel(translate(
            "UrlImportDialog", "Only for a link you trust: it may then reach this computer and "
            "your network (routers, admin pages, internal services), which links are otherwise "
            "refused."),
            self)
        self.warning.setObjectName("allowLocalWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color:#8a5300;")
        self.warning.setVisible(False)
        target = QLabel(f"{bucket}/{prefix}", self)
        target.setObjectName("targetLabel")

        form = QFormLayout()
        form.addRow(translate("UrlImportDialog", "Link:"), self.url_edit)
        form.addRow("", self.problem)
        form.addRow(translate("UrlImportDialog", "Into:"), target)
        form.addRow(translate("UrlImportDialog", "Name:"), self.name_edit)
        form.addRow("", name_hint)
        form.addRow(translate("UrlImportDialog", "Size limit:"), self.limit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(translate("UrlImportDialog", "Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        explain = QLabel(translate(
            "UrlImportDialog", "The file is downloaded from the link and stored in the bucket as "
            "it arrives, through the transfer queue."), self)
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.allow_local)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.url_edit.textChanged.connect(self._url_changed)
        self.allow_local.toggled.connect(self.warning.setVisible)
        self.url_edit.setText(url.strip())
        self._url_changed(self.url_edit.text())
        self.resize(560, self.sizeHint().height())

    def _url_changed(self, text: str) -> None:
        problem = ""
        if text.strip():
            try:
                parse(text)
            except AppError as exc:
                problem = exc.user_text()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.ok.setEnabled(bool(text.strip()) and not problem)
        guessed = name_from_url(text.strip(), "") if text.strip() and not problem else ""
        if self.name_edit.text() == self._auto_name:  # not changed by hand: follow the link
            self.name_edit.setText(guessed)
        self._auto_name = guessed

    def request(self) -> UrlImport:
        """What to queue (the name left as prefilled: the server's own name may win)."""
        typed = self.name_edit.text().strip()
        name = "" if typed == self._auto_name else clean_name(typed)
        return UrlImport(self.url_edit.text().strip(), self.prefix, name,
                         self.limit.value() * MiB, self.allow_local.isChecked())
