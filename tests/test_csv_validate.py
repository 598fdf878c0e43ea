"""The streaming CSV validator: every kind of error, with the right line and column."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core import csv_validate
from desktop_app.core.csv_checks import (
    ColumnKind,
    ColumnRule,
    CsvSchema,
    SchemaStore,
    infer_rules,
    place_of,
)
from desktop_app.core.csv_io import ErrorCsvWriter, read_ahead
from desktop_app.core.csv_validate import CsvReport, CsvValidator, validate_file

HEADER = "id,name,email,born,phone,amount"


def good_row(i: int) -> str:
    return f"{i},name {i},user{i}@example.com,2020-01-{i % 28 + 1:02d},+1 555 {i:04d},{i}.25"


def run(text: str | bytes, schema: CsvSchema | None = None, chunk: int = 7,
        name: str = "data.csv") -> CsvReport:
    data = text.encode() if isinstance(text, str) else text
    chunks = [data[i:i + chunk] for i in range(0, len(data), chunk)]
    return CsvValidator(schema, name=name).run(chunks)


def kinds_at(report: CsvReport) -> set[tuple[str, int, int]]:
    return {(issue.kind, issue.line, issue.column) for issue in report.first_errors}


def test_a_clean_file_counts_rows_and_columns_and_infers_the_column_kinds() -> None:
    report = run("\n".join([HEADER, *(good_row(i) for i in range(1, 31))]) + "\n")

    assert report.complete
    assert report.total_errors == 0
    assert (report.rows, report.lines, len(report.header)) == (30, 31, 6)
    assert [c.rule.kind for c in report.columns] == [
        ColumnKind.INTEGER, ColumnKind.TEXT, ColumnKind.EMAIL, ColumnKind.DATE,
        ColumnKind.PHONE, ColumnKind.DECIMAL]
    assert all(c.rule.required and c.inferred for c in report.columns)


def test_every_error_kind_is_reported_on_its_line_and_column() -> None:
    rows = [HEADER, *(good_row(i) for i in range(1, 241))]
    rows[3] = "3,x,not-an-email,2020-02-30,12,abc"  # line 4: four bad values
    rows[5] = "5,short"  # line 6: wrong field count
    rows[7] = '7,na"me,a@b.co,2020-01-01,+15550000,1'  # line 8: stray quote
    rows[9] = '9,"nm"x,a@b.co,2020-01-01,+15550000,1'  # line 10: text after closing quote
    rows[230] = ",no id,a@b.co,2020-01-01,+15550000,1"  # line 231: required (past the sample)
    rows[13] = "13,x,a@b.co,31/12/2020,(030) 123-4567,1e3"  # line 14: all fine
    rows.append('241,"never closed,a@b.co,2020-01-01,+15550000,1')  # line 242
    rows.append("242,after the quote,a@b.co,2020-01-01,+15550000,1")  # line 243: kept
    data = ("\n".join(rows) + "\n").encode() + b"43,caf\xe9,a@b.co,2020-01-01,+15550000,1\n"

    report = run(data)

    assert kinds_at(report) == {
        ("email", 4, 3), ("date", 4, 4), ("phone", 4, 5), ("decimal", 4, 6),
        ("field_count", 6, 0), ("stray_quote", 8, 2), ("text_after_quote", 10, 2),
        ("required", 231, 1), ("unclosed_quote", 242, 2), ("encoding", 244, 2),
    }
    assert report.rows == 243
    assert report.lines == 244
    assert [i.line for i in report.first_errors] == sorted(i.line for i in report.first_errors)
    bad = next(i for i in report.first_errors if i.kind == "date")
    assert bad.value == "2020-02-30"
    assert bad.column_name == "born"
    undecodable = next(i for i in report.first_errors if i.kind == "encoding")
    assert "byte 7 of the line" in undecodable.message


def test_a_quote_open_at_the_end_is_reported_where_it_opened_and_later_rows_still_count() -> None:
    report = run('a,b,c\n1,2,3\n4,"5,6\n7,8,9\n10,11,12\n')

    assert report.rows == 4
    assert kinds_at(report) == {("unclosed_quote", 3, 2)}


def test_a_long_open_quote_is_given_up_after_the_limit_so_memory_stays_bounded() -> None:
    lines = ["a,b", '1,"opens'] + [f"{i},{i}" for i in range(2, 3000)]
    report = run("\n".join(lines) + "\n", chunk=4096)

    assert kinds_at(report) == {("unclosed_quote", 2, 2)}
    assert report.rows == 2999


def test_multi_line_quoted_fields_and_crlf_are_one_record() -> None:
    report = run('a,b\r\n1,"two\r\nlines, with ""quotes"""\r\n2,x\r\n')

    assert report.total_errors == 0
    assert report.rows == 2


def test_semicolon_and_tab_are_sniffed_and_a_chosen_delimiter_wins() -> None:
    assert run("a;b;c\n1;2;3\n4;5;6\n").delimiter == ";"
    assert run("a\tb\n1\t2\n", name="x.tsv").delimiter == "\t"
    report = run("a;b\n1;2\n", CsvSchema(delimiter=","))
    assert report.delimiter == ","
    assert report.header == ["a;b"]


def test_bom_is_skipped_and_a_chosen_encoding_is_used() -> None:
    report = run(b"\xef\xbb\xbfid,name\n1,x\n")
    assert report.encoding == "UTF-8 (BOM)"
    assert report.header == ["id", "name"]
    latin = run("id,name\n1,café\n".encode("latin-1"), CsvSchema(encoding="latin-1"))
    assert latin.total_errors == 0
    assert latin.encoding == "iso8859-1"


def test_utf16_is_refused_with_a_reason() -> None:
    report = run("a,b\n1,2\n".encode("utf-16"))
    assert not report.complete
    assert "UTF-16" in report.fatal


def test_a_line_longer_than_the_cap_is_reported_and_skipped(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_validate, "MAX_LINE_BYTES", 1000)
    monkeypatch.setattr(csv_validate, "SNIFF_BYTES", 16)
    report = run("a,b\n1,2\n" + "x" * 5000 + "\n3,4\n", chunk=100)

    assert kinds_at(report) == {("line_too_long", 3, 0)}
    assert report.rows == 2
    assert report.lines == 4


def test_chosen_rules_override_inference() -> None:
    schema = CsvSchema((ColumnRule("code", ColumnKind.INTEGER, True), ColumnRule("when")))
    report = run("code,when\n12,x\nAB,y\n,z\n", schema)

    assert kinds_at(report) == {("integer", 3, 1), ("required", 4, 1)}
    assert not report.columns[0].inferred


def test_cancel_stops_with_an_incomplete_report() -> None:
    calls = iter(range(100))
    validator = CsvValidator(cancelled=lambda: next(calls) > 12)
    report = validator.run([b"a,b\n"] + [b"1,2\n" * 2000] * 50)
    assert not report.complete
    assert 0 < report.rows < 50 * 2000


def test_all_errors_are_exported_beyond_the_first_ones(tmp_path: Path) -> None:
    source = tmp_path / "big.csv"
    source.write_text("n,m\n" + "".join(f"{i},=x{i}\n" if i % 2 else f"{i},{i}\n"
                                         for i in range(1000)) + "1\n")
    out = tmp_path / "errors.csv"
    with ErrorCsvWriter(out) as writer:
        report = validate_file(source, CsvSchema((ColumnRule("n", ColumnKind.INTEGER),
                                                  ColumnRule("m", ColumnKind.INTEGER))),
                               on_issue=writer, first_errors=10)

    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(report.first_errors) == 10
    assert report.total_errors == 501 == len(rows)
    assert rows[0]["line"] == "3"
    assert rows[0]["value"] == "'=x1"
    assert rows[-1]["kind"] == "field_count"


def test_inference_tolerates_a_few_bad_values_and_required_needs_enough_rows() -> None:
    rules = infer_rules(["n", "d"], [[str(i), "2020-01-01"] for i in range(19)] + [["x", ""]])
    assert [r.kind for r in rules] == [ColumnKind.INTEGER, ColumnKind.DATE]
    assert [r.required for r in rules] == [True, False]
    assert not infer_rules(["n"], [["1"]] * 5)[0].required


def test_schemas_are_saved_per_place_and_the_deepest_place_applies(tmp_path: Path) -> None:
    store = SchemaStore(tmp_path, "conn/1")
    bucket = CsvSchema((ColumnRule("a", ColumnKind.INTEGER),))
    folder = CsvSchema((ColumnRule("a", ColumnKind.DATE, True),), delimiter=";")
    store.save(place_of("data", ""), bucket)
    store.save(place_of("data", "in/2024"), folder)

    again = SchemaStore(tmp_path, "conn/1")
    assert again.path.parent.name == "csv_schemas"
    assert again.for_key("data", "in/2024/x.csv") == ("data/in/2024/", folder)
    assert again.for_key("data", "top.csv") == ("data/", bucket)
    assert again.for_key("other", "x.csv") is None
    again.remove("data/")
    assert again.for_key("data", "top.csv") is None


def test_a_damaged_schema_file_reads_as_none_saved(tmp_path: Path) -> None:
    store = SchemaStore(tmp_path, "c")
    store.path.parent.mkdir(parents=True)
    store.path.write_text('{"schemas": {"b/": {"columns": [{"name": "x", "kind": "nope"}]}}')
    assert store.all() == {}


def test_read_ahead_passes_chunks_and_errors_on_and_stops_its_reader_early() -> None:
    assert list(read_ahead(iter([b"a", b"b", b"c"]), depth=1)) == [b"a", b"b", b"c"]

    def failing() -> Iterator[bytes]:
        yield b"x"
        raise OSError("connection reset")

    with pytest.raises(OSError, match="connection reset"):
        list(read_ahead(failing()))

    closed = threading.Event()

    def endless() -> Iterator[bytes]:
        try:
            while True:
                yield b"y" * 10
        finally:
            closed.set()

    stream = read_ahead(endless(), depth=2)
    assert next(stream) == b"y" * 10
    stream.close()
    assert closed.wait(5)
