"""Bucket settings: versioning state, lifecycle rules, object lock default retention, default
encryption and tags, converted between the SDK's configuration objects and the plain values
of `core.bucket_settings`. Every value is checked there before anything is sent; a setting
the server does not implement raises `NotSupportedByServer` carrying the server's answer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from minio.commonconfig import DISABLED, ENABLED, AndOperator, Filter, Tag, Tags
from minio.error import S3Error
from minio.error import ServerError as MinioServerError
from minio.lifecycleconfig import (
    AbortIncompleteMultipartUpload,
    Expiration,
    LifecycleConfig,
    NoncurrentVersionExpiration,
    Rule,
)
from minio.objectlockconfig import DAYS, YEARS
from minio.objectlockconfig import ObjectLockConfig as SdkLockConfig
from minio.sseconfig import Rule as SseRule
from minio.sseconfig import SSEConfig

from desktop_app.core.bucket_settings import (
    BucketEncryption,
    LifecycleRule,
    ObjectLockConfig,
    check_bucket_tags,
    check_encryption,
    check_lifecycle,
    check_retention,
    object_lock_not_enabled,
)
from desktop_app.core.errors import NotSupportedByServer
from desktop_app.storage.s3.errors import S3Errors

# Answers of servers that do not implement a bucket setting at all.
UNSUPPORTED_CODES = frozenset({"NotImplemented", "NotSupported", "XNotImplemented"})
# Answers for "this bucket has no object lock" (AWS, MinIO and SeaweedFS).
NO_LOCK_CODES = frozenset({"ObjectLockConfigurationNotFoundError", "InvalidBucketState"})


def to_sdk_rule(rule: LifecycleRule) -> Rule:
    """The SDK's rule for a checked `rule` (see `core.bucket_settings.check_lifecycle`)."""
    if rule.tags and (rule.prefix or len(rule.tags) > 1):
        tags = Tags()
        for key, value in rule.tags:
            tags[key] = value
        rule_filter = Filter(and_operator=AndOperator(rule.prefix or None, tags))
    elif rule.tags:
        rule_filter = Filter(tag=Tag(*rule.tags[0]))
    else:
        rule_filter = Filter(prefix=rule.prefix)
    expiration = None
    if rule.expire_days is not None or rule.expire_date is not None \
            or rule.expired_delete_markers:
        when = rule.expire_date
        expiration = Expiration(
            date=datetime(when.year, when.month, when.day, tzinfo=UTC) if when else None,
            days=rule.expire_days,
            expired_object_delete_marker=True if rule.expired_delete_markers else None,
        )
    noncurrent = None
    if rule.noncurrent_days is not None or rule.noncurrent_keep is not None:
        noncurrent = NoncurrentVersionExpiration(rule.noncurrent_days, rule.noncurrent_keep)
    abort = None
    if rule.abort_uploads_days is not None:
        abort = AbortIncompleteMultipartUpload(rule.abort_uploads_days)
    return Rule(
        ENABLED if rule.enabled else DISABLED,
        rule_filter=rule_filter,
        rule_id=rule.id or None,
        abort_incomplete_multipart_upload=abort,
        expiration=expiration,
        noncurrent_version_expiration=noncurrent,
    )


def from_sdk_rule(rule: Rule) -> LifecycleRule:
    """Our value for a rule read from the server; transitions, which the app does not
    offer, are named in `other_actions` so that saving the rule is refused."""
    prefix = ""
    tags: tuple[tuple[str, str], ...] = ()
    flt = rule.rule_filter
    if flt is not None:
        if flt.and_operator is not None:
            prefix = flt.and_operator.prefix or ""
            tags = tuple((str(k), str(v)) for k, v in (flt.and_operator.tags or {}).items())
        elif flt.tag is not None:
            tags = ((flt.tag.key, flt.tag.value),)
        else:
            prefix = flt.prefix or ""
    exp, nve = rule.expiration, rule.noncurrent_version_expiration
    abort = rule.abort_incomplete_multipart_upload
    other = tuple(name for name, action in (
        ("a transition", rule.transition),
        ("a noncurrent version transition", rule.noncurrent_version_transition),
    ) if action is not None)
    return LifecycleRule(
        id=rule.rule_id or "",
        enabled=rule.status == ENABLED,
        prefix=prefix,
        tags=tags,
        expire_days=exp.days if exp else None,
        expire_date=exp.date.astimezone(UTC).date() if exp and exp.date else None,
        noncurrent_days=nve.noncurrent_days if nve else None,
        noncurrent_keep=nve.newer_noncurrent_versions if nve else None,
        expired_delete_markers=bool(exp and exp.expired_object_delete_marker),
        abort_uploads_days=abort.days_after_initiation if abort else None,
        other_actions=other,
    )


def lifecycle_config(rules: tuple[LifecycleRule, ...]) -> LifecycleConfig:
    return LifecycleConfig([to_sdk_rule(rule) for rule in check_lifecycle(rules)])


def lifecycle_xml(rules: tuple[LifecycleRule, ...]) -> str:
    """The lifecycle configuration document `set_lifecycle` would send, indented to read."""
    element = lifecycle_config(rules).toxml(None)
    ET.indent(element)
    return ET.tostring(element, encoding="unicode")


class BucketSettings(S3Errors):
    """The `BucketSettingsOps` role."""

    @contextmanager
    def _setting(self, action: str, what: str, bucket: str) -> Iterator[None]:
        """`_errors`, plus `NotSupportedByServer` when the server does not implement `what`."""
        with self._errors(action, bucket=bucket):
            try:
                yield
            except S3Error as exc:
                status = getattr(exc.response, "status", 0) or 0
                if (exc.code or "") in UNSUPPORTED_CODES or status == 501:
                    raise self._unsupported(what, f"{exc.message or ''} ({exc.code})") from None
                raise
            except MinioServerError as exc:
                if exc.status_code == 501:
                    raise self._unsupported(what, f"HTTP {exc.status_code}") from None
                raise

    def _unsupported(self, what: str, answer: str) -> NotSupportedByServer:
        return NotSupportedByServer(
            f"The server at {self.endpoint_url} does not support {what}: "
            f"{self._clean(answer.strip())[:200]}.",
            "This setting cannot be used on this server.",
        )

    # -- versioning ------------------------------------------------------------------------
    def get_versioning(self, bucket: str) -> str:
        """"Enabled", "Suspended", or "Off" when versioning was never enabled."""
        with self._setting(f"read the versioning setting of “{bucket}”", "versioning",
                           bucket):
            return self._client.get_bucket_versioning(bucket_name=bucket).status_string

    # -- lifecycle -------------------------------------------------------------------------
    def get_lifecycle(self, bucket: str) -> tuple[LifecycleRule, ...]:
        with self._setting(f"read the lifecycle rules of “{bucket}”", "lifecycle rules",
                           bucket):
            config = self._client.get_bucket_lifecycle(bucket_name=bucket)
        return tuple(from_sdk_rule(rule) for rule in config.rules) if config else ()

    def set_lifecycle(self, bucket: str, rules: tuple[LifecycleRule, ...]) -> None:
        """Replace the rules; an empty tuple removes the lifecycle configuration."""
        action = f"change the lifecycle rules of “{bucket}”"
        if not rules:
            with self._setting(action, "lifecycle rules", bucket):
                try:
                    self._client.delete_bucket_lifecycle(bucket_name=bucket)
                except S3Error as exc:
                    if exc.code != "NoSuchLifecycleConfiguration":
                        raise
            return
        config = lifecycle_config(rules)
        with self._setting(action, "lifecycle rules", bucket):
            self._client.set_bucket_lifecycle(bucket_name=bucket, config=config)

    def lifecycle_xml(self, rules: tuple[LifecycleRule, ...]) -> str:
        return lifecycle_xml(rules)

    # -- object lock -----------------------------------------------------------------------
    def get_object_lock(self, bucket: str) -> ObjectLockConfig:
        with self._setting(f"read the object lock setting of “{bucket}”", "object lock",
                           bucket):
            try:
                config = self._client.get_object_lock_config(bucket_name=bucket)
            except S3Error as exc:
                if exc.code in NO_LOCK_CODES:
                    return ObjectLockConfig(enabled=False)
                raise
        unit, duration = config.duration_unit, config.duration
        return ObjectLockConfig(
            enabled=True,
            mode=config.mode,
            days=duration if unit == DAYS else None,
            years=duration if unit == YEARS else None,
        )

    def set_default_retention(
        self, bucket: str, mode: str | None, days: int | None = None, years: int | None = None,
    ) -> None:
        """The retention new objects get (mode None removes it). On a bucket created without
        object lock nothing is sent: S3 would refuse, or on some servers switch lock on for
        good, so this raises `ObjectLockNotEnabled`."""
        check_retention(mode, days, years)
        if not self.get_object_lock(bucket).enabled:
            raise object_lock_not_enabled(bucket)
        if mode is None:
            config = SdkLockConfig(None, None, None)
        else:
            config = SdkLockConfig(mode, days if days is not None else years,
                                   DAYS if days is not None else YEARS)
        with self._setting(f"change the default retention of “{bucket}”", "object lock",
                           bucket):
            try:
                self._client.set_object_lock_config(bucket_name=bucket, config=config)
            except S3Error as exc:
                if exc.code in NO_LOCK_CODES:
                    raise object_lock_not_enabled(bucket) from None
                raise

    # -- encryption ------------------------------------------------------------------------
    def get_bucket_encryption(self, bucket: str) -> BucketEncryption | None:
        with self._setting(f"read the default encryption of “{bucket}”",
                           "default bucket encryption", bucket):
            config = self._client.get_bucket_encryption(bucket_name=bucket)
        if config is None:
            return None
        return BucketEncryption(config.rule.sse_algorithm, config.rule.kms_master_key_id or "")

    def set_bucket_encryption(self, bucket: str, enc: BucketEncryption | None) -> None:
        """Set the default encryption of new objects (None removes it)."""
        action = f"change the default encryption of “{bucket}”"
        if enc is None:
            with self._setting(action, "default bucket encryption", bucket):
                self._client.delete_bucket_encryption(bucket_name=bucket)
            return
        check_encryption(enc)
        rule = SseRule(enc.algorithm, enc.kms_key_id or None)
        with self._setting(action, "default bucket encryption", bucket):
            self._client.set_bucket_encryption(bucket_name=bucket, config=SSEConfig(rule))

    # -- tags ------------------------------------------------------------------------------
    def get_bucket_tags(self, bucket: str) -> dict[str, str]:
        with self._setting(f"read the tags of “{bucket}”", "bucket tags", bucket):
            tags = self._client.get_bucket_tags(bucket_name=bucket)
        return dict(tags or {})

    def set_bucket_tags(self, bucket: str, tags: dict[str, str]) -> None:
        """Replace the bucket's tags (empty removes them), checked against S3's limits first."""
        checked = check_bucket_tags(tags)
        action = f"change the tags of “{bucket}”"
        with self._setting(action, "bucket tags", bucket):
            if not checked:
                self._client.delete_bucket_tags(bucket_name=bucket)
                return
            sdk_tags = Tags.new_bucket_tags()
            for key, value in checked.items():
                sdk_tags[key] = value
            self._client.set_bucket_tags(bucket_name=bucket, tags=sdk_tags)
