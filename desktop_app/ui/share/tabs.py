"""The share center's "Download link" and "Upload link" tabs: they only collect choices and
show results; the center signs on a worker and records the link in the history."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.links import Disposition
from desktop_app.core.share_history import LinkKind
from desktop_app.core.share_links import PostLimits
from desktop_app.ui.share.fields import ExpiryPicker, OutputBox, note_label
from desktop_app.ui.shell.i18n import translate

MIB = 1 << 20


class LinkTab(QWidget):
    """What both tabs have: expiry, a note for whom, problems shown, a create button."""

    create_requested = Signal()

    def __init__(self, create_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.expiry = ExpiryPicker(self)
        self.note = QLineEdit(self)
        self.note.setObjectName("shareNote")
        self.note.setPlaceholderText(
            translate("ShareCenter", "For whom, why (kept in the history)"))
        self.error_label = note_label(self, "shareError", "#b3261e")
        self.warning_label = note_label(self, "shareWarning", "#8a5300")
        self.create_button = QPushButton(create_text, self)
        self.create_button.setObjectName("shareCreate")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_requested.emit)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)

    def finish_layout(self, output: QWidget) -> None:
        self.form.addRow(translate("ShareCenter", "Valid for:"), self.expiry)
        self.form.addRow(translate("ShareCenter", "Note:"), self.note)
        self.layout_.addWidget(self.error_label)
        self.layout_.addWidget(self.warning_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.create_button)
        self.layout_.addLayout(row)
        self.layout_.addWidget(output)
        self.layout_.addStretch(1)

    def show_problem(self, problem: str | None, warning: str | None) -> None:
        self.error_label.setText(problem or "")
        self.error_label.setVisible(bool(problem))
        self.warning_label.setText(warning or "")
        self.warning_label.setVisible(bool(warning))
        self.create_button.setEnabled(problem is None)


class DownloadTab(LinkTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("ShareCenter", "Create and copy download link"), parent)
        self.key = QLineEdit(self)
        self.key.setObjectName("downloadKey")
        self.disposition = QComboBox(self)
        self.disposition.setObjectName("downloadDisposition")
        for text, mode in ((translate("ShareCenter", "As the server sends it"),
                            Disposition.DEFAULT),
                           (translate("ShareCenter", "Show in the browser (inline)"),
                            Disposition.INLINE),
                           (translate("ShareCenter", "Download as a file (attachment)"),
                            Disposition.ATTACHMENT)):
            self.disposition.addItem(text, mode)
        self.form.addRow(translate("ShareCenter", "File (key):"), self.key)
        self.form.addRow(translate("ShareCenter", "Browser:"), self.disposition)
        self.output = OutputBox("downloadLink", translate("ShareCenter", "Copy link"), self)
        self.output.text.setAccessibleName(translate("ShareCenter", "Download link"))
        self.finish_layout(self.output)

    def chosen_disposition(self) -> Disposition:
        mode = self.disposition.currentData()
        assert isinstance(mode, Disposition)
        return mode


class UploadTab(LinkTab):
    """A presigned PUT (one key, one content type) or a POST policy form (a key prefix, a
    size range, a content-type prefix)."""

    save_form_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("ShareCenter", "Create upload link"), parent)
        self.kind = QComboBox(self)
        self.kind.setObjectName("uploadKind")
        self.kind.addItem(translate("ShareCenter", "One file with a fixed name (PUT)"),
                          LinkKind.PUT)
        self.kind.addItem(translate("ShareCenter", "Files under a folder (POST form)"),
                          LinkKind.POST)
        self.form.addRow(translate("ShareCenter", "Kind:"), self.kind)
        self.pages = QStackedWidget(self)
        put_page, post_page = QWidget(self.pages), QWidget(self.pages)
        put_form, post_form = QFormLayout(put_page), QFormLayout(post_page)
        for form in (put_form, post_form):
            form.setContentsMargins(0, 0, 0, 0)
        self.put_key = QLineEdit(put_page)
        self.put_key.setObjectName("putKey")
        self.put_type = QLineEdit("application/octet-stream", put_page)
        self.put_type.setObjectName("putContentType")
        put_form.addRow(translate("ShareCenter", "File (key):"), self.put_key)
        put_form.addRow(translate("ShareCenter", "Content type:"), self.put_type)
        self.post_prefix = QLineEdit(post_page)
        self.post_prefix.setObjectName("postPrefix")
        self.post_type = QLineEdit(post_page)
        self.post_type.setObjectName("postContentTypePrefix")
        self.post_type.setPlaceholderText(translate("ShareCenter", "any; e.g. image/"))
        self.min_size = QSpinBox(post_page)
        self.min_size.setObjectName("postMinSize")
        self.min_size.setRange(0, 1 << 30)
        self.min_size.setSuffix(translate("ShareCenter", " bytes"))
        self.max_size = QSpinBox(post_page)
        self.max_size.setObjectName("postMaxSize")
        self.max_size.setRange(0, 5 * 1024 * 1024)
        self.max_size.setValue(100)
        self.max_size.setSuffix(translate("ShareCenter", " MiB"))
        self.max_size.setSpecialValueText(translate("ShareCenter", "no limit"))
        post_form.addRow(translate("ShareCenter", "Folder (key prefix):"), self.post_prefix)
        post_form.addRow(translate("ShareCenter", "Content type starts with:"), self.post_type)
        post_form.addRow(translate("ShareCenter", "Smallest file:"), self.min_size)
        post_form.addRow(translate("ShareCenter", "Largest file:"), self.max_size)
        self.pages.addWidget(put_page)
        self.pages.addWidget(post_page)
        self.form.addRow(self.pages)
        self.enforced = note_label(self, "uploadEnforced")
        self.form.addRow(self.enforced)
        self.output = OutputBox("uploadCommand", translate("ShareCenter", "Copy command"), self)
        self.output.text.setAccessibleName(translate("ShareCenter", "Upload link or command"))
        self.save_form = QPushButton(translate("ShareCenter", "Save HTML form…"), self.output)
        self.save_form.setObjectName("saveHtmlForm")
        self.save_form.setEnabled(False)
        self.save_form.clicked.connect(self.save_form_requested.emit)
        self.output.buttons.insertWidget(1, self.save_form)
        self.finish_layout(self.output)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def chosen_kind(self) -> LinkKind:
        kind = self.kind.currentData()
        assert isinstance(kind, LinkKind)
        return kind

    def set_kind(self, kind: LinkKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def limits(self) -> PostLimits:
        largest = self.max_size.value()
        return PostLimits(self.post_prefix.text(), self.post_type.text().strip(),
                          self.min_size.value(), largest * MIB if largest else None)

    def _kind_changed(self) -> None:
        post = self.chosen_kind() is LinkKind.POST
        self.pages.setCurrentIndex(1 if post else 0)
        self.save_form.setVisible(post)
        self.output.show_text("")
        self.save_form.setEnabled(False)
        self.enforced.setText(translate(
            "ShareCenter",
            "The server refuses a file outside the folder, outside the size range or with "
            "another content type, and any upload after the link expires. The uploader picks "
            "the file name; a file of the same name is replaced.") if post else translate(
            "ShareCenter",
            "The server accepts exactly this name with exactly this content type, until the "
            "link expires; a second upload replaces the first."))
