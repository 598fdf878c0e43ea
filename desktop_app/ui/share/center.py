"""The Share center: download links, upload links (presigned PUT or POST form, with a ready
curl command and an HTML form to save) and the history of what was shared.

Signing runs on a worker (it may ask the server for the bucket's region); the history file
is read and written there too. The history never holds a signature: "Copy again" signs anew
for the time left. Expiry beyond what the credentials allow is refused with the reason; for
temporary credentials the profile does not know when they end, so that is said instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QTabWidget, QVBoxLayout, QWidget

from desktop_app.core.errors import AppError, ConfigError
from desktop_app.core.links import MAX_LINK_EXPIRY, content_disposition
from desktop_app.core.share_history import LinkKind, SharedLink, ShareHistory, new_link
from desktop_app.core.share_links import (
    PostForm,
    PostLimits,
    curl_post,
    curl_put,
    example_content_type,
    html_form,
    temporary_note,
    upload_expiry_problem,
)
from desktop_app.storage.protocol import Storage
from desktop_app.storage.share_signing import sign_again
from desktop_app.ui.share.fields import note_label
from desktop_app.ui.share.history_tab import HistoryTab
from desktop_app.ui.share.tabs import DownloadTab, LinkTab, UploadTab
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.flows import FlowOwner, run_browse
from desktop_app.ui.shell.i18n import translate


@dataclass(frozen=True, slots=True)
class Made:
    """A signed link and its history entry."""

    url: str
    link: SharedLink
    form: PostForm | None = None


def _record(history: ShareHistory, made: Made) -> Made:
    history.add(made.link)
    return made


class ShareCenter(QDialog):
    """One per window (non-modal); `show_for(bucket, key, prefix)` fills the fields."""

    def __init__(self, context: WindowContext, history_file: Callable[[], Path | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent or context.window)
        self.setObjectName("shareCenter")
        self.setWindowTitle(translate("ShareCenter", "Share center"))
        self.context = context
        self._history_file = history_file
        self.history: ShareHistory | None = None
        self.bucket = ""
        self.conn_id: str | None = None  # the connection shown when opened
        self.flows = FlowOwner(self, self._failed)
        self.where = note_label(self, "shareWhere")
        self.status = note_label(self, "shareStatus")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("shareTabs")
        self.download = DownloadTab(self.tabs)
        self.upload = UploadTab(self.tabs)
        self.history_tab = HistoryTab(self.tabs)
        self.tabs.addTab(self.download, translate("ShareCenter", "Download link"))
        self.tabs.addTab(self.upload, translate("ShareCenter", "Upload link"))
        self.tabs.addTab(self.history_tab, translate("ShareCenter", "History"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        self.resize(720, 560)
        for tab in (self.download, self.upload):
            tab.expiry.changed.connect(self._check)
        self.download.create_requested.connect(
            lambda: self.flows.start(self._create_download()))
        self.upload.create_requested.connect(lambda: self.flows.start(self._create_upload()))
        self.upload.save_form_requested.connect(lambda: self.flows.start(self._save_form()))
        self.history_tab.copy_again_requested.connect(
            lambda link_id: self.flows.start(self._copy_again(link_id)))
        self.history_tab.remove_requested.connect(
            lambda link_id: self.flows.start(self._remove(link_id)))
        self.history_tab.remove_expired_requested.connect(
            lambda: self.flows.start(self._remove_expired()))
        self._last_post: tuple[PostForm, PostLimits, str] | None = None

    # -- opening -------------------------------------------------------------------------
    def show_for(self, bucket: str, key: str = "", prefix: str = "") -> None:
        self.bucket = bucket
        self.conn_id = self.context.active_connection()
        conn = self.context.connections.get(self.conn_id)
        name = conn.name if conn is not None else "-"
        self.where.setText(translate("ShareCenter", "Connection “{name}”, bucket “{bucket}”")
                           .format(name=name, bucket=bucket or "-"))
        if key:
            self.download.key.setText(key)
            self.upload.put_key.setText(key)
        self.upload.post_prefix.setText(prefix)
        self.tabs.setCurrentWidget(self.download if key else self.upload)
        self._check()
        if self.isVisible():
            self.raise_()  # already open, maybe behind the main window
            self.activateWindow()
        else:
            self.show()
        self.flows.start(self._load())

    async def _load(self) -> None:
        path = self._history_file()
        if path is None:
            return
        if self.history is None or self.history.path != path:
            self.history = await run_browse(self.context.runner, ShareHistory, path)
        self.history_tab.show_links(self.history.links())

    # -- checks --------------------------------------------------------------------------
    def _temporary(self) -> bool:
        conn = self.context.connections.get(self.conn_id)
        settings = conn.settings if conn is not None else None
        return bool(settings is not None and settings.session_token)

    def _check(self) -> None:
        temporary = self._temporary()
        # Profiles keep a session token but not when it ends: said, cannot be checked.
        note = translate(
            "ShareCenter",
            "This connection uses temporary credentials (a session token) and the app does "
            "not know when they end: the link stops working then, perhaps sooner than the "
            "time chosen.") if temporary_note(temporary, None) else None
        for tab in (self.download, self.upload):
            expires = tab.expiry.value()
            problem = upload_expiry_problem(expires, temporary, None, datetime.now(UTC))
            if problem is not None and expires > MAX_LINK_EXPIRY:
                problem = translate(
                    "ShareCenter",
                    "Links can be valid for at most 7 days: S3 signatures (SigV4) are refused "
                    "by the server after that. Choose 7 days or less.")
            tab.show_problem(problem, note)

    def _ready(self, tab: LinkTab) -> tuple[Storage, str, datetime, timedelta]:
        conn = self.context.connections.get(self.conn_id)
        if conn is None or self.conn_id is None or not self.bucket:
            raise ConfigError(translate("ShareCenter", "No bucket is open."),
                              translate("ShareCenter", "Open a bucket, then share from it."))
        self._check()
        problem = tab.error_label.text()
        if problem:
            raise ConfigError(problem)
        return (conn.storage, self.conn_id, datetime.now(UTC).replace(microsecond=0),
                tab.expiry.value())

    # -- making links --------------------------------------------------------------------
    async def _create_download(self) -> None:
        storage, conn_id, now, expires = self._ready(self.download)
        key = self.download.key.text()
        if not key or key.endswith("/"):
            raise ConfigError(translate("ShareCenter", "Name the file to share."),
                              translate("ShareCenter", "Type its key, e.g. folder/report.pdf."))
        mode = self.download.chosen_disposition()
        disposition = content_disposition(mode, key) or ""
        url = await run_browse(self.context.runner, storage.presign_download, self.bucket, key,
                               expires, now, disposition or None)
        link = new_link(conn_id, self.bucket, key, LinkKind.GET, now, now + expires,
                        note=self.download.note.text(), disposition=disposition)
        self.download.output.show_text(url)
        self.download.output.copy()
        await self._remember(Made(url, link))
        self._say(translate("ShareCenter", "Download link copied; it works until {until}.")
                  .format(until=_local(link.expires)))

    async def _create_upload(self) -> None:
        storage, conn_id, now, expires = self._ready(self.upload)
        note = self.upload.note.text()
        if self.upload.chosen_kind() is LinkKind.PUT:
            key, content_type = self.upload.put_key.text(), self.upload.put_type.text().strip()
            if not key or key.endswith("/") or not content_type:
                raise ConfigError(translate("ShareCenter", "Name the file and its content type."),
                                  translate("ShareCenter", "E.g. inbox/photo.jpg, image/jpeg."))
            url = await run_browse(self.context.runner, storage.presign_upload, self.bucket,
                                   key, content_type, expires, now)
            link = new_link(conn_id, self.bucket, key, LinkKind.PUT, now, now + expires,
                            note=note, content_type=content_type)
            self.upload.output.show_text(curl_put(url, content_type))
            await self._remember(Made(url, link))
        else:
            limits = self.upload.limits()
            form = await run_browse(self.context.runner, storage.presign_post, self.bucket,
                                    limits, now + expires)
            link = new_link(conn_id, self.bucket, limits.key_prefix, LinkKind.POST, now,
                            now + expires, note=note, content_type=limits.content_type_prefix,
                            min_size=limits.min_size, max_size=limits.max_size)
            content_type = example_content_type(limits)
            self._last_post = (form, limits, content_type)
            self.upload.output.show_text(curl_post(form, limits, content_type))
            self.upload.save_form.setEnabled(True)
            await self._remember(Made(form.url, link, form))
        self.upload.output.copy()
        self._say(translate("ShareCenter", "Upload command copied; it works until {until}.")
                  .format(until=_local(link.expires)))

    async def _save_form(self) -> None:
        if self._last_post is None:
            return
        form, limits, content_type = self._last_post
        name, _ = QFileDialog.getSaveFileName(
            self, translate("ShareCenter", "Save the upload form"), "upload-form.html",
            translate("ShareCenter", "Web page (*.html)"))
        if not name:
            return
        title = translate("ShareCenter", "Upload to {where}").format(
            where=f"{self.bucket}/{limits.key_prefix}")
        page = html_form(form, limits, content_type, title)
        await run_browse(self.context.runner, Path(name).write_text, page, "utf-8")
        self._say(translate("ShareCenter", "Saved the form to {path}.").format(path=name))

    async def _remember(self, made: Made) -> None:
        await self._load()
        if self.history is not None:
            await run_browse(self.context.runner, _record, self.history, made)
            self.history_tab.show_links(self.history.links())

    def record(self, links: list[SharedLink]) -> None:
        """Links made elsewhere (the "Copy presigned link" dialog) join the history."""
        for link in links:
            self.flows.start(self._remember(Made("", link)))

    # -- history -------------------------------------------------------------------------
    async def _copy_again(self, link_id: str) -> None:
        link = self.history.get(link_id) if self.history is not None else None
        if link is None:
            return
        conn = self.context.connections.get(link.connection)
        if conn is None:
            raise ConfigError(translate("ShareCenter", "The connection of this link is not open."),
                              translate("ShareCenter", "Open that connection, then copy again."))
        now = datetime.now(UTC).replace(microsecond=0)
        url, form = await run_browse(self.context.runner, sign_again, conn.storage, link, now)
        if link.kind is LinkKind.PUT:
            text = curl_put(url, link.content_type)
        elif form is not None:
            text = curl_post(form, link.post_limits(), example_content_type(link.post_limits()))
        else:
            text = url
        QGuiApplication.clipboard().setText(text)
        self._say(translate("ShareCenter", "Signed anew for the time left and copied; it works "
                                           "until {until}.").format(until=_local(link.expires)))

    async def _remove(self, link_id: str) -> None:
        if self.history is not None:
            await run_browse(self.context.runner, self.history.remove, link_id)
            self.history_tab.show_links(self.history.links())

    async def _remove_expired(self) -> None:
        if self.history is not None:
            await run_browse(self.context.runner, self.history.remove_expired, datetime.now(UTC))
            self.history_tab.show_links(self.history.links())

    def _say(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _failed(self, error: AppError) -> None:
        self.status.setStyleSheet("color:#b3261e;")
        self.status.setText(error.user_text())


def _local(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{local.strftime('%Y-%m-%d %H:%M')} ({local.tzname() or ''})"
