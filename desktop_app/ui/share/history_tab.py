"""The share center's "History" tab: every link shared from here, what, for whom, until when
(with a live countdown); Copy again signs anew for the time left, Remove forgets it."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.humanize import human_size
from desktop_app.core.share_history import LinkKind, SharedLink, countdown
from desktop_app.ui.shell.i18n import translate

ID_ROLE = Qt.ItemDataRole.UserRole + 1
TIME_LEFT = 4


def describe(link: SharedLink) -> str:
    """What the link gives, in a line."""
    where = f"{link.bucket}/{link.target}"
    if link.kind is LinkKind.GET:
        return translate("ShareCenter", "Download {where}").format(where=where)
    if link.kind is LinkKind.PUT:
        return translate("ShareCenter", "Upload to {where} ({type})").format(
            where=where, type=link.content_type)
    limits = [translate("ShareCenter", "type {prefix}…").format(prefix=link.content_type)
              ] if link.content_type else []
    if link.max_size is not None:
        limits.append(translate("ShareCenter", "up to {size}").format(
            size=human_size(link.max_size)))
    shown = f" ({', '.join(limits)})" if limits else ""
    return translate("ShareCenter", "Upload form into {where}{limits}").format(
        where=where, limits=shown)


class HistoryTab(QWidget):
    copy_again_requested = Signal(str)  # link id
    remove_requested = Signal(str)
    remove_expired_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("shareHistory")
        self.table.setAccessibleName(translate("ShareCenter", "Shared links"))
        self.table.setHorizontalHeaderLabels([
            translate("ShareCenter", "What"), translate("ShareCenter", "For whom"),
            translate("ShareCenter", "Created"), translate("ShareCenter", "Expires"),
            translate("ShareCenter", "Time left")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.copy_again = QPushButton(translate("ShareCenter", "Copy again"), self)
        self.copy_again.setObjectName("copyAgain")
        self.copy_again.setToolTip(translate(
            "ShareCenter", "Sign the link anew for the time it has left and copy it"))
        self.remove = QPushButton(translate("ShareCenter", "Remove"), self)
        self.remove.setObjectName("removeShared")
        self.remove_expired = QPushButton(translate("ShareCenter", "Remove expired"), self)
        self.remove_expired.setObjectName("removeExpired")
        row = QHBoxLayout()
        for button in (self.copy_again, self.remove):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.remove_expired)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.copy_again.clicked.connect(lambda: self._emit(self.copy_again_requested))
        self.remove.clicked.connect(lambda: self._emit(self.remove_requested))
        self.remove_expired.clicked.connect(self.remove_expired_requested.emit)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self._emit(self.copy_again_requested))
        self._links: list[SharedLink] = []
        self.clock = QTimer(self)  # the countdown
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self.tick)
        self.clock.start()
        self._update_buttons()

    def show_links(self, links: list[SharedLink]) -> None:
        chosen = self.selected_id()
        self._links = links
        self.table.setRowCount(len(links))
        for row, link in enumerate(links):
            local = "%Y-%m-%d %H:%M"
            cells = (describe(link), link.note, link.created.astimezone().strftime(local),
                     link.expires.astimezone().strftime(local), "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, link.id)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            if link.id == chosen:
                self.table.selectRow(row)
        self.tick()
        self._update_buttons()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(ID_ROLE)
        return value if isinstance(value, str) else None

    def select(self, link_id: str) -> None:
        for row, link in enumerate(self._links):
            if link.id == link_id:
                self.table.selectRow(row)

    def tick(self) -> None:
        now = datetime.now(UTC)
        for row, link in enumerate(self._links):
            item = self.table.item(row, TIME_LEFT)
            if item is None:
                continue
            expired = link.expired(now)
            item.setText(translate("ShareCenter", "expired") if expired
                         else countdown(link, now))
            item.setForeground(QColor("#b3261e") if expired else QColor())
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_id()
        link = next((item for item in self._links if item.id == chosen), None)
        live = link is not None and not link.expired(datetime.now(UTC))
        self.copy_again.setEnabled(live)
        self.remove.setEnabled(link is not None)
        self.remove_expired.setEnabled(any(item.expired(datetime.now(UTC))
                                           for item in self._links))

    def _emit(self, signal: SignalInstance) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            signal.emit(chosen)
