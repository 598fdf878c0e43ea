"""Turning the first bytes of a file into something a text, table or hex view can show.

Pure functions (no Qt) so workers can run them and tests can check them without a window.
Everything here is bounded: the input is already capped, and outputs are capped again.
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from desktop_app.core.csv_records import Record, RecordSplitter, quote_problem_text

TEXT_BYTES = 256 * 1024
HEX_BYTES = 64 * 1024
CSV_MAX_ROWS = 10_000
CSV_MAX_COLUMNS = 200


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str


def decode_text(content: bytes, truncated: bool = False) -> DecodedText:
    """UTF-8/16/32 by BOM, else UTF-8, else Latin-1 (which never fails).

    When the content was cut by a read cap, a character split at the very end is dropped
    instead of making the whole file look like Latin-1.
    """
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if content.startswith(bom):
            if name == "utf-32" and content.startswith(codecs.BOM_UTF16_LE) and \
                    len(content) % 4:
                continue  # FF FE 00 00 can also be UTF-16 LE starting with U+0000
            body = content
            if truncated and name != "utf-8-sig":
                unit = 4 if name == "utf-32" else 2
                body = content[: len(content) - len(content) % unit]
            label = {"utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16", "utf-32": "UTF-32"}[name]
            return DecodedText(body.decode(name, errors="replace"), label)
    try:
        return DecodedText(content.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError as exc:
        if truncated and exc.start >= len(content) - 3 and exc.reason == "unexpected end of data":
            return DecodedText(content[: exc.start].decode("utf-8"), "UTF-8")
    return DecodedText(content.decode("latin-1"), "Latin-1")


def pretty_json(text: str) -> str | None:
    """Indented JSON, or None when the text is not (complete) JSON."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    try:
        return json.dumps(value, indent=2, ensure_ascii=False)
    except (ValueError, RecursionError):
        return None


@dataclass(frozen=True, slots=True)
class CsvTable:
    header: list[str]
    rows: list[list[str]]
    delimiter: str
    columns: int
    more_rows: bool  # the file goes on beyond what was read or shown
    errors: list[str] = field(default_factory=list)


def sniff_delimiter(sample: str, name: str = "") -> str:
    if name.lower().endswith((".tsv", ".tab")):
        return "\t"
    try:
        return csv.Sniffer().sniff(sample[:64 * 1024], delimiters=",;\t|").delimiter
    except csv.Error:
        first = sample.split("\n", 1)[0]
        return max(",;\t|", key=first.count) if any(c in first for c in ",;\t|") else ","


def parse_csv(text: str, name: str = "", truncated: bool = False) -> CsvTable:
    """The first CSV_MAX_ROWS rows; a row cut by the read cap is dropped, not reported.

    A quote that never closes is reported on the line it opened on and the rows after it are
    still shown (see core/csv_records.py), instead of the whole rest of the file vanishing.
    """
    if truncated and "\n" in text:
        text = text[: text.rindex("\n") + 1]
    delimiter = sniff_delimiter(text, name)
    splitter = RecordSplitter(delimiter)
    rows: list[list[str]] = []
    errors: list[str] = []
    more = truncated

    def records() -> Iterator[Record]:
        # Only line feeds end lines (as in the validator): a form feed or U+2028 inside a
        # field stays data; a file of bare carriage returns (classic Mac) ends lines with them.
        breaks = "\n" if "\n" in text or "\r" not in text else "\r"
        lines = text.replace("\r\n", "\n").split(breaks)
        if lines and not lines[-1]:
            lines.pop()
        for number, line in enumerate(lines, 1):
            yield from splitter.feed(number, line)
        if not (truncated and splitter.open_since is not None):  # may close past the cap
            yield from splitter.finish()

    for record in records():
        for problem in record.problems:
            if len(errors) < 20:
                errors.append(quote_problem_text(problem))
            elif len(errors) == 20:
                errors.append("(more errors not shown)")
        if len(rows) > CSV_MAX_ROWS:  # header + CSV_MAX_ROWS data rows
            more = True
            break
        rows.append(record.fields[:CSV_MAX_COLUMNS])
    header = rows[0] if rows else []
    body = rows[1:]
    columns = max((len(r) for r in rows), default=0)
    widths = {len(r) for r in body}
    if body and (len(widths) > 1 or widths != {len(header)}):
        uneven = sum(1 for r in body if len(r) != len(header))
        errors.append(f"{uneven} row(s) have a different number of fields than the header.")
    return CsvTable(header, body, delimiter, columns, more, errors)


def hex_dump(content: bytes, limit: int = HEX_BYTES, per_line: int = 16) -> str:
    """Offset, `per_line` hex bytes (a gap after each 8) and their printable ASCII, one line
    per `per_line` bytes; a narrow pane asks for 8 so the ASCII column stays in sight."""
    lines = []
    width = 3 * per_line - 1 + (per_line - 1) // 8
    for offset in range(0, min(len(content), limit), per_line):
        chunk = content[offset:offset + per_line]
        hex_part = "  ".join(" ".join(f"{b:02x}" for b in chunk[at:at + 8])
                             for at in range(0, len(chunk), 8))
        text = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in chunk)
        lines.append(f"{offset:08x}  {hex_part:<{width}}  {text}")
    return "\n".join(lines)
