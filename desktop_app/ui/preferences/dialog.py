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
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.accept_after = False
        self._shown = prefs
        self._language_live = language_live
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("preferencesTabs")
        self.tabs.addTab(self._transfers_tab(), self.tr("Transfers"))
        self.tabs.addTab(self._files_tab(env_preview_limit), self.tr("Previews and downloads"))
        self.tabs.addTab(self._behaviour_tab(), self.tr("Questions"))
        self.tabs.addTab(self._appearance_tab(languages), self.tr("Appearance"))
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
        self.bandwidth = self._spin("bandwidth_limit_mib_s", " MiB/s", self.tr("No limit"))
        self.wait_for_server = self._spin("wait_for_server_min", self.tr(" min"),
                                          self.tr("Fail at once"))
        self.conflict = QComboBox(page)
        self.conflict.setObjectName("conflict")
        for value, text in (("ask", self.tr("Ask each time")),
                            ("overwrite", self.tr("Overwrite")),
                            ("skip", self.tr("Skip")),
                            ("keep-both", self.tr("Keep both (rename the new one)")),
                            ("skip-if-identical", self.tr("Skip if identical, else overwrite"))):
            self.conflict.addItem(text, value)
        self.verification = QComboBox(page)
        self.verification.setObjectName("verification")
        self.verification.addItem(self.tr("Checksum of every file (safest)"), "checksum")
        self.verification.addItem(
            self.tr("Size only (not available yet: every transfer is checked)"), "size")
        model = self.verification.model()
        if isinstance(model, QStandardItemModel):  # (a combo box's own model)
            item = model.item(1)
            if item is not None:
                item.setEnabled(False)
        form.addRow(self.tr("Files at once:"), self.files_at_once)
        form.addRow(self.tr("Parts per big file:"), self.parts_per_file)
        form.addRow(self.tr("Upload part size:"), self.part_size)
        form.addRow(self.tr("Bandwidth limit:"), self.bandwidth)
        form.addRow(self.tr("When the file exists:"), self.conflict)
        form.addRow(self.tr("Check transfers by:"), self.verification)
        form.addRow(self.tr("Wait for an unreachable server:"), self.wait_for_server)
        form.addRow(_note(page, "transfersNote", self.tr(
            "Applied at once where no transfer is queued; a connection with transfers in its "
            "queue uses them once it is opened again.")))
        return page

    def _files_tab(self, env_limit: int | None) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.preview_limit = self._spin("preview_limit_mib", " MiB")
        self.preview_limit.setToolTip(self.tr(
            "Objects larger than this are not previewed (nothing of them is read); "
            "Download or Open still work."))
        form.addRow(self.tr("Preview objects up to:"), self.preview_limit)
        if env_limit is not None:
            form.addRow(_note(page, "previewEnvNote", self.tr(
                "{variable} sets {value} MiB for this run; the value here is saved for the "
                "runs without it.").format(variable=PREVIEW_LIMIT_ENV, value=env_limit)))
        self.download_folder = QLineEdit(page)
        self.download_folder.setObjectName("downloadFolder")
        self.download_folder.setPlaceholderText(self.tr("Your Downloads folder"))
        self.download_folder.setClearButtonEnabled(True)
        browse = QPushButton(self.tr("Choose…"), page)
        browse.setObjectName("chooseDownloadFolder")
        browse.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.download_folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Download folder:"), row)
        form.addRow(_note(page, "downloadFolderNote", self.tr(
            "Download… starts in this folder; leave it empty to start in your Downloads "
            "folder.")))
        return page

    def _behaviour_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.confirm_delete = QCheckBox(self.tr("Ask before deleting objects and folders"), page)
        self.confirm_delete.setObjectName("confirmDelete")
        self.confirm_quit = QCheckBox(
            self.tr("Ask before closing the window while transfers run (they resume on the "
                    "next start)"),
            page)
        self.confirm_quit.setObjectName("confirmQuit")
        self.notifications = QCheckBox(
            self.tr("Notify me when transfers finish while the window is in the background"),
            page)
        self.notifications.setObjectName("notifications")
        for box in (self.confirm_delete, self.confirm_quit, self.notifications):
            layout.addWidget(box)
        layout.addWidget(_note(page, "behaviourNote", self.tr(
            "Deleting a bucket or a single version for good always asks.")))
        layout.addStretch(1)
        return page

    def _appearance_tab(self, languages: list[tuple[str, str]]) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.theme = QComboBox(page)
        self.theme.setObjectName("theme")
        self.theme.addItem(self.tr("Follow the system"), "system")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.language = QComboBox(page)
        self.language.setObjectName("language")
        self.language.addItem(self.tr("System language"), "")
        for code, name in languages:
            self.language.addItem(name, code)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow(self.tr("Language:"), self.language)
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
            self.status.setText(self.tr("Defaults shown; Apply or OK saves them."))
        else:
            self.accept_after = role == QDialogButtonBox.StandardButton.Ok
            self.apply_requested.emit(self.values())

    def _choose_folder(self) -> None:
        start = self.download_folder.text() or str(Path.home())
        dialog = QFileDialog(self, self.tr("Download folder"), start)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.download_folder.setText)
        dialog.open()

    def _language_changed(self, *_args: object) -> None:
        changed = str(self.language.currentData()) != self._shown.language
        if self._language_live:
            text = ""
        elif changed:
            text = self.tr("The new language shows after a restart of the app.")
        else:
            text = self.tr("A change of language shows after a restart of the app.")
        self.language_note.setText(text)
        self.language_note.setVisible(bool(text))


def _select(combo: QComboBox, value: str) -> bool:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    return index >= 0
