""""Sync with a local folder…": the entries of the bucket tree, the file table's folder menu
and the Transfers menu, and the flows behind the Sync window (compare, confirm, run, follow),
all slow steps on the transfer pool.

A run's copies go through the connection's transfer queue; this follows them (a poll on a
worker every few tenths of a second) and shows the progress. When a connection is opened,
the runs of its pairs that a quit interrupted continue, and its watched pairs start
watching (`watching.Watchers`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from desktop_app.core.errors import AppError
from desktop_app.core.humanize import human_size
from desktop_app.core.jobs import Job, JobState
from desktop_app.core.sync_compare import Comparison
from desktop_app.core.sync_model import PairStore, SyncPair, SyncState
from desktop_app.transfers.sync_jobs import (
    ResumeStorage,
    compare_pair,
    resume_pair,
    sync_storage,
)
from desktop_app.transfers.sync_plan import Resolution, SyncPlan, make_plan
from desktop_app.transfers.sync_run import SyncEngine, SyncRun, failures_text
from desktop_app.transfers.sync_watch import RuleCheck
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.flows import FlowOwner, dialog_result, run_transfer
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.job_rerun import connection_for, place_params
from desktop_app.ui.sync.watching import Watchers
from desktop_app.ui.sync.window import SyncWindow

FOLLOW_S = 0.3  # how often a running sync looks at the queue


class SyncActions(QObject):
    """`engine_for(conn_id)`: that connection's transfer queue (None when it has none);
    `data_dir()`: where pairs are kept; `rules_for(conn_id, bucket)`: the upload rules check
    of that target for watched folders (None: no rules)."""

    def __init__(self, context: WindowContext, engine_for: Callable[[str], SyncEngine | None],
                 data_dir: Callable[[], Path | None],
                 rules_for: Callable[[str, str], RuleCheck | None] = lambda _c, _b: None
                 ) -> None:
        super().__init__(context.window)
        self.setObjectName("syncActions")
        self.context = context
        self.engine_for = engine_for
        self.data_dir = data_dir
        self.flows = FlowOwner(self, on_error=context.show_error)
        self.window: SyncWindow | None = None
        self.states: dict[str, SyncState] = {}  # loaded once: runs and watchers share them
        self.running: dict[str, SyncRun] = {}
        self.plan: SyncPlan | None = None
        self.comparison: Comparison | None = None
        self.watchers = Watchers(context, self.store, engine_for, self.state_of, rules_for)
        self.action_sync = QAction(translate("SyncActions", "Sync folders…"), context.window)
        self.action_sync.setObjectName("actionSyncFolders")
        self.action_sync.setToolTip(translate(
            "SyncActions", "Compare and sync a local folder with a bucket folder; saved pairs and "
            "watched folders"))
        self.action_sync.triggered.connect(self._from_menu)
        context.on_close(self.close)
        context.job_handlers["sync"] = self.run_again

    # -- menus ---------------------------------------------------------------------------
    def _entry(self, menu: QMenu, conn_id: str, bucket: str, prefix: str) -> QAction:
        action = QAction(translate("SyncActions", "Sync with a local folder…"), menu)
        action.setObjectName("actionSyncWithFolder")
        action.setToolTip(translate(
            "SyncActions", "Compare this place with a folder on this computer, then sync"))
        action.triggered.connect(lambda *_: self.show_for(conn_id, bucket, prefix))
        return action

    def menu_actions(self, menu: QMenu, conn_id: str, bucket: str) -> list[QAction]:
        """For the tree: a bucket's entry (a connection root has none)."""
        return [self._entry(menu, conn_id, bucket, "")] if bucket else []

    def folder_actions(self, menu: QMenu, bucket: str, prefix: str) -> list[QAction]:
        conn_id = self.context.active_connection()
        return [self._entry(menu, conn_id, bucket, prefix)] if conn_id and bucket else []

    def _from_menu(self) -> None:
        conn_id = self.context.active_connection()
        bucket, prefix = self.context.listing.bucket, self.context.listing.prefix
        if conn_id and bucket:
            self.show_for(conn_id, bucket, prefix)
        else:
            self._window()  # the saved pairs, to re-run or open

    # -- state ---------------------------------------------------------------------------
    def store(self) -> PairStore | None:
        folder = self.data_dir()
        return PairStore(folder) if folder is not None else None

    def state_of(self, pair_id: str) -> SyncState:
        if pair_id not in self.states:
            store = self.store()
            self.states[pair_id] = store.state(pair_id) if store is not None else SyncState()
        return self.states[pair_id]

    def _storage(self, pair: SyncPair) -> ResumeStorage | None:
        entry = self.context.connections.get(pair.connection_id)
        return sync_storage(entry.storage) if entry is not None else None

    def _where(self, pair: SyncPair) -> str:
        entry = self.context.connections.get(pair.connection_id)
        name = entry.name if entry is not None else pair.connection_id
        return f"{name}: {pair.bucket}/{pair.prefix}"

    def refresh_pairs(self) -> None:
        store = self.store()
        if self.window is None or store is None:
            return
        self.window.set_pairs([(p, self.state_of(p.id), self._where(p)) for p in store.pairs()])

    # -- the window ----------------------------------------------------------------------
    def _window(self) -> SyncWindow:
        window = self.window
        if window is None or not shiboken6.isValid(window):
            window = self.window = SyncWindow(self.context.window)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda *_: setattr(self, "window", None))
            window.compare_requested.connect(lambda: self.flows.start(self._compare()))
            window.sync_requested.connect(lambda: self.flows.start(self._sync()))
            window.save_requested.connect(lambda: self.flows.start(self._save_form()))
            window.open_pair_requested.connect(self._open_pair)
            window.run_pair_requested.connect(self._run_pair)
            window.forget_pair_requested.connect(self._forget_pair)
        self.refresh_pairs()
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def show_for(self, conn_id: str, bucket: str, prefix: str) -> SyncWindow:
        """Open the window on this place: its saved pair when there is one, else a new one."""
        window = self._window()
        store = self.store()
        saved = [p for p in (store.pairs() if store is not None else [])
                 if (p.connection_id, p.bucket, p.prefix) == (conn_id, bucket, prefix)]
        pair = saved[0] if saved else SyncPair("", conn_id, bucket, prefix)
        window.load_pair(pair, self._where(pair))
        return window

    def compare_dropped(self, conn_id: str, bucket: str, prefix: str, folder: Path) -> None:
        """A folder dropped with Alt: compare it with the place it was dropped on."""
        window = self.show_for(conn_id, bucket, prefix)
        if window.pair is not None and window.pair.local_folder not in ("", str(folder)):
            window.load_pair(SyncPair("", conn_id, bucket, prefix), window.target.text())
        window.folder.setText(str(folder))
        self.flows.start(self._compare())

    def _open_pair(self, pair_id: str) -> bool:
        store = self.store()
        try:
            pair = store.get(pair_id) if store is not None else None
        except ValueError:  # not a pair id (a damaged job record)
            pair = None
        if pair is None or self.window is None:
            self._tell(translate("SyncActions", "That sync pair is no longer saved."))
            return False
        self.window.load_pair(pair, self._where(pair))
        return True

    def _run_pair(self, pair_id: str) -> None:
        if self._open_pair(pair_id):
            self.flows.start(self._compare(then_sync=True))

    def _forget_pair(self, pair_id: str) -> None:
        store = self.store()
        if store is not None:
            self.watchers.stop(pair_id)
            store.delete(pair_id)
            self.states.pop(pair_id, None)
        self.refresh_pairs()

    async def _save_form(self) -> SyncPair | None:
        """Save the pair the form shows (written on a worker: the file is fsynced)."""
        window, store = self.window, self.store()
        pair = window.form_pair() if window is not None else None
        if pair is None or store is None or window is None:
            self._tell(self._missing())
            return None
        if not pair.name:
            pair = replace(pair, name=Path(pair.local_folder).name)
            window.name.setText(pair.name)
        window.pair = pair
        await run_transfer(self.context.runner, store.save, pair, self.state_of(pair.id))
        self.watchers.update(pair)
        self.refresh_pairs()
        return pair

    def _tell(self, text: str) -> None:
        """A word for the user: in the Sync window when it is open, else the message bar."""
        if self.window is not None and shiboken6.isValid(self.window):
            self.window.summary.setText(text)
        else:
            self.context.show_info(text)

    def _missing(self) -> str:
        """What the form lacks before it can compare or be saved."""
        if self.window is None or self.window.pair is None:
            return translate(
                "SyncActions", "Pick a bucket folder first: open a saved pair, or right-click a "
                "bucket and choose “Sync with a local folder…”.")
        return translate("SyncActions", "Choose the folder to sync first.")

    # -- flows ---------------------------------------------------------------------------
    async def _compare(self, then_sync: bool = False, after: str = "") -> None:
        """Compare the pair of the form; `then_sync`: sync at once (a saved pair's one
        click); `after`: what the run just done said, kept above the fresh compare."""
        window = self.window
        pair = window.form_pair() if window is not None else None
        if window is None or pair is None:
            self._tell(self._missing())
            return
        storage = self._storage(pair)
        if storage is None:
            window.show_failed(translate(
                "SyncActions", "Its connection is not open: open it, then compare."))
            return
        window.show_busy(translate("SyncActions", "Listing both sides…"))
        try:
            comparison = await run_transfer(self.context.runner, compare_pair, pair,
                                            storage, self.state_of(pair.id))
        except AppError as exc:
            window.show_failed(exc.user_text())
            return
        except OSError as exc:
            window.show_failed(translate("SyncActions", "The folder cannot be read: {why}").format(
                why=exc.strerror or str(exc)))
            return
        if not shiboken6.isValid(window):
            return
        self.comparison = comparison
        self.plan = make_plan(comparison, pair)
        window.show_comparison(comparison, self.plan)
        if after:
            window.show_done(after + "\n" + translate(
                "SyncActions", "Now: ") + window.summary.text())
        if then_sync:
            await self._sync()

    async def _sync(self) -> None:
        window, plan, comparison = self.window, self.plan, self.comparison
        if window is None or plan is None or comparison is None:
            return
        pair = await self._save_form()
        if pair is None:
            return
        if pair.id in self.running:
            self._tell(translate("SyncActions", "This pair is syncing already."))
            return
        if plan.undecided:
            answer = await self._ask_conflicts(plan)
            if answer is None:
                return
            plan = make_plan(comparison, pair,
                             decisions={i.key: answer for i in plan.undecided})
        if plan.deletions and not await self._confirm_deletions(pair, plan):
            plan = make_plan(comparison, pair, delete=False)
        engine = self.engine_for(pair.connection_id)
        storage = self._storage(pair)
        if engine is None or storage is None:
            window.show_failed(translate(
                "SyncActions", "Its connection is not open: open it, then sync."))
            return
        run = SyncRun(pair, plan, engine, storage, self.store(), self.state_of(pair.id))
        await self.follow(run, window)

    async def follow(self, run: SyncRun, window: SyncWindow | None) -> None:
        """Start (unless `run` started already) and follow a run to its end."""
        pair = run.pair
        self.running[pair.id] = run
        log = self.context.jobs()
        job_id = None if log is None else log.start(
            "sync", translate("SyncActions", "Sync"), f"{pair.local_folder} ⇄ {self._where(pair)}",
            params=place_params(self.context, pair.connection_id, pair.bucket, pair.prefix,
                                pair=pair.id))
        state = JobState.FAILED
        try:
            if window is not None:
                window.show_busy(translate("SyncActions", "Sending to the transfer queue…"))
            if not run.started:
                await run_transfer(self.context.runner, run.start)
            while not await run_transfer(self.context.runner, run.poll):
                if window is not None and shiboken6.isValid(window):
                    window.show_progress(run.done, run.total)
                if log is not None and job_id is not None:
                    log.progress(job_id, run.done, run.total)
                await asyncio.sleep(FOLLOW_S)
            state = JobState.FAILED if run.outcome.failed else JobState.DONE
        except AppError as exc:
            if window is not None and shiboken6.isValid(window):
                window.show_failed(exc.user_text())
            raise
        except asyncio.CancelledError:
            state = JobState.INTERRUPTED  # the window closed: the pair's state says so too
            raise
        finally:
            self.running.pop(pair.id, None)
            if log is not None and job_id is not None:
                log.finish(job_id, state, message=failures_text(run.outcome, 3),
                           counts=run.outcome.summary())
        self._ended(run, window)

    def run_again(self, job: Job) -> None:
        """Run again from the Jobs panel: the pair compared and synced anew."""
        if connection_for(self.context, job.params) is not None:
            self._window()
            self._run_pair(str(job.params.get("pair", "")))

    def _ended(self, run: SyncRun, window: SyncWindow | None) -> None:
        out = run.outcome
        text = translate(
            "SyncActions", "Synced: {up} uploaded, {down} downloaded, {deleted} deleted "
            "({size}).").format(
            up=out.uploaded, down=out.downloaded, deleted=out.deleted, size=human_size(out.bytes))
        if out.failed:
            text += " " + translate(
                "SyncActions", "{count} failed:").format(count=len(out.failed)) + "\n" + \
                failures_text(out)
        if run.plan.undecided:
            text += " " + translate(
                "SyncActions", "{count} conflict(s) left as they "
                "are.", "", len(run.plan.undecided)).format(
                count=len(run.plan.undecided))
        if window is not None and shiboken6.isValid(window):
            self.refresh_pairs()
            self.flows.start(self._compare(after=text))  # the tree as things are now
        elif out.failed:
            self.context.show_error(AppError(text, translate(
                "SyncActions", "Open Transfers → Sync folders… to see the pair and run it again.")))

    async def _ask_conflicts(self, plan: SyncPlan) -> Resolution | None:
        """One answer for every conflict the rule leaves to the user (None: cancel)."""
        count = len(plan.undecided)
        text = translate(
            "SyncActions", "{count} file(s) changed both in the folder and in the bucket since the "
            "last sync. Which version should be kept?", "", count).format(count=count)
        box = QMessageBox(QMessageBox.Icon.Question, translate("SyncActions", "Conflicts"), text,
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setDetailedText("\n".join(i.key for i in plan.undecided[:200]))
        accept = QMessageBox.ButtonRole.AcceptRole
        choices = {
            box.addButton(translate("SyncActions", "This computer's"), accept): Resolution.HERE,
            box.addButton(translate("SyncActions", "The bucket's"), accept): Resolution.THERE,
            box.addButton(translate("SyncActions", "Keep both"), accept): Resolution.BOTH,
            box.addButton(translate("SyncActions", "Skip them"), accept): Resolution.SKIP,
        }
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        await dialog_result(box)
        clicked = box.clickedButton()
        return None if clicked is cancel else choices.get(clicked)  # type: ignore[call-overload]

    async def _confirm_deletions(self, pair: SyncPair, plan: SyncPlan) -> bool:
        """Deleting is confirmed with its count and size, every run."""
        where = []
        if plan.delete_remote:
            where.append(translate(
                "SyncActions", "{count} in the bucket").format(count=len(plan.delete_remote)))
        if plan.delete_local:
            where.append(translate(
                "SyncActions", "{count} in the folder").format(count=len(plan.delete_local)))
        text = translate(
            "SyncActions", "This sync deletes {count} file(s) ({size}): {where}. Deleted objects "
            "cannot be brought back unless the bucket keeps versions.", "", plan.deletions).format(
            count=plan.deletions, size=human_size(plan.deletion_bytes), where=", ".join(where))
        box = QMessageBox(QMessageBox.Icon.Warning, translate("SyncActions", "Delete files?"), text,
                          QMessageBox.StandardButton.NoButton, self.window)
        keys = [f"− {e.key}" for e in plan.delete_remote] + [f"− {e.key}" for e in
                                                             plan.delete_local]
        box.setDetailedText("\n".join(keys[:500]))
        delete = box.addButton(translate(
            "SyncActions", "Delete them"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(translate("SyncActions", "Keep them"), QMessageBox.ButtonRole.RejectRole)
        await dialog_result(box)
        return box.clickedButton() is delete

    # -- a connection opened --------------------------------------------------------------
    def connection_active(self, conn_id: str) -> None:
        """Continue its interrupted runs and start watching its watched pairs."""
        store = self.store()
        if not conn_id or store is None:
            return
        for pair in store.pairs():
            if pair.connection_id != conn_id:
                continue
            if not self.state_of(pair.id).finished and pair.id not in self.running:
                self.flows.start(self._resume(pair))
            if pair.watch:
                self.watchers.update(pair)

    async def _resume(self, pair: SyncPair) -> None:
        engine = self.engine_for(pair.connection_id)
        storage = self._storage(pair)
        store = self.store()
        if engine is None or storage is None or store is None:
            return
        self.running[pair.id] = SyncRun(pair, SyncPlan(), engine, storage, None,
                                        SyncState())  # a placeholder: no second resume
        try:
            run = await run_transfer(self.context.runner, resume_pair, pair, storage,
                                     engine, store, self.state_of(pair.id))
        finally:
            self.running.pop(pair.id, None)
        self.context.show_info(translate(
            "SyncActions", "Continuing the sync of “{name}” that was interrupted.")
                               .format(name=pair.name or pair.local_folder))
        await self.follow(run, None)

    def connection_closed(self, conn_id: str) -> None:
        self.watchers.stop_connection(conn_id)

    def close(self) -> None:
        self.watchers.stop_all()
