"""Splitting CSV text into records while remembering where each quote opened.

Python's `csv` module reports an unclosed quote only at the end of the data ("Line 5:
unexpected end of data") and by then has swallowed every row after the quote. This splitter
keeps a quoted field open across lines only for a bounded number of lines and characters;
when the quote never closes it reports the line the quote opened on, gives that line back as
a plain row and parses the lines it had held again, so no row after it is lost. Lines without
a quote take a fast path (`str.split`), so whole files stream through at C speed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

# A quoted field may span at most this many lines / characters before the quote counts as
# never closed (bounded memory on a file whose quote runs to the end).
MAX_QUOTED_LINES = 1_000
MAX_QUOTED_CHARS = 1 << 20

UNCLOSED_QUOTE = "unclosed_quote"
STRAY_QUOTE = "stray_quote"
TEXT_AFTER_QUOTE = "text_after_quote"


@dataclass(frozen=True, slots=True)
class QuoteProblem:
    line: int
    column: int  # 1-based field number
    kind: str


@dataclass(slots=True)
class Record:
    line: int  # where the record starts (1-based)
    fields: list[str]
    problems: list[QuoteProblem] = field(default_factory=list)


@dataclass(slots=True)
class _Open:
    """A record whose quoted field goes on past the end of its line."""

    line: int
    fields: list[str]
    parts: list[str]
    problems: list[QuoteProblem]
    held: list[tuple[int, str]]  # the raw lines since the record started
    chars: int = 0
    column: int = 1  # the field whose quote opened


class RecordSplitter:
    """Feed numbered lines (without their line ending); get records back."""

    def __init__(self, delimiter: str = ",", quote: str = '"', *,
                 max_quoted_lines: int = MAX_QUOTED_LINES,
                 max_quoted_chars: int = MAX_QUOTED_CHARS) -> None:
        self.delimiter = delimiter
        self.quote = quote
        self._max_lines = max_quoted_lines
        self._max_chars = max_quoted_chars
        self._open: _Open | None = None

    def feed(self, number: int, line: str) -> Iterator[Record]:
        queue: deque[tuple[int, str]] = deque([(number, line)])
        while queue:
            number, line = queue.popleft()
            if self._open is None:
                if not line:
                    continue  # blank lines are not rows
                if self.quote not in line:
                    yield Record(number, line.split(self.delimiter))
                    continue
                record = self._parse(number, line, [], [], [], 0, in_quotes=False)
                if record is not None:
                    yield record
                continue
            current = self._open
            current.held.append((number, line))
            current.chars += len(line) + 1
            current.parts.append("\n")
            record = self._parse(number, line, current.fields, current.parts, current.problems,
                                 0, in_quotes=True, start=current.line)
            if record is not None:
                self._open = None
                yield record
            elif len(current.held) > self._max_lines or current.chars > self._max_chars:
                yield self._give_up(queue)

    @property
    def open_since(self) -> int | None:
        """The line of a quote still open (its record not given back yet), if any."""
        return None if self._open is None else self._open.line

    def finish(self) -> Iterator[Record]:
        """The end of the data: a quote still open was never closed."""
        queue: deque[tuple[int, str]] = deque()
        while self._open is not None:
            yield self._give_up(queue)
            while queue:
                number, line = queue.popleft()
                yield from self.feed(number, line)

    def _give_up(self, queue: deque[tuple[int, str]]) -> Record:
        """Reports the opening line as an unclosed quote and queues the held lines again."""
        current = self._open
        assert current is not None
        self._open = None
        first_number, first_line = current.held[0]
        queue.extendleft(reversed(current.held[1:]))
        problems = [p for p in current.problems if p.line == first_number]
        problems.append(QuoteProblem(first_number, current.column, UNCLOSED_QUOTE))
        return Record(first_number, first_line.split(self.delimiter), problems)

    def _parse(self, number: int, line: str, fields: list[str], parts: list[str],
               problems: list[QuoteProblem], pos: int, *, in_quotes: bool,
               start: int | None = None) -> Record | None:
        """Parses from `pos` in the given state; None when a quoted field stays open."""
        quote, delimiter, end = self.quote, self.delimiter, len(line)
        at_start = not in_quotes
        while True:
            if in_quotes:
                j = line.find(quote, pos)
                if j < 0:
                    parts.append(line[pos:])
                    if self._open is None:
                        self._open = _Open(number, fields, parts, problems, [(number, line)],
                                           len(line) + 1, len(fields) + 1)
                    else:
                        self._open.parts = parts
                    return None
                if j + 1 < end and line[j + 1] == quote:
                    parts.append(line[pos:j + 1])
                    pos = j + 2
                    continue
                parts.append(line[pos:j])
                in_quotes, pos = False, j + 1
                if pos < end and line[pos] != delimiter:
                    problems.append(QuoteProblem(number, len(fields) + 1, TEXT_AFTER_QUOTE))
                    k = line.find(delimiter, pos)
                    parts.append(line[pos:] if k < 0 else line[pos:k])
                    pos = end if k < 0 else k
                if pos >= end:
                    fields.append("".join(parts))
                    break
                fields.append("".join(parts))
                parts = []
                pos += 1
                at_start = True
                continue
            if at_start and pos < end and line[pos] == quote:
                in_quotes, at_start = True, False
                pos += 1
                continue
            k = line.find(delimiter, pos)
            segment = line[pos:] if k < 0 else line[pos:k]
            if quote in segment:
                problems.append(QuoteProblem(number, len(fields) + 1, STRAY_QUOTE))
            fields.append(segment)
            parts = []
            if k < 0:
                break
            pos, at_start = k + 1, True
        return Record(number if start is None else start, fields, problems)


def quote_problem_text(problem: QuoteProblem) -> str:
    """One line for a person: where and what, in the words of the file."""
    where = f"Line {problem.line}, field {problem.column}"
    if problem.kind == UNCLOSED_QUOTE:
        return f"{where}: a quote opens here and is never closed."
    if problem.kind == TEXT_AFTER_QUOTE:
        return f"{where}: text follows the closing quote (a quote inside a field is written \"\")."
    return f"{where}: a quote inside a field that does not start with one."


def split_records(lines: Iterable[str], delimiter: str = ",", quote: str = '"',
                  **limits: int) -> Iterator[Record]:
    """Records of already split lines (without endings), numbered from 1."""
    splitter = RecordSplitter(delimiter, quote, **limits)
    for number, line in enumerate(lines, 1):
        yield from splitter.feed(number, line)
    yield from splitter.finish()
