"""Preferences: one settings file, checked values, the old files taken over."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.core import preferences as prefs_mod
from desktop_app.core.preferences import (
    Confirmations,
    Preferences,
    TransferPrefs,
    load,
    save,
    validate,
)
from desktop_app.transfers.options import ConflictPolicy, MiB
from desktop_app.transfers.settings import options_from_preferences


def test_defaults_without_any_file_and_nothing_written(tmp_path: Path) -> None:
    loaded = load(tmp_path, {})
    assert loaded.preferences == Preferences()
    assert loaded.problems == ()
    assert loaded.migrated == ()
    assert not (tmp_path / "settings.json").exists()


def test_round_trip_keeps_every_value(tmp_path: Path) -> None:
    chosen = Preferences(
        transfers=TransferPrefs(files_at_once=3, parts_per_file=7, part_size_mib=64,
                                bandwidth_limit_mib_s=12, conflict="skip-if-identical",
                                verification="size", wait_for_server_min=5),
        preview_limit_mib=100, download_folder="/srv/Téléchargements",
        confirmations=Confirmations(delete=False, quit_with_transfers=False),
        theme="dark", language="de", notifications=False)
    save(tmp_path, chosen)
    assert load(tmp_path, {}).preferences == chosen
    data = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["transfers"]["files_at_once"] == 3
    assert (tmp_path / "settings.json").stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob(".settings.json.*"))  # no temp file left


def test_bad_values_keep_their_default_and_are_named(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({
        "theme": "purple", "preview_limit_mib": 0, "notifications": "yes",
        "transfers": {"files_at_once": 32, "conflict": "overwrite", "part_size_mib": True},
        "confirmations": 3, "unknown_key": 1,
    }))
    loaded = load(tmp_path, {})
    p = loaded.preferences
    assert (p.theme, p.preview_limit_mib, p.notifications) == ("system", 20, True)
    assert p.transfers.files_at_once == 16
    assert p.transfers.part_size_mib == 8
    assert p.transfers.conflict == "overwrite"  # the valid value next to them is kept
    text = loaded.problem_text()
    for name in ("theme", "preview_limit_mib", "notifications", "files_at_once",
                 "part_size_mib", "confirmations"):
        assert f"“{name}”" in text
    assert "from 1 to 31" in text


def test_damaged_file_gives_defaults_and_says_how_to_fix(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{not json")
    loaded = load(tmp_path, {})
    assert loaded.preferences == Preferences()
    assert "cannot be read" in loaded.problem_text()
    assert "Fix the file" in loaded.problem_text()


def test_save_refuses_invalid_values(tmp_path: Path) -> None:
    bad = replace(Preferences(), theme="neon")
    assert validate(bad)
    assert "theme" in validate(bad)[0]
    with pytest.raises(ValueError, match="theme"):
        save(tmp_path, bad)
    assert not (tmp_path / "settings.json").exists()


def test_transfers_json_is_merged_once_and_moved_aside(tmp_path: Path) -> None:
    save(tmp_path, replace(Preferences(), theme="dark"))
    (tmp_path / "transfers.json").write_text(json.dumps(
        {"files_at_once": 8, "conflict": "overwrite", "bandwidth_limit_mib_s": 4}))
    loaded = load(tmp_path, {})
    assert loaded.migrated == ("transfers.json",)
    p = loaded.preferences
    assert p.theme == "dark"  # what settings.json had stays
    assert (p.transfers.files_at_once, p.transfers.conflict) == (8, "overwrite")
    assert p.transfers.bandwidth_limit_mib_s == 4
    assert not (tmp_path / "transfers.json").exists()
    assert (tmp_path / "transfers.json.migrated").exists()
    again = load(tmp_path, {})  # from settings.json alone now
    assert again.preferences == p
    assert again.migrated == ()


def test_a_bad_transfers_json_value_is_reported_and_the_rest_taken(tmp_path: Path) -> None:
    (tmp_path / "transfers.json").write_text('{"conflict": 3, "parts_per_file": 2, "x": 1}')
    loaded = load(tmp_path, {})
    assert loaded.preferences.transfers.parts_per_file == 2
    assert loaded.preferences.transfers.conflict == "ask"
    assert "must be one of" in loaded.problem_text()
    assert "does not know: x" in loaded.problem_text()


def test_environment_preview_limit_is_taken_on_first_start_and_overrides_a_run(
        tmp_path: Path) -> None:
    env = {prefs_mod.PREVIEW_LIMIT_ENV: "5"}
    first = load(tmp_path, env)
    assert first.preferences.preview_limit_mib == 5
    assert first.env_preview_limit == 5
    assert first.migrated == (prefs_mod.PREVIEW_LIMIT_ENV,)
    save(tmp_path, replace(first.preferences, preview_limit_mib=50))
    later = load(tmp_path, {prefs_mod.PREVIEW_LIMIT_ENV: "7"})
    assert later.preferences.preview_limit_mib == 50  # the saved choice is not rewritten
    assert later.env_preview_limit == 7
    assert later.migrated == ()
    bad = load(tmp_path, {prefs_mod.PREVIEW_LIMIT_ENV: "huge"})
    assert bad.env_preview_limit is None
    assert "not a whole number" in bad.problem_text()


def test_newer_format_is_read_as_far_as_known(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({"version": 9, "theme": "light"}))
    loaded = load(tmp_path, {})
    assert loaded.preferences.theme == "light"
    assert "newer version" in loaded.problem_text()


def test_engine_options_follow_the_transfer_preferences() -> None:
    options = options_from_preferences(TransferPrefs(
        files_at_once=30, parts_per_file=6, part_size_mib=32, bandwidth_limit_mib_s=3,
        conflict="keep-both", wait_for_server_min=2))
    assert (options.files_at_once, options.parts_per_file) == (30, 6)
    assert options.part_size == 32 * MiB
    assert options.bandwidth_limit == 3 * MiB
    assert options.conflict is ConflictPolicy.KEEP_BOTH
    assert options.retry.outage_s == 120
    assert options.files_at_once + options.part_workers <= prefs_mod.POOL_SIZE
    assert options_from_preferences(TransferPrefs()).bandwidth_limit is None
