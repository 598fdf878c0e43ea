"""A notification service on the test's private session bus (real D-Bus, fake daemon):
it takes the `org.freedesktop.Notifications` name and records every Notify call."""

from __future__ import annotations

import threading
from typing import Any

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

SERVICE = "org.freedesktop.Notifications"
UNKNOWN_METHOD = "org.freedesktop.DBus.Error.UnknownMethod"


class FakeNotificationService:
    def __init__(self) -> None:
        self.received: list[tuple[Any, ...]] = []
        self._connection = open_dbus_connection(bus="SESSION")
        reply = self._connection.send_and_get_reply(message_bus.RequestName(SERVICE, 4))
        assert reply.body == (1,), "another notification service owns the name"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                message = self._connection.receive(timeout=0.1)
            except TimeoutError:
                continue
            if message.header.message_type is not MessageType.method_call:
                continue
            if message.header.fields.get(HeaderFields.member) == "Notify":
                self.received.append(message.body)
                self._connection.send(new_method_return(message, "u", (len(self.received),)))
            else:
                self._connection.send(new_error(message, UNKNOWN_METHOD))

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._connection.close()
