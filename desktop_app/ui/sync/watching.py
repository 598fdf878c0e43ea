"""Watched pairs of the open connections, and the status bar's word on them: that watching
is on, how many files it sent and the last one, and what was refused or failed (tooltip);
a desktop notice when files were sent while the window is in the background.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from desktop_app.core.desktop_notify import notify
from desktop_app.core.humanize import human_size
from desktop_app.core.sync_model import PairStore, SyncPair, SyncState
from desktop_app.transfers.sync_jobs import sync_storage
from desktop_app.transfers.sync_run import SyncEngine
from desktop_app.transfers.sync_watch import FolderWatch, RuleCheck, WatchNews
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.i18n import translate

log = logging.getLogger(__name__)
NOTIFY_EVERY_S = 60.0


class _News(QObject):
    """Carries a watcher's news from its thread to the GUI thread (queued)."""

    arrived = Signal(str, object)  # pair id, WatchNews


class Watchers:
    def __init__(self, context: WindowContext, store: Callable[[], PairStore | None],
                 engine_for: Callable[[str], SyncEngine | None],
                 state_of: Callable[[str], SyncState],
                 rules_for: Callable[[str, str], RuleCheck | None],
                 settle_s: float = 2.0) -> None:
        self.context = context
        self.store = store
        self.engine_for = engine_for
        self.state_of = state_of
        self.rules_for = rules_for
        self.settle_s = settle_s
        self.watching: dict[str, tuple[SyncPair, FolderWatch]] = {}
        self.news: dict[str, WatchNews] = {}
        self._told: dict[str, tuple[int, float]] = {}  # pair id -> (sent, when) last notified
        self._carrier = _News(context.window)
        self._carrier.arrived.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        self.label = QLabel(context.window)
        self.label.setObjectName("syncWatchStatus")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.hide()
        window = context.window
        if isinstance(window, QMainWindow):
            window.statusBar().addPermanentWidget(self.label)

    def update(self, pair: SyncPair) -> None:
        """Watch a pair set to be watched (again, with its new settings); stop otherwise."""
        self.stop(pair.id)
        if not pair.watch:
            return
        engine = self.engine_for(pair.connection_id)
        entry = self.context.connections.get(pair.connection_id)
        storage = sync_storage(entry.storage) if entry is not None else None
        if engine is None or storage is None:
            return  # starts when its connection is opened
        watch = FolderWatch(pair, engine, storage, self.store(), self.state_of(pair.id),
                            self.settle_s, self.rules_for(pair.connection_id, pair.bucket),
                            lambda news: self._carrier.arrived.emit(pair.id, news))
        try:
            watch.start()
        except OSError as exc:
            self.context.show_info(translate(
                "SyncWatching", "“{folder}” cannot be watched: {why}").format(
                folder=pair.local_folder, why=exc.strerror or str(exc)))
            return
        self.watching[pair.id] = (pair, watch)
        self.news[pair.id] = watch.news
        self._show()

    def stop(self, pair_id: str) -> None:
        found = self.watching.pop(pair_id, None)
        self.news.pop(pair_id, None)
        if found is not None:
            found[1].stop()
        self._show()

    def stop_connection(self, conn_id: str) -> None:
        for pair_id, (pair, _watch) in list(self.watching.items()):
            if pair.connection_id == conn_id:
                self.stop(pair_id)

    def stop_all(self) -> None:
        for pair_id in list(self.watching):
            self.stop(pair_id)

    def _arrived(self, pair_id: str, news: WatchNews) -> None:
        found = self.watching.get(pair_id)
        if found is None or found[1].news is not news:
            return  # from a watcher stopped since (its news came late)
        self.news[pair_id] = news
        self._show()
        self._notify(pair_id, news)

    def _notify(self, pair_id: str, news: WatchNews) -> None:
        """A desktop notice (this app's stand-in for a tray icon, which stock GNOME lacks)
        while the window is in the background: at most one a minute per folder."""
        told, when = self._told.get(pair_id, (0, -NOTIFY_EVERY_S))
        now = time.monotonic()
        if news.sent <= told or now - when < NOTIFY_EVERY_S \
                or self.context.window.isActiveWindow():
            return
        self._told[pair_id] = (news.sent, now)
        pair = self.watching[pair_id][0]
        title = translate("SyncWatching", "Watched folder")
        text = translate(
            "SyncWatching", "{count} new file(s) from “{folder}” uploaded to {bucket}.", "",
            news.sent - told).format(count=news.sent - told, folder=pair.local_folder,
                                     bucket=pair.bucket)
        self.context.runner.submit(notify, title, text, "document-send",
                                   on_success=lambda _sent: None, on_error=lambda _exc: None)

    def _show(self) -> None:
        count = len(self.watching)
        if not count:
            self.label.hide()
            return
        sent = sum(n.sent for n in self.news.values())
        text = translate(
            "SyncWatching", "Watching {count} folder(s)", "", count).format(count=count)
        if sent:
            last = next((n.last for n in reversed(self.news.values()) if n.last), "")
            text += translate("SyncWatching", " · {sent} sent ({size}), last “{last}”").format(
                sent=sent, size=human_size(sum(n.bytes for n in self.news.values())),
                last=last.rpartition("/")[2])
        tips = [f"{pair.local_folder} → {pair.bucket}/{pair.prefix}"
                for pair, _w in self.watching.values()]
        for news in self.news.values():
            tips += [translate(
                "SyncWatching", "Refused: {key}: {why}").format(
                key=k, why=w) for k, w in news.refused[-5:]]
            tips += [translate(
                "SyncWatching", "Failed: {key}: {why}").format(
                key=k, why=w) for k, w in news.failed[-5:]]
        self.label.setText(text)
        self.label.setToolTip("\n".join(tips))
        self.label.show()
