"""Testing: the tests shown on the page pass against the example apps, fail
against deliberately broken copies of them, and run with the page's commands.

A test that still passes when the app is broken proves nothing, so each shown
test file is also run against "mutants": the same app with one behaviour
broken through monkeypatching, and the test that guards that behaviour must fail.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import unittest
from pathlib import Path

import pytest
from django.shortcuts import redirect as django_redirect
from flask import redirect as flask_redirect
from flask import render_template as flask_render

import testing.flask_app as flask_app
from testing.django_app import tests as django_tests
from testing.django_app import views as django_views
from testing.django_app.models import Note
from tests.examples.conftest import EXAMPLES, section

FLASK_TESTS = EXAMPLES / "testing" / "flask_tests.py"
ALL = {"test_the_list_starts_empty", "test_adding_a_note_redirects_to_the_list_that_shows_it",
       "test_an_empty_note_is_refused"}


class Outcomes:
    """A pytest plugin that records each test's outcome by name."""

    def __init__(self):
        self.by_test: dict[str, str] = {}

    def pytest_runtest_logreport(self, report):
        name = report.nodeid.rpartition("::")[2]
        if report.failed or report.when == "call":
            self.by_test.setdefault(name, report.outcome)


def run_flask_tests(monkeypatch) -> dict[str, str]:
    """Run flask_tests.py with pytest in this process, against whatever testing.flask_app now is."""
    monkeypatch.delitem(sys.modules, "testing.flask_tests", raising=False)
    outcomes = Outcomes()
    code = pytest.main([str(FLASK_TESTS), "-q", "-p", "no:django", "-p", "no:pytest_cov", "-p", "no:cacheprovider"],
                       plugins=[outcomes])
    assert set(outcomes.by_test) == ALL
    assert (code == 0) == all(o == "passed" for o in outcomes.by_test.values())
    return outcomes.by_test


def run_django_tests() -> dict[str, str]:
    """Run the TestCase from tests.py with unittest in this process, on pytest-django's test database."""
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(django_tests.NoteTests)
    outcomes = {test._testMethodName: "passed" for test in suite}
    result = unittest.TestResult()
    suite.run(result)
    for test, _ in result.failures + result.errors:
        outcomes[test._testMethodName] = "failed"
    assert set(outcomes) == ALL and result.testsRun == 3
    return outcomes


def failing(outcomes: dict[str, str]) -> set[str]:
    return {name for name, outcome in outcomes.items() if outcome != "passed"}


# The shown tests pass against the real apps ---------------------------------


def test_the_flask_tests_pass(monkeypatch):
    assert failing(run_flask_tests(monkeypatch)) == set()


def test_the_django_tests_pass(db):
    assert failing(run_django_tests()) == set()


# ... and catch a broken app --------------------------------------------------


def flask_render_without(key, value=None):
    def render(template, **context):
        if key in context:
            context[key] = value
        return flask_render(template, **context)
    return render


def django_render_without(key, value=None):
    def render(request, template, context=None, **kwargs):
        context = {**(context or {})}
        if key in context:
            context[key] = value
        return django_views.__dict__["_real_render"](request, template, context, **kwargs)
    return render


FLASK_MUTANTS = {
    "the list forgets added notes": ("render_template", flask_render_without("notes", []),
                                     {"test_adding_a_note_redirects_to_the_list_that_shows_it"}),
    "the error message is lost": ("render_template", flask_render_without("error"),
                                  {"test_an_empty_note_is_refused"}),
    "adding redirects to the wrong page": ("redirect", lambda location: flask_redirect("/"),
                                           {"test_adding_a_note_redirects_to_the_list_that_shows_it"}),
}


@pytest.mark.parametrize("mutant", FLASK_MUTANTS)
def test_the_flask_tests_fail_when_the_app_is_broken(monkeypatch, mutant):
    name, replacement, expected = FLASK_MUTANTS[mutant]
    monkeypatch.setattr(flask_app, name, replacement)
    assert failing(run_flask_tests(monkeypatch)) == expected


DJANGO_MUTANTS = {
    "the list forgets added notes": ("render", django_render_without("notes", []),
                                     {"test_adding_a_note_redirects_to_the_list_that_shows_it"}),
    "the error message is lost": ("render", django_render_without("error"),
                                  {"test_an_empty_note_is_refused"}),
    "adding redirects to the wrong page": ("redirect", lambda *args, **kwargs: django_redirect("/"),
                                           {"test_adding_a_note_redirects_to_the_list_that_shows_it"}),
}


@pytest.mark.parametrize("mutant", DJANGO_MUTANTS)
def test_the_django_tests_fail_when_the_app_is_broken(monkeypatch, db, mutant):
    name, replacement, expected = DJANGO_MUTANTS[mutant]
    monkeypatch.setitem(django_views.__dict__, "_real_render", django_views.render)
    monkeypatch.setattr(django_views, name, replacement)
    assert failing(run_django_tests()) == expected


def test_the_django_tests_fail_when_notes_are_never_saved(monkeypatch, db):
    monkeypatch.setattr(Note, "save", lambda self, *args, **kwargs: None)
    assert failing(run_django_tests()) == {"test_adding_a_note_redirects_to_the_list_that_shows_it"}


# The commands on the page run the tests ---------------------------------------


@pytest.mark.parametrize(
    ("script", "summary"),
    [("testing/flask_commands.sh", ["3 passed"]), ("testing/django_commands.sh", ["Ran 3 tests", "OK"])],
)
def test_the_commands_on_the_page_run_the_tests(script, summary):
    lines = section(script, "run")
    assert lines[0] == "cd examples"
    argv = shlex.split(lines[1])
    assert argv[0] == "python"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)  # as in a reader's shell
    proc = subprocess.run([sys.executable, *argv[1:]], cwd=EXAMPLES, env=env, capture_output=True, text=True,
                          timeout=300)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    for text in summary:
        assert text in output
