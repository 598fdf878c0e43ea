"""The preview pane: what the selected object is, shown from as few bytes as possible, with
its properties underneath.

Loading runs on a worker (`previews.loader.load_preview`: ranged reads, then decoding into
QImage / str / table data - never widgets). Each selection bumps a generation, cancels the
previous request if it has not started, and only the latest selection's result is ever
shown. Recent previews are cached (checked against the ETag). All text is plain text: a key
or file that looks like HTML is shown literally and fetches nothing. The views themselves are
in view_stack.py.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from desktop_app.core.errors import AppError, Cancelled
from desktop_app.core.object_properties import ObjectProperties
from desktop_app.core.sse import CustomerKeyNeeded
from desktop_app.storage.preview_fetch import PREVIEW_CAP, PreviewCache
from desktop_app.storage.property_edits import BulkEdit, apply_bulk_edit, apply_property_edits
from desktop_app.storage.protocol import Storage
from desktop_app.ui.previews.bulk_edit import BulkEditDialog, SelectionCard
from desktop_app.ui.previews.loader import LoadedPreview, load_preview
from desktop_app.ui.previews.object_lock import ObjectLockControl
from desktop_app.ui.previews.properties_dialog import PropertiesDialog
from desktop_app.ui.previews.properties_panel import PropertiesPanel
from desktop_app.ui.previews.view_stack import ViewStack
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

SELECT_MESSAGE = QT_TRANSLATE_NOOP("Pane", "Select a file to preview it.")


class PreviewPane(QWidget):
    download_requested = Signal(str, str)  # bucket, key
    open_requested = Signal(str, str)
    preview_shown = Signal(str, str)  # bucket, key: the current selection's preview is up
    type_known = Signal(str, str, str)  # bucket, key, the content type the server stores
    properties_saved = Signal(str, str)
    selection_saved = Signal(str, int)  # bucket, number of failures
    lock_failed = Signal(object)  # AppError from changing retention / legal hold
    validate_requested = Signal(str, str)  # bucket, key: the table preview's Validate…
    key_needed = Signal(object)  # CustomerKeyNeeded: the window offers "Enter encryption key…"

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None,
                 cap: int = PREVIEW_CAP) -> None:
        super().__init__(parent)
        self.setObjectName("previewPane")
        self.setAccessibleName(translate("PreviewPane", "Preview"))
        self.setAccessibleDescription(translate(
            "PreviewPane", "A preview of the selected file and its properties"))
        self._runner = runner
        self._storage: Storage | None = None
        self._generation = 0
        self._future: Future[Any] | None = None
        self._cancel = threading.Event()
        self._current: tuple[str, str] | None = None
        self.cap = cap
        self.cache = PreviewCache()
        self.loaded: LoadedPreview | None = None

        self._title = QLabel(self)
        self._title.setObjectName("titleLabel")
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        self._title.setStyleSheet("font-weight:bold; font-size:11pt;")
        self._title.setWordWrap(True)
        self._subtitle = QLabel(self)
        self._subtitle.setObjectName("subtitleLabel")
        self._subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self._subtitle.setWordWrap(True)
        self._subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self._stack = ViewStack(self)
        self.card = self._stack.card
        self.card.download_requested.connect(lambda: self._emit_for_current(
            self.download_requested))
        self.card.open_requested.connect(lambda: self._emit_for_current(self.open_requested))
        self.text_view = self._stack.text_view
        self.table_view = self._stack.table_view
        self.table_view.validate_requested.connect(lambda: self._emit_for_current(
            self.validate_requested))
        self.image_view = self._stack.image_view
        self.hex_view = self._stack.hex_view
        self.zip_view = self._stack.zip_view
        self.selection_card = SelectionCard(self)
        self.selection_card.edit_requested.connect(self.edit_selection)
        self._selection: tuple[str, list[str]] | None = None
        self._stack.addWidget(self.selection_card)

        self.properties_panel = PropertiesPanel(self)
        self.properties_panel.edit_requested.connect(self.edit_properties)
        self.object_lock = ObjectLockControl(runner, self.properties_panel, self)
        self.object_lock.failed.connect(self.lock_failed)
        self.object_lock.saved.connect(self.properties_saved)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self._title)
        top_layout.addWidget(self._subtitle)
        top_layout.addWidget(self._stack, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("previewSplitter")
        split.setChildrenCollapsible(False)
        split.addWidget(top)
        split.addWidget(self.properties_panel)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setSizes([520, 210])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(split)
        self.clear()

    # -- public --------------------------------------------------------------------------
    def set_storage(self, storage: Storage | None) -> None:
        self._storage = storage
        self.cache = PreviewCache()
        self.object_lock.set_storage(storage)
        self.clear()

    def clear(self, message: str = SELECT_MESSAGE) -> None:
        self._new_generation()
        self._current = None
        self._selection = None
        self.object_lock.forget()
        self._title.setText("")
        self._subtitle.setText("")
        self._show_message(translate("Pane", message))
        self.properties_panel.clear()
        self.properties_panel.show()

    def show_object(self, bucket: str, key: str) -> None:
        storage = self._storage
        if storage is None:
            return
        generation = self._new_generation()
        self._current = (bucket, key)
        self._selection = None
        self._title.setText(key.rsplit("/", 1)[-1] or key)
        self._subtitle.setText("")
        self._show_message(translate("PreviewPane", "Loading preview…"))
        self.properties_panel.clear()
        self.properties_panel.show()
        self._future = self._runner.submit(
            load_preview, storage, bucket, key, self.cap, self.cache, self._cancel,
            on_success=lambda result: self._on_loaded(generation, result),
            on_error=lambda err: self._on_error(generation, err),
            context=self,
        )
        self._load_properties(generation)
        self.object_lock.load(bucket, key)

    @property
    def shown_text(self) -> str:
        """What the text view shows (empty when another view is active)."""
        return self._stack.shown_text

    @property
    def message(self) -> str:
        return self._stack.message

    @property
    def showing_image(self) -> bool:
        return self._stack.showing_image

    @property
    def current_view(self) -> QWidget:
        return self._stack.currentWidget()

    @property
    def current_key(self) -> tuple[str, str] | None:
        return self._current

    @property
    def showing_selection(self) -> bool:
        return self._selection is not None

    @property
    def pdf_view(self) -> Any:
        return self._stack.pdf_view

    @property
    def media_view(self) -> Any:
        return self._stack.media_view

    def release_media(self) -> None:
        """Unload the player before the pane goes away (see media_view on why)."""
        if self._stack.media_view is not None:
            self._stack.media_view.release()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.release_media()
        super().closeEvent(event)

    def metadata(self) -> dict[str, str]:
        return self.properties_panel.values()

    # -- results -------------------------------------------------------------------------
    def _new_generation(self) -> int:
        self._generation += 1
        self._cancel.set()  # tells a running fetch to stop before its next read
        self._cancel = threading.Event()
        if self._future is not None:
            self._future.cancel()  # only succeeds while still queued; fine either way
            self._future = None
        if self._stack.media_view is not None:
            self._stack.media_view.stop()
        return self._generation

    def _on_loaded(self, generation: int, loaded: LoadedPreview) -> None:
        if generation != self._generation or self._current is None:
            return
        self.loaded = loaded
        data = loaded.data
        self.properties_panel.show_stat(data.stat, data.mime)
        self.type_known.emit(data.stat.bucket, data.stat.key, data.stat.content_type)
        self._show(loaded)
        self.preview_shown.emit(*self._current)

    def _show(self, loaded: LoadedPreview) -> None:
        subtitle = self._stack.show_loaded(loaded, self.cap)
        if subtitle is not None:
            self._subtitle.setText(subtitle)

    def _on_error(self, generation: int, err: AppError) -> None:
        if generation == self._generation and not isinstance(err, Cancelled):
            self._show_message(translate(
                "PreviewPane", "No preview: {user_text}").format(user_text=err.user_text()))
            if isinstance(err, CustomerKeyNeeded):
                self.key_needed.emit(err)

    def _show_message(self, text: str, actions: bool = False) -> None:
        self._stack.show_message(text, actions)

    def _emit_for_current(self, signal: Any) -> None:
        if self._current is not None:
            signal.emit(*self._current)

    # -- multi-selection -----------------------------------------------------------------
    def show_selection(self, bucket: str, keys: list[str]) -> None:
        """Several objects selected: no preview, but their shared properties can be edited."""
        if len(keys) < 2:
            if keys and self._current != (bucket, keys[0]):
                self.show_object(bucket, keys[0])
            return
        self._new_generation()
        self._current = None
        self.object_lock.forget()
        self._selection = (bucket, list(keys))
        self._title.setText(translate("PreviewPane", "{keys} objects").format(keys=len(keys)))
        self._subtitle.setText("")
        self._show_message("")
        self.properties_panel.clear()
        self.properties_panel.hide()  # nothing single to describe
        self.selection_card.show_selection(list(keys))
        self._stack.setCurrentWidget(self.selection_card)

    def edit_selection(self) -> BulkEditDialog | None:
        if self._selection is None:
            return None
        bucket, keys = self._selection
        dialog = BulkEditDialog(len(keys), self)
        dialog.accepted.connect(lambda: self.apply_to_selection(bucket, keys, dialog.edit))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def apply_to_selection(self, bucket: str, keys: list[str], edit: BulkEdit | None) -> None:
        """One task per object; the card counts results as they come back."""
        storage = self._storage
        if storage is None or edit is None:
            return
        card, total = self.selection_card, len(keys)
        done: list[str] = []
        failures: list[str] = []
        card.start(total)

        def finished(key: str, error: AppError | None) -> None:
            self.cache.invalidate(bucket, key)
            done.append(key)
            if error is not None:
                failures.append(f"{key.rsplit('/', 1)[-1]}: {error.message}")
            if self._selection is not None and self._selection[1] == keys:
                card.advance(len(done), total, failures)
            if len(done) == total:
                self.selection_saved.emit(bucket, len(failures))

        for key in keys:
            self._runner.submit(
                apply_bulk_edit, storage, bucket, key, edit,
                on_success=lambda _p, key=key: finished(key, None),
                on_error=lambda err, key=key: finished(key, err),
                context=self,
            )

    # -- properties ----------------------------------------------------------------------
    def _load_properties(self, generation: int) -> None:
        storage, current = self._storage, self._current
        if storage is None or current is None:
            return
        self._runner.submit(
            storage.object_properties, *current,
            on_success=lambda props: self._on_properties(generation, props),
            on_error=lambda err: self._on_properties_error(generation, err),
            context=self,
        )

    def _on_properties(self, generation: int, props: ObjectProperties) -> None:
        if generation == self._generation:
            self.properties_panel.show_properties(props)

    def _on_properties_error(self, generation: int, err: AppError) -> None:
        if generation == self._generation:
            self.properties_panel.status.setText(translate(
                "PreviewPane", "Details unavailable: {message}").format(message=err.message))
            if isinstance(err, CustomerKeyNeeded):
                self.key_needed.emit(err)

    def edit_properties(self) -> PropertiesDialog | None:
        """Open the edit dialog (non-modal, so tests and users can keep the window live)."""
        props = self.properties_panel.properties
        if props is None:
            return None
        dialog = PropertiesDialog(props, self)
        dialog.accepted.connect(lambda: self.save_properties(props, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def save_properties(self, props: ObjectProperties, dialog: PropertiesDialog) -> None:
        storage, edits = self._storage, dialog.edits
        if storage is None or edits is None:
            return
        generation = self._generation
        self.properties_panel.status.setText(translate("PreviewPane", "Saving…"))
        self.properties_panel.edit_button.setEnabled(False)
        self.cache.invalidate(props.bucket, props.key)

        def done(fresh: ObjectProperties) -> None:
            self.cache.invalidate(props.bucket, props.key)
            self.properties_saved.emit(props.bucket, props.key)
            if generation == self._generation:
                self.properties_panel.show_properties(fresh)
                self.properties_panel.status.setText(translate("PreviewPane", "Saved."))

        def failed(err: AppError) -> None:
            if generation == self._generation:
                self.properties_panel.edit_button.setEnabled(True)
                self.properties_panel.status.setText(translate(
                    "PreviewPane", "Not saved: {user_text}").format(user_text=err.user_text()))

        self._runner.submit(apply_property_edits, storage, props, edits,
                            on_success=done, on_error=failed, context=self)
