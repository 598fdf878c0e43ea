"""The command palette's matcher: initials and prefixes rank first, scattered letters do
not match, every word of the query must match."""

from __future__ import annotations

from desktop_app.core.fuzzy import rank, score

NAMES = ["File › Download to…", "File › Open", "Edit › Delete…", "Edit › Copy S3 URI",
         "Edit › Copy presigned link…", "Bucket › Delete bucket…", "Help › Diagnose connection…"]


def best(query: str) -> list[str]:
    return rank(query, NAMES, NAMES)


def test_initials_and_words() -> None:
    assert best("dl")[0] == "File › Download to…"
    assert best("cps3") == ["Edit › Copy S3 URI"]
    assert best("del b") == ["Bucket › Delete bucket…"]
    assert best("ed del") == ["Edit › Delete…"]


def test_whole_words_rank_above_letters_in_order() -> None:
    assert best("del")[:2] == ["Edit › Delete…", "Bucket › Delete bucket…"]
    whole, letters = score("open", "File › Open"), score("opn", "File › Open")
    assert whole is not None
    assert letters is not None
    assert whole > letters


def test_no_match() -> None:
    assert best("xyz") == []
    assert score("del", "Copy presigned link") is None  # scattered, not from a word start
    assert score("ab", "ba") is None


def test_empty_query_keeps_order() -> None:
    assert best("") == NAMES
    assert best("  ") == NAMES
