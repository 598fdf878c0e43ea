"""Fast unit tests of the link rules and safe key display (no server, no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop_app.core.keys_text import shown_key
from desktop_app.core.links import (
    Disposition,
    content_disposition,
    credential_warning,
    expiry_problem,
    human_duration,
    object_url,
    s3_uri,
)


def test_expiry_limits() -> None:
    assert expiry_problem(timedelta(days=7)) is None
    assert expiry_problem(timedelta(seconds=1)) is None
    too_long = expiry_problem(timedelta(days=7, seconds=1))
    assert too_long is not None
    assert "SigV4" in too_long
    assert expiry_problem(timedelta(0)) is not None


def test_uris_and_urls() -> None:
    assert s3_uri("b", "dir/a b+ü.txt") == "s3://b/dir/a b+ü.txt"
    assert object_url("http://h:9000/", "b", "dir/a b+%ü.txt") == (
        "http://h:9000/b/dir/a%20b%2B%25%C3%BC.txt"
    )


def test_content_disposition() -> None:
    assert content_disposition(Disposition.DEFAULT, "a.txt") is None
    assert content_disposition(Disposition.INLINE, "d/a.txt") == 'inline; filename="a.txt"'
    value = content_disposition(Disposition.ATTACHMENT, 'd/ü "q".txt')
    assert value == (
        "attachment; filename=\"_ _q_.txt\"; filename*=UTF-8''%C3%BC%20%22q%22.txt"
    )


def test_credential_warning() -> None:
    until = datetime.now(UTC) + timedelta(days=1)
    assert credential_warning(False, until) is None
    unknown = credential_warning(True, until)
    assert unknown is not None
    assert "session ends" in unknown.text
    assert credential_warning(True, until, until + timedelta(hours=1)) is None
    sooner = credential_warning(True, until, until - timedelta(hours=1))
    assert sooner is not None
    assert "expire at" in sooner.text


def test_human_duration() -> None:
    assert human_duration(timedelta(hours=1)) == "1 hour"
    assert human_duration(timedelta(days=7)) == "7 days"
    assert human_duration(timedelta(minutes=90)) == "90 minutes"


def test_shown_key_makes_tricks_visible() -> None:
    assert shown_key("plain ü/日本.txt") == "plain ü/日本.txt"
    assert shown_key("evil\u202etxt.exe") == "evil\\u202etxt.exe"
    assert shown_key("line\nbreak\x00") == "line\\x0abreak\\x00"
