"""The bucket policy logic without a server: canned kinds, reading a policy back, checks
before sending, and the diff."""

from __future__ import annotations

import json

import pytest

from desktop_app.core.anonymous_access import PROBE_NAME, AccessCheck, AnonymousAccess, probe_key
from desktop_app.core.bucket_policy import (
    AnonymousGrant,
    PolicyInvalid,
    PolicyKind,
    PrefixAccess,
    canned_policy,
    classify,
    policy_diff,
    prefix_policy,
    same_policy,
    validate_policy,
)

BUCKET = "photos"
CANNED = (PolicyKind.PUBLIC_READ, PolicyKind.PUBLIC_READ_OBJECTS, PolicyKind.PUBLIC_READ_WRITE)


def _server_style(text: str) -> str:
    """The policy as a server hands it back: one-item lists turned into plain strings,
    statements in another order, compact."""
    document = json.loads(text)
    for statement in document["Statement"]:
        for name in ("Action", "Resource"):
            if len(statement[name]) == 1:
                statement[name] = statement[name][0]
    document["Statement"].reverse()
    return json.dumps(document, separators=(",", ":"))


def test_private_is_no_policy_and_reads_back_as_private() -> None:
    assert canned_policy(BUCKET, PolicyKind.PRIVATE) == ""
    assert classify(BUCKET, "").kind is PolicyKind.PRIVATE
    assert classify(BUCKET, '{"Version": "2012-10-17", "Statement": []}').kind \
        is PolicyKind.PRIVATE


@pytest.mark.parametrize("kind", CANNED)
def test_every_canned_kind_round_trips_through_classify(kind: PolicyKind) -> None:
    text = canned_policy(BUCKET, kind)
    validate_policy(BUCKET, text)
    assert classify(BUCKET, text).kind is kind
    assert classify(BUCKET, _server_style(text)).kind is kind
    # The same policy for another bucket is not this bucket's kind.
    assert classify("other-bucket", text).kind is PolicyKind.CUSTOM


def test_canned_kinds_differ_from_each_other() -> None:
    texts = {canned_policy(BUCKET, kind) for kind in CANNED}
    assert len(texts) == len(CANNED)
    read, objects = (canned_policy(BUCKET, k) for k in CANNED[:2])
    assert "s3:ListBucket" in read
    assert "s3:ListBucket" not in objects


@pytest.mark.parametrize("access", list(PrefixAccess))
def test_prefix_grants_round_trip_through_classify(access: PrefixAccess) -> None:
    grants = (AnonymousGrant("public/", access), AnonymousGrant("shared/docs/", access))
    text = prefix_policy(BUCKET, grants)
    validate_policy(BUCKET, text)
    found = classify(BUCKET, _server_style(text))
    assert found.kind is PolicyKind.PREFIXES
    assert set(found.grants) == set(grants)


def test_mixed_prefix_grants_round_trip() -> None:
    grants = (AnonymousGrant("in/", PrefixAccess.UPLOAD),
              AnonymousGrant("out/", PrefixAccess.DOWNLOAD))
    assert set(classify(BUCKET, prefix_policy(BUCKET, grants)).grants) == set(grants)
    assert prefix_policy(BUCKET, ()) == ""


def test_download_below_a_prefix_lists_only_that_prefix() -> None:
    document = json.loads(prefix_policy(BUCKET, [AnonymousGrant("pub/", PrefixAccess.DOWNLOAD)]))
    listing = [s for s in document["Statement"] if s["Action"] == ["s3:ListBucket"]]
    assert listing[0]["Condition"] == {"StringEquals": {"s3:prefix": ["pub/"]}}
    objects = [s for s in document["Statement"] if s["Action"] == ["s3:GetObject"]]
    assert objects[0]["Resource"] == [f"arn:aws:s3:::{BUCKET}/pub/*"]


@pytest.mark.parametrize("principal", ["*", {"AWS": ["*"]}, {"AWS": "*"}])
def test_anonymous_principals_are_recognised(principal: object) -> None:
    document = json.loads(canned_policy(BUCKET, PolicyKind.PUBLIC_READ_OBJECTS))
    document["Statement"][0]["Principal"] = principal
    assert classify(BUCKET, json.dumps(document)).kind is PolicyKind.PUBLIC_READ_OBJECTS


@pytest.mark.parametrize("principal", [
    {"AWS": ["arn:aws:iam::123456789012:user/alice"]},
    {"AWS": ["*", "arn:aws:iam::123456789012:root"]},
    {"CanonicalUser": "*"},
    {"AWS": ["*"], "Service": "s3.amazonaws.com"},
])
def test_other_principals_are_custom(principal: object) -> None:
    document = json.loads(canned_policy(BUCKET, PolicyKind.PUBLIC_READ))
    for statement in document["Statement"]:
        statement["Principal"] = principal
    found = classify(BUCKET, json.dumps(document))
    assert found.kind is PolicyKind.CUSTOM
    assert "principal" in found.reason


def test_deny_conditions_and_extra_grants_are_custom() -> None:
    base = json.loads(canned_policy(BUCKET, PolicyKind.PUBLIC_READ_OBJECTS))
    deny = json.loads(json.dumps(base))
    deny["Statement"][0]["Effect"] = "Deny"
    extra = json.loads(json.dumps(base))
    extra["Statement"][0]["Action"].append("s3:DeleteObject")
    conditioned = json.loads(json.dumps(base))
    conditioned["Statement"][0]["Condition"] = {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}
    for document in (deny, extra, conditioned):
        assert classify(BUCKET, json.dumps(document)).kind is PolicyKind.CUSTOM
    assert classify(BUCKET, "{not json").kind is PolicyKind.CUSTOM


def test_malformed_json_reports_line_and_column() -> None:
    text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}'
    with pytest.raises(PolicyInvalid) as caught:
        validate_policy(BUCKET, text)
    assert (caught.value.line, caught.value.column) == (4, 24)
    assert "line 4, column 24" in caught.value.user_text()


def _policy(**statement: object) -> str:
    full = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*"} | statement
    return json.dumps({"Version": "2012-10-17", "Statement": [full]})


@pytest.mark.parametrize("resource", [
    "arn:aws:s3:::someone-else/*", "arn:aws:s3:::someone-else", "arn:aws:s3:::photos-old/*",
])
def test_another_buckets_arn_is_refused_with_the_reason(resource: str) -> None:
    with pytest.raises(PolicyInvalid) as caught:
        validate_policy(BUCKET, _policy(Resource=[f"arn:aws:s3:::{BUCKET}/*", resource]))
    other = resource.removeprefix("arn:aws:s3:::").split("/")[0]
    assert f"names the bucket “{other}”, not “{BUCKET}”" in caught.value.message
    assert "may only govern that bucket" in caught.value.message


@pytest.mark.parametrize(("change", "words"), [
    ({"Resource": "arn:aws:s3:::*"}, "can match other buckets"),
    ({"Resource": "photos/*"}, "is not an S3 resource ARN"),
    ({"Effect": "Permit"}, "Effect must be"),
    ({"Action": "iam:PassRole"}, "is not an S3 action"),
    ({"Action": []}, "Action must be a text"),
    ({"Principal": 7}, "Principal must be"),
    ({"Resource": None}, "Resource must be a text"),
    ({"Condition": "yes"}, "Condition must map"),
    ({"Effects": "Allow"}, "unknown fields: Effects"),
])
def test_statement_mistakes_are_named(change: dict[str, object], words: str) -> None:
    with pytest.raises(PolicyInvalid, match=words):
        validate_policy(BUCKET, _policy(**change))


def test_document_mistakes_are_named() -> None:
    good = json.loads(_policy())
    cases = [
        ({**good, "Version": "2008-10-17"}, "Version must be"),
        ({k: v for k, v in good.items() if k != "Version"}, "Version must be"),
        ({**good, "Statement": []}, "no Statement"),
        ({**good, "Extra": 1}, "unknown fields: Extra"),
        ([good], "must be a JSON object"),
    ]
    for document, words in cases:
        with pytest.raises(PolicyInvalid, match=words):
            validate_policy(BUCKET, json.dumps(document))
    missing_principal = json.loads(_policy())
    del missing_principal["Statement"][0]["Principal"]
    with pytest.raises(PolicyInvalid, match="needs a Principal"):
        validate_policy(BUCKET, json.dumps(missing_principal))
    with pytest.raises(PolicyInvalid, match="at most"):
        validate_policy(BUCKET, _policy(Sid="x" * 30_000))


def test_valid_custom_policy_passes() -> None:
    text = _policy(Sid="ReadReports", Action=["s3:GetObject", "s3:Get*"],
                   Resource=f"arn:aws:s3:::{BUCKET}/reports/*",
                   Condition={"IpAddress": {"aws:SourceIp": ["10.0.0.0/8"]}})
    assert validate_policy(BUCKET, text)["Statement"][0]["Sid"] == "ReadReports"


def test_same_policy_ignores_form_not_meaning() -> None:
    text = canned_policy(BUCKET, PolicyKind.PUBLIC_READ)
    assert same_policy(text, _server_style(text))
    assert not same_policy(text, canned_policy(BUCKET, PolicyKind.PUBLIC_READ_WRITE))
    assert same_policy("", "  ")
    assert not same_policy("", text)


def test_diff_shows_only_what_changes() -> None:
    current = canned_policy(BUCKET, PolicyKind.PUBLIC_READ)
    assert policy_diff(current, _server_style(current)) == ""
    diff = policy_diff(current, canned_policy(BUCKET, PolicyKind.PUBLIC_READ_WRITE))
    added = [line for line in diff.splitlines() if line.startswith("+") and "+++" not in line]
    assert any("s3:PutObject" in line for line in added)
    removed = [line for line in diff.splitlines() if line.startswith("-") and "---" not in line]
    assert not any('"s3:ListBucket"' in line for line in removed)  # kept in both
    to_private = policy_diff(current, "")
    assert "+(no policy: private)" in to_private.splitlines()


def test_probe_key_is_below_the_prefix_and_named_as_a_probe() -> None:
    key = probe_key("uploads/", "abc123")
    assert key == f"uploads/{PROBE_NAME}abc123"
    report = AnonymousAccess(
        "b", AccessCheck("list", False, "HTTP 403 AccessDenied"),
        AccessCheck("read", True, "HTTP 206", "a.txt"), AccessCheck("write", None, "no answer"),
    )
    assert report.summary().splitlines() == [
        "Anonymous list: refused (HTTP 403 AccessDenied)",
        "Anonymous read “a.txt”: allowed (HTTP 206)",
        "Anonymous write: not tried (no answer)",
    ]


@pytest.mark.parametrize("condition", ["yes", {"Bool": "true"}, {"StringLike": {"k": [1, "a"]}}])
def test_odd_conditions_read_back_as_custom_without_failing(condition: object) -> None:
    text = _policy(Condition=condition)
    assert classify(BUCKET, text).kind is PolicyKind.CUSTOM
    assert same_policy(text, text)
    assert policy_diff(text, text) == ""
