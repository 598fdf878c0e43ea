"""Shows what an import found - each connection with a checkbox, and what was skipped -
before anything is saved. Secrets are never shown, only that they were found."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.importers import Candidate, ImportResult
from desktop_app.core.profiles import Profile
from desktop_app.ui.shell.i18n import translate


class ImportPreview(QDialog):
    def __init__(self, results: list[ImportResult], existing: list[Profile],
                 keyring_problem: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(translate("ImportPreview", "Import connections"))
        self.resize(560, 380)
        self.candidates: list[Candidate] = [c for r in results for c in r.candidates]
        known = {(p.endpoint, p.access_key) for p in existing}

        self.summary = QLabel("\n".join(r.summary() for r in results), self)
        self.summary.setObjectName("importSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("importList")
        for candidate in self.candidates:
            profile = candidate.profile
            already = (profile.endpoint, profile.access_key) in known
            secret = translate(
                "ImportPreview",
                "secret key") + (translate(
                "ImportPreview", " + session token") if profile.has_session_token else "")
            text = translate(
                "ImportPreview",
                "{name} — {endpoint} ({secret}; from {origin})").format(
                name=profile.name,
                endpoint=profile.endpoint,
                secret=secret,
                origin=candidate.origin,
            )
            if already:
                text += translate("ImportPreview", " — already added")
            item = QListWidgetItem(text, self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if already else Qt.CheckState.Checked)

        self.session_only = QCheckBox(
            translate(
                "ImportPreview",
                "Keep the imported secrets for this session only (not saved anywhere)"), self)
        self.session_only.setObjectName("importSessionOnly")
        warning = QLabel(keyring_problem or "", self)
        warning.setObjectName("importKeyringWarning")
        warning.setTextFormat(Qt.TextFormat.PlainText)
        warning.setWordWrap(True)
        warning.setStyleSheet("color:#8a5300;")
        warning.setVisible(keyring_problem is not None)
        self.session_only.setVisible(keyring_problem is not None)

        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            translate("ImportPreview", "Import selected"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importSelectedButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.session_only.toggled.connect(self._update_button)
        self.list.itemChanged.connect(self._update_button)
        self._keyring_problem = keyring_problem

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(warning)
        layout.addWidget(self.session_only)
        layout.addWidget(buttons)
        self._update_button()

    def chosen(self) -> list[Candidate]:
        return [c for row, c in enumerate(self.candidates)
                if self.list.item(row).checkState() == Qt.CheckState.Checked]

    def _update_button(self) -> None:
        allowed = self._keyring_problem is None or self.session_only.isChecked()
        self.import_button.setEnabled(bool(self.chosen()) and allowed)
