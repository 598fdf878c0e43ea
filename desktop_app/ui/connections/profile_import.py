"""Import of connections other tools saved (mc aliases, rclone remotes, AWS CLI profiles,
MINIO_* variables): the Import menu's entries, the reading (on a worker) and the save jobs of
the profiles the user picked in the preview. The dialog runs the flow."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtWidgets import QMenu, QWidget

from desktop_app.core import importers
from desktop_app.core.importers import ImportResult
from desktop_app.core.profiles import ProfileStore
from desktop_app.ui.connections.import_preview import ImportPreview
from desktop_app.ui.connections.jobs import SaveJob
from desktop_app.ui.shell.i18n import translate


def import_menu(parent: QWidget, start: Callable[[str], None]) -> QMenu:
    """The Import button's menu: one entry a source, each starting the import of it."""
    menu = QMenu(parent)
    for text, source in ((translate(
        "ConnectionDialog", "Everything found"), "all"), (translate(
        "ConnectionDialog", "mc aliases"), "mc"),
                         (translate(
                             "ConnectionDialog",
                             "rclone remotes"), "rclone"), (translate(
                             "ConnectionDialog", "AWS CLI profiles"), "aws"),
                         (translate("ConnectionDialog", "MINIO_* variables"), "env")):
        action = menu.addAction(text)
        action.setObjectName(f"import_{source}")
        action.triggered.connect(lambda _=False, s=source: start(s))
    return menu


def read_sources(source: str, home: Path, environ: Mapping[str, str]) -> list[ImportResult]:
    """Runs on a worker: what the chosen tool (or every one, "all") saved."""
    if source == "mc":
        return [importers.from_mc(importers.default_mc_config(home, environ))]
    if source == "rclone":
        return [importers.from_rclone(importers.default_rclone_config(home, environ))]
    if source == "aws":
        return [importers.from_aws(*importers.default_aws_files(home, environ))]
    if source == "env":
        return [importers.from_env(environ)]
    return importers.import_all(home, environ)


def chosen_jobs(store: ProfileStore, preview: ImportPreview) -> tuple[ProfileStore, list[SaveJob]]:
    """A staged copy of `store` with the picked profiles added (renamed where a name is taken),
    and the save job of each."""
    staged = store.copy()
    jobs = []
    for candidate in preview.chosen():
        profile = candidate.profile.with_changes(name=staged.unique_name(
            candidate.profile.name))
        staged.put(profile)
        jobs.append(SaveJob(profile, candidate.secrets.secret_key,
                            candidate.secrets.session_token or "", None,
                            preview.session_only.isChecked()))
    return staged, jobs
