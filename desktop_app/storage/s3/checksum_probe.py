"""Does the server check and keep S3 additional checksums? Asked once per connection.

The probe leaves nothing behind: it starts a multipart upload declaring CRC64NVME (full
object), sends one tiny part with a deliberately wrong CRC, and aborts the upload. A server
that checks refuses the part (BadDigest): it keeps checksums. A server that takes the part
anyway ignores them, and one that answers the declaration or the part with any other error
does not support them. Either way the answer is remembered for the connection and said once
in the log; uploads to such a server carry their CRC64NVME as user metadata instead
(`core.checksums.CRC64_META`), so the next download is still verified.

A failure that says nothing about checksums is not remembered, and the next upload asks
again: a passing one (the server is busy or down) is raised to be retried; a refusal of the
request itself (access denied, no such bucket, bad keys) lets the upload go ahead as if the
server kept checksums, so that it fails with its own, clearer message.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import threading
from collections.abc import Callable

from minio.error import S3Error

from desktop_app.core.checksums import Algo, crc_of
from desktop_app.storage.s3.checksummed import (
    DIGEST_MISMATCH,
    checksum_headers,
    multipart_checksum_headers,
)
from desktop_app.storage.s3.errors import S3Errors

log = logging.getLogger(__name__)

PROBE_PREFIX = ".minio-desktop-checksum-probe/"
_PROBE_BODY = b"does this server check additional checksums?"
# Refusals of the request itself, not of checksums: never taken as "not supported".
_REFUSED = frozenset({"AccessDenied", "NoSuchBucket", "AllAccessDisabled", "InvalidAccessKeyId",
                      "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken",
                      "RequestTimeTooSkewed", "InvalidBucketName"})
# Passing trouble: raised (and retried), never taken as an answer either.
_PASSING = frozenset({"SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout",
                      "Throttling"})


class _NoAnswer(Exception):
    """The probe's request was refused for reasons of its own (see the module docstring)."""


class ChecksumProbe(S3Errors):
    """`keeps_checksums`: the per-connection answer, asked the first time it is needed."""

    _keeps_checksums: bool | None = None
    _probe_lock = threading.Lock()  # one probe at a time; they are rare and short
    # Told each answer a probe finds (the engine keeps it for its next runs).
    checksum_answer_heard: Callable[[bool], None] | None = None

    def recall_keeps_checksums(self, answer: bool) -> None:
        """An answer this server gave lately, remembered by the caller: not asked again (a
        probe costs a few round trips, and on a new bucket of some servers a fifth of a
        second, which every small file of the first batch would wait for)."""
        with self._probe_lock:
            if self._keeps_checksums is None:
                self._keeps_checksums = answer

    def keeps_checksums(self, bucket: str) -> bool:
        """True when uploads may rely on the server checking and storing CRC64NVME."""
        known = self._keeps_checksums
        if known is not None:
            return known
        with self._probe_lock:
            if self._keeps_checksums is None:
                try:
                    answer, reason = self._probe(bucket)
                except _NoAnswer:
                    return True
                if not answer:
                    log.warning(
                        "The server at %s does not keep S3 additional checksums (%s); uploads "
                        "over this connection store their CRC64NVME as user metadata instead.",
                        self.endpoint_url, reason)
                self._keeps_checksums = answer
                heard = self.checksum_answer_heard
                if heard is not None:
                    try:
                        heard(answer)
                    except Exception:  # remembering is a saving, never a failure
                        log.warning("Could not remember the checksum answer", exc_info=True)
            return self._keeps_checksums

    def _probe(self, bucket: str) -> tuple[bool, str]:
        """(answer, why not) from one throwaway multipart upload; see the module docstring."""
        key = PROBE_PREFIX + secrets.token_hex(8)
        action = "check whether the server keeps checksums"
        headers: dict[str, str | list[str] | tuple[str]] = {
            "Content-Type": "application/octet-stream",
            **multipart_checksum_headers(Algo.CRC64NVME),
        }
        with self._transfer_errors(action, bucket, key):
            try:
                upload_id = self._client._create_multipart_upload(
                    bucket_name=bucket, object_name=key, headers=headers)
            except S3Error as exc:
                self._not_an_answer(exc)
                return False, f"it refused an upload declaring one: {exc.code}"
        try:
            wrong = checksum_headers(crc_of(_PROBE_BODY + b"!"))
            with self._transfer_errors(action, bucket, key):
                try:
                    self._client._upload_part(
                        bucket_name=bucket, object_name=key, data=_PROBE_BODY,
                        headers=dict(wrong), upload_id=upload_id, part_number=1)
                except S3Error as exc:
                    if exc.code in DIGEST_MISMATCH - {"XAmzContentSHA256Mismatch"}:
                        return True, ""  # (that one is about a payload hash, not our CRC)
                    self._not_an_answer(exc)
                    return False, f"it answered a part carrying one with {exc.code}"
            return False, "it accepted a part whose checksum was wrong"
        finally:
            with contextlib.suppress(Exception):
                self._client._abort_multipart_upload(
                    bucket_name=bucket, object_name=key, upload_id=upload_id)

    @staticmethod
    def _not_an_answer(exc: S3Error) -> None:
        """Raise when `exc` says nothing about checksums (see the module docstring)."""
        if exc.code in _REFUSED:
            raise _NoAnswer from None
        if exc.code in _PASSING or ((getattr(exc.response, "status", 0) or 0) >= 500 \
                and exc.code != "NotImplemented"):
            raise exc
