"""A bucket's settings as plain values: versioning state, lifecycle rules, object lock default
retention, default encryption and tags, each with the checks S3 makes, done here before
sending so the user reads what is wrong in words (some servers, SeaweedFS among them, accept
combinations S3 refuses and then act on them in their own way)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from desktop_app.core.errors import AppError, NotSupportedByServer

VERSIONING_ENABLED = "Enabled"
VERSIONING_SUSPENDED = "Suspended"
VERSIONING_OFF = "Off"  # never enabled: unlike Suspended, no object has a version id yet

GOVERNANCE = "GOVERNANCE"
COMPLIANCE = "COMPLIANCE"
SSE_S3 = "AES256"
SSE_KMS = "aws:kms"

MAX_LIFECYCLE_RULES = 1000
MAX_RULE_ID = 255
MAX_PREFIX = 1024
MAX_KEEP_NEWEST = 100
MAX_RETENTION_DAYS = 36500
MAX_RETENTION_YEARS = 100
MAX_BUCKET_TAGS = 50
MAX_TAG_KEY = 128
MAX_TAG_VALUE = 256
MAX_KMS_KEY_ID = 2048


class InvalidBucketSetting(AppError):
    """A setting S3 would refuse (or misread); `problems` lists each broken rule in words."""

    title = "Setting not valid"

    def __init__(self, what: str, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(
            f"The {what} cannot be saved: " + " ".join(self.problems),
            "Correct it and save again; nothing was sent to the server.",
        )


class ObjectLockNotEnabled(NotSupportedByServer):
    """Object lock is chosen when a bucket is created; S3 offers no way to add it later."""

    title = "Object lock is off for this bucket"


def object_lock_not_enabled(bucket: str) -> ObjectLockNotEnabled:
    return ObjectLockNotEnabled(
        f"Object lock was not enabled when the bucket “{bucket}” was created, and cannot be "
        "added later.",
        "To keep objects under retention, create a new bucket with object lock and copy the "
        "objects into it.",
    )


@dataclass(frozen=True)
class LifecycleRule:
    """One lifecycle rule. The filter is `prefix` and/or `tags` (all must match; neither:
    the whole bucket). Actions: expire current objects after `expire_days` or on
    `expire_date` (midnight UTC); remove noncurrent versions `noncurrent_days` after they
    became noncurrent, keeping the newest `noncurrent_keep` of them; remove delete markers
    left without versions (`expired_delete_markers`); abort unfinished multipart uploads
    `abort_uploads_days` after they started. `other_actions` names what a rule read from
    the server does that the app cannot edit (transitions to other storage classes): such a
    rule is shown, but saving it is refused, as that would drop those actions."""

    id: str = ""
    enabled: bool = True
    prefix: str = ""
    tags: tuple[tuple[str, str], ...] = ()
    expire_days: int | None = None
    expire_date: date | None = None
    noncurrent_days: int | None = None
    noncurrent_keep: int | None = None
    expired_delete_markers: bool = False
    abort_uploads_days: int | None = None
    other_actions: tuple[str, ...] = ()

    @property
    def has_action(self) -> bool:
        return (
            self.expire_days is not None or self.expire_date is not None
            or self.noncurrent_days is not None or self.noncurrent_keep is not None
            or self.expired_delete_markers or self.abort_uploads_days is not None
            or bool(self.other_actions)
        )


@dataclass(frozen=True)
class ObjectLockConfig:
    """A bucket's object lock: `enabled` (fixed at creation) and the default retention new
    objects get: `mode` GOVERNANCE or COMPLIANCE for `days` or `years` (None: no default)."""

    enabled: bool
    mode: str | None = None
    days: int | None = None
    years: int | None = None


@dataclass(frozen=True)
class BucketEncryption:
    """Default encryption of new objects: SSE-S3 (`SSE_S3`, keys kept by the server) or
    SSE-KMS (`SSE_KMS`) with the id of a key in the server's KMS."""

    algorithm: str = SSE_S3
    kms_key_id: str = ""


def _rule_name(rule: LifecycleRule, index: int) -> str:
    return f"Rule “{rule.id}”" if rule.id else f"Rule {index + 1}"


def _positive(value: int | None, label: str) -> list[str]:
    if value is not None and value < 1:
        return [f"{label} must be 1 or more (it is {value})."]
    return []


def _has_control(text: str) -> bool:
    return any(unicodedata.category(c) in ("Cc", "Cs") for c in text)


def _tag_pair_problems(key: str, value: str, where: str) -> list[str]:
    problems: list[str] = []
    shown = key if len(key) <= 40 else key[:40] + "…"
    if not key:
        problems.append(f"{where}: a tag key is empty.")
    elif len(key) > MAX_TAG_KEY:
        problems.append(f"{where}: the tag key “{shown}” is longer than {MAX_TAG_KEY} "
                        f"characters ({len(key)}).")
    if len(value) > MAX_TAG_VALUE:
        problems.append(f"{where}: the value of tag “{shown}” is longer than {MAX_TAG_VALUE} "
                        f"characters ({len(value)}).")
    if _has_control(key) or _has_control(value):
        problems.append(f"{where}: tag “{shown}” contains control characters.")
    if "&" in key or "&" in value:
        problems.append(f"{where}: tag “{shown}” contains “&”, which tags cannot hold.")
    return problems


def lifecycle_problems(rules: Iterable[LifecycleRule]) -> list[str]:
    """Everything S3 would refuse in `rules`, one sentence each (empty: fine to send)."""
    rules = tuple(rules)
    problems: list[str] = []
    if len(rules) > MAX_LIFECYCLE_RULES:
        problems.append(f"A bucket holds at most {MAX_LIFECYCLE_RULES} lifecycle rules "
                        f"({len(rules)} given).")
    seen_ids: set[str] = set()
    for index, rule in enumerate(rules):
        name = _rule_name(rule, index)
        if rule.id:
            if rule.id != rule.id.strip():
                problems.append(f"{name}: the ID starts or ends with a space.")
            if len(rule.id) > MAX_RULE_ID:
                problems.append(f"{name}: the ID is longer than {MAX_RULE_ID} characters.")
            if rule.id in seen_ids:
                problems.append(f"{name}: another rule has the same ID; IDs must be unique.")
            seen_ids.add(rule.id)
        problems.extend(_rule_problems(rule, name))
    return problems


def _rule_problems(rule: LifecycleRule, name: str) -> list[str]:
    problems: list[str] = []
    if rule.other_actions:
        problems.append(f"{name}: it also holds {', '.join(rule.other_actions)}, which this "
                        "app cannot edit and saving would remove; change this rule with the "
                        "server's own tools, or delete it here.")
    if len(rule.prefix) > MAX_PREFIX:
        problems.append(f"{name}: the prefix is longer than {MAX_PREFIX} characters.")
    keys = [key for key, _ in rule.tags]
    if len(set(keys)) != len(keys):
        problems.append(f"{name}: a tag key appears twice in the filter.")
    for key, value in rule.tags:
        problems.extend(_tag_pair_problems(key, value, name))
    if not rule.has_action:
        problems.append(f"{name}: choose at least one action (expire objects, remove "
                        "noncurrent versions, remove expired delete markers or abort "
                        "unfinished uploads).")
    if rule.expire_days is not None and rule.expire_date is not None:
        problems.append(f"{name}: expire either after a number of days or on a date, "
                        "not both.")
    if rule.expired_delete_markers and (
        rule.expire_days is not None or rule.expire_date is not None
    ):
        problems.append(f"{name}: removing expired delete markers cannot be combined with "
                        "expiring objects in the same rule; use two rules.")
    if rule.tags and rule.expired_delete_markers:
        problems.append(f"{name}: removing expired delete markers cannot use a tag filter "
                        "(delete markers have no tags).")
    if rule.tags and rule.abort_uploads_days is not None:
        problems.append(f"{name}: aborting unfinished uploads cannot use a tag filter "
                        "(uploads have no tags until they finish).")
    problems += _positive(rule.expire_days, f"{name}: the days before objects expire")
    problems += _positive(rule.noncurrent_days, f"{name}: the days before noncurrent "
                                                "versions are removed")
    problems += _positive(rule.abort_uploads_days, f"{name}: the days before unfinished "
                                                   "uploads are aborted")
    if rule.noncurrent_keep is not None:
        if rule.noncurrent_days is None:
            problems.append(f"{name}: keeping the newest noncurrent versions also needs the "
                            "days after which the older ones are removed.")
        if not 1 <= rule.noncurrent_keep <= MAX_KEEP_NEWEST:
            problems.append(f"{name}: the number of noncurrent versions to keep must be "
                            f"between 1 and {MAX_KEEP_NEWEST} (it is {rule.noncurrent_keep}).")
    return problems


def check_lifecycle(rules: Iterable[LifecycleRule]) -> tuple[LifecycleRule, ...]:
    """`rules` as a tuple, or `InvalidBucketSetting` naming every problem."""
    rules = tuple(rules)
    problems = lifecycle_problems(rules)
    if problems:
        raise InvalidBucketSetting("lifecycle configuration", problems)
    return rules


def retention_problems(mode: str | None, days: int | None, years: int | None) -> list[str]:
    """What is wrong with a default retention (mode None: no default, and no period)."""
    if mode is None:
        if days is not None or years is not None:
            return ["Choose a mode (governance or compliance) for the retention period, or "
                    "clear the period to remove the default retention."]
        return []
    problems: list[str] = []
    if mode not in (GOVERNANCE, COMPLIANCE):
        problems.append(f"The retention mode must be governance or compliance, not “{mode}”.")
    if (days is None) == (years is None):
        problems.append("Give the default retention period in days or in years (one of "
                        "them).")
    if days is not None and not 1 <= days <= MAX_RETENTION_DAYS:
        problems.append(f"The retention period must be between 1 and {MAX_RETENTION_DAYS} "
                        f"days (it is {days}).")
    if years is not None and not 1 <= years <= MAX_RETENTION_YEARS:
        problems.append(f"The retention period must be between 1 and {MAX_RETENTION_YEARS} "
                        f"years (it is {years}).")
    return problems


def check_retention(mode: str | None, days: int | None, years: int | None) -> None:
    problems = retention_problems(mode, days, years)
    if problems:
        raise InvalidBucketSetting("default retention", problems)


def encryption_problems(enc: BucketEncryption) -> list[str]:
    if enc.algorithm == SSE_S3:
        if enc.kms_key_id:
            return ["A KMS key id only goes with SSE-KMS encryption, not SSE-S3."]
        return []
    if enc.algorithm != SSE_KMS:
        return [f"The encryption must be SSE-S3 or SSE-KMS, not “{enc.algorithm}”."]
    key = enc.kms_key_id
    if not key.strip():
        return ["SSE-KMS needs the id of a key in the server's KMS."]
    problems = []
    if len(key) > MAX_KMS_KEY_ID:
        problems.append(f"The KMS key id is longer than {MAX_KMS_KEY_ID} characters.")
    if key != key.strip() or any(c.isspace() for c in key) or _has_control(key):
        problems.append("The KMS key id cannot contain spaces or control characters.")
    return problems


def check_encryption(enc: BucketEncryption) -> None:
    problems = encryption_problems(enc)
    if problems:
        raise InvalidBucketSetting("default encryption", problems)


def bucket_tag_problems(tags: Mapping[str, str]) -> list[str]:
    """The S3 limits on bucket tags: at most 50, keys 1-128 characters, values up to 256,
    no key starting with `aws:` (reserved for AWS's own tags)."""
    problems: list[str] = []
    if len(tags) > MAX_BUCKET_TAGS:
        problems.append(f"A bucket holds at most {MAX_BUCKET_TAGS} tags ({len(tags)} given).")
    for key, value in tags.items():
        problems.extend(_tag_pair_problems(key, value, "Bucket tags"))
        if key.lower().startswith("aws:"):
            problems.append(f"Bucket tags: the key “{key[:40]}” starts with “aws:”, which is "
                            "reserved.")
    return problems


def check_bucket_tags(tags: Mapping[str, str]) -> dict[str, str]:
    problems = bucket_tag_problems(tags)
    if problems:
        raise InvalidBucketSetting("bucket tags", problems)
    return dict(tags)
