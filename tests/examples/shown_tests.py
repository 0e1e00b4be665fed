"""Run the tests a page shows, in this process, and name those that fail.

A shown test that still passes when the app is broken proves nothing, so
test_testing.py and test_structure.py run them against the real example and
against copies broken by monkeypatching.
"""

from __future__ import annotations

import sys
import unittest
from pathlib import Path

import pytest


class _Outcomes:
    """A pytest plugin that records each test's outcome by name."""

    def __init__(self):
        self.by_test: dict[str, str] = {}

    def pytest_runtest_logreport(self, report):
        if report.failed or report.when == "call":
            self.by_test.setdefault(report.nodeid.rpartition("::")[2], report.outcome)


def pytest_outcomes(path: Path, package: str, monkeypatch) -> dict[str, bool]:
    """{test name: passed} of the pytest file or folder ``path``, its modules (``package``) imported afresh."""
    for name in [m for m in sys.modules if m.startswith(package)]:
        monkeypatch.delitem(sys.modules, name)
    outcomes = _Outcomes()
    plugins_off = ["-p", "no:django", "-p", "no:pytest_cov", "-p", "no:cacheprovider"]
    code = pytest.main([str(path), "-q", *plugins_off], plugins=[outcomes])
    passed = {name: outcome == "passed" for name, outcome in outcomes.by_test.items()}
    assert (code == 0) == all(passed.values())
    return passed


def unittest_outcomes(*cases: type[unittest.TestCase]) -> dict[str, bool]:
    """{test name: passed} of Django TestCases run with unittest, on pytest-django's test database."""
    tests = [test for case in cases for test in unittest.defaultTestLoader.loadTestsFromTestCase(case)]
    result = unittest.TestResult()
    unittest.TestSuite(tests).run(result)
    failed = {test._testMethodName for test, _ in result.failures + result.errors}
    return {test._testMethodName: test._testMethodName not in failed for test in tests}


def failing(outcomes: dict[str, bool]) -> set[str]:
    return {name for name, passed in outcomes.items() if not passed}
