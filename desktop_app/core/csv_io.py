"""Streams around the CSV validator: reading an object ahead on a helper thread, and writing
every error found to a CSV file as it is found (the "Export all errors" file)."""

from __future__ import annotations

import csv
import queue
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TextIO

from desktop_app.core.csv_validate import KIND_LABELS, CsvIssue


def read_ahead(chunks: Iterable[bytes], depth: int = 4) -> Iterator[bytes]:
    """The chunks read on a helper thread at most `depth` ahead, so waiting for the network
    overlaps the validation (memory: `depth` chunks). Errors of the reader surface here; when
    the consumer stops early the reader stops too and its source is closed."""
    handoff: queue.Queue[object] = queue.Queue(depth)
    stop = threading.Event()
    end = object()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                handoff.put(item, timeout=0.1)
            except queue.Full:
                continue
            return True
        return False

    def produce() -> None:
        source = iter(chunks)
        try:
            for chunk in source:
                if not put(chunk):
                    return
            put(end)
        except BaseException as exc:  # handed to the consumer to raise
            put(exc)
        finally:
            close = getattr(source, "close", None)
            if close is not None:
                close()

    reader = threading.Thread(target=produce, name="csv-read-ahead", daemon=True)
    reader.start()
    try:
        while True:
            item = handoff.get()
            if item is end:
                return
            if isinstance(item, BaseException):
                raise item
            assert isinstance(item, bytes)
            yield item
    finally:
        stop.set()


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
