"""The preview pane: what the selected object is, shown from as few bytes as possible.

Loading runs on a worker (the ranged read and, for pictures, the decode into a QImage - not a
widget, so it is safe off the GUI thread). Each selection bumps a generation so only the
latest selection's preview is ever shown. All text is set as plain text: a key or file that
looks like HTML is shown literally and fetches nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QFontDatabase, QImage, QImageReader, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import AppError
from desktop_app.core.humanize import human_size, human_time
from desktop_app.core.mime import PreviewKind
from desktop_app.storage.preview_fetch import PreviewData, fetch_preview
from desktop_app.storage.protocol import Storage
from desktop_app.ui.tasks import TaskRunner

IMAGE_ALLOCATION_LIMIT_MB = 256


def decode_text(content: bytes) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16", errors="replace")
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(content) - 4:  # a character cut by the read cap
            return content[: exc.start].decode("utf-8")
        return content.decode("latin-1")


def load_preview(storage: Storage, bucket: str, key: str) -> tuple[PreviewData, QImage | None]:
    """Worker-side: fetch the bytes and decode pictures, bounded by an allocation limit."""
    data = fetch_preview(storage, bucket, key)
    image: QImage | None = None
    if data.kind is PreviewKind.IMAGE and data.content:
        buffer = QBuffer()
        buffer.setData(QByteArray(data.content))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        reader.setAllocationLimit(IMAGE_ALLOCATION_LIMIT_MB)
        decoded = reader.read()
        image = None if decoded.isNull() else decoded
    return data, image


class PreviewPane(QWidget):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPane")
        self._runner = runner
        self._storage: Storage | None = None
        self._generation = 0
        self._pixmap: QPixmap | None = None

        self._title = self._plain_label("titleLabel")
        self._title.setStyleSheet("font-weight:bold; font-size:11pt;")
        self._title.setWordWrap(True)
        self._stack = QStackedWidget(self)
        self._placeholder = self._plain_label("placeholderLabel", "Select a file to preview it.")
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._placeholder.setStyleSheet("color:palette(mid);")
        self._text = QPlainTextEdit(self)
        self._text.setObjectName("previewText")
        self._text.setReadOnly(True)
        self._text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._image = self._plain_label("previewImage")
        self._image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        for widget in (self._placeholder, self._text, self._image):
            self._stack.addWidget(widget)

        meta = QFrame(self)
        form = QFormLayout(meta)
        form.setContentsMargins(0, 4, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._fields: dict[str, QLabel] = {}
        for name in ("Size", "Content type", "ETag", "Last modified"):
            value = self._plain_label(f"meta{name.replace(' ', '')}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self._fields[name] = value
            form.addRow(f"{name}:", value)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self._title)
        layout.addWidget(self._stack, 1)
        layout.addWidget(meta)
        self.clear()

    def _plain_label(self, name: str, text: str = "") -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    # -- public --------------------------------------------------------------------------
    def set_storage(self, storage: Storage | None) -> None:
        self._storage = storage
        self.clear()

    def clear(self, message: str = "Select a file to preview it.") -> None:
        self._generation += 1
        self._title.setText("")
        self._show_message(message)
        for value in self._fields.values():
            value.setText("")

    def show_object(self, bucket: str, key: str) -> None:
        storage = self._storage
        if storage is None:
            return
        self._generation += 1
        generation = self._generation
        self._title.setText(key.rsplit("/", 1)[-1] or key)
        self._show_message("Loading preview…")
        self._runner.submit(
            load_preview, storage, bucket, key,
            on_success=lambda result: self._on_loaded(generation, *result),
            on_error=lambda err: self._on_error(generation, err),
            context=self,
        )

    @property
    def shown_text(self) -> str:
        """What the text view shows (empty when another view is active)."""
        return self._text.toPlainText() if self._stack.currentWidget() is self._text else ""

    @property
    def message(self) -> str:
        return self._placeholder.text() if self._stack.currentWidget() is self._placeholder else ""

    @property
    def showing_image(self) -> bool:
        return self._stack.currentWidget() is self._image and self._pixmap is not None

    def metadata(self) -> dict[str, str]:
        return {name: label.text() for name, label in self._fields.items()}

    # -- results -------------------------------------------------------------------------
    def _on_loaded(self, generation: int, data: PreviewData, image: QImage | None) -> None:
        if generation != self._generation:
            return
        stat = data.stat
        self._fields["Size"].setText(f"{human_size(stat.size)} ({stat.size:,} bytes)")
        self._fields["Content type"].setText(
            stat.content_type + (f"  (detected: {data.mime})" if data.mime != stat.content_type
                                 else "")
        )
        self._fields["ETag"].setText(stat.etag)
        self._fields["Last modified"].setText(human_time(stat.last_modified))
        if data.kind is PreviewKind.TEXT:
            text = decode_text(data.content)
            if data.truncated:
                text += f"\n\n… (preview shows the first {human_size(len(data.content))})"
            self._text.setPlainText(text)
            self._stack.setCurrentWidget(self._text)
        elif data.kind is PreviewKind.IMAGE and image is not None:
            self._pixmap = QPixmap.fromImage(image)
            self._stack.setCurrentWidget(self._image)
            self._fit_image()
        elif data.too_large:
            self._show_message(f"This image is too large to preview ({human_size(stat.size)}).")
        elif data.kind is PreviewKind.IMAGE:
            self._show_message("This image could not be decoded (damaged or too large).")
        else:
            self._show_message(f"No preview for this kind of file ({data.mime}).")

    def _on_error(self, generation: int, err: AppError) -> None:
        if generation == self._generation:
            self._show_message(f"No preview: {err.user_text()}")

    def _show_message(self, text: str) -> None:
        self._pixmap = None
        self._image.clear()
        self._placeholder.setText(text)
        self._stack.setCurrentWidget(self._placeholder)

    def _fit_image(self) -> None:
        if self._pixmap is None:
            return
        area = self._image.size()
        target = self._pixmap.size()
        if target.width() > area.width() or target.height() > area.height():
            target = target.scaled(area, Qt.AspectRatioMode.KeepAspectRatio)
        target = target.expandedTo(QSize(1, 1))
        self._image.setPixmap(
            self._pixmap.scaled(
                target, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_image()
