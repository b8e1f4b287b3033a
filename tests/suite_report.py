"""What the safety suites tried (leaks, wrong keys, crashes, disk faults, fuzzing), printed
at the end of every run so the CI log shows it without ``-s``.

A test reports with :func:`report` (or ``record_property(REPORT_PROPERTY, text)``). The lines
travel in pytest's test reports, so they also reach the terminal from pytest-xdist workers.
tests/conftest.py imports the fixture and the hook from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

REPORT_PROPERTY = "suite-report"

# the test running now; a stack because a fixture may report while another test item is set up
_running: list[pytest.Item] = []


@pytest.fixture(autouse=True)
def _suite_report_node(request: pytest.FixtureRequest) -> Iterator[None]:
    _running.append(request.node)
    yield
    _running.pop()


def report(text: str) -> None:
    """Add ``text`` to the end-of-run summary under the running test's id."""
    _running[-1].user_properties.append((REPORT_PROPERTY, text))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    lines: list[str] = []
    for reports in terminalreporter.stats.values():
        for item in reports:
            for name, value in getattr(item, "user_properties", ()):
                if name == REPORT_PROPERTY:
                    lines.append(f"{getattr(item, 'nodeid', '?')}: {value}")
    if lines:
        terminalreporter.write_sep("-", "safety suites: what was tried")
        for line in sorted(set(lines)):
            terminalreporter.write_line(line)
