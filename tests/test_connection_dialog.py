"""The connection manager dialog with pytest-qt: validation as typed, save/load round trip with
the secret in the real Secret Service (never in the file), duplicate, delete, import, test,
and the session-only path when the keyring is unusable."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.credentials import SERVICE, SecretStore
from desktop_app.core.profiles import Profile, ProfileStore
from desktop_app.ui.connections.dialog import ConnectionDialog
from desktop_app.ui.shell.tasks import TaskRunner

WAIT = 15_000


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


@pytest.fixture
def dirs(tmp_path: Path) -> dict[str, Path]:
    home, config = tmp_path / "home", tmp_path / "config"
    home.mkdir()
    return {"home": home, "config": config}


def make_dialog(qtbot: QtBot, runner: TaskRunner, dirs: dict[str, Path],
                secrets: SecretStore | None = None,
                environ: dict[str, str] | None = None) -> ConnectionDialog:
    store = ProfileStore(dirs["config"])
    store.load()
    dialog = ConnectionDialog(runner, store, secrets or SecretStore(), dirs["home"],
                              environ or {})
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(qtbot: QtBot, dialog: ConnectionDialog, *, name: str, endpoint: str, access: str,
         secret: str, region: str = "") -> None:
    form = dialog.form
    for edit, text in ((form.name_edit, name), (form.endpoint_edit, endpoint),
                       (form.access_key_edit, access), (form.secret_key_edit, secret),
                       (form.region_edit, region)):
        edit.clear()
        qtbot.keyClicks(edit, text)


def wait_status(qtbot: QtBot, dialog: ConnectionDialog, text: str) -> None:
    qtbot.waitUntil(lambda: text in dialog.status_label.text(), timeout=WAIT)


def test_validation_messages_as_typed(qtbot: QtBot, runner: TaskRunner,
                                      dirs: dict[str, Path]) -> None:
    dialog = make_dialog(qtbot, runner, dirs)
    form = dialog.form
    assert dialog.keyring_warning.isHidden()  # the real Secret Service is fine
    qtbot.keyClicks(form.endpoint_edit, "ftp://files.example.com")
    assert not form.endpoint_error.isHidden()
    assert "Use http:// or https://." in form.endpoint_error.text()
    form.endpoint_edit.clear()
    qtbot.keyClicks(form.endpoint_edit, "http://minio.lan:9000/bucket")
    assert "has a path" in form.endpoint_error.text()
    form.endpoint_edit.clear()
    qtbot.keyClicks(form.endpoint_edit, "http://minio.lan:9000")
    assert form.endpoint_error.isHidden()

    form.endpoint_edit.clear()
    dialog.save_button.click()
    problems = dialog.form_error.text().splitlines()
    assert problems == [
        "Give the connection a name.",
        "Enter the endpoint URL, like https://minio.example.com:9000.",
        "Enter the access key.",
        "Enter the secret key.",
    ]
    assert not ProfileStore(dirs["config"]).path.exists()


def test_save_load_round_trip_keeps_secret_out_of_the_file(
        qtbot: QtBot, runner: TaskRunner, dirs: dict[str, Path]) -> None:
    secret = "Round-Trip-Secret-0042"
    dialog = make_dialog(qtbot, runner, dirs)
    fill(qtbot, dialog, name="Staging", endpoint="minio.staging.example:9443",
         access="stagingkey", secret=secret, region="eu-2")
    dialog.form.addressing_combo.setCurrentIndex(dialog.form.addressing_combo.findData("path"))
    dialog.form.ca_bundle_edit.setText("/etc/ssl/staging.pem")
    dialog.save_button.click()
    wait_status(qtbot, dialog, "Saved “Staging”")
    assert dialog.profile_names() == ["Staging"]

    path = ProfileStore(dirs["config"]).path
    assert secret not in path.read_text()
    saved = json.loads(path.read_text())["profiles"][0]
    assert saved["endpoint"] == "https://minio.staging.example:9443"
    assert (saved["region"], saved["addressing_style"]) == ("eu-2", "path")
    assert (saved["verify_tls"], saved["allow_invalid_certs"]) == (True, False)
    assert json.loads(keyring.get_password(SERVICE, saved["id"]) or "{}")["secret_key"] == secret

    again = make_dialog(qtbot, runner, dirs)
    assert again.profile_names() == ["Staging"]
    form = again.form
    assert form.endpoint_edit.text() == "https://minio.staging.example:9443"
    assert form.access_key_edit.text() == "stagingkey"
    assert form.region_edit.text() == "eu-2"
    assert form.addressing_combo.currentData() == "path"
    assert form.ca_bundle_edit.text() == "/etc/ssl/staging.pem"
    assert form.secret_key_edit.text() == ""  # never read back into the form
    assert "leave blank to keep it" in form.secret_key_edit.placeholderText()

    # Edit without retyping the secret: the stored one stays.
    form.region_edit.setText("eu-3")
    form.allow_invalid_check.setChecked(True)
    again.save_button.click()
    wait_status(qtbot, again, "Saved")
    reloaded = ProfileStore(dirs["config"])
    reloaded.load()
    (profile,) = reloaded.profiles
    assert (profile.region, profile.allow_invalid_certs, profile.verify_tls) == (
        "eu-3", True, False)
    assert SecretStore().load(profile.id).secret_key == secret  # type: ignore[union-attr]

    # Renaming keeps the secret: the keyring entry is keyed by the profile's stable id.
    again.form.name_edit.setText("Staging EU")
    again.save_button.click()
    wait_status(qtbot, again, "Saved “Staging EU”")
    assert again.profile_names() == ["Staging EU"]
    assert again.store.get(profile.id) is not None
    assert SecretStore().load(profile.id).secret_key == secret  # type: ignore[union-attr]


def test_duplicate_copies_secret_and_delete_removes_it(
        qtbot: QtBot, runner: TaskRunner, dirs: dict[str, Path]) -> None:
    dialog = make_dialog(qtbot, runner, dirs)
    fill(qtbot, dialog, name="Lab", endpoint="http://10.1.2.3:9000", access="lab",
         secret="Lab-Secret-777")
    dialog.save_button.click()
    wait_status(qtbot, dialog, "Saved")
    dialog.duplicate_button.click()
    assert dialog.form.name_edit.text() == "Lab (copy)"
    assert dialog.current_id is None
    dialog.save_button.click()
    wait_status(qtbot, dialog, "Saved “Lab (copy)”")
    store = dialog.store
    copy = store.find_by_name("Lab (copy)")
    original = store.find_by_name("Lab")
    assert copy is not None and original is not None  # noqa: PT018
    assert copy.id != original.id
    assert SecretStore().load(copy.id).secret_key == "Lab-Secret-777"  # type: ignore[union-attr]

    # A second profile with a name already taken is refused.
    dialog.add_button.click()
    fill(qtbot, dialog, name="lab", endpoint="http://h:1", access="a", secret="b")
    dialog.save_button.click()
    assert "already called “Lab”" in dialog.form_error.text()

    dialog.select_profile(copy)
    dialog.delete_button.click()
    assert dialog.confirm_box is not None
    dialog.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    wait_status(qtbot, dialog, "Deleted")
    assert dialog.profile_names() == ["Lab"]
    assert keyring.get_password(SERVICE, copy.id) is None
    assert keyring.get_password(SERVICE, original.id) is not None
    assert copy.id not in ProfileStore(dirs["config"]).path.read_text()


def test_import_mc_aliases_moves_secrets_to_keyring(
        qtbot: QtBot, runner: TaskRunner, dirs: dict[str, Path]) -> None:
    mc = dirs["home"] / ".mc" / "config.json"
    mc.parent.mkdir()
    mc.write_text(json.dumps({"version": "10", "aliases": {
        "local": {"url": "http://localhost:9000", "accessKey": "", "secretKey": ""},
        "prod": {"url": "https://minio.prod.example", "accessKey": "pk",
                 "secretKey": "Imported-Secret-31337", "path": "on"},
    }}))
    rclone = dirs["home"] / ".config" / "rclone" / "rclone.conf"
    rclone.parent.mkdir(parents=True)
    rclone.write_text("[prod]\ntype = s3\naccess_key_id = rk\nsecret_access_key = rs\n"
                      "endpoint = http://127.0.0.1:9000\n")
    dialog = make_dialog(qtbot, runner, dirs)
    dialog.findChild(object, "import_all").trigger()
    qtbot.waitUntil(lambda: dialog.import_preview is not None, timeout=WAIT)
    preview = dialog.import_preview
    assert preview is not None
    summary = preview.summary.text()
    assert "1 connection found in mc" in summary
    assert "Skipped without keys: local." in summary
    assert "1 connection found in rclone" in summary
    assert "MINIO_ENDPOINT is not set." in summary
    assert "Imported-Secret" not in summary
    assert preview.list.count() == 2
    preview.import_button.click()
    wait_status(qtbot, dialog, "Imported 2")
    assert dialog.profile_names() == ["prod", "prod (2)"]
    text = ProfileStore(dirs["config"]).path.read_text()
    assert "Imported-Secret-31337" not in text
    prod = dialog.store.find_by_name("prod")
    assert prod is not None
    assert prod.addressing_style == "path"
    stored = SecretStore().load(prod.id)
    assert stored is not None
    assert stored.secret_key in {"Imported-Secret-31337", "rs"}


def test_unusable_keyring_offers_session_only(qtbot: QtBot, runner: TaskRunner,
                                              dirs: dict[str, Path]) -> None:
    secrets = SecretStore(fail.Keyring())
    dialog = make_dialog(qtbot, runner, dirs, secrets=secrets)
    assert not dialog.keyring_warning.isHidden()
    assert "No system keyring was found" in dialog.keyring_warning.text()
    assert "session only" in dialog.keyring_warning.text()
    fill(qtbot, dialog, name="Temp", endpoint="http://127.0.0.1:9", access="t",
         secret="Session-Only-Secret-55")
    dialog.save_button.click()
    assert "tick “Keep the secret for this session only”" in dialog.form_error.text()
    dialog.session_only_check.setChecked(True)
    dialog.save_button.click()
    wait_status(qtbot, dialog, "for this session only")
    profile = dialog.store.find_by_name("Temp")
    assert profile is not None
    assert secrets.load(profile.id) is not None
    assert keyring.get_password(SERVICE, profile.id) is None  # not in the real keyring either
    assert "Session-Only-Secret-55" not in ProfileStore(dirs["config"]).path.read_text()


@pytest.mark.real_server
def test_test_button_against_the_real_server(qtbot: QtBot, runner: TaskRunner,
                                             dirs: dict[str, Path],
                                             s3_server: ConnectionSettings) -> None:
    dialog = make_dialog(qtbot, runner, dirs)
    fill(qtbot, dialog, name="Real", endpoint=f"http://{s3_server.endpoint}",
         access=s3_server.access_key, secret=s3_server.secret_key,
         region=s3_server.region or "")
    dialog.test_button.click()
    wait_status(qtbot, dialog, "Connected: the server answered")
    assert not dialog.profile_names()  # testing does not save

    dialog.form.secret_key_edit.setText("Wrong-Secret-For-Test-1")
    dialog.test_button.click()
    wait_status(qtbot, dialog, "Sign-in failed")
    assert "Wrong-Secret-For-Test-1" not in dialog.status_label.text()

    dialog.form.secret_key_edit.setText(s3_server.secret_key)
    with qtbot.waitSignal(dialog.connect_requested, timeout=WAIT) as signal:
        dialog.connect_button.click()
    profile, settings = signal.args
    assert isinstance(profile, Profile)
    assert (settings.endpoint, settings.addressing_style) == (s3_server.endpoint, "path")
    reloaded = ProfileStore(dirs["config"])
    reloaded.load()
    assert reloaded.open_ids == [profile.id]


def test_closing_the_dialog_during_a_save_keeps_the_store_in_step(
        qtbot: QtBot, runner: TaskRunner, dirs: dict[str, Path]) -> None:
    store = ProfileStore(dirs["config"])
    dialog = ConnectionDialog(runner, store, SecretStore(), dirs["home"], {})
    fill(qtbot, dialog, name="Quick", endpoint="http://127.0.0.1:9", access="q",
         secret="Quick-Secret-1")
    dialog.save_button.click()
    dialog.deleteLater()  # closed and gone before the keyring answered
    qtbot.waitUntil(lambda: store.find_by_name("Quick") is not None, timeout=WAIT)
    # A later dialog over the same store writes both profiles, dropping none.
    later = ConnectionDialog(runner, store, SecretStore(), dirs["home"], {})
    qtbot.addWidget(later)
    later.add_profile()
    fill(qtbot, later, name="Second", endpoint="http://127.0.0.1:10", access="s",
         secret="Second-Secret-2")
    later.save_button.click()
    wait_status(qtbot, later, "Saved “Second”")
    reloaded = ProfileStore(dirs["config"])
    reloaded.load()
    assert [p.name for p in reloaded.profiles] == ["Quick", "Second"]


def test_test_button_runs_the_doctor_on_a_closed_port(qtbot: QtBot, runner: TaskRunner,
                                                      dirs: dict[str, Path]) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dialog = make_dialog(qtbot, runner, dirs)
    fill(qtbot, dialog, name="Down", endpoint=f"http://127.0.0.1:{port}", access="ak",
         secret="Some-Secret-Value-77", region="")
    dialog.test_button.click()
    wait_status(qtbot, dialog, "Network connection")
    text = dialog.status_label.text()
    assert f"Nothing is listening on port {port}" in text
    assert "Check that the S3 server is running" in text
    assert "Some-Secret-Value-77" not in text
