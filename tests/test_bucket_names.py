"""Every S3 bucket naming rule is caught, named in plain words, and valid names pass."""

from __future__ import annotations

import pytest

from desktop_app.core.bucket_names import bucket_name_problem


@pytest.mark.parametrize("name", [
    "abc", "my-bucket", "my.bucket.2024", "0-9", "a" * 63, "photos-s3", "xn-single",
    "1.2.3", "1.2.3.4.5", "bucket-s3alias-not", "mrap.bucket",
])
def test_valid_names_have_no_problem(name: str) -> None:
    assert bucket_name_problem(name) == ""


@pytest.mark.parametrize(("name", "words"), [
    ("", "Type a name"),
    ("ab", "at least 3 characters"),
    ("a" * 64, "at most 63 characters (this one has 64)"),
    ("MyBucket", "lowercase letters only: “M” is uppercase"),
    ("my bucket", "cannot contain spaces"),
    ("my_bucket", "“_” is not allowed"),
    ("bücket", "“ü” is not allowed"),
    ("tab\x07bell", "“U+0007” is not allowed"),
    ("-bucket", "must start with a lowercase letter or a digit"),
    (".bucket", "must start with a lowercase letter or a digit"),
    ("bucket-", "must end with a lowercase letter or a digit"),
    ("bucket.", "must end with a lowercase letter or a digit"),
    ("my..bucket", "two dots in a row"),
    ("192.168.5.4", "look like an IP address"),
    ("xn--bucket", "cannot start with “xn--”"),
    ("sthree-bucket", "cannot start with “sthree-”"),
    ("amzn-s3-demo-bucket", "cannot start with “amzn-s3-demo-”"),
    ("bucket-s3alias", "cannot end with “-s3alias”"),
    ("bucket--ol-s3", "cannot end with “--ol-s3”"),
    ("bucket.mrap", "cannot end with “.mrap”"),
    ("bucket--x-s3", "cannot end with “--x-s3”"),
])
def test_each_rule_is_named(name: str, words: str) -> None:
    problem = bucket_name_problem(name)
    assert words in problem
    assert problem.endswith(".")  # a sentence, not a code
