"""Worker-side steps of the connection manager: keyring, profile file and test calls.

These run on TaskRunner workers (never on the GUI thread) because the keyring may hang and the
network may be slow. They take a *staged copy* of the profile store that the GUI prepared; the
GUI adopts it only when the worker succeeded, so a failed keyring write changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.credentials import SecretStore
from desktop_app.core.errors import AuthFailed, ConfigError, ConnectionFailed
from desktop_app.core.profiles import Profile, ProfileStore, Secrets, to_settings
from desktop_app.core.sse_store import EncryptionStore
from desktop_app.storage.doctor import run_checks
from desktop_app.storage.doctor_report import Status
from desktop_app.storage.open_connections import profile_connection_id
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.shell.i18n import translate

# "Test connection" calls this: `doctor_test` by default, a simpler one in some tests.
ConnectionTester = Callable[[ConnectionSettings], str]


@dataclass(frozen=True)
class SaveJob:
    """One profile to save, with what the user typed (blank = keep or copy the stored one)."""

    profile: Profile
    typed_secret: str = field(default="", repr=False)
    typed_token: str = field(default="", repr=False)
    secret_source_id: str | None = None
    session_only: bool = False


def resolve_secrets(secrets: SecretStore, job: SaveJob) -> Secrets | None:
    """The secrets this job stands for: typed ones, else the source profile's stored ones."""
    if job.typed_secret:
        return Secrets(job.typed_secret, job.typed_token or None)
    if job.secret_source_id is None:
        return None
    stored = secrets.load(job.secret_source_id)
    if stored is None:
        return None
    if job.typed_token:
        return Secrets(stored.secret_key, job.typed_token)
    return stored


def persist(secrets: SecretStore, staged: ProfileStore, jobs: list[SaveJob]) -> ProfileStore:
    """Secrets first (keyring or session memory), then the profile file; returns `staged`."""
    for job in jobs:
        resolved = resolve_secrets(secrets, job)
        if resolved is not None and (
            job.typed_secret or job.typed_token or job.secret_source_id != job.profile.id
            or job.session_only != secrets.is_session_only(job.profile.id)
        ):
            secrets.save(job.profile.id, resolved, session_only=job.session_only)
    staged.save()
    return staged


def delete_profile(secrets: SecretStore, staged: ProfileStore, profile_id: str) -> ProfileStore:
    """Remove the profile from the file and its entries (secret, encryption keys) from the
    keyring."""
    staged.remove(profile_id)
    staged.save()
    secrets.delete(profile_id)
    EncryptionStore(secrets).forget(profile_connection_id(profile_id))
    return staged


def settings_for(secrets: SecretStore, job: SaveJob) -> ConnectionSettings:
    """Connection settings for a form's content, with the secret from the form or keyring."""
    resolved = resolve_secrets(secrets, job)
    if resolved is None:
        where = (translate("Jobs", "saved for this session") if secrets.problem is not None
                 else translate("Jobs", "in the system keyring"))
        raise ConfigError(
            translate(
                "Jobs",
                "No secret key is {where} for “{name}”.").format(
                where=where,
                name=job.profile.name,
            ),
            translate("Jobs", "Type the secret key in the connection manager, then try again."),
        )
    return to_settings(job.profile, resolved)


def persist_and_settings(secrets: SecretStore, staged: ProfileStore,
                         job: SaveJob) -> tuple[ProfileStore, ConnectionSettings]:
    """Save the form, then build the settings to connect with (the Connect button)."""
    persist(secrets, staged, [job])
    return staged, settings_for(secrets, job)


def list_buckets_test(settings: ConnectionSettings) -> str:
    """The simple test: can we list the buckets? Errors carry the adapter's user text."""
    storage = MinioStorage(settings)
    try:
        count = len(storage.list_buckets())
    finally:
        storage.close()
    return translate(
        "Jobs",
        "Connected: the server answered and lists {count} bucket(s).", "", count).format(
        count=count,
    )


def doctor_test(settings: ConnectionSettings) -> str:
    """The full test: every doctor check; a failure names the first problem and its fix,
    and warnings (a drifting clock, unchecked certificates) are listed after success."""
    report = run_checks(settings)
    if report.problems:
        first = report.problems[0]
        error = {"credentials": AuthFailed, "clock": AuthFailed, "region": ConfigError,
                 "addressing": ConfigError}.get(first.key, ConnectionFailed)
        raise error(f"{first.name}: {first.message}", first.fix)
    warnings = [f"{c.name}: {c.message}" for c in report.checks if c.status is Status.WARN]
    return " ".join([list_buckets_test(settings), *warnings])


def run_test(secrets: SecretStore, job: SaveJob, tester: ConnectionTester) -> str:
    return tester(settings_for(secrets, job))


def save_open_set(staged: ProfileStore) -> None:
    staged.save()


def load_profiles(store: ProfileStore) -> ProfileStore:
    """Read the profile file (may raise ProfileFileError after moving a bad file aside)."""
    store.load()
    return store
