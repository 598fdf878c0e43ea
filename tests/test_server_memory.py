"""The engine remembers between runs whether its server keeps S3 additional checksums (the
probe's answer, kept a day in the server's journal), so a fresh run's first uploads do not
wait for the probe; an older answer is asked again."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop_app.core.checksums import CRC64_META
from desktop_app.core.connection import ConnectionSettings
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.engine import TransferEngine
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.server_memory import KEEPS_CHECKSUMS, REMEMBER_S
from desktop_app.transfers.state import State
from tests.transfer_helpers import errors, small_options, states, write_file


class ProbeCounting(MinioStorage):
    def __init__(self, settings: ConnectionSettings) -> None:
        super().__init__(settings)
        self.probes = 0

    def _probe(self, bucket: str) -> tuple[bool, str]:
        self.probes += 1
        return super()._probe(bucket)


def upload_one(settings: ConnectionSettings, journal_dir: Path, bucket: str, tmp: Path,
               name: str) -> ProbeCounting:
    """A fresh engine and connection (as a new run of the app) uploads one small file."""
    storage = ProbeCounting(settings)
    engine = TransferEngine(storage, small_options(), Journal.in_dir(journal_dir))
    write_file(tmp / name, 1000)
    ids = engine.upload_paths([tmp / name], bucket)
    assert engine.wait(30)
    assert set(states(engine, ids).values()) == {State.DONE}, errors(engine)
    engine.shutdown()
    engine.journal.close()
    storage.close()
    return storage


def test_the_answer_is_asked_once_a_day(s3_server: ConnectionSettings, bucket: str,
                                        tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = upload_one(s3_server, data, bucket, tmp_path, "a.bin")
    assert first.probes == 1
    assert first.checksums_known_kept() is True
    again = upload_one(s3_server, data, bucket, tmp_path, "b.bin")
    assert again.probes == 0  # remembered from the first run
    assert again.checksums_known_kept() is True
    journal = Journal.in_dir(data)
    journal.set_fact(KEEPS_CHECKSUMS, "yes", now=time.time() - REMEMBER_S - 60)
    journal.close()
    later = upload_one(s3_server, data, bucket, tmp_path, "c.bin")
    assert later.probes == 1  # a day old: asked again


def test_a_remembered_no_is_kept_too(s3_server: ConnectionSettings, bucket: str,
                                     tmp_path: Path) -> None:
    """A server remembered as keeping no checksums gets the CRC as user metadata, unasked."""
    data = tmp_path / "data"
    journal = Journal.in_dir(data)
    journal.set_fact(KEEPS_CHECKSUMS, "no")
    journal.close()
    storage = upload_one(s3_server, data, bucket, tmp_path, "m.bin")
    assert storage.probes == 0
    assert storage.checksums_known_kept() is False
    plain = MinioStorage(s3_server)
    info = plain.stat(bucket, "m.bin")
    assert CRC64_META in {k.lower().removeprefix("x-amz-meta-") for k in info.metadata}
    plain.close()


@pytest.mark.parametrize("age", [60.0, REMEMBER_S - 60])
def test_journal_facts_keep_their_age(tmp_path: Path, age: float) -> None:
    journal = Journal.in_dir(tmp_path)
    assert journal.fact("x", REMEMBER_S) is None
    journal.set_fact("x", "yes", now=time.time() - age)
    assert journal.fact("x", REMEMBER_S) == "yes"
    assert journal.fact("x", age - 30) is None  # older than asked for
    journal.set_fact("x", "no")  # a newer answer replaces it
    assert journal.fact("x", 30) == "no"
    journal.close()
