"""The form of one connection: every field of a profile plus the secret fields, validated as
the user types. It holds no logic beyond turning widgets into a `Profile` and back."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.core.errors import ConfigError
from desktop_app.core.profiles import Profile, ProfileStore, endpoint_problem, normalize_endpoint
from desktop_app.ui.shell.i18n import translate

_ERROR_STYLE = "color:#b3261e;"
_STYLES = [
    (QT_TRANSLATE_NOOP("Form", "Auto"), "auto"),
    (QT_TRANSLATE_NOOP("Form", "Path style"), "path"),
    (QT_TRANSLATE_NOOP("Form", "Virtual host"), "virtual"),
]


def _label(parent: QWidget, name: str, style: str = _ERROR_STYLE) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.hide()
    return label


class ConnectionForm(QWidget):
    """Fields of one profile. `changed` fires on every edit (for the dirty flag)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionForm")
        self.name_edit = self._line("nameEdit", translate("ConnectionForm", "My server"))
        self.endpoint_edit = self._line("endpointEdit", "https://minio.example.com:9000")
        self.endpoint_error = _label(self, "endpointError")
        self.access_key_edit = self._line("accessKeyEdit", "")
        self.secret_key_edit = self._line("secretKeyEdit", "")
        self.secret_key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.session_token_edit = self._line("sessionTokenEdit", "optional")
        self.session_token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.region_edit = self._line("regionEdit", translate("ConnectionForm", "blank = auto"))
        self.addressing_combo = QComboBox(self)
        self.addressing_combo.setObjectName("addressingCombo")
        for text, value in _STYLES:
            self.addressing_combo.addItem(translate("Form", text), value)
        self.addressing_combo.setToolTip(
            translate(
                "ConnectionForm",
                "Auto uses path style for IP addresses, localhost and non-AWS servers, and "
                "virtual-host style for AWS.")
        )
        self.ca_bundle_edit = self._line("caBundleEdit", translate(
            "ConnectionForm", "system certificates"))
        browse = QPushButton(translate("ConnectionForm", "Browse…"), self)
        browse.setObjectName("caBundleBrowse")
        browse.clicked.connect(self._browse_ca)
        self.allow_invalid_check = QCheckBox(
            translate(
                "ConnectionForm",
                "Allow invalid certificates (not safe: anyone on the network could listen "
                "in)"), self
        )
        self.allow_invalid_check.setObjectName("allowInvalidCheck")
        self.allow_invalid_check.toggled.connect(self.changed)
        self.addressing_combo.currentIndexChanged.connect(self.changed)
        self.endpoint_edit.textChanged.connect(self._check_endpoint)

        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_bundle_edit, 1)
        self.ca_bundle_edit.setAccessibleName(translate("ConnectionForm", "CA bundle"))
        ca_row.addWidget(browse)
        layout = QFormLayout(self)
        layout.addRow(translate("ConnectionForm", "Display name"), self.name_edit)
        layout.addRow(translate("ConnectionForm", "Endpoint URL"), self.endpoint_edit)
        layout.addRow("", self.endpoint_error)
        layout.addRow(translate("ConnectionForm", "Access key"), self.access_key_edit)
        layout.addRow(translate("ConnectionForm", "Secret key"), self.secret_key_edit)
        layout.addRow(translate("ConnectionForm", "Session token"), self.session_token_edit)
        layout.addRow(translate("ConnectionForm", "Region"), self.region_edit)
        layout.addRow(translate("ConnectionForm", "Addressing"), self.addressing_combo)
        layout.addRow(translate("ConnectionForm", "CA bundle"), ca_row)
        layout.addRow("", self.allow_invalid_check)
        self.profile: Profile | None = None

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(self.changed)
        return edit

    def _browse_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, translate(
                "ConnectionForm",
                "Choose a CA bundle"), "", translate(
                "ConnectionForm", "Certificates (*.pem *.crt *.cer);;All files (*)")
        )
        if path:
            self.ca_bundle_edit.setText(path)
            self.changed.emit()

    def _check_endpoint(self, text: str) -> None:
        problem = endpoint_problem(text) if text.strip() else None
        self.endpoint_error.setText(problem or "")
        self.endpoint_error.setVisible(problem is not None)

    # -- profile <-> widgets -------------------------------------------------------------
    def load(self, profile: Profile | None, stored_secret: bool = False) -> None:
        """Show `profile` (None: an empty form). Secrets are never read back into the form."""
        self.profile = profile
        blank = profile is None
        self.name_edit.setText("" if blank else profile.name)
        self.endpoint_edit.setText("" if blank else profile.endpoint)
        self.access_key_edit.setText("" if blank else profile.access_key)
        self.secret_key_edit.clear()
        self.session_token_edit.clear()
        hint = translate(
            "ConnectionForm", "stored — leave blank to keep it") if stored_secret else ""
        self.secret_key_edit.setPlaceholderText(hint)
        has_token = profile is not None and profile.has_session_token
        self.session_token_edit.setPlaceholderText(
            hint if has_token else translate("ConnectionForm", "optional"))
        self.region_edit.setText("" if blank else profile.region)
        style = "auto" if blank else profile.addressing_style
        self.addressing_combo.setCurrentIndex(self.addressing_combo.findData(style))
        self.ca_bundle_edit.setText("" if blank else profile.ca_bundle)
        self.allow_invalid_check.setChecked(False if blank else profile.insecure_tls)
        self._check_endpoint(self.endpoint_edit.text())

    @property
    def typed_secret(self) -> str:
        return self.secret_key_edit.text()

    @property
    def typed_token(self) -> str:
        return self.session_token_edit.text().strip()

    def problems(self, secret_required: bool) -> list[str]:
        """Every reason the form cannot be saved, in the order of the fields."""
        found: list[str] = []
        if not self.name_edit.text().strip():
            found.append(translate("ConnectionForm", "Give the connection a name."))
        if not self.endpoint_edit.text().strip():
            found.append(translate(
                "ConnectionForm", "Enter the endpoint URL, like https://minio.example.com:9000."))
        elif problem := endpoint_problem(self.endpoint_edit.text()):
            found.append(problem)
        if not self.access_key_edit.text().strip():
            found.append(translate("ConnectionForm", "Enter the access key."))
        if secret_required and not self.typed_secret:
            found.append(translate("ConnectionForm", "Enter the secret key."))
        if self.typed_secret and self.typed_secret != self.typed_secret.strip():
            found.append(translate(
                "ConnectionForm",
                "The secret key starts or ends with a space; check for a copy error."))
        return found

    def build(self, profile_id: str) -> Profile:
        """The profile the fields describe; call only when `problems()` is empty."""
        try:
            endpoint = normalize_endpoint(self.endpoint_edit.text())
        except ConfigError:  # pragma: no cover - problems() was checked first
            endpoint = self.endpoint_edit.text().strip()
        allow_invalid = self.allow_invalid_check.isChecked()
        had_token = self.profile is not None and self.profile.has_session_token
        return Profile(
            id=profile_id,
            name=self.name_edit.text().strip(),
            endpoint=endpoint,
            access_key=self.access_key_edit.text().strip(),
            region=self.region_edit.text().strip(),
            addressing_style=self.addressing_combo.currentData(),
            verify_tls=not allow_invalid,
            ca_bundle=self.ca_bundle_edit.text().strip(),
            allow_invalid_certs=allow_invalid,
            has_session_token=bool(self.typed_token) or (not self.typed_secret and had_token),
        )


def save_problems(form: ConnectionForm, store: ProfileStore, current_id: str | None,
                  source_id: str | None, session_only: bool,
                  keyring_problem: str | None) -> list[str]:
    """What must be fixed before the form can be saved: its own fields, a name another
    connection has, a secret the keyring cannot keep (unless kept for this session only).
    `source_id`: the saved profile whose secret an untyped one is (None: one must be typed)."""
    problems = form.problems(secret_required=source_id is None)
    name = form.name_edit.text().strip()
    clash = store.find_by_name(name) if name else None
    if clash is not None and clash.id != current_id:
        problems.append(translate(
            "ConnectionDialog",
            "Another connection is already called “{name}”.").format(name=clash.name))
    if keyring_problem is not None and not session_only:
        problems.append(translate(
            "ConnectionDialog",
            "The system keyring cannot be used: tick “Keep the secret for this session only” "
            "to use this connection until the app quits."))
    return problems
