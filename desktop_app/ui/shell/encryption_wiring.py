"""Joins the encryption keys to what they touch: the tree's bucket menu and the Bucket menu
offer the dialog, the message bar offers "Enter encryption key…" on an object encrypted with a
key we lack, a connection's saved keys are loaded when it becomes active, and every change
reaches the connection's transfer process (over its pipe, never a file)."""

from __future__ import annotations

from PySide6.QtCore import SignalInstance

from desktop_app.ui.encryption.actions import EncryptionActions
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.location_menus import LocationMenus
from desktop_app.ui.shell.message_bar import MessageBar
from desktop_app.ui.transfers.controller import TransferController


def install_encryption(context: WindowContext, transfers: TransferController,
                       places: LocationMenus, message_bar: MessageBar,
                       active_changed: SignalInstance) -> EncryptionActions:
    def push(storage: object) -> None:
        engine = transfers.engine_of(storage)
        keys = getattr(storage, "encryption", None)
        setter = getattr(engine, "set_encryption", None)
        if setter is not None and keys is not None:
            setter(keys)

    actions = EncryptionActions(context, push)
    places.encryption = actions
    message_bar.offers.append(actions.offer)
    active_changed.connect(actions.load)
    actions.load(context.active_connection() or "")
    return actions
