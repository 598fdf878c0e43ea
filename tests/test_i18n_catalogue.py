"""The loaded catalogue is the app's own copy: a `.qm` rewritten or truncated on disk while
the app runs (a package upgrade, `make ts`) must not take the app down (Qt maps files it
loads by name, and a lookup in a truncated mapping is a SIGBUS)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from desktop_app.ui.shell import i18n

SOURCE = ("AboutDialog", "A desktop client for MinIO and any S3-compatible object store. "
          "Licensed under the Apache License 2.0.")


@pytest.fixture
def english_after(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield
    # The shipped catalogues first: torn down before the test's monkeypatch, this once loaded
    # the test's emptied copies, and later tests got "2 item(s)" for "2 items".
    monkeypatch.undo()
    i18n.set_language("en")


def test_a_catalogue_truncated_on_disk_after_loading_keeps_translating(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, english_after: None
) -> None:
    shipped = resources.files("desktop_app.resources") / "translations"
    copy = tmp_path / "translations"
    copy.mkdir()
    for name in ("minio_desktop_de.qm", "minio_desktop_en.qm"):
        shutil.copyfile(str(shipped / name), copy / name)
    real_files = resources.files

    def files(package: str):  # type: ignore[no-untyped-def]
        return tmp_path if package == "desktop_app.resources" else real_files(package)

    monkeypatch.setattr(i18n.resources, "files", files)
    i18n.set_language("en")
    assert i18n.set_language("de") == "de"
    german = QCoreApplication.translate(*SOURCE)
    assert german != SOURCE[1]
    for qm in copy.glob("*.qm"):
        qm.write_bytes(b"")  # what a reinstall does to the old file's pages
    assert QCoreApplication.translate(*SOURCE) == german
