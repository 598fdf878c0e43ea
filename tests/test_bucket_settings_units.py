"""The checks on bucket settings before sending, and the conversion to and from the SDK's
lifecycle rules (no server)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from minio.commonconfig import ENABLED, Filter
from minio.lifecycleconfig import Expiration, NoncurrentVersionTransition, Rule, Transition

from desktop_app.core.bucket_settings import (
    COMPLIANCE,
    GOVERNANCE,
    SSE_KMS,
    SSE_S3,
    BucketEncryption,
    InvalidBucketSetting,
    LifecycleRule,
    bucket_tag_problems,
    check_bucket_tags,
    check_lifecycle,
    encryption_problems,
    lifecycle_problems,
    retention_problems,
)
from desktop_app.storage.s3.bucket_settings import from_sdk_rule, lifecycle_xml, to_sdk_rule


# -- lifecycle rules -----------------------------------------------------------------------
@pytest.mark.parametrize("rule", [
    LifecycleRule(expire_days=1),
    LifecycleRule(id="d", prefix="a/", expire_date=date(2030, 5, 1)),
    LifecycleRule(tags=(("a", "1"), ("b", "")), noncurrent_days=1, noncurrent_keep=100),
    LifecycleRule(prefix="p/", expired_delete_markers=True, abort_uploads_days=1,
                  noncurrent_days=4),
])
def test_valid_rules_pass(rule: LifecycleRule) -> None:
    assert lifecycle_problems([rule]) == []
    assert check_lifecycle([rule]) == (rule,)


@pytest.mark.parametrize(("rule", "words"), [
    (LifecycleRule(id="none", prefix="a/"), "Rule “none”: choose at least one action"),
    (LifecycleRule(expire_days=3, expire_date=date(2030, 1, 1)),
     "Rule 1: expire either after a number of days or on a date, not both."),
    (LifecycleRule(expire_days=3, expired_delete_markers=True), "use two rules"),
    (LifecycleRule(tags=(("a", "1"),), expired_delete_markers=True),
     "delete markers have no tags"),
    (LifecycleRule(tags=(("a", "1"),), abort_uploads_days=2), "uploads have no tags"),
    (LifecycleRule(expire_days=0), "the days before objects expire must be 1 or more (it is 0)"),
    (LifecycleRule(noncurrent_days=-1), "noncurrent versions are removed must be 1 or more"),
    (LifecycleRule(abort_uploads_days=0), "unfinished uploads are aborted must be 1 or more"),
    (LifecycleRule(noncurrent_keep=3), "also needs the days"),
    (LifecycleRule(noncurrent_days=1, noncurrent_keep=101), "between 1 and 100 (it is 101)"),
    (LifecycleRule(prefix="p" * 1025, expire_days=1), "prefix is longer than 1024"),
    (LifecycleRule(tags=(("a", "1"), ("a", "2")), expire_days=1), "a tag key appears twice"),
    (LifecycleRule(tags=(("", "1"),), expire_days=1), "a tag key is empty"),
    (LifecycleRule(tags=(("k", "a&b"),), expire_days=1), "contains “&”"),
    (LifecycleRule(tags=(("k", "line\nbreak"),), expire_days=1), "control characters"),
    (LifecycleRule(id=" padded", expire_days=1), "starts or ends with a space"),
    (LifecycleRule(id="i" * 256, expire_days=1), "longer than 255 characters"),
])
def test_broken_rules_say_what_is_wrong(rule: LifecycleRule, words: str) -> None:
    problems = lifecycle_problems([rule])
    assert any(words in p for p in problems), problems
    with pytest.raises(InvalidBucketSetting) as caught:
        check_lifecycle([rule])
    assert words in caught.value.message
    assert caught.value.message.startswith("The lifecycle configuration cannot be saved:")


def test_rule_ids_must_be_unique_and_count_is_limited() -> None:
    same = LifecycleRule(id="r", expire_days=1)
    assert lifecycle_problems([same, same]) == [
        "Rule “r”: another rule has the same ID; IDs must be unique."]
    many = [LifecycleRule(expire_days=1)] * 1001
    assert lifecycle_problems(many)[0] == (
        "A bucket holds at most 1000 lifecycle rules (1001 given).")


def test_every_problem_is_listed_at_once() -> None:
    problems = lifecycle_problems([LifecycleRule(expire_days=0, expire_date=date(2030, 1, 1),
                                                 noncurrent_keep=0)])
    assert len(problems) == 4, problems


# -- conversion ----------------------------------------------------------------------------
@pytest.mark.parametrize("rule", [
    LifecycleRule(id="p", prefix="logs/", expire_days=30),
    LifecycleRule(id="whole", expire_days=30),
    LifecycleRule(id="one", tags=(("k", "v"),), expire_date=date(2031, 2, 3)),
    LifecycleRule(id="and", prefix="x/", tags=(("k", "v"),), noncurrent_days=2,
                  noncurrent_keep=5),
    LifecycleRule(id="two", tags=(("a", "1"), ("b", "2")), enabled=False, expire_days=1),
    LifecycleRule(expired_delete_markers=True, abort_uploads_days=7),
])
def test_sdk_rule_round_trip(rule: LifecycleRule) -> None:
    assert from_sdk_rule(to_sdk_rule(rule)) == rule


def test_sdk_rule_filters_take_the_narrowest_form() -> None:
    one = to_sdk_rule(LifecycleRule(tags=(("k", "v"),), expire_days=1)).rule_filter
    assert one is not None
    assert one.tag is not None
    assert one.and_operator is None
    both = to_sdk_rule(LifecycleRule(prefix="a/", tags=(("k", "v"),), expire_days=1))
    assert both.rule_filter is not None
    assert both.rule_filter.and_operator is not None
    whole = to_sdk_rule(LifecycleRule(expire_days=1)).rule_filter
    assert whole is not None
    assert whole.prefix == ""


def test_a_rule_without_filter_or_id_from_the_server_reads_as_whole_bucket() -> None:
    sdk = Rule(ENABLED, expiration=Expiration(date=datetime(2030, 1, 1, 5, tzinfo=UTC)))
    assert from_sdk_rule(sdk) == LifecycleRule(expire_date=date(2030, 1, 1))
    sdk = Rule(ENABLED, rule_filter=Filter(prefix="a/"), expiration=Expiration(days=2))
    assert from_sdk_rule(sdk) == LifecycleRule(prefix="a/", expire_days=2)


def test_a_rule_with_transitions_reads_back_but_cannot_be_saved() -> None:
    """Saving it would drop the transitions another tool set up: refused, with the reason."""
    sdk = Rule(ENABLED, rule_filter=Filter(prefix="a/"), rule_id="cold",
               expiration=Expiration(days=90), transition=Transition(days=30,
                                                                     storage_class="GLACIER"),
               noncurrent_version_transition=NoncurrentVersionTransition(5, "GLACIER"))
    rule = from_sdk_rule(sdk)
    assert rule.expire_days == 90
    assert rule.other_actions == ("a transition", "a noncurrent version transition")
    with pytest.raises(InvalidBucketSetting) as caught:
        check_lifecycle([rule])
    assert ("Rule “cold”: it also holds a transition, a noncurrent version transition, which "
            "this app cannot edit and saving would remove") in caught.value.message
    only = from_sdk_rule(Rule(ENABLED, transition=Transition(days=1, storage_class="X")))
    assert lifecycle_problems([only]) == [lifecycle_problems([only])[0]]
    assert "choose at least one action" not in lifecycle_problems([only])[0]


def test_lifecycle_xml_refuses_broken_rules() -> None:
    with pytest.raises(InvalidBucketSetting, match="choose at least one action"):
        lifecycle_xml((LifecycleRule(id="empty"),))
    text = lifecycle_xml((LifecycleRule(id="m", expired_delete_markers=True),))
    assert "<ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker>" in text
    assert "<Days>" not in text


# -- default retention ---------------------------------------------------------------------
@pytest.mark.parametrize(("mode", "days", "years"), [
    (GOVERNANCE, 1, None), (COMPLIANCE, None, 100), (GOVERNANCE, 36500, None),
    (None, None, None),
])
def test_valid_retentions_pass(mode: str | None, days: int | None, years: int | None) -> None:
    assert retention_problems(mode, days, years) == []


@pytest.mark.parametrize(("mode", "days", "years", "words"), [
    ("governance", 1, None, "governance or compliance, not “governance”"),
    (GOVERNANCE, None, None, "in days or in years"),
    (GOVERNANCE, 1, 1, "in days or in years"),
    (GOVERNANCE, 0, None, "between 1 and 36500 days (it is 0)"),
    (COMPLIANCE, None, 101, "between 1 and 100 years (it is 101)"),
    (None, 5, None, "Choose a mode"),
])
def test_broken_retentions_say_what_is_wrong(
    mode: str | None, days: int | None, years: int | None, words: str,
) -> None:
    assert any(words in p for p in retention_problems(mode, days, years))


# -- encryption ------------------------------------------------------------------------------
@pytest.mark.parametrize(("enc", "words"), [
    (BucketEncryption(SSE_S3), None),
    (BucketEncryption(SSE_KMS, "arn:aws:kms:us-east-1:1:key/abc"), None),
    (BucketEncryption(SSE_S3, "key"), "only goes with SSE-KMS"),
    (BucketEncryption(SSE_KMS), "needs the id of a key"),
    (BucketEncryption(SSE_KMS, "  "), "needs the id of a key"),
    (BucketEncryption(SSE_KMS, "my key"), "cannot contain spaces"),
    (BucketEncryption(SSE_KMS, "k" * 2049), "longer than 2048"),
    (BucketEncryption("DES"), "SSE-S3 or SSE-KMS, not “DES”"),
])
def test_encryption_checks(enc: BucketEncryption, words: str | None) -> None:
    problems = encryption_problems(enc)
    if words is None:
        assert problems == []
    else:
        assert any(words in p for p in problems), problems


# -- bucket tags -----------------------------------------------------------------------------
def test_tags_at_the_limits_pass() -> None:
    tags = {f"k{i}": "" for i in range(49)} | {"k" * 128: "v" * 256}
    assert bucket_tag_problems(tags) == []
    assert check_bucket_tags(tags) == tags


def test_aws_prefix_is_refused_in_any_case() -> None:
    assert bucket_tag_problems({"AWS:Thing": "x"}) == [
        "Bucket tags: the key “AWS:Thing” starts with “aws:”, which is reserved."]


def test_all_tag_problems_are_listed_at_once() -> None:
    with pytest.raises(InvalidBucketSetting) as caught:
        check_bucket_tags({"aws:a": "v" * 300, "": ""})
    assert len(caught.value.problems) == 3
    assert caught.value.message.startswith("The bucket tags cannot be saved:")
