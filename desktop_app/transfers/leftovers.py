"""What a cancelled transfer leaves behind, removed once no worker runs it any more: its
multipart upload on the server, a download's kept temp file, and its journal record.

Only once no worker runs it: a part still in flight could bring an aborted upload back on
some servers, so a row cancelled while its paused worker unwinds is left to that worker.
"""

from __future__ import annotations

import logging

from desktop_app.core.errors import AppError
from desktop_app.storage.protocol import TransferStorage
from desktop_app.transfers.journal import Journal
from desktop_app.transfers.partial import remove_recorded

log = logging.getLogger(__name__)


def remove_leftovers(journal: Journal, storage: TransferStorage, item: int, bucket: str,
                     key: str) -> None:
    """Abort the recorded upload of journal item `item`, remove its recorded temp file, and
    drop the item; an abort that fails is logged (the maintenance view can still do it)."""
    remove_recorded(journal, item)
    record = journal.upload_for(item)
    if record is not None:
        try:
            storage.abort_multipart(bucket, key, record.upload_id)
        except AppError:
            log.warning("Could not abort the upload of %s", key)
    journal.remove(item)
