"""Desktop notifications through the freedesktop Notifications service on the session bus.

Every Linux desktop (GNOME, KDE, XFCE, and notification daemons like dunst or mako) answers
`org.freedesktop.Notifications.Notify`; a tray icon, by contrast, is missing on stock GNOME.
Sent with jeepney (already what the keyring's Secret Service backend talks D-Bus with) from
a worker thread: the call blocks up to `timeout` seconds waiting for the reply. Anything
missing (no session bus, no service, another OS) makes `notify` return False, and the window
still flashes its taskbar entry and shows the message bar.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
APP_NAME = "MinIO Desktop"
ICON = "document-send"  # a name from the freedesktop icon naming spec: every theme has it
EXPIRE_MS = 8000


def notify(summary: str, body: str, icon: str = ICON, timeout: float = 3.0) -> bool:
    """Show one notification; True when the notification service accepted it."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        from jeepney import DBusAddress, MessageType, new_method_call
        from jeepney.io.blocking import open_dbus_connection
    except ImportError:
        return False
    address = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
    message = new_method_call(
        address, "Notify", "susssasa{sv}i",
        (APP_NAME, 0, icon, summary, body, [], {"category": ("s", "transfer")}, EXPIRE_MS),
    )
    try:
        with open_dbus_connection(bus="SESSION") as connection:
            reply = connection.send_and_get_reply(message, timeout=timeout)
    except Exception as exc:
        log.info("No desktop notification (%s)", type(exc).__name__)
        return False
    return bool(reply.header.message_type is MessageType.method_return)
