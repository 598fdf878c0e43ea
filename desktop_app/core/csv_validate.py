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
import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TextIO

from desktop_app.core.csv_checks import (
    CHECKS,
    EXPECTED,
    INFER_ROWS,
    ColumnKind,
    ColumnRule,
    CsvSchema,
    infer_rules,
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
        for number, line in self._lines(head, chunks, codec):
            if splitter.open_since is None and '"' not in line:
                if line:
                    row(number, line.split(delimiter), ())
                continue
            for record in splitter.feed(number, line):
                row(record.line, record.fields, record.problems)
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
        for problem in problems:
            self._issue(problem.line, problem.column, problem.kind, quote_problem_text(problem))
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
        if any(p.kind == UNCLOSED_QUOTE for p in problems):
            return  # given back as plain text: its fields are not what the writer meant
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
        self._check(line, fields)

    def _start_checks(self) -> None:
        sample, self._sample = self._sample or [], None
        self._use_rules(infer_rules(self.report.header, [f for _, f in sample]), inferred=True)
        for line, fields in sample:
            self._check(line, fields)

    def _use_rules(self, rules: Iterable[ColumnRule], *, inferred: bool) -> None:
        header = self.report.header
        by_name = {rule.name: rule for rule in rules}
        ordered = list(rules)
        for index, name in enumerate(header):
            rule = by_name.get(name) or (ordered[index] if index < len(ordered) and
                                         ordered[index].name not in header else None)
            summary = ColumnSummary(rule or ColumnRule(name), inferred)
            self.report.columns.append(summary)
            if summary.rule.required or summary.rule.kind is not ColumnKind.TEXT:
                check = None if summary.rule.kind is ColumnKind.TEXT else CHECKS[summary.rule.kind]
                self._checks.append((index, summary, check))

    def _check(self, line: int, fields: list[str]) -> None:
        for index, summary, check in self._checks:
            value = fields[index]
            if value and (value[0] == " " or value[-1] == " "):
                value = value.strip()
            rule = summary.rule
            if not value:
                summary.empty += 1
                if rule.required:
                    self._issue(line, index + 1, REQUIRED,
                                f"Line {line}: “{rule.name}” is empty but required.")
                continue
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
        if len(report.first_errors) < self._keep:
            report.first_errors.append(issue)
        if self._on_issue is not None:
            self._on_issue(issue)


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


class ErrorCsvWriter:
    """Every issue as one CSV row, written as it is found (an export of all errors)."""

    HEADER = ("line", "column", "column_name", "kind", "problem", "value", "message")

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: TextIO = path.open("w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._handle)
        self._writer.writerow(self.HEADER)
        self.written = 0

    def __call__(self, issue: CsvIssue) -> None:
        self._writer.writerow([issue.line, issue.column or "", _safe(issue.column_name), issue.kind,
                               KIND_LABELS.get(issue.kind, issue.kind), _safe(issue.value),
                               _safe(issue.message)])
        self.written += 1

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> ErrorCsvWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _safe(cell: str) -> str:
    """A cell starting with = + - @ would run as a formula in a spreadsheet."""
    return f"'{cell}" if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell
