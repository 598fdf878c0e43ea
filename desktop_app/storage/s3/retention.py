"""Object lock on single object versions: retention (governance / compliance) and legal hold.

A compliance retention in force is never shortened: the change is refused here, with the
reason, before anything is sent (the server would only answer "Access Denied")."""

from __future__ import annotations

from typing import NoReturn

from minio.error import S3Error
from minio.helpers import md5sum_hash
from minio.retention import Retention as SdkRetention
from minio.xml import marshal

from desktop_app.core.buckets import GOVERNANCE, Retention, RetentionRefused, retention_refusal
from desktop_app.core.errors import AppError, ConfigError, NotSupportedByServer
from desktop_app.storage.s3.errors import S3Errors

# What servers answer for "this object version has no retention / legal hold".
_NO_RETENTION = frozenset({"NoSuchObjectLockConfiguration", "ObjectLockConfigurationNotFoundError"})
_NO_LEGAL_HOLD = _NO_RETENTION | {"NoSuchObjectLegalHold"}
_UNSUPPORTED = frozenset({"NotImplemented", "NotSupported"})
_EMPTY_RETENTION = b'<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>'


class ObjectLock(S3Errors):
    def get_retention(self, bucket: str, key: str, version_id: str = "") -> Retention | None:
        """The version's retention, or None (also when the bucket has no object lock)."""
        with self._errors(f"read the retention of “{key}”", bucket=bucket, key=key):
            try:
                found = self._client.get_object_retention(bucket, key, version_id or None)
            except S3Error as exc:
                if exc.code in _NO_RETENTION or self._lock_missing(exc, bucket):
                    return None
                self._raise_unsupported(exc, "object retention")
                raise
        if found is None or not found.mode or found.retain_until_date is None:
            return None
        return Retention(mode=found.mode, until=found.retain_until_date)

    def set_retention(
        self, bucket: str, key: str, retention: Retention | None, version_id: str = "",
        bypass_governance: bool = False,
    ) -> None:
        """Set (None: remove) a version's retention. Shortening or removing a governance
        retention needs `bypass_governance` and the right to use it."""
        current = self.get_retention(bucket, key, version_id)
        refusal = retention_refusal(current, retention)
        if refusal:
            raise RetentionRefused(f"The retention of “{key}” cannot be changed. {refusal}",
                                   "Wait until the retention ends.")
        body = _EMPTY_RETENTION if retention is None else marshal(
            SdkRetention(retention.mode, retention.until))
        headers: dict[str, str | list[str] | tuple[str]] = {"Content-MD5": md5sum_hash(body) or ""}
        if bypass_governance:
            headers["x-amz-bypass-governance-retention"] = "true"
        query: dict[str, str | list[str] | tuple[str]] = {"retention": ""}
        if version_id:
            query["versionId"] = version_id
        with self._errors(f"change the retention of “{key}”", bucket=bucket, key=key):
            try:
                self._client._execute("PUT", bucket, key, body=body, headers=headers,
                                      query_params=query)
            except S3Error as exc:
                self._raise_unsupported(exc, "object retention")
                if self._lock_missing(exc, bucket):
                    self._raise_lock_missing(bucket)
                if exc.code == "InvalidRequest" and retention is None:
                    raise NotSupportedByServer(
                        "The server does not remove a retention "
                        f"(its answer: {self._clean(exc.message or '')} ({exc.code})).",
                        "Set an earlier date in governance mode instead, with bypass.",
                    ) from None
                if (exc.code == "AccessDenied" and current is not None
                        and current.mode == GOVERNANCE and current.in_force()
                        and not bypass_governance):
                    raise RetentionRefused(
                        f"“{key}” is under governance retention until "
                        f"{current.until:%Y-%m-%d %H:%M} UTC; the server refused to shorten "
                        "or remove it without bypass.",
                        "Choose to bypass governance (your key needs that right).",
                    ) from None
                raise

    def get_legal_hold(self, bucket: str, key: str, version_id: str = "") -> bool:
        """Whether a legal hold is on (False also when the bucket has no object lock)."""
        with self._errors(f"read the legal hold of “{key}”", bucket=bucket, key=key):
            try:
                return bool(self._client.is_object_legal_hold_enabled(
                    bucket, key, version_id or None))
            except S3Error as exc:
                if exc.code in _NO_LEGAL_HOLD or self._lock_missing(exc, bucket):
                    return False
                self._raise_unsupported(exc, "legal hold")
                raise

    def set_legal_hold(self, bucket: str, key: str, on: bool, version_id: str = "") -> None:
        action = f"{'place' if on else 'clear'} the legal hold on “{key}”"
        with self._errors(action, bucket=bucket, key=key):
            try:
                if on:
                    self._client.enable_object_legal_hold(bucket, key, version_id or None)
                else:
                    self._client.disable_object_legal_hold(bucket, key, version_id or None)
            except S3Error as exc:
                self._raise_unsupported(exc, "legal hold")
                if self._lock_missing(exc, bucket):
                    self._raise_lock_missing(bucket)
                raise

    def held_reason(self, bucket: str, key: str, version_id: str) -> str:
        """Why a version cannot be deleted (legal hold, retention), or "" if neither."""
        try:
            if self.get_legal_hold(bucket, key, version_id):
                return "a legal hold is on"
            retention = self.get_retention(bucket, key, version_id)
        except AppError:
            return ""
        if retention is None or not retention.in_force():
            return ""
        return (f"{retention.mode.lower()} retention until "
                f"{retention.until:%Y-%m-%d %H:%M} UTC")

    def _lock_missing(self, exc: S3Error, bucket: str) -> bool:
        """SeaweedFS answers a bare InvalidRequest on a bucket without object lock."""
        if exc.code != "InvalidRequest":
            return False
        try:
            self._client.get_object_lock_config(bucket)
        except S3Error as lock_exc:
            return lock_exc.code in _NO_RETENTION
        return False

    def _raise_lock_missing(self, bucket: str) -> NoReturn:
        raise ConfigError(
            f"Object lock is not enabled on the bucket “{bucket}”.",
            "Object lock can only be turned on when a bucket is created: create a new "
            "bucket with object lock and copy the objects there.",
        )

    def _raise_unsupported(self, exc: S3Error, what: str) -> None:
        if exc.code in _UNSUPPORTED or getattr(exc.response, "status", 0) == 501:
            raise NotSupportedByServer(
                f"The server at {self.endpoint_url} does not support {what} "
                f"(its answer: {self._clean(exc.message or '')} ({exc.code})).",
                "This setting cannot be used with this server.",
            ) from None
