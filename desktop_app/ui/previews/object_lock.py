"""Retention and legal hold of the selected object: read after selection, changed through
`RetentionDialog`, both on the browse pool.

Only buckets with object lock have either, so the bucket's lock state is asked once per
bucket and remembered: a bucket without lock costs one call ever, and then nothing per
object. In a locked bucket each selection costs one extra task (retention and legal hold of
the latest version), submitted after the preview and the properties so it never delays them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.core.errors import AppError, NotSupportedByServer
from desktop_app.storage.protocol import BucketLifecycleOps, BucketSettingsOps
from desktop_app.ui.previews.properties_panel import PropertiesPanel
from desktop_app.ui.previews.retention_dialog import LockChange, LockState, RetentionDialog
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner


@dataclass(frozen=True, slots=True)
class _LockOps:
    """The two storage roles this needs (a storage may offer neither)."""

    objects: BucketLifecycleOps
    buckets: BucketSettingsOps


def _lock_ops(storage: object) -> _LockOps | None:
    if isinstance(storage, BucketLifecycleOps) and isinstance(storage, BucketSettingsOps):
        return _LockOps(storage, storage)
    return None


def read_lock_state(ops: _LockOps, bucket: str, key: str, check_bucket: bool) -> LockState:
    """The object's retention and legal hold; `check_bucket` first asks whether the bucket
    has object lock at all (and reads nothing more when it has not)."""
    if check_bucket:
        try:
            enabled = ops.buckets.get_object_lock(bucket).enabled
        except NotSupportedByServer:  # a server without object lock: ask no more
            enabled = False
        if not enabled:
            return LockState(enabled=False)
    return LockState(enabled=True, retention=ops.objects.get_retention(bucket, key),
                     legal_hold=ops.objects.get_legal_hold(bucket, key))


def apply_lock_change(ops: _LockOps, bucket: str, key: str, change: LockChange) -> LockState:
    """Send the change (legal hold first: it does not depend on the retention), then read
    back what the server now holds."""
    if change.legal_hold is not None:
        ops.objects.set_legal_hold(bucket, key, change.legal_hold)
    if change.set_retention:
        ops.objects.set_retention(bucket, key, change.retention,
                                  bypass_governance=change.bypass_governance)
    return read_lock_state(ops, bucket, key, check_bucket=False)


class ObjectLockControl(QObject):
    """Keeps the panel's retention rows and its "Retention and legal hold…" button current."""

    saved = Signal(str, str)  # bucket, key
    failed = Signal(object)  # AppError, for the window's message bar

    def __init__(self, runner: TaskRunner, panel: PropertiesPanel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._panel = panel
        self._ops: _LockOps | None = None
        self._locked: dict[str, bool] = {}  # bucket -> has object lock
        self._generation = 0
        self._current: tuple[str, str] | None = None
        self.state: LockState | None = None
        panel.lock_requested.connect(self.edit)

    def set_storage(self, storage: object) -> None:
        self._ops = _lock_ops(storage)
        self._locked.clear()
        self.forget()

    def forget(self) -> None:
        """Nothing single is selected: drop whatever is still on its way."""
        self._generation += 1
        self._current = None
        self.state = None

    def bucket_locked(self, bucket: str) -> bool | None:
        return self._locked.get(bucket)

    def load(self, bucket: str, key: str) -> None:
        self.forget()
        self._current = (bucket, key)
        ops, known = self._ops, self._locked.get(bucket)
        if ops is None or known is False:
            return
        generation = self._generation
        self._runner.submit(
            read_lock_state, ops, bucket, key, known is None,
            on_success=lambda state: self._on_state(generation, bucket, state),
            on_error=lambda err: self._on_read_error(generation, err),
            context=self,
        )

    def _on_state(self, generation: int, bucket: str, state: LockState) -> None:
        self._locked[bucket] = state.enabled
        if generation == self._generation:
            self.state = state
            self._panel.show_lock(state)

    def _on_read_error(self, generation: int, err: AppError) -> None:
        if generation == self._generation:
            self._panel.status.setText(translate(
                "ObjectLockControl",
                "Retention unavailable: {user_text}").format(user_text=err.user_text()))

    def edit(self) -> RetentionDialog | None:
        """Open the dialog (non-modal, like the properties dialog)."""
        state, current = self.state, self._current
        if state is None or current is None or not state.enabled:
            return None
        parent = self.parent()
        dialog = RetentionDialog(current[1], state,
                                 parent if isinstance(parent, QWidget) else None)
        dialog.accepted.connect(lambda: self.apply(current[0], current[1], dialog.change))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def apply(self, bucket: str, key: str, change: LockChange | None) -> None:
        ops = self._ops
        if ops is None or change is None or not change.changes_anything:
            return
        generation = self._generation
        self._panel.status.setText(translate(
            "ObjectLockControl", "Saving retention and legal hold…"))
        self._panel.lock_button.setEnabled(False)

        def done(state: LockState) -> None:
            self.saved.emit(bucket, key)
            if generation == self._generation:
                self._on_state(generation, bucket, state)
                self._panel.lock_button.setEnabled(True)
                self._panel.status.setText(translate(
                    "ObjectLockControl", "Retention and legal hold saved."))

        def failed(err: AppError) -> None:
            self.failed.emit(err)
            if generation == self._generation:
                self._panel.lock_button.setEnabled(True)
                self._panel.status.setText(translate(
                    "ObjectLockControl",
                    "Not changed: {user_text}").format(user_text=err.user_text()))
                self._reread(generation, bucket, key)  # part of it may have been applied

        self._runner.submit(apply_lock_change, ops, bucket, key, change,
                            on_success=done, on_error=failed, context=self)

    def _reread(self, generation: int, bucket: str, key: str) -> None:
        ops = self._ops
        if ops is None:
            return
        self._runner.submit(
            read_lock_state, ops, bucket, key, False,
            on_success=lambda state: self._on_state(generation, bucket, state),
            on_error=lambda _err: None, context=self,
        )

