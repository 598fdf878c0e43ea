"""Fuzzy matching for the command palette: "dl" finds "Download to…", "ed del" finds
"Edit › Delete…".

Each word of the query must be found in the text, either whole (best, more so at the start of
a word) or as letters in order, the first of them starting a word (so "del" does not find
"Copy presigned link"); letters that start a word or follow the previous match count more,
so initials and prefixes rank above letters scattered through a long name. Plain and small on
purpose: a few dozen menu entries, ranked as the user types.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")

WHOLE = 100  # the word appears as it is
WORD_START = 15  # a letter (or the whole word) at the start of a word
FOLLOWS = 8  # a letter right after the previous matched one
LETTER = 4  # any matched letter


def _starts_word(text: str, index: int) -> bool:
    return index == 0 or not text[index - 1].isalnum()


def _word_score(word: str, text: str) -> int | None:
    at = text.find(word)
    if at >= 0:
        return WHOLE + LETTER * len(word) + (WORD_START * 2 if _starts_word(text, at) else 0)
    score, pos, previous = 0, 0, -2
    for number, letter in enumerate(word):
        # Prefer the next occurrence that starts a word; else the next one at all.
        found = text.find(letter, pos)
        if found < 0:
            return None
        start = found
        while start >= 0 and not _starts_word(text, start) and start != previous + 1:
            start = text.find(letter, start + 1)
        if start >= 0:
            found = start
        elif number == 0:
            return None  # letters in order must begin at the start of a word
        score += LETTER
        if _starts_word(text, found):
            score += WORD_START
        if found == previous + 1:
            score += FOLLOWS
        previous, pos = found, found + 1
    return score


def score(query: str, text: str) -> int | None:
    """How well `text` matches `query` (higher is better), None when it does not. An empty
    query matches everything equally."""
    folded = text.casefold()
    total = 0
    for word in query.casefold().split():
        got = _word_score(word, folded)
        if got is None:
            return None
        total += got
    return total


def rank(query: str, items: Iterable[T], text_of: Sequence[str]) -> list[T]:
    """The items whose text matches, best first; equal scores keep their given order."""
    scored = [(got, i, item) for i, (item, text) in enumerate(zip(items, text_of, strict=True))
              if (got := score(query, text)) is not None]
    scored.sort(key=lambda entry: (-entry[0], entry[1]))
    return [item for _got, _i, item in scored]
