"""The Preferences dialog: one tab per concern, showing and editing a `Preferences` value.

It holds no logic beyond its widgets: `values()` reads them back as a new `Preferences`,
Apply and OK emit `apply_requested` with it, and the controller saves and applies it and
reports back through `show_result` (saved, or what went wrong). Ranges come from
`core/preferences.py`, so the spin boxes cannot produce a value the file would refuse.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.preferences import (
    PREVIEW_LIMIT_ENV,
    RANGES,
    Confirmations,
    Preferences,
    TransferPrefs,
)
from desktop_app.ui.shell.i18n import translate


def _note(parent: QWidget, name: str, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class PreferencesDialog(QDialog):
    apply_requested = Signal(object)  # Preferences; `accept_after` says whether OK was pressed

    def __init__(self, prefs: Preferences, languages: list[tuple[str, str]],
                 language_live: bool, env_preview_limit: int | None = None,
                 language_override: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(translate("PreferencesDialog", "Preferences"))
        self.accept_after = False
        self._shown = prefs
        self._language_live = language_live
        self._language_override = language_override
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("preferencesTabs")
        for page, title in (
                (self._transfers_tab(), translate("PreferencesDialog", "Transfers")),
                (self._files_tab(env_preview_limit),
                 translate("PreferencesDialog", "Previews and downloads")),
                (self._behaviour_tab(), translate("PreferencesDialog", "Questions")),
                (self._appearance_tab(languages), translate("PreferencesDialog", "Appearance"))):
            self.tabs.addTab(page, title)
        self.status = _note(self, "preferencesStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.setObjectName("preferencesButtons")
        buttons.clicked.connect(self._clicked)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.show_values(prefs)
        self.resize(600, 380)

    # -- tabs ----------------------------------------------------------------------------
    def _spin(self, name: str, suffix: str = "", special: str = "") -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setRange(*RANGES[name])
        box.setSuffix(suffix)
        box.setSpecialValueText(special)
        box.setAccelerated(True)
        return box

    def _transfers_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.files_at_once = self._spin("files_at_once")
        self.parts_per_file = self._spin("parts_per_file")
        self.part_size = self._spin("part_size_mib", " MiB")
        self.bandwidth = self._spin("bandwidth_limit_mib_s", " MiB/s",
                                    translate("PreferencesDialog", "No limit"))
        self.wait_for_server = self._spin("wait_for_server_min",
                                          translate("PreferencesDialog", " min"),
                                          translate("PreferencesDialog", "Fail at once"))
        self.conflict = QComboBox(page)
        self.conflict.setObjectName("conflict")
        for value, text in (("ask", translate("PreferencesDialog", "Ask each time")),
                            ("overwrite", translate("PreferencesDialog", "Overwrite")),
                            ("skip", translate("PreferencesDialog", "Skip")),
                            ("keep-both",
                             translate("PreferencesDialog", "Keep both (rename the new one)")),
                            ("skip-if-identical",
                             translate("PreferencesDialog", "Skip if identical, else overwrite"))):
            self.conflict.addItem(text, value)
        self.verification = QComboBox(page)
        self.verification.setObjectName("verification")
        self.verification.addItem(
            translate("PreferencesDialog", "Checksum of every file (safest)"), "checksum")
        self.verification.addItem(
            translate("PreferencesDialog",
                      "Size only (not offered: a damaged file would be kept as done)"), "size")
        model = self.verification.model()
        if isinstance(model, QStandardItemModel):  # (a combo box's own model)
            item = model.item(1)
            if item is not None:
                item.setEnabled(False)
        form.addRow(translate("PreferencesDialog", "Files at once:"), self.files_at_once)
        form.addRow(translate("PreferencesDialog", "Parts per big file:"), self.parts_per_file)
        form.addRow(translate("PreferencesDialog", "Upload part size:"), self.part_size)
        form.addRow(translate("PreferencesDialog", "Bandwidth limit:"), self.bandwidth)
        form.addRow(translate("PreferencesDialog", "When the file exists:"), self.conflict)
        form.addRow(translate("PreferencesDialog", "Check transfers by:"), self.verification)
        form.addRow(translate("PreferencesDialog", "Wait for an unreachable server:"),
                    self.wait_for_server)
        form.addRow(_note(page, "transfersNote", translate("PreferencesDialog",
            "Applied at once where no transfer is queued; a connection with transfers in its "
            "queue uses them once it is opened again.")))
        return page

    def _files_tab(self, env_limit: int | None) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.preview_limit = self._spin("preview_limit_mib", " MiB")
        self.preview_limit.setToolTip(translate("PreferencesDialog",
            "Objects larger than this are not previewed (nothing of them is read); "
            "Download or Open still work."))
        form.addRow(translate("PreferencesDialog", "Preview objects up to:"), self.preview_limit)
        if env_limit is not None:
            form.addRow(_note(page, "previewEnvNote", translate("PreferencesDialog",
                "{variable} sets {value} MiB for this run; the value here is saved for the "
                "runs without it.").format(variable=PREVIEW_LIMIT_ENV, value=env_limit)))
        self.download_folder = QLineEdit(page)
        self.download_folder.setObjectName("downloadFolder")
        self.download_folder.setPlaceholderText(
            translate("PreferencesDialog", "Your Downloads folder"))
        self.download_folder.setClearButtonEnabled(True)
        self.download_folder.setAccessibleName(
            translate("PreferencesDialog", "Download folder"))  # (its label has no buddy)
        browse = QPushButton(translate("PreferencesDialog", "Choose…"), page)
        browse.setObjectName("chooseDownloadFolder")
        browse.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.download_folder, 1)
        row.addWidget(browse)
        form.addRow(translate("PreferencesDialog", "Download folder:"), row)
        form.addRow(_note(page, "downloadFolderNote", translate("PreferencesDialog",
            "Download… starts in this folder; leave it empty to start in your Downloads "
            "folder.")))
        return page

    def _behaviour_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.confirm_delete = QCheckBox(
            translate("PreferencesDialog", "Ask before deleting objects and folders"), page)
        self.confirm_delete.setObjectName("confirmDelete")
        self.confirm_quit = QCheckBox(
            translate("PreferencesDialog", "Ask before quitting while transfers run (they "
                      "resume on the next start)"), page)
        self.confirm_quit.setObjectName("confirmQuit")
        self.notifications = QCheckBox(
            translate("PreferencesDialog", "Notify me when transfers finish while the window "
                      "is in the background"),
            page)
        self.notifications.setObjectName("notifications")
        for box in (self.confirm_delete, self.confirm_quit, self.notifications):
            layout.addWidget(box)
        layout.addWidget(_note(page, "behaviourNote", translate("PreferencesDialog",
            "Deleting a bucket or a single version for good always asks.")))
        layout.addStretch(1)
        return page

    def _appearance_tab(self, languages: list[tuple[str, str]]) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.theme = QComboBox(page)
        self.theme.setObjectName("theme")
        self.theme.addItem(translate("PreferencesDialog", "Follow the system"), "system")
        self.theme.addItem(translate("PreferencesDialog", "Light"), "light")
        self.theme.addItem(translate("PreferencesDialog", "Dark"), "dark")
        self.language = QComboBox(page)
        self.language.setObjectName("language")
        self.language.addItem(translate("PreferencesDialog", "System language"), "")
        for code, name in languages:
            self.language.addItem(name, code)
        form.addRow(translate("PreferencesDialog", "Theme:"), self.theme)
        form.addRow(translate("PreferencesDialog", "Language:"), self.language)
        self.language_note = _note(page, "languageNote")
        form.addRow(self.language_note)
        self.language.currentIndexChanged.connect(self._language_changed)
        return page

    # -- values --------------------------------------------------------------------------
    def show_values(self, prefs: Preferences) -> None:
        """Put `prefs` into the widgets."""
        t = prefs.transfers
        self.files_at_once.setValue(t.files_at_once)
        self.parts_per_file.setValue(t.parts_per_file)
        self.part_size.setValue(t.part_size_mib)
        self.bandwidth.setValue(t.bandwidth_limit_mib_s)
        self.wait_for_server.setValue(t.wait_for_server_min)
        _select(self.conflict, t.conflict)
        _select(self.verification, t.verification)
        self.preview_limit.setValue(prefs.preview_limit_mib)
        self.download_folder.setText(prefs.download_folder)
        self.confirm_delete.setChecked(prefs.confirmations.delete)
        self.confirm_quit.setChecked(prefs.confirmations.quit_with_transfers)
        self.notifications.setChecked(prefs.notifications)
        _select(self.theme, prefs.theme)
        if not _select(self.language, prefs.language):
            self.language.addItem(prefs.language, prefs.language)  # kept even if not shipped
            _select(self.language, prefs.language)
        self._language_changed()

    def values(self) -> Preferences:
        """The widgets' values as preferences (settings this dialog does not show are kept)."""
        transfers = TransferPrefs(
            files_at_once=self.files_at_once.value(),
            parts_per_file=self.parts_per_file.value(),
            part_size_mib=self.part_size.value(),
            bandwidth_limit_mib_s=self.bandwidth.value(),
            conflict=str(self.conflict.currentData()),
            verification=str(self.verification.currentData()),
            wait_for_server_min=self.wait_for_server.value(),
        )
        return replace(
            self._shown, transfers=transfers,
            preview_limit_mib=self.preview_limit.value(),
            download_folder=self.download_folder.text().strip(),
            confirmations=Confirmations(delete=self.confirm_delete.isChecked(),
                                        quit_with_transfers=self.confirm_quit.isChecked()),
            theme=str(self.theme.currentData()),
            language=str(self.language.currentData()),
            notifications=self.notifications.isChecked(),
        )

    def show_result(self, saved: Preferences | None, text: str) -> None:
        """The controller's answer: `saved` is what is now in effect (None: nothing saved)."""
        if saved is not None:
            self._shown = saved
        self.status.setText(text)
        if saved is not None and self.accept_after:
            self.accept()
        self.accept_after = False

    # -- slots ---------------------------------------------------------------------------
    def _clicked(self, button: QAbstractButton) -> None:
        role = self.buttons.standardButton(button)
        if role == QDialogButtonBox.StandardButton.Cancel:
            self.reject()
        elif role == QDialogButtonBox.StandardButton.RestoreDefaults:
            self.show_values(replace(Preferences(), language=self._shown.language))
            self.status.setText(
                translate("PreferencesDialog", "Defaults shown; Apply or OK saves them."))
        else:
            self.accept_after = role == QDialogButtonBox.StandardButton.Ok
            self.apply_requested.emit(self.values())

    def _choose_folder(self) -> None:
        start = self.download_folder.text() or str(Path.home())
        dialog = QFileDialog(self, translate("PreferencesDialog", "Download folder"), start)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.download_folder.setText)
        dialog.open()

    def _language_changed(self, *_args: object) -> None:
        changed = str(self.language.currentData()) != self._shown.language
        if self._language_override:
            text = translate("PreferencesDialog",
                             "MINIO_DESKTOP_LANG sets the language of this run ({language}); "
                             "the choice here is kept for runs without it.").format(
                                 language=self._language_override)
        elif self._language_live:
            text = ""
        elif changed:
            text = translate("PreferencesDialog",
                             "The new language shows after a restart of the app.")
        else:
            text = translate("PreferencesDialog",
                             "A change of language shows after a restart of the app.")
        self.language_note.setText(text)
        self.language_note.setVisible(bool(text))


def _select(combo: QComboBox, value: str) -> bool:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    return index >= 0
