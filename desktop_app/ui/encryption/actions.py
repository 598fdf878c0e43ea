"""Encryption keys… in the Bucket menu and a bucket's (or connection's) menu in the tree, the
keys loaded from the keyring when a connection opens, and "Enter encryption key…" on the
message of an object encrypted with a key we do not have.

Keyring calls run on the task runner (the keyring may wait for an unlock prompt); the storage
and the connection's transfer process take a change at once, in memory."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop_app.core.credentials import SecretStore
from desktop_app.core.errors import AppError
from desktop_app.core.sse import CONNECTION_SCOPE, CustomerKeyNeeded, Encryption, EncryptionKeys
from desktop_app.core.sse_store import EncryptionStore
from desktop_app.ui.encryption.keys_dialog import EncryptionDialog
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.i18n import translate


class EncryptionActions:
    def __init__(self, context: WindowContext, push: Callable[[object], None]) -> None:
        self.context = context
        self._push = push  # hands a storage's settings to its transfer process
        self._store: EncryptionStore | None = None
        self._loaded: set[str] = set()
        self.dialog: EncryptionDialog | None = None
        self.bucket_action = QAction(translate(
            "EncryptionActions", "Encryption keys…"), context.window)
        self.bucket_action.setObjectName("actionEncryptionKeys")
        self.bucket_action.setToolTip(translate(
            "EncryptionActions", "Customer key (SSE-C) or server-managed keys (SSE-S3) for uploads "
            "into the shown bucket"))
        self.bucket_action.triggered.connect(lambda *_: self._for_shown_bucket())
        menus = getattr(context.window, "menus", None)
        if menus is not None:
            menus.add("Bucket", self.bucket_action, "encryption")

    def menu_actions(self, menu: QMenu, conn_id: str, bucket: str) -> list[QAction]:
        action = QAction(translate("EncryptionActions", "Encryption keys…"), menu)
        action.triggered.connect(lambda *_: self.edit(conn_id, bucket))
        return [action]

    def offer(self, error: AppError) -> tuple[str, Callable[[], None]] | None:
        """The message bar's button for an object encrypted with a key we lack."""
        if not isinstance(error, CustomerKeyNeeded):
            return None
        conn_id = self.context.active_connection()
        if not conn_id:
            return None
        return (translate("EncryptionActions", "Enter encryption key…"),
                lambda: self.edit(conn_id, error.bucket, ask_key=True))

    # -- the keyring (on workers) --------------------------------------------------------
    def _with_store(self, then: Callable[[EncryptionStore], None]) -> None:
        if self._store is not None:
            then(self._store)
            return

        def made(secrets: SecretStore) -> None:
            if self._store is None:
                self._store = EncryptionStore(secrets)
            then(self._store)

        self.context.runner.submit(SecretStore.detect, on_success=made,
                                   on_error=self.context.show_error, context=self.context.window)

    def load(self, conn_id: str) -> None:
        """A connection became active: its saved settings, once per connection."""
        if not conn_id or conn_id in self._loaded:
            return
        self._loaded.add(conn_id)
        entry = self.context.connections.get(conn_id)
        keys = getattr(entry.storage, "encryption", None) if entry is not None else None
        if not isinstance(keys, EncryptionKeys) or entry is None:
            return
        storage = entry.storage

        def loaded(settings: dict[str, Encryption]) -> None:
            if settings:
                keys.replace(settings)
                self._push(storage)

        self._with_store(lambda store: self.context.runner.submit(
            store.load, conn_id, on_success=loaded, on_error=self.context.show_error,
            context=self.context.window))

    # -- the dialog ----------------------------------------------------------------------
    def _for_shown_bucket(self) -> None:
        conn_id = self.context.active_connection()
        if not conn_id:
            self.context.show_info(translate("EncryptionActions", "Open a connection first."))
            return
        self.edit(conn_id, self.context.listing.bucket)

    def edit(self, conn_id: str, bucket: str = "", ask_key: bool = False) -> None:
        entry = self.context.connections.get(conn_id)
        keys = getattr(entry.storage, "encryption", None) if entry is not None else None
        if entry is None or not isinstance(keys, EncryptionKeys):
            self.context.show_info(translate(
                "EncryptionActions", "This connection does not support encryption keys."))
            return
        scope = bucket or CONNECTION_SCOPE
        if bucket:
            where = translate(
                "EncryptionActions", "Encryption of new uploads into the bucket “{bucket}” on "
                "{name}, and the key sent to read its objects. It replaces the connection's "
                "setting for this bucket.").format(bucket=bucket, name=entry.name)
        else:
            where = translate(
                "EncryptionActions", "Encryption of new uploads into every bucket of {name} (a "
                "bucket can have its own), and the key sent to read their objects.").format(
                name=entry.name)
        current = keys.snapshot().get(scope, Encryption())
        secure = bool(entry.settings.secure) if entry.settings is not None else False
        dialog = self.dialog = EncryptionDialog(where, current, secure, self.context.window,
                                                ask_key=ask_key)
        storage = entry.storage

        def accepted() -> None:
            keys.set(scope, dialog.result_setting())
            self._push(storage)
            self._save(conn_id, keys)

        dialog.accepted.connect(accepted)
        dialog.open()

    def _save(self, conn_id: str, keys: EncryptionKeys) -> None:
        settings = keys.snapshot()

        def save(store: EncryptionStore) -> None:
            session_only = store.problem is not None
            self.context.runner.submit(
                store.save, conn_id, settings, session_only,
                on_success=lambda _r: self.context.show_info(translate(
                    "EncryptionActions", "Encryption setting saved in the system keyring.")
                    if not session_only else translate(
                        "EncryptionActions", "Encryption setting kept for this session only: {why}"
                    ).format(why=store.problem)),
                on_error=self.context.show_error, context=self.context.window)

        self._with_store(save)
