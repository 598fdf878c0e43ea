"""The table preview of a CSV with a bad quote: no row lost, the error on the quote's line."""

from __future__ import annotations

import re

from desktop_app.core.text_preview import parse_csv

UNBALANCED = 'name,qty,price\nbolt,2,0.10\nnut,"3,0.05\nwasher,7,0.02\nscrew,9,0.20\n'


def test_unbalanced_quote_keeps_the_other_rows_and_names_the_line_it_opened_on() -> None:
    table = parse_csv(UNBALANCED, "parts.csv")

    assert table.header == ["name", "qty", "price"]
    assert [row[0] for row in table.rows] == ["bolt", "nut", "washer", "screw"]
    assert table.rows[2] == ["washer", "7", "0.02"]
    assert table.columns == 3
    assert any(re.match(r"Line 3\b", error) and "quote" in error for error in table.errors)
    assert not any("Line 5" in error for error in table.errors)
    assert not any("end of data" in error for error in table.errors)


def test_quoted_fields_across_lines_still_parse_as_one_row() -> None:
    table = parse_csv('a,b\n1,"two\nlines"\n3,4\n', "x.csv")

    assert table.rows == [["1", "two\nlines"], ["3", "4"]]
    assert table.errors == []


def test_stray_quote_inside_an_unquoted_field_is_reported_with_its_line() -> None:
    table = parse_csv('a,b\n1,2\n3,4"5\n', "x.csv")

    assert table.rows == [["1", "2"], ["3", '4"5']]
    assert any(re.match(r"Line 3\b", error) for error in table.errors)


def test_only_line_feeds_end_lines_and_bare_carriage_returns_work_too() -> None:
    table = parse_csv('a,b\r\n1,"x\u2028y"\r\n2,\x0cz\r\n', "x.csv")
    assert table.rows == [["1", "x\u2028y"], ["2", "\x0cz"]]
    assert parse_csv("a,b\r1,2\r3,4\r", "mac.csv").rows == [["1", "2"], ["3", "4"]]
