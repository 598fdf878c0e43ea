"""Validating a whole CSV/TSV as it streams past: counts, field counts, quoting, encoding and
per-column checks, with the first errors kept and every error handed to a sink.

Memory stays bounded whatever the file's size: bytes are cut into lines one chunk at a time
(a line longer than MAX_LINE_BYTES is reported and skipped), a quote that never closes is
given up after csv_records' limits, only the first `first_errors` issues are kept and the
inference sample is INFER_ROWS rows. Lines without quotes are split by `str.split`, the hot
path; the checks are compiled regular expressions.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.csv_checks import (
    BATCH_PATTERNS,
    BLANK_LINES,
    CHECKS,
    EXPECTED,
    INFER_ROWS,
    ColumnKind,
    ColumnRule,
    CsvSchema,
    infer_rules,
    is_date,
)
from desktop_app.core.csv_records import (
    STRAY_QUOTE,
    TEXT_AFTER_QUOTE,
    UNCLOSED_QUOTE,
    QuoteProblem,
    RecordSplitter,
    quote_problem_text,
)
from desktop_app.core.text_preview import sniff_delimiter

MAX_LINE_BYTES = 16 << 20
SNIFF_BYTES = 64 << 10
FIRST_ERRORS = 200
BATCH_ROWS = 2_000  # rows whose column checks run together
PENDING_CAP = 50_000  # issues held for ordering before they are handed on regardless

FIELD_COUNT = "field_count"
ENCODING = "encoding"
LINE_TOO_LONG = "line_too_long"
REQUIRED = "required"
ISSUE_KINDS = (FIELD_COUNT, UNCLOSED_QUOTE, STRAY_QUOTE, TEXT_AFTER_QUOTE, ENCODING,
               LINE_TOO_LONG, REQUIRED, *(k.value for k in ColumnKind if k is not ColumnKind.TEXT))
KIND_LABELS = {
    FIELD_COUNT: "Wrong number of fields", UNCLOSED_QUOTE: "Quote never closed",
    STRAY_QUOTE: "Stray quote", TEXT_AFTER_QUOTE: "Text after a closing quote",
    ENCODING: "Undecodable bytes", LINE_TOO_LONG: "Line too long",
    REQUIRED: "Required value missing",
    "integer": "Not a whole number", "decimal": "Not a number", "date": "Not a date",
    "email": "Not an e-mail address", "phone": "Not a phone number",
}


@dataclass(frozen=True, slots=True)
class CsvIssue:
    line: int
    column: int  # 1-based; 0 = the line as a whole
    column_name: str
    kind: str
    message: str
    value: str = ""


@dataclass
class ColumnSummary:
    rule: ColumnRule
    inferred: bool
    empty: int = 0
    invalid: int = 0


@dataclass
class CsvReport:
    rows: int = 0  # data rows, the header not counted
    lines: int = 0
    bytes_read: int = 0
    delimiter: str = ","
    encoding: str = "UTF-8"
    header: list[str] = field(default_factory=list)
    columns: list[ColumnSummary] = field(default_factory=list)
    error_counts: dict[str, int] = field(default_factory=dict)
    first_errors: list[CsvIssue] = field(default_factory=list)
    complete: bool = False  # read to the end (not cancelled, not stopped by a fatal problem)
    fatal: str = ""

    @property
    def total_errors(self) -> int:
        return sum(self.error_counts.values())

    @property
    def schema(self) -> CsvSchema:
        """The checks in force, to save for a place."""
        return CsvSchema(tuple(c.rule for c in self.columns), self.delimiter)


class ValidationCancelled(Exception):
    """Raised inside the loop when `cancelled()` turns true; the report says incomplete."""


class CsvValidator:
    """One pass over one file; `run` returns the report (also on cancel)."""

    def __init__(self, schema: CsvSchema | None = None, *, name: str = "",
                 first_errors: int = FIRST_ERRORS,
                 on_issue: Callable[[CsvIssue], None] | None = None,
                 on_progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] = lambda: False) -> None:
        self.schema = schema or CsvSchema()
        self.name = name
        self._keep = first_errors
        self._on_issue = on_issue
        self._on_progress = on_progress
        self._cancelled = cancelled
        self.report = CsvReport()
        self._expected: int | None = None
        self._sample: list[tuple[int, list[str]]] | None = None
        self._checks: list[tuple[int, ColumnSummary, Callable[[str], object] | None]] = []
        self._batch: list[tuple[int, list[str]]] = []  # rows waiting for the column checks
        self._pending: list[CsvIssue] = []  # issues of the batch, handed on in line order

    # -- the pass ---------------------------------------------------------------------------

    def run(self, chunks: Iterable[bytes]) -> CsvReport:
        report = self.report
        try:
            self._pass(iter(chunks))
            if self._sample is not None:
                self._start_checks()
            report.complete = not report.fatal
        except ValidationCancelled:
            report.complete = False
        self._check_batch()
        report.first_errors.sort(key=lambda issue: (issue.line, issue.column))
        return report

    def _pass(self, chunks: Iterator[bytes]) -> None:
        head = b""
        for chunk in chunks:  # enough bytes to tell the encoding and the delimiter
            head += chunk
            self._count(chunk)
            if len(head) >= SNIFF_BYTES:
                break
        codec = self._codec(head)
        if codec is None:
            return
        if head.startswith(codecs.BOM_UTF8):
            head = head[len(codecs.BOM_UTF8):]
        sample = head[: head.rfind(b"\n") + 1] or head
        delimiter = self.schema.delimiter or sniff_delimiter(
            sample.decode(codec, errors="replace"), self.name)
        self.report.delimiter = delimiter
        splitter = RecordSplitter(delimiter)
        row = self._row
        quoting = False  # a quoted field is open across lines
        for number, line in self._lines(head, chunks, codec):
            if not quoting and '"' not in line:
                if line:
                    row(number, line.split(delimiter), ())
                continue
            for record in splitter.feed(number, line):
                row(record.line, record.fields, record.problems)
            quoting = splitter.open_since is not None
        for record in splitter.finish():
            row(record.line, record.fields, record.problems)

    def _codec(self, head: bytes) -> str | None:
        wanted = self.schema.encoding
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not wanted:
            self.report.fatal = ("The file is UTF-16 (it starts with a UTF-16 byte order mark); "
                                 "validation reads UTF-8 and one-byte encodings. Save it as UTF-8.")
            return None
        try:
            info = codecs.lookup(wanted or "utf-8")
        except LookupError:
            self.report.fatal = f"“{wanted}” is not an encoding Python knows."
            return None
        if info.name.startswith(("utf-16", "utf-32")):
            self.report.fatal = f"{info.name.upper()} files cannot be validated; save as UTF-8."
            return None
        bom = info.name == "utf-8" and head.startswith(codecs.BOM_UTF8)
        self.report.encoding = "UTF-8 (BOM)" if bom else (
            "UTF-8" if info.name == "utf-8" else info.name)
        return info.name

    def _count(self, chunk: bytes) -> None:
        self.report.bytes_read += len(chunk)
        if self._cancelled():
            raise ValidationCancelled
        if self._on_progress is not None:
            self._on_progress(self.report.bytes_read, self.report.rows)

    def _lines(self, head: bytes, chunks: Iterator[bytes], codec: str) -> Iterator[tuple[int, str]]:
        """Numbered decoded lines without endings; one block of whole lines decoded at a time."""
        number = 0
        rest = b""
        skipping = False  # inside a line already reported as too long
        for data in _chain(head, chunks, self._count):
            if rest:
                data = rest + data
            cut = data.rfind(b"\n")
            if cut < 0:
                rest = data
                if len(rest) > MAX_LINE_BYTES and not skipping:
                    self._issue(number + 1, 0, LINE_TOO_LONG,
                                f"Line {number + 1} is longer than {MAX_LINE_BYTES >> 20} MiB; "
                                "it was skipped.")
                    skipping = True
                if skipping:
                    rest = b""
                continue
            block, rest = data[:cut], data[cut + 1:]
            if skipping:
                first = block.find(b"\n")
                block = block[first + 1:] if first >= 0 else b""
                number += 1
                skipping = False
                if first < 0:
                    continue
            for line in self._decode(block, codec, number):
                number += 1
                yield number, line
            self.report.lines = number
        if skipping:
            number += 1
        elif rest:
            for line in self._decode(rest, codec, number):
                number += 1
                yield number, line
        self.report.lines = number

    def _decode(self, block: bytes, codec: str, number: int) -> list[str]:
        try:
            text = block.decode(codec)
        except UnicodeDecodeError:
            lines = []
            for offset, raw in enumerate(block.split(b"\n"), number + 1):
                try:
                    lines.append(raw.decode(codec))
                except UnicodeDecodeError as exc:
                    bad = raw[exc.start:exc.end].hex(" ")
                    column = raw[:exc.start].count(self.report.delimiter.encode()) + 1
                    self._issue(offset, column, ENCODING,
                                f"Line {offset}, field {column}: bytes {bad} at byte "
                                f"{exc.start + 1} of the line are not valid "
                                f"{self.report.encoding}; shown as �.")
                    lines.append(raw.decode(codec, errors="replace"))
            return [line[:-1] if line.endswith("\r") else line for line in lines]
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        return text.split("\n")

    # -- rows -------------------------------------------------------------------------------

    def _row(self, line: int, fields: list[str], problems: Sequence[QuoteProblem]) -> None:
        report = self.report
        if problems:
            for problem in problems:
                self._issue(problem.line, problem.column, problem.kind,
                            quote_problem_text(problem))
            if self._expected is not None and any(p.kind == UNCLOSED_QUOTE for p in problems):
                report.rows += 1
                return  # given back as plain text: its fields are not what the writer meant
        if self._expected is None:
            self._expected = len(fields)
            if self.schema.has_header:
                report.header = fields
                if self.schema.columns:
                    self._use_rules(self.schema.columns, inferred=False)
                else:
                    self._sample = []
                return
            report.header = [f"Column {i + 1}" for i in range(len(fields))]
            if self.schema.columns:
                self._use_rules(self.schema.columns, inferred=False)
            else:
                self._sample = []
        report.rows += 1
        if len(fields) != self._expected:
            count = len(fields)
            self._issue(line, 0, FIELD_COUNT,
                        f"Line {line}: {count} field{'s' if count != 1 else ''} where the header "
                        f"has {self._expected}.")
            return
        if self._sample is not None:
            self._sample.append((line, fields))
            if len(self._sample) >= INFER_ROWS:
                self._start_checks()
            return
        self._batch.append((line, fields))
        if len(self._batch) >= BATCH_ROWS:
            self._check_batch()

    def _start_checks(self) -> None:
        sample, self._sample = self._sample or [], None
        self._use_rules(infer_rules(self.report.header, [f for _, f in sample]), inferred=True)
        self._batch.extend(sample)

    def _use_rules(self, rules: Sequence[ColumnRule], *, inferred: bool) -> None:
        header = self.report.header
        by_name = {rule.name: rule for rule in rules}
        ordered = list(rules)
        for index, name in enumerate(header):
            rule = by_name.get(name) or (ordered[index] if index < len(ordered) and
                                         ordered[index].name not in header else None)
            summary = ColumnSummary(rule or ColumnRule(name), inferred)
            self.report.columns.append(summary)
            check = None if summary.rule.kind is ColumnKind.TEXT else CHECKS[summary.rule.kind]
            self._checks.append((index, summary, check))  # text columns too: empties counted

    def _check_batch(self) -> None:
        """The column checks of the rows batched so far, one column at a time: a column whose
        values all pass costs a join and a regular expression count; only a column with a
        problem in this batch is checked value by value to find it."""
        batch, self._batch = self._batch, []
        columns = list(zip(*(fields for _, fields in batch), strict=True)) if batch else []
        for index, summary, check in self._checks if batch else ():
            if not _column_passes(columns[index], summary):
                for line, fields in batch:
                    self._check_value(line, index, summary, check, fields[index])
        self._pending.sort(key=lambda issue: (issue.line, issue.column))
        pending, self._pending = self._pending, []
        for issue in pending:
            self._hand_on(issue)

    def _check_value(self, line: int, index: int, summary: ColumnSummary,
                     check: Callable[[str], object] | None, value: str) -> None:
        if value[:1] in (" ", "\t") or value[-1:] in (" ", "\t"):
            value = value.strip(" \t")
        rule = summary.rule
        if not value:
            summary.empty += 1
            if rule.required:
                self._issue(line, index + 1, REQUIRED,
                            f"Line {line}: “{rule.name}” is empty but required.")
            return
        if check is not None and not check(value):
            summary.invalid += 1
            self._issue(line, index + 1, rule.kind.value,
                        f"Line {line}: “{rule.name}” should be {EXPECTED[rule.kind]}.", value)

    def _issue(self, line: int, column: int, kind: str, message: str, value: str = "") -> None:
        report = self.report
        report.error_counts[kind] = report.error_counts.get(kind, 0) + 1
        header = report.header
        name = header[column - 1] if 0 < column <= len(header) else ""
        issue = CsvIssue(line, column, name, kind, message, value[:200])
        self._pending.append(issue)
        if len(self._pending) >= PENDING_CAP:  # a file wrong on every line: hand on early
            pending, self._pending = self._pending, []
            for queued in pending:
                self._hand_on(queued)

    def _hand_on(self, issue: CsvIssue) -> None:
        report = self.report
        if len(report.first_errors) < self._keep:
            report.first_errors.append(issue)
        if self._on_issue is not None:
            self._on_issue(issue)


def _column_passes(values: tuple[str, ...], summary: ColumnSummary) -> bool:
    """True (empties counted) when every value of the column passes its checks."""
    joined = "\n".join(values)
    if joined.count("\n") != len(values) - 1:
        return False  # a value holds a line break: checked one by one
    rule = summary.rule
    blanks = len(BLANK_LINES.findall(joined))
    if blanks and rule.required:
        return False
    if rule.kind is ColumnKind.TEXT:
        good = len(values) - blanks
    elif rule.kind is ColumnKind.DATE:  # dates repeat: each distinct one checked once
        bad = any(v.strip(" \t") and not is_date(v.strip(" \t")) for v in set(values))
        good = -1 if bad else len(values) - blanks
    else:
        good = len(BATCH_PATTERNS[rule.kind].findall(joined))
    if good + blanks != len(values):
        return False
    summary.empty += blanks
    return True


def _chain(head: bytes, chunks: Iterator[bytes], count: Callable[[bytes], None]) -> Iterator[bytes]:
    if head:
        yield head
    for chunk in chunks:
        count(chunk)
        yield chunk


def validate_file(path: Path, schema: CsvSchema | None = None, *, chunk_size: int = 1 << 20,
                  on_issue: Callable[[CsvIssue], None] | None = None,
                  first_errors: int = FIRST_ERRORS) -> CsvReport:
    """A local file, read in chunks (tests and the benchmark)."""
    def chunks() -> Iterator[bytes]:
        with path.open("rb") as handle:
            while block := handle.read(chunk_size):
                yield block
    return CsvValidator(schema, name=path.name, on_issue=on_issue,
                        first_errors=first_errors).run(chunks())
