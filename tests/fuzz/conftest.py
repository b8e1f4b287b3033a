"""Fuzz suites: the ``fuzz_log`` fixture, and a summary of what every target tried.

Each test records its :class:`~tests.fuzz.support.FuzzLog` as a user property of its report;
reports travel from xdist workers to the controller, so the summary at the end of the session
lists every fuzz target that ran here, with its example count, outcomes and seeds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.fuzz.support import PROFILE, FuzzLog
from tests.suite_report import REPORT_PROPERTY

_PROPERTY = "fielddoc_fuzz"
_collected: list[dict[str, Any]] = []


@pytest.fixture
def fuzz_log(request: pytest.FixtureRequest) -> Iterator[FuzzLog]:
    log = FuzzLog(request.node.nodeid.split("::")[-1])
    yield log
    print(log.summary())
    request.node.user_properties.append((_PROPERTY, log.to_property()))
    # also in the summary every run prints (tests/suite_report.py), since under xdist without
    # a path the controller never loads this conftest's hooks
    request.node.user_properties.append((REPORT_PROPERTY, f"fuzz ({PROFILE}): {log.summary()}"))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "teardown":
        return
    for name, value in report.user_properties:
        if name == _PROPERTY and isinstance(value, dict):
            _collected.append({**value, "module": report.nodeid.split("::")[0]})


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _collected:
        return
    terminalreporter.section(f"fuzz targets (profile {PROFILE})")
    total = 0
    for entry in sorted(_collected, key=lambda e: (e["module"], e["target"])):
        total += entry["examples"]
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(entry["outcomes"].items()))
        seeds = sorted(entry["seeds"])
        shown = ", ".join(seeds[:8]) + (f", ... ({len(seeds)} seeds)" if len(seeds) > 8 else "")
        terminalreporter.write_line(
            f"{entry['module'].rsplit('/', 1)[-1]}::{entry['target']}: "
            f"{entry['examples']} examples | {outcomes} | seeds: {shown}"
        )
    terminalreporter.write_line(f"{len(_collected)} fuzz targets, {total} examples in all")
