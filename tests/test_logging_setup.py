"""The log file: rotating, private, in the user's log folder, and never holding a secret.

The canary test sends a connection's real secret key, its access key and a presigned URL's
signature through every way text reaches the log (messages, arguments, exceptions with
tracebacks, stack dumps, warnings, other threads, urllib3's request lines and the minio SDK's
own errors from a real server) and then reads every log file.
"""

from __future__ import annotations

import dataclasses
import logging
import stat
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import minio
import pytest
import urllib3

from desktop_app.core import logging_setup
from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import AppError
from desktop_app.storage.s3 import MinioStorage


@pytest.fixture
def log_folder(tmp_path: Path) -> Iterator[Path]:
    """Our handlers on the root logger for one test, the previous state restored after."""
    root = logging.getLogger()
    saved = root.level, list(root.handlers)
    pool_level = logging.getLogger("urllib3.connectionpool").level
    folder = tmp_path / "logs"
    yield folder
    for handler in list(root.handlers):
        if handler not in saved[1]:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(saved[0])
    logging.getLogger("urllib3.connectionpool").setLevel(pool_level)
    logging.captureWarnings(False)


def all_logged(folder: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))


def test_the_log_file_is_where_the_environment_says_and_private(log_folder: Path) -> None:
    path = logging_setup.setup_logging({"MINIO_DESKTOP_LOG_DIR": str(log_folder)})
    assert path == log_folder / "minio-desktop.log"
    assert logging_setup.current_log_file() == path
    logging.getLogger("desktop_app.test").info("hello from the test")
    assert "INFO MainThread desktop_app.test: hello from the test" in all_logged(log_folder)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_folder.stat().st_mode) == 0o700


def test_default_folder_follows_the_xdg_state_home() -> None:
    assert logging_setup.log_dir({"XDG_STATE_HOME": "/x/state"}) == Path(
        "/x/state/minio-desktop/log")
    assert logging_setup.log_dir({}).name == "log"
    assert logging_setup.log_level({"MINIO_DESKTOP_LOG_LEVEL": "debug"}) == logging.DEBUG
    assert logging_setup.log_level({"MINIO_DESKTOP_LOG_LEVEL": "nonsense"}) == logging.INFO


def test_the_file_rotates_and_stays_bounded_and_private(
        log_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 2000)
    logging_setup.setup_logging({"MINIO_DESKTOP_LOG_DIR": str(log_folder)})
    for i in range(400):
        logging.getLogger("desktop_app.test").warning("line %d %s", i, "x" * 60)
    files = sorted(log_folder.iterdir())
    assert len(files) == 1 + logging_setup.BACKUPS
    assert all(p.stat().st_size <= 2200 for p in files)
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)
    assert "line 399" in (log_folder / "minio-desktop.log").read_text()


def test_an_unwritable_folder_leaves_the_app_running_without_a_file(
        log_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert logging_setup.setup_logging({"MINIO_DESKTOP_LOG_DIR": str(blocker / "logs")}) is None
    assert "No log file" in capsys.readouterr().err
    assert logging_setup.current_log_file() is None


def test_setting_up_twice_keeps_one_file_handler(log_folder: Path) -> None:
    logging_setup.setup_logging({"MINIO_DESKTOP_LOG_DIR": str(log_folder)})
    logging_setup.setup_logging({"MINIO_DESKTOP_LOG_DIR": str(log_folder)})
    ours = [h for h in logging.getLogger().handlers if isinstance(h, logging.FileHandler)
            and h.baseFilename.startswith(str(log_folder))]
    assert len(ours) == 1


@pytest.mark.real_server
def test_canary_no_secret_or_signature_reaches_the_log_file(
        log_folder: Path, s3_server: ConnectionSettings, bucket: str,
        storage: MinioStorage, capsys: pytest.CaptureFixture[str]) -> None:
    logging_setup.setup_logging({"MINIO_DESKTOP_LOG_DIR": str(log_folder),
                                 "MINIO_DESKTOP_LOG_LEVEL": "DEBUG"})
    secret, access = s3_server.secret_key, s3_server.access_key
    storage.put_bytes(bucket, "canary.txt", b"canary", "text/plain", {})
    url = storage.presign_get(bucket, "canary.txt", __import__("datetime").timedelta(hours=1))
    signature = parse_qs(urlsplit(url).query)["X-Amz-Signature"][0]
    log = logging.getLogger("desktop_app.canary")

    log.info("plain message with the secret %s and key %s", secret, access)
    log.warning(f"f-string message with the secret {secret}")
    log.info("a presigned link: %s", url)
    log.info("request headers %s", {"Authorization": f"AWS4-HMAC-SHA256 Credential={access}/"
                                    "20260101/us-east-1/s3/aws4_request, SignedHeaders=host, "
                                    f"Signature={signature}"})
    log.info("raw header line\nAuthorization: AWS4-HMAC-SHA256 Signature=%s", signature)
    log.info("config dump %s", {"secret_key": "canary-config-secret-value"})
    try:
        raise RuntimeError(f"failed while holding {secret} for {url}")
    except RuntimeError:
        log.exception("an exception with its traceback")
    log.info("a stack dump", stack_info=True, extra={"note": secret})
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        logging.captureWarnings(True)
        warnings.warn(f"a warning naming {secret}", UserWarning, stacklevel=1)
    worker = threading.Thread(target=lambda: log.error("from a thread: %s", secret),
                              name="canary-worker")
    worker.start()
    worker.join()
    # urllib3 logs each request line at DEBUG, query string and signature included.
    assert urllib3.request("GET", url).data == b"canary"
    # The SDK's own errors, as a real server answers a wrong secret, logged raw and mapped.
    wrong = dataclasses.replace(s3_server, secret_key=secret[::-1])
    sdk = minio.Minio(wrong.endpoint, access_key=access, secret_key=wrong.secret_key,
                      secure=False, region=wrong.region or None)
    with pytest.raises(minio.error.S3Error) as raw:
        sdk.list_buckets()
    log.error("the SDK said %s (%r)", raw.value, raw.value, exc_info=raw.value)
    wrong_storage = MinioStorage(wrong)
    try:
        with pytest.raises(AppError) as mapped:
            wrong_storage.list_buckets()
        log.error("mapped: %s", mapped.value.user_text(), exc_info=mapped.value)
    finally:
        wrong_storage.close()

    text = all_logged(log_folder) + capsys.readouterr().err
    for canary in (secret, secret[::-1], access, signature, "canary-config-secret-value"):
        assert canary not in text, f"{canary[:3]}… leaked into the log"
    # ...and the lines themselves did arrive (the test would notice an empty log).
    for arrived in ("plain message with the secret ***", "f-string message", "Traceback",
                    "RuntimeError: failed while holding ***", "X-Amz-Signature=***",
                    "Authorization': '***", "a stack dump", "UserWarning", "canary-worker",
                    '"GET /' + bucket, "the SDK said", "SignatureDoesNotMatch", "mapped:"):
        assert arrived in text, arrived
