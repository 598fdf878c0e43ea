"""Fixtures of the reliability suite (`make reliability`, never part of `make test`): the
hostile fake S3 server, each scenario's box and audit, and the one table at the end."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path

import pytest

from desktop_app.storage.s3 import MinioStorage
from tests.hostile_s3 import HostileS3
from tests.reliability.audit import RESULTS, Audit, Box, Figures, table
from tests.reliability.harness import BUCKET, hostile_settings


@pytest.fixture
def hostile() -> Iterator[HostileS3]:
    """A fresh hostile fake with one empty bucket."""
    fake = HostileS3().start()
    fake.buckets[BUCKET] = {}
    yield fake
    fake.stop()


@pytest.fixture
def hostile_storage(hostile: HostileS3) -> Iterator[MinioStorage]:
    storage = MinioStorage(hostile_settings(hostile))
    yield storage
    storage.close()


@pytest.fixture
def box(tmp_path: Path) -> Box:
    return Box(tmp_path)


@pytest.fixture
def audit(request: pytest.FixtureRequest, box: Box, capfd: pytest.CaptureFixture[str],
          caplog: pytest.LogCaptureFixture) -> Audit:
    """This scenario's figures; the test ends with `audit.finish(...)`."""
    name = request.node.name.removeprefix("test_")
    base, _, param = name.partition("[")
    figures = Figures(base.replace("_", "-") + (f" [{param}" if param else ""))
    RESULTS.append(figures)
    request.node.reliability_figures = figures
    return Audit(figures, box, capfd, caplog)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]
                              ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    figures: Figures | None = getattr(item, "reliability_figures", None)
    if figures is not None and report.failed:
        figures.survived = False
        if not figures.why:  # a crash, a hang or an error before the figures were taken
            crash = getattr(report.longrepr, "reprcrash", None)
            text = crash.message if crash is not None else str(report.longrepr)
            figures.why = text.strip().splitlines()[0][:200] if text.strip() else "failed"
    return report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not RESULTS:
        return
    terminalreporter.section("reliability")
    for line in table(RESULTS):
        terminalreporter.write_line(line)
