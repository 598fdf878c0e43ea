"""What the engine remembers about its server from one run to the next.

For now one thing: whether the server checks and keeps S3 additional checksums (the storage
adapter's probe, see `storage.s3.checksum_probe`). The engine process starts with the app and
each run would ask again; the first batch of small uploads waits for that answer (on a new
bucket of SeaweedFS a fifth of a second, as long as 150 of its files take). The answer is
kept in the server's journal for a day, then asked again, so a server that changed since is
noticed the next day at the latest.
"""

from __future__ import annotations

import logging

from desktop_app.transfers.journal import Journal

log = logging.getLogger(__name__)

KEEPS_CHECKSUMS = "keeps_checksums"
REMEMBER_S = 24 * 3600.0


def remember_checksum_answer(storage: object, journal: Journal) -> None:
    """Hand the storage what its server answered lately, and keep what it learns next."""
    recall = getattr(storage, "recall_keeps_checksums", None)
    if recall is None or not journal.durable:
        return
    known = journal.fact(KEEPS_CHECKSUMS, REMEMBER_S)
    if known in ("yes", "no"):
        recall(known == "yes")
        log.info("The server %s S3 additional checksums (remembered from an earlier run).",
                 "keeps" if known == "yes" else "does not keep")

    def heard(answer: bool) -> None:
        journal.set_fact(KEEPS_CHECKSUMS, "yes" if answer else "no")

    storage.checksum_answer_heard = heard  # type: ignore[attr-defined]
