"""Per-column checks of a CSV (required, integer, decimal, date, e-mail, phone), how they are
inferred from the first rows, and the schema a user saves for a bucket or folder.

Schemas live in one JSON file per connection, `config_dir/csv_schemas/<connection id>.json`,
mapping a place (`bucket/` or `bucket/folder/`) to its schema; the deepest place holding an
object's key applies, so a folder's schema overrides its bucket's.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from desktop_app.core.profiles import write_atomically

SCHEMA_FOLDER = "csv_schemas"
SCHEMA_VERSION = 1
INFER_ROWS = 200  # rows read before the checks are inferred
REQUIRED_AFTER = 20  # a column is inferred required only when this many rows had it filled
INFER_SHARE = 0.9  # a kind is inferred when this share of a column's filled values pass it


class ColumnKind(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    EMAIL = "email"
    PHONE = "phone"


_PATTERNS = {  # no part matches a line break, so they also work on "\n"-joined columns
    ColumnKind.INTEGER: r"[+-]?\d+",
    ColumnKind.DECIMAL: r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?",
    ColumnKind.EMAIL: r"[^@\s\"<>,;]+@[^@\s\"<>,;]+\.[A-Za-z]{2,}",
    ColumnKind.PHONE: r"(?=(?:[^\d\n]*\d){6})\+?[\d \t().\-/]{6,24}",  # six digits at least
}
_SINGLE = {kind: re.compile(pattern) for kind, pattern in _PATTERNS.items()}
# One value per line of a column joined by "\n": counting the lines that pass takes one C call
# for a batch of rows instead of one Python call per value.
BATCH_PATTERNS = {kind: re.compile(rf"^[ \t]*(?:{pattern})[ \t]*$", re.MULTILINE)
                  for kind, pattern in _PATTERNS.items()}
BLANK_LINES = re.compile(r"^[ \t]*$", re.MULTILINE)
_DATES = (  # ISO first; then day-first and month-first with / . and -
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                r"(?:Z|[+-]\d{2}:?\d{2})?)?"), (1, 2, 3)),
    (re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"), (1, 2, 3)),
    (re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})"), (3, 2, 1)),
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})"), (3, 1, 2)),
)


@functools.lru_cache(maxsize=4096)  # dates repeat: a column of them is mostly cache hits
def is_date(value: str) -> bool:
    for pattern, (y, m, d) in _DATES:
        match = pattern.fullmatch(value)
        if match is None:
            continue
        try:
            dt.date(int(match[y]), int(match[m]), int(match[d]))
        except ValueError:
            continue
        return True
    return False


# Each returns something true for a valid value (bound `fullmatch`es: the hot path).
CHECKS: dict[ColumnKind, Callable[[str], object]] = {
    ColumnKind.TEXT: lambda _value: True,
    ColumnKind.INTEGER: _SINGLE[ColumnKind.INTEGER].fullmatch,
    ColumnKind.DECIMAL: _SINGLE[ColumnKind.DECIMAL].fullmatch,
    ColumnKind.DATE: is_date,
    ColumnKind.EMAIL: _SINGLE[ColumnKind.EMAIL].fullmatch,
    ColumnKind.PHONE: _SINGLE[ColumnKind.PHONE].fullmatch,
}

EXPECTED: dict[ColumnKind, str] = {
    ColumnKind.INTEGER: "a whole number",
    ColumnKind.DECIMAL: "a number",
    ColumnKind.DATE: "a date (2024-01-31, 31/01/2024, 31.01.2024 or 01/31/2024)",
    ColumnKind.EMAIL: "an e-mail address",
    ColumnKind.PHONE: "a phone number",
}


@dataclass(frozen=True)
class ColumnRule:
    name: str
    kind: ColumnKind = ColumnKind.TEXT
    required: bool = False


@dataclass(frozen=True)
class CsvSchema:
    """What a CSV dropped in a place must look like; an empty `columns` means inferred."""

    columns: tuple[ColumnRule, ...] = ()
    delimiter: str = ""  # "" = sniffed
    encoding: str = ""  # "" = UTF-8 (with or without BOM)
    has_header: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["columns"] = [{"name": c.name, "kind": c.kind.value, "required": c.required}
                           for c in self.columns]
        return data


def schema_from_dict(data: Mapping[str, Any]) -> CsvSchema:
    """Raises ValueError/TypeError/KeyError on a malformed record."""
    columns = tuple(ColumnRule(str(c["name"]), ColumnKind(c.get("kind", "text")),
                               bool(c.get("required", False)))
                    for c in data.get("columns", []))
    delimiter = str(data.get("delimiter", ""))
    if delimiter not in ("", ",", ";", "\t", "|"):
        raise ValueError(f"unsupported delimiter {delimiter!r}")
    return CsvSchema(columns, delimiter, str(data.get("encoding", "")),
                     bool(data.get("has_header", True)), dict(data.get("extra", {})))


def infer_rules(header: Sequence[str], rows: Sequence[Sequence[str]]) -> tuple[ColumnRule, ...]:
    """The narrowest kind nearly every (INFER_SHARE) filled value of a column passes, so a few
    bad values in the first rows are reported instead of turning the column into text;
    required when no sampled row (of at least REQUIRED_AFTER) left it empty."""
    rules = []
    for index, name in enumerate(header):
        values = [row[index].strip() for row in rows if index < len(row)]
        filled = [v for v in values if v]
        kind = ColumnKind.TEXT
        if filled:
            for candidate in (ColumnKind.INTEGER, ColumnKind.DECIMAL, ColumnKind.DATE,
                              ColumnKind.EMAIL, ColumnKind.PHONE):
                check = CHECKS[candidate]
                if sum(1 for v in filled if check(v)) >= INFER_SHARE * len(filled):
                    kind = candidate
                    break
        required = len(values) >= REQUIRED_AFTER and len(filled) == len(values)
        rules.append(ColumnRule(name or f"Column {index + 1}", kind, required))
    return tuple(rules)


def place_of(bucket: str, prefix: str) -> str:
    return f"{bucket}/{prefix}" if prefix.endswith("/") or not prefix else f"{bucket}/{prefix}/"


class SchemaStore:
    """Saved schemas of one connection, by place; the file is re-read on each lookup so two
    windows agree, and written atomically."""

    def __init__(self, config_dir: Path, connection_id: str) -> None:
        safe = re.sub(r"[^A-Za-z0-9_.-]", "_", connection_id) or "default"
        self.path = config_dir / SCHEMA_FOLDER / f"{safe}.json"

    def all(self) -> dict[str, CsvSchema]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        schemas = {}
        for place, record in dict(data.get("schemas", {})).items():
            try:
                schemas[str(place)] = schema_from_dict(record)
            except (ValueError, TypeError, KeyError, AttributeError):
                continue
        return schemas

    def for_key(self, bucket: str, key: str) -> tuple[str, CsvSchema] | None:
        """The deepest saved place holding `bucket/key`, with its schema."""
        full = f"{bucket}/{key}"
        matches = [(place, s) for place, s in self.all().items() if full.startswith(place)]
        return max(matches, key=lambda item: len(item[0])) if matches else None

    def save(self, place: str, schema: CsvSchema) -> None:
        schemas = self.all()
        schemas[place] = schema
        self._write(schemas)

    def remove(self, place: str) -> None:
        schemas = self.all()
        if schemas.pop(place, None) is not None:
            self._write(schemas)

    def _write(self, schemas: Mapping[str, CsvSchema]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, json.dumps(
            {"version": SCHEMA_VERSION,
             "schemas": {place: s.to_dict() for place, s in sorted(schemas.items())}},
            indent=1))
