"""`minio-desktop --self-test BUCKET` (used by the package smoke test): the wired window lists
the bucket on a real server and reports it; a missing bucket is a failure, not a hang."""

from __future__ import annotations

from unittest import mock

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.cli import parse_args
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.shell.self_test import list_and_quit
from tests.conftest import WindowFactory


def test_the_flag_is_parsed() -> None:
    assert parse_args(["--self-test", "photos"]).self_test == "photos"
    assert parse_args([]).self_test == ""


@pytest.mark.real_server
def test_self_test_lists_the_bucket_and_exits_0(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        storage: MinioStorage, bucket: str, capsys: pytest.CaptureFixture[str]) -> None:
    for key in ("a.txt", "b/c.txt"):
        storage.put_bytes(bucket, key, b"x", "text/plain", {})
    window = make_window(app_environ)
    with mock.patch.object(QApplication.instance(), "exit") as exit_loop:
        list_and_quit(window, bucket)
        qtbot.waitUntil(lambda: exit_loop.called, timeout=20_000)
    exit_loop.assert_called_once_with(0)
    assert capsys.readouterr().out.strip() == f"self-test: listed 2 entries in {bucket}: b/, a.txt"


@pytest.mark.real_server
def test_self_test_of_a_missing_bucket_exits_1(
        qtbot: QtBot, make_window: WindowFactory, app_environ: dict[str, str],
        capsys: pytest.CaptureFixture[str]) -> None:
    window = make_window(app_environ)
    with mock.patch.object(QApplication.instance(), "exit") as exit_loop:
        list_and_quit(window, "no-such-bucket-here")
        qtbot.waitUntil(lambda: exit_loop.called, timeout=20_000)
    exit_loop.assert_called_once_with(1)
    assert "self-test failed" in capsys.readouterr().err
