"""Versions on a versioned bucket of the real server: list, restore, undelete, delete."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.objects.versions_panel import VersionsPanel
from desktop_app.ui.shell.tasks import TaskRunner
from tests.helpers import put_bytes


@pytest.fixture
def panel(qtbot: QtBot, storage: MinioStorage) -> Iterator[VersionsPanel]:
    runner = TaskRunner()
    versions = VersionsPanel(runner)
    qtbot.addWidget(versions)
    versions.set_storage(storage)
    versions.show()
    yield versions
    runner.shutdown()


def select(panel: VersionsPanel, predicate: object) -> None:
    for row, version in enumerate(panel.model.versions):
        if predicate(version):  # type: ignore[operator]
            panel.view.selectRow(row)
            return
    raise AssertionError("no such version listed")


def reload(qtbot: QtBot, panel: VersionsPanel) -> None:
    panel.reload()
    qtbot.waitUntil(lambda: not panel.loading, timeout=15_000)


def test_restore_undelete_and_delete_versions(qtbot: QtBot, panel: VersionsPanel,
                                              storage: MinioStorage, bucket: str) -> None:
    storage.set_versioning(bucket, True)
    put_bytes(storage, bucket, "docs/note.txt", b"first")
    put_bytes(storage, bucket, "docs/note.txt", b"second")
    storage.delete(bucket, "docs/note.txt")  # leaves a delete marker on top
    panel.set_location(bucket, "docs/")
    qtbot.waitUntil(lambda: not panel.loading and len(panel.model.versions) == 3,
                    timeout=15_000)
    states = [panel.model.index(r, 2).data() for r in range(3)]
    assert states.count("delete marker (latest)") == 1
    assert panel.model.index(0, 0).data() == "note.txt"

    # Undelete: the delete marker goes, "second" is back.
    select(panel, lambda v: v.is_delete_marker)
    assert panel.undelete_button.isEnabled()
    assert not panel.restore_button.isEnabled()
    with qtbot.waitSignal(panel.changed, timeout=15_000):
        panel.undelete_button.click()
    assert storage.read_range(bucket, "docs/note.txt", 0, 100) == b"second"

    # Restore the first version: copied over the key, it becomes the latest.
    qtbot.waitUntil(lambda: not panel.loading and len(panel.model.versions) == 2,
                    timeout=15_000)
    select(panel, lambda v: not v.is_latest)
    with qtbot.waitSignal(panel.changed, timeout=15_000):
        panel.restore_button.click()
    assert storage.read_range(bucket, "docs/note.txt", 0, 100) == b"first"
    qtbot.waitUntil(lambda: not panel.loading and len(panel.model.versions) == 3,
                    timeout=15_000)

    # Delete one version permanently, only after confirming.
    select(panel, lambda v: not v.is_latest)
    asked: list[str] = []
    panel.confirm = lambda text: asked.append(text) or False  # type: ignore[method-assign]
    panel.delete_button.click()
    assert asked
    assert "cannot be undone" in asked[0]
    reload(qtbot, panel)
    assert len(panel.model.versions) == 3
    select(panel, lambda v: not v.is_latest)
    panel.confirm = lambda text: True  # type: ignore[method-assign]
    with qtbot.waitSignal(panel.changed, timeout=15_000):
        panel.delete_button.click()
    qtbot.waitUntil(lambda: not panel.loading and len(panel.model.versions) == 2,
                    timeout=15_000)
    assert storage.read_range(bucket, "docs/note.txt", 0, 100) == b"first"


def test_unversioned_bucket_is_explained(qtbot: QtBot, panel: VersionsPanel,
                                         storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "a.txt", b"a")
    panel.set_location(bucket, "")
    qtbot.waitUntil(lambda: not panel.loading and len(panel.model.versions) == 1,
                    timeout=15_000)
    assert "not enabled" in panel.status.text()


def test_versions_model_passes_model_tester(qtbot: QtBot, qtmodeltester,  # type: ignore[no-untyped-def]
                                            panel: VersionsPanel, storage: MinioStorage,
                                            bucket: str) -> None:
    put_bytes(storage, bucket, "a.txt", b"a")
    panel.set_location(bucket, "")
    qtbot.waitUntil(lambda: not panel.loading and len(panel.model.versions) == 1,
                    timeout=15_000)
    qtmodeltester.check(panel.model)


def test_show_versions_toggle_in_window(qtbot: QtBot, app_environ: dict[str, str],
                                        storage: MinioStorage, bucket: str) -> None:
    from desktop_app.app import build_window

    put_bytes(storage, bucket, "a.txt", b"a")
    window = build_window({**app_environ, "MINIO_BUCKET_NAME": bucket})
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 1, timeout=15_000)
    window.action_show_versions.trigger()
    versions = window.versions_panel
    assert versions.isVisible()
    qtbot.waitUntil(lambda: len(versions.model.versions) == 1, timeout=15_000)
    window.close()
